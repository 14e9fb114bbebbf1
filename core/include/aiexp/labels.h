// Task exposure labels and their sources, SCORING.md section 1.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace aiexp {

// E0 no exposure, E1 direct exposure (an LLM alone halves the time), E2 exposure given LLM-powered tools.
// A source's E3 (image capability) is folded into E2 by the pipeline, so the core never sees it.
enum class Label : std::uint8_t { E0 = 0, E1 = 1, E2 = 2 };
inline constexpr std::size_t kLabelCount = 3;

// The three label columns of the Eloundou label set; Gpt4 is the default.
enum class LabelSource : std::uint8_t { Gpt4 = 0, Human = 1, Gpt4Alt = 2 };
inline constexpr std::size_t kLabelSourceCount = 3;
inline constexpr std::array<LabelSource, kLabelSourceCount> kLabelSources = {LabelSource::Gpt4, LabelSource::Human,
                                                                             LabelSource::Gpt4Alt};

// "E0", "E1", "E2".
std::string_view label_name(Label label);
std::optional<Label> parse_label(std::string_view name);

// The task list's wording: E1 "AI can do this", E2 "AI can help", E0 "Human work".
std::string_view label_display(Label label);

// "gpt4", "human", "gpt4_alt": the names used by the CLI, the bundle, the URL state and the widget.
std::string_view label_source_name(LabelSource source);
std::optional<LabelSource> parse_label_source(std::string_view name);

// "GPT-4 (main rubric)", "Human annotators", "GPT-4 (alternative rubric)".
std::string_view label_source_display(LabelSource source);

}  // namespace aiexp
