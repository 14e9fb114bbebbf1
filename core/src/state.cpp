// Permalink state codec (state.h), over the parameter table of grammar.h.
//
// Links are written: soc=1137  cmp=2132,2133  labels=human  e1=0.8  e2=0.5  w=importance  bridge=blend
// wage=exact  t=<task changes>, where a task change is "<id>.<label>", "<id>.w<weight>" or
// "<id>.<label>.w<weight>", separated by commas: t=968.E1,971.w0,15198.E0.w1.5. They are read under those
// names and under the canonical ones (compare, weights, tasks) and the aliases (label-source).
#include "aiexp/state.h"

#include "aiexp/format.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>
#include <string>
#include <tuple>

namespace aiexp {

namespace {

// Numbers in links carry at most 6 decimals: sliders move in hundredths, and a shorter link reads better.
constexpr int kLinkDecimals = 6;

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// application/x-www-form-urlencoded decoding: '+' is a space, %XX a byte; a bad escape gives nullopt.
std::optional<std::string> url_decode(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      out.push_back(' ');
    } else if (text[i] == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      const int high = hex_value(text[i + 1]);
      const int low = hex_value(text[i + 2]);
      if (high < 0 || low < 0) return std::nullopt;
      out.push_back(static_cast<char>(high * 16 + low));
      i += 2;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

// Text safe to quote back in a notice: letters, digits and plain punctuation only (anything that could be
// markup or a control character becomes '?'), at most 40 characters.
std::string safe(std::string_view text) {
  const auto plain = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           std::string_view(" ._,:;=+-/()%!?*").find(c) != std::string_view::npos;
  };
  std::string out;
  for (char c : text.substr(0, 40)) out.push_back(plain(c) ? c : '?');
  if (text.size() > 40) out += "...";
  return out;
}

std::string quote(std::string_view text) {
  std::string out = "\"";  // appended, not "\"" + ...: GCC 12 warns falsely (-Wrestrict) on that form
  out += safe(text);
  out += '"';
  return out;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find(separator, start);
    parts.push_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return parts;
}

bool is_soc(const Bundle& bundle, std::string_view code) {
  return code.size() == 4 && bundle.find_unit_group(code).has_value();
}

}  // namespace

std::string encode_state(const ViewState& state) {
  const Assumptions defaults;
  const Assumptions& a = state.assumptions;
  std::string query;
  const auto add = [&query](Param param, std::string_view value) {
    query.append(query.empty() ? "" : "&").append(param_spec(param).link_name).append("=").append(value);
  };
  if (!state.soc.empty()) add(Param::Soc, state.soc);
  if (!state.compare.empty()) {
    std::string list;
    for (const std::string& soc : state.compare) list += (list.empty() ? "" : ",") + soc;
    add(Param::Compare, list);
  }
  if (a.label_source != defaults.label_source) add(Param::Labels, label_source_name(a.label_source));
  // A value is written when its text differs from the default's: 0.0000001 is "0" at the link's precision, the
  // default, and writing "e2=0" would make the same view encode two ways.
  for (const auto& [param, value, fallback] :
       {std::tuple{Param::E1, a.e1, defaults.e1}, std::tuple{Param::E2, a.e2, defaults.e2}}) {
    const std::string text = format_decimal(value, kLinkDecimals);
    if (text != format_decimal(fallback, kLinkDecimals)) add(param, text);
  }
  if (a.weights != defaults.weights) add(Param::Weights, weight_scheme_name(a.weights));
  if (a.bridge != defaults.bridge) add(Param::Bridge, bridge_mode_name(a.bridge));
  if (a.wage_rounding != defaults.wage_rounding) add(Param::Wage, wage_rounding_name(a.wage_rounding));
  if (a.measure != defaults.measure) add(Param::Measure, measure_name(a.measure));
  if (!a.overrides.empty()) {
    std::vector<TaskOverride> sorted = a.overrides;
    std::sort(sorted.begin(), sorted.end(), [](const auto& x, const auto& y) { return x.task_id < y.task_id; });
    std::string list;
    for (const TaskOverride& change : sorted) {
      if (!list.empty()) list += ",";
      list += std::to_string(change.task_id);
      if (change.label) list.append(".").append(label_name(*change.label));
      if (change.weight) list.append(".w").append(format_decimal(*change.weight, kLinkDecimals));
    }
    add(Param::Tasks, list);
  }
  return query;
}

namespace {

struct Decoder {
  const Bundle& bundle;
  DecodedState decoded;

  void reject(RejectionKind kind, std::string parameter, std::string reason) {
    decoded.rejected.push_back(reason);
    decoded.rejections.push_back(Rejection{kind, std::move(parameter), std::move(reason)});
  }

  void task_changes(std::string_view value) {
    std::vector<TaskOverride>& overrides = decoded.state.assumptions.overrides;
    bool capped = false;
    for (std::string_view text : split(value, ',')) {
      if (text.empty()) continue;
      const std::string what = "task change " + quote(text) + ": ";
      std::string why;
      const auto change = parse_task_change(text, why);
      if (!change) {
        reject(RejectionKind::InvalidValue, "tasks", what + why);
        continue;
      }
      if (bundle.has_details() && !bundle.find_task(change->task_id)) {
        reject(RejectionKind::UnknownCode, "tasks", what + "no labelled task has that id");
        continue;
      }
      const auto existing = std::find_if(overrides.begin(), overrides.end(),
                                         [&](const TaskOverride& o) { return o.task_id == change->task_id; });
      if (existing != overrides.end()) {
        reject(RejectionKind::Duplicate, "tasks", what + "task changed twice; the last change is used");
        *existing = *change;
        continue;
      }
      if (overrides.size() >= kMaxOverrides) {
        if (!capped) reject(RejectionKind::TooMany, "tasks", "task changes: more than " + std::to_string(kMaxOverrides));
        capped = true;
        continue;
      }
      overrides.push_back(*change);
    }
  }

  // Applies the value `v` of parameter `spec`, given under the name `key` (which its notices quote back).
  void apply(const ParamSpec& spec, const std::string& key, const std::string& v) {
    Assumptions& a = decoded.state.assumptions;
    const auto bad = [&](RejectionKind kind, const std::string& why) {
      reject(kind, std::string(spec.name), key + "=" + quote(v) + ": " + why);
    };
    const auto four_digits = [](std::string_view code) {
      return code.size() == 4 && std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    const std::string must = "must be " + std::string(spec.allowed);
    switch (spec.param) {
      case Param::Soc:
        if (is_soc(bundle, v)) {
          decoded.state.soc = v;
        } else {
          bad(four_digits(v) ? RejectionKind::UnknownCode : RejectionKind::InvalidValue, "not a SOC 2020 unit group code");
        }
        break;
      case Param::Compare: {
        std::vector<std::string>& compare = decoded.state.compare;
        compare.clear();
        for (std::string_view code : split(v, ',')) {
          if (!is_soc(bundle, code)) {
            bad(four_digits(code) ? RejectionKind::UnknownCode : RejectionKind::InvalidValue,
                "not a list of SOC 2020 unit group codes");
            compare.clear();
            break;
          }
          if (std::find(compare.begin(), compare.end(), code) == compare.end()) compare.emplace_back(code);
        }
        if (compare.size() > kMaxCompared) {
          bad(RejectionKind::TooMany, "at most " + std::to_string(kMaxCompared) + " roles can be compared");
          compare.resize(kMaxCompared);
        }
        break;
      }
      case Param::Labels:
        if (const auto source = parse_label_source(v)) a.label_source = *source;
        else bad(RejectionKind::InvalidValue, must);
        break;
      case Param::E1:
      case Param::E2: {
        const auto number = parse_plain_decimal(v);
        if (number && *number >= spec.min && *number <= spec.max) (spec.param == Param::E1 ? a.e1 : a.e2) = *number;
        else bad(RejectionKind::InvalidValue, must);
        break;
      }
      case Param::Weights:
        if (const auto scheme = parse_weight_scheme(v)) a.weights = *scheme;
        else bad(RejectionKind::InvalidValue, must);
        break;
      case Param::Bridge:
        if (const auto mode = parse_bridge_mode(v)) a.bridge = *mode;
        else bad(RejectionKind::InvalidValue, must);
        break;
      case Param::Wage:
        if (const auto rounding = parse_wage_rounding(v)) a.wage_rounding = *rounding;
        else bad(RejectionKind::InvalidValue, must);
        break;
      case Param::Measure:
        if (const auto measure = parse_measure(v)) a.measure = *measure;
        else bad(RejectionKind::InvalidValue, must);
        break;
      case Param::Tasks:
        a.overrides.clear();
        task_changes(v);
        break;
    }
  }
};

}  // namespace

DecodedState decode_state(const Bundle& bundle, std::string_view query) {
  Decoder decoder{bundle, {}};
  if (!query.empty() && query.front() == '?') query.remove_prefix(1);
  if (query.size() > kMaxStateLength) {
    decoder.reject(RejectionKind::TooLong, "",
                   "the link is too long (" + std::to_string(query.size()) + " characters)");
    return std::move(decoder.decoded);
  }
  // First the names: a parameter given twice (under any of its names) takes its last value.
  struct Entry {
    const ParamSpec* spec;
    std::string key;  // as written: w, weights, ...
    std::string value;
  };
  std::vector<Entry> entries;
  for (std::string_view pair : split(query, '&')) {
    if (pair.empty()) continue;
    const std::size_t equals = pair.find('=');
    const auto key = url_decode(pair.substr(0, equals));
    const auto value = url_decode(equals == std::string_view::npos ? std::string_view{} : pair.substr(equals + 1));
    if (!key || !value) {
      decoder.reject(RejectionKind::BadEscape, key ? safe(*key) : "", "parameter " + quote(pair) + ": bad %-escape");
      continue;
    }
    if (key->empty() || is_tracking_parameter(*key)) continue;
    const ParamSpec* spec = find_param(*key, kDoorLink);
    if (!spec) {
      std::string why = "unknown parameter " + quote(*key);
      const std::string_view nearest = nearest_param_name(*key, kDoorLink);
      if (!nearest.empty()) why += ": did you mean " + quote(nearest) + "?";
      decoder.reject(RejectionKind::UnknownParameter, safe(*key), std::move(why));
      continue;
    }
    entries.push_back(Entry{spec, *key, *value});
  }
  std::array<std::size_t, kParamCount> count{};
  for (const Entry& entry : entries) ++count[static_cast<std::size_t>(entry.spec->param)];
  std::array<std::size_t, kParamCount> seen{};
  for (const Entry& entry : entries) {
    const auto index = static_cast<std::size_t>(entry.spec->param);
    if (++seen[index] < count[index]) continue;  // an earlier value, replaced by the last
    if (count[index] > 1) {
      decoder.reject(RejectionKind::Duplicate, std::string(entry.spec->name),
                     "parameter " + quote(entry.spec->name) + " given " + std::to_string(count[index]) +
                         " times; the last is used");
    }
    decoder.apply(*entry.spec, entry.key, entry.value);
  }
  return std::move(decoder.decoded);
}

}  // namespace aiexp
