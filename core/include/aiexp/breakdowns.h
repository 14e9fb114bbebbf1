// Who holds the exposed work (issue 26; ../shared/data/uk/SOURCES-breakdowns.md): the UK's employees and their
// mean exposure split by sex, working pattern, industry, region and pay, under the Scorer's current assumptions and
// headline measure, so every breakdown follows every assumption as the other figures do. One call per kind; each
// reads the Scorer's unit group figures and the breakdowns' data (breakdown_data.h) and allocates only its result.
//
// Let s_u be a unit group's headline (unrounded) and E_u its ASHE 2025 employees; U the unit groups with a score
// and published employees.
// - Sex and working pattern: U's employees apportioned by the female (full-time) share of the unit group's ASHE 2024
//   jobs, or of its nearest ancestor code publishing both sides (Bundle::breakdowns.sex, pattern). Per side: the
//   apportioned employees, their mean s_u, the share in unit groups displayed at 6.0 or more, and (sex) wage
//   exposure from the side's own 2025 median. Estimates: 2024 shares applied to 2025 employees.
// - Industry: per SIC 2007 section, the mean s_u over the APS 2024 published cells of scored unit groups, weighted
//   by the cells' people in employment (self-employed included; published figures).
// - Region: a minor group's score is the E_u-weighted mean of its unit groups in U (the plain mean of its scored
//   unit groups where none has employees); a region's, the mean over its minor groups with a figure and a score,
//   weighted by the APS 2024 people in employment.
// - Pay: U's unit groups with a published median, by median pay (ties by code), cut into ten groups of about equal
//   employees (a unit group goes to the tenth holding the midpoint of its employees).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aiexp/breakdown_data.h"
#include "aiexp/score.h"
#include "aiexp/status.h"

namespace aiexp {

enum class BreakdownKind : std::uint8_t { Sex = 0, Pattern = 1, Industry = 2, Region = 3, Pay = 4 };
inline constexpr std::size_t kBreakdownKindCount = 5;
inline constexpr std::array<BreakdownKind, kBreakdownKindCount> kBreakdownKinds{
    BreakdownKind::Sex, BreakdownKind::Pattern, BreakdownKind::Industry, BreakdownKind::Region, BreakdownKind::Pay};
std::string_view breakdown_kind_name(BreakdownKind kind);  // "sex", "pattern", "industry", "region", "pay"
std::optional<BreakdownKind> parse_breakdown_kind(std::string_view name);

// What a breakdown's counts are and how sure they are, in plain words, for its caption: which figures are
// published and which are the calculator's estimates.
std::string_view breakdown_caption(BreakdownKind kind);

// One side of a split: women or men, full-time or part-time.
struct SplitSide {
  std::string group;  // "female", "male", "full_time", "part_time"
  std::string title;  // "Women", "Men", "Full-time", "Part-time"
  double employees = 0.0;       // apportioned ASHE 2025 employee jobs (an estimate, not a published count)
  double mean_score10 = 0.0;    // their employment-weighted mean headline, 0-10, unrounded
  double high_employees = 0.0;  // of them, in unit groups whose headline as displayed is 6.0 or more
  double high_share = 0.0;      // high_employees / employees
  bool has_wage_exposure = false;  // sex only: from the side's own 2025 median
  double wage_exposure_gbp = 0.0;  // sum of employees x the side's median x headline / 10 (displayed or exact)
  double wage_employees = 0.0;     // the employees that sum covers: those whose side's median ASHE publishes
  int wage_groups = 0;             // and their unit groups
  std::string employees_text;      // "12.6m"
  std::string mean_score_text;     // "1.82"
  std::string high_share_text;     // "8.4%"
  std::string wage_exposure_text;  // "£62.2bn"; "" without wage exposure
};

struct SplitBreakdown {
  BreakdownKind kind = BreakdownKind::Sex;
  std::array<SplitSide, 2> sides;  // female, male; or full_time, part_time
  int unit_groups = 0;             // apportioned: in U with a split
  std::array<int, kSplitLevels> levels{};  // of those, how many took their share from the unit group, its minor,
                                           // sub-major and major group
  int unsplit_groups = 0;          // in U, but no level publishes both sides: left out
  double unsplit_employees = 0.0;
  std::string levels_text;  // "shares from the unit group's own 2024 jobs for 159 unit groups, its minor group's for 140, ..."
};

// One SIC 2007 section of the industry breakdown.
struct IndustryRow {
  std::string group;  // the section letter, "J"
  std::string title;  // "Information and communication"
  bool scored = false;          // the mean is over at least one cell
  double people = 0.0;          // APS 2024 people in employment in the cells the mean is over
  double mean_score10 = 0.0;
  int cells = 0;                // published cells of scored unit groups
  int small_sample_cells = 0;   // of those, shaded by ONS as small samples (use with caution)
  double small_sample_people = 0.0;
  int unscored_cells = 0;       // published cells of unit groups without a score: left out
  double unscored_people = 0.0;
  int withheld_cells = 0;       // cells ONS does not publish (sample too small)
  double total_people = 0.0;    // the section's total row
  double covered_share = 0.0;   // people / total_people
  std::string people_text;      // "1.51m"
  std::string mean_score_text;  // "3.38"
  std::string covered_text;     // "96.4%"
  std::string small_sample_text;  // "29 of its 73 cells are small samples (use with caution)"
};

struct IndustryBreakdown {
  std::vector<IndustryRow> rows;  // A to S
};

// One nation or region of the region breakdown.
struct RegionRow {
  std::string group;  // the name as the APS extract gives it, "London"
  std::string title;
  bool scored = false;
  double people = 0.0;          // APS 2024 people in employment in the minor groups the mean is over
  double mean_score10 = 0.0;
  int minor_groups = 0;         // with a figure and a score
  int unscored_minor_groups = 0;  // with a figure, without a score: left out
  double unscored_people = 0.0;
  int missing_minor_groups = 0;   // without a figure
  std::string people_text;
  std::string mean_score_text;
};

struct RegionBreakdown {
  std::vector<RegionRow> rows;  // in the source's order
  int scored_minor_groups = 0;  // minor groups with a score
  int plain_mean_minor_groups = 0;  // of those, scored by the plain mean (none of their unit groups has employees)
};

// One tenth of the pay breakdown.
struct PayRow {
  std::string group;  // "1" (lowest paid) to "10"
  std::string title;  // "Lowest-paid tenth", "2nd tenth", ..., "Highest-paid tenth"
  bool scored = false;  // holds at least one unit group
  int occupations = 0;
  double employees = 0.0;  // ASHE 2025 employee jobs (published)
  double mean_score10 = 0.0;
  std::int64_t pay_low_gbp = 0;   // the lowest and highest median pay of its unit groups
  std::int64_t pay_high_gbp = 0;
  double wage_exposure_gbp = 0.0;
  double wage_share = 0.0;  // of the wage exposure of all ten tenths, which is the UK total's
  std::string employees_text;
  std::string mean_score_text;
  std::string pay_range_text;   // "£1,902–£17,086"
  std::string wage_share_text;  // "2.2%"
};

struct PayBreakdown {
  std::vector<PayRow> rows;  // ten, lowest paid first
  int unit_groups = 0;
  double employees = 0.0;
  double wage_exposure_gbp = 0.0;
};

// What a role's page says in one line about who does the work: how the unit group's jobs split by sex, and where
// the industry most of its people in employment work in stands among the industries.
struct RoleBreakdown {
  std::string soc;
  bool has_sex = false;        // a level publishes both sides
  int sex_level = 0;           // where the share is from: 0 the unit group's own 2024 jobs, 1 its minor, 2 sub-major, 3
                               // major group's
  std::string sex_code;        // the code of that level, "2132", "213", "21" or "2"
  double female_share = 0.0;   // of the 2024 jobs at that level (0-1)
  int female_percent = 0;      // as shown, rounded; men's is 100 minus it
  bool has_industry = false;   // the APS publishes a cell of it in some section
  std::string industry;        // the section letter of its largest published cell, "J"
  std::string industry_title;  // "Information and communication"
  double industry_people = 0.0;        // that cell's people in employment (APS 2024)
  bool industry_small_sample = false;  // ONS marks that cell for caution
  double industry_mean_score10 = 0.0;  // the section's mean (industry_breakdown)
  int industry_rank = 0;               // 1 + the sections with a higher mean
  int industry_count = 0;              // sections with a mean
  std::string industry_mean_text;      // "3.38"
  std::string text;  // "Women hold an estimated 31% of its employee jobs and men 69% (...); its largest industry, ..."
};

// The line of the unit group at `unit_group` (an index into the bundle's unit groups) under the Scorer's current
// assumptions (the industries' means follow them; the split does not).
RoleBreakdown role_breakdown(const Scorer& scorer, const Breakdowns& data, std::uint32_t unit_group);

// The breakdowns under the Scorer's current assumptions. `data` must be parsed against the Scorer's bundle.
SplitBreakdown sex_breakdown(const Scorer& scorer, const Breakdowns& data);
SplitBreakdown pattern_breakdown(const Scorer& scorer, const Breakdowns& data);
IndustryBreakdown industry_breakdown(const Scorer& scorer, const Breakdowns& data);
RegionBreakdown region_breakdown(const Scorer& scorer, const Breakdowns& data);
PayBreakdown pay_breakdown(const Scorer& scorer, const Breakdowns& data);

// A breakdown's mean as shown, to two decimals ("1.82": the groups differ by less than a tenth), and a share as
// a percentage to one decimal ("8.4%").
std::string format_mean_score(double mean_score10);
std::string format_share(double share01);

}  // namespace aiexp
