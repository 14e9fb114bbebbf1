// Readers of the four sources of the breakdowns by sex, working pattern, industry and region (issue 26;
// ../shared/data/uk/SOURCES-breakdowns.md), and the step that turns them into the bundle's breakdown data. Each
// reader checks its header, every field it reads and the file's own consistency (no row twice, every row of a code
// present, parts adding up to their whole), and throws SourceError (file, line, field) on bad input. Codes are
// checked against SOC 2020 by add_breakdowns, which knows the structure.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aiexp/breakdown_data.h"
#include "aiexp/bundle.h"
#include "aiexp/pipeline/sources.h"
#include "aiexp/pipeline/table.h"

namespace aiexp::pipeline {

namespace source_path {
inline constexpr std::string_view kAsheSexPattern2024 = "uk/ashe_2024_prov_table14_7a_by_sex_and_pattern.csv";
inline constexpr std::string_view kAsheSexMedians2025 = "uk/ashe_2025_prov_table14_7a_sex_medians.csv";
inline constexpr std::string_view kApsIndustry = "uk/aps_employment_soc2020_by_industry_2021_2024.csv";
inline constexpr std::string_view kApsRegion = "uk/aps_2024_employment_soc2020_minor_by_region.csv";
}  // namespace source_path

// The nine sheets of ASHE Table 14.7a, in the order the extract lists them.
enum class AsheSheet : std::uint8_t {
  All, Male, Female, FullTime, PartTime, MaleFullTime, MalePartTime, FemaleFullTime, FemalePartTime
};
inline constexpr std::size_t kAsheSheetCount = 9;
std::string_view ashe_sheet_name(AsheSheet sheet);  // "all", "male", ..., "female_part_time"
std::optional<AsheSheet> parse_ashe_sheet(std::string_view name);

// One SOC 2020 code (1 to 4 digits) of ASHE 2024 Table 14.7a: its jobs (thousands) on each sheet.
struct AsheJobs {
  std::size_t line = 0;  // of its first row
  std::string code;
  std::array<AsheFigure, kAsheSheetCount> jobs_k{};  // by AsheSheet, with ONS's CV (Table 14.7b)
};
// Codes in file order. Checks per row: a code of 1 to 4 digits, a description, a known sheet, the jobs as an ASHE
// figure (value or marker), the median and mean as whole pounds or empty (an empty one needs a marker unless the
// jobs are withheld as '..' or ':', which empties the row), every marker ONS's; per code: the same description and
// each of the nine sheets exactly once; and, where all three are published, all = male + female,
// all = full-time + part-time, male = male full-time + male part-time and female likewise, within the rounding of
// the thousands (1).
std::vector<AsheJobs> read_ashe_sex_pattern(const std::filesystem::path& sources);
std::vector<AsheJobs> parse_ashe_sex_pattern(const Table& table);

// The six sheets the 2025 extract gives medians for.
inline constexpr std::array<AsheSheet, 6> kMedianSheets{AsheSheet::All,      AsheSheet::Male,
                                                         AsheSheet::Female,   AsheSheet::FullTime,
                                                         AsheSheet::MaleFullTime, AsheSheet::FemaleFullTime};

// One unit group's ASHE 2025 medians by sheet (pounds); nullopt where not published (empty in the extract).
struct AsheMedians {
  std::size_t line = 0;  // of its first row
  std::string soc;
  std::array<std::optional<std::int64_t>, kAsheSheetCount> median_gbp{};  // by AsheSheet; the part-time ones absent
};
// Unit groups in file order. Quirk: a few medians are written as floats with a zero fraction ("90000.0"); any
// other fraction is refused. Checks: a 4-digit code, one of the six sheets, each (code, sheet) once, every code
// with all six sheets, the mean as whole pounds or empty.
std::vector<AsheMedians> read_ashe_sex_medians(const std::filesystem::path& sources);
std::vector<AsheMedians> parse_ashe_sex_medians(const Table& table);

// The 19 SIC 2007 sections the APS workbook covers (A to S): the letter, ONS's short title as the workbook writes it,
// and the section's title in SIC 2007.
struct SectionName {
  std::string_view letter;
  std::string_view workbook_title;
  std::string_view title;
};
const std::array<SectionName, 19>& industry_sections();

// One cell of the APS industry workbook: people in employment (self-employed included) in a unit group and a section.
struct ApsIndustryCell {
  std::size_t line = 0;
  int year = 0;
  std::string soc;  // a 4-digit unit group, or "total" for the section's total row
  std::size_t section = 0;  // index into industry_sections()
  std::optional<std::int64_t> people;  // nullopt when ONS gives none: marker '*' (sample too small) or '-' (none)
  char marker = 0;            // '*', '-' or 0 (published)
  bool small_sample = false;  // ONS shades the estimate: a small sample, use with caution
};
// Checks per row: a year from 2021 to 2024, a 4-digit code or "total", a section letter and its workbook title from
// the list, the people as a whole number beside no marker or empty beside '*' or '-', small_sample 0 or 1 (1 only
// beside a number); per file: no (year, code, section) twice, every year and section with a published total row,
// and the published cells of a year and section adding up to no more than its total (a share of at most 1).
std::vector<ApsIndustryCell> read_aps_industry(const std::filesystem::path& sources);
std::vector<ApsIndustryCell> parse_aps_industry(const Table& table);

// The 12 UK nations and ITL1 regions of England, as the APS extract names them, in its order.
const std::array<std::string_view, 12>& region_names();

// People in employment (APS 2024) in one SOC 2020 minor group and one nation or region.
struct ApsRegionCell {
  std::size_t line = 0;
  std::string minor_group;  // 3 digits
  std::string title;        // as the extract writes it (title case; empty for four groups)
  std::size_t region = 0;   // index into region_names()
  std::optional<std::int64_t> people;  // nullopt where the export gives none
};
// Checks per row: a 3-digit code, a region from the list, the people as a whole number or empty; per file: no
// (minor group, region) twice and every minor group in all 12 regions.
std::vector<ApsRegionCell> read_aps_region(const std::filesystem::path& sources);
std::vector<ApsRegionCell> parse_aps_region(const Table& table);

// How many unit groups took each side's share from each level (the unit group, its minor, sub-major and major
// group), for COVERAGE.md.
struct BreakdownSummary {
  std::array<int, kSplitLevels> sex_levels{};
  std::array<int, kSplitLevels> pattern_levels{};
  int sex_none = 0;  // no level publishes both sides
  int pattern_none = 0;
  int industry_cells = 0;        // published 2024 cells of unit groups
  int industry_small_cells = 0;  // of which shaded as small samples
  int region_cells = 0;          // minor group x region cells with a figure
  int region_table_cells = 0;    // minor groups x regions
};

// Fills `out` from the four sources: each unit group's female/male and full-time/part-time share from
// the nearest code that publishes both sides (the unit group, then u[:3], u[:2], u[:1]), its 2025 female and male
// medians, the 2024 industry cells and the 2024 region table. `structure` gives the SOC 2020 codes: a code in any
// source that is not one of them, an ASHE 2025 "all" median that differs from Table 14.7a's (`ashe`), a unit group
// without its rows, or a region title that is not the minor group's stops the build (SourceError).
BreakdownSummary add_breakdowns(const std::vector<AsheJobs>& sex_pattern, const std::vector<AsheMedians>& medians,
                                const std::vector<ApsIndustryCell>& industry, const std::vector<ApsRegionCell>& region,
                                const std::vector<SocUnitGroup>& structure, const std::vector<AsheRow>& ashe,
                                const Bundle& bundle, Breakdowns& out);

}  // namespace aiexp::pipeline
