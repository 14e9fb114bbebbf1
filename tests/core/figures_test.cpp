// Task list, task counts and "where to start" (core/src/figures.cpp) and the unit group report
// (core/src/report.cpp), SCORING.md section 4.
#include <catch2/catch.hpp>

#include "aiexp/bridge.h"
#include "aiexp/engine.h"
#include "aiexp/figures.h"
#include "aiexp/format.h"
#include "aiexp/report.h"
#include "test_data.h"

using namespace aiexp;
using aiexp::test::loaded_engine;
using aiexp::test::check_values;

namespace {

UnitGroupReport report_for(Engine& engine, const std::string& soc) {
  auto report = engine.report(soc);
  REQUIRE(report.ok());
  return report.value();
}

}  // namespace

TEST_CASE("1137 lists the 17 tasks of 11-3021.00 with the published importances and E1 marks", "[figures][spec]") {
  Engine& engine = loaded_engine();
  REQUIRE(engine.set_assumptions(Assumptions{}).ok());
  const UnitGroupReport report = report_for(engine, "1137");
  const auto& expected = check_values()["onet_11_3021"]["tasks"];
  REQUIRE(report.tasks.size() == expected.size());
  REQUIRE(report.onets.size() == 1);
  CHECK(report.onets[0].code == "11-3021.00");
  CHECK(report.onets[0].title == "Computer and Information Systems Managers");
  for (const auto& task : expected) {
    const std::int32_t id = task["id"];
    INFO("task " << id);
    const auto line = std::find_if(report.tasks.begin(), report.tasks.end(),
                                   [&](const TaskLine& l) { return l.id == id; });
    REQUIRE(line != report.tasks.end());
    CHECK(line->importance_text == "importance " + task["importance_text"].get<std::string>() + "/5");
    CHECK(!line->text.empty());
    if (task.contains("label")) CHECK(label_name(line->label) == task["label"].get<std::string>());
    else CHECK(line->label != Label::E1);
  }
  // The two E1 tasks come first, in the published order.
  CHECK(report.tasks[0].id == 969);
  CHECK(report.tasks[1].id == 972);
  CHECK(report.counts.can_do == 2);
  CHECK(report.counts.total == 17);
  CHECK(report.can_do_text == "2 of 17 tasks in this role are things an AI can already do today.");
}

TEST_CASE("E2 tasks read 'AI can help', never 'Human work'", "[figures][spec]") {
  Engine& engine = loaded_engine();
  REQUIRE(engine.set_assumptions(Assumptions{}).ok());
  const UnitGroupReport report = report_for(engine, "2132");
  int can_help = 0;
  for (const TaskLine& line : report.tasks) {
    if (line.label == Label::E2) {
      CHECK(line.label_text == "AI can help");
      ++can_help;
    }
    if (line.label == Label::E0) CHECK(line.label_text == "Human work");
    if (line.label == Label::E1) CHECK(line.label_text == "AI can do this");
  }
  CHECK(can_help == 14);
  CHECK(report.counts.can_help == 14);
}

TEST_CASE("tasks are ordered by exposure value, then label, then weight, then importance", "[figures]") {
  Engine& engine = loaded_engine();
  Assumptions a;
  a.e1 = 0.3;
  a.e2 = 0.8;  // E2 now outranks E1
  REQUIRE(engine.set_assumptions(a).ok());
  const UnitGroupReport report = report_for(engine, "1137");
  const auto value = [&](Label label) { return label == Label::E1 ? 0.3 : label == Label::E2 ? 0.8 : 0.0; };
  for (std::size_t i = 1; i < report.tasks.size(); ++i) {
    const TaskLine& prev = report.tasks[i - 1];
    const TaskLine& cur = report.tasks[i];
    CHECK(value(prev.label) >= value(cur.label));
    if (prev.label == cur.label) CHECK(prev.weight >= cur.weight);
  }
  CHECK(report.tasks.front().label == Label::E2);
  CHECK(report.tasks.back().label == Label::E0);
  REQUIRE(engine.set_assumptions(Assumptions{}).ok());
}

TEST_CASE("where to start gives the three most important tasks that are not E1", "[figures][spec]") {
  Engine& engine = loaded_engine();
  REQUIRE(engine.set_assumptions(Assumptions{}).ok());
  const UnitGroupReport report = report_for(engine, "1137");
  const auto& expected = check_values()["onet_11_3021"]["where_to_start"];
  REQUIRE(report.where_to_start.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CHECK(report.where_to_start[i].task.id == expected[i].get<int>());
    CHECK(report.where_to_start[i].task.label != Label::E1);
  }
  // 966 and 968 are E2 ("tools change it"); 975 is E0 ("stays human").
  CHECK(report.where_to_start[0].note.find("tools built on one do") != std::string::npos);
  CHECK(report.where_to_start[2].note.find("keeps it human") != std::string::npos);
  CHECK(report.where_to_start[0].note.find("O*NET importance 4.2/5") == 0);
}

TEST_CASE("relabelling and excluding tasks show in the task list and the counts", "[figures]") {
  Engine& engine = loaded_engine();
  Assumptions a;
  a.overrides.push_back({975, Label::E1, std::nullopt});   // E0 -> E1
  a.overrides.push_back({981, std::nullopt, 0.0});          // excluded
  REQUIRE(engine.set_assumptions(a).ok());
  const UnitGroupReport report = report_for(engine, "1137");
  CHECK(report.counts.can_do == 3);
  CHECK(report.counts.total == 16);
  const TaskLine& relabelled = *std::find_if(report.tasks.begin(), report.tasks.end(),
                                             [](const TaskLine& l) { return l.id == 975; });
  CHECK(relabelled.label == Label::E1);
  CHECK(relabelled.source_label == Label::E0);
  CHECK(relabelled.label_overridden);
  CHECK(report.tasks.back().id == 981);
  CHECK(report.tasks.back().excluded);
  // Score moves by the formula: (4 + 2) / (33 - 2) with 981 (Core, weight 2) excluded.
  CHECK(report.score10 == Approx(10.0 * 6.0 / 31.0).margin(1e-12));
  REQUIRE(engine.set_assumptions(Assumptions{}).ok());
}

TEST_CASE("the report shows ASHE suppression in words and leaves wage exposure out", "[figures]") {
  Engine& engine = loaded_engine();
  REQUIRE(engine.set_assumptions(Assumptions{}).ok());
  const Bundle& bundle = *engine.bundle();
  int checked = 0;
  for (const UnitGroup& group : bundle.unit_groups) {
    if (group.employees_k.published()) continue;
    const UnitGroupReport report = report_for(engine, group.soc);
    CHECK_FALSE(report.employees.published);
    CHECK(report.employees.text.rfind("not published", 0) == 0);
    CHECK_FALSE(report.figures.has_wage_exposure);
    if (report.figures.scored) CHECK(report.wage_exposure_text.find("needs employees") == 0);
    ++checked;
  }
  CHECK(checked == 412 - 340);
}

TEST_CASE("ONS's precision reading follows its CV thresholds, boundaries included", "[figures]") {
  // CV <= 5% precise; <= 10% reasonably precise; <= 20% acceptable; above 20% ONS does not publish.
  CHECK(ashe_quality(kNoCv) == AsheQuality::NoCv);
  CHECK(ashe_quality(0) == AsheQuality::Precise);
  CHECK(ashe_quality(50) == AsheQuality::Precise);
  CHECK(ashe_quality(51) == AsheQuality::ReasonablyPrecise);
  CHECK(ashe_quality(100) == AsheQuality::ReasonablyPrecise);
  CHECK(ashe_quality(101) == AsheQuality::Acceptable);
  CHECK(ashe_quality(200) == AsheQuality::Acceptable);
  CHECK(ashe_quality(201) == AsheQuality::Unreliable);
  CHECK(cv_percent_text(71) == "7.1%");
  CHECK(cv_percent_text(350) == "35%");
  CHECK(cv_percent_text(5) == "0.5%");
  // Unit groups of the bundle that sit on each boundary read the same as the thresholds say.
  Engine& engine = loaded_engine();
  REQUIRE(engine.set_assumptions(Assumptions{}).ok());
  const UnitGroupReport at5 = report_for(engine, "3574");  // employees CV exactly 5%
  CHECK(at5.employees.cv_pct == 5.0);
  CHECK(at5.employees.quality == AsheQuality::Precise);
  const UnitGroupReport at10 = report_for(engine, "1211");  // median pay CV exactly 10%
  CHECK(at10.median_pay.cv_pct == 10.0);
  CHECK(at10.median_pay.quality == AsheQuality::ReasonablyPrecise);
  const UnitGroupReport at20 = report_for(engine, "5111");  // employees CV exactly 20%, still published
  CHECK(at20.employees.published);
  CHECK(at20.employees.cv_pct == 20.0);
  CHECK(at20.employees.quality == AsheQuality::Acceptable);
  CHECK(at20.employees.precision_text.rfind("CV 20%: acceptable, use with caution; 95% interval ", 0) == 0);
  const UnitGroupReport no_cv = report_for(engine, "1225");  // median pay published without a CV
  CHECK(no_cv.median_pay.published);
  CHECK_FALSE(no_cv.median_pay.has_cv);
  CHECK_FALSE(no_cv.median_pay.has_interval);
  CHECK(no_cv.median_pay.precision_text == "ONS gives no CV for this estimate");
  int by_quality[5] = {};
  for (const UnitGroup& group : engine.bundle()->unit_groups) {
    for (const AsheFigure* figure : {&group.employees_k, &group.median_pay_gbp}) {
      const AsheQuality quality = ashe_quality(figure->cv_tenths);
      ++by_quality[static_cast<int>(quality)];
      if (figure->published()) CHECK(quality != AsheQuality::Unreliable);
    }
  }
  CHECK(by_quality[static_cast<int>(AsheQuality::Acceptable)] > 0);
  CHECK(by_quality[static_cast<int>(AsheQuality::Unreliable)] > 0);
}

TEST_CASE("the report gives ONS's CV, its reading and the 95% interval beside employees and pay", "[figures]") {
  Engine& engine = loaded_engine();
  REQUIRE(engine.set_assumptions(Assumptions{}).ok());
  // 1137: 60k employees, CV 7.1%: 60,000 ± 1.96 × 7.1% × 60,000 = ± 8,350.
  const UnitGroupReport it = report_for(engine, "1137");
  CHECK(it.employees.has_cv);
  CHECK(it.employees.cv_pct == Approx(7.1));
  CHECK(it.employees.quality == AsheQuality::ReasonablyPrecise);
  CHECK(it.employees.interval_low == 52'000);
  CHECK(it.employees.interval_high == 68'000);
  CHECK(it.employees.reading_text == "CV 7.1%: reasonably precise");
  CHECK(it.employees.interval_label == "95% interval 52k\u201368k");
  CHECK(it.employees.precision_text == "CV 7.1%: reasonably precise; 95% interval 52k\u201368k");
  // £90,081, CV 5.3%: ± £9,358, to the hundred.
  CHECK(it.median_pay.quality == AsheQuality::ReasonablyPrecise);
  CHECK(it.median_pay.interval_low == 80'700);
  CHECK(it.median_pay.interval_high == 99'400);
  CHECK(it.median_pay.interval_text == "\u00A380,700\u2013\u00A399,400");
  // 2132: CV 4% and 3.1%: precise.
  const UnitGroupReport analysts = report_for(engine, "2132");
  CHECK(analysts.employees.quality == AsheQuality::Precise);
  CHECK(analysts.employees.precision_text.rfind("CV 4%: precise; 95% interval ", 0) == 0);
  CHECK(analysts.median_pay.quality == AsheQuality::Precise);
  // 1163: withheld, with CVs above 20%: no interval, and the reason.
  const UnitGroupReport withheld = report_for(engine, "1163");
  CHECK_FALSE(withheld.employees.published);
  CHECK(withheld.employees.quality == AsheQuality::Unreliable);
  CHECK_FALSE(withheld.employees.has_interval);
  CHECK(withheld.employees.precision_text == "CV 27.8%: above 20%, ONS does not publish it");
  // 1161: no figure and no CV: nothing to read.
  const UnitGroupReport forces = report_for(engine, "1161");
  CHECK_FALSE(forces.employees.has_cv);
  CHECK(forces.employees.quality == AsheQuality::NoCv);
  CHECK(forces.employees.precision_text.empty());
}

TEST_CASE("the bridge grade follows its documented rule, boundaries included", "[figures]") {
  // Good: modal code >= 75% of the coded entries and 1 to 3 O*NET occupations. Weak: none reached, under 50%, or
  // more than 10. Partial: the rest.
  CHECK(bridge_grade(1.0, 0) == BridgeGrade::Weak);
  CHECK(bridge_grade(0.75, 1) == BridgeGrade::Good);
  CHECK(bridge_grade(0.75, 3) == BridgeGrade::Good);
  CHECK(bridge_grade(0.75, 4) == BridgeGrade::Partial);
  CHECK(bridge_grade(0.7499, 1) == BridgeGrade::Partial);
  CHECK(bridge_grade(0.50, 10) == BridgeGrade::Partial);
  CHECK(bridge_grade(0.4999, 1) == BridgeGrade::Weak);
  CHECK(bridge_grade(1.0, 11) == BridgeGrade::Weak);
  CHECK(bridge_grade_name(BridgeGrade::Partial) == "partial");
  // Every unit group's grade is the rule applied to its own facts, which come from the bundle.
  Engine& engine = loaded_engine();
  REQUIRE(engine.set_assumptions(Assumptions{}).ok());
  const Bundle& bundle = *engine.bundle();
  int grades[3] = {};
  for (std::uint32_t g = 0; g < bundle.unit_groups.size(); ++g) {
    const UnitGroup& group = bundle.unit_groups[g];
    INFO(group.soc);
    const BridgeQuality q = bridge_quality(bundle, g);
    ++grades[static_cast<int>(q.grade)];
    CHECK(q.grade == bridge_grade(q.isco_share, q.onet_count));
    if (group.isco.empty()) {
      CHECK_FALSE(q.has_isco);
      continue;
    }
    CHECK(q.isco_code == bundle.isco[group.isco[0].isco].code);
    CHECK(q.onet_count == bundle.isco[group.isco[0].isco].onets.size());
    CHECK(q.rated_count <= q.task_count);
    // A group with no labelled occupation behind its modal code is not scored by the modal bridge.
    if (q.onet_count == 0) CHECK_FALSE(engine.scorer()->unit_groups()[g].scored);
  }
  CHECK(grades[0] > 0);
  CHECK(grades[1] > 0);
  CHECK(grades[2] > 0);
  // 1137: 1330 carries 42 of 45 entries and reaches 11-3021.00 alone, whose 17 tasks are all rated.
  const UnitGroupReport it = report_for(engine, "1137");
  CHECK(it.bridge_quality.grade == BridgeGrade::Good);
  CHECK(it.bridge_quality.isco_entries == 42);
  CHECK(it.bridge_quality.coded_entries == 45);
  CHECK(it.bridge_quality.rated_count == 17);
  CHECK(it.bridge_quality_text == "Good: ISCO-08 1330 carries 93% of this group's coded index entries and reaches "
                                  "1 O*NET occupation; O*NET rates the importance of 17 of 17 tasks (100%).");
  // 2311: 2310 reaches 35 US occupations: weak however many entries carry it.
  const UnitGroupReport lecturers = report_for(engine, "2311");
  CHECK(lecturers.bridge_quality.onet_count == 35);
  CHECK(lecturers.bridge_quality.grade == BridgeGrade::Weak);
  // 1161: armed forces, no labelled occupation.
  CHECK(report_for(engine, "1161").bridge_quality_text.find("reaches no labelled O*NET occupation") != std::string::npos);
}

TEST_CASE("the report lists the bridge: ISCO-08 codes with shares, US SOC codes and O*NET occupations", "[figures]") {
  Engine& engine = loaded_engine();
  REQUIRE(engine.set_assumptions(Assumptions{}).ok());
  const UnitGroupReport report = report_for(engine, "1137");
  REQUIRE(report.isco.size() == 3);
  CHECK(report.isco[0].code == "1330");
  CHECK(report.isco[0].entries == 42);
  CHECK(report.isco[0].share == Approx(42.0 / 45.0));
  CHECK(report.isco[0].used);
  CHECK_FALSE(report.isco[1].used);  // modal bridge uses only the first
  CHECK(report.isco[0].soc2010 == std::vector<std::string>{"11-3021"});
  CHECK(report.isco[0].soc2018 == std::vector<std::string>{"11-3021"});
  CHECK(report.isco[0].onets == std::vector<std::string>{"11-3021.00"});
  CHECK(report.description.find("Information technology directors plan") == 0);
}

TEST_CASE("UK totals cover scored unit groups with published figures", "[figures]") {
  Engine& engine = loaded_engine();
  REQUIRE(engine.set_assumptions(Assumptions{}).ok());
  const TotalsView totals = engine.totals();
  const Bundle& bundle = *engine.bundle();
  double employees = 0.0;
  double wage = 0.0;
  for (std::uint32_t g = 0; g < bundle.unit_groups.size(); ++g) {
    const UnitGroupFigures& figures = engine.scorer()->unit_groups()[g];
    if (figures.scored && bundle.unit_groups[g].employees_k.published()) {
      employees += static_cast<double>(bundle.unit_groups[g].employees_k.value) * 1000.0;
    }
    if (figures.has_wage_exposure) wage += figures.wage_exposure_gbp;
  }
  CHECK(totals.totals.employees == Approx(employees));
  CHECK(totals.totals.wage_exposure_gbp == Approx(wage));
  CHECK(totals.totals.mean_score10 > 0.0);
  CHECK(totals.totals.mean_score10 < 10.0);
  CHECK(totals.employees_text == format_employees_k(std::llround(employees / 1000.0)));
  // Raising e2 raises the UK mean.
  Assumptions a;
  a.e2 = 1.0;
  REQUIRE(engine.set_assumptions(a).ok());
  CHECK(engine.totals().totals.mean_score10 > totals.totals.mean_score10);
  REQUIRE(engine.set_assumptions(Assumptions{}).ok());
}
