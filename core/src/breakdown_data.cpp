// data/breakdowns.json: its reader and writer (breakdown_data.h).
//
// Layout, after the header: flat columns, so one reader of integer arrays does most of the work (the page's module
// carries this code in its first download). With n unit groups, s sections, c published cells and m minor groups:
//   "levels"        string of 2n: each unit group's sex level, then its working-pattern level ('0'-'3', '-' for none)
//   "jobs_k"        4n integers: female, male, full-time, part-time jobs (thousands) of each split, side by side
//   "median_gbp"    2n: women's, then men's 2025 medians, null where not published
//   "sections"      2s strings: each section's letter and title
//   "section_cells" 3s integers: each section's total row, cells ONS withholds, and number of published cells
//   "cells"         2c integers: each published cell's unit group, as the difference from the section's previous
//                   one (the first from 0), and its people
//   "small_sample"  string of c: '1' where ONS shades the cell
//   "regions"       the nations and regions; "minor_groups" the m codes; "region_people" m x regions, null where
//                   the APS gives no figure
#include "aiexp/breakdown_data.h"

#include <algorithm>

#include "code_size.h"
#include "json.h"
#include "json_reader.h"

namespace aiexp {

using detail::join_path;
using detail::JsonReader;
using json::Type;
using json::Value;

namespace {

constexpr std::string_view kKind = "breakdowns";
constexpr char kNoSplitCode = '-';
constexpr std::int64_t kMaxJobsK = 100'000;  // thousands: more than the UK's employee jobs
constexpr std::int64_t kMaxPeople = 100'000'000;
constexpr std::int64_t kMaxGbp = 100'000'000;
constexpr std::size_t kAny = std::string::npos;

Value int_array(const std::vector<std::int64_t>& values, std::int64_t null_value) {
  Value out = Value::array();
  for (const std::int64_t value : values) out.push_back(value == null_value ? Value() : Value::integer(value));
  return out;
}

Value string_array(const std::vector<std::string>& values) {
  Value out = Value::array();
  for (const std::string& value : values) out.push_back(Value::string(value));
  return out;
}

// Member `key` of `root`: `expected` integers in [min, max] (any number for kAny), a null read as `null_value`
// where that is not 0.
AIEXP_FOR_SIZE std::vector<std::int64_t> read_ints(JsonReader& reader, const Value& root, std::string_view key,
                                                   std::size_t expected, std::int64_t min, std::int64_t max,
                                                   std::int64_t null_value = 0) {
  std::vector<std::int64_t> out;
  const Value* array = reader.member(root, "", key, Type::Array);
  if (!array) return out;
  if (expected != kAny && array->size() != expected) {
    reader.fail(key, "expected " + std::to_string(expected) + " items, found " + std::to_string(array->size()));
    return out;
  }
  out.assign(array->size(), 0);
  for (std::size_t i = 0; i < array->size() && !reader.failed(); ++i) {
    if ((*array)[i].is_null() && null_value != 0) {
      out[i] = null_value;
    } else {
      reader.element_int((*array)[i], {key, i}, min, max, out[i]);
    }
  }
  return out;
}

// Member `key` of `root`: a string of `expected` characters, each one of `allowed`.
AIEXP_FOR_SIZE std::string read_chars(JsonReader& reader, const Value& root, std::string_view key, std::size_t expected,
                                      std::string_view allowed) {
  std::string out;
  if (!reader.read_string(root, "", key, out)) return out;
  if (out.size() != expected || out.find_first_not_of(allowed) != std::string::npos) {
    reader.fail(key, "expected " + std::to_string(expected) + " characters of \"" + std::string(allowed) + "\"");
  }
  return out;
}

AIEXP_FOR_SIZE std::vector<std::string> read_strings(JsonReader& reader, const Value& root, std::string_view key) {
  std::vector<std::string> out;
  const Value* array = reader.member(root, "", key, Type::Array);
  if (!array) return out;
  out.resize(array->size());
  for (std::size_t i = 0; i < array->size() && !reader.failed(); ++i) reader.element_string((*array)[i], {key, i}, out[i]);
  // Names and codes are keys of the breakdowns: none empty, none twice.
  for (std::size_t i = 0; i < out.size() && !reader.failed(); ++i) {
    if (out[i].empty()) reader.fail(join_path(key, i), "empty");
  }
  return out;
}

// The file's columns as read, before their checks across columns.
struct Columns {
  std::string levels;
  std::vector<std::int64_t> jobs;
  std::vector<std::string> sections;
  std::vector<std::int64_t> section_cells;
  std::vector<std::int64_t> cells;
  std::string small;
};

// "cells[12]: what": one out-of-line maker for every check below, so each costs a call rather than a string
// built in place.
AIEXP_FOR_SIZE Status schema_error(std::string_view column, std::size_t index, std::string_view what) {
  return make_error(ErrorCode::BundleSchema, join_path(column, index) + ": " + std::string(what));
}

AIEXP_FOR_SIZE void read_columns(JsonReader& reader, const Value& root, std::size_t n, Columns& c, Breakdowns& out) {
  c.levels = read_chars(reader, root, "levels", 2 * n, "0123-");
  c.jobs = read_ints(reader, root, "jobs_k", 4 * n, 0, kMaxJobsK);
  out.female_median_gbp = read_ints(reader, root, "median_gbp", 2 * n, 1, kMaxGbp, kNoMedian);
  c.sections = read_strings(reader, root, "sections");
  c.section_cells = read_ints(reader, root, "section_cells", 3 * (c.sections.size() / 2), 0, kMaxPeople);
  c.cells = read_ints(reader, root, "cells", kAny, 0, kMaxPeople);
  c.small = read_chars(reader, root, "small_sample", c.cells.size() / 2, "01");
  out.region.regions = read_strings(reader, root, "regions");
  out.region.minor_groups = read_strings(reader, root, "minor_groups");
  out.region.people = read_ints(reader, root, "region_people", out.region.minor_groups.size() * out.region.regions.size(),
                                0, kMaxPeople, kNoPeople);
}

// The checks across columns, and the model and its indexes from them.
AIEXP_FOR_SIZE Status build(const Bundle& bundle, const Columns& c, Breakdowns& out) {
  const std::size_t n = bundle.unit_groups.size();
  if (c.cells.size() % 2 != 0 || c.sections.size() % 2 != 0) return schema_error("cells", c.cells.size(), "not in pairs");
  // The splits: a level names a code that publishes both sides, so some jobs on one side at least.
  for (std::size_t k = 0; k < 2; ++k) {
    std::vector<SplitSource>& splits = k == 0 ? out.sex : out.pattern;
    splits.resize(n);
    for (std::size_t g = 0; g < n; ++g) {
      SplitSource& split = splits[g];
      split.first_k = static_cast<std::int32_t>(c.jobs[(2 * k) * n + g]);
      split.second_k = static_cast<std::int32_t>(c.jobs[(2 * k + 1) * n + g]);
      const char level = c.levels[k * n + g];
      if (level == kNoSplitCode) continue;
      if (split.first_k + split.second_k <= 0) return schema_error("levels", k * n + g, "a level without jobs");
      split.level = static_cast<std::uint8_t>(level - '0');
    }
  }
  out.male_median_gbp.assign(out.female_median_gbp.begin() + static_cast<std::ptrdiff_t>(n), out.female_median_gbp.end());
  out.female_median_gbp.resize(n);

  // The sections: letter and title pairs, and their cells in order.
  std::size_t next = 0;  // the section's first cell
  out.industry.resize(c.sections.size() / 2);
  for (std::size_t s = 0; s < out.industry.size(); ++s) {
    IndustrySection& section = out.industry[s];
    section.letter = c.sections[2 * s];
    section.title = c.sections[2 * s + 1];
    section.total_people = c.section_cells[3 * s];
    section.withheld_cells = c.section_cells[3 * s + 1];
    const auto count = static_cast<std::size_t>(c.section_cells[3 * s + 2]);
    if (count > c.small.size() - next) return schema_error("section_cells", 3 * s + 2, "more cells than given");
    std::int64_t unit_group = 0;
    std::int64_t published = 0;
    for (std::size_t i = next; i < next + count; ++i) {
      const std::int64_t delta = c.cells[2 * i];
      unit_group += delta;
      // Strictly ascending unit groups, in range.
      if ((i > next && delta == 0) || unit_group >= static_cast<std::int64_t>(n)) {
        return schema_error("cells", 2 * i, "unit groups not strictly ascending in range");
      }
      section.cells.push_back({static_cast<std::uint32_t>(unit_group), c.cells[2 * i + 1], c.small[i] == '1'});
      published += c.cells[2 * i + 1];
    }
    next += count;
    // The published cells are part of the section: a share of its total above 1 is not data.
    if (published > section.total_people) return schema_error("section_cells", 3 * s, "below the section's published cells");
    for (std::size_t t = 0; t < s; ++t) {
      if (out.industry[t].letter == section.letter) return schema_error("sections", 2 * s, "a section twice");
    }
  }
  if (next != c.small.size()) return schema_error("cells", 2 * next, "not in a section");

  // Minor groups: ascending 3-digit codes; regions: distinct.
  const RegionTable& region = out.region;
  for (std::size_t m = 0; m < region.minor_groups.size(); ++m) {
    const std::string& code = region.minor_groups[m];
    if (code.size() != 3 || code.find_first_not_of("0123456789") != std::string::npos ||
        (m > 0 && code <= region.minor_groups[m - 1])) {
      return schema_error("minor_groups", m, "not ascending 3-digit codes");
    }
  }
  for (std::size_t r = 0; r < region.regions.size(); ++r) {
    for (std::size_t q = 0; q < r; ++q) {
      if (region.regions[q] == region.regions[r]) return schema_error("regions", r, "a region twice");
    }
  }

  // The indexes: each unit group's minor group, and the pay order.
  out.minor_group_of.assign(n, -1);
  for (std::uint32_t g = 0; g < n; ++g) {
    const UnitGroup& group = bundle.unit_groups[g];
    const std::string_view minor = std::string_view(group.soc).substr(0, 3);
    const auto it = std::lower_bound(region.minor_groups.begin(), region.minor_groups.end(), minor);
    if (it != region.minor_groups.end() && *it == minor) {
      out.minor_group_of[g] = static_cast<std::int32_t>(it - region.minor_groups.begin());
    }
    if (!group.employees_k.published() || !group.median_pay_gbp.published()) continue;
    // By median pay, ties by code (the unit groups are in code order): an insertion sort, once per load over a few
    // hundred groups and a fraction of std::sort's code in the module.
    const std::int64_t pay = group.median_pay_gbp.value;
    std::size_t at = out.by_median_pay.size();
    out.by_median_pay.push_back(g);
    for (; at > 0 && bundle.unit_groups[out.by_median_pay[at - 1]].median_pay_gbp.value > pay; --at) {
      out.by_median_pay[at] = out.by_median_pay[at - 1];
    }
    out.by_median_pay[at] = g;
  }
  return Status::success();
}

}  // namespace

AIEXP_FOR_SIZE Result<Breakdowns> parse_breakdowns(const Bundle& bundle, std::string_view json_text) {
  auto parsed = json::parse(json_text);
  if (!parsed.ok()) return parsed.error();
  Breakdowns out;
  if (Status header = detail::read_header(parsed.value(), kKind, out.build); !header.ok()) return header.error();
  if (out.build != bundle.build) {
    return make_error(ErrorCode::BundleMismatch, "breakdowns build " + out.build + ", bundle build " + bundle.build);
  }
  JsonReader reader;
  Columns columns;
  read_columns(reader, parsed.value(), bundle.unit_groups.size(), columns, out);
  if (reader.failed()) return reader.take_error();
  if (Status status = build(bundle, columns, out); !status.ok()) return status.error();
  return out;
}

std::string serialize_breakdowns(const Breakdowns& b, const std::string& build) {
  Value root = detail::make_header(kKind, build);
  std::string levels;
  std::vector<std::int64_t> jobs;
  for (const std::vector<SplitSource>* splits : {&b.sex, &b.pattern}) {
    for (const SplitSource& split : *splits) levels.push_back(split.has() ? static_cast<char>('0' + split.level) : kNoSplitCode);
  }
  for (const std::vector<SplitSource>* splits : {&b.sex, &b.pattern}) {
    for (const SplitSource& split : *splits) jobs.push_back(split.first_k);
    for (const SplitSource& split : *splits) jobs.push_back(split.second_k);
  }
  std::vector<std::int64_t> medians = b.female_median_gbp;
  medians.insert(medians.end(), b.male_median_gbp.begin(), b.male_median_gbp.end());
  root.set("levels", Value::string(std::move(levels)));
  root.set("jobs_k", int_array(jobs, -1));
  root.set("median_gbp", int_array(medians, kNoMedian));

  std::vector<std::string> sections;
  std::vector<std::int64_t> section_cells;
  std::vector<std::int64_t> cells;
  std::string small;
  for (const IndustrySection& section : b.industry) {
    sections.push_back(section.letter);
    sections.push_back(section.title);
    section_cells.insert(section_cells.end(), {section.total_people, section.withheld_cells,
                                               static_cast<std::int64_t>(section.cells.size())});
    std::int64_t previous = 0;
    for (const IndustryCell& cell : section.cells) {
      cells.push_back(static_cast<std::int64_t>(cell.unit_group) - previous);
      cells.push_back(cell.people);
      previous = cell.unit_group;
      small.push_back(cell.small_sample ? '1' : '0');
    }
  }
  root.set("sections", string_array(sections));
  root.set("section_cells", int_array(section_cells, -1));
  root.set("cells", int_array(cells, -1));
  root.set("small_sample", Value::string(std::move(small)));
  root.set("regions", string_array(b.region.regions));
  root.set("minor_groups", string_array(b.region.minor_groups));
  root.set("region_people", int_array(b.region.people, kNoPeople));
  return json::write(root);
}

}  // namespace aiexp
