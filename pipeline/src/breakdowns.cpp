// Readers of the breakdowns' sources and the breakdown data of the bundle (breakdowns.h), issue 26.
#include "aiexp/pipeline/breakdowns.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <tuple>
#include <utility>

namespace aiexp::pipeline {

namespace fs = std::filesystem;

namespace {

Table read_table(const fs::path& sources, std::string_view relative) {
  return Table::read(sources / fs::path(std::string(relative)), ',', std::string(relative));
}

std::string in_quotes(std::string_view text) { return "\"" + std::string(text) + "\""; }

bool is_soc_code(std::string_view text) {  // a SOC 2020 code of any level: 1 to 4 digits
  return !text.empty() && text.size() <= 4 &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Whole pounds as the 2025 extract writes them: "53501", or "90000.0" (a float with a zero fraction).
std::optional<std::int64_t> parse_pounds(std::string_view text) {
  if (const auto dot = text.find('.'); dot != std::string_view::npos) {
    const std::string_view fraction = text.substr(dot + 1);
    if (fraction.empty() || !std::all_of(fraction.begin(), fraction.end(), [](char c) { return c == '0'; })) {
      return std::nullopt;
    }
    text = text.substr(0, dot);
  }
  const auto value = parse_whole(text);
  if (!value || *value <= 0 || *value > 10'000'000) return std::nullopt;
  return value;
}

// A pay cell of the 2024 extract (median or mean): whole pounds, or empty beside a marker; an empty cell may go
// without one only when the jobs are withheld as disclosive or not applicable, which empties the whole row.
void check_pay_cell(const Table& table, const Record& row, std::size_t value_column, std::size_t marker_column,
                    const AsheFigure& jobs) {
  const std::string_view value = trim(row.fields[value_column]);
  const std::string_view marker = trim(row.fields[marker_column]);
  if (!marker.empty() && marker != "x" && marker != ".." && marker != ":") {
    throw table.error(row, marker_column, in_quotes(marker) + " is not an ONS marker (x, .., :)");
  }
  if (!value.empty()) {
    if (!marker.empty()) throw table.error(row, marker_column, "marker " + in_quotes(marker) + " beside a published value");
    const auto pounds = parse_whole(value);
    if (!pounds || *pounds <= 0 || *pounds > 10'000'000) {
      throw table.error(row, value_column, in_quotes(value) + " is not whole pounds");
    }
    return;
  }
  const bool row_withheld = jobs.marker == AsheMarker::Disclosive || jobs.marker == AsheMarker::NotApplicable;
  if (marker.empty() && !row_withheld) {
    throw table.error(row, marker_column, "empty value needs a marker of x, .. or :, found \"\"");
  }
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

constexpr std::array<std::string_view, kAsheSheetCount> kSheetNames{
    "all", "male", "female", "full_time", "part_time", "male_full_time", "male_part_time", "female_full_time",
    "female_part_time"};

}  // namespace

std::string_view ashe_sheet_name(AsheSheet sheet) { return kSheetNames[static_cast<std::size_t>(sheet)]; }

std::optional<AsheSheet> parse_ashe_sheet(std::string_view name) {
  for (std::size_t i = 0; i < kSheetNames.size(); ++i) {
    if (kSheetNames[i] == name) return static_cast<AsheSheet>(i);
  }
  return std::nullopt;
}

std::vector<AsheJobs> read_ashe_sex_pattern(const fs::path& sources) {
  return parse_ashe_sex_pattern(read_table(sources, source_path::kAsheSexPattern2024));
}

std::vector<AsheJobs> parse_ashe_sex_pattern(const Table& table) {
  table.expect_header({"soc2020", "description", "group", "jobs_thousands", "median_gbp", "mean_gbp", "cv_jobs_pct",
                       "cv_median_pct", "jobs_marker", "median_marker", "mean_marker"});
  std::vector<AsheJobs> codes;
  std::map<std::string, std::size_t> index_of;
  std::map<std::string, std::string> description_of;
  // The line of each (code, sheet) row, for the messages of the checks across rows.
  std::map<std::pair<std::string, std::size_t>, const Record*> row_of;
  for (const Record& row : table.rows()) {
    const std::string code(trim(row.fields[0]));
    if (!is_soc_code(code)) throw table.error(row, 0, in_quotes(row.fields[0]) + " is not a SOC 2020 code of 1 to 4 digits");
    const std::string_view description = trim(row.fields[1]);
    if (description.empty()) throw table.error(row, 1, "empty");
    const auto [known, first] = description_of.emplace(code, std::string(description));
    if (!first && known->second != description) {
      throw table.error(row, 1, "differs from the description on the code's first row");
    }
    const auto sheet = parse_ashe_sheet(trim(row.fields[2]));
    if (!sheet) throw table.error(row, 2, in_quotes(row.fields[2]) + " is not one of the nine sheets of Table 14.7a");
    AsheFigure jobs = parse_ashe_figure(table, row, 3, 8, 100'000);
    // Quirk: the major groups' job counts carry a CV of 0 (ONS prints CVs to one decimal; theirs are below 0.05%).
    parse_ashe_cv(table, row, 6, jobs, true);
    check_pay_cell(table, row, 4, 9, jobs);
    check_pay_cell(table, row, 5, 10, jobs);
    // The median's CV is checked as the jobs' is (none above 20% beside a published median); it is not kept.
    AsheFigure median{trim(row.fields[4]).empty() ? AsheMarker::Unreliable : AsheMarker::Published, 0};
    parse_ashe_cv(table, row, 7, median, true);
    const auto [at, added] = index_of.emplace(code, codes.size());
    if (added) codes.push_back(AsheJobs{row.line, code, {}});
    const std::size_t s = static_cast<std::size_t>(*sheet);
    if (!row_of.emplace(std::make_pair(code, s), &row).second) {
      throw table.error(row, 2, "sheet " + std::string(ashe_sheet_name(*sheet)) + " of " + code + " listed twice");
    }
    codes[at->second].jobs_k[s] = jobs;
  }
  for (const AsheJobs& jobs : codes) {
    for (std::size_t s = 0; s < kAsheSheetCount; ++s) {
      if (!row_of.count({jobs.code, s})) {
        throw SourceError(table.name(), jobs.line, "group",
                          jobs.code + " has no row for sheet " + std::string(kSheetNames[s]));
      }
    }
    // A whole and its two parts, where all three are published: equal within the rounding of the thousands.
    const auto check_sum = [&](AsheSheet whole, AsheSheet a, AsheSheet b) {
      const AsheFigure& w = jobs.jobs_k[static_cast<std::size_t>(whole)];
      const AsheFigure& x = jobs.jobs_k[static_cast<std::size_t>(a)];
      const AsheFigure& y = jobs.jobs_k[static_cast<std::size_t>(b)];
      if (!w.published() || !x.published() || !y.published()) return;
      const std::int64_t difference = w.value - x.value - y.value;
      if (difference < -1 || difference > 1) {
        const Record& row = *row_of.at({jobs.code, static_cast<std::size_t>(whole)});
        throw table.error(row, 3, jobs.code + ": " + std::string(ashe_sheet_name(whole)) + " " +
                                      std::to_string(w.value) + " thousand jobs is not " +
                                      std::string(ashe_sheet_name(a)) + " " + std::to_string(x.value) + " + " +
                                      std::string(ashe_sheet_name(b)) + " " + std::to_string(y.value));
      }
    };
    check_sum(AsheSheet::All, AsheSheet::Male, AsheSheet::Female);
    check_sum(AsheSheet::All, AsheSheet::FullTime, AsheSheet::PartTime);
    check_sum(AsheSheet::Male, AsheSheet::MaleFullTime, AsheSheet::MalePartTime);
    check_sum(AsheSheet::Female, AsheSheet::FemaleFullTime, AsheSheet::FemalePartTime);
  }
  return codes;
}

std::vector<AsheMedians> read_ashe_sex_medians(const fs::path& sources) {
  return parse_ashe_sex_medians(read_table(sources, source_path::kAsheSexMedians2025));
}

std::vector<AsheMedians> parse_ashe_sex_medians(const Table& table) {
  table.expect_header({"soc2020", "group", "median_gbp", "mean_gbp"});
  std::vector<AsheMedians> groups;
  std::map<std::string, std::size_t> index_of;
  std::set<std::pair<std::string, std::size_t>> seen;
  for (const Record& row : table.rows()) {
    const std::string soc(trim(row.fields[0]));
    if (!is_digits(soc, 4)) throw table.error(row, 0, in_quotes(row.fields[0]) + " is not a 4-digit SOC 2020 code");
    const auto sheet = parse_ashe_sheet(trim(row.fields[1]));
    if (!sheet || std::find(kMedianSheets.begin(), kMedianSheets.end(), *sheet) == kMedianSheets.end()) {
      throw table.error(row, 1, in_quotes(row.fields[1]) + " is not one of all, male, female, full_time, male_full_time, "
                                                        "female_full_time");
    }
    std::optional<std::int64_t> median;
    for (const std::size_t column : {std::size_t{2}, std::size_t{3}}) {
      const std::string_view text = trim(row.fields[column]);
      if (text.empty()) continue;
      const auto pounds = parse_pounds(text);
      if (!pounds) throw table.error(row, column, in_quotes(text) + " is not whole pounds");
      if (column == 2) median = pounds;
    }
    const auto [at, added] = index_of.emplace(soc, groups.size());
    if (added) groups.push_back(AsheMedians{row.line, soc, {}});
    const auto s = static_cast<std::size_t>(*sheet);
    if (!seen.emplace(soc, s).second) {
      throw table.error(row, 1, "sheet " + std::string(ashe_sheet_name(*sheet)) + " of " + soc + " listed twice");
    }
    groups[at->second].median_gbp[s] = median;
  }
  for (const AsheMedians& group : groups) {
    for (const AsheSheet sheet : kMedianSheets) {
      if (!seen.count({group.soc, static_cast<std::size_t>(sheet)})) {
        throw SourceError(table.name(), group.line, "group",
                          group.soc + " has no row for sheet " + std::string(ashe_sheet_name(sheet)));
      }
    }
  }
  return groups;
}

const std::array<SectionName, 19>& industry_sections() {
  // The workbook's own short titles, and SIC 2007's.
  static constexpr std::array<SectionName, 19> kSections{{
      {"A", "Agriculture, forestry and fishing", "Agriculture, forestry and fishing"},
      {"B", "Mining and quarrying", "Mining and quarrying"},
      {"C", "Manufacturing", "Manufacturing"},
      {"D", "Electricity, gas, air cond supply", "Electricity, gas, steam and air conditioning supply"},
      {"E", "Water supply, sewerage, waste", "Water supply; sewerage, waste management and remediation activities"},
      {"F", "Construction", "Construction"},
      {"G", "Wholesale, retail, repair of vehicles",
       "Wholesale and retail trade; repair of motor vehicles and motorcycles"},
      {"H", "Transport and storage", "Transportation and storage"},
      {"I", "Accommodation and food services", "Accommodation and food service activities"},
      {"J", "Information and communication", "Information and communication"},
      {"K", "Financial and insurance activities", "Financial and insurance activities"},
      {"L", "Real estate activities", "Real estate activities"},
      {"M", "Prof, scientific, technical activ.", "Professional, scientific and technical activities"},
      {"N", "Admin and support services", "Administrative and support service activities"},
      {"O", "Public admin and defence", "Public administration and defence; compulsory social security"},
      {"P", "Education", "Education"},
      {"Q", "Health and social work", "Human health and social work activities"},
      {"R", "Arts, entertainment and recreation", "Arts, entertainment and recreation"},
      {"S", "Other service activities", "Other service activities"},
  }};
  return kSections;
}

std::vector<ApsIndustryCell> read_aps_industry(const fs::path& sources) {
  return parse_aps_industry(read_table(sources, source_path::kApsIndustry));
}

std::vector<ApsIndustryCell> parse_aps_industry(const Table& table) {
  table.expect_header({"year", "soc2020", "section", "section_title", "employment", "marker", "small_sample"});
  const auto& sections = industry_sections();
  std::vector<ApsIndustryCell> cells;
  cells.reserve(table.rows().size());
  std::map<std::tuple<int, std::string, std::size_t>, std::size_t> line_of;
  for (const Record& row : table.rows()) {
    ApsIndustryCell cell;
    cell.line = row.line;
    const auto year = parse_whole(trim(row.fields[0]));
    if (!year || *year < 2021 || *year > 2024) throw table.error(row, 0, in_quotes(row.fields[0]) + " is not a year from 2021 to 2024");
    cell.year = static_cast<int>(*year);
    cell.soc = std::string(trim(row.fields[1]));
    if (cell.soc != "total" && !is_digits(cell.soc, 4)) {
      throw table.error(row, 1, in_quotes(row.fields[1]) + " is not a 4-digit SOC 2020 code or \"total\"");
    }
    const std::string_view letter = trim(row.fields[2]);
    const auto section = std::find_if(sections.begin(), sections.end(),
                                      [&](const SectionName& s) { return s.letter == letter; });
    if (section == sections.end()) throw table.error(row, 2, in_quotes(row.fields[2]) + " is not a section from A to S");
    cell.section = static_cast<std::size_t>(section - sections.begin());
    if (trim(row.fields[3]) != section->workbook_title) {
      throw table.error(row, 3, in_quotes(row.fields[3]) + " is not the title of section " + std::string(letter) + " (" +
                                    in_quotes(section->workbook_title) + ")");
    }
    const std::string_view people = trim(row.fields[4]);
    const std::string_view marker = trim(row.fields[5]);
    if (!marker.empty() && marker != "*" && marker != "-") {
      throw table.error(row, 5, in_quotes(marker) + " is not an ONS marker (* or -)");
    }
    if (people.empty()) {
      if (marker.empty()) throw table.error(row, 5, "empty people need a marker of * or -");
      cell.marker = marker[0];
    } else {
      if (!marker.empty()) throw table.error(row, 5, "marker " + in_quotes(marker) + " beside a published figure");
      const auto value = parse_whole(people);
      if (!value || *value > 100'000'000) throw table.error(row, 4, in_quotes(people) + " is not a whole number of people");
      cell.people = *value;
    }
    const std::string_view small = trim(row.fields[6]);
    if (small != "0" && small != "1") throw table.error(row, 6, in_quotes(row.fields[6]) + " is not 0 or 1");
    cell.small_sample = small == "1";
    if (cell.small_sample && !cell.people) throw table.error(row, 6, "a small-sample flag beside no figure");
    if (cell.soc == "total" && !cell.people) throw table.error(row, 4, "a section's total row needs a figure");
    const auto [at, added] = line_of.emplace(std::make_tuple(cell.year, cell.soc, cell.section), row.line);
    if (!added) {
      throw table.error(row, 1, cell.soc + " in section " + std::string(letter) + " of " + std::to_string(cell.year) +
                                    " already on line " + std::to_string(at->second));
    }
    cells.push_back(std::move(cell));
  }
  // Every year and section has its total row, and its published cells add up to no more than it.
  std::map<std::pair<int, std::size_t>, std::int64_t> published;
  std::map<std::pair<int, std::size_t>, const ApsIndustryCell*> totals;
  std::set<int> years;
  for (const ApsIndustryCell& cell : cells) {
    years.insert(cell.year);
    if (cell.soc == "total") totals[{cell.year, cell.section}] = &cell;
    else if (cell.people) published[{cell.year, cell.section}] += *cell.people;
  }
  for (const int year : years) {
    for (std::size_t s = 0; s < sections.size(); ++s) {
      const auto total = totals.find({year, s});
      if (total == totals.end()) {
        throw SourceError(table.name(), 0, "soc2020",
                          "no total row for section " + std::string(sections[s].letter) + " in " + std::to_string(year));
      }
      const std::int64_t sum = published[{year, s}];
      if (sum > *total->second->people) {
        throw SourceError(table.name(), total->second->line, "employment",
                          "the published cells of section " + std::string(sections[s].letter) + " in " +
                              std::to_string(year) + " add up to " + std::to_string(sum) +
                              " people, more than its total: a share above 1");
      }
    }
  }
  return cells;
}

const std::array<std::string_view, 12>& region_names() {
  static constexpr std::array<std::string_view, 12> kRegions{
      "East", "East Midlands", "London", "North East", "North West", "Northern Ireland", "Scotland", "South East",
      "South West", "Wales", "West Midlands", "Yorkshire and The Humber"};
  return kRegions;
}

std::vector<ApsRegionCell> read_aps_region(const fs::path& sources) {
  return parse_aps_region(read_table(sources, source_path::kApsRegion));
}

std::vector<ApsRegionCell> parse_aps_region(const Table& table) {
  table.expect_header({"soc2020_minor_group", "title", "region", "employment"});
  const auto& regions = region_names();
  std::vector<ApsRegionCell> cells;
  std::map<std::pair<std::string, std::size_t>, std::size_t> line_of;
  std::map<std::string, std::size_t> first_line;
  for (const Record& row : table.rows()) {
    ApsRegionCell cell;
    cell.line = row.line;
    cell.minor_group = std::string(trim(row.fields[0]));
    if (!is_digits(cell.minor_group, 3)) throw table.error(row, 0, in_quotes(row.fields[0]) + " is not a 3-digit SOC 2020 minor group");
    cell.title = std::string(trim(row.fields[1]));
    const std::string_view name = trim(row.fields[2]);
    const auto region = std::find(regions.begin(), regions.end(), name);
    if (region == regions.end()) throw table.error(row, 2, in_quotes(row.fields[2]) + " is not one of the 12 UK nations and regions");
    cell.region = static_cast<std::size_t>(region - regions.begin());
    const std::string_view people = trim(row.fields[3]);
    if (!people.empty()) {
      const auto value = parse_whole(people);
      if (!value || *value > 100'000'000) throw table.error(row, 3, in_quotes(people) + " is not a whole number of people");
      cell.people = *value;
    }
    const auto [at, added] = line_of.emplace(std::make_pair(cell.minor_group, cell.region), row.line);
    if (!added) {
      throw table.error(row, 2, cell.minor_group + " in " + std::string(name) + " already on line " + std::to_string(at->second));
    }
    first_line.emplace(cell.minor_group, row.line);
    cells.push_back(std::move(cell));
  }
  for (const auto& [minor_group, line] : first_line) {
    for (std::size_t r = 0; r < regions.size(); ++r) {
      if (!line_of.count({minor_group, r})) {
        throw SourceError(table.name(), line, "region", minor_group + " has no row for " + std::string(regions[r]));
      }
    }
  }
  return cells;
}

BreakdownSummary add_breakdowns(const std::vector<AsheJobs>& sex_pattern, const std::vector<AsheMedians>& medians,
                                const std::vector<ApsIndustryCell>& industry, const std::vector<ApsRegionCell>& region,
                                const std::vector<SocUnitGroup>& structure, const std::vector<AsheRow>& ashe,
                                const Bundle& bundle, Breakdowns& out) {
  const std::string jobs_file(source_path::kAsheSexPattern2024);
  const std::string medians_file(source_path::kAsheSexMedians2025);
  const std::string industry_file(source_path::kApsIndustry);
  const std::string region_file(source_path::kApsRegion);
  // Every SOC 2020 code of every level, and the minor groups' titles.
  std::set<std::string> codes;
  std::map<std::string, std::string> minor_titles;
  for (const SocUnitGroup& group : structure) {
    codes.insert({group.soc, group.minor_group, group.sub_major_group, std::to_string(group.major_group)});
    minor_titles.emplace(group.minor_group, group.minor_group_title);
  }
  const std::size_t n = bundle.unit_groups.size();
  BreakdownSummary summary;

  // Sex and working pattern: each unit group's nearest code publishing both sides.
  std::map<std::string, const AsheJobs*> jobs_of;
  for (const AsheJobs& jobs : sex_pattern) {
    if (!codes.count(jobs.code)) throw SourceError(jobs_file, jobs.line, "soc2020", jobs.code + " is not a SOC 2020 code");
    jobs_of.emplace(jobs.code, &jobs);
  }
  const auto split_of = [&](const std::string& soc, AsheSheet first, AsheSheet second) {
    for (std::size_t level = 0; level < kSplitLevels; ++level) {
      const auto found = jobs_of.find(soc.substr(0, 4 - level));
      if (found == jobs_of.end()) continue;
      const AsheFigure& a = found->second->jobs_k[static_cast<std::size_t>(first)];
      const AsheFigure& b = found->second->jobs_k[static_cast<std::size_t>(second)];
      if (a.published() && b.published() && a.value + b.value > 0) {
        return SplitSource{static_cast<std::uint8_t>(level), static_cast<std::int32_t>(a.value),
                           static_cast<std::int32_t>(b.value)};
      }
    }
    return SplitSource{};
  };
  out.sex.clear();
  out.pattern.clear();
  for (const UnitGroup& group : bundle.unit_groups) {
    if (!jobs_of.count(group.soc)) {
      throw SourceError(jobs_file, 0, "soc2020", "no rows for unit group " + group.soc + " (" + group.title + ")");
    }
    out.sex.push_back(split_of(group.soc, AsheSheet::Female, AsheSheet::Male));
    out.pattern.push_back(split_of(group.soc, AsheSheet::FullTime, AsheSheet::PartTime));
    const SplitSource& sex = out.sex.back();
    const SplitSource& pattern = out.pattern.back();
    sex.has() ? ++summary.sex_levels[sex.level] : ++summary.sex_none;
    pattern.has() ? ++summary.pattern_levels[pattern.level] : ++summary.pattern_none;
  }

  // The 2025 medians by sex; their "all" medians must be Table 14.7a's, which the bundle already carries.
  std::map<std::string, const AsheRow*> ashe_of;
  for (const AsheRow& row : ashe) ashe_of.emplace(row.soc, &row);
  std::map<std::string, const AsheMedians*> medians_of;
  for (const AsheMedians& group : medians) {
    const auto row = ashe_of.find(group.soc);
    if (!bundle.find_unit_group(group.soc) || row == ashe_of.end()) {
      throw SourceError(medians_file, group.line, "soc2020", group.soc + " is not a SOC 2020 unit group");
    }
    const AsheFigure& published = row->second->median_pay_gbp;
    const auto& all = group.median_gbp[static_cast<std::size_t>(AsheSheet::All)];
    if (all.has_value() != published.published() || (all && *all != published.value)) {
      throw SourceError(medians_file, group.line, "median_gbp",
                        group.soc + ": the median of sheet all (" + (all ? std::to_string(*all) : std::string("none")) +
                            ") is not Table 14.7a's in " + std::string(source_path::kAshe) + " (" +
                            (published.published() ? std::to_string(published.value) : std::string("none")) + ")");
    }
    medians_of.emplace(group.soc, &group);
  }
  out.female_median_gbp.assign(n, kNoMedian);
  out.male_median_gbp.assign(n, kNoMedian);
  for (std::size_t g = 0; g < n; ++g) {
    const std::string& soc = bundle.unit_groups[g].soc;
    const auto found = medians_of.find(soc);
    if (found == medians_of.end()) throw SourceError(medians_file, 0, "soc2020", "no rows for unit group " + soc);
    const auto& of = found->second->median_gbp;
    out.female_median_gbp[g] = of[static_cast<std::size_t>(AsheSheet::Female)].value_or(kNoMedian);
    out.male_median_gbp[g] = of[static_cast<std::size_t>(AsheSheet::Male)].value_or(kNoMedian);
  }

  // Industry: the 2024 cells (the latest year; the earlier ones are read and checked, not used).
  constexpr int kIndustryYear = 2024;
  const auto& sections = industry_sections();
  out.industry.assign(sections.size(), IndustrySection{});
  for (std::size_t s = 0; s < sections.size(); ++s) {
    out.industry[s].letter = std::string(sections[s].letter);
    out.industry[s].title = std::string(sections[s].title);
  }
  for (const ApsIndustryCell& cell : industry) {
    if (cell.soc == "total") {
      if (cell.year == kIndustryYear) out.industry[cell.section].total_people = *cell.people;
      continue;
    }
    const auto group = bundle.find_unit_group(cell.soc);
    if (!group) throw SourceError(industry_file, cell.line, "soc2020", cell.soc + " is not a SOC 2020 unit group");
    if (cell.year != kIndustryYear) continue;
    IndustrySection& section = out.industry[cell.section];
    if (!cell.people) {
      section.withheld_cells += cell.marker == '*';
      continue;
    }
    section.cells.push_back(IndustryCell{*group, *cell.people, cell.small_sample});
    ++summary.industry_cells;
    summary.industry_small_cells += cell.small_sample;
  }
  for (IndustrySection& section : out.industry) {
    std::sort(section.cells.begin(), section.cells.end(),
              [](const IndustryCell& a, const IndustryCell& b) { return a.unit_group < b.unit_group; });
  }

  // Region: the minor groups of SOC 2020, every one of them, in the source's 12 nations and regions.
  RegionTable& table = out.region;
  table.regions.assign(region_names().begin(), region_names().end());
  table.minor_groups.clear();
  for (const auto& [minor, title] : minor_titles) table.minor_groups.push_back(minor);
  table.people.assign(table.minor_groups.size() * table.regions.size(), kNoPeople);
  std::set<std::string> listed;
  for (const ApsRegionCell& cell : region) {
    const auto title = minor_titles.find(cell.minor_group);
    if (title == minor_titles.end()) {
      throw SourceError(region_file, cell.line, "soc2020_minor_group", cell.minor_group + " is not a SOC 2020 minor group");
    }
    // The extract writes titles in title case, and leaves four empty.
    if (!cell.title.empty() && lower(cell.title) != lower(title->second)) {
      throw SourceError(region_file, cell.line, "title",
                        in_quotes(cell.title) + " is not the title of minor group " + cell.minor_group + " (" +
                            in_quotes(title->second) + ")");
    }
    listed.insert(cell.minor_group);
    const auto m = static_cast<std::size_t>(
        std::lower_bound(table.minor_groups.begin(), table.minor_groups.end(), cell.minor_group) - table.minor_groups.begin());
    if (cell.people) {
      table.people[m * table.regions.size() + cell.region] = *cell.people;
      ++summary.region_cells;
    }
  }
  for (const std::string& minor : table.minor_groups) {
    if (!listed.count(minor)) throw SourceError(region_file, 0, "soc2020_minor_group", "no rows for minor group " + minor);
  }
  summary.region_table_cells = static_cast<int>(table.people.size());
  return summary;
}

}  // namespace aiexp::pipeline
