// Permalink state codec (state.h).
//
// Parameters: soc=1137  cmp=2132,2133  labels=human  e1=0.8  e2=0.5  w=importance  bridge=blend
// wage=exact  t=<task changes>, where a task change is "<id>.<label>", "<id>.w<weight>" or
// "<id>.<label>.w<weight>", separated by commas: t=968.E1,971.w0,15198.E0.w1.5
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

// Plain decimals only: digits with at most one point and at most 15 significant digits ("1", "0.35", ".5").
// With so few digits, mantissa / 10^k is one correctly rounded division: the same double strtod gives.
std::optional<double> parse_decimal(std::string_view text) {
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
  if (text == "." || (text.size() == 1 && point)) return std::nullopt;
  double scale = 1.0;
  for (int i = 0; i < decimals; ++i) scale *= 10.0;
  return static_cast<double>(mantissa) / scale;
}

std::optional<std::int32_t> parse_id(std::string_view text) {
  if (text.empty() || text.size() > 9 || !std::all_of(text.begin(), text.end(), [](char c) {
        return c >= '0' && c <= '9';
      })) {
    return std::nullopt;
  }
  std::int32_t value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  if (value <= 0) return std::nullopt;
  return value;
}

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
std::string quote(std::string_view text) {
  const auto plain = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           std::string_view(" ._,:;=+-/()%!?*").find(c) != std::string_view::npos;
  };
  std::string out = "\"";
  for (char c : text.substr(0, 40)) out.push_back(plain(c) ? c : '?');
  if (text.size() > 40) out += "...";
  return out + "\"";
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

// One task change "<id>.<label>", "<id>.w<weight>" or "<id>.<label>.w<weight>"; appends it to `overrides`
// or says why not.
std::optional<std::string> parse_task_change(const Bundle& bundle, std::string_view text,
                                             std::vector<TaskOverride>& overrides) {
  const std::size_t weight_at = text.find(".w");
  const std::string_view head = text.substr(0, weight_at);
  const std::size_t label_at = head.find('.');
  const auto id = parse_id(head.substr(0, label_at));
  if (!id) return "task change " + quote(text) + ": not a task id";
  TaskOverride change{*id, std::nullopt, std::nullopt};
  if (label_at != std::string_view::npos) {
    const auto label = parse_label(head.substr(label_at + 1));
    if (!label) return "task change " + quote(text) + ": label must be E0, E1 or E2";
    change.label = *label;
  }
  if (weight_at != std::string_view::npos) {
    const auto weight = parse_decimal(text.substr(weight_at + 2));
    if (!weight || *weight > 1000.0) return "task change " + quote(text) + ": weight must be a number from 0 to 1000";
    change.weight = *weight;
  }
  if (!change.label && !change.weight) return "task change " + quote(text) + ": nothing to change";
  if (bundle.has_details() && !bundle.find_task(change.task_id)) {
    return "task change " + quote(text) + ": no labelled task has that id";
  }
  for (const TaskOverride& existing : overrides) {
    if (existing.task_id == change.task_id) return "task change " + quote(text) + ": task changed twice";
  }
  if (overrides.size() >= kMaxOverrides) return "task changes: more than " + std::to_string(kMaxOverrides);
  overrides.push_back(change);
  return std::nullopt;
}

}  // namespace

std::string encode_state(const ViewState& state) {
  const Assumptions defaults;
  const Assumptions& a = state.assumptions;
  std::vector<std::string> params;
  if (!state.soc.empty()) params.push_back("soc=" + state.soc);
  if (!state.compare.empty()) {
    std::string list;
    for (const std::string& soc : state.compare) list += (list.empty() ? "" : ",") + soc;
    params.push_back("cmp=" + list);
  }
  if (a.label_source != defaults.label_source) params.push_back("labels=" + std::string(label_source_name(a.label_source)));
  // A value is written when its text differs from the default's: 0.0000001 is "0" at the link's precision, the
  // default, and writing "e2=0" would make the same view encode two ways.
  for (const auto& [name, value, fallback] : {std::tuple{"e1", a.e1, defaults.e1}, std::tuple{"e2", a.e2, defaults.e2}}) {
    const std::string text = format_decimal(value, kLinkDecimals);
    if (text != format_decimal(fallback, kLinkDecimals)) params.push_back(std::string(name) + "=" + text);
  }
  if (a.weights != defaults.weights) params.push_back("w=" + std::string(weight_scheme_name(a.weights)));
  if (a.bridge != defaults.bridge) params.push_back("bridge=" + std::string(bridge_mode_name(a.bridge)));
  if (a.wage_rounding != defaults.wage_rounding) {
    params.push_back("wage=" + std::string(wage_rounding_name(a.wage_rounding)));
  }
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
    params.push_back("t=" + list);
  }
  std::string query;
  for (const std::string& param : params) query += (query.empty() ? "" : "&") + param;
  return query;
}

DecodedState decode_state(const Bundle& bundle, std::string_view query) {
  DecodedState decoded;
  if (!query.empty() && query.front() == '?') query.remove_prefix(1);
  if (query.size() > kMaxStateLength) {
    decoded.rejected.push_back("the link is too long (" + std::to_string(query.size()) + " characters)");
    return decoded;
  }
  Assumptions& a = decoded.state.assumptions;
  std::vector<std::string> seen;
  for (std::string_view pair : split(query, '&')) {
    if (pair.empty()) continue;
    const std::size_t equals = pair.find('=');
    const auto key = url_decode(pair.substr(0, equals));
    const auto value = url_decode(equals == std::string_view::npos ? std::string_view{} : pair.substr(equals + 1));
    if (!key || !value) {
      decoded.rejected.push_back("parameter " + quote(pair) + ": bad %-escape");
      continue;
    }
    const std::string& k = *key;
    const std::string& v = *value;
    const bool known = k == "soc" || k == "cmp" || k == "labels" || k == "e1" || k == "e2" || k == "w" ||
                       k == "bridge" || k == "wage" || k == "t";
    if (!known) continue;  // utm_source and the like
    if (std::find(seen.begin(), seen.end(), k) != seen.end()) {
      decoded.rejected.push_back("parameter " + quote(k) + " given twice; the first is used");
      continue;
    }
    seen.push_back(k);
    const auto reject = [&](std::string why) { decoded.rejected.push_back(k + "=" + quote(v) + ": " + why); };
    if (k == "soc") {
      if (is_soc(bundle, v)) decoded.state.soc = v;
      else reject("not a SOC 2020 unit group code");
    } else if (k == "cmp") {
      for (std::string_view code : split(v, ',')) {
        if (!is_soc(bundle, code)) {
          reject("not a list of SOC 2020 unit group codes");
          decoded.state.compare.clear();
          break;
        }
        if (std::find(decoded.state.compare.begin(), decoded.state.compare.end(), code) ==
            decoded.state.compare.end()) {
          decoded.state.compare.emplace_back(code);
        }
      }
      if (decoded.state.compare.size() > kMaxCompared) {
        reject("at most " + std::to_string(kMaxCompared) + " roles can be compared");
        decoded.state.compare.resize(kMaxCompared);
      }
    } else if (k == "labels") {
      if (const auto source = parse_label_source(v)) a.label_source = *source;
      else reject("must be gpt4, human or gpt4_alt");
    } else if (k == "e1" || k == "e2") {
      const auto number = parse_decimal(v);
      if (number && *number <= 1.0) (k == "e1" ? a.e1 : a.e2) = *number;
      else reject("must be a number from 0 to 1");
    } else if (k == "w") {
      if (const auto scheme = parse_weight_scheme(v)) a.weights = *scheme;
      else reject("must be core, importance or equal");
    } else if (k == "bridge") {
      if (const auto mode = parse_bridge_mode(v)) a.bridge = *mode;
      else reject("must be modal or blend");
    } else if (k == "wage") {
      if (const auto rounding = parse_wage_rounding(v)) a.wage_rounding = *rounding;
      else reject("must be displayed or exact");
    } else if (k == "t") {
      for (std::string_view change : split(v, ',')) {
        if (change.empty()) continue;
        if (auto why = parse_task_change(bundle, change, a.overrides)) decoded.rejected.push_back(*why);
      }
    }
  }
  return decoded;
}

}  // namespace aiexp
