// Every display string of a figure, SCORING.md section 4. The CLI, the page and the widget all take their
// text from here, so they cannot disagree; JavaScript formats nothing numeric.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "aiexp/bundle.h"
#include "aiexp/score.h"

namespace aiexp {

// A plain decimal rounded to at most `max_decimals` (0-9) places, trailing zeros dropped: 0.35 -> "0.35",
// 1.0 -> "1", 2.5e-7 -> "0". Integer arithmetic only (no printf), exact for |value| < 1e9.
std::string format_decimal(double value, int max_decimals);

// A headline already rounded by displayed_score10: "1.2", "10.0", "0.0".
std::string format_score10(double score10_displayed);

// Pounds with thousands separators: "£90,081".
std::string format_gbp(std::int64_t pounds);

// Money to 3 significant figures with a unit, trailing zeros dropped: "£649m", "£1.42bn", "£12m", "£950k".
std::string format_money_short(double pounds);

// Employees from ASHE thousands: "60k", "213k"; a million or more as "1.2m" (2 significant decimals at most).
std::string format_employees_k(std::int64_t thousands);

// A whole number with thousands separators: "24,575,000".
std::string format_count(double value);

// O*NET importance to one decimal, rounded half up on the published two decimals: 385 -> "3.9".
std::string format_importance(std::uint16_t im_hundredths);

// "61%".
// What a figure shows where there is none: not scored, not published.
inline constexpr const char* kNotScored = "—";

std::string format_percent(int percent);

// "Higher exposure than 61% of the 376 UK occupations we scored."
std::string rank_sentence(int rank_percent, int rank_set_size);

// "2 of 17 tasks in this role are things an AI can already do today."
std::string can_do_sentence(int can_do, int total);

// Why ASHE gives no figure: "not published: sample too small" and the like.
std::string_view ashe_marker_text(AsheMarker marker);

// "Minimal", "Low", "Moderate", "High", "Very high".
std::string_view band_name(Band band);
// The band's stable key, what styles and code select it by: "minimal", "low", "moderate", "high", "very_high".
std::string_view band_key(Band band);
// The scores the band covers, as a legend words them: "under 2", "2 to 4", ..., "8 and over".
std::string_view band_range_text(Band band);
// What the score means, and what to do now: the two texts shown under the headline.
std::string_view band_meaning(Band band);
std::string_view band_advice(Band band);

}  // namespace aiexp
