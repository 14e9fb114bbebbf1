// Readers of the raw sources (sources.h), SCORING.md sections 5 and 6.
#include "aiexp/pipeline/sources.h"

#include <algorithm>
#include <charconv>
#include <limits>

namespace aiexp::pipeline {

namespace fs = std::filesystem;

namespace {

Table read_source(const fs::path& sources, std::string_view relative, char delimiter) {
  return Table::read(sources / fs::path(std::string(relative)), delimiter, std::string(relative));
}

std::string require(const Table& table, const Record& row, std::size_t column, bool (*valid)(std::string_view),
                    std::string_view what) {
  const std::string_view value = trim(row.fields[column]);
  if (!valid(value)) {
    throw table.error(row, column, "\"" + std::string(row.fields[column]) + "\" is not " + std::string(what));
  }
  return std::string(value);
}

std::string require_text(const Table& table, const Record& row, std::size_t column) {
  const std::string_view value = trim(row.fields[column]);
  if (value.empty()) throw table.error(row, column, "empty");
  return std::string(value);
}

bool is_four_digits(std::string_view text) { return is_digits(text, 4); }

std::optional<Label> parse_source_label(std::string_view text) {
  if (text == "E0") return Label::E0;
  if (text == "E1") return Label::E1;
  if (text == "E2" || text == "E3") return Label::E2;  // E3 (image capability) counts as E2, SCORING.md s.1
  return std::nullopt;
}

}  // namespace

AsheFigure parse_ashe_figure(const Table& table, const Record& row, std::size_t value_column, std::size_t marker_column,
                             std::int64_t max_value) {
  const std::string_view value = trim(row.fields[value_column]);
  const std::string_view marker_text = trim(row.fields[marker_column]);
  if (value.empty()) {
    const auto marker = parse_ashe_marker(marker_text);
    if (!marker || *marker == AsheMarker::Published) {
      throw table.error(row, marker_column,
                        "empty value needs a marker of x, .., : or blank, found \"" + std::string(marker_text) + "\"");
    }
    return AsheFigure{*marker, 0};
  }
  if (!marker_text.empty()) {
    throw table.error(row, marker_column, "marker \"" + std::string(marker_text) + "\" beside a published value");
  }
  const auto number = parse_whole(value);
  if (!number || *number > max_value) {
    throw table.error(row, value_column, "\"" + std::string(value) + "\" is not a whole number up to " +
                                             std::to_string(max_value));
  }
  return AsheFigure{AsheMarker::Published, *number};
}

// ONS publishes no estimate whose CV is above 20%: such a CV beside a published value is an error in the source.
void parse_ashe_cv(const Table& table, const Record& row, std::size_t cv_column, AsheFigure& figure,
                   bool zero_allowed) {
  const std::string_view text = trim(row.fields[cv_column]);
  if (text.empty()) return;
  const auto tenths = parse_tenths(text);
  if (!tenths || *tenths < (zero_allowed ? 0 : 1) || *tenths > kMaxCvTenths) {
    throw table.error(row, cv_column, "\"" + std::string(text) + "\" is not a percentage " +
                                          (zero_allowed ? "from 0" : "above 0") +
                                          " and up to 999.9 with at most one decimal");
  }
  if (figure.published() && *tenths > 200) {
    throw table.error(row, cv_column, "a CV of " + std::string(text) + "% beside a published value: ONS does not "
                                      "publish estimates whose CV is above 20%");
  }
  figure.cv_tenths = *tenths;
}

bool is_digits(std::string_view text, std::size_t count) {
  return text.size() == count && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_us_soc_code(std::string_view text) {
  return text.size() == 7 && is_digits(text.substr(0, 2), 2) && text[2] == '-' && is_digits(text.substr(3), 4);
}

bool is_onet_code(std::string_view text) {
  return text.size() == 10 && is_us_soc_code(text.substr(0, 7)) && text[7] == '.' && is_digits(text.substr(8), 2);
}

bool is_no_code_marker(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c == '}'; });
}

std::optional<std::int32_t> parse_task_id(std::string_view text) {
  // The label set writes ids as floats ("968.0"): accept an all-zero fraction only.
  if (const auto dot = text.find('.'); dot != std::string_view::npos) {
    const std::string_view fraction = text.substr(dot + 1);
    if (fraction.empty() || !std::all_of(fraction.begin(), fraction.end(), [](char c) { return c == '0'; })) {
      return std::nullopt;
    }
    text = text.substr(0, dot);
  }
  const auto whole = parse_whole(text);
  if (!whole || *whole <= 0 || *whole > std::numeric_limits<std::int32_t>::max()) return std::nullopt;
  return static_cast<std::int32_t>(*whole);
}

namespace {

// "4.52" with `max_decimals` 2 -> 452: a whole part up to 1,000,000 and at most `max_decimals` digits after a dot,
// scaled by 10^max_decimals; nullopt for a trailing or leading dot, more decimals, signs or other characters.
std::optional<std::int64_t> parse_fixed(std::string_view text, std::size_t max_decimals) {
  const auto dot = text.find('.');
  const std::string_view fraction = dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
  if (dot != std::string_view::npos && fraction.empty()) return std::nullopt;
  if (fraction.size() > max_decimals) return std::nullopt;
  const auto whole = parse_whole(text.substr(0, dot));
  if (!whole || *whole > 1'000'000) return std::nullopt;
  std::int64_t scaled = *whole;
  for (std::size_t i = 0; i < max_decimals; ++i) scaled *= 10;
  if (!fraction.empty()) {
    const auto digits = parse_whole(fraction);
    if (!digits) return std::nullopt;
    std::int64_t unit = *digits;
    for (std::size_t i = fraction.size(); i < max_decimals; ++i) unit *= 10;
    scaled += unit;
  }
  return scaled;
}

}  // namespace

std::optional<std::uint32_t> parse_hundredths(std::string_view text) {
  const auto hundredths = parse_fixed(text, 2);
  if (!hundredths) return std::nullopt;
  return static_cast<std::uint32_t>(*hundredths);
}

std::optional<std::int32_t> parse_tenths(std::string_view text) {
  const auto tenths = parse_fixed(text, 1);
  if (!tenths) return std::nullopt;
  return static_cast<std::int32_t>(*tenths);
}

std::optional<std::int64_t> parse_whole(std::string_view text) {
  if (text.empty() || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::vector<LabelledTask> read_label_set(const fs::path& sources) {
  return parse_label_set(read_source(sources, source_path::kLabelSet, '\t'));
}

std::vector<LabelledTask> parse_label_set(const Table& table) {
  table.expect_header({"", "O*NET-SOC Code", "Task ID", "Task", "Task Type", "Title", "human_exposure_agg",
                       "gpt4_exposure", "gpt4_exposure_alt_rubric", "gpt_3_relevant", "gpt4_automation", "alpha",
                       "beta", "gamma", "automation", "human_labels"});
  const std::size_t code = table.column("O*NET-SOC Code");
  const std::size_t id = table.column("Task ID");
  const std::size_t text = table.column("Task");
  const std::size_t type = table.column("Task Type");
  const std::size_t title = table.column("Title");
  std::array<std::size_t, kLabelSourceCount> label_column{};
  label_column[static_cast<std::size_t>(LabelSource::Gpt4)] = table.column("gpt4_exposure");
  label_column[static_cast<std::size_t>(LabelSource::Human)] = table.column("human_labels");
  label_column[static_cast<std::size_t>(LabelSource::Gpt4Alt)] = table.column("gpt4_exposure_alt_rubric");

  std::vector<LabelledTask> tasks;
  tasks.reserve(table.rows().size());
  for (const Record& row : table.rows()) {
    LabelledTask task;
    task.line = row.line;
    task.onet_code = require(table, row, code, is_onet_code, "an O*NET-SOC code (NN-NNNN.NN)");
    const auto task_id = parse_task_id(trim(row.fields[id]));
    if (!task_id) throw table.error(row, id, "\"" + row.fields[id] + "\" is not a whole task id");
    task.task_id = *task_id;
    task.text = require_text(table, row, text);
    task.onet_title = require_text(table, row, title);
    const std::string_view type_text = trim(row.fields[type]);
    if (type_text == "Core") {
      task.type = TaskType::Core;
    } else if (type_text == "Supplemental") {
      task.type = TaskType::Supplemental;
    } else if (type_text.empty()) {
      task.type = TaskType::Untyped;
    } else {
      throw table.error(row, type, "\"" + std::string(type_text) + "\" is not Core, Supplemental or empty");
    }
    for (LabelSource source : kLabelSources) {
      const std::size_t column = label_column[static_cast<std::size_t>(source)];
      const auto label = parse_source_label(trim(row.fields[column]));
      if (!label) throw table.error(row, column, "\"" + row.fields[column] + "\" is not E0, E1, E2 or E3");
      task.labels[static_cast<std::size_t>(source)] = *label;
    }
    tasks.push_back(std::move(task));
  }
  return tasks;
}

std::map<std::pair<std::string, std::int32_t>, std::uint16_t> read_task_importance(const fs::path& sources) {
  return parse_task_importance(read_source(sources, source_path::kTaskImportance, ','));
}

std::map<std::pair<std::string, std::int32_t>, std::uint16_t> parse_task_importance(const Table& table) {
  table.expect_header({"onet_soc_code", "task_id", "im", "onet_release"});
  std::map<std::pair<std::string, std::int32_t>, std::uint16_t> importance;
  for (const Record& row : table.rows()) {
    std::string code = require(table, row, 0, is_onet_code, "an O*NET-SOC code (NN-NNNN.NN)");
    const auto task_id = parse_task_id(trim(row.fields[1]));
    if (!task_id) throw table.error(row, 1, "\"" + row.fields[1] + "\" is not a whole task id");
    const auto hundredths = parse_hundredths(trim(row.fields[2]));
    if (!hundredths || *hundredths < 100 || *hundredths > 500) {
      throw table.error(row, 2, "\"" + row.fields[2] + "\" is not an importance from 1.00 to 5.00");
    }
    const auto [it, inserted] =
        importance.emplace(std::make_pair(std::move(code), *task_id), static_cast<std::uint16_t>(*hundredths));
    if (!inserted && it->second != *hundredths) {
      throw table.error(row, 2, "task " + std::to_string(*task_id) + " has two different importance values");
    }
  }
  return importance;
}

std::map<std::string, std::string> read_onet_occupations(const fs::path& sources) {
  return parse_onet_occupations(read_source(sources, source_path::kOnetOccupations, '\t'));
}

std::map<std::string, std::string> parse_onet_occupations(const Table& table) {
  table.expect_header({"O*NET-SOC Code", "Title", "Description"});
  std::map<std::string, std::string> titles;
  for (const Record& row : table.rows()) {
    std::string code = require(table, row, 0, is_onet_code, "an O*NET-SOC code (NN-NNNN.NN)");
    if (!titles.emplace(std::move(code), require_text(table, row, 1)).second) {
      throw table.error(row, 0, "code listed twice");
    }
  }
  return titles;
}

std::set<std::pair<std::string, std::int32_t>> read_task_statements(const fs::path& sources) {
  return parse_task_statements(read_source(sources, source_path::kTaskStatements, '\t'));
}

std::set<std::pair<std::string, std::int32_t>> parse_task_statements(const Table& table) {
  table.expect_header({"O*NET-SOC Code", "Title", "Task ID", "Task", "Task Type", "Incumbents Responding", "Date",
                       "Domain Source"});
  std::set<std::pair<std::string, std::int32_t>> present;
  for (const Record& row : table.rows()) {
    std::string code = require(table, row, 0, is_onet_code, "an O*NET-SOC code (NN-NNNN.NN)");
    const auto task_id = parse_task_id(trim(row.fields[2]));
    if (!task_id) throw table.error(row, 2, "\"" + row.fields[2] + "\" is not a whole task id");
    present.emplace(std::move(code), *task_id);
  }
  return present;
}

std::vector<AsheRow> read_ashe(const fs::path& sources) {
  return parse_ashe(read_source(sources, source_path::kAshe, ','));
}

std::vector<AsheRow> parse_ashe(const Table& table) {
  table.expect_header({"soc2020", "description", "jobs_thousands", "median_gbp", "cv_jobs_pct", "cv_median_pct",
                       "jobs_marker", "median_marker"});
  std::vector<AsheRow> rows;
  for (const Record& row : table.rows()) {
    AsheRow ashe;
    ashe.line = row.line;
    ashe.soc = require(table, row, 0, is_four_digits, "a 4-digit SOC 2020 code");
    ashe.employees_k = parse_ashe_figure(table, row, 2, 6, 100'000);
    ashe.median_pay_gbp = parse_ashe_figure(table, row, 3, 7, 10'000'000);
    parse_ashe_cv(table, row, 4, ashe.employees_k);
    parse_ashe_cv(table, row, 5, ashe.median_pay_gbp);
    rows.push_back(std::move(ashe));
  }
  return rows;
}

std::vector<SocUnitGroup> read_soc_structure(const fs::path& sources) {
  return parse_soc_structure(read_source(sources, source_path::kSocStructure, ','));
}

std::vector<SocUnitGroup> parse_soc_structure(const Table& table) {
  table.expect_header({"major_group", "major_group_title", "sub_major_group", "sub_major_group_title", "minor_group",
                       "minor_group_title", "unit_group", "unit_group_title", "unit_group_description",
                       "typical_entry_routes_and_qualifications", "tasks", "related_job_titles"});
  std::vector<SocUnitGroup> groups;
  for (const Record& row : table.rows()) {
    SocUnitGroup group;
    group.line = row.line;
    const std::string major = require(table, row, 0, [](std::string_view t) { return is_digits(t, 1); },
                                      "a 1-digit major group code");
    group.major_group = major[0] - '0';
    group.major_group_title = require_text(table, row, 1);
    group.sub_major_group = require(table, row, 2, [](std::string_view t) { return is_digits(t, 2); },
                                    "a 2-digit sub-major group code");
    if (group.sub_major_group[0] != major[0]) throw table.error(row, 2, "sub-major group outside its major group " + major);
    group.minor_group = require(table, row, 4, [](std::string_view t) { return is_digits(t, 3); },
                                "a 3-digit minor group code");
    if (!group.minor_group.starts_with(group.sub_major_group)) {
      throw table.error(row, 4, "minor group outside its sub-major group " + group.sub_major_group);
    }
    group.minor_group_title = require_text(table, row, 5);
    group.soc = require(table, row, 6, is_four_digits, "a 4-digit SOC 2020 code");
    if (!group.soc.starts_with(group.minor_group)) throw table.error(row, 6, "unit group outside its minor group " + group.minor_group);
    group.title = require_text(table, row, 7);
    group.description = require_text(table, row, 8);
    groups.push_back(std::move(group));
  }
  return groups;
}

std::vector<CodingIndexEntry> read_coding_index(const fs::path& sources) {
  return parse_coding_index(read_source(sources, source_path::kCodingIndex, ','));
}

std::vector<CodingIndexEntry> parse_coding_index(const Table& table) {
  table.expect_header({"UNIQUE ID", "RECNO", "D", "SOC_90", "SOC_2000", "SOC_2010", "SOC_2020", "SOC_2020_ext",
                       "INDEXOCC", "ADD", "IND", "SEE", "ISCO-08 code based on SOC2020", "VERSNO", "CHANGE",
                       "SOC2020_ext_SUG_title", "SOC90_unit_group_title", "SOC2000_unit_group_title",
                       "SOC2010_unit_group_title", "SOC2020_unit_group_title", "ISCO08_unit_group_title",
                       "INDEXOCC-natural_word_order"});
  const std::size_t soc = table.column("SOC_2020");
  const std::size_t isco = table.column("ISCO-08 code based on SOC2020");
  const std::size_t isco_title = table.column("ISCO08_unit_group_title");
  const std::size_t title = table.column("INDEXOCC-natural_word_order");
  const std::size_t add = table.column("ADD");
  const std::size_t ind = table.column("IND");
  std::vector<CodingIndexEntry> entries;
  entries.reserve(table.rows().size());
  for (const Record& row : table.rows()) {
    CodingIndexEntry entry;
    entry.line = row.line;
    const std::string_view soc_text = trim(row.fields[soc]);
    if (!is_no_code_marker(soc_text)) {
      entry.soc = require(table, row, soc, is_four_digits, "a 4-digit SOC 2020 code or the no-code marker");
    }
    const std::string_view isco_text = trim(row.fields[isco]);
    if (!is_no_code_marker(isco_text)) {
      entry.isco = require(table, row, isco, is_four_digits, "a 4-digit ISCO-08 code or the no-code marker");
      entry.isco_title = require_text(table, row, isco_title);
    }
    entry.title = require_text(table, row, title);
    for (std::size_t column : {add, ind}) {
      const std::string_view qualifier = trim(row.fields[column]);
      if (qualifier.empty()) continue;
      if (!entry.qualifier.empty()) entry.qualifier += "; ";
      entry.qualifier += qualifier;
    }
    entries.push_back(std::move(entry));
  }
  return entries;
}

IscoCrosswalk read_isco_to_soc2010(const fs::path& sources) {
  return parse_isco_to_soc2010(read_source(sources, source_path::kIscoToSoc2010, ','));
}

IscoCrosswalk parse_isco_to_soc2010(const Table& table) {
  table.expect_header({"ISCO-08 Code", "ISCO-08 Title EN", "part", "2010 SOC Code", "2010 SOC Title",
                       "Comment 8/17/11"});
  IscoCrosswalk crosswalk;
  for (const Record& row : table.rows()) {
    const std::string_view isco = trim(row.fields[0]);
    if (is_digits(isco, 3)) {
      ++crosswalk.skipped_minor_groups;
      continue;
    }
    CodePair pair;
    pair.line = row.line;
    pair.from = require(table, row, 0, is_four_digits, "a 4-digit ISCO-08 code");
    pair.to = require(table, row, 3, is_us_soc_code, "a US SOC 2010 code (NN-NNNN)");
    crosswalk.pairs.push_back(std::move(pair));
    crosswalk.titles.push_back(require_text(table, row, 1));
  }
  return crosswalk;
}

std::vector<CodePair> read_soc2010_to_soc2018(const fs::path& sources) {
  return parse_soc2010_to_soc2018(read_source(sources, source_path::kSoc2010To2018, ','));
}

std::vector<CodePair> parse_soc2010_to_soc2018(const Table& table) {
  table.expect_header({"2010 SOC Code", "2010 SOC Title", "2018 SOC Code", "2018 SOC Title"});
  std::vector<CodePair> pairs;
  for (const Record& row : table.rows()) {
    pairs.push_back({row.line, require(table, row, 0, is_us_soc_code, "a US SOC 2010 code (NN-NNNN)"),
                     require(table, row, 2, is_us_soc_code, "a US SOC 2018 code (NN-NNNN)")});
  }
  return pairs;
}

std::vector<CodePair> read_onet_to_soc2018(const fs::path& sources) {
  return parse_onet_to_soc2018(read_source(sources, source_path::kOnetToSoc2018, ','));
}

std::vector<CodePair> parse_onet_to_soc2018(const Table& table) {
  table.expect_header({"O*NET-SOC 2019 Code", "O*NET-SOC 2019 Title", "2018 SOC Code", "2018 SOC Title"});
  std::vector<CodePair> pairs;
  for (const Record& row : table.rows()) {
    pairs.push_back({row.line, require(table, row, 0, is_onet_code, "an O*NET-SOC code (NN-NNNN.NN)"),
                     require(table, row, 2, is_us_soc_code, "a US SOC 2018 code (NN-NNNN)")});
  }
  return pairs;
}

}  // namespace aiexp::pipeline
