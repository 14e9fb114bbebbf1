// C++ <-> JavaScript conversions (convert.h). Input from JavaScript is checked field by field: a wrong
// type or value becomes a Status, never an embind exception or an abort.
#include "convert.h"

#include <cmath>
#include <limits>

#include "aiexp/format.h"

namespace aiexp::js {

namespace {

Error invalid(ErrorCode code, std::string detail) { return make_error(code, std::move(detail)); }

TaskLineJs task_to_js(const TaskLine& line) {
  TaskLineJs js;
  js.id = line.id;
  js.onet = line.onet_code;
  js.text = line.text;
  js.label = std::string(label_name(line.label));
  js.labelText = line.label_text;
  js.sourceLabel = std::string(label_name(line.source_label));
  js.labelOverridden = line.label_overridden;
  js.weight = line.weight;
  js.weightOverridden = line.weight_overridden;
  js.excluded = line.excluded;
  js.importanceKnown = line.importance_known;
  js.importance = line.importance;
  js.importanceText = line.importance_text;
  return js;
}

val string_array(const std::vector<std::string>& items) { return array_of(items); }

// A string field that must be one of a set of names; `parse` returns nullopt for others.
template <class Parse>
bool read_name(const val& input, const char* key, Parse parse, auto& out, Status& status) {
  const val value = input[key];
  if (value.isUndefined()) return true;
  if (!value.isString()) {
    status = invalid(ErrorCode::InvalidOption, std::string(key) + " must be a string");
    return false;
  }
  const auto parsed = parse(value.as<std::string>());
  if (!parsed) {
    status = invalid(ErrorCode::InvalidOption, std::string(key) + " = \"" + value.as<std::string>().substr(0, 32) + "\"");
    return false;
  }
  out = *parsed;
  return true;
}

bool read_unit_number(const val& input, const char* key, double& out, Status& status) {
  const val value = input[key];
  if (value.isUndefined()) return true;
  const double number = value.isNumber() ? value.as<double>() : std::nan("");
  if (!(std::isfinite(number) && number >= 0.0 && number <= 1.0)) {
    status = invalid(ErrorCode::InvalidLabelValue, std::string(key) + " must be a number from 0 to 1");
    return false;
  }
  out = number;
  return true;
}

}  // namespace

val float64_array_of(const std::vector<double>& values) {
  return val::global("Float64Array").new_(val(emscripten::typed_memory_view(values.size(), values.data())));
}

StatusJs to_js(const Status& status) {
  if (status.ok()) return StatusJs{};
  return StatusJs{false, std::string(code_name(status.error().code)), status.error().message()};
}

val status_object(const Status& status) {
  const StatusJs head = to_js(status);
  val js = val::object();
  js.set("ok", head.ok);
  js.set("code", head.code);
  js.set("message", head.message);
  return js;
}

UnitGroupInfoJs unit_group_info(const Bundle& bundle, std::uint32_t index) {
  const UnitGroup& group = bundle.unit_groups[index];
  UnitGroupInfoJs info;
  info.soc = group.soc;
  info.title = group.title;
  info.majorGroup = group.major_group();
  const AsheView employees = employees_view(group);
  const AsheView pay = median_pay_view(group);
  info.hasEmployees = employees.published;
  info.employees = static_cast<double>(employees.value);
  info.employeesText = employees.text;
  info.hasMedianPay = pay.published;
  info.medianPayGbp = static_cast<double>(pay.value);
  info.medianPayText = pay.text;
  info.bridgeGrade = std::string(bridge_grade_name(bridge_quality(bundle, index).grade));
  return info;
}

RowJs to_js(const Bundle& bundle, const UnitGroupRow& row) {
  RowJs js;
  js.soc = bundle.unit_groups[row.unit_group].soc;
  js.scored = row.scored;
  js.score10 = row.score10;
  js.scoreText = row.score_text;
  js.band = row.band_text;
  js.bandKey = row.scored ? std::string(band_key(row.band)) : "";
  js.hasWageExposure = row.has_wage_exposure;
  js.wageExposureGbp = row.wage_exposure_gbp;
  js.wageExposureText = row.wage_exposure_text;
  js.rankPercent = row.rank_percent;
  js.rangeScored = row.range_scored;
  js.rangeMin10 = row.range_min10;
  js.rangeMax10 = row.range_max10;
  js.rangeText = row.range_text;
  js.ilo2025Text = row.measure_text[static_cast<std::size_t>(Measure::Ilo2025)];
  js.ilo2023Text = row.measure_text[static_cast<std::size_t>(Measure::Ilo2023)];
  js.microsoftText = row.measure_text[static_cast<std::size_t>(Measure::Microsoft)];
  return js;
}

TotalsJs to_js(const TotalsView& view) {
  TotalsJs js;
  js.unitGroups = view.totals.unit_groups;
  js.scored = view.totals.scored;
  js.rankSet = view.totals.rank_set;
  js.employees = view.totals.employees;
  js.employeesText = view.employees_text;
  js.meanScore10 = view.totals.mean_score10;
  js.meanScoreText = view.mean_score_text;
  js.wageExposureGbp = view.totals.wage_exposure_gbp;
  js.wageExposureText = view.wage_exposure_text;
  js.wageExposureGroups = view.totals.wage_exposure_groups;
  js.distributionText = view.distribution_text;
  return js;
}

SearchResultJs to_js(const SearchResult& result) {
  return SearchResultJs{result.soc, result.title, result.matched_title, result.qualifier};
}

val provenance_to_js(const Provenance& p) {
  val sources = val::array();
  for (const SourceLine& line : p.sources) {
    val js = val::object();
    js.set("id", line.id);
    js.set("text", line.text);
    js.set("row", line.row);
    sources.call<void>("push", js);
  }
  val js = val::object();
  js.set("figure", p.figure);
  js.set("title", p.title);
  js.set("valueText", p.value_text);
  js.set("sources", sources);
  js.set("formula", p.formula);
  js.set("assumptions", p.assumptions);
  js.set("citation", p.citation);
  return js;
}

val provenance_to_js(const std::vector<Provenance>& panels) {
  val list = val::array();
  for (const Provenance& p : panels) list.call<void>("push", provenance_to_js(p));
  return list;
}

namespace {

constexpr double kNoMean = std::numeric_limits<double>::quiet_NaN();

// One property each, kept out of line (-O3 would inline them again): the breakdowns set about sixty, and an inlined
// val::set per field costs the page's module kilobytes.
[[gnu::noinline]] void put(val& object, const char* key, double value) { object.set(key, value); }
[[gnu::noinline]] void put(val& object, const char* key, int value) { object.set(key, value); }
[[gnu::noinline]] void put(val& object, const char* key, bool value) { object.set(key, value); }
[[gnu::noinline]] void put(val& object, const char* key, const std::string& value) { object.set(key, value); }
[[gnu::noinline]] void put(val& object, const char* key, const val& value) { object.set(key, value); }

// The head every breakdown carries: status, kind and caption.
val breakdown_head(const Status& status, BreakdownKind kind) {
  val js = status_object(status);
  put(js, "kind", std::string(breakdown_kind_name(kind)));
  put(js, "caption", std::string(breakdown_caption(kind)));
  return js;
}

template <class T>
Status status_of(const Result<T>& result) {
  return result.ok() ? Status::success() : Status(result.error());
}

}  // namespace

val split_breakdown_to_js(BreakdownKind kind, const Result<SplitBreakdown>& breakdown) {
  val js = breakdown_head(status_of(breakdown), kind);
  if (!breakdown.ok()) return js;
  const SplitBreakdown& b = breakdown.value();
  val sides = val::array();
  for (const SplitSide& side : b.sides) {
    val item = val::object();
    put(item, "group", side.group);
    put(item, "title", side.title);
    put(item, "employees", side.employees);
    put(item, "hasMean", side.employees > 0.0);
    put(item, "meanScore10", side.mean_score10);
    put(item, "highEmployees", side.high_employees);
    put(item, "highShare", side.high_share);
    put(item, "hasWageExposure", side.has_wage_exposure);
    put(item, "wageExposureGbp", side.wage_exposure_gbp);
    put(item, "wageEmployees", side.wage_employees);
    put(item, "wageGroups", side.wage_groups);
    put(item, "employeesText", side.employees_text);
    put(item, "meanScoreText", side.mean_score_text);
    put(item, "highShareText", side.high_share_text);
    put(item, "wageExposureText", side.wage_exposure_text);
    sides.call<void>("push", item);
  }
  put(js, "sides", sides);
  put(js, "unitGroups", b.unit_groups);
  val levels = val::object();
  put(levels, "unitGroup", b.levels[0]);
  put(levels, "minorGroup", b.levels[1]);
  put(levels, "subMajorGroup", b.levels[2]);
  put(levels, "majorGroup", b.levels[3]);
  put(js, "levels", levels);
  put(js, "levelsText", b.levels_text);
  put(js, "unsplitGroups", b.unsplit_groups);
  put(js, "unsplitEmployees", b.unsplit_employees);
  return js;
}

val industry_breakdown_to_js(const Result<IndustryBreakdown>& breakdown) {
  val js = breakdown_head(status_of(breakdown), BreakdownKind::Industry);
  if (!breakdown.ok()) return js;
  val rows = val::array();
  std::vector<double> people;
  std::vector<double> means;
  for (const IndustryRow& row : breakdown.value().rows) {
    val item = val::object();
    put(item, "group", row.group);
    put(item, "title", row.title);
    put(item, "scored", row.scored);
    put(item, "employees", row.people);
    put(item, "meanScore10", row.mean_score10);
    put(item, "cells", row.cells);
    put(item, "smallSampleCells", row.small_sample_cells);
    put(item, "smallSamplePeople", row.small_sample_people);
    put(item, "unscoredCells", row.unscored_cells);
    put(item, "unscoredPeople", row.unscored_people);
    put(item, "withheldCells", row.withheld_cells);
    put(item, "totalPeople", row.total_people);
    put(item, "coveredShare", row.covered_share);
    put(item, "employeesText", row.people_text);
    put(item, "meanScoreText", row.mean_score_text);
    put(item, "coveredText", row.covered_text);
    put(item, "smallSampleText", row.small_sample_text);
    rows.call<void>("push", item);
    people.push_back(row.people);
    means.push_back(row.scored ? row.mean_score10 : kNoMean);
  }
  put(js, "rows", rows);
  put(js, "employees", float64_array_of(people));
  put(js, "meanScore10", float64_array_of(means));
  return js;
}

val region_breakdown_to_js(const Result<RegionBreakdown>& breakdown) {
  val js = breakdown_head(status_of(breakdown), BreakdownKind::Region);
  if (!breakdown.ok()) return js;
  val rows = val::array();
  std::vector<double> people;
  std::vector<double> means;
  for (const RegionRow& row : breakdown.value().rows) {
    val item = val::object();
    put(item, "group", row.group);
    put(item, "title", row.title);
    put(item, "scored", row.scored);
    put(item, "employees", row.people);
    put(item, "meanScore10", row.mean_score10);
    put(item, "minorGroups", row.minor_groups);
    put(item, "unscoredMinorGroups", row.unscored_minor_groups);
    put(item, "unscoredPeople", row.unscored_people);
    put(item, "missingMinorGroups", row.missing_minor_groups);
    put(item, "employeesText", row.people_text);
    put(item, "meanScoreText", row.mean_score_text);
    rows.call<void>("push", item);
    people.push_back(row.people);
    means.push_back(row.scored ? row.mean_score10 : kNoMean);
  }
  put(js, "rows", rows);
  put(js, "employees", float64_array_of(people));
  put(js, "meanScore10", float64_array_of(means));
  put(js, "scoredMinorGroups", breakdown.value().scored_minor_groups);
  put(js, "plainMeanMinorGroups", breakdown.value().plain_mean_minor_groups);
  return js;
}

val pay_breakdown_to_js(const Result<PayBreakdown>& breakdown) {
  val js = breakdown_head(status_of(breakdown), BreakdownKind::Pay);
  if (!breakdown.ok()) return js;
  const PayBreakdown& b = breakdown.value();
  val rows = val::array();
  std::vector<double> employees;
  std::vector<double> means;
  for (const PayRow& row : b.rows) {
    val item = val::object();
    put(item, "group", row.group);
    put(item, "title", row.title);
    put(item, "scored", row.scored);
    put(item, "occupations", row.occupations);
    put(item, "employees", row.employees);
    put(item, "meanScore10", row.mean_score10);
    // Pounds as doubles: exact below 2^53, and wasm32 `long` is 32 bits (NOTES-toolchain.md #7).
    put(item, "payLowGbp", static_cast<double>(row.pay_low_gbp));
    put(item, "payHighGbp", static_cast<double>(row.pay_high_gbp));
    put(item, "wageExposureGbp", row.wage_exposure_gbp);
    put(item, "wageShare", row.wage_share);
    put(item, "employeesText", row.employees_text);
    put(item, "meanScoreText", row.mean_score_text);
    put(item, "payRangeText", row.pay_range_text);
    put(item, "wageShareText", row.wage_share_text);
    rows.call<void>("push", item);
    employees.push_back(row.employees);
    means.push_back(row.scored ? row.mean_score10 : kNoMean);
  }
  put(js, "rows", rows);
  put(js, "employees", float64_array_of(employees));
  put(js, "meanScore10", float64_array_of(means));
  put(js, "unitGroups", b.unit_groups);
  put(js, "totalEmployees", b.employees);
  put(js, "wageExposureGbp", b.wage_exposure_gbp);
  return js;
}

val role_breakdown_to_js(const Result<RoleBreakdown>& line) {
  val js = status_object(status_of(line));
  if (!line.ok()) return js;
  const RoleBreakdown& r = line.value();
  put(js, "soc", r.soc);
  put(js, "hasSex", r.has_sex);
  put(js, "sexLevel", r.sex_level);
  put(js, "sexCode", r.sex_code);
  put(js, "femaleShare", r.female_share);
  put(js, "femalePercent", r.female_percent);
  put(js, "hasIndustry", r.has_industry);
  put(js, "industry", r.industry);
  put(js, "industryTitle", r.industry_title);
  put(js, "industryPeople", r.industry_people);
  put(js, "industrySmallSample", r.industry_small_sample);
  put(js, "industryMeanScore10", r.industry_mean_score10);
  put(js, "industryRank", r.industry_rank);
  put(js, "industryCount", r.industry_count);
  put(js, "industryMeanText", r.industry_mean_text);
  put(js, "text", r.text);
  return js;
}

val report_to_js(const Result<UnitGroupReport>& result) {
  val js = status_object(result);
  if (!result.ok()) return js;
  const UnitGroupReport& r = result.value();
  val report = val::object();
  report.set("soc", r.soc);
  report.set("title", r.title);
  report.set("majorGroup", r.major_group);
  report.set("majorGroupTitle", r.major_group_title);
  report.set("description", r.description);
  report.set("hasEmployees", r.employees.published);
  report.set("employees", static_cast<double>(r.employees.value));
  report.set("employeesText", r.employees.text);
  report.set("hasMedianPay", r.median_pay.published);
  report.set("medianPayGbp", static_cast<double>(r.median_pay.value));
  report.set("medianPayText", r.median_pay.text);
  // ONS's precision of each: the CV (null when none), ONS's reading, the 95% interval and a sentence.
  const auto precision = [](const AsheView& view) {
    val js = val::object();
    js.set("cvPct", view.has_cv ? val(view.cv_pct) : val::null());
    js.set("quality", std::string(ashe_quality_name(view.quality)));
    js.set("hasInterval", view.has_interval);
    js.set("intervalLow", static_cast<double>(view.interval_low));
    js.set("intervalHigh", static_cast<double>(view.interval_high));
    js.set("intervalText", view.interval_text);
    js.set("intervalLabel", view.interval_label);
    js.set("readingText", view.reading_text);
    js.set("text", view.precision_text);
    return js;
  };
  report.set("employeesPrecision", precision(r.employees));
  report.set("medianPayPrecision", precision(r.median_pay));
  // The same two lines as flat fields, for the view's data-field slots.
  report.set("employeesReadingText", r.employees.reading_text);
  report.set("employeesIntervalLabel", r.employees.interval_label);
  report.set("medianPayReadingText", r.median_pay.reading_text);
  report.set("medianPayIntervalLabel", r.median_pay.interval_label);
  {
    const BridgeQuality& b = r.bridge_quality;
    val bridge = val::object();
    bridge.set("grade", std::string(bridge_grade_name(b.grade)));
    bridge.set("hasIsco", b.has_isco);
    bridge.set("isco", b.isco_code);
    bridge.set("iscoEntries", b.isco_entries);
    bridge.set("codedEntries", b.coded_entries);
    bridge.set("iscoShare", b.isco_share);
    bridge.set("onetCount", b.onet_count);
    bridge.set("taskCount", b.task_count);
    bridge.set("ratedCount", b.rated_count);
    bridge.set("ratedShare", b.rated_share);
    bridge.set("text", r.bridge_quality_text);
    report.set("bridgeQuality", bridge);
    report.set("bridgeQualityText", r.bridge_quality_text);
  }
  report.set("scored", r.figures.scored);
  report.set("score10", r.score10);
  report.set("direct10", r.direct10);
  report.set("withTools10", r.with_tools10);
  report.set("scoreText", r.score_text);
  report.set("directText", r.direct_text);
  report.set("withToolsText", r.with_tools_text);
  report.set("band", r.band_text);
  report.set("bandKey", r.figures.scored ? std::string(band_key(r.figures.band)) : std::string());
  report.set("bandMeaning", r.band_meaning);
  report.set("bandAdvice", r.band_advice);
  report.set("hasWageExposure", r.figures.has_wage_exposure);
  report.set("wageExposureGbp", r.figures.wage_exposure_gbp);
  report.set("wageExposureText", r.wage_exposure_text);
  report.set("rankPercent", r.figures.rank_percent);
  report.set("rankText", r.rank_text);
  report.set("rangeText", r.range_text);  // sensitivity.rangeText, flat for the views' fields
  {
    const Sensitivity& band = r.sensitivity;
    const auto combination = [](const Combination& c) {
      val js = val::object();
      js.set("labels", std::string(label_source_name(c.label_source)));
      js.set("weights", std::string(weight_scheme_name(c.weights)));
      js.set("bridge", std::string(bridge_mode_name(c.bridge)));
      return js;
    };
    val sensitivity = val::object();
    sensitivity.set("scored", band.scored);
    sensitivity.set("min10", band.min01 * 10.0);
    sensitivity.set("max10", band.max01 * 10.0);
    sensitivity.set("rangeText", r.range_text);
    sensitivity.set("lowText", r.range_low_text);
    sensitivity.set("highText", r.range_high_text);
    sensitivity.set("atMin", combination(band.at_min));
    sensitivity.set("atMax", combination(band.at_max));
    report.set("sensitivity", sensitivity);
  }
  report.set("canDo", r.counts.can_do);
  report.set("canHelp", r.counts.can_help);
  report.set("taskCount", r.counts.total);
  report.set("ratedCount", r.counts.rated);
  report.set("canDoText", r.can_do_text);
  report.set("canDoShort", r.can_do_short);
  report.set("mappedViaText", r.mapped_via_text);
  report.set("ratedText", r.rated_text);

  std::vector<OnetLineJs> onets;
  for (const OnetLine& line : r.onets) {
    onets.push_back(OnetLineJs{line.code, line.title, line.bridge_weight, line.scored, line.score10, line.task_count,
                               line.rated_count});
  }
  report.set("onets", array_of(onets));
  val isco = val::array();
  for (std::size_t i = 0; i < r.isco.size(); ++i) {
    const IscoLine& line = r.isco[i];
    val item = val::object();
    item.set("code", line.code);
    item.set("title", line.title);
    item.set("entries", line.entries);
    item.set("share", line.share);
    item.set("used", line.used);
    item.set("soc2010", string_array(line.soc2010));
    item.set("soc2018", string_array(line.soc2018));
    item.set("onets", string_array(line.onets));
    isco.set(i, item);
  }
  report.set("isco", isco);
  std::vector<TaskLineJs> tasks;
  tasks.reserve(r.tasks.size());
  for (const TaskLine& line : r.tasks) tasks.push_back(task_to_js(line));
  report.set("tasks", array_of(tasks));
  std::vector<StartLineJs> starts;
  for (const StartLine& line : r.where_to_start) starts.push_back(StartLineJs{task_to_js(line.task), line.note});
  report.set("whereToStart", array_of(starts));

  report.set("measure", r.measure);
  report.set("measureTitle", r.measure_title);
  js.set("report", report);
  return js;
}

val measures_to_js(const Result<MeasuresReport>& result) {
  val js = status_object(result);
  if (!result.ok()) return js;
  const MeasuresReport& r = result.value();
  val report = val::object();
  report.set("loaded", r.loaded);
  val lines = val::array();
  for (std::size_t i = 0; i < r.lines.size(); ++i) {
    const MeasureLine& line = r.lines[i];
    val item = val::object();
    item.set("measure", line.name);
    item.set("title", line.title);
    item.set("about", line.about);
    item.set("headline", line.headline);
    item.set("scored", line.scored);
    item.set("score10", line.score10);
    item.set("scoreText", line.score_text);
    item.set("band", line.band_text);
    item.set("bandKey", line.band_key);
    item.set("rankPercent", line.rank_percent);
    item.set("rankSet", line.rank_set);
    item.set("rankText", line.rank_text);
    item.set("wageExposureText", line.wage_exposure_text);
    lines.set(i, item);
  }
  report.set("lines", lines);
  report.set("agreementText", r.agreement_text);
  report.set("iloIsco", r.ilo_isco);
  report.set("iloIscoTitle", r.ilo_isco_title);
  report.set("iloGradientText", r.ilo_gradient_text);
  js.set("measures", report);
  return js;
}

val assumptions_to_js(const Assumptions& a) {
  val js = val::object();
  js.set("labels", std::string(label_source_name(a.label_source)));
  js.set("e1", a.e1);
  js.set("e2", a.e2);
  js.set("weights", std::string(weight_scheme_name(a.weights)));
  js.set("bridge", std::string(bridge_mode_name(a.bridge)));
  js.set("wage", std::string(wage_rounding_name(a.wage_rounding)));
  js.set("measure", std::string(measure_name(a.measure)));
  val overrides = val::array();
  for (std::size_t i = 0; i < a.overrides.size(); ++i) {
    const TaskOverride& change = a.overrides[i];
    val item = val::object();
    item.set("id", change.task_id);
    item.set("label", change.label ? val(std::string(label_name(*change.label))) : val::null());
    item.set("weight", change.weight ? val(*change.weight) : val::null());
    overrides.set(i, item);
  }
  js.set("overrides", overrides);
  return js;
}

Status assumptions_from_js(const val& input, Assumptions& out) {
  if (input.isNull() || input.isUndefined() || input.typeOf().as<std::string>() != "object") {
    return invalid(ErrorCode::InvalidState, "assumptions must be an object");
  }
  Assumptions a;
  Status status;
  if (!read_name(input, "labels", parse_label_source, a.label_source, status) ||
      !read_unit_number(input, "e1", a.e1, status) || !read_unit_number(input, "e2", a.e2, status) ||
      !read_name(input, "weights", parse_weight_scheme, a.weights, status) ||
      !read_name(input, "bridge", parse_bridge_mode, a.bridge, status) ||
      !read_name(input, "wage", parse_wage_rounding, a.wage_rounding, status) ||
      !read_name(input, "measure", parse_measure, a.measure, status)) {
    return status;
  }
  const val overrides = input["overrides"];
  if (!overrides.isUndefined()) {
    if (!overrides.isArray()) return invalid(ErrorCode::InvalidState, "overrides must be an array");
    const auto count = overrides["length"].as<unsigned>();
    if (count > kMaxOverrides) return invalid(ErrorCode::InvalidState, "too many overrides");
    for (unsigned i = 0; i < count; ++i) {
      const val item = overrides[i];
      if (item.isNull() || item.isUndefined() || item.typeOf().as<std::string>() != "object") {
        return invalid(ErrorCode::InvalidState, "override " + std::to_string(i) + " must be an object");
      }
      const val id = item["id"];
      const double id_number = id.isNumber() ? id.as<double>() : 0.0;
      if (!(id_number >= 1 && id_number <= 2147483647.0 && std::floor(id_number) == id_number)) {
        return invalid(ErrorCode::UnknownTask, "override " + std::to_string(i) + " has no valid task id");
      }
      TaskOverride change{static_cast<std::int32_t>(id_number), std::nullopt, std::nullopt};
      const val label = item["label"];
      if (!label.isUndefined() && !label.isNull()) {
        const auto parsed = label.isString() ? parse_label(label.as<std::string>()) : std::nullopt;
        if (!parsed) return invalid(ErrorCode::InvalidLabel, "task " + std::to_string(change.task_id));
        change.label = *parsed;
      }
      const val weight = item["weight"];
      if (!weight.isUndefined() && !weight.isNull()) {
        const double number = weight.isNumber() ? weight.as<double>() : std::nan("");
        if (!(std::isfinite(number) && number >= 0.0)) {
          return invalid(ErrorCode::InvalidWeight, "task " + std::to_string(change.task_id));
        }
        change.weight = number;
      }
      a.overrides.push_back(change);
    }
  }
  out = std::move(a);
  return Status::success();
}

val decoded_state_to_js(const Result<DecodedState>& decoded) {
  val js = status_object(decoded);
  if (!decoded.ok()) return js;
  const DecodedState& d = decoded.value();
  js.set("soc", d.state.soc);
  js.set("compare", string_array(d.state.compare));
  js.set("assumptions", assumptions_to_js(d.state.assumptions));
  js.set("rejected", string_array(d.rejected));
  val rejections = val::array();
  for (std::size_t i = 0; i < d.rejections.size(); ++i) {
    const Rejection& r = d.rejections[i];
    val item = val::object();
    item.set("kind", std::string(rejection_kind_name(r.kind)));
    item.set("parameter", r.parameter);
    item.set("reason", r.reason);
    rejections.set(i, item);
  }
  js.set("rejections", rejections);
  return js;
}

val grammar_to_js() {
  const auto strings = [](const auto& names) {
    val array = val::array();
    unsigned n = 0;
    for (std::string_view name : names) {
      if (!name.empty()) array.set(n++, std::string(name));
    }
    return array;
  };
  val params = val::array();
  unsigned n = 0;
  for (const ParamSpec& spec : param_specs()) {
    val item = val::object();
    item.set("name", std::string(spec.name));
    item.set("linkName", std::string(spec.link_name));
    item.set("aliases", strings(spec.aliases));
    std::vector<std::string_view> doors;
    if (spec.doors & kDoorLink) doors.push_back("link");
    if (spec.doors & kDoorWidget) doors.push_back("widget");
    if (spec.doors & kDoorCli) doors.push_back("cli");
    item.set("doors", strings(doors));
    static constexpr std::array<std::string_view, 5> kKinds{"soc", "soc-list", "choice", "number", "task-changes"};
    item.set("kind", std::string(kKinds[static_cast<std::size_t>(spec.kind)]));
    item.set("choices", strings(spec.choices));
    item.set("min", spec.min);
    item.set("max", spec.max);
    item.set("allowed", std::string(spec.allowed));
    params.set(n++, item);
  }
  val js = val::object();
  js.set("params", params);
  js.set("maxCompared", static_cast<double>(kMaxCompared));
  js.set("maxOverrides", static_cast<double>(kMaxOverrides));
  js.set("maxStateLength", static_cast<double>(kMaxStateLength));
  js.set("maxTaskWeight", kMaxTaskWeight);
  return js;
}

std::vector<std::string> strings_from_js(const val& input) {
  std::vector<std::string> out;
  if (!input.isArray()) return out;
  const auto count = input["length"].as<unsigned>();
  for (unsigned i = 0; i < count && i < 64; ++i) {
    const val item = input[i];
    if (!item.isString()) return {};
    out.push_back(item.as<std::string>());
  }
  return out;
}

}  // namespace aiexp::js
