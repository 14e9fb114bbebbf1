// Display strings of figures (format.h).
#include "aiexp/format.h"

#include <cmath>
#include <cstdint>

#include "concat.h"
#include "rounding.h"

namespace aiexp {

namespace {

std::string group_thousands(std::string digits) {
  std::string out;
  const std::size_t lead = digits.size() % 3 == 0 ? 3 : digits.size() % 3;
  out.append(digits, 0, lead);
  for (std::size_t i = lead; i < digits.size(); i += 3) {
    out.push_back(',');
    out.append(digits, i, 3);
  }
  return out;
}

// `scaled` / 10^decimals as text with exactly `decimals` places: (1234, 2) -> "12.34". No printf: it would
// pull floating-point formatting (and long double arithmetic) into the WebAssembly module. Digits are written
// from the right into a buffer, so each string is allocated once.
std::string fixed_point(std::int64_t scaled, int decimals) {
  char buffer[32];  // 19 digits, a point, zeros up to 9 decimals and a sign
  char* const end = buffer + sizeof buffer;
  char* cursor = end;
  std::uint64_t magnitude = scaled < 0 ? 0 - static_cast<std::uint64_t>(scaled) : static_cast<std::uint64_t>(scaled);
  int written = 0;
  do {
    if (decimals > 0 && written == decimals) *--cursor = '.';
    *--cursor = static_cast<char>('0' + magnitude % 10);
    magnitude /= 10;
    ++written;
  } while (magnitude != 0 || written <= decimals);
  if (scaled < 0) *--cursor = '-';
  return std::string(cursor, end);
}

std::string strip_zeros(std::string text) {
  if (text.find('.') != std::string::npos) {
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
  }
  return text;
}

std::int64_t power_of_ten(int exponent) {
  std::int64_t result = 1;
  for (int i = 0; i < exponent; ++i) result *= 10;
  return result;
}

// `value` (1 <= value < 1000) to 3 significant figures, trailing zeros and point dropped.
std::string three_significant(double value) {
  const int decimals = value >= 100.0 ? 0 : value >= 10.0 ? 1 : 2;
  return strip_zeros(fixed_point(detail::round_to_int64(value * static_cast<double>(power_of_ten(decimals))), decimals));
}

}  // namespace

std::string format_decimal(double value, int max_decimals) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "infinity" : "-infinity";
  max_decimals = max_decimals < 0 ? 0 : max_decimals > 9 ? 9 : max_decimals;
  const double scaled = detail::round_half_away(value * static_cast<double>(power_of_ten(max_decimals)));
  if (std::fabs(scaled) >= 9e18) return std::to_string(static_cast<long long>(value));
  const std::string text = strip_zeros(fixed_point(static_cast<std::int64_t>(scaled), max_decimals));
  return text == "-0" ? "0" : text;
}

std::string format_score10(double score10_displayed) {
  return fixed_point(detail::round_to_int64(score10_displayed * 10.0), 1);
}

std::string format_gbp(std::int64_t pounds) {
  if (pounds < 0) return std::string("-").append(format_gbp(-pounds));
  return "£" + group_thousands(std::to_string(pounds));
}

std::string format_money_short(double pounds) {
  if (!std::isfinite(pounds)) return "—";
  if (pounds < 0) return std::string("-").append(format_money_short(-pounds));
  if (pounds < 0.5) return "£0";
  // Round to 3 significant figures first, so 999.6m becomes £1bn rather than £1000m. The power of ten is found
  // by multiplying (exact for these powers), not with log10 and pow, which are libc calls in WebAssembly.
  double magnitude = 1.0;  // 10^floor(log10(pounds))
  while (magnitude * 10.0 <= pounds) magnitude *= 10.0;
  while (magnitude > pounds) magnitude /= 10.0;
  const double scale = magnitude >= 100.0 ? magnitude / 100.0 : 1.0 / (100.0 / magnitude);
  const double rounded = detail::round_half_away(pounds / scale) * scale;
  struct Unit {
    double size;
    const char* suffix;
  };
  static constexpr Unit kUnits[] = {{1e9, "bn"}, {1e6, "m"}, {1e3, "k"}, {1.0, ""}};
  for (const Unit& unit : kUnits) {
    if (rounded >= unit.size * 0.9995) return detail::concat({"£", three_significant(rounded / unit.size), unit.suffix});
  }
  return detail::concat({"£", three_significant(rounded)});
}

std::string format_employees_k(std::int64_t thousands) {
  if (thousands >= 1000) return detail::concat({three_significant(static_cast<double>(thousands) / 1000.0), "m"});
  return detail::concat({std::to_string(thousands), "k"});
}

std::string format_count(double value) {
  const std::int64_t rounded = detail::round_to_int64(value);
  if (rounded < 0) return std::string("-").append(group_thousands(std::to_string(-rounded)));
  return group_thousands(std::to_string(rounded));
}

std::string format_importance(std::uint16_t im_hundredths) {
  // Integer rounding on the two published decimals: 3.85 is 3.9, as on the published page, while the
  // double 3.85 would print as 3.8.
  const int tenths = (im_hundredths + 5) / 10;
  return fixed_point(tenths, 1);
}

std::string format_percent(int percent) { return detail::concat({std::to_string(percent), "%"}); }

std::string rank_sentence(int rank_percent, int rank_set_size) {
  return detail::concat({"Higher exposure than ", format_percent(rank_percent), " of the ",
                         std::to_string(rank_set_size), " UK occupations we scored."});
}

std::string can_do_sentence(int can_do, int total) {
  return detail::concat({std::to_string(can_do), " of ", std::to_string(total), total == 1 ? " task" : " tasks",
                         " in this role ", can_do == 1 ? "is a thing" : "are things", " an AI can already do today."});
}

std::string_view ashe_marker_text(AsheMarker marker) {
  switch (marker) {
    case AsheMarker::Published: return "";
    case AsheMarker::Unreliable: return "not published: sample too small";
    case AsheMarker::Disclosive: return "not published: would identify an employer";
    case AsheMarker::NotApplicable: return "not published: not applicable";
    case AsheMarker::Blank: return "not published";
  }
  return "not published";
}

std::string_view band_name(Band band) {
  switch (band) {
    case Band::Minimal: return "Minimal";
    case Band::Low: return "Low";
    case Band::Moderate: return "Moderate";
    case Band::High: return "High";
    case Band::VeryHigh: return "Very high";
  }
  return "Minimal";
}

std::string_view band_key(Band band) {
  switch (band) {
    case Band::Minimal: return "minimal";
    case Band::Low: return "low";
    case Band::Moderate: return "moderate";
    case Band::High: return "high";
    case Band::VeryHigh: return "very_high";
  }
  return "minimal";
}

std::string_view band_range_text(Band band) {
  switch (band) {
    case Band::Minimal: return "under 2";
    case Band::Low: return "2 to 4";
    case Band::Moderate: return "4 to 6";
    case Band::High: return "6 to 8";
    case Band::VeryHigh: return "8 and over";
  }
  return "under 2";
}

std::string_view band_meaning(Band band) {
  switch (band) {
    case Band::Minimal:
      return "Little of this role's work, weighted by how central each task is, is work a language model can do "
             "on its own today. What remains leans on being there in person, on physical skill, on care for "
             "people or on judgement that rests on context no prompt carries.";
    case Band::Low:
      return "A language model can take on some of this role's tasks, but they are a minority of the work. Most "
             "of the job still rests on presence, hands-on skill or judgement about people and situations.";
    case Band::Moderate:
      return "A sizeable share of this role's work is text, numbers or structured information that a language "
             "model can already handle. The rest depends on people, places or accountable decisions.";
    case Band::High:
      return "Most of this role's tasks are ones a language model can already do in about half the time or "
             "less. The work that stays human is the part that carries responsibility, relationships or presence.";
    case Band::VeryHigh:
      return "Almost every task in this role is one a language model can already do in about half the time or "
             "less. The role is unlikely to vanish, but what a day in it looks like is changing fast.";
  }
  return "";
}

std::string_view band_advice(Band band) {
  switch (band) {
    case Band::Minimal:
      return "Nothing here is urgent, but the tools keep improving. Learn enough to use AI for the paperwork "
             "around your role; people in low-exposure jobs who can also direct AI are rare and valued.";
    case Band::Low:
      return "Pick the few tasks a model can already do, such as drafting, summarising or looking things up, "
             "and hand them over. Keep investing in the parts of the job that depend on you being there.";
    case Band::Moderate:
      return "Expect the mix of your work to shift. Try AI on the tasks marked \"AI can do this\" now, and move "
             "your time towards the judgement and people work it frees up.";
    case Band::High:
      return "Treat AI as part of the job: learn to direct it, check its output and take responsibility for the "
             "result. The people who adapt first set how the role changes.";
    case Band::VeryHigh:
      return "Your work is where AI is landing first. Make yourself the person who runs the tools well, owns the "
             "quality of what they produce and understands the customers behind the tasks.";
  }
  return "";
}

}  // namespace aiexp
