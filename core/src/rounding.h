// Rounding half away from zero, as std::round does, built from trunc: WebAssembly has an instruction for
// trunc but none for this rounding, so std::round, lround and llround are libc calls there, and the
// recompute rounds every unit group's score several times. x - trunc(x) is exact, so the results are the same.
#pragma once

#include <cmath>
#include <cstdint>

namespace aiexp::detail {

inline double round_half_away(double x) {
  const double whole = std::trunc(x);
  const double fraction = x - whole;
  if (fraction >= 0.5) return whole + 1.0;
  if (fraction <= -0.5) return whole - 1.0;
  return whole;
}

// For values known to fit an int64 (scores, counts, money in pence or pounds).
inline std::int64_t round_to_int64(double x) { return static_cast<std::int64_t>(round_half_away(x)); }

}  // namespace aiexp::detail
