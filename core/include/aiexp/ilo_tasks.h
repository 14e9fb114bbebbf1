// The ILO's tasks of one ISCO-08 occupation with their 2025 scores and the two models' written reasons: a part
// of its own per occupation (data/ilo/tasks-<code>.json), downloaded only when a visitor opens them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "aiexp/bundle.h"
#include "aiexp/status.h"

namespace aiexp {

struct IloTaskText {
  std::int32_t id = 0;               // the ILO's taskID within the occupation
  std::string text;
  std::int64_t score_2025 = 0;       // billionths (measures.h)
  std::int64_t score_2023 = kNoMeasureValue;
  std::int64_t score_gpt4o = kNoMeasureValue;   // each model's prediction
  std::int64_t score_gemini = kNoMeasureValue;
  std::string reason_gpt4o;          // empty when the model gave none
  std::string reason_gemini;
  bool reconciled = false;           // set after expert review, not predicted
};

struct IloTaskList {
  std::string build;
  std::string isco;   // "1330"
  std::string title;  // the ILO's title of the occupation
  std::vector<IloTaskText> tasks;
};

// "ilo/tasks-1330": the part's path in the data folder, without ".json".
std::string ilo_tasks_part(std::string_view isco);

std::string serialize_ilo_tasks(const IloTaskList& list);
// Errors: BundleParse, BundleVersion, BundleSchema, BundleMismatch (another data build than `bundle`).
Result<IloTaskList> parse_ilo_tasks(const Bundle& bundle, std::string_view json_text);

}  // namespace aiexp
