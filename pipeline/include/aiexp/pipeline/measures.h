// Readers of the two independent measures (SCORING.md section 7, ../shared/data/SOURCES-measures.md): the ILO's
// 2025 refined index, a score per ISCO-08 task, and Microsoft's AI applicability, a score per US SOC 2018 code
// computed from work-activity figures. Each reader recomputes every published occupation figure from its parts
// and throws SourceError (file, line, field) when one differs, so a build never carries a figure it cannot
// reproduce.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aiexp/measures.h"
#include "aiexp/pipeline/table.h"

namespace aiexp::pipeline {

namespace source_path {
inline constexpr std::string_view kIloTasks = "ilo/ilo_2025_task_scores_isco08.csv";
inline constexpr std::string_view kMicrosoftScores = "microsoft/soc_ai_applicability_scores.csv";
inline constexpr std::string_view kMicrosoftIwaMetrics = "microsoft/iwa_metrics.csv";
inline constexpr std::string_view kMicrosoftIwaWeights = "microsoft/soc_iwa_weights.csv";
inline constexpr std::string_view kMicrosoftSocToIwas = "microsoft/soc_to_iwas.csv";
}  // namespace source_path

// One ISCO-08 task of the ILO index.
struct IloTask {
  std::size_t line = 0;
  std::int32_t task_id = 0;  // the ILO's taskID, unique within the occupation
  std::string text;
  double score_2025 = 0.0;                 // in [0, 1]
  std::optional<double> score_2023;        // in [0, 1]; three tasks have none
  std::optional<double> score_gpt4o;       // each model's prediction, when it gave one
  std::optional<double> score_gemini;
  std::string reason_gpt4o;                // each model's written reason (may be empty when it gave none)
  std::string reason_gemini;
  bool reconciled = false;                 // score set after expert review rather than predicted
};

// One ISCO-08 occupation of the ILO index, its tasks in file order.
struct IloOccupation {
  std::size_t line = 0;  // of its first task
  std::string isco;      // "1330"
  std::string title;
  double mean_2025 = 0.0;                 // recomputed from the tasks' score_2025
  std::optional<double> mean_2023;        // recomputed from the tasks' score_2023 (those that have one)
  IloGradient gradient = IloGradient::None;  // potential25, as published
  std::vector<IloTask> tasks;
};

// Occupations ascending by ISCO-08 code. Checks per row: a 4-digit code, a task id, text, every score in [0, 1],
// a known potential25; per occupation: the same title, published means, SDs and category on every row, no task id
// twice, and the recomputed means equal to the published 2-decimal means within their rounding.
std::vector<IloOccupation> read_ilo(const std::filesystem::path& sources);
std::vector<IloOccupation> parse_ilo(const Table& table);

// One US SOC 2018 occupation of Microsoft's "Working with AI".
struct MicrosoftOccupation {
  std::size_t line = 0;
  std::string title;
  double applicability = 0.0;  // ai_applicability_score, in [0, 1]
};

// SOC 2018 code -> occupation. Every published score is recomputed from the IWA metrics, the weights and the
// pairs (formula in SOURCES-measures.md) and must agree within 1e-12; every pair's IWA must have a metric row
// and a weight column, and every scored code must have pairs and a weights row.
std::map<std::string, MicrosoftOccupation> read_microsoft(const std::filesystem::path& sources);
std::map<std::string, MicrosoftOccupation> parse_microsoft(const Table& scores, const Table& iwa_metrics,
                                                           const Table& iwa_weights, const Table& soc_to_iwas);

// A decimal number as the sources write it ("0.3575", "1.0", "4.2e-06"), nullopt for anything else (empty, signs,
// text, infinities); exposed for tests.
std::optional<double> parse_decimal(std::string_view text);

// The measure value stored in the bundle: `value` (in [0, 1]) in billionths, rounded half away from zero.
std::int64_t measure_units(double value);

}  // namespace aiexp::pipeline
