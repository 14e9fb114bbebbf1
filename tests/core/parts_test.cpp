// The totals of part of the UK: each SOC 2020 major group, and the unit groups at or above a score threshold,
// checked against sums over the unit groups' own figures.
#include <catch2/catch.hpp>

#include <limits>

#include "aiexp/engine.h"
#include "aiexp/format.h"
#include "aiexp/report.h"
#include "aiexp/score.h"
#include "test_data.h"

using namespace aiexp;

namespace {

// The totals recomputed here, one unit group at a time, over those `include` accepts.
template <typename Include>
UkTotals recount(const Bundle& bundle, const Scorer& scorer, Include include) {
  UkTotals totals;
  double weighted = 0.0;
  for (std::uint32_t g = 0; g < bundle.unit_groups.size(); ++g) {
    if (!include(g)) continue;
    ++totals.unit_groups;
    const UnitGroupFigures& f = scorer.unit_groups()[g];
    if (!f.scored) continue;
    ++totals.scored;
    const UnitGroup& group = bundle.unit_groups[g];
    const double employees = static_cast<double>(group.employees_k.value) * 1000.0;
    if (group.employees_k.published()) {
      totals.employees += employees;
      weighted += employees * f.score10_displayed;
    }
    if (group.employees_k.published() && group.median_pay_gbp.published()) {
      totals.pay_gbp += employees * static_cast<double>(group.median_pay_gbp.value);
      totals.wage_exposure_gbp += f.wage_exposure_gbp;
      ++totals.wage_exposure_groups;
    }
  }
  totals.mean_score10 = totals.employees > 0 ? weighted / totals.employees : 0.0;
  return totals;
}

void check_same(const UkTotals& got, const UkTotals& expected) {
  CHECK(got.unit_groups == expected.unit_groups);
  CHECK(got.scored == expected.scored);
  CHECK(got.employees == Approx(expected.employees));
  // The core weights the exact score, this recount the displayed one: they differ by under 0.05.
  CHECK(got.mean_score10 == Approx(expected.mean_score10).margin(0.05));
  CHECK(got.wage_exposure_gbp == Approx(expected.wage_exposure_gbp));
  CHECK(got.pay_gbp == Approx(expected.pay_gbp));
  CHECK(got.wage_exposure_groups == expected.wage_exposure_groups);
}

}  // namespace

TEST_CASE("the nine major groups' totals add up to the UK's", "[parts]") {
  const Bundle& bundle = test::committed_bundle();
  Scorer scorer(bundle);
  for (const Measure measure : {Measure::Eloundou, Measure::Ilo2025}) {
    INFO(measure_name(measure));
    Assumptions a;
    a.measure = measure;
    REQUIRE(scorer.set(a).ok());
    UkTotals sum;
    double weighted = 0.0;
    for (const MajorGroup& group : bundle.major_groups) {
      INFO("major group " << group.code);
      const UkTotals part = major_group_totals(scorer, group.code);
      check_same(part, recount(bundle, scorer, [&](std::uint32_t g) { return bundle.unit_groups[g].major_group() == group.code; }));
      CHECK(part.unit_groups > 0);
      sum.unit_groups += part.unit_groups;
      sum.scored += part.scored;
      sum.employees += part.employees;
      sum.wage_exposure_gbp += part.wage_exposure_gbp;
      weighted += part.employees * part.mean_score10;
    }
    const UkTotals& uk = scorer.totals();
    CHECK(sum.unit_groups == uk.unit_groups);
    CHECK(sum.scored == uk.scored);
    CHECK(sum.employees == Approx(uk.employees));
    CHECK(sum.wage_exposure_gbp == Approx(uk.wage_exposure_gbp));
    CHECK(weighted / sum.employees == Approx(uk.mean_score10));
  }
  CHECK(major_group_totals(scorer, 0).unit_groups == 0);
}

TEST_CASE("a threshold counts the unit groups whose displayed headline is at least it", "[parts]") {
  const Bundle& bundle = test::committed_bundle();
  Scorer scorer(bundle);
  const UkTotals everyone = totals_at_or_above(scorer, 0.0);
  check_same(everyone, recount(bundle, scorer, [&](std::uint32_t g) { return scorer.unit_groups()[g].scored; }));
  CHECK(everyone.scored == scorer.totals().scored);
  CHECK(everyone.employees == Approx(scorer.totals().employees));
  double highest = 0.0;
  for (const UnitGroupFigures& f : scorer.unit_groups()) if (f.scored) highest = std::max(highest, f.score10_displayed);
  CHECK(totals_at_or_above(scorer, highest + 0.1).scored == 0);
  CHECK(totals_at_or_above(scorer, highest).scored >= 1);
  CHECK(totals_at_or_above(scorer, std::numeric_limits<double>::quiet_NaN()).scored == 0);
  for (const double s : {2.5, 5.0, 7.0}) {
    INFO("threshold " << s);
    const UkTotals part = totals_at_or_above(scorer, s);
    check_same(part, recount(bundle, scorer, [&](std::uint32_t g) {
      return scorer.unit_groups()[g].scored && scorer.unit_groups()[g].score10_displayed >= s - 1e-9;
    }));
    CHECK(part.scored > 0);
    CHECK(part.scored < everyone.scored);
    int members = 0;
    for (const UnitGroupFigures& f : scorer.unit_groups()) members += at_or_above(f, s) ? 1 : 0;
    CHECK(members == part.scored);
  }
  // A threshold written as a decimal the binary double cannot hold exactly still takes the groups shown at it.
  const UkTotals at_07 = totals_at_or_above(scorer, 0.7);
  CHECK(at_07.scored == recount(bundle, scorer, [&](std::uint32_t g) {
          return scorer.unit_groups()[g].scored && scorer.unit_groups()[g].score10_displayed * 10.0 >= 6.5 + 0.5;
        }).scored);
}

TEST_CASE("the engine describes part totals with their pay", "[parts]") {
  Engine engine;
  CHECK(engine.major_group_summaries().empty());
  test::load_everything(engine);
  const std::vector<MajorGroupSummary> groups = engine.major_group_summaries();
  REQUIRE(groups.size() == 9);
  CHECK(groups[0].code == 1);
  CHECK_FALSE(groups[0].title.empty());
  CHECK_FALSE(groups[0].totals.pay_text.empty());
  CHECK(groups[0].totals.pay_text[0] == '\xC2');  // "£"
  for (const MajorGroupSummary& group : groups) {
    INFO("major group " << group.code);
    // The band of the mean as shown: "2.0" is Low, whatever the unrounded mean.
    const double shown = std::stod(group.totals.mean_score_text);
    CHECK(group.totals.band_key == band_key(band_for(shown)));
  }
  CHECK(describe_totals(UkTotals{}).band_key.empty());
  const TotalsView high = engine.totals_at_or_above(6.0);
  CHECK(high.totals.scored > 0);
  CHECK(high.totals.wage_exposure_gbp < high.totals.pay_gbp);
}
