// Bridge quality (bridge.h).
#include "aiexp/bridge.h"

#include "aiexp/format.h"
#include "concat.h"
#include "rounding.h"

namespace aiexp {

BridgeGrade bridge_grade(double isco_share, std::uint32_t onet_count) {
  if (onet_count == 0 || isco_share < kWeakEntryShare || onet_count > kWeakMaxOnets) return BridgeGrade::Weak;
  if (isco_share >= kGoodEntryShare && onet_count <= kGoodMaxOnets) return BridgeGrade::Good;
  return BridgeGrade::Partial;
}

BridgeQuality bridge_quality(const Bundle& bundle, std::uint32_t unit_group) {
  const UnitGroup& group = bundle.unit_groups[unit_group];
  BridgeQuality quality;
  for (const IscoShare& share : group.isco) quality.coded_entries += share.entries;
  if (group.isco.empty() || quality.coded_entries == 0) return quality;
  const IscoGroup& modal = bundle.isco[group.isco[0].isco];
  quality.has_isco = true;
  quality.isco_code = modal.code;
  quality.isco_entries = group.isco[0].entries;
  quality.isco_share = static_cast<double>(quality.isco_entries) / quality.coded_entries;
  quality.onet_count = static_cast<std::uint32_t>(modal.onets.size());
  for (std::uint32_t onet : modal.onets) {
    const OnetOccupation& occupation = bundle.onets[onet];
    quality.task_count += occupation.task_count;
    for (std::uint32_t t = occupation.first_task; t < occupation.first_task + occupation.task_count; ++t) {
      quality.rated_count += bundle.tasks.im_hundredths[t] != 0;
    }
  }
  if (quality.task_count) quality.rated_share = static_cast<double>(quality.rated_count) / quality.task_count;
  quality.grade = bridge_grade(quality.isco_share, quality.onet_count);
  return quality;
}

std::string_view bridge_grade_name(BridgeGrade grade) {
  switch (grade) {
    case BridgeGrade::Good: return "good";
    case BridgeGrade::Partial: return "partial";
    case BridgeGrade::Weak: return "weak";
  }
  return "weak";
}

std::string_view bridge_grade_title(BridgeGrade grade) {
  switch (grade) {
    case BridgeGrade::Good: return "Good";
    case BridgeGrade::Partial: return "Partial";
    case BridgeGrade::Weak: return "Weak";
  }
  return "Weak";
}

namespace {

// 0.933 -> "93%": whole percent, rounded half away from zero; never 100% unless it is all, never 0% unless none.
std::string percent(std::uint32_t part, std::uint32_t whole) {
  std::int64_t value = detail::round_to_int64(100.0 * part / whole);
  if (part < whole && value == 100) value = 99;
  if (part > 0 && value == 0) value = 1;
  return std::to_string(value) + "%";
}

}  // namespace

std::string bridge_quality_text(const BridgeQuality& quality) {
  const std::string grade(bridge_grade_title(quality.grade));
  if (!quality.has_isco) return grade + ": no coding-index entry of this group carries an ISCO-08 code.";
  std::string text = detail::concat({grade, ": ISCO-08 ", quality.isco_code, " carries ",
                                     percent(quality.isco_entries, quality.coded_entries),
                                     " of this group's coded index entries and reaches "});
  if (quality.onet_count == 0) return text + "no labelled O*NET occupation.";
  text += std::to_string(quality.onet_count) + (quality.onet_count == 1 ? " O*NET occupation" : " O*NET occupations");
  text += detail::concat({"; O*NET rates the importance of ", std::to_string(quality.rated_count), " of ",
                          std::to_string(quality.task_count), quality.task_count == 1 ? " task" : " tasks"});
  return text + " (" + percent(quality.rated_count, quality.task_count) + ").";
}

}  // namespace aiexp
