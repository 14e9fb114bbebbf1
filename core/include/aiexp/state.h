// The calculator's shareable state (role, compared roles, assumptions, per-task changes) as a URL query
// string, for permalinks. Decoding is strict: every value is checked against its allowed form and range, a
// bad parameter is rejected with a reason (and the rest kept), and unknown parameters (utm_*, ...) are
// ignored. Nothing decoded is ever interpreted as anything but data.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "aiexp/bundle.h"
#include "aiexp/score.h"

namespace aiexp {

inline constexpr std::size_t kMaxCompared = 3;      // roles side by side, besides the one on screen
inline constexpr std::size_t kMaxStateLength = 8192;  // longer query strings are refused outright
inline constexpr std::size_t kMaxOverrides = 500;

struct ViewState {
  std::string soc;                   // the role on screen; empty for none
  std::vector<std::string> compare;  // up to kMaxCompared SOC codes
  Assumptions assumptions;

  bool operator==(const ViewState&) const = default;
};

struct DecodedState {
  ViewState state;
  std::vector<std::string> rejected;  // one readable reason per parameter that was refused
};

// Query string without the leading '?': "soc=1137&e2=0.5&t=968.E1,971.w0". Parameters equal to their default
// are left out, so the default state encodes to "" (or "soc=...").
std::string encode_state(const ViewState& state);

// Parses a query string (with or without '?'). SOC codes must exist in `bundle`; task ids must exist when the
// bundle's details are loaded (otherwise only their form is checked). Never fails as a whole: what cannot be
// used is listed in `rejected`.
DecodedState decode_state(const Bundle& bundle, std::string_view query);

}  // namespace aiexp
