// The ukexp commands (commands.h). Figures and their strings come from the core; this file only lays
// them out.
#include "commands.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <numeric>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "aiexp/breakdowns.h"
#include "aiexp/bundle.h"
#include "aiexp/csv.h"
#include "aiexp/format.h"
#include "aiexp/pipeline/build.h"
#include "aiexp/pipeline/reports.h"
#include "aiexp/pipeline/table.h"
#include "aiexp/printable.h"
#include "aiexp/provenance.h"
#include "aiexp/report.h"
#include "aiexp/score.h"
#include "aiexp/text.h"

namespace aiexp::cli {

namespace fs = std::filesystem;
using OrderedJson = nlohmann::ordered_json;

namespace {

// A path as a message names it: printable, and cut after kEchoPathChars characters (any real one is shorter).
std::string shown(const fs::path& path) { return echo(path.string(), kEchoPathChars); }

// Closes a file descriptor on every path out.
struct Descriptor {
  int fd = -1;
  ~Descriptor() {
    if (fd >= 0) ::close(fd);
  }
};

std::string file_kind(mode_t mode) {
  if (S_ISDIR(mode)) return "a folder";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

std::string cannot_read(const fs::path& path, int error_number) {
  return shown(path) + ": cannot read (" + std::strerror(error_number) + ")";
}

// Opens `path` (following symlinks) without blocking, so a FIFO cannot hang the tool, and checks it is a regular
// file within kMaxDataFileBytes. Returns the open descriptor, or -1 with `error` set.
int open_data_file(const fs::path& path, std::string& error, Descriptor& descriptor) {
  descriptor.fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (descriptor.fd < 0) {
    error = cannot_read(path, errno);
    return -1;
  }
  struct stat info {};
  if (::fstat(descriptor.fd, &info) != 0) {
    error = cannot_read(path, errno);
    return -1;
  }
  if (!S_ISREG(info.st_mode)) {
    error = shown(path) + ": is " + file_kind(info.st_mode) + ", not a data file";
    return -1;
  }
  if (static_cast<std::uintmax_t>(info.st_size) > kMaxDataFileBytes) {
    error = shown(path) + ": " + std::to_string(info.st_size) + " bytes, over the " +
            std::to_string(kMaxDataFileBytes >> 20) + " MB limit for a data file";
    return -1;
  }
  return descriptor.fd;
}

std::optional<std::string> read_file(const fs::path& path, std::string& error) {
  Descriptor descriptor;
  const int fd = open_data_file(path, error, descriptor);
  if (fd < 0) return std::nullopt;
  std::string bytes;
  char buffer[1 << 16];
  while (true) {
    const ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got < 0) {
      if (errno == EINTR) continue;
      error = cannot_read(path, errno);
      return std::nullopt;
    }
    if (got == 0) break;
    if (bytes.size() + static_cast<std::size_t>(got) > kMaxDataFileBytes) {  // grew while being read
      error = shown(path) + ": over the " + std::to_string(kMaxDataFileBytes >> 20) + " MB limit for a data file";
      return std::nullopt;
    }
    bytes.append(buffer, static_cast<std::size_t>(got));
  }
  return bytes;
}

// A folder option (--data, --sources, --out) that names something other than a folder is refused; one that
// does not exist is left to the reader or writer, whose message names the file it wanted.
std::optional<std::string> not_a_folder(const fs::path& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    if (errno == ENOENT) return std::nullopt;
    return cannot_read(path, errno);
  }
  if (S_ISDIR(info.st_mode)) return std::nullopt;
  return shown(path) + ": is " + (S_ISREG(info.st_mode) ? std::string("a file") : file_kind(info.st_mode)) +
         ", not a folder";
}

struct LoadedData {
  Bundle bundle;
  TextStore text;
};

std::optional<LoadedData> load_bundle(const fs::path& dir, std::string& error) {
  const fs::path path = dir / "bundle.json";
  const auto text = read_file(path, error);
  if (!text) return std::nullopt;
  auto parsed = parse_bundle(*text);
  if (!parsed.ok()) {
    error = shown(path) + ": " + parsed.error().message();
    return std::nullopt;
  }
  LoadedData data{std::move(parsed).value(), {}};
  const fs::path details_path = dir / "details.json";
  const auto details = read_file(details_path, error);
  if (!details) return std::nullopt;
  if (Status status = merge_details(data.bundle, *details); !status.ok()) {
    error = shown(details_path) + ": " + status.error().message();
    return std::nullopt;
  }
  data.text = TextStore(data.bundle);
  return data;
}

// data/breakdowns.json, which only `breakdown` reads.
std::optional<Breakdowns> load_breakdowns(const fs::path& dir, const LoadedData& data, std::string& error) {
  const fs::path path = dir / "breakdowns.json";
  const auto text = read_file(path, error);
  if (!text) return std::nullopt;
  auto parsed = parse_breakdowns(data.bundle, *text);
  if (!parsed.ok()) {
    error = path.string() + ": " + parsed.error().message();
    return std::nullopt;
  }
  return std::move(parsed).value();
}

bool load_text(const fs::path& dir, const std::vector<std::string>& parts, LoadedData& data, std::string& error) {
  for (const std::string& part : parts) {
    if (data.text.has_part(part)) continue;
    const fs::path path = dir / "text" / (part + ".json");
    const auto text = read_file(path, error);
    if (!text) return false;
    if (Status status = merge_text_part(data.bundle, *text, data.text); !status.ok()) {
      error = shown(path) + ": " + status.error().message();
      return false;
    }
  }
  return true;
}

std::string number17(double value) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%.17g", value);
  return buffer;
}

// Width of UTF-8 text in code points, so "£" counts as one column.
std::size_t display_width(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// Prints rows as left-aligned columns separated by two spaces; the last column is not padded. Each cell is one
// line of printable text (a line break or control character in the data shows as its escape).
void print_table(std::ostream& out, const std::vector<std::vector<std::string>>& rows, std::string_view indent = "") {
  std::vector<std::vector<std::string>> cells;
  cells.reserve(rows.size());
  std::vector<std::size_t> widths;
  for (const auto& row : rows) {
    std::vector<std::string>& printed = cells.emplace_back();
    for (const std::string& cell : row) printed.push_back(printable(cell));
    widths.resize(std::max(widths.size(), printed.size()), 0);
    for (std::size_t c = 0; c < printed.size(); ++c) widths[c] = std::max(widths[c], display_width(printed[c]));
  }
  for (const auto& row : cells) {
    std::string line(indent);
    for (std::size_t c = 0; c < row.size(); ++c) {
      line += row[c];
      if (c + 1 < row.size()) line += std::string(widths[c] - display_width(row[c]) + 2, ' ');
    }
    out << line << '\n';
  }
}

void print_csv_row(std::ostream& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) out << (i ? "," : "") << csv_field(fields[i]);
  out << '\n';
}

OrderedJson assumptions_json(const Assumptions& a) {
  OrderedJson overrides = OrderedJson::array();
  for (const TaskOverride& change : a.overrides) {
    OrderedJson item{{"id", change.task_id}};
    item["label"] = change.label ? OrderedJson(label_name(*change.label)) : OrderedJson(nullptr);
    item["weight"] = change.weight ? OrderedJson(*change.weight) : OrderedJson(nullptr);
    overrides.push_back(std::move(item));
  }
  return {{"labels", label_source_name(a.label_source)}, {"e1", a.e1}, {"e2", a.e2},
          {"weights", weight_scheme_name(a.weights)},    {"bridge", bridge_mode_name(a.bridge)},
          {"wage_rounding", wage_rounding_name(a.wage_rounding)}, {"measure", measure_name(a.measure)},
          {"overrides", std::move(overrides)}};
}

OrderedJson task_json(const TaskLine& task) {
  return {{"onet", task.onet_code},
          {"id", task.id},
          {"text", task.text},
          {"label", label_name(task.label)},
          {"label_text", task.label_text},
          {"source_label", label_name(task.source_label)},
          {"importance", task.importance_known ? OrderedJson(task.importance) : OrderedJson(nullptr)},
          {"importance_text", task.importance_text},
          {"weight", task.weight},
          {"excluded", task.excluded}};
}

OrderedJson nullable(bool present, double value) { return present ? OrderedJson(value) : OrderedJson(nullptr); }

// ONS's precision of an ASHE figure: its CV, ONS's reading of it and the approximate 95% interval.
OrderedJson precision_json(const AsheView& view) {
  const bool has_quality = view.quality != AsheQuality::NoCv;
  return {{"cv_pct", nullable(view.has_cv, view.cv_pct)},
          {"quality", has_quality ? OrderedJson(std::string(ashe_quality_name(view.quality))) : OrderedJson(nullptr)},
          {"interval_low", view.has_interval ? OrderedJson(view.interval_low) : OrderedJson(nullptr)},
          {"interval_high", view.has_interval ? OrderedJson(view.interval_high) : OrderedJson(nullptr)},
          {"text", view.precision_text}};
}

// "60k", then ONS's reading of it when there is one.
std::string with_precision(const AsheView& view) {
  return view.precision_text.empty() ? view.text : view.text + " \u00B7 " + view.precision_text;
}

void print_score_json(std::ostream& out, const UnitGroupReport& r, const MeasuresReport& m, const Scorer& scorer) {
  const UnitGroupFigures& f = r.figures;
  OrderedJson json;
  json["soc"] = r.soc;
  json["title"] = r.title;
  json["major_group"] = r.major_group;
  json["major_group_title"] = r.major_group_title;
  json["description"] = r.description;
  json["employees"] = r.employees.published ? OrderedJson(r.employees.value) : OrderedJson(nullptr);
  json["employees_text"] = r.employees.text;
  json["median_pay_gbp"] = r.median_pay.published ? OrderedJson(r.median_pay.value) : OrderedJson(nullptr);
  json["median_pay_text"] = r.median_pay.text;
  json["employees_precision"] = precision_json(r.employees);
  json["median_pay_precision"] = precision_json(r.median_pay);
  {
    const BridgeQuality& b = r.bridge_quality;
    json["bridge_quality"] = {{"grade", std::string(bridge_grade_name(b.grade))},
                              {"isco", b.has_isco ? OrderedJson(b.isco_code) : OrderedJson(nullptr)},
                              {"isco_entries", b.isco_entries},
                              {"coded_entries", b.coded_entries},
                              {"isco_share", nullable(b.has_isco, b.isco_share)},
                              {"onet_count", b.onet_count},
                              {"task_count", b.task_count},
                              {"rated_task_count", b.rated_count},
                              {"rated_share", nullable(b.task_count > 0, b.rated_share)},
                              {"text", r.bridge_quality_text}};
  }
  json["scored"] = f.scored;
  json["exposure"] = nullable(f.scored, r.score10);
  json["direct"] = nullable(f.scored, r.direct10);
  json["with_tools"] = nullable(f.scored, r.with_tools10);
  json["exposure_text"] = r.score_text;
  json["direct_text"] = r.direct_text;
  json["with_tools_text"] = r.with_tools_text;
  json["band"] = f.scored ? OrderedJson(r.band_text) : OrderedJson(nullptr);
  json["band_meaning"] = r.band_meaning;
  json["band_advice"] = r.band_advice;
  json["wage_exposure_gbp"] = nullable(f.has_wage_exposure, f.wage_exposure_gbp);
  json["wage_exposure_text"] = r.wage_exposure_text;
  json["rank_percent"] = f.scored ? OrderedJson(f.rank_percent) : OrderedJson(nullptr);
  json["rank_text"] = r.rank_text;
  if (r.sensitivity.scored) {
    // Each end with the assumptions that give it: the current ones with that end's source, weighting and bridge.
    const auto at = [&](const Combination& combination) {
      Assumptions a = scorer.assumptions();
      a.label_source = combination.label_source;
      a.weights = combination.weights;
      a.bridge = combination.bridge;
      return assumptions_json(a);
    };
    json["sensitivity"] = {{"min", r.sensitivity.min01 * 10.0}, {"max", r.sensitivity.max01 * 10.0},
                           {"min_assumptions", at(r.sensitivity.at_min)}, {"max_assumptions", at(r.sensitivity.at_max)},
                           {"range_text", r.range_text}, {"min_text", r.range_low_text}, {"max_text", r.range_high_text}};
  } else {
    json["sensitivity"] = nullptr;
  }
  json["scored_count"] = scorer.totals().rank_set;
  json["measure"] = r.measure;
  OrderedJson measures = OrderedJson::array();
  for (const MeasureLine& line : m.lines) {
    measures.push_back({{"measure", line.name}, {"title", line.title}, {"headline", line.headline},
                        {"scored", line.scored}, {"exposure", nullable(line.scored, line.score10)},
                        {"exposure_text", line.score_text}, {"band", line.scored ? OrderedJson(line.band_text) : OrderedJson(nullptr)},
                        {"rank_percent", line.scored ? OrderedJson(line.rank_percent) : OrderedJson(nullptr)},
                        {"rank_set", line.rank_set}, {"rank_text", line.rank_text},
                        {"wage_exposure_text", line.wage_exposure_text}});
  }
  json["measures"] = std::move(measures);
  json["agreement_text"] = m.agreement_text;
  json["ilo"] = m.ilo_isco.empty() ? OrderedJson(nullptr)
                                   : OrderedJson{{"isco", m.ilo_isco}, {"title", m.ilo_isco_title},
                                                 {"gradient", m.ilo_gradient_text}};
  json["can_do"] = r.counts.can_do;
  json["task_count"] = r.counts.total;
  json["rated_task_count"] = r.counts.rated;
  json["can_do_text"] = r.can_do_text;
  json["mapped_via_text"] = r.mapped_via_text;
  json["rated_text"] = r.rated_text;
  json["assumptions"] = assumptions_json(scorer.assumptions());
  // Where each figure comes from: its sources, the formula with this role's numbers, the assumptions, a citation.
  OrderedJson provenance = OrderedJson::array();
  for (const Provenance& p : figure_provenance(scorer, r)) {
    OrderedJson sources = OrderedJson::array();
    for (const SourceLine& line : p.sources) sources.push_back({{"id", line.id}, {"source", line.text}, {"row", line.row}});
    provenance.push_back({{"figure", p.figure}, {"title", p.title}, {"value_text", p.value_text},
                          {"sources", std::move(sources)}, {"formula", p.formula}, {"assumptions", p.assumptions},
                          {"citation", p.citation}});
  }
  json["provenance"] = std::move(provenance);
  OrderedJson onets = OrderedJson::array();
  for (const OnetLine& onet : r.onets) {
    onets.push_back({{"code", onet.code}, {"title", onet.title}, {"weight", onet.bridge_weight},
                     {"exposure", nullable(onet.scored, onet.score10)}, {"tasks", onet.task_count},
                     {"rated_tasks", onet.rated_count}});
  }
  json["onet"] = std::move(onets);
  OrderedJson isco = OrderedJson::array();
  for (const IscoLine& line : r.isco) {
    isco.push_back({{"code", line.code}, {"title", line.title}, {"entries", line.entries}, {"share", line.share},
                    {"used", line.used}, {"soc2010", line.soc2010}, {"soc2018", line.soc2018}, {"onet", line.onets}});
  }
  json["isco"] = std::move(isco);
  OrderedJson tasks = OrderedJson::array();
  for (const TaskLine& task : r.tasks) tasks.push_back(task_json(task));
  json["tasks"] = std::move(tasks);
  OrderedJson starts = OrderedJson::array();
  for (const StartLine& start : r.where_to_start) {
    OrderedJson item = task_json(start.task);
    item["note"] = start.note;
    starts.push_back(std::move(item));
  }
  json["where_to_start"] = std::move(starts);
  out << json.dump(2) << '\n';
}

// Text lines of one unit group. Each string from the report is written through line(): one printable line, so a
// line break or control character in the data shows as its escape and cannot forge a line of its own.
void print_score_text(std::ostream& out, const UnitGroupReport& r, const MeasuresReport& m) {
  const auto line = [](std::string_view text) { return printable(text); };
  out << line(r.title) << "\nSOC 2020 " << line(r.soc) << " · " << line(r.major_group_title) << "\n\n";
  if (!r.description.empty()) out << line(r.description) << "\n\n";
  const bool eloundou = r.measure == measure_name(Measure::Eloundou);
  const std::string exposure = !r.figures.scored ? "not scored"
                               : eloundou ? r.score_text + "/10 " + r.band_text + "  (direct " + r.direct_text +
                                                " · with tools " + r.with_tools_text + ")"
                                          : r.score_text + "/10 " + r.band_text + "  (" + r.measure_title + ")";
  print_table(out, {{"Employees (UK)", with_precision(r.employees)},
                    {"Median annual pay", with_precision(r.median_pay)},
                    {"Exposure score", exposure},
                    {"Wage exposure", r.wage_exposure_text}},
              "  ");
  out << '\n' << line(r.rank_text) << '\n';
  out << "Bridge quality: " << line(r.bridge_quality_text) << '\n';
  out << "\nMeasures (headline: " << line(r.measure_title) << "):\n";
  std::vector<std::vector<std::string>> measure_rows{{"measure", "score", "band", "UK rank", "wage exposure"}};
  for (const MeasureLine& measure : m.lines) {
    measure_rows.push_back({measure.title + (measure.headline ? " *" : ""), measure.score_text, measure.band_text,
                            measure.rank_text, measure.wage_exposure_text});
  }
  print_table(out, measure_rows, "  ");
  out << line(m.agreement_text) << '\n';
  if (!m.ilo_gradient_text.empty()) {
    out << "ILO exposure gradient of ISCO-08 " << line(m.ilo_isco) << ": " << line(m.ilo_gradient_text) << '\n';
  }
  out << '\n';
  if (!r.figures.scored) return;
  if (r.sensitivity.scored) {
    out << "Across label sources, weightings and bridges: " << line(r.range_text) << " (lowest "
        << line(r.range_low_text) << "; highest " << line(r.range_high_text) << ").\n";
  }
  out << line(r.band_meaning) << "\n\n" << line(r.can_do_text) << '\n';
  out << line(r.mapped_via_text) << '\n' << line(r.rated_text) << '\n';
  out << '\n';
  std::vector<std::vector<std::string>> rows{{"#", "label", "", "importance", "weight", "task"}};
  int number = 0;
  for (const TaskLine& task : r.tasks) {
    char weight[32];
    std::snprintf(weight, sizeof weight, "%g", task.weight);
    rows.push_back({std::to_string(++number), std::string(label_name(task.label)), task.label_text,
                    task.importance_text, weight, task.text});
  }
  print_table(out, rows, "  ");
  out << "\nWhere to start:\n";
  number = 0;
  for (const StartLine& start : r.where_to_start) {
    out << "  " << ++number << ". " << line(start.task.text) << "\n     " << line(start.note) << '\n';
  }
}

int run_score(const Request& request, LoadedData& data, std::ostream& out, std::ostream& err, const fs::path& dir) {
  const auto group = data.bundle.find_unit_group(request.code);
  if (!group) {
    print_message(err, "ukexp: unknown SOC 2020 unit group \"" + echo(request.code) + "\"");
    return kExitUsage;
  }
  Scorer scorer(data.bundle);
  if (Status status = scorer.set(request.assumptions); !status.ok()) {
    print_message(err, "ukexp: " + status.error().message());
    return kExitUsage;
  }
  std::vector<std::uint32_t> onets;
  for (const Scorer::BridgeEntry& entry : scorer.bridge(*group)) onets.push_back(entry.onet);
  std::string error;
  if (!load_text(dir, text_parts_for(data.bundle, onets), data, error)) {
    print_message(err, "ukexp: " + error);
    return kExitDataError;
  }
  const UnitGroupReport report = make_report(scorer, &data.text, *group);
  const MeasuresReport measures = make_measures_report(scorer, *group);
  if (request.json) {
    print_score_json(out, report, measures, scorer);
  } else {
    print_score_text(out, report, measures);
  }
  return kExitOk;
}

int run_onet(const Request& request, LoadedData& data, std::ostream& out, std::ostream& err) {
  std::vector<std::uint32_t> onets;
  if (request.all) {
    onets.resize(data.bundle.onets.size());
    std::iota(onets.begin(), onets.end(), 0u);
  } else {
    const auto onet = data.bundle.find_onet(request.code);
    if (!onet) {
      print_message(err, "ukexp: unknown O*NET-SOC occupation \"" + echo(request.code) + "\"");
      return kExitUsage;
    }
    onets.push_back(*onet);
  }
  Scorer scorer(data.bundle);
  if (Status status = scorer.set(request.assumptions); !status.ok()) {
    print_message(err, "ukexp: " + status.error().message());
    return kExitUsage;
  }
  const Assumptions& a = scorer.assumptions();
  if (request.csv) {
    out << "onet_soc_code,alpha,beta,zeta\n";
    for (std::uint32_t onet : onets) {
      const OccupationFigures& f = scorer.occupations()[onet];
      print_csv_row(out, {data.bundle.onets[onet].code, number17(f.alpha01()), number17(f.beta01()),
                          number17(f.zeta01())});
    }
    return kExitOk;
  }
  std::vector<std::vector<std::string>> rows{{"code", "alpha", "beta", "zeta", "score", "tasks", "title"}};
  for (std::uint32_t onet : onets) {
    const OccupationFigures& f = scorer.occupations()[onet];
    const auto fixed = [](double v) {
      char buffer[32];
      std::snprintf(buffer, sizeof buffer, "%.4f", v);
      return std::string(buffer);
    };
    const OnetOccupation& occupation = data.bundle.onets[onet];
    rows.push_back({occupation.code, fixed(f.alpha01()), fixed(f.beta01()), fixed(f.zeta01()),
                    fixed(f.score01(a.e1, a.e2)), std::to_string(occupation.task_count), occupation.title});
  }
  print_table(out, rows);
  return kExitOk;
}

int run_rank(const Request& request, LoadedData& data, std::ostream& out, std::ostream& err) {
  Scorer scorer(data.bundle);
  if (Status status = scorer.set(request.assumptions); !status.ok()) {
    print_message(err, "ukexp: " + status.error().message());
    return kExitUsage;
  }
  const Bundle& bundle = data.bundle;
  std::vector<std::uint32_t> order(bundle.unit_groups.size());
  std::iota(order.begin(), order.end(), 0u);
  const auto figures = scorer.unit_groups();
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    if (figures[a].scored != figures[b].scored) return figures[a].scored;
    return figures[a].score01 > figures[b].score01;
  });
  if (request.csv) {
    out << unit_groups_csv(scorer, order);
    return kExitOk;
  }
  std::vector<std::vector<std::string>> rows{
      {"SOC", "exposure", "band", "direct", "tools", "employees", "median pay", "wage exposure", "rank", "title"}};
  for (std::uint32_t g : order) {
    const UnitGroupRow row = make_row(scorer, g);
    const UnitGroup& group = bundle.unit_groups[g];
    const UnitGroupFigures& f = figures[g];
    rows.push_back({group.soc, row.score_text, row.band_text,
                    f.scored ? format_score10(displayed_score10(f.alpha01)) : "—",
                    f.scored ? format_score10(displayed_score10(f.zeta01)) : "—",
                    group.employees_k.published() ? format_employees_k(group.employees_k.value) : "—",
                    group.median_pay_gbp.published() ? format_gbp(group.median_pay_gbp.value) : "—",
                    row.wage_exposure_text, f.scored ? format_percent(f.rank_percent) : "—", group.title});
  }
  print_table(out, rows);
  const TotalsView totals = make_totals(scorer);
  out << "\nUK totals: " << totals.employees_text << " employees in scored occupations, mean exposure "
      << totals.mean_score_text << "/10 (employment-weighted), wage exposure " << totals.wage_exposure_text
      << " across " << totals.totals.wage_exposure_groups << " occupations.\n" << totals.distribution_text << '\n';
  return kExitOk;
}

OrderedJson provenance_json(const std::vector<Provenance>& panels) {
  OrderedJson list = OrderedJson::array();
  for (const Provenance& p : panels) {
    OrderedJson sources = OrderedJson::array();
    for (const SourceLine& line : p.sources) sources.push_back({{"id", line.id}, {"source", line.text}, {"row", line.row}});
    list.push_back({{"figure", p.figure}, {"title", p.title}, {"value_text", p.value_text},
                    {"sources", std::move(sources)}, {"formula", p.formula}, {"assumptions", p.assumptions},
                    {"citation", p.citation}});
  }
  return list;
}

// A breakdown's groups as JSON, and as the rows of its text table (header first).
struct BreakdownView {
  OrderedJson groups = OrderedJson::array();
  OrderedJson extra = OrderedJson::object();  // the kind's figures beside its groups
  std::vector<std::vector<std::string>> table;
  std::string note;  // printed under the table
};

BreakdownView breakdown_view(const Scorer& scorer, const Breakdowns& data, BreakdownKind kind) {
  BreakdownView view;
  switch (kind) {
    case BreakdownKind::Sex:
    case BreakdownKind::Pattern: {
      const SplitBreakdown split = kind == BreakdownKind::Sex ? sex_breakdown(scorer, data) : pattern_breakdown(scorer, data);
      const bool sex = kind == BreakdownKind::Sex;
      view.table.push_back({"", "employee jobs", "mean exposure", "at 6.0 or above"});
      if (sex) view.table[0].insert(view.table[0].end(), {"wage exposure", "of jobs with a median"});
      for (const SplitSide& side : split.sides) {
        const bool has = side.employees > 0.0;
        OrderedJson item{{"group", side.group},
                         {"title", side.title},
                         {"employees", side.employees},
                         {"mean_score", nullable(has, side.mean_score10)},
                         {"high_employees", side.high_employees},
                         {"high_share", nullable(has, side.high_share)},
                         {"employees_text", side.employees_text},
                         {"mean_score_text", side.mean_score_text},
                         {"high_share_text", side.high_share_text}};
        std::vector<std::string> row{side.title, side.employees_text, side.mean_score_text, side.high_share_text};
        if (sex) {
          item["wage_exposure_gbp"] = side.wage_exposure_gbp;
          item["wage_exposure_employees"] = side.wage_employees;
          item["wage_exposure_groups"] = side.wage_groups;
          item["wage_exposure_text"] = side.wage_exposure_text;
          row.insert(row.end(), {side.wage_exposure_text, format_employees_k(static_cast<std::int64_t>(side.wage_employees / 1000.0 + 0.5))});
        }
        view.groups.push_back(std::move(item));
        view.table.push_back(std::move(row));
      }
      view.extra = {{"unit_groups", split.unit_groups},
                    {"levels", {{"unit_group", split.levels[0]}, {"minor_group", split.levels[1]},
                                {"sub_major_group", split.levels[2]}, {"major_group", split.levels[3]}}},
                    {"levels_text", split.levels_text},
                    {"unsplit_groups", split.unsplit_groups},
                    {"unsplit_employees", split.unsplit_employees}};
      view.note = split.levels_text;
      return view;
    }
    case BreakdownKind::Industry: {
      view.table.push_back({"section", "people", "mean exposure", "of the section", "small samples"});
      for (const IndustryRow& row : industry_breakdown(scorer, data).rows) {
        view.groups.push_back({{"group", row.group}, {"title", row.title}, {"employees", row.people},
                               {"mean_score", nullable(row.scored, row.mean_score10)},
                               {"total_people", row.total_people}, {"covered_share", row.covered_share},
                               {"cells", row.cells}, {"small_sample_cells", row.small_sample_cells},
                               {"small_sample_people", row.small_sample_people},
                               {"unscored_cells", row.unscored_cells}, {"unscored_people", row.unscored_people},
                               {"withheld_cells", row.withheld_cells}, {"employees_text", row.people_text},
                               {"mean_score_text", row.mean_score_text}, {"covered_text", row.covered_text},
                               {"small_sample_text", row.small_sample_text}});
        view.table.push_back({row.group + " " + row.title, row.people_text, row.mean_score_text, row.covered_text,
                              std::to_string(row.small_sample_cells) + " of " + std::to_string(row.cells) + " cells"});
      }
      view.note = "People: the published cells of scored occupations; \"of the section\": their share of its total row.";
      return view;
    }
    case BreakdownKind::Region: {
      const RegionBreakdown b = region_breakdown(scorer, data);
      view.table.push_back({"nation or region", "people", "mean exposure", "minor groups"});
      for (const RegionRow& row : b.rows) {
        view.groups.push_back({{"group", row.group}, {"title", row.title}, {"employees", row.people},
                               {"mean_score", nullable(row.scored, row.mean_score10)},
                               {"minor_groups", row.minor_groups}, {"unscored_minor_groups", row.unscored_minor_groups},
                               {"unscored_people", row.unscored_people},
                               {"missing_minor_groups", row.missing_minor_groups},
                               {"employees_text", row.people_text}, {"mean_score_text", row.mean_score_text}});
        view.table.push_back({row.title, row.people_text, row.mean_score_text, std::to_string(row.minor_groups)});
      }
      view.extra = {{"scored_minor_groups", b.scored_minor_groups}, {"plain_mean_minor_groups", b.plain_mean_minor_groups}};
      return view;
    }
    case BreakdownKind::Pay: {
      const PayBreakdown b = pay_breakdown(scorer, data);
      view.table.push_back({"", "median pay", "occupations", "employee jobs", "mean exposure", "of wage exposure"});
      for (const PayRow& row : b.rows) {
        view.groups.push_back({{"group", row.group}, {"title", row.title}, {"employees", row.employees},
                               {"mean_score", nullable(row.scored, row.mean_score10)},
                               {"occupations", row.occupations},
                               {"pay_low_gbp", row.scored ? OrderedJson(row.pay_low_gbp) : OrderedJson(nullptr)},
                               {"pay_high_gbp", row.scored ? OrderedJson(row.pay_high_gbp) : OrderedJson(nullptr)},
                               {"wage_exposure_gbp", row.wage_exposure_gbp}, {"wage_share", row.wage_share},
                               {"employees_text", row.employees_text}, {"mean_score_text", row.mean_score_text},
                               {"pay_range_text", row.pay_range_text}, {"wage_share_text", row.wage_share_text}});
        view.table.push_back({row.title, row.pay_range_text, std::to_string(row.occupations), row.employees_text,
                              row.mean_score_text, row.wage_share_text});
      }
      view.extra = {{"unit_groups", b.unit_groups}, {"employees", b.employees}, {"wage_exposure_gbp", b.wage_exposure_gbp}};
      return view;
    }
  }
  return view;
}

int run_breakdown(const Request& request, const LoadedData& data, const Breakdowns& breakdowns, std::ostream& out,
                  std::ostream& err) {
  const BreakdownKind kind = *parse_breakdown_kind(request.code);  // parse_args accepts known kinds only
  Scorer scorer(data.bundle);
  if (Status status = scorer.set(request.assumptions); !status.ok()) {
    err << "ukexp: " << status.error().message() << '\n';
    return kExitUsage;
  }
  if (request.csv) {
    out << breakdown_csv(scorer, breakdowns, kind);
    return kExitOk;
  }
  const BreakdownView view = breakdown_view(scorer, breakdowns, kind);
  if (request.json) {
    OrderedJson json;
    json["kind"] = breakdown_kind_name(kind);
    json["caption"] = breakdown_caption(kind);
    json["measure"] = measure_name(scorer.assumptions().measure);
    json["assumptions"] = assumptions_json(scorer.assumptions());
    json["groups"] = view.groups;
    for (const auto& [key, value] : view.extra.items()) json[key] = value;
    json["provenance"] = provenance_json(breakdown_provenance(scorer, breakdowns, kind));
    out << json.dump(2) << '\n';
    return kExitOk;
  }
  static constexpr const char* kHeadings[] = {"by sex", "by working pattern", "by industry", "by nation and region",
                                              "by pay"};
  out << "Who holds the exposed work, " << kHeadings[static_cast<std::size_t>(kind)] << " ("
      << measure_title(scorer.assumptions().measure) << ")\n" << breakdown_caption(kind) << "\n\n";
  print_table(out, view.table, "  ");
  if (!view.note.empty()) out << '\n' << view.note << '\n';
  out << "Assumptions: " << assumptions_text(scorer.assumptions()) << ".\n";
  return kExitOk;
}

int run_build_data(const Request& request, std::ostream& out, std::ostream& err) {
  // The pipeline reads each source whole: refuse a device, a FIFO or an oversized file before it starts.
  for (const fs::path& folder : {fs::path(request.sources_dir), fs::path(request.out_dir)}) {
    if (auto why = not_a_folder(folder)) {
      print_message(err, "ukexp build-data: " + *why);
      return kExitDataError;
    }
  }
  for (const pipeline::SourceInfo& info : pipeline::source_catalog()) {
    const fs::path path = fs::path(request.sources_dir) / fs::path(std::string(info.path));
    std::error_code missing;
    if (!fs::exists(path, missing)) continue;  // the pipeline names the missing source itself
    std::string error;
    Descriptor descriptor;
    if (open_data_file(path, error, descriptor) < 0) {
      print_message(err, "ukexp build-data: " + error);
      return kExitDataError;
    }
  }
  try {
    const pipeline::BuildResult result = pipeline::build_bundle(request.sources_dir);
    pipeline::write_bundle(result, request.out_dir);
    const pipeline::BuildSummary& s = result.summary;
    out << "Wrote " << result.files.size() << " files to " << shown(request.out_dir) << " (build " << s.build << "): "
        << s.unit_groups << " unit groups, " << s.scored << " scored (" << s.rank_set << " with ASHE figures), "
        << s.onets << " O*NET occupations, " << s.tasks << " tasks, " << s.job_titles << " job titles.\n";
    return kExitOk;
  } catch (const pipeline::SourceError& error) {
    print_message(err, std::string("ukexp build-data: ") + error.what());
  } catch (const std::bad_alloc&) {
    print_message(err, "ukexp build-data: out of memory");
  } catch (const std::exception& error) {
    print_message(err, std::string("ukexp build-data: ") + error.what());
  }
  return kExitDataError;
}

int run_command(const Request& request, std::ostream& out, std::ostream& err, const DataLookup& lookup) {
  switch (request.command) {
    case Command::Help:
      out << help_text(request.help_topic);
      return kExitOk;
    case Command::BuildData:
      return run_build_data(request, out, err);
    case Command::Score:
    case Command::Onet:
    case Command::Rank:
    case Command::Breakdown:
      break;
  }
  fs::path dir(request.data_dir);
  if (dir.empty()) {
    std::string why;
    const auto found = find_data_dir(lookup, why);
    if (!found) {
      print_message(err, "ukexp: " + why);
      return kExitDataError;
    }
    dir = *found;
  }
  if (auto why = not_a_folder(dir)) {
    print_message(err, "ukexp: " + *why);
    return kExitDataError;
  }
  std::string error;
  auto data = load_bundle(dir, error);
  if (!data) {
    print_message(err, "ukexp: " + error);
    return kExitDataError;
  }
  if (request.command == Command::Score) return run_score(request, *data, out, err, dir);
  if (request.command == Command::Onet) return run_onet(request, *data, out, err);
  if (request.command == Command::Breakdown) {
    const auto breakdowns = load_breakdowns(dir, *data, error);
    if (!breakdowns) {
      err << "ukexp: " << error << '\n';
      return kExitDataError;
    }
    return run_breakdown(request, *data, *breakdowns, out, err);
  }
  return run_rank(request, *data, out, err);
}

}  // namespace

void print_message(std::ostream& err, std::string_view line) { err << echo(line, kMaxMessageChars) << '\n'; }

std::optional<fs::path> find_data_dir(const DataLookup& lookup, std::string& why) {
  if (!lookup.env_data.empty()) return fs::path(lookup.env_data);
  std::vector<fs::path> looked;
  const auto holds_bundle = [&](const fs::path& dir) {
    looked.push_back(dir);
    std::error_code ignored;
    return fs::exists(dir / "bundle.json", ignored);
  };
  if (!lookup.executable.empty()) {
    const fs::path exe_dir = lookup.executable.parent_path();
    if (const fs::path installed = exe_dir.parent_path() / "share" / "ukexp" / "data"; holds_bundle(installed)) {
      return installed;
    }
    fs::path folder = exe_dir;
    for (int level = 0; level <= kDataSearchLevels; ++level) {
      if (holds_bundle(folder / "data")) return folder / "data";
      if (folder.parent_path() == folder) break;  // the root
      folder = folder.parent_path();
    }
  }
  why = "no data folder found: " + std::string(kDataEnvVar) + " is not set, and ";
  if (looked.empty()) {
    why += "where ukexp is is unknown (no /proc/self/exe)";
  } else {
    why += "none of ";
    for (std::size_t i = 0; i < looked.size(); ++i) why += (i ? ", " : "") + shown(looked[i]);
    why += " holds bundle.json";
  }
  why += "; name the folder with --data DIR or " + std::string(kDataEnvVar) + "=DIR";
  return std::nullopt;
}

int run(const Request& request, std::ostream& out, std::ostream& err, const DataLookup& lookup) {
  // Every command writes here first; what leaves passes printable() as a whole, so no command (today's or a new
  // one) can print a control character, whatever the data holds. Line breaks are the commands' own: the data
  // strings in them went through printable() or print_table() on their own line already.
  std::ostringstream command_out;
  std::ostringstream command_err;
  const int status = run_command(request, command_out, command_err, lookup);
  out << printable(command_out.str(), LineBreaks::Keep);
  err << printable(command_err.str(), LineBreaks::Keep);
  return status;
}

int run(const Request& request, std::ostream& out, std::ostream& err, const fs::path& default_data_dir) {
  return run(request, out, err, DataLookup{default_data_dir.string(), {}});
}

}  // namespace aiexp::cli
