// Task list, task counts and "where to start" of a unit group (figures.h), SCORING.md section 4.
#include "aiexp/figures.h"

#include <algorithm>

namespace aiexp {

namespace {

// E1 before E2 before E0 when their values tie (e.g. E2 and E0 are both 0 under the default e2 = 0).
int label_rank(Label label) {
  switch (label) {
    case Label::E1: return 0;
    case Label::E2: return 1;
    case Label::E0: return 2;
  }
  return 2;
}

double label_value(Label label, const Assumptions& assumptions) {
  switch (label) {
    case Label::E1: return assumptions.e1;
    case Label::E2: return assumptions.e2;
    case Label::E0: return 0.0;
  }
  return 0.0;
}

std::vector<std::uint32_t> bridged_tasks(const Scorer& scorer, std::uint32_t unit_group) {
  std::vector<std::uint32_t> tasks;
  for (const Scorer::BridgeEntry& entry : scorer.bridge(unit_group)) {
    const OnetOccupation& occupation = scorer.bundle().onets[entry.onet];
    for (std::uint32_t t = occupation.first_task; t < occupation.first_task + occupation.task_count; ++t) {
      tasks.push_back(t);
    }
  }
  return tasks;
}

}  // namespace

std::vector<std::uint32_t> ordered_tasks(const Scorer& scorer, std::uint32_t unit_group) {
  std::vector<std::uint32_t> tasks = bridged_tasks(scorer, unit_group);
  const Assumptions& assumptions = scorer.assumptions();
  const auto& im = scorer.bundle().tasks.im_hundredths;
  // Bundle order (the task index) is the final key, so a plain sort is deterministic.
  std::sort(tasks.begin(), tasks.end(), [&](std::uint32_t a, std::uint32_t b) {
    const double weight_a = scorer.effective_weight(a);
    const double weight_b = scorer.effective_weight(b);
    const bool excluded_a = weight_a == 0.0;
    const bool excluded_b = weight_b == 0.0;
    if (excluded_a != excluded_b) return excluded_b;
    const Label label_a = scorer.effective_label(a);
    const Label label_b = scorer.effective_label(b);
    const double value_a = label_value(label_a, assumptions);
    const double value_b = label_value(label_b, assumptions);
    if (value_a != value_b) return value_a > value_b;
    if (label_a != label_b) return label_rank(label_a) < label_rank(label_b);
    if (weight_a != weight_b) return weight_a > weight_b;
    if (im[a] != im[b]) return im[a] > im[b];  // unrated (0) after rated
    return a < b;
  });
  return tasks;
}

TaskCounts count_tasks(const Scorer& scorer, std::uint32_t unit_group) {
  TaskCounts counts;
  const auto& im = scorer.bundle().tasks.im_hundredths;
  for (std::uint32_t task : bridged_tasks(scorer, unit_group)) {
    if (scorer.effective_weight(task) == 0.0) continue;
    ++counts.total;
    const Label label = scorer.effective_label(task);
    if (label == Label::E1) ++counts.can_do;
    if (label == Label::E2) ++counts.can_help;
    if (im[task] != 0) ++counts.rated;
  }
  return counts;
}

std::vector<std::uint32_t> where_to_start(const Scorer& scorer, std::uint32_t unit_group, std::size_t count) {
  std::vector<std::uint32_t> tasks = bridged_tasks(scorer, unit_group);
  std::erase_if(tasks, [&](std::uint32_t task) {
    return scorer.effective_weight(task) == 0.0 || scorer.effective_label(task) == Label::E1;
  });
  const auto& im = scorer.bundle().tasks.im_hundredths;
  std::sort(tasks.begin(), tasks.end(), [&](std::uint32_t a, std::uint32_t b) {
    if (im[a] != im[b]) return im[a] > im[b];
    if (scorer.effective_weight(a) != scorer.effective_weight(b)) return scorer.effective_weight(a) > scorer.effective_weight(b);
    return a < b;
  });
  if (tasks.size() > count) tasks.resize(count);
  return tasks;
}

}  // namespace aiexp
