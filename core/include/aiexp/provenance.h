// Where each figure comes from: for the role page's figures and the UK totals, the sources (from the bundle,
// as the pipeline recorded them), the formula with the role's own numbers in it, the assumptions in force and a
// plain-text citation. The single source for the page's provenance panels and `ukexp score --json`.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "aiexp/breakdowns.h"
#include "aiexp/report.h"

namespace aiexp {

// Ids of the bundle's sources (Bundle::sources) that the panels cite; finalize_bundle refuses a bundle lacking one.
inline constexpr std::string_view kSourceLabels = "labels";
inline constexpr std::string_view kSourceImportance = "importance";
inline constexpr std::string_view kSourceOnetOccupations = "onet_occupations";
inline constexpr std::string_view kSourceAshe = "ashe";
inline constexpr std::string_view kSourceSocStructure = "soc_structure";
inline constexpr std::string_view kSourceCodingIndex = "coding_index";
inline constexpr std::string_view kSourceIscoSoc2010 = "isco_soc2010";
inline constexpr std::string_view kSourceSoc2010Soc2018 = "soc2010_soc2018";
inline constexpr std::string_view kSourceOnetSoc2018 = "onet_soc2018";
inline constexpr std::string_view kSourceIloTasks = "ilo_tasks";
inline constexpr std::string_view kSourceMicrosoftScores = "microsoft_scores";
inline constexpr std::string_view kSourceMicrosoftIwaMetrics = "microsoft_iwa_metrics";
inline constexpr std::string_view kSourceMicrosoftIwaWeights = "microsoft_iwa_weights";
inline constexpr std::string_view kSourceMicrosoftSocToIwas = "microsoft_soc_to_iwas";
inline constexpr std::string_view kSourceAsheSexPattern = "ashe_2024_sex_pattern";
inline constexpr std::string_view kSourceAsheSexMedians = "ashe_2025_sex_medians";
inline constexpr std::string_view kSourceApsIndustry = "aps_industry";
inline constexpr std::string_view kSourceApsRegion = "aps_region";
inline constexpr std::array<std::string_view, 18> kCitedSources{
    kSourceLabels, kSourceImportance, kSourceOnetOccupations, kSourceAshe, kSourceSocStructure,
    kSourceCodingIndex, kSourceIscoSoc2010, kSourceSoc2010Soc2018, kSourceOnetSoc2018, kSourceIloTasks,
    kSourceMicrosoftScores, kSourceMicrosoftIwaMetrics, kSourceMicrosoftIwaWeights, kSourceMicrosoftSocToIwas,
    kSourceAsheSexPattern, kSourceAsheSexMedians, kSourceApsIndustry, kSourceApsRegion};

struct SourceLine {
  std::string id;
  std::string text;  // "Office for National Statistics, Annual Survey of … (2025 provisional …), Open Government Licence v3.0"
  std::string row;   // what of it this figure uses: "the row for SOC 2020 1137"
};

struct Provenance {
  std::string figure;       // "employees", "median_pay", "score", "direct", "with_tools", "wage_exposure", "rank";
                            // totals: "total_employees", "total_mean_score", "total_wage_exposure"
  std::string title;        // "Wage exposure"
  std::string value_text;   // "£649m", as the page shows it
  std::vector<SourceLine> sources;
  std::string formula;      // "60,000 × £90,081 × 0.12 = £648.6m"
  std::string assumptions;  // "GPT-4's labels (main rubric); E1 = 1, E2 = 0; core tasks weighted double; …"
  std::string citation;     // plain text, without the permalink (the caller adds it and the date)
};

// "GPT-4's labels (main rubric); E1 = 1, E2 = 0; core tasks weighted double; the modal bridge; no task changes".
std::string assumptions_text(const Assumptions& assumptions);

// The role's figures, in the page's order: employees, median pay, score, direct, with tools, wage exposure, rank.
std::vector<Provenance> figure_provenance(const Scorer& scorer, const UnitGroupReport& report);
// One task of the role's list (report.tasks): where its label and its importance come from, and what its label
// and weight count under the assumptions in force. Figure "task".
Provenance task_provenance(const Scorer& scorer, const UnitGroupReport& report, const TaskLine& task);
// The UK totals: employees, mean score, wage exposure.
std::vector<Provenance> totals_provenance(const Scorer& scorer, const TotalsView& totals);
// One panel per group of a breakdown (breakdowns.h), in its order: what the group's count is and where it is from,
// the formula with its numbers (saying which figures are estimates), the assumptions and a citation. Figure
// "breakdown_<kind>".
std::vector<Provenance> breakdown_provenance(const Scorer& scorer, const Breakdowns& data, BreakdownKind kind);

}  // namespace aiexp
