// Readers of the raw public sources in ../shared/data, one per file. Each checks the header, validates every
// field it uses and turns the source's quirks into clean values, so nothing downstream repeats that work.
// Every reader throws SourceError (file, line, field) on bad input.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "aiexp/bundle.h"
#include "aiexp/labels.h"
#include "aiexp/pipeline/table.h"
#include "aiexp/weights.h"

namespace aiexp::pipeline {

// Paths of the sources relative to the sources folder; also how they are named in messages and SOURCES.md.
namespace source_path {
inline constexpr std::string_view kLabelSet = "eloundou/full_labelset.tsv";
inline constexpr std::string_view kTaskImportance = "onet/task_importance_IM.csv";
inline constexpr std::string_view kOnetOccupations = "onet/Occupation Data.txt";
inline constexpr std::string_view kTaskStatements = "onet/Task Statements.txt";
inline constexpr std::string_view kAshe = "uk/ashe_2025_prov_table14_7a.csv";
inline constexpr std::string_view kSocStructure = "uk/soc2020_structure.csv";
inline constexpr std::string_view kCodingIndex = "uk/soc2020_coding_index.csv";
inline constexpr std::string_view kIscoToSoc2010 = "xwalk/bls_isco08_soc2010_crosswalk.isco08_to_soc2010.csv";
inline constexpr std::string_view kSoc2010To2018 = "xwalk/bls_soc2010_to_soc2018_crosswalk.csv";
inline constexpr std::string_view kOnetToSoc2018 = "xwalk/onetsoc2019_to_soc2018_crosswalk.csv";
}  // namespace source_path

// One row of the Eloundou et al. label set.
struct LabelledTask {
  std::size_t line = 0;
  std::string onet_code;   // "11-3021.00"
  std::string onet_title;  // the label set's own title (an older O*NET release)
  std::int32_t task_id = 0;
  std::string text;        // the task statement as labelled (SCORING.md section 6: take the text from here)
  TaskType type = TaskType::Untyped;
  std::array<Label, kLabelSourceCount> labels{};  // by LabelSource
};
// Quirks: an unnamed first column (a pandas row index); Task ID written as a float ("968.0"); Task Type
// empty on 1,312 rows; CSV-style quoting inside a TSV; E3 (image capability), where present, counts as E2.
std::vector<LabelledTask> read_label_set(const std::filesystem::path& sources);
std::vector<LabelledTask> parse_label_set(const Table& table);

// O*NET task importance (scale IM), a partial extract: (code, task id) -> importance x 100.
// Quirk: two-decimal values are read as decimal text, never through a double (3.85 stays 385).
std::map<std::pair<std::string, std::int32_t>, std::uint16_t> read_task_importance(
    const std::filesystem::path& sources);
std::map<std::pair<std::string, std::int32_t>, std::uint16_t> parse_task_importance(const Table& table);

// O*NET 29.3 Occupation Data: code -> title.
std::map<std::string, std::string> read_onet_occupations(const std::filesystem::path& sources);
std::map<std::string, std::string> parse_onet_occupations(const Table& table);

// O*NET 29.3 Task Statements: the (code, task id) pairs of the current release, for the coverage report.
std::set<std::pair<std::string, std::int32_t>> read_task_statements(const std::filesystem::path& sources);
std::set<std::pair<std::string, std::int32_t>> parse_task_statements(const Table& table);

// ONS ASHE 2025 provisional Table 14.7a, one row per SOC 2020 unit group.
struct AsheRow {
  std::size_t line = 0;
  std::string soc;
  AsheFigure employees_k;
  AsheFigure median_pay_gbp;
};
// Quirk: a missing figure is an empty cell plus a marker column ('x', '..', ':', 'blank'); a value with a
// marker, or neither, is an error. Each figure carries ONS's CV (Table 14.7b) when the source gives one; a CV above
// 20% beside a published value is an error (ONS withholds those).
std::vector<AsheRow> read_ashe(const std::filesystem::path& sources);
std::vector<AsheRow> parse_ashe(const Table& table);

// ONS SOC 2020 Volume 1 structure, one row per unit group.
struct SocUnitGroup {
  std::size_t line = 0;
  std::string soc;
  std::string title;
  std::string description;
  int major_group = 0;
  std::string major_group_title;
  std::string sub_major_group;  // "11": the first two digits of `soc`
  std::string minor_group;      // "113": the first three
  std::string minor_group_title;
};
// Quirk: descriptions are quoted and span several lines. Each code must begin with its parent's.
std::vector<SocUnitGroup> read_soc_structure(const std::filesystem::path& sources);
std::vector<SocUnitGroup> parse_soc_structure(const Table& table);

// One entry of the ONS SOC 2020 Volume 2 coding index.
struct CodingIndexEntry {
  std::size_t line = 0;
  std::string soc;         // empty when the entry has no SOC 2020 code (a "see ..." cross-reference)
  std::string isco;        // empty when the entry has no ISCO-08 code
  std::string isco_title;
  std::string title;       // job title in natural word order, "Data analyst"
  std::string qualifier;   // the entry's ADD and IND qualifiers joined by "; ", "computing/IT"
};
// Quirk: "no code" is written as a run of '}' characters; ISCO-08 codes keep their leading zero ("0110").
std::vector<CodingIndexEntry> read_coding_index(const std::filesystem::path& sources);
std::vector<CodingIndexEntry> parse_coding_index(const Table& table);

// A row of a code crosswalk, codes trimmed and checked.
struct CodePair {
  std::size_t line = 0;
  std::string from;
  std::string to;
};

// BLS ISCO-08 -> US SOC 2010. Quirks: codes may carry trailing spaces; two rows map a 3-digit ISCO-08
// minor group ("matches to 3-digit ISCO"): they state where a US catch-all code sits, not a counterpart of
// any 4-digit code, so they are skipped and counted in `skipped_minor_groups`.
struct IscoCrosswalk {
  std::vector<CodePair> pairs;
  std::vector<std::string> titles;  // ISCO-08 titles by pair, as BLS writes them
  int skipped_minor_groups = 0;
};
IscoCrosswalk read_isco_to_soc2010(const std::filesystem::path& sources);
IscoCrosswalk parse_isco_to_soc2010(const Table& table);

// BLS US SOC 2010 -> SOC 2018.
std::vector<CodePair> read_soc2010_to_soc2018(const std::filesystem::path& sources);
std::vector<CodePair> parse_soc2010_to_soc2018(const Table& table);

// O*NET-SOC 2019 -> US SOC 2018 (from = O*NET code, to = SOC 2018 code).
std::vector<CodePair> read_onet_to_soc2018(const std::filesystem::path& sources);
std::vector<CodePair> parse_onet_to_soc2018(const Table& table);

// An ASHE value and its marker column: a whole number up to `max_value` beside an empty marker, or an empty value
// beside one of ONS's markers (x, .., :, blank). Throws SourceError naming the column at fault.
AsheFigure parse_ashe_figure(const Table& table, const Record& row, std::size_t value_column, std::size_t marker_column,
                             std::int64_t max_value);
// ONS's CV of `figure` from `cv_column` (a percentage with at most one decimal, or empty); a CV above 20% beside a
// published value is refused (ONS withholds those estimates), and so is a CV of 0 unless `zero_allowed`.
void parse_ashe_cv(const Table& table, const Record& row, std::size_t cv_column, AsheFigure& figure,
                   bool zero_allowed = false);

// Field checks shared by the readers (exposed for their tests).
bool is_onet_code(std::string_view text);     // "11-3021.00"
bool is_us_soc_code(std::string_view text);   // "11-3021"
bool is_digits(std::string_view text, std::size_t count);
bool is_no_code_marker(std::string_view text);  // "}}}}"
// "968.0" / "968" -> 968; nullopt for anything else (fractions, signs, empty, overflow).
std::optional<std::int32_t> parse_task_id(std::string_view text);
// "4.52" / "4.5" / "4" -> 452 / 450 / 400; nullopt for more than two decimals or non-digits.
std::optional<std::uint32_t> parse_hundredths(std::string_view text);
// "7.1" / "35" -> 71 / 350; nullopt for more than one decimal, a trailing dot or non-digits.
std::optional<std::int32_t> parse_tenths(std::string_view text);
// A non-negative whole number without separators, nullopt otherwise.
std::optional<std::int64_t> parse_whole(std::string_view text);

}  // namespace aiexp::pipeline
