// The one grammar of the assumptions (SCORING.md sections 1 to 4) for every door: the page's links (state.h),
// the widget's attributes and the iframe card's query (web/widget/uk-ai-exposure-card.js holds a copy that
// tests/wasm/engine.test.mjs checks against grammar() of the module), and ukexp's options (cli/args.cpp).
// Each parameter has one canonical name and the older names it still accepts; the bounds live here only.
//
// Duplicates: a parameter given more than once (under its name or any alias) takes its last value, and the
// decoder says so (RejectionKind::Duplicate). The same holds for one task changed twice in a task list.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "aiexp/score.h"

namespace aiexp {

inline constexpr double kMinLabelValue = 0.0;     // e1, e2
inline constexpr double kMaxLabelValue = 1.0;
inline constexpr double kMaxTaskWeight = 1000.0;  // a task weight override is a number from 0 to this
inline constexpr std::size_t kMaxCompared = 3;    // roles side by side, besides the one on screen
inline constexpr std::size_t kMaxOverrides = 500;  // task changes in one state
inline constexpr std::size_t kMaxStateLength = 8192;  // longer query strings are refused outright

enum class Param : std::uint8_t { Soc, Compare, Labels, E1, E2, Weights, Bridge, Wage, Measure, Tasks };
inline constexpr std::size_t kParamCount = 10;

// What a parameter's value is.
enum class ValueKind : std::uint8_t {
  Soc,          // a SOC 2020 unit group code
  SocList,      // comma-separated SOC 2020 codes, at most kMaxCompared
  Choice,       // one of `choices`
  Number,       // a decimal number from `min` to `max`
  TaskChanges,  // comma-separated "<id>.<label>", "<id>.w<weight>" or "<id>.<label>.w<weight>"
};

// Where a parameter is accepted (a bit set).
enum Door : std::uint8_t { kDoorLink = 1, kDoorWidget = 2, kDoorCli = 4 };

struct ParamSpec {
  Param param;
  std::string_view name;       // canonical: the link parameter, the widget attribute, the CLI option after "--"
  std::string_view link_name;  // what encode_state writes (the short names of existing links)
  std::array<std::string_view, 2> aliases;  // older names, accepted everywhere the parameter is ("" = none)
  std::uint8_t doors;
  ValueKind kind;
  std::array<std::string_view, 4> choices;  // for Choice, the names of the core's enums ("" = none)
  double min = 0.0;  // for Number
  double max = 0.0;
  std::string_view allowed;  // the allowed values in words, for messages and --help: "gpt4, human or gpt4_alt"
};

// Every parameter, in the order links are written.
std::span<const ParamSpec> param_specs();
const ParamSpec& param_spec(Param param);

// The parameter called `name` (its canonical name or an alias) among those of `door`; nullptr if none.
const ParamSpec* find_param(std::string_view name, std::uint8_t door = kDoorLink | kDoorWidget | kDoorCli);

// Whether `name` is a well-known tracking parameter that links pick up on the way (utm_*, fbclid, gclid,
// mc_cid, mc_eid, ref, ...): ignored without a notice.
bool is_tracking_parameter(std::string_view name);

// Optimal-string-alignment edit distance (a swap of two neighbours counts 1), case-insensitive.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate nearest to `name` if it is close enough to be a typo (at most 2 edits, fewer than the length
// of `name`), else "". Ties go to the earlier candidate.
std::string_view nearest_name(std::string_view name, std::span<const std::string_view> candidates);

// The canonical name of the parameter of `door` nearest to `name` (aliases count), or "".
std::string_view nearest_param_name(std::string_view name, std::uint8_t door);

// A value of a task change list, checked for form only (no bundle): "968.E1", "971.w0", "15198.E0.w1.5".
// On failure `why` says what is wrong ("label must be E0, E1 or E2").
std::optional<TaskOverride> parse_task_change(std::string_view text, std::string& why);

// Plain decimals only: digits with at most one point and at most 15 significant digits ("1", "0.35", ".5").
std::optional<double> parse_plain_decimal(std::string_view text);

// Why a part of a link (or of an attribute set) was not used; stable kebab-case names for grouping notices.
enum class RejectionKind : std::uint8_t {
  TooLong,           // the whole query is longer than kMaxStateLength
  BadEscape,         // a malformed %-escape
  UnknownParameter,  // a name no door knows (tracking parameters excepted)
  Duplicate,         // given twice; the last value is used
  InvalidValue,      // the value's form or range is wrong
  UnknownCode,       // a well-formed SOC code or task id the data does not have
  TooMany,           // more than kMaxCompared roles or kMaxOverrides task changes
};
std::string_view rejection_kind_name(RejectionKind kind);  // "too-long", "bad-escape", "unknown-parameter", ...

}  // namespace aiexp
