// What the breakdowns by sex, working pattern, industry, region and pay need beyond the bundle (breakdowns.h,
// ../shared/data/uk/SOURCES-breakdowns.md), and its data file, data/breakdowns.json: its model, its strict reader
// and its writer. A part of its own, as the task statements (text.h) and the job titles (search.h) are: only the page
// shows the breakdowns, and their 13 KB fit neither the widget's 120 KB nor the page's first 350 KB. It needs the
// compact bundle only, not the details.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "aiexp/bundle.h"
#include "aiexp/status.h"

namespace aiexp {

// Where a unit group's split comes from: the unit group itself, its minor group (3 digits), sub-major group (2) or
// major group (1), the nearest that publishes both sides.
inline constexpr std::size_t kSplitLevels = 4;
inline constexpr std::uint8_t kNoSplit = 0xFF;

// A unit group's split of its employees into two sides (female/male, full-time/part-time): the ASHE 2024
// provisional Table 14.7a jobs of both sides at the nearest SOC 2020 code that publishes both.
struct SplitSource {
  std::uint8_t level = kNoSplit;  // 0 to 3; kNoSplit when no level publishes both sides
  std::int32_t first_k = 0;       // female, or full-time, jobs in thousands
  std::int32_t second_k = 0;      // male, or part-time

  bool has() const { return level != kNoSplit; }
  double first_share() const {  // first / (first + second); parse_breakdowns checks the sum is positive
    return static_cast<double>(first_k) / static_cast<double>(first_k + second_k);
  }
};

inline constexpr std::int64_t kNoMedian = -1;  // ASHE publishes no median
inline constexpr std::int64_t kNoPeople = -1;  // the APS gives no figure

// A published cell of the APS 2024 industry workbook: people in employment, self-employed included.
struct IndustryCell {
  std::uint32_t unit_group = 0;  // index into Bundle::unit_groups
  std::int64_t people = 0;
  bool small_sample = false;     // ONS shades it: a small sample, to be used with caution
};

// One SIC 2007 section (A to S) of the APS 2024 industry workbook.
struct IndustrySection {
  std::string letter;               // "J"
  std::string title;                // its SIC 2007 title, "Information and communication"
  std::int64_t total_people = 0;    // the section's total row
  std::int64_t withheld_cells = 0;  // unit group cells ONS does not publish ('*': sample too small)
  std::vector<IndustryCell> cells;  // the published cells, by ascending unit group
};

// APS 2024 people in employment by SOC 2020 minor group and UK nation or ITL1 region of England.
struct RegionTable {
  std::vector<std::string> regions;       // as the source names them, in its order
  std::vector<std::string> minor_groups;  // 3-digit codes, ascending
  std::vector<std::int64_t> people;       // [minor group x regions.size() + region]; kNoPeople where not given

  std::int64_t at(std::size_t minor_group, std::size_t region) const {
    return people[minor_group * regions.size() + region];
  }
};

struct Breakdowns {
  std::string build;                 // the data build: the bundle's
  std::vector<SplitSource> sex;      // by unit group, bundle order
  std::vector<SplitSource> pattern;
  std::vector<std::int64_t> female_median_gbp;  // ASHE 2025 provisional by unit group; kNoMedian when not published
  std::vector<std::int64_t> male_median_gbp;
  std::vector<IndustrySection> industry;  // A to S
  RegionTable region;
  // Built by parse_breakdowns: each unit group's row in region.minor_groups (-1 without one), and the unit groups
  // whose ASHE 2025 employees and median pay are both published, by median pay, then code.
  std::vector<std::int32_t> minor_group_of;
  std::vector<std::uint32_t> by_median_pay;
};

// Parses data/breakdowns.json against `bundle` (its build, its unit groups and their ASHE 2025 figures): one entry
// per unit group, every level, index and count in range, no industry section whose published cells exceed its total
// (a share above 1), ascending minor groups, distinct regions. Errors: BundleParse, BundleVersion, BundleSchema (with
// the JSON path), BundleMismatch (another data build).
Result<Breakdowns> parse_breakdowns(const Bundle& bundle, std::string_view json_text);

// The JSON text of data/breakdowns.json for `build`: fields in a fixed order, so equal data give equal bytes.
std::string serialize_breakdowns(const Breakdowns& breakdowns, const std::string& build);

}  // namespace aiexp
