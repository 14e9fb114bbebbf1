// CSV exports (csv.h).
#include "aiexp/csv.h"

#include "aiexp/bridge.h"
#include "aiexp/format.h"
#include "aiexp/printable.h"

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
