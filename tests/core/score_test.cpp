// Scores of occupations and unit groups (core/src/score.cpp), SCORING.md sections 2 to 4.
#include <algorithm>
#include <cmath>
#include <random>
#include <sstream>

#include <catch2/catch.hpp>

#include "aiexp/score.h"
#include "test_data.h"

using namespace aiexp;
using aiexp::test::check_values;
using aiexp::test::committed_bundle;

namespace {

std::uint32_t unit_group(const Bundle& bundle, const std::string& soc) {
  const auto index = bundle.find_unit_group(soc);
  REQUIRE(index.has_value());
  return *index;
}

std::uint32_t onet(const Bundle& bundle, const std::string& code) {
  const auto index = bundle.find_onet(code);
  REQUIRE(index.has_value());
  return *index;
}

struct PaperRow {
  std::string code;
  std::array<double, 6> values;  // gpt4 alpha, beta, zeta, human alpha, beta, zeta
};

std::vector<PaperRow> paper_ratings() {
  std::istringstream in(aiexp::test::read_text(aiexp::test::fixtures_dir() / "paper_occ_level.csv"));
  std::string line;
  std::getline(in, line);  // header
  std::vector<PaperRow> rows;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    PaperRow row;
    std::getline(fields, row.code, ',');
    for (double& value : row.values) {
      std::string cell;
      std::getline(fields, cell, ',');
      value = std::stod(cell);
    }
    rows.push_back(row);
  }
  return rows;
}

}  // namespace

TEST_CASE("the core weighting reproduces the paper's GPT-4 ratings for all 923 occupations", "[score][spec]") {
  const Bundle& bundle = committed_bundle();
  Scorer scorer(bundle);
  const auto rows = paper_ratings();
  REQUIRE(rows.size() == 923);
  REQUIRE(bundle.onets.size() == 923);
  for (const PaperRow& row : rows) {
    INFO(row.code);
    const OccupationFigures& figures = scorer.occupations()[onet(bundle, row.code)];
    CHECK(figures.alpha01() == Approx(row.values[0]).margin(1e-9));
    CHECK(figures.beta01() == Approx(row.values[1]).margin(1e-9));
    CHECK(figures.zeta01() == Approx(row.values[2]).margin(1e-9));
  }
}

TEST_CASE("the human labels reproduce the paper's human ratings for all 923 occupations", "[score][spec]") {
  const Bundle& bundle = committed_bundle();
  Scorer scorer(bundle);
  Assumptions human;
  human.label_source = LabelSource::Human;
  REQUIRE(scorer.set(human).ok());
  for (const PaperRow& row : paper_ratings()) {
    INFO(row.code);
    const OccupationFigures& figures = scorer.occupations()[onet(bundle, row.code)];
    CHECK(figures.alpha01() == Approx(row.values[3]).margin(1e-9));
    CHECK(figures.beta01() == Approx(row.values[4]).margin(1e-9));
    CHECK(figures.zeta01() == Approx(row.values[5]).margin(1e-9));
  }
}

TEST_CASE("1137 and 2132 give the published headline, direct, with tools and wage exposure", "[score][spec]") {
  const Bundle& bundle = committed_bundle();
  Scorer scorer(bundle);
  for (const auto& expected : check_values()["unit_groups"]) {
    const std::string soc = expected["soc"];
    INFO(soc);
    const UnitGroupFigures& figures = scorer.unit_groups()[unit_group(bundle, soc)];
    REQUIRE(figures.scored);
    CHECK(figures.alpha01 == Approx(expected["alpha"].get<double>()).margin(1e-12));
    CHECK(figures.zeta01 == Approx(expected["zeta"].get<double>()).margin(1e-12));
    CHECK(figures.score01 == Approx(figures.alpha01).margin(1e-15));  // default e1 = 1, e2 = 0
    CHECK(figures.score10_displayed == Approx(1.2).margin(1e-12));
    CHECK(figures.band == Band::Minimal);
    REQUIRE(figures.has_wage_exposure);
    // 60,000 x 90,081 x 0.12 = 648,583,200 exactly: the displayed score, not the unrounded one.
    CHECK(figures.wage_exposure_gbp == Approx(expected["wage_exposure_gbp"].get<double>()).margin(0.5));
  }
}

TEST_CASE("importance weights give 11-3021.00 the alpha and zeta SCORING.md states", "[score][spec]") {
  const Bundle& bundle = committed_bundle();
  Scorer scorer(bundle);
  Assumptions importance;
  importance.weights = WeightScheme::Importance;
  REQUIRE(scorer.set(importance).ok());
  const auto& expected = check_values()["onet_11_3021"]["importance_weights"];
  const double tolerance = expected["tolerance"];
  const OccupationFigures& figures = scorer.occupations()[onet(bundle, "11-3021.00")];
  CHECK(figures.alpha01() == Approx(expected["alpha"].get<double>()).margin(tolerance));
  CHECK(figures.zeta01() == Approx(expected["zeta"].get<double>()).margin(tolerance));
  const UnitGroupFigures& group = scorer.unit_groups()[unit_group(bundle, "1137")];
  CHECK(group.score10_displayed == Approx(1.2).margin(1e-12));
  CHECK(displayed_score10(group.zeta01) == Approx(9.4).margin(1e-12));
}

TEST_CASE("exact wage rounding uses the unrounded score", "[score]") {
  const Bundle& bundle = committed_bundle();
  Scorer scorer(bundle);
  Assumptions exact;
  exact.wage_rounding = WageRounding::Exact;
  REQUIRE(scorer.set(exact).ok());
  const UnitGroupFigures& figures = scorer.unit_groups()[unit_group(bundle, "1137")];
  CHECK(figures.wage_exposure_gbp == Approx(60000.0 * 90081.0 * (4.0 / 33.0)).margin(1e-3));
}

TEST_CASE("at least 370 unit groups have a score and an ASHE figure", "[score][spec]") {
  Scorer scorer(committed_bundle());
  const auto& coverage = check_values()["coverage"];
  CHECK(scorer.totals().unit_groups == coverage["unit_groups"].get<int>());
  CHECK(scorer.totals().rank_set >= coverage["min_scored_with_ashe"].get<int>());
  CHECK(scorer.totals().rank_set <= coverage["ashe_either_published"].get<int>());
}

TEST_CASE("rank percent agrees with sorting the rank set", "[score][property]") {
  const Bundle& bundle = committed_bundle();
  Scorer scorer(bundle);
  std::mt19937 random(7);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  for (int round = 0; round < 20; ++round) {
    Assumptions a;
    a.e1 = unit(random);
    a.e2 = unit(random);
    a.weights = static_cast<WeightScheme>(round % 3);
    a.label_source = static_cast<LabelSource>((round / 3) % 3);
    a.bridge = round % 2 ? BridgeMode::Blend : BridgeMode::Modal;
    REQUIRE(scorer.set(a).ok());
    std::vector<double> rank_set;
    for (const UnitGroupFigures& figures : scorer.unit_groups()) {
      if (figures.in_rank_set) rank_set.push_back(figures.score01);
    }
    std::sort(rank_set.begin(), rank_set.end());
    REQUIRE(static_cast<int>(rank_set.size()) == scorer.totals().rank_set);
    for (const UnitGroupFigures& figures : scorer.unit_groups()) {
      if (!figures.scored) continue;
      const auto lower = std::count_if(rank_set.begin(), rank_set.end(), [&](double s) { return s < figures.score01; });
      CHECK(figures.lower_count == lower);
      CHECK(figures.rank_percent ==
            static_cast<int>(std::lround(100.0 * static_cast<double>(lower) / static_cast<double>(rank_set.size()))));
    }
  }
}

TEST_CASE("every score lies in [0, 1] and alpha <= beta <= zeta", "[score][property]") {
  const Bundle& bundle = committed_bundle();
  Scorer scorer(bundle);
  for (LabelSource source : kLabelSources) {
    for (int scheme = 0; scheme < kWeightSchemeCount; ++scheme) {
      Assumptions a;
      a.label_source = source;
      a.weights = static_cast<WeightScheme>(scheme);
      a.e2 = 0.37;
      REQUIRE(scorer.set(a).ok());
      for (const OccupationFigures& figures : scorer.occupations()) {
        REQUIRE(figures.scored());
        CHECK(figures.alpha01() >= 0.0);
        CHECK(figures.alpha01() <= figures.beta01());
        CHECK(figures.beta01() <= figures.zeta01());
        CHECK(figures.zeta01() <= 1.0 + 1e-15);
        const double s = figures.score01(a.e1, a.e2);
        CHECK((s >= 0.0 && s <= 1.0 + 1e-15));
      }
      for (const UnitGroupFigures& figures : scorer.unit_groups()) {
        if (!figures.scored) continue;
        CHECK(figures.alpha01 <= figures.score01 + 1e-15);  // e1 = 1 here: S between alpha and zeta
        CHECK(figures.score01 <= figures.zeta01 + 1e-15);
      }
    }
  }
}

TEST_CASE("raising e2 never lowers a score", "[score][property]") {
  const Bundle& bundle = committed_bundle();
  Scorer scorer(bundle);
  std::vector<double> previous(bundle.unit_groups.size(), -1.0);
  for (int step = 0; step <= 10; ++step) {
    Assumptions a;
    a.e1 = 0.6;
    a.e2 = step / 10.0;
    REQUIRE(scorer.set(a).ok());
    for (std::size_t g = 0; g < previous.size(); ++g) {
      const UnitGroupFigures& figures = scorer.unit_groups()[g];
      if (!figures.scored) continue;
      CHECK(figures.score01 >= previous[g] - 1e-15);
      previous[g] = figures.score01;
    }
  }
}

TEST_CASE("relabelling a task from E0 to E1 never lowers its occupation", "[score][property]") {
  const Bundle& bundle = committed_bundle();
  Scorer scorer(bundle);
  std::mt19937 random(11);
  const auto& labels = bundle.tasks.label[0];
  int checked = 0;
  for (std::uint32_t t = 0; t < bundle.tasks.size() && checked < 300; t += 1 + static_cast<std::uint32_t>(random() % 97)) {
    if (labels[t] != Label::E0) continue;
    const std::uint32_t owner = bundle.tasks.onet[t];
    REQUIRE(scorer.set(Assumptions{}).ok());
    const double before = scorer.occupations()[owner].score01(1.0, 0.0);
    Assumptions a;
    a.overrides.push_back({bundle.tasks.id[t], Label::E1, std::nullopt});
    REQUIRE(scorer.set(a).ok());
    const double after = scorer.occupations()[owner].score01(1.0, 0.0);
    CHECK(after > before);
    ++checked;
  }
  CHECK(checked > 50);
}

TEST_CASE("weight 0 on every task but one gives that task's value", "[score][property]") {
  const Bundle& bundle = committed_bundle();
  Scorer scorer(bundle);
  const std::uint32_t occupation = onet(bundle, "11-3021.00");
  const OnetOccupation& o = bundle.onets[occupation];
  for (std::uint32_t keep = o.first_task; keep < o.first_task + o.task_count; ++keep) {
    Assumptions a;
    a.e1 = 0.9;
    a.e2 = 0.4;
    for (std::uint32_t t = o.first_task; t < o.first_task + o.task_count; ++t) {
      if (t != keep) a.overrides.push_back({bundle.tasks.id[t], std::nullopt, 0.0});
    }
    REQUIRE(scorer.set(a).ok());
    const Label label = bundle.tasks.label[0][keep];
    const double expected = label == Label::E1 ? 0.9 : label == Label::E2 ? 0.4 : 0.0;
    CHECK(scorer.occupations()[occupation].score01(a.e1, a.e2) == Approx(expected).margin(1e-12));
  }
}

TEST_CASE("excluding every task of an occupation unscores the unit groups that rest on it alone", "[score]") {
  const Bundle& bundle = committed_bundle();
  Scorer scorer(bundle);
  const OnetOccupation& o = bundle.onets[onet(bundle, "11-3021.00")];
  Assumptions a;
  for (std::uint32_t t = o.first_task; t < o.first_task + o.task_count; ++t) {
    a.overrides.push_back({bundle.tasks.id[t], std::nullopt, 0.0});
  }
  const int scored_before = scorer.totals().scored;
  REQUIRE(scorer.set(a).ok());
  CHECK_FALSE(scorer.unit_groups()[unit_group(bundle, "1137")].scored);
  CHECK_FALSE(scorer.unit_groups()[unit_group(bundle, "2132")].scored);
  CHECK(scorer.totals().scored < scored_before);
  // Clearing the overrides restores everything.
  REQUIRE(scorer.set(Assumptions{}).ok());
  CHECK(scorer.unit_groups()[unit_group(bundle, "1137")].scored);
  CHECK(scorer.totals().scored == scored_before);
}

TEST_CASE("invalid assumptions are rejected with a named error and change nothing", "[score]") {
  const Bundle& bundle = committed_bundle();
  Scorer scorer(bundle);
  const double before = scorer.unit_groups()[unit_group(bundle, "1137")].score01;
  const auto rejected = [&](Assumptions a, ErrorCode code) {
    const Status status = scorer.set(a);
    REQUIRE_FALSE(status.ok());
    CHECK(status.error().code == code);
    CHECK(scorer.assumptions() == Assumptions{});
    CHECK(scorer.unit_groups()[unit_group(bundle, "1137")].score01 == before);
  };
  Assumptions a;
  a.e1 = std::nan("");
  rejected(a, ErrorCode::InvalidLabelValue);
  a = {};
  a.e2 = 1.5;
  rejected(a, ErrorCode::InvalidLabelValue);
  a = {};
  a.e2 = -0.1;
  rejected(a, ErrorCode::InvalidLabelValue);
  a = {};
  a.e1 = INFINITY;
  rejected(a, ErrorCode::InvalidLabelValue);
  a = {};
  a.overrides.push_back({123456789, Label::E1, std::nullopt});
  rejected(a, ErrorCode::UnknownTask);
  a = {};
  a.overrides.push_back({968, std::nullopt, -1.0});
  rejected(a, ErrorCode::InvalidWeight);
  a = {};
  a.overrides.push_back({968, std::nullopt, std::nan("")});
  rejected(a, ErrorCode::InvalidWeight);
  a = {};
  a.overrides.push_back({968, Label::E1, std::nullopt});
  a.overrides.push_back({968, Label::E0, std::nullopt});
  rejected(a, ErrorCode::InvalidState);
}

TEST_CASE("the blended bridge weights ISCO-08 codes by their share of index entries", "[score]") {
  const Bundle& bundle = committed_bundle();
  Scorer scorer(bundle);
  Assumptions blend;
  blend.bridge = BridgeMode::Blend;
  REQUIRE(scorer.set(blend).ok());
  for (std::uint32_t g = 0; g < bundle.unit_groups.size(); ++g) {
    double total = 0.0;
    for (const auto& entry : scorer.bridge(g)) total += entry.weight;
    if (!scorer.bridge(g).empty()) CHECK(total == Approx(1.0).margin(1e-12));
  }
  // 1137: 42 entries 1330, 2 entries 2519, 1 entry 2523; its blended score differs from the modal one.
  const std::uint32_t g = unit_group(bundle, "1137");
  CHECK(scorer.bridge(g).size() > 1);
  REQUIRE(scorer.set(Assumptions{}).ok());
  CHECK(scorer.bridge(g).size() == 1);
}

TEST_CASE("band boundaries follow the displayed score", "[score]") {
  CHECK(band_for(0.0) == Band::Minimal);
  CHECK(band_for(1.9) == Band::Minimal);
  CHECK(band_for(2.0) == Band::Low);
  CHECK(band_for(3.9) == Band::Low);
  CHECK(band_for(4.0) == Band::Moderate);
  CHECK(band_for(6.0) == Band::High);
  CHECK(band_for(7.9) == Band::High);
  CHECK(band_for(8.0) == Band::VeryHigh);
  CHECK(band_for(10.0) == Band::VeryHigh);
  CHECK(displayed_score10(0.12121) == Approx(1.2).margin(1e-12));
  CHECK(displayed_score10(0.125) == Approx(1.3).margin(1e-12));
  CHECK(displayed_score10(0.19999) == Approx(2.0).margin(1e-12));
}

namespace {

// Every combination of label source, weighting and bridge, each applied with set() on top of `base`: the
// explicit recomputes the sensitivity band must agree with.
std::vector<std::pair<Combination, std::vector<UnitGroupFigures>>> every_combination(const Bundle& bundle,
                                                                                     const Assumptions& base) {
  std::vector<std::pair<Combination, std::vector<UnitGroupFigures>>> results;
  Scorer scorer(bundle);
  for (LabelSource source : kLabelSources) {
    for (WeightScheme scheme : {WeightScheme::Core, WeightScheme::Importance, WeightScheme::Equal}) {
      for (BridgeMode mode : {BridgeMode::Modal, BridgeMode::Blend}) {
        Assumptions a = base;
        a.label_source = source;
        a.weights = scheme;
        a.bridge = mode;
        REQUIRE(scorer.set(a).ok());
        results.push_back({{source, scheme, mode}, {scorer.unit_groups().begin(), scorer.unit_groups().end()}});
      }
    }
  }
  return results;
}

void check_band_against_recomputes(const Bundle& bundle, const Assumptions& assumptions) {
  const auto recomputes = every_combination(bundle, assumptions);
  REQUIRE(recomputes.size() == kCombinationCount);
  Scorer scorer(bundle);
  REQUIRE(scorer.set(assumptions).ok());
  int banded = 0;
  for (std::uint32_t g = 0; g < bundle.unit_groups.size(); ++g) {
    INFO(bundle.unit_groups[g].soc);
    double low = 2.0;
    double high = -1.0;
    Combination at_low;
    Combination at_high;
    for (const auto& [combination, figures] : recomputes) {
      if (!figures[g].scored) continue;
      if (figures[g].score01 < low) low = figures[g].score01, at_low = combination;
      if (figures[g].score01 > high) high = figures[g].score01, at_high = combination;
    }
    const Sensitivity& band = scorer.sensitivity()[g];
    REQUIRE(band.scored == (high >= 0.0));
    if (!band.scored) continue;
    // The band's values come from the label values' linear form: equal to the recomputes to within rounding.
    CHECK(band.min01 == Approx(low).margin(1e-12));
    CHECK(band.max01 == Approx(high).margin(1e-12));
    // Each end names a combination whose recompute gives that end (two combinations may tie within rounding).
    const auto value_at = [&](const Combination& wanted) {
      for (const auto& [combination, figures] : recomputes) {
        if (combination == wanted) return figures[g].scored ? figures[g].score01 : -1.0;
      }
      return -1.0;
    };
    CHECK(value_at(band.at_min) == Approx(low).margin(1e-12));
    CHECK(value_at(band.at_max) == Approx(high).margin(1e-12));
    if (scorer.unit_groups()[g].scored) {  // exactly: the current combination's value is the headline itself
      CHECK(band.min01 <= scorer.unit_groups()[g].score01);
      CHECK(scorer.unit_groups()[g].score01 <= band.max01);
    }
    (void)at_high;
    if (band.max01 > band.min01) ++banded;
  }
  CHECK(banded > 300);  // the choices matter for almost every unit group
}

}  // namespace

TEST_CASE("the sensitivity band is the lowest and highest of the 18 explicit recomputes", "[score][sensitivity]") {
  const Bundle& bundle = committed_bundle();
  SECTION("under the defaults") { check_band_against_recomputes(bundle, Assumptions{}); }
  SECTION("with e2 = 0.5 and e1 = 0.8") {
    Assumptions a;
    a.e1 = 0.8;
    a.e2 = 0.5;
    check_band_against_recomputes(bundle, a);
  }
  SECTION("with task changes: a relabel, a reweight and an exclusion in 1137's occupation") {
    Assumptions a;
    const std::uint32_t it = onet(bundle, "11-3021.00");
    const std::uint32_t first = bundle.onets[it].first_task;
    a.overrides.push_back({bundle.tasks.id[first], Label::E1, std::nullopt});
    a.overrides.push_back({bundle.tasks.id[first + 1], std::nullopt, 5.0});
    a.overrides.push_back({bundle.tasks.id[first + 2], std::nullopt, 0.0});
    check_band_against_recomputes(bundle, a);
  }
}

TEST_CASE("1137's band under the defaults holds its published 1.2", "[score][sensitivity][spec]") {
  const Bundle& bundle = committed_bundle();
  Scorer scorer(bundle);
  const Sensitivity& band = scorer.sensitivity()[unit_group(bundle, "1137")];
  REQUIRE(band.scored);
  CHECK(displayed_score10(band.min01) <= 1.2);
  CHECK(displayed_score10(band.max01) >= 1.2);
  CHECK(band.max01 > band.min01);
}
