// The breakdowns by sex, working pattern, industry, region and pay (breakdowns.h), issue 26.
#include "aiexp/breakdowns.h"

#include <algorithm>
#include <span>

#include "aiexp/format.h"
#include "concat.h"
#include "rounding.h"

namespace aiexp {

namespace {

// Employees or people as the totals show them: "12.6m", "845k".
std::string people_text(double people) {
  return format_employees_k(detail::round_to_int64(people / 1000.0));
}

double employees_of(const UnitGroup& group) { return static_cast<double>(group.employees_k.value) * 1000.0; }

// What wage exposure multiplies pay by: the headline as shown / 10, or unrounded (WageRounding), as finish_figures.
double wage_factor(const Scorer& scorer, const UnitGroupFigures& figures) {
  return scorer.assumptions().wage_rounding == WageRounding::Displayed
             ? detail::round_half_away(figures.score01 * 100.0) / 100.0
             : figures.score01;
}

void describe(SplitSide& side) {
  side.mean_score10 = side.employees > 0.0 ? side.mean_score10 / side.employees : 0.0;  // from the weighted sum
  side.high_share = side.employees > 0.0 ? side.high_employees / side.employees : 0.0;
  side.employees_text = people_text(side.employees);
  side.mean_score_text = side.employees > 0.0 ? format_mean_score(side.mean_score10) : kNotScored;
  side.high_share_text = side.employees > 0.0 ? format_share(side.high_share) : kNotScored;
  if (side.has_wage_exposure) side.wage_exposure_text = format_money_short(side.wage_exposure_gbp);
}

std::string levels_sentence(const std::array<int, kSplitLevels>& levels) {
  static constexpr std::array<std::string_view, kSplitLevels> kWhose{
      "the unit group's own 2024 jobs", "its minor group's", "its sub-major group's", "its major group's"};
  std::string text = "Shares from ";
  bool first = true;
  for (std::size_t level = 0; level < kSplitLevels; ++level) {
    if (levels[level] == 0) continue;
    text += detail::concat({first ? "" : ", ", kWhose[level], " for ", std::to_string(levels[level]),
                            first ? (levels[level] == 1 ? " unit group" : " unit groups") : ""});
    first = false;
  }
  return first ? std::string("No unit group has a share.") : text + ".";
}

SplitBreakdown split_breakdown(const Scorer& scorer, const Breakdowns& data, BreakdownKind kind) {
  const Bundle& bundle = scorer.bundle();
  const bool sex = kind == BreakdownKind::Sex;
  const std::vector<SplitSource>& splits = sex ? data.sex : data.pattern;
  SplitBreakdown out;
  out.kind = kind;
  out.sides[0].group = sex ? "female" : "full_time";
  out.sides[0].title = sex ? "Women" : "Full-time";
  out.sides[1].group = sex ? "male" : "part_time";
  out.sides[1].title = sex ? "Men" : "Part-time";
  out.sides[0].has_wage_exposure = out.sides[1].has_wage_exposure = sex;
  const std::array<const std::vector<std::int64_t>*, 2> medians{&data.female_median_gbp, &data.male_median_gbp};
  const std::span<const UnitGroupFigures> figures = scorer.unit_groups();
  for (std::uint32_t g = 0; g < figures.size(); ++g) {
    const UnitGroupFigures& f = figures[g];
    const UnitGroup& group = bundle.unit_groups[g];
    if (!f.scored || !group.employees_k.published()) continue;
    const double employees = employees_of(group);
    const SplitSource& split = splits[g];
    if (!split.has()) {
      ++out.unsplit_groups;
      out.unsplit_employees += employees;
      continue;
    }
    ++out.unit_groups;
    ++out.levels[split.level];
    const double first = split.first_share();
    const double score10 = f.score01 * 10.0;
    const bool high = f.band >= Band::High;  // displayed at 6.0 or more
    for (std::size_t s = 0; s < 2; ++s) {
      SplitSide& side = out.sides[s];
      const double part = employees * (s == 0 ? first : 1.0 - first);
      side.employees += part;
      side.mean_score10 += part * score10;  // the weighted sum until describe()
      if (high) side.high_employees += part;
      if (sex && (*medians[s])[g] != kNoMedian) {
        side.wage_exposure_gbp += part * static_cast<double>((*medians[s])[g]) * wage_factor(scorer, f);
        side.wage_employees += part;
        ++side.wage_groups;
      }
    }
  }
  for (SplitSide& side : out.sides) describe(side);
  out.levels_text = levels_sentence(out.levels);
  return out;
}

}  // namespace

std::string_view breakdown_kind_name(BreakdownKind kind) {
  switch (kind) {
    case BreakdownKind::Sex: return "sex";
    case BreakdownKind::Pattern: return "pattern";
    case BreakdownKind::Industry: return "industry";
    case BreakdownKind::Region: return "region";
    case BreakdownKind::Pay: return "pay";
  }
  return "sex";
}

std::optional<BreakdownKind> parse_breakdown_kind(std::string_view name) {
  for (const BreakdownKind kind : kBreakdownKinds) {
    if (breakdown_kind_name(kind) == name) return kind;
  }
  return std::nullopt;
}

std::string_view breakdown_caption(BreakdownKind kind) {
  switch (kind) {
    case BreakdownKind::Sex:
      return "Employee jobs (ASHE 2025; the self-employed are not counted) split between women and men by each "
             "occupation's share in ASHE 2024: estimates, not counts ONS publishes. Wage exposure uses women's and "
             "men's own 2025 median pay where ONS publishes it.";
    case BreakdownKind::Pattern:
      return "Employee jobs (ASHE 2025; the self-employed are not counted) split between full-time and part-time "
             "jobs by each occupation's share in ASHE 2024: estimates, not counts ONS publishes.";
    case BreakdownKind::Industry:
      return "People in employment, self-employed included, in 2024 (Annual Population Survey): counts ONS "
             "publishes. Each industry's mean weights its occupations' scores by those counts; occupations ONS does "
             "not publish for an industry are left out, and small samples are marked.";
    case BreakdownKind::Region:
      return "People in employment, self-employed included, in 2024 (Annual Population Survey), by nation or region "
             "and occupation minor group: published counts. A minor group's score is its occupations' mean weighted "
             "by their 2025 employees.";
    case BreakdownKind::Pay:
      return "Employee jobs (ASHE 2025) of the occupations with published employees and median pay, in ten groups "
             "of about equal size from the lowest median pay to the highest: published counts and pay, grouped here.";
  }
  return "";
}

std::string format_mean_score(double mean_score10) {
  const std::string text = format_decimal(detail::round_half_away(mean_score10 * 100.0) / 100.0, 2);
  // format_decimal drops trailing zeros: put them back so every mean shows two decimals.
  const std::size_t dot = text.find('.');
  if (dot == std::string::npos) return text + ".00";
  return text + std::string(2 - (text.size() - dot - 1), '0');
}

std::string format_share(double share01) {
  const std::string text = format_decimal(detail::round_half_away(share01 * 1000.0) / 10.0, 1);
  return text.find('.') == std::string::npos ? text + ".0%" : text + "%";
}

// The five are called from the bindings, the CSV and the provenance panels: kept out of line, so the link-time
// optimiser does not copy each into every caller of the page's module (-O3).
[[gnu::noinline]] SplitBreakdown sex_breakdown(const Scorer& scorer, const Breakdowns& data) {
  return split_breakdown(scorer, data, BreakdownKind::Sex);
}

[[gnu::noinline]] SplitBreakdown pattern_breakdown(const Scorer& scorer, const Breakdowns& data) {
  return split_breakdown(scorer, data, BreakdownKind::Pattern);
}

[[gnu::noinline]] IndustryBreakdown industry_breakdown(const Scorer& scorer, const Breakdowns& data) {
  const std::span<const UnitGroupFigures> figures = scorer.unit_groups();
  IndustryBreakdown out;
  out.rows.reserve(data.industry.size());
  for (const IndustrySection& section : data.industry) {
    IndustryRow row;
    row.group = section.letter;
    row.title = section.title;
    row.withheld_cells = static_cast<int>(section.withheld_cells);
    row.total_people = static_cast<double>(section.total_people);
    double weighted = 0.0;
    for (const IndustryCell& cell : section.cells) {
      const UnitGroupFigures& f = figures[cell.unit_group];
      const auto people = static_cast<double>(cell.people);
      if (!f.scored) {
        ++row.unscored_cells;
        row.unscored_people += people;
        continue;
      }
      ++row.cells;
      row.people += people;
      weighted += people * f.score01 * 10.0;
      if (cell.small_sample) {
        ++row.small_sample_cells;
        row.small_sample_people += people;
      }
    }
    row.scored = row.people > 0.0;
    row.mean_score10 = row.scored ? weighted / row.people : 0.0;
    row.covered_share = row.total_people > 0.0 ? row.people / row.total_people : 0.0;
    row.people_text = people_text(row.people);
    row.mean_score_text = row.scored ? format_mean_score(row.mean_score10) : kNotScored;
    row.covered_text = format_share(row.covered_share);
    row.small_sample_text = detail::concat({std::to_string(row.small_sample_cells), " of its ", std::to_string(row.cells),
                                            row.cells == 1 ? " cell " : " cells ",
                                            row.small_sample_cells == 1 ? "is a small sample" : "are small samples",
                                            " (use with caution)"});
    out.rows.push_back(std::move(row));
  }
  return out;
}

[[gnu::noinline]] RegionBreakdown region_breakdown(const Scorer& scorer, const Breakdowns& data) {
  const Bundle& bundle = scorer.bundle();
  const RegionTable& table = data.region;
  const std::size_t minors = table.minor_groups.size();
  // Each minor group's score: the employees-weighted mean of its unit groups in U, else the plain mean of its
  // scored unit groups. [minor] x (weighted sum, employees, plain sum, scored count).
  std::vector<double> sums(minors * 4, 0.0);
  const std::span<const UnitGroupFigures> figures = scorer.unit_groups();
  for (std::uint32_t g = 0; g < figures.size(); ++g) {
    const std::int32_t m = data.minor_group_of[g];
    if (m < 0 || !figures[g].scored) continue;
    double* at = &sums[static_cast<std::size_t>(m) * 4];
    const double score10 = figures[g].score01 * 10.0;
    const UnitGroup& group = bundle.unit_groups[g];
    if (group.employees_k.published()) {
      at[0] += employees_of(group) * score10;
      at[1] += employees_of(group);
    }
    at[2] += score10;
    at[3] += 1.0;
  }
  RegionBreakdown out;
  std::vector<double> minor_score(minors, 0.0);
  std::vector<bool> minor_scored(minors, false);
  for (std::size_t m = 0; m < minors; ++m) {
    const double* at = &sums[m * 4];
    if (at[1] > 0.0) {
      minor_score[m] = at[0] / at[1];
    } else if (at[3] > 0.0) {
      minor_score[m] = at[2] / at[3];
      ++out.plain_mean_minor_groups;
    } else {
      continue;
    }
    minor_scored[m] = true;
    ++out.scored_minor_groups;
  }
  out.rows.reserve(table.regions.size());
  for (std::size_t r = 0; r < table.regions.size(); ++r) {
    RegionRow row;
    row.group = row.title = table.regions[r];
    double weighted = 0.0;
    for (std::size_t m = 0; m < minors; ++m) {
      const std::int64_t people = table.at(m, r);
      if (people == kNoPeople) {
        ++row.missing_minor_groups;
        continue;
      }
      if (!minor_scored[m]) {
        ++row.unscored_minor_groups;
        row.unscored_people += static_cast<double>(people);
        continue;
      }
      ++row.minor_groups;
      row.people += static_cast<double>(people);
      weighted += static_cast<double>(people) * minor_score[m];
    }
    row.scored = row.people > 0.0;
    row.mean_score10 = row.scored ? weighted / row.people : 0.0;
    row.people_text = people_text(row.people);
    row.mean_score_text = row.scored ? format_mean_score(row.mean_score10) : kNotScored;
    out.rows.push_back(std::move(row));
  }
  return out;
}

[[gnu::noinline]] PayBreakdown pay_breakdown(const Scorer& scorer, const Breakdowns& data) {
  constexpr int kTenths = 10;
  const Bundle& bundle = scorer.bundle();
  const std::span<const UnitGroupFigures> figures = scorer.unit_groups();
  PayBreakdown out;
  for (const std::uint32_t g : data.by_median_pay) {
    if (!figures[g].scored) continue;
    ++out.unit_groups;
    out.employees += employees_of(bundle.unit_groups[g]);
  }
  out.rows.resize(kTenths);
  std::array<double, kTenths> weighted{};
  double before = 0.0;  // employees of the unit groups before this one in pay order
  for (const std::uint32_t g : data.by_median_pay) {
    const UnitGroupFigures& f = figures[g];
    if (!f.scored) continue;
    const UnitGroup& group = bundle.unit_groups[g];
    const double employees = employees_of(group);
    // The tenth that holds the midpoint of the unit group's employees.
    const double midpoint = before + employees / 2.0;
    before += employees;
    const int tenth = std::min(kTenths - 1, static_cast<int>(kTenths * midpoint / out.employees));
    PayRow& row = out.rows[static_cast<std::size_t>(tenth)];
    const std::int64_t pay = group.median_pay_gbp.value;
    if (row.occupations == 0) row.pay_low_gbp = pay;  // in pay order: the first is the lowest
    row.pay_high_gbp = pay;
    ++row.occupations;
    row.employees += employees;
    weighted[static_cast<std::size_t>(tenth)] += employees * f.score01 * 10.0;
    row.wage_exposure_gbp += f.wage_exposure_gbp;
    out.wage_exposure_gbp += f.wage_exposure_gbp;
  }
  for (int t = 0; t < kTenths; ++t) {
    PayRow& row = out.rows[static_cast<std::size_t>(t)];
    row.group = std::to_string(t + 1);
    row.title = t == 0 ? "Lowest-paid tenth"
                : t == kTenths - 1 ? "Highest-paid tenth"
                : t == 1 ? "2nd tenth"
                : t == 2 ? "3rd tenth"
                         : std::to_string(t + 1) + "th tenth";
    row.scored = row.occupations > 0;
    row.mean_score10 = row.scored ? weighted[static_cast<std::size_t>(t)] / row.employees : 0.0;
    row.wage_share = out.wage_exposure_gbp > 0.0 ? row.wage_exposure_gbp / out.wage_exposure_gbp : 0.0;
    row.employees_text = people_text(row.employees);
    row.mean_score_text = row.scored ? format_mean_score(row.mean_score10) : kNotScored;
    row.pay_range_text = row.scored ? detail::concat({format_gbp(row.pay_low_gbp), "\u2013", format_gbp(row.pay_high_gbp)})
                                    : std::string(kNotScored);
    row.wage_share_text = format_share(row.wage_share);
  }
  return out;
}

namespace {

// "1st", "2nd", "3rd", "4th", "11th", "21st".
std::string ordinal(int n) {
  const int tens = n % 100;
  const int units = n % 10;
  const char* suffix = (tens >= 11 && tens <= 13) ? "th" : units == 1 ? "st" : units == 2 ? "nd" : units == 3 ? "rd" : "th";
  return detail::concat({std::to_string(n), suffix});
}

}  // namespace

[[gnu::noinline]] RoleBreakdown role_breakdown(const Scorer& scorer, const Breakdowns& data, std::uint32_t unit_group) {
  static constexpr std::array<std::string_view, kSplitLevels> kLevelNames{
      "this occupation's", "minor group", "sub-major group", "major group"};
  const UnitGroup& group = scorer.bundle().unit_groups[unit_group];
  RoleBreakdown out;
  out.soc = group.soc;
  std::string sex_text;
  if (const SplitSource& split = data.sex[unit_group]; split.has()) {
    out.has_sex = true;
    out.sex_level = split.level;
    // Level 0 is the unit group's own four digits; each level up drops one.
    out.sex_code = group.soc.substr(0, group.soc.size() - split.level);
    out.female_share = split.first_share();
    out.female_percent = static_cast<int>(detail::round_to_int64(out.female_share * 100.0));
    const std::string source = split.level == 0
        ? std::string("ASHE 2024 shares of this occupation's jobs")
        : detail::concat({"ASHE 2024 shares of its ", kLevelNames[split.level], " ", out.sex_code});
    sex_text = detail::concat({"Women hold an estimated ", format_percent(out.female_percent), " of its employee jobs and men ",
                               format_percent(100 - out.female_percent), " (", source, ")"});
  } else {
    sex_text = "ASHE publishes no split of its jobs by sex";
  }
  // Its largest published cell over the sections (the first section on a tie, in A to S order).
  std::size_t section_at = data.industry.size();
  const IndustryCell* largest = nullptr;
  for (std::size_t s = 0; s < data.industry.size(); ++s) {
    const std::vector<IndustryCell>& cells = data.industry[s].cells;
    const auto cell = std::lower_bound(cells.begin(), cells.end(), unit_group,
                                       [](const IndustryCell& c, std::uint32_t g) { return c.unit_group < g; });
    if (cell == cells.end() || cell->unit_group != unit_group) continue;
    if (!largest || cell->people > largest->people) {
      largest = &*cell;
      section_at = s;
    }
  }
  std::string industry_text;
  if (largest) {
    const IndustryBreakdown industries = industry_breakdown(scorer, data);
    const IndustryRow& row = industries.rows[section_at];
    out.has_industry = true;
    out.industry = row.group;
    out.industry_title = row.title;
    out.industry_people = static_cast<double>(largest->people);
    out.industry_small_sample = largest->small_sample;
    out.industry_mean_score10 = row.mean_score10;
    out.industry_mean_text = row.mean_score_text;
    for (const IndustryRow& other : industries.rows) {
      if (!other.scored) continue;
      ++out.industry_count;
      if (row.scored && other.mean_score10 > row.mean_score10) ++out.industry_rank;
    }
    if (row.scored) {
      ++out.industry_rank;
      industry_text = detail::concat({"its largest industry, ", row.title, ", ranks ", ordinal(out.industry_rank), " of ",
                                      std::to_string(out.industry_count), " by mean exposure, at ", row.mean_score_text,
                                      largest->small_sample ? " (APS 2024, a small sample)" : " (APS 2024)"});
    } else {
      industry_text = detail::concat({"its largest industry, ", row.title, ", has no mean exposure (APS 2024)"});
    }
  } else {
    industry_text = "ONS publishes no figure of its people in employment by industry (APS 2024)";
  }
  // One sentence: the split, then the industry.
  out.text = detail::concat({sex_text, "; ", industry_text, "."});
  return out;
}

}  // namespace aiexp
