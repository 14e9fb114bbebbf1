// Who holds the exposed work (core/src/breakdowns.cpp, breakdown_data.cpp), issue 26: the check values with the
// default assumptions, the fallback levels, every breakdown against a recomputation written here from the data under
// several sets of assumptions, the live recompute after one task's relabel, the provenance panels, the CSV and the
// data file's checks.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "aiexp/breakdowns.h"
#include "aiexp/csv.h"
#include "aiexp/engine.h"
#include "aiexp/provenance.h"
#include "test_data.h"

using namespace aiexp;
using aiexp::test::check_values;
using aiexp::test::loaded_engine;
using aiexp::test::read_text;
using Catch::Matchers::Contains;
using Catch::Matchers::EndsWith;
using Catch::Matchers::StartsWith;

namespace {

// One group of a breakdown as this file recomputes it: what the mean is over, and the mean (NaN without one).
struct Cell {
  double weight = 0.0;
  double mean = std::nan("");
};
using Cells = std::map<std::string, Cell>;

Cell finish(double weight, double weighted) {
  return weight > 0.0 ? Cell{weight, weighted / weight} : Cell{0.0, std::nan("")};
}

// The method, written out plainly over the bundle, the breakdowns' data and the unit groups' headlines.
Cells recompute(const Scorer& scorer, const Breakdowns& data, BreakdownKind kind) {
  const Bundle& bundle = scorer.bundle();
  const auto& figures = scorer.unit_groups();
  const auto in_u = [&](std::size_t g) { return figures[g].scored && bundle.unit_groups[g].employees_k.published(); };
  const auto employees = [&](std::size_t g) { return static_cast<double>(bundle.unit_groups[g].employees_k.value) * 1000.0; };
  const auto score10 = [&](std::size_t g) { return figures[g].score01 * 10.0; };
  Cells cells;
  switch (kind) {
    case BreakdownKind::Sex:
    case BreakdownKind::Pattern: {
      const bool sex = kind == BreakdownKind::Sex;
      const auto& splits = sex ? data.sex : data.pattern;
      double w[2] = {0, 0};
      double s[2] = {0, 0};
      for (std::size_t g = 0; g < figures.size(); ++g) {
        if (!in_u(g) || !splits[g].has()) continue;
        const double share = double(splits[g].first_k) / (splits[g].first_k + splits[g].second_k);
        w[0] += employees(g) * share;
        s[0] += employees(g) * share * score10(g);
        w[1] += employees(g) * (1 - share);
        s[1] += employees(g) * (1 - share) * score10(g);
      }
      cells[sex ? "female" : "full_time"] = finish(w[0], s[0]);
      cells[sex ? "male" : "part_time"] = finish(w[1], s[1]);
      break;
    }
    case BreakdownKind::Industry:
      for (const IndustrySection& section : data.industry) {
        double w = 0;
        double s = 0;
        for (const IndustryCell& cell : section.cells) {
          if (!figures[cell.unit_group].scored) continue;
          w += static_cast<double>(cell.people);
          s += static_cast<double>(cell.people) * score10(cell.unit_group);
        }
        cells[section.letter] = finish(w, s);
      }
      break;
    case BreakdownKind::Region: {
      std::map<std::string, std::pair<double, double>> weighted;  // minor group -> (employees, employees x score)
      std::map<std::string, std::pair<double, double>> plain;     // minor group -> (count, sum of scores)
      for (std::size_t g = 0; g < figures.size(); ++g) {
        if (!figures[g].scored) continue;
        const std::string minor = bundle.unit_groups[g].soc.substr(0, 3);
        plain[minor].first += 1;
        plain[minor].second += score10(g);
        if (in_u(g)) {
          weighted[minor].first += employees(g);
          weighted[minor].second += employees(g) * score10(g);
        }
      }
      const RegionTable& table = data.region;
      for (std::size_t r = 0; r < table.regions.size(); ++r) {
        double w = 0;
        double s = 0;
        for (std::size_t m = 0; m < table.minor_groups.size(); ++m) {
          const std::string& minor = table.minor_groups[m];
          if (table.at(m, r) == kNoPeople || !plain.count(minor)) continue;
          const double score = weighted.count(minor) ? weighted[minor].second / weighted[minor].first
                                                     : plain[minor].second / plain[minor].first;
          w += static_cast<double>(table.at(m, r));
          s += static_cast<double>(table.at(m, r)) * score;
        }
        cells[table.regions[r]] = finish(w, s);
      }
      break;
    }
    case BreakdownKind::Pay: {
      struct Group {
        std::int64_t pay;
        std::string soc;
        double employees;
        double score10;
      };
      std::vector<Group> groups;
      for (std::size_t g = 0; g < figures.size(); ++g) {
        if (in_u(g) && bundle.unit_groups[g].median_pay_gbp.published()) {
          groups.push_back({bundle.unit_groups[g].median_pay_gbp.value, bundle.unit_groups[g].soc, employees(g), score10(g)});
        }
      }
      std::sort(groups.begin(), groups.end(), [](const Group& a, const Group& b) {
        return a.pay != b.pay ? a.pay < b.pay : a.soc < b.soc;
      });
      double total = 0;
      for (const Group& group : groups) total += group.employees;
      std::vector<double> w(10, 0.0);
      std::vector<double> s(10, 0.0);
      double running = 0;
      for (const Group& group : groups) {
        const double midpoint = running + group.employees / 2;
        running += group.employees;
        const auto tenth = static_cast<std::size_t>(std::min(9.0, std::floor(10 * midpoint / total)));
        w[tenth] += group.employees;
        s[tenth] += group.employees * group.score10;
      }
      for (std::size_t t = 0; t < 10; ++t) cells[std::to_string(t + 1)] = finish(w[t], s[t]);
      break;
    }
  }
  return cells;
}

// The core's breakdown of `kind` in the same form.
Cells computed(const Scorer& scorer, const Breakdowns& data, BreakdownKind kind) {
  Cells cells;
  switch (kind) {
    case BreakdownKind::Sex:
    case BreakdownKind::Pattern: {
      const SplitBreakdown split = kind == BreakdownKind::Sex ? sex_breakdown(scorer, data) : pattern_breakdown(scorer, data);
      for (const SplitSide& side : split.sides) {
        cells[side.group] = {side.employees, side.employees > 0 ? side.mean_score10 : std::nan("")};
      }
      break;
    }
    case BreakdownKind::Industry:
      for (const IndustryRow& row : industry_breakdown(scorer, data).rows) {
        cells[row.group] = {row.people, row.scored ? row.mean_score10 : std::nan("")};
      }
      break;
    case BreakdownKind::Region:
      for (const RegionRow& row : region_breakdown(scorer, data).rows) {
        cells[row.group] = {row.people, row.scored ? row.mean_score10 : std::nan("")};
      }
      break;
    case BreakdownKind::Pay:
      for (const PayRow& row : pay_breakdown(scorer, data).rows) {
        cells[row.group] = {row.employees, row.scored ? row.mean_score10 : std::nan("")};
      }
      break;
  }
  return cells;
}

void require_same(const Cells& expected, const Cells& actual) {
  REQUIRE(expected.size() == actual.size());
  for (const auto& [group, cell] : expected) {
    INFO(group);
    REQUIRE(actual.count(group) == 1);
    CHECK(actual.at(group).weight == Approx(cell.weight).epsilon(1e-12).margin(1e-6));
    CHECK(std::isnan(actual.at(group).mean) == std::isnan(cell.mean));
    if (!std::isnan(cell.mean)) CHECK(actual.at(group).mean == Approx(cell.mean).margin(1e-9));
  }
}

std::vector<std::string> changed_groups(const Cells& before, const Cells& after) {
  std::vector<std::string> changed;
  for (const auto& [group, cell] : before) {
    const Cell& now = after.at(group);
    const bool same = cell.weight == now.weight && (cell.mean == now.mean || (std::isnan(cell.mean) && std::isnan(now.mean)));
    if (!same) changed.push_back(group);
  }
  return changed;
}

const nlohmann::json& expected() { return check_values()["breakdowns"]; }

}  // namespace

TEST_CASE("with the default assumptions the breakdowns reach the issue's check values", "[breakdowns][spec]") {
  Engine& engine = loaded_engine();
  REQUIRE(engine.set_assumptions(Assumptions{}).ok());
  const double mean_tolerance = expected()["mean_tolerance"];
  const double total_tolerance = expected()["total_tolerance"];
  const double share_tolerance = expected()["share_tolerance"];

  const auto sex = engine.sex_breakdown();
  REQUIRE(sex.ok());
  CHECK(sex.value().unit_groups == expected()["unit_groups"].get<int>());
  for (const SplitSide& side : sex.value().sides) {
    INFO(side.group);
    const auto& want = expected()["sex"][side.group];
    CHECK(side.employees == Approx(want["employees"].get<double>()).epsilon(total_tolerance));
    CHECK(side.mean_score10 == Approx(want["mean_score"].get<double>()).margin(mean_tolerance));
    CHECK(side.high_share == Approx(want["high_share"].get<double>()).margin(share_tolerance));
  }
  CHECK(sex.value().sides[0].mean_score_text == "1.82");
  CHECK(sex.value().sides[0].high_share_text == "8.4%");
  CHECK(sex.value().sides[1].high_share_text == "5.7%");

  const auto pattern = engine.pattern_breakdown();
  REQUIRE(pattern.ok());
  CHECK(pattern.value().unit_groups == expected()["unit_groups"].get<int>());
  for (const SplitSide& side : pattern.value().sides) {
    INFO(side.group);
    CHECK(side.mean_score10 == Approx(expected()["pattern"][side.group]["mean_score"].get<double>()).margin(mean_tolerance));
  }
  // Apportioned, the two sides of either split add up to U's employees.
  CHECK(pattern.value().sides[0].employees + pattern.value().sides[1].employees ==
        Approx(sex.value().sides[0].employees + sex.value().sides[1].employees).epsilon(1e-12));

  const auto industry = engine.industry_breakdown();
  REQUIRE(industry.ok());
  REQUIRE(industry.value().rows.size() == 19);
  for (const auto& [letter, want] : expected()["industry"].items()) {
    INFO(letter);
    const auto row = std::find_if(industry.value().rows.begin(), industry.value().rows.end(),
                                  [&](const IndustryRow& r) { return r.group == letter; });
    REQUIRE(row != industry.value().rows.end());
    const double tolerance = want.contains("tolerance") ? want["tolerance"].get<double>() : mean_tolerance;
    CHECK(row->mean_score10 == Approx(want["mean_score"].get<double>()).margin(tolerance));
  }

  const auto region = engine.region_breakdown();
  REQUIRE(region.ok());
  REQUIRE(region.value().rows.size() == 12);
  for (const auto& [name, want] : expected()["region"].items()) {
    INFO(name);
    const auto row = std::find_if(region.value().rows.begin(), region.value().rows.end(),
                                  [&](const RegionRow& r) { return r.group == name; });
    REQUIRE(row != region.value().rows.end());
    CHECK(row->mean_score10 == Approx(want["mean_score"].get<double>()).margin(mean_tolerance));
  }

  const auto pay = engine.pay_breakdown();
  REQUIRE(pay.ok());
  REQUIRE(pay.value().rows.size() == 10);
  for (const auto& [tenth, want] : expected()["pay"].items()) {
    INFO("tenth " << tenth);
    CHECK(pay.value().rows[std::stoul(tenth) - 1].mean_score10 ==
          Approx(want["mean_score"].get<double>()).margin(mean_tolerance));
  }
  CHECK(pay.value().rows.front().title == "Lowest-paid tenth");
  CHECK(pay.value().rows.back().title == "Highest-paid tenth");
}

TEST_CASE("each unit group's split comes from the nearest level that publishes both sides, counted per level",
          "[breakdowns][spec]") {
  Engine& engine = loaded_engine();
  REQUIRE(engine.set_assumptions(Assumptions{}).ok());
  for (const BreakdownKind kind : {BreakdownKind::Sex, BreakdownKind::Pattern}) {
    const std::string name(breakdown_kind_name(kind));
    INFO(name);
    const auto b = kind == BreakdownKind::Sex ? engine.sex_breakdown() : engine.pattern_breakdown();
    REQUIRE(b.ok());
    const auto want = expected()[name]["levels"].get<std::vector<int>>();
    CHECK(std::vector<int>(b.value().levels.begin(), b.value().levels.end()) == want);
    CHECK(b.value().unsplit_groups == 0);
    int sum = 0;
    for (const int count : b.value().levels) sum += count;
    CHECK(sum == b.value().unit_groups);
  }
  // The rule on the data: a unit group's level is the first of itself, u[:3], u[:2], u[:1] whose jobs give both.
  const Bundle& bundle = *engine.bundle();
  const Breakdowns& data = *engine.breakdowns();
  const std::uint32_t programmers = *bundle.find_unit_group("2134");
  CHECK(data.sex[programmers].level == 0);
  CHECK(data.sex[programmers].first_share() == Approx(51.0 / 335.0).margin(1e-12));  // SOURCES-breakdowns.md
  CHECK_THAT(engine.sex_breakdown().value().levels_text, Contains("its minor group's for 140"));
}

TEST_CASE("every breakdown equals a recomputation from the data under every kind of assumption", "[breakdowns]") {
  Engine& engine = loaded_engine();
  Assumptions human;
  human.label_source = LabelSource::Human;
  Assumptions tools;
  tools.e2 = 0.5;
  tools.e1 = 0.8;
  Assumptions equal;
  equal.weights = WeightScheme::Equal;
  Assumptions blend;
  blend.bridge = BridgeMode::Blend;
  Assumptions changed;
  changed.overrides = {{975, Label::E1, std::nullopt}, {969, std::nullopt, 0.0}};
  Assumptions ilo;
  ilo.measure = Measure::Ilo2025;
  Assumptions exact;
  exact.wage_rounding = WageRounding::Exact;
  exact.weights = WeightScheme::Importance;
  const std::vector<std::pair<const char*, Assumptions>> sets{{"defaults", Assumptions{}}, {"human labels", human},
                                                               {"e1 0.8, e2 0.5", tools},   {"equal weights", equal},
                                                               {"blended bridge", blend},   {"two task changes", changed},
                                                               {"ILO 2025", ilo},           {"importance, exact", exact}};
  for (const auto& [name, assumptions] : sets) {
    INFO(name);
    REQUIRE(engine.set_assumptions(assumptions).ok());
    for (const BreakdownKind kind : kBreakdownKinds) {
      INFO(breakdown_kind_name(kind));
      require_same(recompute(*engine.scorer(), *engine.breakdowns(), kind),
                   computed(*engine.scorer(), *engine.breakdowns(), kind));
    }
  }
  // And the assumptions move the figures: another measure gives other means.
  REQUIRE(engine.set_assumptions(Assumptions{}).ok());
  const double eloundou = engine.industry_breakdown().value().rows[9].mean_score10;
  REQUIRE(engine.set_assumptions(ilo).ok());
  CHECK(engine.industry_breakdown().value().rows[9].mean_score10 != Approx(eloundou).margin(0.01));
  REQUIRE(engine.set_assumptions(Assumptions{}).ok());
}

TEST_CASE("relabelling one task changes exactly the breakdown cells that hold the unit groups it reaches",
          "[breakdowns]") {
  Engine& engine = loaded_engine();
  REQUIRE(engine.set_assumptions(Assumptions{}).ok());
  const Bundle& bundle = *engine.bundle();
  const Breakdowns& data = *engine.breakdowns();
  std::vector<double> before_scores;
  for (const UnitGroupFigures& f : engine.scorer()->unit_groups()) before_scores.push_back(f.score01);
  std::map<BreakdownKind, Cells> before;
  for (const BreakdownKind kind : kBreakdownKinds) before[kind] = computed(*engine.scorer(), data, kind);

  // Task 975 of 11-3021.00 (Computer and Information Systems Managers), E0 under GPT-4's labels, made E1.
  Assumptions relabelled;
  relabelled.overrides = {{975, Label::E1, std::nullopt}};
  REQUIRE(engine.set_assumptions(relabelled).ok());
  std::set<std::uint32_t> moved;
  for (std::uint32_t g = 0; g < bundle.unit_groups.size(); ++g) {
    if (engine.scorer()->unit_groups()[g].score01 != before_scores[g]) moved.insert(g);
  }
  REQUIRE(moved.count(*bundle.find_unit_group("1137")) == 1);
  REQUIRE(moved.count(*bundle.find_unit_group("2132")) == 1);
  REQUIRE(moved.size() < 20);

  // Where those unit groups sit in each breakdown, from the breakdowns' data.
  const auto in_u = [&](std::uint32_t g) {
    return engine.scorer()->unit_groups()[g].scored && bundle.unit_groups[g].employees_k.published();
  };
  std::set<std::string> want_industry;
  for (const IndustrySection& section : data.industry) {
    for (const IndustryCell& cell : section.cells) {
      if (moved.count(cell.unit_group)) want_industry.insert(section.letter);
    }
  }
  std::set<std::string> moved_minors;
  for (const std::uint32_t g : moved) moved_minors.insert(bundle.unit_groups[g].soc.substr(0, 3));
  std::set<std::string> want_region;
  const RegionTable& table = data.region;
  for (std::size_t m = 0; m < table.minor_groups.size(); ++m) {
    if (!moved_minors.count(table.minor_groups[m])) continue;
    for (std::size_t r = 0; r < table.regions.size(); ++r) {
      if (table.at(m, r) != kNoPeople) want_region.insert(table.regions[r]);
    }
  }
  // The tenth of each moved unit group: the pay order does not depend on the scores.
  std::set<std::string> want_pay;
  double total = 0;
  for (const std::uint32_t g : data.by_median_pay) {
    if (in_u(g)) total += static_cast<double>(bundle.unit_groups[g].employees_k.value);
  }
  double running = 0;
  for (const std::uint32_t g : data.by_median_pay) {
    if (!in_u(g)) continue;
    const auto employees = static_cast<double>(bundle.unit_groups[g].employees_k.value);
    const int tenth = std::min(9, static_cast<int>(10 * (running + employees / 2) / total));
    running += employees;
    if (moved.count(g)) want_pay.insert(std::to_string(tenth + 1));
  }
  bool any_in_u = false;
  for (const std::uint32_t g : moved) any_in_u = any_in_u || in_u(g);
  REQUIRE(any_in_u);

  const auto changed = [&](BreakdownKind kind) {
    const std::vector<std::string> groups = changed_groups(before[kind], computed(*engine.scorer(), data, kind));
    return std::set<std::string>(groups.begin(), groups.end());
  };
  CHECK(changed(BreakdownKind::Sex) == std::set<std::string>{"female", "male"});
  CHECK(changed(BreakdownKind::Pattern) == std::set<std::string>{"full_time", "part_time"});
  CHECK(changed(BreakdownKind::Industry) == want_industry);
  CHECK(changed(BreakdownKind::Region) == want_region);
  CHECK(changed(BreakdownKind::Pay) == want_pay);
  CHECK(want_industry.size() < 19);  // the relabel does not reach every cell, so the check can tell
  CHECK(want_pay.size() < 10);
  CHECK(want_region.count("London") == 1);

  // Undoing it gives back the same figures, bit for bit.
  REQUIRE(engine.set_assumptions(Assumptions{}).ok());
  for (const BreakdownKind kind : kBreakdownKinds) {
    CHECK(changed_groups(before[kind], computed(*engine.scorer(), data, kind)).empty());
  }
}

TEST_CASE("a role's line gives its women's share from the nearest level and where its largest industry stands",
          "[breakdowns]") {
  Engine& engine = loaded_engine();
  REQUIRE(engine.set_assumptions(Assumptions{}).ok());
  const Bundle& bundle = *engine.bundle();
  const Breakdowns& data = *engine.breakdowns();
  const auto industries = engine.industry_breakdown().value();
  const auto rank_of = [&](const std::string& letter) {
    const auto row = std::find_if(industries.rows.begin(), industries.rows.end(), [&](const IndustryRow& r) { return r.group == letter; });
    return 1 + static_cast<int>(std::count_if(industries.rows.begin(), industries.rows.end(), [&](const IndustryRow& r) {
             return r.scored && r.mean_score10 > row->mean_score10;
           }));
  };
  for (std::uint32_t g = 0; g < bundle.unit_groups.size(); ++g) {
    const std::string& soc = bundle.unit_groups[g].soc;
    INFO(soc);
    const auto line = engine.role_breakdown(soc);
    REQUIRE(line.ok());
    const RoleBreakdown& r = line.value();
    CHECK(r.has_sex == data.sex[g].has());
    if (r.has_sex) {
      CHECK(r.sex_code == soc.substr(0, 4 - data.sex[g].level));
      CHECK(r.female_share == Approx(data.sex[g].first_share()).margin(1e-12));
      CHECK(r.female_percent == static_cast<int>(std::lround(100.0 * data.sex[g].first_share())));
    }
    // Its largest published cell, section by section.
    std::string letter;
    std::int64_t most = -1;
    for (const IndustrySection& section : data.industry) {
      for (const IndustryCell& cell : section.cells) {
        if (cell.unit_group == g && cell.people > most) {
          most = cell.people;
          letter = section.letter;
        }
      }
    }
    CHECK(r.has_industry == (most >= 0));
    if (r.has_industry) {
      CHECK(r.industry == letter);
      CHECK(r.industry_people == Approx(double(most)));
      CHECK(r.industry_rank == rank_of(letter));
      CHECK(r.industry_count == 19);
    }
  }
  // IT managers (2132) work mostly in Information and communication, the most exposed industry; midwifery nurses'
  // split is their minor group's (223).
  const RoleBreakdown it = engine.role_breakdown("2132").value();
  CHECK(it.industry == "J");
  CHECK(it.industry_rank == 1);
  CHECK_THAT(it.text, Contains("Women hold an estimated "));
  CHECK_THAT(it.text, EndsWith("; its largest industry, Information and communication, ranks 1st of 19 by mean exposure, at 3.38 "
                               "(APS 2024)."));
  const RoleBreakdown midwives = engine.role_breakdown("2231").value();
  CHECK(midwives.sex_level == 1);
  CHECK(midwives.sex_code == "223");
  CHECK_THAT(midwives.text, Contains("(ASHE 2024 shares of its minor group 223); "));
  // Programmers' split is their own (2134: 51 of 335 thousand jobs are women's).
  const RoleBreakdown programmers = engine.role_breakdown("2134").value();
  CHECK(programmers.sex_level == 0);
  CHECK(programmers.female_percent == 15);
  CHECK_THAT(programmers.text, StartsWith("Women hold an estimated 15% of its employee jobs and men 85% (ASHE 2024 shares of "
                                          "this occupation's jobs); its largest industry, "));
  // The industries' standing follows the assumptions; the split does not.
  Assumptions ilo;
  ilo.measure = Measure::Ilo2025;
  REQUIRE(engine.set_assumptions(ilo).ok());
  const RoleBreakdown under_ilo = engine.role_breakdown("2132").value();
  CHECK(under_ilo.female_percent == it.female_percent);
  CHECK(under_ilo.industry_mean_score10 != Approx(it.industry_mean_score10).margin(0.01));
  CHECK(under_ilo.industry_mean_score10 ==
        Approx(engine.industry_breakdown().value().rows[9].mean_score10).margin(1e-12));
  REQUIRE(engine.set_assumptions(Assumptions{}).ok());
  CHECK(engine.role_breakdown("9998").error().code == ErrorCode::UnknownSoc);
  Engine bare;
  REQUIRE(bare.load_bundle(read_text(aiexp::test::data_dir() / "bundle.json")).ok());
  CHECK(bare.role_breakdown("2132").error().code == ErrorCode::BreakdownNotLoaded);
}

TEST_CASE("the breakdowns need their own data file, and only the compact bundle beside it", "[breakdowns]") {
  Engine empty;
  CHECK(empty.sex_breakdown().error().code == ErrorCode::NotLoaded);
  CHECK(empty.pay_breakdown().error().code == ErrorCode::NotLoaded);
  CHECK(empty.load_breakdowns(read_text(test::data_dir() / "breakdowns.json")).error().code == ErrorCode::NotLoaded);
  CHECK(empty.breakdown_provenance(BreakdownKind::Sex).empty());
  Engine compact;
  REQUIRE(compact.load_bundle(read_text(test::data_dir() / "bundle.json")).ok());
  CHECK_FALSE(compact.has_breakdowns());
  CHECK(compact.sex_breakdown().error().code == ErrorCode::BreakdownNotLoaded);
  CHECK(compact.pattern_breakdown().error().code == ErrorCode::BreakdownNotLoaded);
  CHECK(compact.industry_breakdown().error().code == ErrorCode::BreakdownNotLoaded);
  CHECK(compact.region_breakdown().error().code == ErrorCode::BreakdownNotLoaded);
  CHECK(compact.pay_breakdown().error().code == ErrorCode::BreakdownNotLoaded);
  CHECK(compact.breakdown_csv(BreakdownKind::Region).error().code == ErrorCode::BreakdownNotLoaded);
  CHECK(compact.breakdown_provenance(BreakdownKind::Industry).empty());
  CHECK_THAT(std::string(to_message(ErrorCode::BreakdownNotLoaded)), Contains("own data file"));
  // Without the details: the figures are the compact bundle's, the breakdowns' data their own file's.
  REQUIRE(compact.load_breakdowns(read_text(test::data_dir() / "breakdowns.json")).ok());
  CHECK(compact.has_breakdowns());
  const auto pay = compact.pay_breakdown();
  REQUIRE(pay.ok());
  CHECK(pay.value().rows[0].mean_score10 == Approx(expected()["pay"]["1"]["mean_score"].get<double>()).margin(0.005));
  const auto sex = compact.sex_breakdown();
  REQUIRE(sex.ok());
  CHECK(sex.value().sides[0].mean_score10 ==
        Approx(expected()["sex"]["female"]["mean_score"].get<double>()).margin(0.005));
  // A bad file leaves the loaded one in place; a new bundle drops it.
  CHECK(compact.load_breakdowns("{}").error().code == ErrorCode::BundleSchema);
  CHECK(compact.has_breakdowns());
  REQUIRE(compact.load_bundle(read_text(test::data_dir() / "bundle.json")).ok());
  CHECK_FALSE(compact.has_breakdowns());
}

TEST_CASE("each group's panel names its sources and shows the formula with its numbers", "[breakdowns][provenance]") {
  Engine& engine = loaded_engine();
  REQUIRE(engine.set_assumptions(Assumptions{}).ok());
  const auto ids = [](const Provenance& p) {
    std::vector<std::string> out;
    for (const SourceLine& line : p.sources) out.push_back(line.id);
    return out;
  };
  const auto sex = engine.breakdown_provenance(BreakdownKind::Sex);
  REQUIRE(sex.size() == 2);
  CHECK(sex[0].figure == "breakdown_sex");
  CHECK(sex[0].title == "Women: employee jobs and mean exposure");
  CHECK(ids(sex[0]) == std::vector<std::string>{"ashe_2024_sex_pattern", "ashe", "ashe_2025_sex_medians", "labels",
                                                 "coding_index"});
  CHECK_THAT(sex[0].formula, Contains("the female share of the 2024 jobs over the 339 unit groups"));
  CHECK_THAT(sex[0].formula, Contains("an estimate (2024 shares applied to 2025 employees), not a count ONS publishes"));
  CHECK_THAT(sex[0].formula, Contains("= 12,573,960 employee jobs"));
  CHECK_THAT(sex[0].formula, Contains(", shown as 1.82"));
  CHECK_THAT(sex[0].formula, Contains("8.4%"));
  CHECK_THAT(sex[0].citation, Contains("UK, Women: 12.6m employee jobs, mean 1.82. UK AI Exposure, under GPT-4"));
  CHECK_THAT(sex[0].sources[0].text, Contains("Open Government Licence v3.0"));
  CHECK_THAT(sex[0].citation, Contains("2024 provisional"));  // the split's source, cited with its release

  const auto industry = engine.breakdown_provenance(BreakdownKind::Industry);
  REQUIRE(industry.size() == 19);
  CHECK(industry[9].title == "J Information and communication: mean exposure");
  CHECK_THAT(industry[9].formula, Contains("\u00F7 1,510,914 = 3.3848"));
  CHECK_THAT(industry[9].formula, Contains("The cells hold 96.4% of the section's 1,567,069 people in employment"));
  CHECK_THAT(industry[9].formula, Contains("small samples ONS marks for caution"));
  CHECK(ids(industry[9]) == std::vector<std::string>{"aps_industry", "labels", "coding_index"});

  const auto region = engine.breakdown_provenance(BreakdownKind::Region);
  REQUIRE(region.size() == 12);
  CHECK(region[2].title == "London: mean exposure");
  CHECK_THAT(region[2].formula, Contains("shown as 1.62"));

  const auto pay = engine.breakdown_provenance(BreakdownKind::Pay);
  REQUIRE(pay.size() == 10);
  CHECK_THAT(pay[0].formula, Contains("shown as 0.96"));
  CHECK_THAT(pay[9].formula, Contains("shown as 0.70"));

  // Under another headline measure the panels cite it, and the assumptions say so.
  Assumptions ilo;
  ilo.measure = Measure::Ilo2025;
  REQUIRE(engine.set_assumptions(ilo).ok());
  const auto under_ilo = engine.breakdown_provenance(BreakdownKind::Region);
  CHECK(ids(under_ilo[0]) == std::vector<std::string>{"aps_region", "ashe", "ilo_tasks", "coding_index"});
  CHECK_THAT(under_ilo[0].citation, Contains("Generative AI and Jobs"));
  CHECK_THAT(under_ilo[0].assumptions, Contains("headline measure ILO 2025"));
  REQUIRE(engine.set_assumptions(Assumptions{}).ok());
}

TEST_CASE("a breakdown's CSV starts with group, employees and mean_score, then the kind's own columns", "[breakdowns]") {
  Engine& engine = loaded_engine();
  REQUIRE(engine.set_assumptions(Assumptions{}).ok());
  const std::map<BreakdownKind, std::pair<std::string, std::size_t>> headers{
      {BreakdownKind::Sex, {"group,employees,mean_score,title,high_employees,high_share,wage_exposure_gbp,"
                            "wage_exposure_employees,wage_exposure_groups,unit_groups,from_unit_group,from_minor_group,"
                            "from_sub_major_group,from_major_group", 2}},
      {BreakdownKind::Pattern, {"group,employees,mean_score,title,high_employees,high_share,unit_groups,from_unit_group,"
                                "from_minor_group,from_sub_major_group,from_major_group", 2}},
      {BreakdownKind::Industry, {"group,employees,mean_score,title,total_people,covered_share,cells,small_sample_cells,"
                                 "small_sample_people,unscored_cells,unscored_people,withheld_cells", 19}},
      {BreakdownKind::Region, {"group,employees,mean_score,minor_groups,unscored_minor_groups,unscored_people,"
                               "missing_minor_groups", 12}},
      {BreakdownKind::Pay, {"group,employees,mean_score,title,occupations,pay_low_gbp,pay_high_gbp,wage_exposure_gbp,"
                            "wage_share", 10}}};
  for (const auto& [kind, header] : headers) {
    INFO(breakdown_kind_name(kind));
    const auto csv = engine.breakdown_csv(kind);
    REQUIRE(csv.ok());
    const std::string& text = csv.value();
    CHECK(text.substr(0, text.find("\r\n")) == header.first);
    CHECK(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) == header.second + 1);
  }
  CHECK_THAT(engine.breakdown_csv(BreakdownKind::Industry).value(), Contains("\r\nJ,1510914,3.38483"));
  CHECK_THAT(engine.breakdown_csv(BreakdownKind::Region).value(), Contains("\r\nYorkshire and The Humber,"));
  CHECK_THAT(engine.breakdown_csv(BreakdownKind::Pay).value(), Contains("\r\n1,2387000,0.956956"));
}

TEST_CASE("a breakdowns file that is short, impossible or of another build is refused", "[breakdowns][bundle]") {
  const std::string text = read_text(test::data_dir() / "breakdowns.json");
  const Bundle& bundle = test::committed_bundle();
  const std::size_t n = bundle.unit_groups.size();
  const auto refused = [&](const std::string& candidate) {
    const auto parsed = parse_breakdowns(bundle, candidate);
    return parsed.ok() ? ErrorCode::Ok : parsed.error().code;
  };
  // The committed file is accepted and written back byte for byte.
  const auto committed = parse_breakdowns(bundle, text);
  REQUIRE(committed.ok());
  CHECK(serialize_breakdowns(committed.value(), bundle.build) + "\n" == text);
  // The committed file with one change.
  const auto changed = [&](auto change) {
    nlohmann::json file = nlohmann::json::parse(text);
    change(file);
    return refused(file.dump());
  };
  CHECK(refused(text.substr(0, text.size() / 2)) == ErrorCode::BundleParse);
  CHECK(changed([](auto& f) { f["build"] = "other"; }) == ErrorCode::BundleMismatch);
  CHECK(changed([](auto& f) { f["kind"] = "details"; }) == ErrorCode::BundleSchema);
  CHECK(changed([](auto& f) { f["schema"] = 99; }) == ErrorCode::BundleVersion);
  CHECK(changed([](auto& f) { f.erase("region_people"); }) == ErrorCode::BundleSchema);
  // A level code outside '0' to '3' and '-', and a level string one unit group short.
  CHECK(changed([](auto& f) {
          std::string levels = f["levels"];
          levels[0] = '7';
          f["levels"] = levels;
        }) == ErrorCode::BundleSchema);
  CHECK(changed([](auto& f) { f["levels"] = f["levels"].template get<std::string>().substr(1); }) == ErrorCode::BundleSchema);
  // A split of no jobs on either side: the first unit group's women and men, made 0 and 0.
  CHECK(changed([&](auto& f) {
          f["jobs_k"][0] = 0;
          f["jobs_k"][n] = 0;
        }) == ErrorCode::BundleSchema);
  // A median of 0 pounds, and a negative number of people in a region.
  CHECK(changed([](auto& f) { f["median_gbp"][0] = 0; }) == ErrorCode::BundleSchema);
  CHECK(changed([](auto& f) { f["region_people"][0] = -5; }) == ErrorCode::BundleSchema);
  // A section's total below its published cells: a share above 1.
  CHECK(changed([](auto& f) { f["section_cells"][0] = 1; }) == ErrorCode::BundleSchema);
  // A section claiming more cells than there are, a cell's unit group repeated, one out of range.
  CHECK(changed([](auto& f) { f["section_cells"][2] = 100000; }) == ErrorCode::BundleSchema);
  CHECK(changed([](auto& f) { f["cells"][2] = 0; }) == ErrorCode::BundleSchema);
  CHECK(changed([](auto& f) { f["cells"][0] = 5000; }) == ErrorCode::BundleSchema);
  // A section letter twice; minor group codes out of order; a small-sample flag that is not 0 or 1.
  CHECK(changed([](auto& f) { f["sections"][2] = "A"; }) == ErrorCode::BundleSchema);
  CHECK(changed([](auto& f) { std::swap(f["minor_groups"][0], f["minor_groups"][1]); }) == ErrorCode::BundleSchema);
  CHECK(changed([](auto& f) {
          std::string flags = f["small_sample"];
          flags[0] = '2';
          f["small_sample"] = flags;
        }) == ErrorCode::BundleSchema);
  CHECK(changed([](auto& f) { f["regions"][1] = f["regions"][0]; }) == ErrorCode::BundleSchema);
}
