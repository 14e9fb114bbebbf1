// Names of labels, label sources and weighting schemes (labels.h, weights.h).
#include "aiexp/labels.h"
#include "aiexp/weights.h"

namespace aiexp {

std::string_view label_name(Label label) {
  switch (label) {
    case Label::E0: return "E0";
    case Label::E1: return "E1";
    case Label::E2: return "E2";
  }
  return "E0";
}

std::optional<Label> parse_label(std::string_view name) {
  if (name == "E0") return Label::E0;
  if (name == "E1") return Label::E1;
  if (name == "E2") return Label::E2;
  return std::nullopt;
}

std::string_view label_display(Label label) {
  switch (label) {
    case Label::E1: return "AI can do this";
    case Label::E2: return "AI can help";
    case Label::E0: return "Human work";
  }
  return "Human work";
}

std::string_view label_source_name(LabelSource source) {
  switch (source) {
    case LabelSource::Gpt4: return "gpt4";
    case LabelSource::Human: return "human";
    case LabelSource::Gpt4Alt: return "gpt4_alt";
  }
  return "gpt4";
}

std::optional<LabelSource> parse_label_source(std::string_view name) {
  for (LabelSource source : kLabelSources) {
    if (label_source_name(source) == name) return source;
  }
  return std::nullopt;
}

std::string_view label_source_display(LabelSource source) {
  switch (source) {
    case LabelSource::Gpt4: return "GPT-4 (main rubric)";
    case LabelSource::Human: return "Human annotators";
    case LabelSource::Gpt4Alt: return "GPT-4 (alternative rubric)";
  }
  return "GPT-4 (main rubric)";
}

std::string_view weight_scheme_name(WeightScheme scheme) {
  switch (scheme) {
    case WeightScheme::Core: return "core";
    case WeightScheme::Importance: return "importance";
    case WeightScheme::Equal: return "equal";
  }
  return "core";
}

std::optional<WeightScheme> parse_weight_scheme(std::string_view name) {
  if (name == "core") return WeightScheme::Core;
  if (name == "importance") return WeightScheme::Importance;
  if (name == "equal") return WeightScheme::Equal;
  return std::nullopt;
}

std::string_view task_type_name(TaskType type) {
  switch (type) {
    case TaskType::Core: return "Core";
    case TaskType::Supplemental: return "Supplemental";
    case TaskType::Untyped: return "";
  }
  return "";
}

}  // namespace aiexp
