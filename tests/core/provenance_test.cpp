// Where each figure comes from (core/src/provenance.cpp): the sources named from the bundle, the formulas with
// the role's own numbers, the assumptions in force and the citation, for the role page and the UK totals.
#include <catch2/catch.hpp>

#include <algorithm>

#include "aiexp/engine.h"
#include "aiexp/provenance.h"
#include "test_data.h"

using namespace aiexp;
using aiexp::test::loaded_engine;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

std::vector<Provenance> panels_for(Engine& engine, const std::string& soc) {
  auto report = engine.report(soc);
  REQUIRE(report.ok());
  return figure_provenance(*engine.scorer(), report.value());
}

const Provenance& panel(const std::vector<Provenance>& panels, const std::string& figure) {
  const auto found = std::find_if(panels.begin(), panels.end(), [&](const Provenance& p) { return p.figure == figure; });
  REQUIRE(found != panels.end());
  return *found;
}

std::vector<std::string> source_ids(const Provenance& p) {
  std::vector<std::string> ids;
  for (const SourceLine& line : p.sources) ids.push_back(line.id);
  return ids;
}

}  // namespace

TEST_CASE("every figure of 1137 says where it comes from, with its own numbers", "[provenance]") {
  Engine& engine = loaded_engine();
  REQUIRE(engine.set_assumptions(Assumptions{}).ok());
  const auto panels = panels_for(engine, "1137");
  std::vector<std::string> figures;
  for (const Provenance& p : panels) figures.push_back(p.figure);
  CHECK(figures == std::vector<std::string>{"employees", "median_pay", "score", "direct", "with_tools", "wage_exposure",
                                            "rank"});
  // The check: employees × median pay × the score as shown ÷ 10.
  const Provenance& wage = panel(panels, "wage_exposure");
  CHECK(wage.value_text == "\u00A3649m");
  CHECK_THAT(wage.formula, StartsWith("60,000 \u00D7 \u00A390,081 \u00D7 0.12 = \u00A3648.6m"));
  CHECK(source_ids(wage) == std::vector<std::string>{"ashe", "labels", "coding_index", "isco_soc2010",
                                                      "soc2010_soc2018", "onet_soc2018"});
  CHECK(wage.sources[0].row == "Table 14.7a, the row for SOC 2020 1137 (sheet \u201CAll\u201D)");
  CHECK_THAT(wage.sources[0].text, Contains("Office for National Statistics"));
  CHECK_THAT(wage.sources[0].text, Contains("Open Government Licence v3.0"));
  CHECK(wage.sources[1].row == "the labels of the tasks of 11-3021.00");
  CHECK(wage.assumptions ==
        "GPT-4 (main rubric) labels; E1 = 1, E2 = 0; core tasks weighted double; the modal bridge; no task changes");
  CHECK_THAT(wage.citation, StartsWith("Information technology directors (SOC 2020 1137), Wage exposure: \u00A3649m. "
                                       "UK AI Exposure, under GPT-4 (main rubric) labels;"));
  CHECK_THAT(wage.citation, Contains("Annual Survey of Hours and Earnings"));
  // Employees and pay: ASHE's row, its thousands and ONS's precision.
  CHECK_THAT(panel(panels, "employees").formula,
             StartsWith("ASHE gives 60 thousand jobs: 60 \u00D7 1,000 = 60,000 employees; CV 7.1%: reasonably precise"));
  CHECK(source_ids(panel(panels, "median_pay")) == std::vector<std::string>{"ashe"});
  // The score as the linear form of its E1 and E2 shares: 10 × (0.121 × 1 + 0.818 × 0) = 1.21.
  const Provenance& score = panel(panels, "score");
  CHECK(score.value_text == "1.2/10");
  CHECK_THAT(score.formula, StartsWith("10 \u00D7 (E1 share \u00D7 E1 + E2 share \u00D7 E2) = 10 \u00D7 (0.121 \u00D7 1 + "
                                       "0.818 \u00D7 0) = 1.21, shown as 1.2"));
  CHECK_THAT(panel(panels, "with_tools").formula, StartsWith("10 \u00D7 (E1 share + E2 share) = 10 \u00D7 (0.121 + 0.818) = 9.39"));
  // The rank: the count of lower scores behind the percentage (216 of 376 score lower than 1137's 1.21).
  const auto& f = engine.scorer()->unit_groups()[*engine.bundle()->find_unit_group("1137")];
  CHECK(f.lower_count == 216);
  CHECK(panel(panels, "rank").formula == "216 of the 376 scored UK occupations with an ASHE figure score lower: "
                                         "100 \u00D7 216 \u00F7 376 = 57.4, shown as 57%.");
}

TEST_CASE("the panels follow the assumptions and say when a figure is missing", "[provenance]") {
  Engine& engine = loaded_engine();
  Assumptions a;
  a.e2 = 1.0;
  a.weights = WeightScheme::Importance;
  REQUIRE(engine.set_assumptions(a).ok());
  const auto panels = panels_for(engine, "1137");
  const Provenance& wage = panel(panels, "wage_exposure");
  CHECK_THAT(wage.assumptions, Contains("E1 = 1, E2 = 1; tasks weighted by O*NET importance"));
  // Importance weighting cites O*NET's ratings too.
  const auto ids = source_ids(panel(panels, "score"));
  CHECK(std::find(ids.begin(), ids.end(), "importance") != ids.end());
  // The withheld and the unscored.
  REQUIRE(engine.set_assumptions(Assumptions{}).ok());
  const auto withheld = panels_for(engine, "1163");
  CHECK_THAT(panel(withheld, "employees").formula, StartsWith("ASHE gives no figure: not published: sample too small"));
  CHECK_THAT(panel(withheld, "wage_exposure").formula, StartsWith("Not computed: needs employees"));
  const auto forces = panels_for(engine, "1161");
  CHECK(panel(forces, "score").formula == "Not scored: no O*NET occupation with labelled tasks is reached.");
  CHECK(panel(forces, "rank").value_text == "not ranked");
}

TEST_CASE("the UK totals say where they come from", "[provenance]") {
  Engine& engine = loaded_engine();
  REQUIRE(engine.set_assumptions(Assumptions{}).ok());
  const auto totals = totals_provenance(*engine.scorer(), engine.totals());
  REQUIRE(totals.size() == 3);
  CHECK(totals[0].figure == "total_employees");
  CHECK(totals[0].value_text == engine.totals().employees_text);
  CHECK(totals[2].figure == "total_wage_exposure");
  CHECK_THAT(totals[2].formula, Contains(std::to_string(engine.totals().totals.wage_exposure_groups) + " occupations"));
  CHECK_THAT(totals[1].citation, StartsWith("UK, Mean exposure, weighted by employees: "));
}

TEST_CASE("a bundle without a source the panels cite is refused", "[provenance][bundle]") {
  Engine& engine = loaded_engine();
  Bundle copy = *engine.bundle();
  REQUIRE(finalize_bundle(copy).ok());
  copy.sources.erase(std::remove_if(copy.sources.begin(), copy.sources.end(),
                                    [](const DataSource& s) { return s.id == kSourceAshe; }),
                     copy.sources.end());
  const Status status = finalize_bundle(copy);
  REQUIRE_FALSE(status.ok());
  CHECK(status.error().code == ErrorCode::BundleSchema);
  CHECK_THAT(status.error().message(), Contains("sources: no source with id ashe"));
}

TEST_CASE("a task's panel says where its label and importance come from, and what they count", "[provenance]") {
  Engine& engine = loaded_engine();
  REQUIRE(engine.set_assumptions(Assumptions{}).ok());
  auto report = engine.report("1137");
  REQUIRE(report.ok());
  const auto& tasks = report.value().tasks;
  const auto e1 = std::find_if(tasks.begin(), tasks.end(), [](const TaskLine& t) { return t.label == Label::E1; });
  REQUIRE(e1 != tasks.end());
  REQUIRE(e1->id > 0);
  const Provenance p = task_provenance(*engine.scorer(), report.value(), *e1);
  CHECK(p.figure == "task");
  CHECK(p.title == "Task " + std::to_string(e1->id) + ": its label and weight");
  CHECK(source_ids(p) == std::vector<std::string>{"labels", "importance"});  // every task of 11-3021.00 is rated
  CHECK_THAT(p.sources[1].row, StartsWith("task " + std::to_string(e1->id) + " of 11-3021.00, scale IM: "));
  CHECK_THAT(p.formula, StartsWith("Label E1 (AI can do this) as GPT-4 (main rubric) labelled it: it counts 1 under "
                                   "these label values; weight "));
  // A change by the visitor says so, and what the source had.
  Assumptions changed;
  changed.overrides.push_back(TaskOverride{e1->id, Label::E0, std::nullopt});
  REQUIRE(engine.set_assumptions(changed).ok());
  auto after = engine.report("1137");
  REQUIRE(after.ok());
  const auto same = std::find_if(after.value().tasks.begin(), after.value().tasks.end(),
                                 [&](const TaskLine& t) { return t.id == e1->id; });
  REQUIRE(same != after.value().tasks.end());
  const Provenance relabelled = task_provenance(*engine.scorer(), after.value(), *same);
  CHECK_THAT(relabelled.formula, StartsWith("Label E0 (Human work), changed by you from the source's E1: it counts 0"));
  CHECK_THAT(relabelled.assumptions, Contains("1 task changed"));
  REQUIRE(engine.set_assumptions(Assumptions{}).ok());
}

TEST_CASE("under another headline measure the score's panel cites that measure; direct stays Eloundou's",
          "[provenance][measures]") {
  Engine& engine = loaded_engine();
  Assumptions ilo;
  ilo.measure = Measure::Ilo2025;
  REQUIRE(engine.set_assumptions(ilo).ok());
  const auto panels = panels_for(engine, "1137");
  const Provenance& score = panel(panels, "score");
  CHECK(score.title == "Exposure score (ILO 2025)");
  CHECK(score.value_text == "4.4/10");
  CHECK(score.formula == "10 × the mean 2025 score of the ILO's tasks of its ISCO-08 code = 10 × 0.4402 = 4.40, "
                         "shown as 4.4.");
  REQUIRE_FALSE(score.sources.empty());
  CHECK(score.sources.front().id == "ilo_tasks");
  CHECK(score.sources.front().row == "the task scores of ISCO-08 1330");
  CHECK_THAT(score.assumptions, Catch::EndsWith("; headline measure ILO 2025"));
  CHECK_THAT(panel(panels, "wage_exposure").formula, Catch::StartsWith("60,000 × £90,081 × 0.44 = "));
  // Direct exposure is the Eloundou score's E1 share whatever the headline.
  CHECK_THAT(panel(panels, "direct").formula, Catch::EndsWith("shown as 1.2 (α: E1 counts 1, E2 counts 0)."));
  CHECK(panel(panels, "direct").sources.front().id == "labels");

  Assumptions microsoft;
  microsoft.measure = Measure::Microsoft;
  REQUIRE(engine.set_assumptions(microsoft).ok());
  const auto ms_panels = panels_for(engine, "1137");  // kept alive: panel() returns a reference into it
  const Provenance& ms = panel(ms_panels, "score");
  CHECK(ms.sources.front().id == "microsoft_scores");
  CHECK_THAT(ms.formula, Catch::Contains("= 10 × 0.1519 = 1.52, shown as 1.5."));
  const auto totals = totals_provenance(*engine.scorer(), engine.totals());
  CHECK(totals[1].sources[1].id == "microsoft_scores");
  REQUIRE(engine.set_assumptions(Assumptions{}).ok());
}
