// The ukexp commands (cli/commands.cpp) against the committed bundle: the published figures of SCORING.md
// sections 3 and 4 in text, JSON and CSV, the paper's occupation ratings (section 2), overrides, and the
// exit statuses and one-line errors of a bad data folder or a bad request.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include "aiexp/bundle.h"
#include "aiexp/pipeline/table.h"
#include "aiexp/printable.h"
#include "aiexp/score.h"
#include "args.h"
#include "commands.h"
#include "test_data.h"
#include "temp_dir.h"

using namespace aiexp;
using namespace aiexp::cli;
using aiexp::test::check_values;
using aiexp::test::data_dir;
using aiexp::test::read_text;
using aiexp::test::TempDir;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
namespace fs = std::filesystem;

namespace {

struct Outcome {
  int status = -1;
  std::string out;
  std::string err;
};

Outcome run_request(const Request& request) {
  std::ostringstream out;
  std::ostringstream err;
  Outcome outcome;
  outcome.status = run(request, out, err, data_dir());
  outcome.out = out.str();
  outcome.err = err.str();
  return outcome;
}

// Parses `args` as ukexp would, then runs them against the committed data folder.
Outcome run_args(const std::vector<std::string>& args) {
  auto request = parse_args(args);
  INFO("args: " << ::Catch::Detail::stringify(args));
  INFO("error: " << (request.ok() ? std::string() : request.error().detail));
  REQUIRE(request.ok());
  return run_request(request.value());
}

nlohmann::json run_json(const std::vector<std::string>& args) {
  const Outcome outcome = run_args(args);
  INFO(outcome.err);
  REQUIRE(outcome.status == kExitOk);
  CHECK(outcome.err.empty());
  return nlohmann::json::parse(outcome.out);
}

// CSV text as rows of fields (the pipeline's reader understands the quoting ukexp writes).
std::vector<std::vector<std::string>> csv_rows(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  for (auto& record : pipeline::split_records(text, ',', "ukexp output")) rows.push_back(std::move(record.fields));
  return rows;
}

double number(const std::string& text) {
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  REQUIRE(!text.empty());
  REQUIRE(end == text.c_str() + text.size());
  return value;
}

std::string format17(double value) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%.17g", value);
  return buffer;
}

std::size_t significant_digits(const std::string& text) {
  std::size_t digits = 0;
  bool leading = true;
  for (char c : text) {
    if (c == 'e' || c == 'E') break;
    if (c < '0' || c > '9') continue;
    if (leading && c == '0') continue;
    leading = false;
    ++digits;
  }
  return digits;
}

// The one error line ukexp prints: exactly one newline, at the end.
void require_one_line(const std::string& err) {
  INFO(err);
  REQUIRE_FALSE(err.empty());
  CHECK(err.back() == '\n');
  CHECK(err.find('\n') == err.size() - 1);
}

// A fresh folder under the system temporary directory, removed at the end of the test.

void write_file(const fs::path& path, const std::string& contents) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << contents;
  REQUIRE(out.good());
}

// The paper's occupation-level ratings: code -> column -> value.
std::map<std::string, std::map<std::string, double>> paper_ratings() {
  const auto rows = csv_rows(read_text(aiexp::test::fixtures_dir() / "paper_occ_level.csv"));
  REQUIRE(rows.size() > 1);
  std::map<std::string, std::map<std::string, double>> ratings;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    REQUIRE(rows[r].size() == rows[0].size());
    for (std::size_t c = 1; c < rows[0].size(); ++c) ratings[rows[r][0]][rows[0][c]] = number(rows[r][c]);
  }
  return ratings;
}

const nlohmann::json& check_value(const std::string& soc) {
  for (const auto& group : check_values()["unit_groups"]) {
    if (group["soc"] == soc) return group;
  }
  FAIL("no check value for " << soc);
  throw std::logic_error("unreachable");
}

// score --json of 1137 under extra options.
nlohmann::json score_1137(std::vector<std::string> options) {
  options.insert(options.begin(), {"score", "1137", "--json"});
  return run_json(options);
}

}  // namespace

// ---- score ----

TEST_CASE("score 1137 shows the published figures as text", "[commands][spec]") {
  const Outcome outcome = run_args({"score", "1137"});
  REQUIRE(outcome.status == kExitOk);
  CHECK(outcome.err.empty());
  const auto& expected = check_value("1137");
  for (const std::string text : {"Information technology directors", "SOC 2020 1137", "60k", "£90,081",
                                 "1.2/10 Minimal", "direct 1.2 · with tools 9.4", "£649m", "2 of 17 tasks",
                                 "Task list mapped via O*NET \u201CComputer and Information Systems Managers\u201D (11-3021.00).",
                                 "O*NET rates the importance of 17 of these 17 tasks.",
                                 "Higher exposure than ", "Where to start:",
                                 "Across label sources, weightings and bridges: 0.0\u20133.0 (lowest 0.0 with "}) {
    INFO(text);
    CHECK_THAT(outcome.out, Contains(text));
  }
  CHECK_THAT(outcome.out, Contains(expected["employees_text"].get<std::string>()));
  CHECK_THAT(outcome.out, Contains(expected["median_pay_text"].get<std::string>()));
  CHECK_THAT(outcome.out, Contains(expected["wage_exposure_text"].get<std::string>()));
  CHECK_THAT(outcome.out, Contains(expected["can_do_text"].get<std::string>()));
  // The task table shows importance to one decimal, as the published page does.
  for (const auto& task : check_values()["onet_11_3021"]["tasks"]) {
    CHECK_THAT(outcome.out, Contains("importance " + task["importance_text"].get<std::string>() + "/5"));
  }
}

TEST_CASE("score 2132 shows the published figures as text", "[commands][spec]") {
  const Outcome outcome = run_args({"score", "2132"});
  REQUIRE(outcome.status == kExitOk);
  for (const std::string text : {"IT managers", "213k", "£55,502", "1.2/10 Minimal", "direct 1.2 · with tools 9.4",
                                 "£1.42bn", "2 of 17 tasks"}) {
    INFO(text);
    CHECK_THAT(outcome.out, Contains(text));
  }
}

TEST_CASE("score 2132 --json carries every published figure, unrounded where it is a number",
          "[commands][spec]") {
  const nlohmann::json json = run_json({"score", "2132", "--json"});
  const auto& expected = check_value("2132");
  CHECK(json["soc"] == "2132");
  CHECK(json["title"] == "IT managers");
  CHECK(json["employees"] == 213000);
  CHECK(json["median_pay_gbp"] == 55502);
  CHECK(json["employees_text"] == "213k");
  CHECK(json["median_pay_text"] == "£55,502");
  REQUIRE(json["exposure"].is_number());
  REQUIRE(json["direct"].is_number());
  REQUIRE(json["with_tools"].is_number());
  const double alpha = expected["alpha"];
  const double zeta = expected["zeta"];
  CHECK(json["exposure"].get<double>() == Approx(10 * alpha).margin(1e-9));  // 1.2121...
  CHECK(json["direct"].get<double>() == Approx(10 * alpha).margin(1e-9));
  CHECK(json["with_tools"].get<double>() == Approx(10 * zeta).margin(1e-9));  // 9.3939...
  CHECK(json["exposure"].get<double>() == Approx(1.2121212121212122).margin(1e-9));
  CHECK(json["with_tools"].get<double>() == Approx(9.3939393939393945).margin(1e-9));
  CHECK(json["exposure_text"] == "1.2");
  CHECK(json["direct_text"] == "1.2");
  CHECK(json["with_tools_text"] == "9.4");
  CHECK(json["band"] == "Minimal");
  REQUIRE(json["wage_exposure_gbp"].is_number());
  CHECK(json["wage_exposure_gbp"].get<double>() == Approx(1418631120.0).margin(0.5));
  CHECK(json["wage_exposure_text"] == "£1.42bn");
  REQUIRE(json["rank_percent"].is_number_integer());
  CHECK(json["rank_percent"].get<int>() >= 0);
  CHECK(json["rank_percent"].get<int>() <= 100);
  REQUIRE(json["scored_count"].is_number_integer());
  CHECK(json["scored_count"].get<int>() >= check_values()["coverage"]["min_scored_with_ashe"].get<int>());
  CHECK(json["rank_text"] == "Higher exposure than " + std::to_string(json["rank_percent"].get<int>()) + "% of the " +
                                 std::to_string(json["scored_count"].get<int>()) + " UK occupations we scored.");
  CHECK(json["can_do"] == 2);
  CHECK(json["task_count"] == 17);
  CHECK(json["can_do_text"] == expected["can_do_text"]);

  REQUIRE(json["onet"].is_array());
  REQUIRE(json["onet"].size() == 1);
  CHECK(json["onet"][0]["code"] == "11-3021.00");
  CHECK(json["onet"][0]["title"] == "Computer and Information Systems Managers");

  REQUIRE(json["tasks"].is_array());
  REQUIRE(json["tasks"].size() == 17);
  std::map<std::int32_t, nlohmann::json> by_id;
  int e1 = 0;
  for (const auto& task : json["tasks"]) {
    for (const char* field : {"onet", "id", "text", "label", "importance", "weight"}) {
      INFO(field);
      CHECK(task.contains(field));
    }
    CHECK(task["onet"] == "11-3021.00");
    CHECK_FALSE(task["text"].get<std::string>().empty());
    const std::string label = task["label"];
    CHECK((label == "E0" || label == "E1" || label == "E2"));
    e1 += label == "E1";
    CHECK((task["weight"] == 1.0 || task["weight"] == 2.0));  // the core weights
    by_id[task["id"].get<std::int32_t>()] = task;
  }
  CHECK(e1 == 2);
  for (const auto& expected_task : check_values()["onet_11_3021"]["tasks"]) {
    const std::int32_t id = expected_task["id"];
    INFO("task " << id);
    REQUIRE(by_id.count(id) == 1);
    const auto& task = by_id.at(id);
    REQUIRE(task["importance"].is_number());
    const double importance = task["importance"];
    char one_decimal[16];
    std::snprintf(one_decimal, sizeof one_decimal, "%.1f", importance + 1e-9);  // half up, as published
    CHECK(std::string(one_decimal) == expected_task["importance_text"].get<std::string>());
    if (expected_task.contains("label")) CHECK(task["label"] == expected_task["label"]);
  }
}

TEST_CASE("score --json carries the sensitivity band with the assumptions at each end", "[commands][sensitivity]") {
  const nlohmann::json json = run_json({"score", "1137", "--e2", "1", "--json"});
  const auto& band = json["sensitivity"];
  REQUIRE(band.is_object());
  CHECK(band["min"].get<double>() <= json["exposure"].get<double>());
  CHECK(json["exposure"].get<double>() <= band["max"].get<double>());
  CHECK(band["range_text"] == "7.0\u20139.4");
  // Each end's assumptions are the current ones with that end's source, weighting and bridge: scoring with
  // them gives the end.
  for (const char* end : {"min", "max"}) {
    INFO(end);
    const auto& at = band[std::string(end) + "_assumptions"];
    CHECK(at["e2"].get<double>() == 1.0);
    const nlohmann::json rescored = run_json({"score", "1137", "--e2", "1", "--labels", at["labels"].get<std::string>(),
                                              "--weights", at["weights"].get<std::string>(), "--bridge",
                                              at["bridge"].get<std::string>(), "--json"});
    CHECK(rescored["exposure"].get<double>() == Approx(band[end].get<double>()).margin(1e-12));
  }
  // A unit group no combination scores has no band.
  const nlohmann::json unscored = run_json({"score", "1161", "--json"});
  CHECK(unscored["scored"] == false);
  CHECK(unscored["sensitivity"].is_null());
}

TEST_CASE("score carries ONS's precision of each figure and the bridge quality", "[commands]") {
  const nlohmann::json json = run_json({"score", "1137", "--json"});
  CHECK(json["employees_precision"] == nlohmann::json{{"cv_pct", 7.1}, {"quality", "reasonably_precise"},
                                                      {"interval_low", 52000}, {"interval_high", 68000},
                                                      {"text", "CV 7.1%: reasonably precise; 95% interval 52k\u201368k"}});
  CHECK(json["median_pay_precision"]["interval_low"] == 80700);
  CHECK(json["median_pay_precision"]["interval_high"] == 99400);
  CHECK(json["bridge_quality"]["grade"] == "good");
  CHECK(json["bridge_quality"]["isco"] == "1330");
  CHECK(json["bridge_quality"]["onet_count"] == 1);
  // Where each figure comes from, as the page's panels say it.
  const auto& wage = json["provenance"][5];
  CHECK(wage["figure"] == "wage_exposure");
  CHECK_THAT(wage["formula"].get<std::string>(), StartsWith("60,000 \u00D7 \u00A390,081 \u00D7 0.12 = \u00A3648.6m"));
  CHECK(wage["sources"][0]["id"] == "ashe");
  CHECK_THAT(wage["citation"].get<std::string>(), StartsWith("Information technology directors (SOC 2020 1137), Wage exposure"));
  const nlohmann::json withheld = run_json({"score", "1161", "--json"});
  CHECK(withheld["employees_precision"]["cv_pct"].is_null());
  CHECK(withheld["employees_precision"]["quality"].is_null());
  CHECK(withheld["employees_precision"]["interval_low"].is_null());
  CHECK(withheld["bridge_quality"]["grade"] == "weak");
  CHECK(withheld["bridge_quality"]["rated_share"].is_null());
  // The text output says the same.
  const Outcome text = run_args({"score", "1137"});
  CHECK_THAT(text.out, Contains("60k \u00B7 CV 7.1%: reasonably precise; 95% interval 52k\u201368k"));
  CHECK_THAT(text.out, Contains("Bridge quality: Good: ISCO-08 1330 carries 93%"));
  CHECK_THAT(run_args({"score", "1161"}).out, Contains("Bridge quality: Weak: "));
}

TEST_CASE("score --measure makes another measure the headline; every measure sits beside it", "[commands][measures]") {
  for (const char* soc : {"1137", "2132"}) {
    INFO(soc);
    const nlohmann::json eloundou = run_json({"score", soc, "--json"});
    const nlohmann::json ilo = run_json({"score", soc, "--json", "--measure", "ilo2025"});
    const nlohmann::json microsoft = run_json({"score", soc, "--json", "--measure", "microsoft"});
    CHECK(eloundou["measure"] == "eloundou");
    CHECK(ilo["measure"] == "ilo2025");
    CHECK(ilo["assumptions"]["measure"] == "ilo2025");
    // SCORING.md section 7: modal ISCO-08 1330 gives ILO 2025 4.4 and Microsoft 1.5 (11-3021).
    CHECK(ilo["exposure_text"] == "4.4");
    CHECK(ilo["exposure"].get<double>() == Approx(4.402).margin(5e-4));
    CHECK(microsoft["exposure_text"] == "1.5");
    CHECK(microsoft["exposure"].get<double>() == Approx(1.519).margin(5e-4));
    // The headline's rank and wage exposure follow the measure; the Eloundou band does not apply to it.
    CHECK(ilo["rank_percent"] != eloundou["rank_percent"]);
    CHECK(ilo["wage_exposure_text"] != eloundou["wage_exposure_text"]);
    CHECK(ilo["sensitivity"].is_null());
    CHECK_FALSE(eloundou["sensitivity"].is_null());
    // The side-by-side lines are the same whichever measure is the headline, bar the headline flag.
    REQUIRE(eloundou["measures"].size() == 4);
    for (std::size_t m = 0; m < 4; ++m) {
      INFO(m);
      CHECK(eloundou["measures"][m]["exposure_text"] == ilo["measures"][m]["exposure_text"]);
      CHECK(eloundou["measures"][m]["rank_percent"] == ilo["measures"][m]["rank_percent"]);
      CHECK(ilo["measures"][m]["headline"] == (m == 1));
    }
    CHECK(eloundou["measures"][0]["exposure_text"] == eloundou["exposure_text"]);
    CHECK(eloundou["measures"][1]["exposure_text"] == "4.4");
    CHECK(eloundou["measures"][3]["exposure_text"] == "1.5");
    CHECK(eloundou["ilo"]["isco"] == "1330");
    CHECK(eloundou["ilo"]["gradient"] == "Exposed: Gradient 2");
    CHECK_THAT(eloundou["agreement_text"].get<std::string>(), Contains("percentile"));
  }
}

TEST_CASE("rank --measure orders by that measure and names it in every row", "[commands][measures]") {
  const Outcome outcome = run_args({"rank", "--csv", "--measure", "microsoft"});
  REQUIRE(outcome.status == kExitOk);
  const auto rows = csv_rows(outcome.out);
  REQUIRE(rows.size() == 413);
  double previous = 11.0;
  int scored = 0;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    INFO(rows[r][0]);
    CHECK(rows[r][20] == "microsoft");
    CHECK(rows[r][5] == rows[r][24]);  // the headline is the Microsoft column
    CHECK(rows[r][11].empty());        // no sensitivity band under another measure
    if (rows[r][5].empty()) continue;
    ++scored;
    const double score = std::stod(rows[r][5]);
    CHECK(score >= 0.0);
    CHECK(score <= 10.0);
    CHECK(score <= previous);
    previous = score;
  }
  CHECK(scored == 402);
}

TEST_CASE("score --json of both published unit groups agrees with the check values", "[commands][spec]") {
  for (const auto& expected : check_values()["unit_groups"]) {
    const std::string soc = expected["soc"];
    INFO(soc);
    const nlohmann::json json = run_json({"score", soc, "--json"});
    CHECK(json["employees"] == expected["employees"]);
    CHECK(json["median_pay_gbp"] == expected["median_pay_gbp"]);
    CHECK(json["direct"].get<double>() == Approx(10 * expected["alpha"].get<double>()).margin(1e-9));
    CHECK(json["with_tools"].get<double>() == Approx(10 * expected["zeta"].get<double>()).margin(1e-9));
    CHECK(json["wage_exposure_gbp"].get<double>() == Approx(expected["wage_exposure_gbp"].get<double>()).margin(0.5));
    CHECK(json["wage_exposure_text"] == expected["wage_exposure_text"]);
    CHECK(json["band"] == expected["band"]);
    CHECK(json["task_count"] == expected["task_count"]);
    CHECK(json["can_do"] == expected["can_do"]);
  }
}

TEST_CASE("score of a unit group the default bridge cannot score says so and exits 0", "[commands]") {
  const Bundle& bundle = aiexp::test::committed_bundle();
  Scorer scorer(bundle);
  std::optional<std::string> unscored;
  for (std::size_t g = 0; g < bundle.unit_groups.size() && !unscored; ++g) {
    if (!scorer.unit_groups()[g].scored) unscored = bundle.unit_groups[g].soc;
  }
  REQUIRE(unscored);
  INFO(*unscored);
  const Outcome text = run_args({"score", *unscored});
  CHECK(text.status == kExitOk);
  CHECK(text.err.empty());
  CHECK_THAT(text.out, Contains("not scored"));
  CHECK_THAT(text.out, !Contains("/10 "));
  const nlohmann::json json = run_json({"score", *unscored, "--json"});
  CHECK(json["scored"] == false);
  CHECK(json["exposure"].is_null());
  CHECK(json["direct"].is_null());
  CHECK(json["with_tools"].is_null());
  CHECK(json["band"].is_null());
  CHECK(json["wage_exposure_gbp"].is_null());
  CHECK(json["rank_percent"].is_null());
}

TEST_CASE("score of a unit group whose ASHE employees are suppressed says why and leaves out wage exposure",
          "[commands]") {
  const Bundle& bundle = aiexp::test::committed_bundle();
  Scorer scorer(bundle);
  std::optional<std::string> suppressed;
  for (std::size_t g = 0; g < bundle.unit_groups.size() && !suppressed; ++g) {
    const UnitGroup& group = bundle.unit_groups[g];
    if (scorer.unit_groups()[g].scored && group.employees_k.marker == AsheMarker::Unreliable &&
        group.median_pay_gbp.published()) {
      suppressed = group.soc;
    }
  }
  REQUIRE(suppressed);
  INFO(*suppressed);
  const Outcome text = run_args({"score", *suppressed});
  CHECK(text.status == kExitOk);
  CHECK_THAT(text.out, Contains("not published: sample too small"));
  const nlohmann::json json = run_json({"score", *suppressed, "--json"});
  CHECK(json["employees"].is_null());
  CHECK(json["employees_text"] == "not published: sample too small");
  CHECK(json["median_pay_gbp"].is_number_integer());
  CHECK(json["wage_exposure_gbp"].is_null());
  CHECK(json["exposure"].is_number());
}

TEST_CASE("relabelling changes the score by the formula: task 975 of 1137 from E0 to E1 gives alpha 6/33",
          "[commands]") {
  // 1137's 17 tasks: 16 Core (weight 2) and 1 Supplemental (1), W = 33; E1 weight 4, E2 weight 27, E0 weight 2.
  const nlohmann::json before = score_1137({});
  CHECK(before["direct"].get<double>() == Approx(10.0 * 4 / 33).margin(1e-9));
  CHECK(before["with_tools"].get<double>() == Approx(10.0 * 31 / 33).margin(1e-9));

  const nlohmann::json json = score_1137({"--relabel", "975=E1"});
  CHECK(json["direct"].get<double>() == Approx(10.0 * 6 / 33).margin(1e-9));
  CHECK(json["exposure"].get<double>() == Approx(10.0 * 6 / 33).margin(1e-9));
  CHECK(json["with_tools"].get<double>() == Approx(10.0).margin(1e-9));
  CHECK(json["exposure_text"] == "1.8");
  CHECK(json["can_do"] == 3);
  bool found = false;
  for (const auto& task : json["tasks"]) {
    if (task["id"] != 975) continue;
    found = true;
    CHECK(task["label"] == "E1");
    CHECK(task["source_label"] == "E0");
  }
  CHECK(found);
  REQUIRE(json["assumptions"]["overrides"].size() == 1);
  CHECK(json["assumptions"]["overrides"][0]["id"] == 975);
  CHECK(json["assumptions"]["overrides"][0]["label"] == "E1");
  CHECK(json["assumptions"]["overrides"][0]["weight"].is_null());
}

TEST_CASE("reweighting changes the score by the formula", "[commands]") {
  // Excluding the E0 task 975: alpha = 4/31, zeta = 31/31.
  const nlohmann::json excluded = score_1137({"--reweight", "975=0"});
  CHECK(excluded["direct"].get<double>() == Approx(10.0 * 4 / 31).margin(1e-9));
  CHECK(excluded["with_tools"].get<double>() == Approx(10.0).margin(1e-9));
  // Doubling the E1 task 969 (Core, 2 -> 4): alpha = 6/35.
  const nlohmann::json heavier = score_1137({"--reweight=969=4"});
  CHECK(heavier["direct"].get<double>() == Approx(10.0 * 6 / 35).margin(1e-9));
  CHECK(heavier["with_tools"].get<double>() == Approx(10.0 * 33 / 35).margin(1e-9));
  // Relabel and reweight one task: 975 as E1 with weight 1, alpha = 5/32.
  const nlohmann::json both = score_1137({"--relabel", "975=E1", "--reweight", "975=1"});
  CHECK(both["direct"].get<double>() == Approx(10.0 * 5 / 32).margin(1e-9));
  REQUIRE(both["assumptions"]["overrides"].size() == 1);
  CHECK(both["assumptions"]["overrides"][0]["label"] == "E1");
  CHECK(both["assumptions"]["overrides"][0]["weight"] == 1.0);
}

TEST_CASE("label values, weights and wage rounding reach the score", "[commands]") {
  // e2 = 0.5 is the paper's beta: (4 + 0.5 x 27) / 33.
  const nlohmann::json beta = score_1137({"--e2", "0.5"});
  CHECK(beta["exposure"].get<double>() == Approx(10.0 * 17.5 / 33).margin(1e-9));
  CHECK(beta["direct"].get<double>() == Approx(10.0 * 4 / 33).margin(1e-9));
  CHECK(beta["band"] == "Moderate");
  // Importance weights reproduce the page's methodology figures.
  const auto& importance = check_values()["onet_11_3021"]["importance_weights"];
  const nlohmann::json weighted = score_1137({"--weights", "importance"});
  CHECK(weighted["direct"].get<double>() ==
        Approx(10 * importance["alpha"].get<double>()).margin(10 * importance["tolerance"].get<double>()));
  CHECK(weighted["with_tools"].get<double>() ==
        Approx(10 * importance["zeta"].get<double>()).margin(10 * importance["tolerance"].get<double>()));
  CHECK(weighted["direct_text"] == "1.2");
  CHECK(weighted["with_tools_text"] == "9.4");
  // --exact-wage uses the unrounded score: 60,000 x £90,081 x 4/33.
  const nlohmann::json exact = score_1137({"--exact-wage"});
  CHECK(exact["wage_exposure_gbp"].get<double>() == Approx(60000.0 * 90081.0 * 4 / 33).margin(0.5));
  CHECK(score_1137({})["wage_exposure_gbp"].get<double>() == Approx(648583200.0).margin(0.5));
}

// ---- onet ----

TEST_CASE("onet --all --csv lists 923 occupations with alpha, beta and zeta to 17 significant digits",
          "[commands][spec]") {
  const Outcome outcome = run_args({"onet", "--all", "--csv"});
  REQUIRE(outcome.status == kExitOk);
  CHECK(outcome.err.empty());
  const auto rows = csv_rows(outcome.out);
  REQUIRE(rows.size() == 924);
  CHECK(rows[0] == std::vector<std::string>{"onet_soc_code", "alpha", "beta", "zeta"});
  std::size_t seventeen = 0;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    REQUIRE(rows[r].size() == 4);
    if (r > 1) CHECK(rows[r - 1][0] < rows[r][0]);
    for (std::size_t c = 1; c < 4; ++c) {
      INFO(rows[r][0] << " column " << c << ": " << rows[r][c]);
      const double value = number(rows[r][c]);
      CHECK(value >= 0.0);
      CHECK(value <= 1.0);
      // Printed as %.17g: the shortest form only when that is exact, never fewer digits otherwise.
      CHECK(rows[r][c] == format17(value));
      CHECK(significant_digits(rows[r][c]) <= 17);
      seventeen += significant_digits(rows[r][c]) == 17;
    }
  }
  CHECK(seventeen > 1000);
}

TEST_CASE("onet --all --csv reproduces the paper's GPT-4 occupation ratings to 1e-9", "[commands][spec]") {
  const auto paper = paper_ratings();
  REQUIRE(paper.size() == 923);
  const auto rows = csv_rows(run_args({"onet", "--all", "--csv"}).out);
  REQUIRE(rows.size() == paper.size() + 1);
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const std::string& code = rows[r][0];
    INFO(code);
    REQUIRE(paper.count(code) == 1);
    const auto& expected = paper.at(code);
    CHECK(number(rows[r][1]) == Approx(expected.at("gpt4_alpha")).margin(1e-9));
    CHECK(number(rows[r][2]) == Approx(expected.at("gpt4_beta")).margin(1e-9));
    CHECK(number(rows[r][3]) == Approx(expected.at("gpt4_zeta")).margin(1e-9));
  }
}

TEST_CASE("onet --all --csv --labels human reproduces the paper's human ratings to 1e-9", "[commands][spec]") {
  const auto paper = paper_ratings();
  const auto rows = csv_rows(run_args({"onet", "--all", "--csv", "--labels", "human"}).out);
  REQUIRE(rows.size() == paper.size() + 1);
  std::size_t differs_from_gpt4 = 0;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const std::string& code = rows[r][0];
    INFO(code);
    REQUIRE(paper.count(code) == 1);
    const auto& expected = paper.at(code);
    CHECK(number(rows[r][1]) == Approx(expected.at("human_alpha")).margin(1e-9));
    CHECK(number(rows[r][2]) == Approx(expected.at("human_beta")).margin(1e-9));
    CHECK(number(rows[r][3]) == Approx(expected.at("human_zeta")).margin(1e-9));
    differs_from_gpt4 += std::abs(expected.at("human_alpha") - expected.at("gpt4_alpha")) > 1e-6;
  }
  CHECK(differs_from_gpt4 > 100);  // the two label sources really are different columns
}

TEST_CASE("onet with one code prints that occupation only", "[commands]") {
  const auto rows = csv_rows(run_args({"onet", "11-3021.00", "--csv"}).out);
  REQUIRE(rows.size() == 2);
  CHECK(rows[1][0] == "11-3021.00");
  CHECK(number(rows[1][1]) == Approx(check_value("1137")["alpha"].get<double>()).margin(1e-9));
  CHECK(number(rows[1][3]) == Approx(check_value("1137")["zeta"].get<double>()).margin(1e-9));

  const Outcome table = run_args({"onet", "11-3021.00"});
  REQUIRE(table.status == kExitOk);
  CHECK_THAT(table.out, Contains("11-3021.00"));
  CHECK_THAT(table.out, Contains("0.1212"));
  CHECK_THAT(table.out, Contains("0.9394"));
  CHECK_THAT(table.out, Contains("Computer and Information Systems Managers"));
}

// ---- rank ----

TEST_CASE("rank --csv lists all 412 unit groups, highest exposure first", "[commands][spec]") {
  const Outcome outcome = run_args({"rank", "--csv"});
  REQUIRE(outcome.status == kExitOk);
  CHECK(outcome.err.empty());
  const auto rows = csv_rows(outcome.out);
  REQUIRE(rows.size() == 413);
  CHECK(rows[0] == std::vector<std::string>{"soc", "title", "major_group", "employees", "median_pay_gbp", "exposure",
                                            "direct", "with_tools", "band", "wage_exposure_gbp", "rank_percent",
                                            "range_min", "range_max", "employees_cv_pct", "median_pay_cv_pct",
                                            "bridge_grade", "bridge_isco", "bridge_isco_share", "bridge_onets",
                                            "bridge_rated_share", "measure", "eloundou", "ilo2025", "ilo2023",
                                            "microsoft"});
  std::set<std::string> socs;
  bool unscored_seen = false;
  double previous = 11.0;
  int previous_rank = 101;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    REQUIRE(row.size() == 25);
    INFO(row[0]);
    CHECK(row[20] == "eloundou");
    CHECK(row[21] == row[5]);  // the Eloundou column is the headline's
    socs.insert(row[0]);
    CHECK(row[2] == row[0].substr(0, 1));
    if (row[5].empty()) {
      unscored_seen = true;
      CHECK(row[8].empty());
      CHECK(row[10].empty());
      CHECK(row[11].empty());
      CHECK(row[12].empty());
      continue;
    }
    // The headline lies within its band.
    CHECK(number(row[11]) <= number(row[5]));
    CHECK(number(row[5]) <= number(row[12]));
    CHECK_FALSE(unscored_seen);  // scored unit groups all come first
    const double exposure = number(row[5]);
    CHECK(exposure <= previous);
    previous = exposure;
    const int rank = std::stoi(row[10]);
    CHECK(rank <= previous_rank);
    previous_rank = rank;
  }
  CHECK(socs.size() == 412);
  CHECK(unscored_seen);

  for (const auto& expected : check_values()["unit_groups"]) {
    const std::string soc = expected["soc"];
    INFO(soc);
    const auto row = std::find_if(rows.begin(), rows.end(), [&](const auto& r) { return r[0] == soc; });
    REQUIRE(row != rows.end());
    CHECK((*row)[1] == expected["title"].get<std::string>());
    CHECK((*row)[3] == std::to_string(expected["employees"].get<std::int64_t>()));
    CHECK((*row)[4] == std::to_string(expected["median_pay_gbp"].get<std::int64_t>()));
    CHECK(number((*row)[6]) == Approx(10 * expected["alpha"].get<double>()).margin(1e-9));
    CHECK(number((*row)[7]) == Approx(10 * expected["zeta"].get<double>()).margin(1e-9));
    CHECK((*row)[8] == expected["band"].get<std::string>());
    CHECK(number((*row)[9]) == Approx(expected["wage_exposure_gbp"].get<double>()).margin(0.5));
    // The same rank as score reports.
    const auto score = run_json({"score", soc, "--json"});
    CHECK(std::stoi((*row)[10]) == score["rank_percent"].get<int>());
    // The band's ends as score reports them.
    CHECK(number((*row)[11]) == Approx(score["sensitivity"]["min"].get<double>()).margin(1e-9));
    CHECK(number((*row)[12]) == Approx(score["sensitivity"]["max"].get<double>()).margin(1e-9));
    // ONS's CVs as score reports them.
    CHECK(number((*row)[13]) == Approx(score["employees_precision"]["cv_pct"].get<double>()));
    CHECK(number((*row)[14]) == Approx(score["median_pay_precision"]["cv_pct"].get<double>()));
    // The bridge's grade and facts as score reports them.
    const auto& bridge = score["bridge_quality"];
    CHECK((*row)[15] == bridge["grade"].get<std::string>());
    CHECK((*row)[16] == bridge["isco"].get<std::string>());
    CHECK(number((*row)[17]) == Approx(bridge["isco_share"].get<double>()).margin(1e-9));
    CHECK((*row)[18] == std::to_string(bridge["onet_count"].get<int>()));
    CHECK(number((*row)[19]) == Approx(bridge["rated_share"].get<double>()).margin(1e-9));
  }
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const std::string& grade = rows[r][15];
    CHECK((grade == "good" || grade == "partial" || grade == "weak"));
  }
  const auto cvs = [&](const std::string& soc) {
    const auto row = std::find_if(rows.begin(), rows.end(), [&](const auto& r) { return r[0] == soc; });
    return std::pair((*row)[13], (*row)[14]);
  };
  CHECK(cvs("1137") == std::pair<std::string, std::string>("7.1", "5.3"));  // ASHE 2025 Table 14.7b
  CHECK(cvs("2132") == std::pair<std::string, std::string>("4", "3.1"));
  CHECK(cvs("1161") == std::pair<std::string, std::string>("", ""));        // armed forces: ONS gives none
  CHECK(cvs("1163") == std::pair<std::string, std::string>("27.8", "49"));  // withheld, with their CVs
}

TEST_CASE("rank prints a table and the UK totals", "[commands]") {
  const Outcome outcome = run_args({"rank"});
  REQUIRE(outcome.status == kExitOk);
  CHECK_THAT(outcome.out, Contains("SOC"));
  CHECK_THAT(outcome.out, Contains("Information technology directors"));
  CHECK_THAT(outcome.out, Contains("UK totals: "));
  CHECK_THAT(outcome.out, Contains("employment-weighted"));
  CHECK_THAT(outcome.out, Contains("Of 410 scored occupations, "));
  // One header, 412 unit groups, a blank line, the totals line and the distribution line.
  CHECK(std::count(outcome.out.begin(), outcome.out.end(), '\n') == 1 + 412 + 3);
}

// ---- help ----

TEST_CASE("help prints the help text and exits 0", "[commands]") {
  const Outcome overview = run_args({"--help"});
  CHECK(overview.status == kExitOk);
  CHECK(overview.out == help_text(""));
  CHECK(overview.err.empty());
  const Outcome score = run_args({"score", "--help"});
  CHECK(score.status == kExitOk);
  CHECK(score.out == help_text("score"));
}

// ---- exit statuses ----

TEST_CASE("a missing bundle folder exits 1 with one error line naming bundle.json", "[commands]") {
  TempDir dir;
  const fs::path missing = dir.path() / "missing";
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"score", "1137"}, {"onet", "--all"}, {"rank", "--csv"}}) {
    std::vector<std::string> with_data = args;
    with_data.push_back("--data");
    with_data.push_back(missing.string());
    const Outcome outcome = run_args(with_data);
    CHECK(outcome.status == kExitDataError);
    CHECK(outcome.out.empty());
    require_one_line(outcome.err);
    CHECK_THAT(outcome.err, Contains((missing / "bundle.json").string() + ": cannot read"));
  }
}

TEST_CASE("a corrupt bundle.json exits 1 with one error line naming it", "[commands]") {
  TempDir dir;
  write_file(dir.path() / "bundle.json", "{\"schema\": 1, \"kind\": \"bundle\", ");
  const Outcome outcome = run_args({"rank", "--data", dir.path().string()});
  CHECK(outcome.status == kExitDataError);
  CHECK(outcome.out.empty());
  require_one_line(outcome.err);
  CHECK_THAT(outcome.err, Contains((dir.path() / "bundle.json").string() + ": "));

  write_file(dir.path() / "bundle.json", "{\"schema\": 99, \"kind\": \"bundle\", \"build\": \"x\"}");
  const Outcome version = run_args({"score", "1137", "--data", dir.path().string()});
  CHECK(version.status == kExitDataError);
  require_one_line(version.err);
  CHECK_THAT(version.err, Contains((dir.path() / "bundle.json").string()));
}

TEST_CASE("a missing or corrupt details.json exits 1 with one error line naming it", "[commands]") {
  TempDir dir;
  fs::copy_file(data_dir() / "bundle.json", dir.path() / "bundle.json");
  const Outcome missing = run_args({"rank", "--data", dir.path().string()});
  CHECK(missing.status == kExitDataError);
  require_one_line(missing.err);
  CHECK_THAT(missing.err, Contains((dir.path() / "details.json").string() + ": cannot read"));

  write_file(dir.path() / "details.json", "[1, 2");
  const Outcome corrupt = run_args({"onet", "--all", "--data", dir.path().string()});
  CHECK(corrupt.status == kExitDataError);
  require_one_line(corrupt.err);
  CHECK_THAT(corrupt.err, Contains((dir.path() / "details.json").string() + ": "));
}

TEST_CASE("a missing task text part exits 1 for score only, naming the part", "[commands]") {
  TempDir dir;
  fs::copy_file(data_dir() / "bundle.json", dir.path() / "bundle.json");
  fs::copy_file(data_dir() / "details.json", dir.path() / "details.json");
  const Outcome score = run_args({"score", "1137", "--data", dir.path().string()});
  CHECK(score.status == kExitDataError);
  require_one_line(score.err);
  CHECK_THAT(score.err, Contains((dir.path() / "text" / "tasks-11.json").string()));
  // rank and onet need no task text.
  CHECK(run_args({"rank", "--csv", "--data", dir.path().string()}).status == kExitOk);
  CHECK(run_args({"onet", "--all", "--csv", "--data", dir.path().string()}).status == kExitOk);
}

TEST_CASE("an unknown SOC 2020 or O*NET-SOC code exits 2 with one error line naming it", "[commands]") {
  const Outcome soc = run_args({"score", "9998"});
  CHECK(soc.status == kExitUsage);
  CHECK(soc.out.empty());
  require_one_line(soc.err);
  CHECK_THAT(soc.err, Contains("unknown SOC 2020 unit group \"9998\""));

  const Outcome onet = run_args({"onet", "99-9999.99"});
  CHECK(onet.status == kExitUsage);
  CHECK(onet.out.empty());
  require_one_line(onet.err);
  CHECK_THAT(onet.err, Contains("unknown O*NET-SOC occupation \"99-9999.99\""));
}

TEST_CASE("assumptions the bundle rejects exit 2 with one error line", "[commands]") {
  // A task id no occupation has, in each scoring command.
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"score", "1137", "--relabel", "99999999=E1"},
        {"onet", "--all", "--reweight", "99999999=2"},
        {"rank", "--relabel", "99999999=E2"}}) {
    INFO(::Catch::Detail::stringify(args));
    const Outcome outcome = run_args(args);
    CHECK(outcome.status == kExitUsage);
    CHECK(outcome.out.empty());
    require_one_line(outcome.err);
    CHECK_THAT(outcome.err, Contains("99999999"));
  }
  // Values parse_args would refuse, handed to run() directly.
  Request request;
  request.command = Command::Score;
  request.code = "1137";
  request.assumptions.e2 = 1.5;
  const Outcome e2 = run_request(request);
  CHECK(e2.status == kExitUsage);
  require_one_line(e2.err);
  request.assumptions.e2 = 0.0;
  request.command = Command::Rank;
  request.assumptions.overrides.push_back(TaskOverride{975, std::nullopt, -1.0});
  const Outcome weight = run_request(request);
  CHECK(weight.status == kExitUsage);
  require_one_line(weight.err);
}

TEST_CASE("build-data with a sources folder lacking the label set exits 1 and leaves the output folder alone",
          "[commands]") {
  TempDir dir;
  const fs::path out = dir.path() / "out";
  write_file(out / "bundle.json", "earlier bundle\n");
  write_file(out / "text" / "tasks-11.json", "earlier part\n");
  const Outcome outcome =
      run_args({"build-data", "--sources", (dir.path() / "no-sources").string(), "--out", out.string()});
  CHECK(outcome.status == kExitDataError);
  CHECK(outcome.out.empty());
  require_one_line(outcome.err);
  CHECK_THAT(outcome.err, Contains("eloundou/full_labelset.tsv:0: cannot open file"));
  CHECK(read_text(out / "bundle.json") == "earlier bundle\n");
  CHECK(read_text(out / "text" / "tasks-11.json") == "earlier part\n");
  CHECK_FALSE(fs::exists(out / ".staging"));
}

// ---- data paths that are not files: never a hang, never an abort ----

namespace {

// Runs `args` with `--data <dir>` and checks for exit 1 and one stderr line containing `expected`.
void require_data_error(std::vector<std::string> args, const fs::path& dir, const std::string& expected) {
  args.push_back("--data");
  args.push_back(dir.string());
  INFO(::Catch::Detail::stringify(args));
  const Outcome outcome = run_args(args);
  CHECK(outcome.status == kExitDataError);
  CHECK(outcome.out.empty());
  require_one_line(outcome.err);
  CHECK_THAT(outcome.err, Contains(expected));
}

// A data folder holding the committed bundle and details, with `name` replaced by what `make` puts there.
template <class Make>
void with_bad_file(const std::string& name, Make make, const std::string& expected_tail) {
  TempDir dir;
  for (const char* file : {"bundle.json", "details.json"}) fs::copy_file(data_dir() / file, dir.path() / file);
  fs::copy(data_dir() / "text", dir.path() / "text");
  const fs::path path = dir.path() / name;
  fs::remove(path);
  make(path);
  require_data_error({"score", "1137"}, dir.path(), path.string() + ": " + expected_tail);
}

}  // namespace

TEST_CASE("a data file that is a folder, or a symlink to one, exits 1 naming it", "[commands][files]") {
  with_bad_file("bundle.json", [](const fs::path& p) { fs::create_directory(p); }, "is a folder, not a data file");
  with_bad_file("details.json", [](const fs::path& p) { fs::create_directory_symlink(p.parent_path() / "text", p); },
                "is a folder, not a data file");
  with_bad_file("text/tasks-11.json", [](const fs::path& p) { fs::create_directory(p); }, "is a folder");
}

TEST_CASE("a data file that is a device, or a symlink to one, exits 1 at once without reading it", "[commands][files]") {
  // /dev/zero would never end and /dev/null reads as an empty file: both are refused before any read.
  with_bad_file("bundle.json", [](const fs::path& p) { fs::create_symlink("/dev/zero", p); }, "is a character device");
  with_bad_file("details.json", [](const fs::path& p) { fs::create_symlink("/dev/null", p); }, "is a character device");
  with_bad_file("text/tasks-11.json", [](const fs::path& p) { fs::create_symlink("/dev/zero", p); },
                "is a character device");
}

TEST_CASE("a data file that is a FIFO exits 1 at once instead of waiting for a writer", "[commands][files]") {
  with_bad_file("bundle.json", [](const fs::path& p) { REQUIRE(::mkfifo(p.c_str(), 0600) == 0); }, "is a FIFO");
  with_bad_file("text/tasks-11.json", [](const fs::path& p) { REQUIRE(::mkfifo(p.c_str(), 0600) == 0); }, "is a FIFO");
}

TEST_CASE("a data file over the 64 MB cap exits 1 naming it and its size", "[commands][files]") {
  CHECK(kMaxDataFileBytes == 64u * 1024 * 1024);
  // A sparse file: the size is checked before anything is read or allocated.
  with_bad_file("bundle.json", [](const fs::path& p) {
    { std::ofstream create(p); }
    fs::resize_file(p, kMaxDataFileBytes + 1);
  }, "67108865 bytes, over the 64 MB limit for a data file");
  with_bad_file("details.json", [](const fs::path& p) {
    { std::ofstream create(p); }
    fs::resize_file(p, std::uintmax_t{1} << 32);
  }, "4294967296 bytes, over the 64 MB limit");
}

TEST_CASE("a dangling or looping symlink as a data file exits 1 naming it", "[commands][files]") {
  with_bad_file("bundle.json", [](const fs::path& p) { fs::create_symlink(p.parent_path() / "nowhere", p); },
                "cannot read (No such file or directory)");
  with_bad_file("bundle.json", [](const fs::path& p) { fs::create_symlink(p, p); }, "cannot read (");
}

TEST_CASE("an unreadable data file exits 1 naming it (skipped as root, who can read mode-000 files)", "[commands][files]") {
  if (::geteuid() == 0) {
    // tests/cli/exit_codes.sh runs this case as "nobody" when run as root.
    WARN("running as root: a mode-000 file is readable, so this case cannot be made here");
    return;
  }
  with_bad_file("bundle.json", [](const fs::path& p) {
    fs::copy_file(data_dir() / "bundle.json", p);
    fs::permissions(p, fs::perms::none);
  }, "cannot read (Permission denied)");
}

TEST_CASE("a regular data file whose read fails exits 1 naming it, also as root", "[commands][files]") {
  // /proc/self/mem is a regular file of size 0 that opens, but reading offset 0 (unmapped) fails with EIO.
  if (!fs::exists("/proc/self/mem")) return;
  with_bad_file("bundle.json", [](const fs::path& p) { fs::create_symlink("/proc/self/mem", p); },
                "cannot read (Input/output error)");
}

TEST_CASE("a --data path that is not a folder exits 1 naming it", "[commands][files]") {
  TempDir dir;
  write_file(dir.path() / "plain", "not a folder\n");
  require_data_error({"rank"}, dir.path() / "plain", (dir.path() / "plain").string() + ": is a file, not a folder");
  require_data_error({"onet", "--all"}, "/dev/null", "/dev/null: is a character device, not a folder");
  fs::create_symlink("/dev/zero", dir.path() / "zero");
  require_data_error({"score", "1137"}, dir.path() / "zero", "zero: is a character device, not a folder");
}

TEST_CASE("build-data refuses a --sources or --out that is not a folder, and a source that is not a file",
          "[commands][files]") {
  TempDir dir;
  const auto build = [&](const fs::path& sources, const fs::path& out, const std::string& expected) {
    const Outcome outcome = run_args({"build-data", "--sources", sources.string(), "--out", out.string()});
    INFO(outcome.err);
    CHECK(outcome.status == kExitDataError);
    CHECK(outcome.out.empty());
    require_one_line(outcome.err);
    CHECK_THAT(outcome.err, Contains(expected));
  };
  write_file(dir.path() / "plain", "x\n");
  build(dir.path() / "plain", dir.path() / "out", (dir.path() / "plain").string() + ": is a file, not a folder");
  build("/dev/null", dir.path() / "out", "/dev/null: is a character device, not a folder");
  const fs::path sources = dir.path() / "sources";
  fs::create_directories(sources / "eloundou");
  build(sources, "/dev/null", "/dev/null: is a character device, not a folder");
  const fs::path labels = sources / "eloundou" / "full_labelset.tsv";
  REQUIRE(::mkfifo(labels.c_str(), 0600) == 0);
  build(sources, dir.path() / "out", labels.string() + ": is a FIFO, not a data file");
  fs::remove(labels);
  fs::create_symlink("/dev/zero", labels);
  build(sources, dir.path() / "out", labels.string() + ": is a character device");
  fs::remove(labels);
  { std::ofstream create(labels); }
  fs::resize_file(labels, kMaxDataFileBytes + 1);
  build(sources, dir.path() / "out", labels.string() + ": 67108865 bytes, over the 64 MB limit");
  CHECK_FALSE(fs::exists(dir.path() / "out"));
}

TEST_CASE("ukexp takes the links' names: --w, --label-source and --tasks give the figures of --weights, --labels and --relabel",
          "[commands][grammar]") {
  const nlohmann::json canonical = run_json({"score", "1137", "--weights", "importance", "--labels", "human",
                                             "--relabel", "975=E1", "--json"});
  const nlohmann::json aliases = run_json({"score", "1137", "--w", "importance", "--label-source", "human",
                                           "--tasks", "975.E1", "--json"});
  CHECK(aliases == canonical);
  CHECK(canonical["assumptions"]["weights"] == "importance");
}

// ---- output safe to print: hostile data and hostile arguments ----

namespace {

// The hostile strings planted in a copy of the data, as JSON string bodies, and as ukexp must show them.
// 1137's title is a spreadsheet formula that also clears the screen; 2132's forges a line, overwrites it
// with a carriage return, reverses what follows and ends in a C1 CSI.
constexpr const char* kFormulaTitleJson = R"(=HYPERLINK(\"http://evil.example\",\"x\")\u001b[2J)";
constexpr const char* kFormulaTitle = "=HYPERLINK(\"http://evil.example\",\"x\")\x1b[2J";
constexpr const char* kForgingTitleJson = R"(IT\u001b[31m managers\nUK totals: fake\rreal \u202eevil\u009b2J)";
constexpr const char* kForgingTitle = "IT\x1b[31m managers\nUK totals: fake\rreal \u202e" "evil\u009b" "2J";
constexpr const char* kForgingTitleShown = "IT\\u001B[31m managers\\u000AUK totals: fake\\u000Dreal \\u202Eevil\\u009B2J";

void replace_once(const fs::path& path, const std::string& from, const std::string& to) {
  std::string text = read_text(path);
  const std::size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  REQUIRE(text.find(from, at + 1) == std::string::npos);
  text.replace(at, from.size(), to);
  write_file(path, text);
}

// A copy of the committed data folder with hostile titles (bundle.json), an O*NET title and a description
// (details.json) and a task statement (text/tasks-11.json).
void write_hostile_data(const fs::path& dir) {
  for (const char* file : {"bundle.json", "details.json"}) fs::copy_file(data_dir() / file, dir / file);
  fs::copy(data_dir() / "text", dir / "text");
  replace_once(dir / "bundle.json", "\"Information technology directors\"", std::string("\"") + kFormulaTitleJson + "\"");
  replace_once(dir / "bundle.json", "\"IT managers\"", std::string("\"") + kForgingTitleJson + "\"");
  replace_once(dir / "details.json", "\"Computer and Information Systems Managers\"",
               R"("Computer\u001b]0;pwned\u0007 managers\r\nforged")");
  replace_once(dir / "details.json", "\"1137\":\"Information technology directors plan,",
               R"("1137":"\u001b[2JInformation technology directors\u2067 plan,)");
  replace_once(dir / "text" / "tasks-11.json", "\"Direct daily operations of department,",
               R"("\u001b[1A\u001b[2KDirect daily operations\r\nof department,)");
}

// Whether `text` is safe on a terminal: no C0 control but a line feed (and a carriage return right before one),
// no DEL, no C1 control, no bidi control, only well-formed UTF-8.
bool terminal_safe(const std::string& text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == '\n' || (byte == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) continue;
    if (byte < 0x20 || byte == 0x7F) return false;
    if (byte == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) < 0xA0) return false;
    for (const char* bidi : {"\u061C", "\u200E", "\u200F", "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066",
                             "\u2067", "\u2068", "\u2069"}) {
      if (text.compare(i, std::char_traits<char>::length(bidi), bidi) == 0) return false;
    }
  }
  return printable(text, LineBreaks::Keep) == text;  // well-formed UTF-8 too
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace

TEST_CASE("score shows hostile data as text: no escape sequence, no forged line, no reordering", "[commands][printable]") {
  TempDir dir;
  write_hostile_data(dir.path());
  const std::string data = dir.path().string();
  const Outcome formula = run_args({"score", "1137", "--data", data});
  REQUIRE(formula.status == kExitOk);
  CHECK(terminal_safe(formula.out));
  CHECK_THAT(formula.out, StartsWith("=HYPERLINK(\"http://evil.example\",\"x\")\\u001B[2J\nSOC 2020 1137"));
  CHECK_THAT(formula.out, Contains("\\u001B[2JInformation technology directors\\u2067 plan,"));
  CHECK_THAT(formula.out, Contains("Computer\\u001B]0;pwned\\u0007 managers\\u000D\\u000Aforged"));
  CHECK_THAT(formula.out, Contains("\\u001B[1A\\u001B[2KDirect daily operations\\u000D\\u000Aof department,"));
  const Outcome forging = run_args({"score", "2132", "--data", data});
  REQUIRE(forging.status == kExitOk);
  CHECK(terminal_safe(forging.out));
  CHECK_THAT(forging.out, StartsWith(std::string(kForgingTitleShown) + "\nSOC 2020 2132"));
  for (const std::string& line : lines_of(forging.out)) CHECK_FALSE(line.starts_with("UK totals: fake"));
}

TEST_CASE("score --json keeps hostile data exact and valid, with nothing a terminal acts on", "[commands][printable]") {
  TempDir dir;
  write_hostile_data(dir.path());
  for (const char* soc : {"1137", "2132"}) {
    INFO(soc);
    const Outcome outcome = run_args({"score", soc, "--json", "--data", dir.path().string()});
    REQUIRE(outcome.status == kExitOk);
    CHECK(terminal_safe(outcome.out));
    const nlohmann::json json = nlohmann::json::parse(outcome.out);
    CHECK(json["title"] == (std::string(soc) == "1137" ? kFormulaTitle : kForgingTitle));
  }
  const nlohmann::json json = nlohmann::json::parse(run_args({"score", "1137", "--json", "--data", dir.path().string()}).out);
  CHECK(json["onet"][0]["title"] == "Computer\x1b]0;pwned\x07 managers\r\nforged");
  CHECK(json["description"].get<std::string>().starts_with("\x1b[2JInformation technology directors\u2067 plan,"));
}

TEST_CASE("rank and onet show hostile titles escaped in their tables", "[commands][printable]") {
  TempDir dir;
  write_hostile_data(dir.path());
  const Outcome rank = run_args({"rank", "--data", dir.path().string()});
  REQUIRE(rank.status == kExitOk);
  CHECK(terminal_safe(rank.out));
  CHECK_THAT(rank.out, Contains(kForgingTitleShown));
  // Still one line per unit group: the forged line break is an escape.
  CHECK(std::count(rank.out.begin(), rank.out.end(), '\n') == 1 + 412 + 3);
  for (const std::string& line : lines_of(rank.out)) CHECK_FALSE(line.starts_with("UK totals: fake"));
  const Outcome onet = run_args({"onet", "11-3021.00", "--data", dir.path().string()});
  REQUIRE(onet.status == kExitOk);
  CHECK(terminal_safe(onet.out));
  CHECK(lines_of(onet.out).size() == 2);
  CHECK_THAT(onet.out, Contains("Computer\\u001B]0;pwned\\u0007 managers\\u000D\\u000Aforged"));
}

TEST_CASE("rank --csv quotes hostile titles safely and neutralises a formula, numbers untouched", "[commands][printable]") {
  TempDir dir;
  write_hostile_data(dir.path());
  const Outcome outcome = run_args({"rank", "--csv", "--data", dir.path().string()});
  REQUIRE(outcome.status == kExitOk);
  CHECK(terminal_safe(outcome.out));
  // Every record is one line, ended by CR LF: no field holds a line break.
  CHECK(std::count(outcome.out.begin(), outcome.out.end(), '\n') == 413);
  CHECK(std::count(outcome.out.begin(), outcome.out.end(), '\r') == 413);
  const auto rows = csv_rows(outcome.out);
  REQUIRE(rows.size() == 413);
  const auto row_of = [&](const std::string& soc) {
    const auto row = std::find_if(rows.begin(), rows.end(), [&](const auto& r) { return r[0] == soc; });
    REQUIRE(row != rows.end());
    return *row;
  };
  const auto formula = row_of("1137");
  CHECK(formula[1] == "'=HYPERLINK(\"http://evil.example\",\"x\")\\u001B[2J");
  CHECK(row_of("2132")[1] == kForgingTitleShown);
  // The raw text: the formula's field is quoted (it holds commas and quotes) and starts with the apostrophe.
  CHECK_THAT(outcome.out, Contains("\r\n1137,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\\u001B[2J\",1,"));
  // The figures are the committed data's: only the titles differ.
  const auto committed = csv_rows(run_args({"rank", "--csv"}).out);
  REQUIRE(committed.size() == rows.size());
  for (std::size_t r = 0; r < rows.size(); ++r) {
    auto expected = committed[r];
    auto got = rows[r];
    expected[1] = got[1] = "";
    CHECK(got == expected);
  }
}

TEST_CASE("an argument a message quotes back is escaped and cut, never echoed whole", "[commands][printable]") {
  const std::string huge(100 * 1024, 'x');
  const Outcome soc = run_args({"score", huge});
  CHECK(soc.status == kExitUsage);
  require_one_line(soc.err);
  CHECK(soc.err == "ukexp: unknown SOC 2020 unit group \"" + std::string(59, 'x') + "\u2026\"\n");
  const Outcome escape = run_args({"onet", "\x1b[2J\x9b" "2J\n11-3021.00"});
  CHECK(escape.status == kExitUsage);
  require_one_line(escape.err);
  CHECK(escape.err == "ukexp: unknown O*NET-SOC occupation \"\\u001B[2J\\x9B2J\\u000A11-3021.00\"\n");
  // A --data folder named by a 100 KB path: the path is cut too.
  const Outcome data = run_args({"rank", "--data", "/" + huge});
  CHECK(data.status == kExitDataError);
  require_one_line(data.err);
  CHECK(data.err.size() < 400);
  CHECK_THAT(data.err, StartsWith("ukexp: /" + std::string(kEchoPathChars - 2, 'x') + "\u2026: "));
}

TEST_CASE("a message line is printable and at most kMaxMessageChars characters", "[commands][printable]") {
  std::ostringstream err;
  print_message(err, "ukexp: two\nlines \x1b[2J");
  CHECK(err.str() == "ukexp: two\\u000Alines \\u001B[2J\n");
  std::ostringstream long_err;
  print_message(long_err, std::string(5000, 'y'));
  CHECK(long_err.str() == std::string(kMaxMessageChars - 1, 'y') + "\u2026\n");
}

// ---- where ukexp finds its data folder ----

namespace {

// A folder holding a bundle.json (its content is not read by find_data_dir).
fs::path make_data_folder(const fs::path& dir) {
  write_file(dir / "bundle.json", "{}");
  return dir;
}

}  // namespace

TEST_CASE("UKEXP_DATA names the data folder before anything found beside ukexp", "[commands][data-folder]") {
  TempDir dir;
  make_data_folder(dir.path() / "prefix" / "share" / "ukexp" / "data");
  std::string why;
  const DataLookup lookup{(dir.path() / "elsewhere").string(), dir.path() / "prefix" / "bin" / "ukexp"};
  // Used as it is, even when it holds nothing: the error then names its bundle.json, not another folder's.
  CHECK(find_data_dir(lookup, why) == dir.path() / "elsewhere");
  const Outcome outcome = [&] {
    std::ostringstream out, err;
    Outcome result;
    result.status = run(parse_args({"rank"}).value(), out, err, lookup);
    result.out = out.str();
    result.err = err.str();
    return result;
  }();
  CHECK(outcome.status == kExitDataError);
  require_one_line(outcome.err);
  CHECK_THAT(outcome.err, Contains((dir.path() / "elsewhere" / "bundle.json").string() + ": cannot read"));
  // --data wins over both.
  std::ostringstream out, err;
  CHECK(run(parse_args({"score", "1137", "--data", data_dir().string()}).value(), out, err, lookup) == kExitOk);
}

TEST_CASE("an installed ukexp reads <prefix>/share/ukexp/data", "[commands][data-folder]") {
  TempDir dir;
  const fs::path installed = make_data_folder(dir.path() / "prefix" / "share" / "ukexp" / "data");
  make_data_folder(dir.path() / "prefix" / "data");  // a checkout-like data/ above it comes second
  std::string why;
  CHECK(find_data_dir({"", dir.path() / "prefix" / "bin" / "ukexp"}, why) == installed);
  CHECK(why.empty());
}

TEST_CASE("a build inside a checkout reads the data/ of that checkout, up to 3 folders above ukexp",
          "[commands][data-folder]") {
  TempDir dir;
  const fs::path checkout = dir.path() / "checkout";
  const fs::path data = make_data_folder(checkout / "data");
  std::string why;
  CHECK(find_data_dir({"", checkout / "build" / "native" / "cli" / "ukexp"}, why) == data);
  CHECK(find_data_dir({"", checkout / "build" / "ukexp"}, why) == data);
  CHECK(find_data_dir({"", checkout / "ukexp"}, why) == data);
  // The nearest wins: a data/ beside the binary before the checkout's.
  const fs::path beside = make_data_folder(checkout / "build" / "data");
  CHECK(find_data_dir({"", checkout / "build" / "ukexp"}, why) == beside);
  // Four folders up is too far: that data/ belongs to something else.
  CHECK_FALSE(find_data_dir({"", checkout / "a" / "b" / "c" / "d" / "ukexp"}, why));
  CHECK(kDataSearchLevels == 3);
  CHECK_THAT(help_text(""), Contains("up to " + std::to_string(kDataSearchLevels) + " folders above it"));
  CHECK_THAT(help_text(""), Contains(std::string(kDataEnvVar)));
}

TEST_CASE("without a data folder, ukexp says where it looked and how to name one", "[commands][data-folder]") {
  TempDir dir;
  const fs::path exe = dir.path() / "a" / "b" / "lonely" / "bin" / "ukexp";
  std::string why;
  CHECK_FALSE(find_data_dir({"", exe}, why));
  for (const fs::path& looked : {dir.path() / "a" / "b" / "lonely" / "share" / "ukexp" / "data",
                                 dir.path() / "a" / "b" / "lonely" / "bin" / "data",
                                 dir.path() / "a" / "b" / "lonely" / "data", dir.path() / "a" / "b" / "data",
                                 dir.path() / "a" / "data"}) {
    CHECK_THAT(why, Contains(looked.string()));
  }
  CHECK_THAT(why, !Contains((dir.path() / "data").string() + ","));  // 4 folders up: not looked at
  CHECK_THAT(why, !Contains((dir.path() / "data").string() + " holds"));
  CHECK_THAT(why, StartsWith("no data folder found: UKEXP_DATA is not set, and none of "));
  CHECK_THAT(why, Contains("; name the folder with --data DIR or UKEXP_DATA=DIR"));
  for (const std::vector<std::string>& args : {std::vector<std::string>{"score", "1137"}, {"onet", "--all"}, {"rank"}}) {
    std::ostringstream out, err;
    CHECK(run(parse_args(args).value(), out, err, DataLookup{"", exe}) == kExitDataError);
    CHECK(out.str().empty());
    require_one_line(err.str());
    CHECK(err.str() == "ukexp: " + why + "\n");
  }
  // Commands that read no data do not look for it.
  std::ostringstream out, err;
  CHECK(run(parse_args({"--help"}).value(), out, err, DataLookup{"", exe}) == kExitOk);
  // Where ukexp is cannot be known (no /proc/self/exe and a bare program name).
  CHECK_FALSE(find_data_dir({"", {}}, why));
  CHECK_THAT(why, Contains("where ukexp is is unknown"));
}
