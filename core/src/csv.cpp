// CSV exports (csv.h).
#include "aiexp/csv.h"

#include "aiexp/bridge.h"
#include "aiexp/format.h"
#include "aiexp/printable.h"
#include "code_size.h"

namespace aiexp {

namespace {

constexpr int kCsvDecimals = 9;  // format_decimal's most

void append_row(std::string& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out.push_back(',');
    out += csv_field(fields[i]);
  }
  out += "\r\n";
}

std::string number(bool present, double value) { return present ? format_decimal(value, kCsvDecimals) : ""; }

// ONS's CV in percent ("7.1"), empty when ONS gives none.
std::string cv_field(const AsheFigure& figure) {
  return figure.has_cv() ? format_decimal(figure.cv_tenths / 10.0, 1) : "";
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A number as a program writes one: an optional minus, digits with at most one point, an optional exponent
// ("-0.25", "12", "1e-05"). A spreadsheet reads it as that number, never as a formula.
bool is_plain_number(std::string_view text) {
  std::size_t i = 0;
  if (i < text.size() && text[i] == '-') ++i;
  const auto skip_digits = [&] {
    const std::size_t start = i;
    while (i < text.size() && is_digit(text[i])) ++i;
    return i - start;
  };
  std::size_t digits = skip_digits();
  if (i < text.size() && text[i] == '.') {
    ++i;
    digits += skip_digits();
  }
  if (digits == 0) return false;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
    if (skip_digits() == 0) return false;
  }
  return i == text.size();
}

}  // namespace

std::string csv_field(std::string_view text) {
  std::string field = printable(text);
  const char first = field.empty() ? '\0' : field.front();
  if ((first == '=' || first == '+' || first == '-' || first == '@') && !is_plain_number(field)) {
    field.insert(field.begin(), '\'');
  }
  if (field.find_first_of(",;\"\r\n") == std::string::npos) return field;
  std::string quoted = "\"";
  for (char c : field) {
    if (c == '"') quoted.push_back('"');
    quoted.push_back(c);
  }
  quoted.push_back('"');
  return quoted;
}

std::string unit_groups_csv(const Scorer& scorer, const std::vector<std::uint32_t>& unit_groups) {
  const Bundle& bundle = scorer.bundle();
  std::string out;
  append_row(out, {"soc", "title", "major_group", "employees", "median_pay_gbp", "exposure", "direct", "with_tools",
                   "band", "wage_exposure_gbp", "rank_percent", "range_min", "range_max", "employees_cv_pct",
                   "median_pay_cv_pct", "bridge_grade", "bridge_isco", "bridge_isco_share", "bridge_onets",
                   "bridge_rated_share", "measure", "eloundou", "ilo2025", "ilo2023", "microsoft"});
  for (std::uint32_t g : unit_groups) {
    if (g >= bundle.unit_groups.size()) continue;
    const UnitGroup& group = bundle.unit_groups[g];
    const UnitGroupFigures& f = scorer.unit_groups()[g];
    // The band is the Eloundou score's: another headline measure has none.
    const Sensitivity band = scorer.assumptions().measure == Measure::Eloundou ? scorer.sensitivity()[g] : Sensitivity{};
    const BridgeQuality bridge = bridge_quality(bundle, g);
    // Every measure's 0-10 score beside the headline's, whichever the headline is.
    const auto measure_field = [&](Measure measure) {
      const UnitGroupFigures& of = scorer.figures(measure)[g];
      return number(of.scored, of.score01 * 10.0);
    };
    append_row(out, {group.soc, group.title, std::to_string(group.major_group()),
                     group.employees_k.published() ? std::to_string(group.employees_k.value * 1000) : "",
                     group.median_pay_gbp.published() ? std::to_string(group.median_pay_gbp.value) : "",
                     number(f.scored, f.score01 * 10.0), number(f.scored, f.alpha01 * 10.0),
                     number(f.scored, f.zeta01 * 10.0), f.scored ? std::string(band_name(f.band)) : "",
                     number(f.has_wage_exposure, f.wage_exposure_gbp),
                     f.scored ? std::to_string(f.rank_percent) : "", number(band.scored, band.min01 * 10.0),
                     number(band.scored, band.max01 * 10.0), cv_field(group.employees_k),
                     cv_field(group.median_pay_gbp), std::string(bridge_grade_name(bridge.grade)), bridge.isco_code,
                     number(bridge.has_isco, bridge.isco_share), std::to_string(bridge.onet_count),
                     number(bridge.task_count > 0, bridge.rated_share),
                     std::string(measure_name(scorer.assumptions().measure)), measure_field(Measure::Eloundou),
                     measure_field(Measure::Ilo2025), measure_field(Measure::Ilo2023), measure_field(Measure::Microsoft)});
  }
  return out;
}

namespace {

// One CSV row written straight into the output, field by field, each field a call (kept out of line, which -O3 would
// otherwise undo): building a vector of strings per row cost the page's WebAssembly module several kilobytes of code.
class CsvRow {
 public:
  explicit CsvRow(std::string& out) : out_(out) {}
  CsvRow(const CsvRow&) = delete;
  CsvRow& operator=(const CsvRow&) = delete;
  ~CsvRow() { out_ += "\r\n"; }

  [[gnu::noinline]] CsvRow& text(std::string_view value) {
    separate();
    out_ += csv_field(value);
    return *this;
  }
  [[gnu::noinline]] CsvRow& number(double value, bool present = true) {
    separate();
    if (present) out_ += format_decimal(value, kCsvDecimals);
    return *this;
  }
  [[gnu::noinline]] CsvRow& count(std::int64_t value) {
    separate();
    out_ += std::to_string(value);
    return *this;
  }

 private:
  void separate() {
    if (!first_) out_.push_back(',');
    first_ = false;
  }
  std::string& out_;
  bool first_ = true;
};

}  // namespace

AIEXP_FOR_SIZE std::string breakdown_csv(const Scorer& scorer, const Breakdowns& data, BreakdownKind kind) {
  std::string out;
  switch (kind) {
    case BreakdownKind::Sex:
    case BreakdownKind::Pattern: {
      const SplitBreakdown split = kind == BreakdownKind::Sex ? sex_breakdown(scorer, data) : pattern_breakdown(scorer, data);
      const bool sex = kind == BreakdownKind::Sex;
      out = sex ? "group,employees,mean_score,title,high_employees,high_share,wage_exposure_gbp,wage_exposure_employees,"
                  "wage_exposure_groups,unit_groups,from_unit_group,from_minor_group,from_sub_major_group,"
                  "from_major_group\r\n"
                : "group,employees,mean_score,title,high_employees,high_share,unit_groups,from_unit_group,"
                  "from_minor_group,from_sub_major_group,from_major_group\r\n";
      for (const SplitSide& side : split.sides) {
        const bool has = side.employees > 0.0;
        CsvRow row(out);
        row.text(side.group).number(side.employees).number(side.mean_score10, has).text(side.title);
        row.number(side.high_employees).number(side.high_share, has);
        if (sex) row.number(side.wage_exposure_gbp).number(side.wage_employees).count(side.wage_groups);
        row.count(split.unit_groups);
        for (const int level : split.levels) row.count(level);
      }
      return out;
    }
    case BreakdownKind::Industry: {
      out = "group,employees,mean_score,title,total_people,covered_share,cells,small_sample_cells,small_sample_people,"
            "unscored_cells,unscored_people,withheld_cells\r\n";
      for (const IndustryRow& r : industry_breakdown(scorer, data).rows) {
        CsvRow(out).text(r.group).number(r.people).number(r.mean_score10, r.scored).text(r.title)
            .number(r.total_people).number(r.covered_share).count(r.cells).count(r.small_sample_cells)
            .number(r.small_sample_people).count(r.unscored_cells).number(r.unscored_people).count(r.withheld_cells);
      }
      return out;
    }
    case BreakdownKind::Region: {
      out = "group,employees,mean_score,minor_groups,unscored_minor_groups,unscored_people,missing_minor_groups\r\n";
      for (const RegionRow& r : region_breakdown(scorer, data).rows) {
        CsvRow(out).text(r.group).number(r.people).number(r.mean_score10, r.scored).count(r.minor_groups)
            .count(r.unscored_minor_groups).number(r.unscored_people).count(r.missing_minor_groups);
      }
      return out;
    }
    case BreakdownKind::Pay: {
      out = "group,employees,mean_score,title,occupations,pay_low_gbp,pay_high_gbp,wage_exposure_gbp,wage_share\r\n";
      for (const PayRow& r : pay_breakdown(scorer, data).rows) {
        CsvRow row(out);
        row.text(r.group).number(r.employees).number(r.mean_score10, r.scored).text(r.title).count(r.occupations);
        row.number(static_cast<double>(r.pay_low_gbp), r.scored).number(static_cast<double>(r.pay_high_gbp), r.scored);
        row.number(r.wage_exposure_gbp).number(r.wage_share);
      }
      return out;
    }
  }
  return out;
}

std::string tasks_csv(const UnitGroupReport& report) {
  std::string out;
  append_row(out, {"onet", "task_id", "label", "label_text", "source_label", "importance", "weight", "excluded",
                   "task"});
  for (const TaskLine& task : report.tasks) {
    append_row(out, {task.onet_code, task.id ? std::to_string(task.id) : "", std::string(label_name(task.label)),
                     task.label_text, std::string(label_name(task.source_label)),
                     task.importance_known ? format_decimal(task.importance, 2) : "",
                     format_decimal(task.weight, 6), task.excluded ? "yes" : "no", task.text});
  }
  return out;
}

}  // namespace aiexp
