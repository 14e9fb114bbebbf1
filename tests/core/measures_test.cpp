// The measures' names and Spearman's rank agreement (measures.h), and the Scorer's figures under each measure.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <vector>

#include "aiexp/measures.h"
#include "aiexp/score.h"
#include "test_data.h"

using namespace aiexp;

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

TEST_CASE("every measure's name parses back to it; unknown names do not", "[measures]") {
  for (const Measure measure : kMeasures) {
    INFO(measure_name(measure));
    CHECK(parse_measure(measure_name(measure)) == measure);
    CHECK_FALSE(measure_title(measure).empty());
    CHECK_FALSE(measure_about(measure).empty());
  }
  CHECK_FALSE(parse_measure("ilo").has_value());
  CHECK_FALSE(parse_measure("").has_value());
  CHECK(parse_ilo_gradient("Exposed: Gradient 4") == IloGradient::Gradient4);
  CHECK(parse_ilo_gradient("") == IloGradient::None);
  CHECK_FALSE(parse_ilo_gradient("Exposed").has_value());
  CHECK(measure_attribution(Measure::Eloundou).empty());
  CHECK_THAT(std::string(measure_attribution(Measure::Ilo2025)), Catch::Contains("not endorsed by the ILO"));
}

TEST_CASE("Spearman's rank agreement: exact on small cases, ties at their mean rank, missing pairs skipped",
          "[measures]") {
  const std::vector<double> a{1, 2, 3, 4, 5};
  CHECK(spearman(a, std::vector<double>{10, 20, 30, 40, 50}).rho == Approx(1.0));
  CHECK(spearman(a, std::vector<double>{5, 4, 3, 2, 1}).rho == Approx(-1.0));
  // d = (0, 0, 1, -1, 0): rho = 1 - 6 x 2 / (5 x 24) = 0.9 (no ties, so the shortcut holds)
  CHECK(spearman(a, std::vector<double>{1, 2, 4, 3, 5}).rho == Approx(0.9));
  // Ties: b ranks (1.5, 1.5, 3, 4, 5); Pearson of the ranks.
  const RankAgreement tied = spearman(a, std::vector<double>{7, 7, 8, 9, 10});
  CHECK(tied.pairs == 5);
  const double expected = 9.5 / std::sqrt(10.0 * 9.5);
  CHECK(tied.rho == Approx(expected).margin(1e-12));
  // A NaN on either side drops the pair.
  const RankAgreement partial = spearman(std::vector<double>{1, kNaN, 3, 4}, std::vector<double>{1, 2, kNaN, 4});
  CHECK(partial.pairs == 2);
  CHECK(partial.rho == 0.0);  // fewer than 3 pairs
  CHECK(spearman(a, std::vector<double>{3, 3, 3, 3, 3}).rho == 0.0);  // one side constant
}

TEST_CASE("the headline follows the chosen measure: ranks, wage exposure and totals recompute", "[measures][spec]") {
  const Bundle& bundle = test::committed_bundle();
  Scorer scorer(bundle);
  REQUIRE(scorer.has_measures());
  const std::uint32_t g = *bundle.find_unit_group("1137");
  const UkTotals eloundou_totals = scorer.totals();
  for (const Measure measure : {Measure::Ilo2025, Measure::Ilo2023, Measure::Microsoft}) {
    INFO(measure_name(measure));
    Assumptions a;
    a.measure = measure;
    REQUIRE(scorer.set(a).ok());
    const UnitGroupFigures& headline = scorer.unit_groups()[g];
    const UnitGroupFigures& own = scorer.figures(measure)[g];
    CHECK(headline.score01 == own.score01);
    CHECK(headline.rank_percent == own.rank_percent);
    CHECK(headline.wage_exposure_gbp == own.wage_exposure_gbp);
    // Totals over the measure's scored groups, recomputed here from its figures.
    double employees = 0.0;
    double weighted = 0.0;
    double wage = 0.0;
    int scored = 0;
    int rank_set = 0;
    for (std::uint32_t u = 0; u < bundle.unit_groups.size(); ++u) {
      const UnitGroupFigures& f = scorer.figures(measure)[u];
      if (!f.scored) continue;
      ++scored;
      rank_set += f.in_rank_set;
      if (bundle.unit_groups[u].employees_k.published()) {
        const double employees_k = static_cast<double>(bundle.unit_groups[u].employees_k.value);
        employees += employees_k * 1000.0;
        weighted += employees_k * 1000.0 * f.score01 * 10.0;
      }
      if (f.has_wage_exposure) wage += f.wage_exposure_gbp;
      CHECK(f.score10_displayed >= 0.0);
      CHECK(f.score10_displayed <= 10.0);
    }
    CHECK(scorer.totals().scored == scored);
    CHECK(scorer.totals().rank_set == rank_set);
    CHECK(scorer.totals().employees == Approx(employees));
    CHECK(scorer.totals().mean_score10 == Approx(weighted / employees));
    CHECK(scorer.totals().wage_exposure_gbp == Approx(wage));
    CHECK(scorer.totals().wage_exposure_gbp != Approx(eloundou_totals.wage_exposure_gbp));
    // Its agreement with Eloundou is a real correlation over the groups both score.
    const RankAgreement agreement = scorer.agreement(measure);
    CHECK(agreement.pairs > 350);
    CHECK(agreement.rho > 0.0);
    CHECK(agreement.rho < 1.0);
  }
  // The label values shape the Eloundou score only.
  Assumptions ilo;
  ilo.measure = Measure::Ilo2025;
  REQUIRE(scorer.set(ilo).ok());
  const double before = scorer.unit_groups()[g].score01;
  ilo.e2 = 1.0;
  REQUIRE(scorer.set(ilo).ok());
  CHECK(scorer.unit_groups()[g].score01 == before);
  CHECK(scorer.figures(Measure::Eloundou)[g].score01 != scorer.unit_groups()[g].score01);
}

TEST_CASE("another measure needs the details: without them it is refused and nothing changes", "[measures]") {
  // The bundle as the widget first has it: bundle.json alone.
  auto parsed = parse_bundle(test::read_text(test::data_dir() / "bundle.json"));
  REQUIRE(parsed.ok());
  const Bundle bundle = std::move(parsed).value();
  REQUIRE_FALSE(bundle.has_details());
  Scorer scorer(bundle);
  CHECK_FALSE(scorer.has_measures());
  Assumptions a;
  a.measure = Measure::Microsoft;
  const Status status = scorer.set(a);
  REQUIRE_FALSE(status.ok());
  CHECK(status.error().code == ErrorCode::MeasureNotLoaded);
  CHECK(scorer.assumptions().measure == Measure::Eloundou);
  for (const UnitGroupFigures& f : scorer.figures(Measure::Microsoft)) CHECK_FALSE(f.scored);
}
