// Display strings (core/src/format.cpp), SCORING.md section 4.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <random>

#include "../../core/src/rounding.h"
#include "aiexp/format.h"

using namespace aiexp;

TEST_CASE("wage exposure is written to 3 significant figures with m and bn", "[format][spec]") {
  CHECK(format_money_short(60000.0 * 90081.0 * 0.12) == "£649m");
  CHECK(format_money_short(213000.0 * 55502.0 * 0.12) == "£1.42bn");
  CHECK(format_money_short(999'600'000.0) == "£1bn");
  CHECK(format_money_short(12'000'000.0) == "£12m");
  CHECK(format_money_short(12'340'000.0) == "£12.3m");
  CHECK(format_money_short(950'000.0) == "£950k");
  CHECK(format_money_short(1'234.0) == "£1.23k");
  CHECK(format_money_short(512.0) == "£512");
  CHECK(format_money_short(0.0) == "£0");
  CHECK(format_money_short(142'600'000'000.0) == "£143bn");
}

TEST_CASE("pounds carry thousands separators", "[format]") {
  CHECK(format_gbp(90081) == "£90,081");
  CHECK(format_gbp(55502) == "£55,502");
  CHECK(format_gbp(1234567) == "£1,234,567");
  CHECK(format_gbp(999) == "£999");
  CHECK(format_gbp(0) == "£0");
}

TEST_CASE("employees are written in thousands as ASHE gives them", "[format][spec]") {
  CHECK(format_employees_k(60) == "60k");
  CHECK(format_employees_k(213) == "213k");
  CHECK(format_employees_k(1234) == "1.23m");
  CHECK(format_employees_k(24575) == "24.6m");
}

TEST_CASE("importance rounds half up on the published two decimals", "[format][spec]") {
  CHECK(format_importance(385) == "3.9");  // the double 3.85 would print 3.8
  CHECK(format_importance(419) == "4.2");
  CHECK(format_importance(410) == "4.1");
  CHECK(format_importance(404) == "4.0");
  CHECK(format_importance(368) == "3.7");
  CHECK(format_importance(500) == "5.0");
  CHECK(format_importance(100) == "1.0");
}

TEST_CASE("headline scores have one decimal", "[format]") {
  CHECK(format_score10(1.2) == "1.2");
  CHECK(format_score10(9.4) == "9.4");
  CHECK(format_score10(10.0) == "10.0");
  CHECK(format_score10(0.0) == "0.0");
}

TEST_CASE("decimals are written without trailing zeros and without printf", "[format]") {
  CHECK(format_decimal(0.35, 6) == "0.35");
  CHECK(format_decimal(1.0, 6) == "1");
  CHECK(format_decimal(0.1234567, 6) == "0.123457");
  CHECK(format_decimal(-0.5, 2) == "-0.5");
  CHECK(format_decimal(-0.0000001, 3) == "0");
  CHECK(format_decimal(2.5, 0) == "3");
}

TEST_CASE("sentences read naturally", "[format][spec]") {
  CHECK(rank_sentence(61, 379) == "Higher exposure than 61% of the 379 UK occupations we scored.");
  CHECK(can_do_sentence(2, 17) == "2 of 17 tasks in this role are things an AI can already do today.");
  CHECK(can_do_sentence(1, 1) == "1 of 1 task in this role is a thing an AI can already do today.");
  CHECK(ashe_marker_text(AsheMarker::Unreliable) == "not published: sample too small");
}

TEST_CASE("every band has a name and two texts", "[format]") {
  for (Band band : {Band::Minimal, Band::Low, Band::Moderate, Band::High, Band::VeryHigh}) {
    CHECK_FALSE(band_name(band).empty());
    CHECK(band_meaning(band).size() > 40);
    CHECK(band_advice(band).size() > 40);
  }
  CHECK(band_name(Band::VeryHigh) == "Very high");
}

TEST_CASE("every band has a stable key and the range of scores it covers", "[format]") {
  const Band bands[] = {Band::Minimal, Band::Low, Band::Moderate, Band::High, Band::VeryHigh};
  const char* keys[] = {"minimal", "low", "moderate", "high", "very_high"};
  const char* ranges[] = {"under 2", "2 to 4", "4 to 6", "6 to 8", "8 and over"};
  for (std::size_t i = 0; i < 5; ++i) {
    CHECK(band_key(bands[i]) == keys[i]);
    CHECK(band_range_text(bands[i]) == ranges[i]);
  }
}

TEST_CASE("rounding half away from zero agrees with std::round everywhere", "[format]") {
  const double special[] = {0.0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, 0.49999999999999994, -0.49999999999999994,
                            4503599627370495.5, 4503599627370497.0, 1e300, -1e300,
                            std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity(),
                            std::numeric_limits<double>::denorm_min(), 12.0 * 0.35 * 100.0};
  for (double x : special) {
    CAPTURE(x);
    CHECK(std::signbit(detail::round_half_away(x)) == std::signbit(std::round(x)));
    CHECK(detail::round_half_away(x) == std::round(x));
  }
  CHECK(std::isnan(detail::round_half_away(std::numeric_limits<double>::quiet_NaN())));
  std::mt19937_64 random(20261123);
  std::uniform_real_distribution<double> wide(-1e7, 1e7);
  std::uniform_int_distribution<int> halves(-20000, 20000);
  for (int i = 0; i < 200000; ++i) {
    const double x = i % 2 ? wide(random) : halves(random) / 2.0;  // every other one exactly on a half
    if (detail::round_half_away(x) != std::round(x)) FAIL("differs at " << x);
  }
}

TEST_CASE("small and boundary amounts keep three significant figures", "[format]") {
  CHECK(format_money_short(0.5) == "£0.5");
  CHECK(format_money_short(1.234) == "£1.23");
  CHECK(format_money_short(99.95) == "£100");
  CHECK(format_money_short(999.5) == "£1k");
  CHECK(format_money_short(1e12) == "£1000bn");
  CHECK(format_money_short(-2'500'000.0) == "-£2.5m");
}
