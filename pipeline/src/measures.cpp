// Readers of the independent measures (measures.h), SCORING.md section 7.
#include "aiexp/pipeline/measures.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>

#include "aiexp/pipeline/sources.h"

namespace aiexp::pipeline {

namespace fs = std::filesystem;

namespace {

Table read_table(const fs::path& sources, std::string_view relative) {
  return Table::read(sources / fs::path(std::string(relative)), ',', std::string(relative));
}

std::string text_of(const Table& table, const Record& row, std::size_t column) {
  const std::string_view value = trim(row.fields[column]);
  if (value.empty()) throw table.error(row, column, "empty");
  return std::string(value);
}

// A value in [0, 1]; an empty cell only where `optional`.
std::optional<double> unit_value(const Table& table, const Record& row, std::size_t column, bool optional) {
  const std::string_view text = trim(row.fields[column]);
  if (text.empty()) {
    if (optional) return std::nullopt;
    throw table.error(row, column, "empty");
  }
  const auto value = parse_decimal(text);
  if (!value || *value < 0.0 || *value > 1.0) {
    throw table.error(row, column, "\"" + std::string(text) + "\" is not a number from 0 to 1");
  }
  return value;
}

// Published to 2 decimals: the recomputed value must round to it (half a hundredth either way, plus the
// binary noise of the sum).
bool matches_two_decimals(double recomputed, double published) {
  return std::fabs(recomputed - published) <= 0.005 + 1e-9;
}

std::string decimal_text(double value) {
  char buffer[32];
  const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return error == std::errc{} ? std::string(buffer, end) : std::string("?");
}

}  // namespace

std::optional<double> parse_decimal(std::string_view text) {
  if (text.empty() || !(text.front() >= '0' && text.front() <= '9')) return std::nullopt;
  double value = 0.0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::int64_t measure_units(double value) {
  return static_cast<std::int64_t>(std::floor(value * static_cast<double>(kMeasureUnits) + 0.5));
}

std::vector<IloOccupation> read_ilo(const fs::path& sources) { return parse_ilo(read_table(sources, source_path::kIloTasks)); }

std::vector<IloOccupation> parse_ilo(const Table& table) {
  table.expect_header({"label4d", "label1d", "ISCO_08", "Title", "taskID", "Task_ISCO", "score_2023", "Weaviate Status",
                       "predicted_score_2025_gpt4o", "prediction_justification_gpt4o", "weaviate_status_gemini",
                       "predicted_score_2025_gemini", "prediction_justification_gemini", "score_2025", "source",
                       "mean_score_2023", "mean_score_2025", "SD_2023", "SD_2025", "potential25", "potential23"});
  const std::size_t isco_col = table.column("ISCO_08");
  const std::size_t title_col = table.column("Title");
  const std::size_t id_col = table.column("taskID");
  const std::size_t text_col = table.column("Task_ISCO");
  const std::size_t score23_col = table.column("score_2023");
  const std::size_t gpt_col = table.column("predicted_score_2025_gpt4o");
  const std::size_t gpt_reason_col = table.column("prediction_justification_gpt4o");
  const std::size_t gemini_col = table.column("predicted_score_2025_gemini");
  const std::size_t gemini_reason_col = table.column("prediction_justification_gemini");
  const std::size_t score25_col = table.column("score_2025");
  const std::size_t source_col = table.column("source");
  const std::size_t mean23_col = table.column("mean_score_2023");
  const std::size_t mean25_col = table.column("mean_score_2025");
  const std::size_t sd23_col = table.column("SD_2023");
  const std::size_t sd25_col = table.column("SD_2025");
  const std::size_t potential_col = table.column("potential25");

  struct Published {
    const Record* first = nullptr;
    std::string mean25, mean23, sd25, sd23, potential;
  };
  std::map<std::string, IloOccupation> by_code;
  std::map<std::string, Published> published;
  std::map<std::string, std::set<std::int32_t>> ids;
  for (const Record& row : table.rows()) {
    const std::string code = std::string(trim(row.fields[isco_col]));
    if (!is_digits(code, 4)) throw table.error(row, isco_col, "\"" + code + "\" is not a 4-digit ISCO-08 code");
    IloTask task;
    task.line = row.line;
    const auto id = parse_whole(trim(row.fields[id_col]));
    if (!id || *id <= 0 || *id > 1'000'000) {
      throw table.error(row, id_col, "\"" + row.fields[id_col] + "\" is not a task number");
    }
    task.task_id = static_cast<std::int32_t>(*id);
    if (!ids[code].insert(task.task_id).second) {
      throw table.error(row, id_col, "task " + std::to_string(task.task_id) + " of ISCO-08 " + code + " listed twice");
    }
    task.text = text_of(table, row, text_col);
    task.score_2025 = *unit_value(table, row, score25_col, false);
    task.score_2023 = unit_value(table, row, score23_col, true);
    task.score_gpt4o = unit_value(table, row, gpt_col, true);
    task.score_gemini = unit_value(table, row, gemini_col, true);
    task.reason_gpt4o = std::string(trim(row.fields[gpt_reason_col]));
    task.reason_gemini = std::string(trim(row.fields[gemini_reason_col]));
    const std::string_view source = trim(row.fields[source_col]);
    if (source != "predicted" && source != "reconciled") {
      throw table.error(row, source_col, "\"" + std::string(source) + "\" is neither predicted nor reconciled");
    }
    task.reconciled = source == "reconciled";

    const std::string title = text_of(table, row, title_col);
    const auto [occupation, first] = by_code.try_emplace(code);
    Published& facts = published[code];
    if (first) {
      occupation->second.line = row.line;
      occupation->second.isco = code;
      occupation->second.title = title;
      facts = {&row, std::string(trim(row.fields[mean25_col])), std::string(trim(row.fields[mean23_col])),
               std::string(trim(row.fields[sd25_col])), std::string(trim(row.fields[sd23_col])),
               std::string(trim(row.fields[potential_col]))};
      const auto gradient = parse_ilo_gradient(facts.potential);
      if (!gradient || *gradient == IloGradient::None) {
        throw table.error(row, potential_col, "\"" + facts.potential + "\" is not an exposure category of WP 140");
      }
      occupation->second.gradient = *gradient;
    } else {
      const auto same = [&](std::size_t column, const std::string& expected) {
        if (std::string(trim(row.fields[column])) != expected) {
          throw table.error(row, column, "differs from line " + std::to_string(facts.first->line) +
                                             " for ISCO-08 " + code + " (\"" + expected + "\")");
        }
      };
      same(title_col, occupation->second.title);
      same(mean25_col, facts.mean25);
      same(mean23_col, facts.mean23);
      same(sd25_col, facts.sd25);
      same(sd23_col, facts.sd23);
      same(potential_col, facts.potential);
    }
    occupation->second.tasks.push_back(std::move(task));
  }
  if (by_code.empty()) throw SourceError(table.name(), 1, "", "no tasks");

  std::vector<IloOccupation> occupations;
  for (auto& [code, occupation] : by_code) {
    const Published& facts = published[code];
    const Record& first = *facts.first;
    double sum25 = 0.0;
    double sum23 = 0.0;
    int with23 = 0;
    for (const IloTask& task : occupation.tasks) {
      sum25 += task.score_2025;
      if (task.score_2023) {
        sum23 += *task.score_2023;
        ++with23;
      }
    }
    occupation.mean_2025 = sum25 / static_cast<double>(occupation.tasks.size());
    const auto published25 = unit_value(table, first, mean25_col, false);
    if (!matches_two_decimals(occupation.mean_2025, *published25)) {
      throw table.error(first, mean25_col, "ISCO-08 " + code + ": the mean of its " +
                                               std::to_string(occupation.tasks.size()) + " task scores is " +
                                               decimal_text(occupation.mean_2025) + ", published " + facts.mean25);
    }
    const auto published23 = unit_value(table, first, mean23_col, true);
    if (with23 > 0) occupation.mean_2023 = sum23 / with23;
    if (published23.has_value() != occupation.mean_2023.has_value() ||
        (published23 && !matches_two_decimals(*occupation.mean_2023, *published23))) {
      throw table.error(first, mean23_col, "ISCO-08 " + code + ": the mean of its 2023 task scores is " +
                                               (occupation.mean_2023 ? decimal_text(*occupation.mean_2023) : "none") +
                                               ", published \"" + facts.mean23 + "\"");
    }
    occupations.push_back(std::move(occupation));
  }
  return occupations;
}

std::map<std::string, MicrosoftOccupation> read_microsoft(const fs::path& sources) {
  return parse_microsoft(read_table(sources, source_path::kMicrosoftScores),
                         read_table(sources, source_path::kMicrosoftIwaMetrics),
                         read_table(sources, source_path::kMicrosoftIwaWeights),
                         read_table(sources, source_path::kMicrosoftSocToIwas));
}

std::map<std::string, MicrosoftOccupation> parse_microsoft(const Table& scores, const Table& iwa_metrics,
                                                           const Table& iwa_weights, const Table& soc_to_iwas) {
  constexpr double kMinimumShare = 0.0005;  // an activity side counts only above this share of conversations
  // Per IWA: 0.5 x (user side) + 0.5 x (AI side), each side completion x impact scope where its share counts.
  std::map<std::string, double> iwa_value;
  {
    const Table& t = iwa_metrics;
    t.expect_header({"IWA", "title", "share_user", "share_ai", "completion_user", "completion_ai", "impact_scope_user",
                     "impact_scope_ai", "feedback_positive_fraction_user", "feedback_positive_fraction_ai",
                     "completion_x_scope_x_coverage_user", "completion_x_scope_x_coverage_ai"});
    const std::size_t iwa = t.column("IWA");
    const std::size_t share[2] = {t.column("share_user"), t.column("share_ai")};
    const std::size_t completion[2] = {t.column("completion_user"), t.column("completion_ai")};
    const std::size_t scope[2] = {t.column("impact_scope_user"), t.column("impact_scope_ai")};
    for (const Record& row : t.rows()) {
      const std::string code = text_of(t, row, iwa);
      double value = 0.0;
      for (int side = 0; side < 2; ++side) {
        const double side_share = *unit_value(t, row, share[side], false);
        // A side with too few conversations may leave its completion and scope empty: it adds nothing.
        const bool counts = side_share > kMinimumShare;
        const auto done = unit_value(t, row, completion[side], !counts);
        const auto reach = unit_value(t, row, scope[side], !counts);
        if (counts) value += 0.5 * *done * *reach;
      }
      if (!iwa_value.emplace(code, value).second) throw t.error(row, iwa, code + " listed twice");
    }
  }
  // Weights: one row per SOC code, one column per IWA.
  std::map<std::string, std::pair<const Record*, std::map<std::string, double>>> weights;
  {
    const Table& t = iwa_weights;
    if (t.header().empty() || t.header()[0] != "SOC Code") {
      throw SourceError(t.name(), 1, "column 1", "expected header \"SOC Code\"");
    }
    const std::size_t soc = 0;
    for (std::size_t c = 1; c < t.header().size(); ++c) {
      if (!iwa_value.count(t.header()[c])) {
        throw SourceError(t.name(), 1, "column " + std::to_string(c + 1),
                          "expected header naming an IWA of " + iwa_metrics.name() + ", found \"" + t.header()[c] + "\"");
      }
    }
    for (const Record& row : t.rows()) {
      const std::string code = text_of(t, row, soc);
      if (!is_us_soc_code(code)) throw t.error(row, soc, "\"" + code + "\" is not a US SOC 2018 code");
      auto& [record, by_iwa] = weights[code];
      if (record) throw t.error(row, soc, code + " listed twice");
      record = &row;
      for (std::size_t c = 0; c < row.fields.size(); ++c) {
        if (c == soc) continue;
        const std::string_view text = trim(row.fields[c]);
        const auto value = parse_decimal(text);
        if (!value) throw t.error(row, c, "\"" + std::string(text) + "\" is not a weight of 0 or more");
        by_iwa[t.header()[c]] = *value;
      }
    }
  }
  std::map<std::string, std::vector<std::pair<const Record*, std::string>>> pairs;
  {
    const Table& t = soc_to_iwas;
    t.expect_header({"SOC Code", "IWA"});
    std::set<std::pair<std::string, std::string>> seen;
    for (const Record& row : t.rows()) {
      const std::string code = text_of(t, row, 0);
      const std::string iwa = text_of(t, row, 1);
      if (!weights.count(code)) throw t.error(row, 0, code + " has no row in " + iwa_weights.name());
      if (!iwa_value.count(iwa)) throw t.error(row, 1, iwa + " has no row in " + iwa_metrics.name());
      if (!seen.emplace(code, iwa).second) throw t.error(row, 1, code + " and " + iwa + " listed twice");
      pairs[code].push_back({&row, iwa});
    }
  }

  std::map<std::string, MicrosoftOccupation> occupations;
  const Table& t = scores;
  t.expect_header({"SOC Code", "title", "ai_applicability_score"});
  for (const Record& row : t.rows()) {
    const std::string code = text_of(t, row, 0);
    if (!is_us_soc_code(code)) throw t.error(row, 0, "\"" + code + "\" is not a US SOC 2018 code");
    MicrosoftOccupation occupation{row.line, text_of(t, row, 1), *unit_value(t, row, 2, false)};
    const auto found = pairs.find(code);
    if (found == pairs.end()) throw t.error(row, 0, code + " has no pairs in " + soc_to_iwas.name());
    const auto& by_iwa = weights.at(code).second;
    double total_weight = 0.0;
    double weighted = 0.0;
    for (const auto& [pair_row, iwa] : found->second) {
      const double w = by_iwa.at(iwa);
      total_weight += w;
      weighted += w * iwa_value.at(iwa);
    }
    if (total_weight <= 0.0) throw t.error(row, 0, code + ": its IWAs' weights sum to 0");
    const double recomputed = weighted / total_weight;
    if (std::fabs(recomputed - occupation.applicability) > 1e-12) {
      throw t.error(row, 2, code + ": recomputed from the IWA figures as " + decimal_text(recomputed) +
                                ", published " + std::string(trim(row.fields[2])));
    }
    if (!occupations.emplace(code, std::move(occupation)).second) throw t.error(row, 0, code + " listed twice");
  }
  return occupations;
}

}  // namespace aiexp::pipeline
