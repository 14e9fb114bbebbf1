// The task views of one unit group, SCORING.md section 4: the ordered task list, "K of T tasks AI can do
// today" and the "where to start" tasks. They read a Scorer's current assumptions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "aiexp/score.h"

namespace aiexp {

// The tasks of the occupations bridged to `unit_group` under the current bridge mode, highest exposure
// first: by the value of their label under the current e1/e2, then E1 before E2 before E0, then weight,
// then O*NET importance (rated before unrated), then bundle order. Excluded tasks (weight 0) come last.
// Returns task indexes into bundle().tasks.
std::vector<std::uint32_t> ordered_tasks(const Scorer& scorer, std::uint32_t unit_group);

struct TaskCounts {
  int can_do = 0;    // included tasks labelled E1
  int can_help = 0;  // included tasks labelled E2
  int total = 0;     // included tasks (weight > 0)
  int rated = 0;     // included tasks with a real O*NET importance value
};
TaskCounts count_tasks(const Scorer& scorer, std::uint32_t unit_group);

// "Where to start": up to `count` included tasks not labelled E1, by O*NET importance where rated (rated
// first), then weight, then bundle order.
std::vector<std::uint32_t> where_to_start(const Scorer& scorer, std::uint32_t unit_group, std::size_t count = 3);

}  // namespace aiexp
