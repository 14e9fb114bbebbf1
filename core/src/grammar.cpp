// The parameter table and its helpers (grammar.h).
#include "aiexp/grammar.h"

#include <algorithm>
#include <charconv>
#include <numeric>
#include <vector>

namespace aiexp {

namespace {

constexpr std::uint8_t kAllDoors = kDoorLink | kDoorWidget | kDoorCli;

// The soc is the CLI's positional argument, and compare is the page's only; a card takes every assumption a
// link does (task changes and the exact wage option included), so an embedded card shows the figures of the page
// it was made from. "label-source" was the widget's name for labels, "w", "cmp" and "t" the links'.
constexpr std::array<ParamSpec, kParamCount> kParams{{
    {Param::Soc, "soc", "soc", {}, kDoorLink | kDoorWidget, ValueKind::Soc, {}, 0, 0, "a SOC 2020 unit group code"},
    {Param::Compare, "compare", "cmp", {"cmp", ""}, kDoorLink, ValueKind::SocList, {}, 0, 0,
     "a list of SOC 2020 unit group codes"},
    {Param::Labels, "labels", "labels", {"label-source", ""}, kAllDoors, ValueKind::Choice, {"gpt4", "human", "gpt4_alt"},
     0, 0, "gpt4, human or gpt4_alt"},
    {Param::E1, "e1", "e1", {}, kAllDoors, ValueKind::Number, {}, kMinLabelValue, kMaxLabelValue, "a number from 0 to 1"},
    {Param::E2, "e2", "e2", {}, kAllDoors, ValueKind::Number, {}, kMinLabelValue, kMaxLabelValue, "a number from 0 to 1"},
    {Param::Weights, "weights", "w", {"w", ""}, kAllDoors, ValueKind::Choice, {"core", "importance", "equal"}, 0, 0,
     "core, importance or equal"},
    {Param::Bridge, "bridge", "bridge", {}, kAllDoors, ValueKind::Choice, {"modal", "blend"}, 0, 0, "modal or blend"},
    {Param::Wage, "wage", "wage", {}, kAllDoors, ValueKind::Choice, {"displayed", "exact"}, 0, 0,
     "displayed or exact"},
    {Param::Measure, "measure", "measure", {}, kAllDoors, ValueKind::Choice, {"eloundou", "ilo2025", "ilo2023", "microsoft"},
     0, 0, "eloundou, ilo2025, ilo2023 or microsoft"},
    {Param::Tasks, "tasks", "t", {"t", ""}, kAllDoors, ValueKind::TaskChanges, {}, 0, kMaxTaskWeight,
     "task changes such as 968.E1,971.w0"},
}};

static_assert(kParams.back().param == Param::Tasks && static_cast<std::size_t>(Param::Tasks) + 1 == kParamCount,
              "kParams lists every Param in enum order");

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

std::span<const ParamSpec> param_specs() { return kParams; }

const ParamSpec& param_spec(Param param) { return kParams[static_cast<std::size_t>(param)]; }

const ParamSpec* find_param(std::string_view name, std::uint8_t door) {
  if (name.empty()) return nullptr;
  for (const ParamSpec& spec : kParams) {
    if (!(spec.doors & door)) continue;
    if (spec.name == name || std::find(spec.aliases.begin(), spec.aliases.end(), name) != spec.aliases.end()) {
      return &spec;
    }
  }
  return nullptr;
}

bool is_tracking_parameter(std::string_view name) {
  std::string key(name);
  std::transform(key.begin(), key.end(), key.begin(), lower);
  if (key.starts_with("utm_")) return true;
  for (std::string_view known : {"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "ref", "_ga", "_gl"}) {
    if (key == known) return true;
  }
  return false;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Names here are short; a longer input is far from all of them anyway.
  if (a.size() > 64 || b.size() > 64) return std::max(a.size(), b.size());
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  std::vector<std::size_t> d((n + 1) * (m + 1));
  const auto at = [&](std::size_t i, std::size_t j) -> std::size_t& { return d[i * (m + 1) + j]; };
  for (std::size_t i = 0; i <= n; ++i) at(i, 0) = i;
  for (std::size_t j = 0; j <= m; ++j) at(0, j) = j;
  for (std::size_t i = 1; i <= n; ++i) {
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
      at(i, j) = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost});
      if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) && lower(a[i - 2]) == lower(b[j - 1])) {
        at(i, j) = std::min(at(i, j), at(i - 2, j - 2) + 1);
      }
    }
  }
  return at(n, m);
}

std::string_view nearest_name(std::string_view name, std::span<const std::string_view> candidates) {
  std::string_view best;
  std::size_t best_distance = 3;
  for (std::string_view candidate : candidates) {
    if (candidate.empty()) continue;
    const std::size_t distance = edit_distance(name, candidate);
    if (distance < best_distance && distance < name.size()) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best;
}

std::string_view nearest_param_name(std::string_view name, std::uint8_t door) {
  std::vector<std::string_view> names;
  std::vector<const ParamSpec*> owners;
  for (const ParamSpec& spec : kParams) {
    if (!(spec.doors & door)) continue;
    names.push_back(spec.name);
    owners.push_back(&spec);
    for (std::string_view alias : spec.aliases) {
      if (alias.empty()) continue;
      names.push_back(alias);
      owners.push_back(&spec);
    }
  }
  const std::string_view nearest = nearest_name(name, names);
  if (nearest.empty()) return {};
  const auto index = static_cast<std::size_t>(std::find(names.begin(), names.end(), nearest) - names.begin());
  return owners[index]->name;
}

std::optional<double> parse_plain_decimal(std::string_view text) {
  if (text.empty() || text.size() > 20) return std::nullopt;
  std::int64_t mantissa = 0;
  int digits = 0;
  int decimals = 0;
  bool point = false;
  for (char c : text) {
    if (c == '.') {
      if (point) return std::nullopt;
      point = true;
    } else if (c >= '0' && c <= '9') {
      if (mantissa == 0 && c == '0' && !point) continue;  // leading zeros carry nothing
      if (++digits > 15) return std::nullopt;
      mantissa = mantissa * 10 + (c - '0');
      if (point) ++decimals;
    } else {
      return std::nullopt;
    }
  }
  if (text.size() == 1 && point) return std::nullopt;
  // With at most 15 digits, mantissa / 10^k is one correctly rounded division: the same double strtod gives.
  double scale = 1.0;
  for (int i = 0; i < decimals; ++i) scale *= 10.0;
  return static_cast<double>(mantissa) / scale;
}

std::optional<TaskOverride> parse_task_change(std::string_view text, std::string& why) {
  const std::size_t weight_at = text.find(".w");
  const std::string_view head = text.substr(0, weight_at);
  const std::size_t label_at = head.find('.');
  const std::string_view id_text = head.substr(0, label_at);
  std::int32_t id = 0;
  const bool digits = !id_text.empty() && id_text.size() <= 9 &&
                      std::all_of(id_text.begin(), id_text.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (digits) std::from_chars(id_text.data(), id_text.data() + id_text.size(), id);
  if (id <= 0) {
    why = "not a task id";
    return std::nullopt;
  }
  TaskOverride change{id, std::nullopt, std::nullopt};
  if (label_at != std::string_view::npos) {
    const auto label = parse_label(head.substr(label_at + 1));
    if (!label) {
      why = "label must be E0, E1 or E2";
      return std::nullopt;
    }
    change.label = *label;
  }
  if (weight_at != std::string_view::npos) {
    const auto weight = parse_plain_decimal(text.substr(weight_at + 2));
    if (!weight || *weight > kMaxTaskWeight) {
      why = "weight must be a number from 0 to 1000";
      return std::nullopt;
    }
    change.weight = *weight;
  }
  if (!change.label && !change.weight) {
    why = "nothing to change";
    return std::nullopt;
  }
  return change;
}

std::string_view rejection_kind_name(RejectionKind kind) {
  switch (kind) {
    case RejectionKind::TooLong: return "too-long";
    case RejectionKind::BadEscape: return "bad-escape";
    case RejectionKind::UnknownParameter: return "unknown-parameter";
    case RejectionKind::Duplicate: return "duplicate";
    case RejectionKind::InvalidValue: return "invalid-value";
    case RejectionKind::UnknownCode: return "unknown-code";
    case RejectionKind::TooMany: return "too-many";
  }
  return "invalid-value";
}

}  // namespace aiexp
