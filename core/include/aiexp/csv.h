// CSV exports of the figures (the all-occupations table and one role's tasks), written by the core so the CLI
// and the page export the same columns and numbers.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "aiexp/breakdowns.h"
#include "aiexp/report.h"
#include "aiexp/score.h"

namespace aiexp {

// One field, safe to open in a spreadsheet and to print:
//   1. printable() (printable.h): control characters, bidirectional controls and bytes that are not UTF-8 become
//      visible escapes (\u001B, \u000A, \xFF), so no field holds a tab, a line break or an escape sequence;
//   2. a field starting with '=', '+', '-' or '@' gets a leading apostrophe, so a spreadsheet shows it as text
//      instead of running it as a formula (OWASP's advice on CSV injection; a leading tab or carriage return,
//      the advice's other two, is already an escape after step 1). A field that is a plain number ("-0.25",
//      "1e-05": an optional minus, digits, at most one point, an optional exponent) is left as it is: a
//      spreadsheet reads it as that number whatever wrote it, and a numeric column stays numeric;
//   3. quoted when it holds a comma, a semicolon (the separator of spreadsheets in many locales) or a quote,
//      quotes doubled (RFC 4180).
std::string csv_field(std::string_view text);

// One row per listed unit group (indexes into the bundle), in that order. Columns: soc, title, major_group,
// employees, median_pay_gbp, exposure, direct, with_tools, band, wage_exposure_gbp, rank_percent, range_min,
// range_max, employees_cv_pct, median_pay_cv_pct, bridge_grade, bridge_isco, bridge_isco_share, bridge_onets,
// bridge_rated_share (bridge.h); scores 0-10 unrounded (9 decimals); empty cells where there is no figure.
std::string unit_groups_csv(const Scorer& scorer, const std::vector<std::uint32_t>& unit_groups);

// A breakdown (breakdowns.h) under the Scorer's assumptions, one row per group in its order. The first columns are
// group, employees, mean_score: the group's name (female/male, full_time/part_time, the section letter A-S, the region
// as the APS names it, 1-10 for the pay tenths from the lowest paid), what the mean is over (employee jobs for sex,
// pattern and pay: apportioned estimates for sex and pattern; people in employment for industry and region) and the
// mean on the 0-10 scale, unrounded (9 decimals; empty where the group has none). Then, by kind:
//   sex:      title, high_employees, high_share, wage_exposure_gbp, wage_exposure_employees, wage_exposure_groups,
//             unit_groups, from_unit_group, from_minor_group, from_sub_major_group, from_major_group
//   pattern:  the same without the three wage exposure columns
//   industry: title, total_people, covered_share, cells, small_sample_cells, small_sample_people, unscored_cells,
//             unscored_people, withheld_cells
//   region:   minor_groups, unscored_minor_groups, unscored_people, missing_minor_groups
//   pay:      title, occupations, pay_low_gbp, pay_high_gbp, wage_exposure_gbp, wage_share
std::string breakdown_csv(const Scorer& scorer, const Breakdowns& data, BreakdownKind kind);

// One row per task of a report, in its order. Columns: onet, task_id, label, label_text, source_label,
// importance, weight, excluded, task.
std::string tasks_csv(const UnitGroupReport& report);

}  // namespace aiexp
