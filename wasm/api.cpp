// The JavaScript Engine's methods (api.h).
#include "api.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string_view>
#include <vector>

#include "aiexp/format.h"
#include "aiexp/ilo_tasks.h"

namespace aiexp::js {

using emscripten::typed_memory_view;

StatusJs error_status(const std::string& code, const std::string& detail) {
  const auto parsed = parse_code_name(code);
  if (!parsed || *parsed == ErrorCode::Ok) return to_js(make_error(ErrorCode::InvalidOption, "error code " + code.substr(0, 32)));
  return to_js(make_error(*parsed, detail.substr(0, 200)));
}

val grammar() { return grammar_to_js(); }

#ifdef AIEXP_PAGE_BUILD
val bands() {
  val list = val::array();
  for (const Band band : {Band::Minimal, Band::Low, Band::Moderate, Band::High, Band::VeryHigh}) {
    val item = val::object();
    item.set("key", std::string(band_key(band)));
    item.set("name", std::string(band_name(band)));
    item.set("rangeText", std::string(band_range_text(band)));
    list.call<void>("push", item);
  }
  return list;
}

std::string band_of(double score10_displayed) {
  if (std::isnan(score10_displayed)) return "";
  return std::string(band_key(band_for(score10_displayed)));
}
#endif

namespace {

// A data file's text, from a Uint8Array of its UTF-8 bytes or from a string. The page passes bytes: they are
// copied into module memory by one TypedArray.set, where embind's std::string conversion copies a string
// character by character in JavaScript, which on a page's first load costs tens of milliseconds.
std::optional<std::string> data_text(const val& input) {
  if (input.isString()) return input.as<std::string>();
  if (!input.instanceof(val::global("Uint8Array"))) return std::nullopt;
  const auto length = input["length"].as<std::size_t>();
  std::string text(length, '\0');
  val(typed_memory_view(length, reinterpret_cast<unsigned char*>(text.data()))).call<void>("set", input);
  return text;
}

StatusJs load_data(const val& input, auto load) {
  const std::optional<std::string> text = data_text(input);
  if (!text) return to_js(make_error(ErrorCode::InvalidOption, "a data file must be given as a string or a Uint8Array"));
  return to_js(load(*text));
}

}  // namespace

StatusJs load_bundle(Engine& engine, const val& input) {
  return load_data(input, [&](std::string_view text) { return engine.load_bundle(text); });
}
StatusJs load_details(Engine& engine, const val& input) {
  return load_data(input, [&](std::string_view text) { return engine.load_details(text); });
}
StatusJs load_text_part(Engine& engine, const val& input) {
  return load_data(input, [&](std::string_view text) { return engine.load_text_part(text); });
}
StatusJs load_titles(Engine& engine, const val& input) {
  return load_data(input, [&](std::string_view text) { return engine.load_titles(text); });
}
bool has_details(const Engine& engine) { return engine.has_details(); }
bool has_titles(const Engine& engine) { return engine.has_titles(); }

StatusJs set_assumptions(Engine& engine, const val& input) {
  Assumptions assumptions;
  if (Status status = assumptions_from_js(input, assumptions); !status.ok()) return to_js(status);
  return to_js(engine.set_assumptions(assumptions));
}

val assumptions(const Engine& engine) { return assumptions_to_js(engine.assumptions()); }

val default_assumptions(const Engine&) { return assumptions_to_js(Assumptions{}); }

val unit_groups(const Engine& engine) {
  std::vector<UnitGroupInfoJs> groups;
  if (const Bundle* bundle = engine.bundle()) {
    for (std::uint32_t g = 0; g < bundle->unit_groups.size(); ++g) groups.push_back(unit_group_info(*bundle, g));
  }
  return array_of(groups);
}

val major_groups(const Engine& engine) {
  std::vector<MajorGroupJs> groups;
  if (const Bundle* bundle = engine.bundle()) {
    for (const MajorGroup& group : bundle->major_groups) groups.push_back(MajorGroupJs{group.code, group.title});
  }
  return array_of(groups);
}

val rows(const Engine& engine) {
  std::vector<RowJs> rows;
  if (const Bundle* bundle = engine.bundle()) {
    for (const UnitGroupRow& row : engine.rows()) rows.push_back(to_js(*bundle, row));
  }
  return array_of(rows);
}

val rows_at(const Engine& engine, const val& indices) {
  std::vector<RowJs> rows;
  const Bundle* bundle = engine.bundle();
  if (!bundle || !indices.isArray()) return array_of(rows);
  // Element by element (the page asks for two dozen): anything but a whole number in range is skipped, and no
  // element can make the call throw or allocate by the array's length.
  const double count = static_cast<double>(bundle->unit_groups.size());
  const std::size_t length = indices["length"].as<std::size_t>();
  for (std::size_t i = 0; i < length; ++i) {
    const val element = indices[i];
    if (!element.isNumber()) continue;
    const double index = element.as<double>();
    if (!(index >= 0 && index < count) || index != std::floor(index)) continue;
    if (const auto row = engine.row(static_cast<std::size_t>(index))) rows.push_back(to_js(*bundle, *row));
  }
  return array_of(rows);
}

val figure_columns(const Engine& engine) {
  const Scorer* scorer = engine.scorer();
  const std::size_t count = scorer ? scorer->unit_groups().size() : 0;
  constexpr double kNone = std::numeric_limits<double>::quiet_NaN();
  std::vector<double> score10(count);
  std::vector<double> wage_exposure(count);
  std::vector<double> range_min10(count);
  std::vector<double> range_max10(count);
  for (std::size_t g = 0; g < count; ++g) {
    const UnitGroupFigures& figures = scorer->unit_groups()[g];
    score10[g] = figures.scored ? figures.score01 * 10.0 : kNone;
    wage_exposure[g] = figures.has_wage_exposure ? figures.wage_exposure_gbp : kNone;
    const Sensitivity& band = scorer->sensitivity()[g];
    range_min10[g] = band.scored ? band.min01 * 10.0 : kNone;
    range_max10[g] = band.scored ? band.max01 * 10.0 : kNone;
  }
  val columns = val::object();
  columns.set("score10", float64_array_of(score10));
  columns.set("wageExposureGbp", float64_array_of(wage_exposure));
  columns.set("rangeMin10", float64_array_of(range_min10));
  columns.set("rangeMax10", float64_array_of(range_max10));
#ifdef AIEXP_PAGE_BUILD
  // The headline as displayed (one decimal): what the bands, the treemap's colours and the threshold go by.
  std::vector<double> displayed10(count);
  for (std::size_t g = 0; g < count; ++g) {
    const UnitGroupFigures& figures = scorer->unit_groups()[g];
    displayed10[g] = figures.scored ? figures.score10_displayed : kNone;
  }
  columns.set("displayed10", float64_array_of(displayed10));
  // The band of each headline as an index into bands() (-1 where not scored): the charts colour by it.
  std::vector<std::int8_t> band(count);
  for (std::size_t g = 0; g < count; ++g) {
    const UnitGroupFigures& figures = scorer->unit_groups()[g];
    band[g] = figures.scored ? static_cast<std::int8_t>(figures.band) : std::int8_t{-1};
  }
  columns.set("band", val::global("Int8Array").new_(val(emscripten::typed_memory_view(band.size(), band.data()))));
  // The other measures' scores (0-10, NaN where not scored), for the table's optional columns (the page's only).
  for (const Measure measure : {Measure::Ilo2025, Measure::Ilo2023, Measure::Microsoft}) {
    std::vector<double> values(count);
    for (std::size_t g = 0; g < count; ++g) {
      const UnitGroupFigures& figures = scorer->figures(measure)[g];
      values[g] = figures.scored ? figures.score01 * 10.0 : kNone;
    }
    columns.set(std::string(measure_name(measure)) + "10", float64_array_of(values));
  }
#endif
  return columns;
}

TotalsJs totals(const Engine& engine) { return to_js(engine.totals()); }

namespace {

// The totals of part of the UK (a major group, a threshold's unit groups) with the pay their wage exposure is of.
val part_totals_to_js(const TotalsView& view) {
  val js = val::object();
  js.set("unitGroups", view.totals.unit_groups);
  js.set("scored", view.totals.scored);
  js.set("employees", view.totals.employees);
  js.set("employeesText", view.employees_text);
  js.set("meanScore10", view.totals.mean_score10);
  js.set("meanScoreText", view.mean_score_text);
  js.set("wageExposureGbp", view.totals.wage_exposure_gbp);
  js.set("wageExposureText", view.wage_exposure_text);
  js.set("wageExposureGroups", view.totals.wage_exposure_groups);
  js.set("payGbp", view.totals.pay_gbp);
  js.set("payText", view.pay_text);
  js.set("bandKey", view.band_key);
  return js;
}

}  // namespace

val major_group_summaries(const Engine& engine) {
  val list = val::array();
  for (const MajorGroupSummary& summary : engine.major_group_summaries()) {
    val js = part_totals_to_js(summary.totals);
    js.set("code", summary.code);
    js.set("title", summary.title);
    list.call<void>("push", js);
  }
  return list;
}

val totals_at_or_above(const Engine& engine, double min_score10) {
  val js = part_totals_to_js(engine.totals_at_or_above(min_score10));
  js.set("minScore10", min_score10);
  // Which unit groups those totals count (1) in unitGroups() order: the treemap fades and the table filters by it.
  const Scorer* scorer = engine.scorer();
  const std::size_t count = scorer ? scorer->unit_groups().size() : 0;
  std::vector<std::uint8_t> members(count);
  for (std::size_t g = 0; g < count; ++g) members[g] = at_or_above(scorer->unit_groups()[g], min_score10) ? 1 : 0;
  js.set("members", val::global("Uint8Array").new_(val(emscripten::typed_memory_view(members.size(), members.data()))));
  return js;
}

val report(const Engine& engine, const std::string& soc) { return report_to_js(engine.report(soc)); }

val provenance(const Engine& engine, const std::string& soc) {
  const Result<UnitGroupReport> result = engine.report(soc);
  if (!result.ok()) return val::array();
  return provenance_to_js(figure_provenance(*engine.scorer(), result.value()));
}

val task_provenance(const Engine& engine, const std::string& soc, int task_id) {
  const Result<UnitGroupReport> result = engine.report(soc);
  if (!result.ok() || task_id <= 0) return val::null();
  for (const TaskLine& task : result.value().tasks) {
    if (task.id == task_id) return provenance_to_js(aiexp::task_provenance(*engine.scorer(), result.value(), task));
  }
  return val::null();
}

val sources(const Engine& engine) {
  val list = val::array();
  if (!engine.bundle()) return list;
  for (const DataSource& source : engine.bundle()->sources) {
    val js = val::object();
    js.set("id", source.id);
    js.set("path", source.path);
    js.set("title", source.title);
    js.set("publisher", source.publisher);
    js.set("version", source.version);
    js.set("licence", source.licence);
    list.call<void>("push", js);
  }
  return list;
}

val totals_provenance(const Engine& engine) {
  if (!engine.scorer()) return val::array();
  return provenance_to_js(aiexp::totals_provenance(*engine.scorer(), engine.totals()));
}

val missing_text_parts(const Engine& engine, const std::string& soc) {
  const auto parts = engine.missing_text_parts(soc);
  val js = status_object(parts);
  js.set("parts", parts.ok() ? array_of(parts.value()) : val::array());
  return js;
}

val search(const Engine& engine, const std::string& query, int limit) {
  std::vector<SearchResultJs> results;
  for (const SearchResult& result : engine.search(query, static_cast<std::size_t>(std::clamp(limit, 0, 100)))) {
    results.push_back(to_js(result));
  }
  return array_of(results);
}

StatusJs load_breakdowns(Engine& engine, const val& input) {
  return load_data(input, [&](std::string_view text) { return engine.load_breakdowns(text); });
}
bool has_breakdowns(const Engine& engine) { return engine.has_breakdowns(); }

val sex_breakdown(const Engine& engine) { return split_breakdown_to_js(BreakdownKind::Sex, engine.sex_breakdown()); }
val pattern_breakdown(const Engine& engine) {
  return split_breakdown_to_js(BreakdownKind::Pattern, engine.pattern_breakdown());
}
val industry_breakdown(const Engine& engine) { return industry_breakdown_to_js(engine.industry_breakdown()); }
val region_breakdown(const Engine& engine) { return region_breakdown_to_js(engine.region_breakdown()); }
val pay_breakdown(const Engine& engine) { return pay_breakdown_to_js(engine.pay_breakdown()); }

val role_breakdown(const Engine& engine, const std::string& soc) { return role_breakdown_to_js(engine.role_breakdown(soc)); }

val breakdown_provenance(const Engine& engine, const std::string& kind) {
  const auto parsed = parse_breakdown_kind(kind);
  if (!parsed) return val::array();
  return provenance_to_js(engine.breakdown_provenance(*parsed));
}

val breakdown_csv(const Engine& engine, const std::string& kind) {
  const auto parsed = parse_breakdown_kind(kind);
  if (!parsed) {
    val js = status_object(make_error(ErrorCode::InvalidOption, "breakdown kind " + kind.substr(0, 32)));
    js.set("csv", std::string());
    return js;
  }
  const auto csv = engine.breakdown_csv(*parsed);
  val js = status_object(csv);
  js.set("csv", csv.ok() ? csv.value() : std::string());
  return js;
}

std::string table_csv(const Engine& engine, const val& socs) {
  std::vector<std::string> codes;
  if (socs.isArray()) {
    const auto count = socs["length"].as<unsigned>();
    for (unsigned i = 0; i < count && i < 1000; ++i) {
      const val item = socs[i];
      if (item.isString()) codes.push_back(item.as<std::string>());
    }
  }
  return engine.table_csv(codes);
}

val tasks_csv(const Engine& engine, const std::string& soc) {
  const auto csv = engine.tasks_csv(soc);
  val js = status_object(csv);
  js.set("csv", csv.ok() ? csv.value() : std::string());
  return js;
}

std::string encode_state(const Engine& engine, const std::string& soc, const val& compare) {
  return engine.encode_state(soc, strings_from_js(compare));
}

val decode_state(const Engine& engine, const std::string& query) {
  return decoded_state_to_js(engine.decode_state(query));
}

val measures(const Engine& engine, const std::string& soc) { return measures_to_js(engine.measures_report(soc)); }

val measure_columns(const Engine& engine) {
  val columns = val::object();
  const Scorer* scorer = engine.scorer();
  for (const Measure measure : kMeasures) {
    const std::size_t count = scorer ? scorer->figures(measure).size() : 0;
    std::vector<double> score10(count);
    for (std::size_t g = 0; g < count; ++g) {
      const UnitGroupFigures& figures = scorer->figures(measure)[g];
      score10[g] = figures.scored ? figures.score01 * 10.0 : std::numeric_limits<double>::quiet_NaN();
    }
    columns.set(std::string(measure_name(measure)), float64_array_of(score10));
  }
  return columns;
}

val agreement(const Engine& engine, const std::string& name) {
  val js = val::object();
  const auto measure = parse_measure(name);
  const RankAgreement result = engine.scorer() && measure ? engine.scorer()->agreement(*measure) : RankAgreement{};
  js.set("pairs", result.pairs);
  js.set("rho", result.rho);
  js.set("text", result.pairs > 0 ? format_decimal(result.rho, 2) : std::string(kNotScored));
  return js;
}

val ilo_tasks(const Engine& engine, const val& input) {
  if (!engine.loaded()) return status_object(make_error(ErrorCode::NotLoaded));
  const std::optional<std::string> text = data_text(input);
  if (!text) return status_object(make_error(ErrorCode::InvalidOption, "a data file must be given as a string or a Uint8Array"));
  const Result<IloTaskList> parsed = parse_ilo_tasks(*engine.bundle(), *text);
  val js = status_object(parsed);
  if (!parsed.ok()) return js;
  const IloTaskList& list = parsed.value();
  js.set("isco", list.isco);
  js.set("title", list.title);
  // On the page's 0-10 scale, as every other score.
  const auto score = [](std::int64_t units) {
    return units == kNoMeasureValue ? std::string(kNotScored)
                                    : format_score10(displayed_score10(static_cast<double>(units) / kMeasureUnits));
  };
  val tasks = val::array();
  for (std::size_t i = 0; i < list.tasks.size(); ++i) {
    const IloTaskText& task = list.tasks[i];
    val item = val::object();
    item.set("id", task.id);
    item.set("text", task.text);
    item.set("score10", static_cast<double>(task.score_2025) / kMeasureUnits * 10.0);
    item.set("scoreText", score(task.score_2025));
    item.set("score2023Text", score(task.score_2023));
    item.set("gpt4oText", score(task.score_gpt4o));
    item.set("geminiText", score(task.score_gemini));
    item.set("reasonGpt4o", task.reason_gpt4o);
    item.set("reasonGemini", task.reason_gemini);
    item.set("reconciled", task.reconciled);
    tasks.set(i, item);
  }
  js.set("tasks", tasks);
  return js;
}

}  // namespace aiexp::js
