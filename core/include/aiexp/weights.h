// Task weighting schemes, SCORING.md section 2.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace aiexp {

// O*NET's task type as recorded in the label set; 1,312 labelled tasks carry none.
enum class TaskType : std::uint8_t { Untyped = 0, Core = 1, Supplemental = 2 };

// Core (default): the paper's weighting, Core task 2, Supplemental 1, untyped 1.
// Importance: O*NET's IM rating (1-5); an unrated task takes its occupation's mean IM, or 1 if none is rated.
// Equal: every task 1.
enum class WeightScheme : std::uint8_t { Core = 0, Importance = 1, Equal = 2 };
inline constexpr int kWeightSchemeCount = 3;

// Weight of a task under the Core scheme.
constexpr double core_scheme_weight(TaskType type) { return type == TaskType::Core ? 2.0 : 1.0; }

// "core", "importance", "equal".
std::string_view weight_scheme_name(WeightScheme scheme);
std::optional<WeightScheme> parse_weight_scheme(std::string_view name);

// "Core", "Supplemental", "" (untyped).
std::string_view task_type_name(TaskType type);

}  // namespace aiexp
