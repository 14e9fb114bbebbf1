// How well a UK unit group maps onto the O*NET occupations behind its score, on the modal bridge the published
// figures use (SCORING.md section 3), and one grade from those facts.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "aiexp/bundle.h"

namespace aiexp {

// Good: the modal ISCO-08 code carries at least 75% of the unit group's coded index entries and reaches one to
// three labelled O*NET occupations. Weak: no O*NET occupation is reached, or the modal code carries under 50% of
// the entries, or it reaches more than 10 occupations (a broad ISCO-08 group averaged over many US jobs).
// Partial: the rest. The share of tasks with a real O*NET importance is reported beside the grade but does not
// enter it: it matters only under the importance weighting, where unrated tasks count at their occupation's mean.
enum class BridgeGrade : std::uint8_t { Good, Partial, Weak };

inline constexpr double kGoodEntryShare = 0.75;
inline constexpr double kWeakEntryShare = 0.50;
inline constexpr std::uint32_t kGoodMaxOnets = 3;
inline constexpr std::uint32_t kWeakMaxOnets = 10;

struct BridgeQuality {
  bool has_isco = false;          // some coding-index entry of the group carries an ISCO-08 code
  std::string isco_code;          // the modal ISCO-08 code, "1330"; empty without one
  std::uint32_t isco_entries = 0; // the group's index entries that carry it
  std::uint32_t coded_entries = 0;  // the group's index entries that carry any ISCO-08 code
  double isco_share = 0.0;        // isco_entries / coded_entries
  std::uint32_t onet_count = 0;   // labelled O*NET occupations the modal code reaches
  std::uint32_t task_count = 0;   // their labelled tasks
  std::uint32_t rated_count = 0;  // of which O*NET rates the importance
  double rated_share = 0.0;       // rated_count / task_count; 0 without tasks
  BridgeGrade grade = BridgeGrade::Weak;
};

// The grade's rule applied to its facts (exposed for the tests).
BridgeGrade bridge_grade(double isco_share, std::uint32_t onet_count);
BridgeQuality bridge_quality(const Bundle& bundle, std::uint32_t unit_group);

std::string_view bridge_grade_name(BridgeGrade grade);  // "good", "partial", "weak"
std::string_view bridge_grade_title(BridgeGrade grade); // "Good", "Partial", "Weak"
// "Good: ISCO-08 1330 carries 93% of this group's coded index entries and reaches 1 O*NET occupation; O*NET
// rates the importance of 17 of its 17 tasks (100%)."
std::string bridge_quality_text(const BridgeQuality& quality);

}  // namespace aiexp
