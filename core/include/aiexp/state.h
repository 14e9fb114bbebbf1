// The calculator's shareable state (role, compared roles, assumptions, per-task changes) as a URL query
// string, for permalinks. The names, aliases and bounds are those of grammar.h, shared with the widget and the
// CLI. Decoding is strict: every value is checked against its allowed form and range, a bad parameter is
// rejected with a reason and its kind (and the rest kept), an unknown parameter is named with the nearest
// known one, tracking parameters (utm_*, fbclid, ...) are ignored, and a parameter given twice takes its last
// value, with a notice. Nothing decoded is ever interpreted as anything but data.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "aiexp/bundle.h"
#include "aiexp/grammar.h"
#include "aiexp/score.h"

namespace aiexp {

struct ViewState {
  std::string soc;                   // the role on screen; empty for none
  std::vector<std::string> compare;  // up to kMaxCompared SOC codes
  Assumptions assumptions;

  bool operator==(const ViewState&) const = default;
};

// One part of a link that was not used (or, for Duplicate, an earlier value that was replaced).
struct Rejection {
  RejectionKind kind = RejectionKind::InvalidValue;
  std::string parameter;  // the canonical name, or the unknown name as given (quoted safely); "" for the link
  std::string reason;     // the same text as the matching entry of `rejected`

  bool operator==(const Rejection&) const = default;
};

struct DecodedState {
  ViewState state;
  std::vector<std::string> rejected;  // one readable reason per parameter that was refused
  std::vector<Rejection> rejections;  // the same, in the same order, with their kinds
};

// Query string without the leading '?': "soc=1137&e2=0.5&t=968.E1,971.w0", with each parameter's link_name
// (the short names existing links use). Parameters equal to their default are left out, so the default state
// encodes to "" (or "soc=...").
std::string encode_state(const ViewState& state);

// Parses a query string (with or without '?'). SOC codes must exist in `bundle`; task ids must exist when the
// bundle's details are loaded (otherwise only their form is checked). Every name and alias of grammar.h is
// accepted. Never fails as a whole: what cannot be used is listed in `rejected` and `rejections`.
DecodedState decode_state(const Bundle& bundle, std::string_view query);

}  // namespace aiexp
