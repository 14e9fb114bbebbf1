// `ukexp breakdown sex|pattern|industry|region|pay` (cli/commands.cpp), issue 26: its grammar, its CSV, JSON and
// text with the check values, and, under another set of assumptions, every group recomputed here from the raw
// staged ONS files and the unit groups' scores of `ukexp rank --csv` under the same assumptions.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include <nlohmann/json.hpp>

#include "aiexp/pipeline/table.h"
#include "args.h"
#include "commands.h"
#include "test_data.h"

using namespace aiexp;
using namespace aiexp::cli;
using aiexp::test::check_values;
using aiexp::test::data_dir;
using aiexp::test::shared_sources_dir;
using Catch::Matchers::Contains;

namespace {

struct Outcome {
  int status = -1;
  std::string out;
  std::string err;
};

Outcome run_args(const std::vector<std::string>& args) {
  auto request = parse_args(args);
  INFO("error: " << (request.ok() ? std::string() : request.error().detail));
  REQUIRE(request.ok());
  std::ostringstream out;
  std::ostringstream err;
  Outcome outcome;
  outcome.status = run(request.value(), out, err, data_dir());
  outcome.out = out.str();
  outcome.err = err.str();
  return outcome;
}

std::string usage_error(const std::vector<std::string>& args) {
  auto request = parse_args(args);
  REQUIRE_FALSE(request.ok());
  CHECK(request.error().code == ErrorCode::InvalidOption);
  return request.error().detail;
}

// A CSV text as a header and rows of named fields.
struct Csv {
  std::vector<std::string> header;
  std::vector<std::map<std::string, std::string>> rows;
};

Csv parse_csv(const std::string& text, const std::string& name) {
  const pipeline::Table table = pipeline::Table::parse(text, ',', name);
  Csv csv;
  csv.header = table.header();
  for (const pipeline::Record& record : table.rows()) {
    std::map<std::string, std::string> row;
    for (std::size_t i = 0; i < record.fields.size(); ++i) row[csv.header[i]] = record.fields[i];
    csv.rows.push_back(std::move(row));
  }
  return csv;
}

Csv command_csv(const std::vector<std::string>& args) {
  const Outcome outcome = run_args(args);
  INFO(outcome.err);
  REQUIRE(outcome.status == kExitOk);
  CHECK(outcome.err.empty());
  return parse_csv(outcome.out, args[0]);
}

Csv source_csv(const std::string& relative) {
  return parse_csv(test::read_text(shared_sources_dir() / relative), relative);
}

double number(const std::string& text) { return std::stod(text); }

// What a group's CSV row must say: what the mean is over, and the mean.
struct Expected {
  double employees = 0.0;
  double weighted = 0.0;  // sum of employees x score
};

void check_against(const Csv& csv, const std::map<std::string, Expected>& expected) {
  REQUIRE(csv.rows.size() == expected.size());
  for (const auto& row : csv.rows) {
    const std::string& group = row.at("group");
    INFO(group);
    REQUIRE(expected.count(group) == 1);
    const Expected& want = expected.at(group);
    CHECK(number(row.at("employees")) == Approx(want.employees).epsilon(1e-9).margin(1e-3));
    if (want.employees > 0.0) {
      CHECK(number(row.at("mean_score")) == Approx(want.weighted / want.employees).margin(1e-7));
    } else {
      CHECK(row.at("mean_score").empty());
    }
  }
}

}  // namespace

TEST_CASE("breakdown takes one kind and every assumption option the other commands take", "[cli][breakdowns]") {
  const auto request = parse_args({"breakdown", "industry", "--labels", "human", "--e1", "0.9", "--e2", "0.5",
                                   "--weights", "equal", "--bridge", "blend", "--wage", "exact", "--measure",
                                   "ilo2025", "--tasks", "975.E1", "--relabel", "969=E1", "--reweight", "970=0",
                                   "--data", "elsewhere", "--csv"});
  REQUIRE(request.ok());
  const Request& r = request.value();
  CHECK(r.command == Command::Breakdown);
  CHECK(r.code == "industry");
  CHECK(r.csv);
  CHECK(r.assumptions.label_source == LabelSource::Human);
  CHECK(r.assumptions.e1 == 0.9);
  CHECK(r.assumptions.weights == WeightScheme::Equal);
  CHECK(r.assumptions.bridge == BridgeMode::Blend);
  CHECK(r.assumptions.wage_rounding == WageRounding::Exact);
  CHECK(r.assumptions.measure == Measure::Ilo2025);
  CHECK(r.assumptions.overrides.size() == 3);
  CHECK(r.data_dir == "elsewhere");
  for (const char* kind : {"sex", "pattern", "region", "pay"}) CHECK(parse_args({"breakdown", kind, "--json"}).ok());
}

TEST_CASE("breakdown refuses no kind, an unknown one, two, both --json and --csv, and options that do not apply",
          "[cli][breakdowns]") {
  CHECK_THAT(usage_error({"breakdown"}), Contains("breakdown needs one kind: sex, pattern, industry, region or pay"));
  CHECK_THAT(usage_error({"breakdown", "age"}), Contains("breakdown needs one kind"));
  CHECK_THAT(usage_error({"breakdown", "sex", "pay"}), Contains("breakdown needs one kind"));
  CHECK_THAT(usage_error({"breakdown", "sex", "--json", "--csv"}), Contains("--json or --csv, not both"));
  CHECK_THAT(usage_error({"breakdown", "sex", "--all"}), Contains("unknown option --all for breakdown"));
  CHECK_THAT(usage_error({"breakdown", "sex", "--sources", "x"}), Contains("unknown option --sources for breakdown"));
  CHECK_THAT(usage_error({"breakdown", "sex", "--e2", "2"}), Contains("--e2 needs"));
  CHECK_THAT(help_text("breakdown"), Contains("group,employees,mean_score"));
  CHECK_THAT(help_text(""), Contains("breakdown <kind>"));
}

TEST_CASE("breakdown --csv gives the check values, group,employees,mean_score first", "[cli][breakdowns][spec]") {
  const auto& expected = check_values()["breakdowns"];
  const double mean_tolerance = expected["mean_tolerance"];
  for (const char* kind : {"sex", "pattern", "industry", "region", "pay"}) {
    INFO(kind);
    const Csv csv = command_csv({"breakdown", kind, "--csv"});
    REQUIRE(csv.header.size() > 3);
    CHECK(std::vector<std::string>(csv.header.begin(), csv.header.begin() + 3) ==
          std::vector<std::string>{"group", "employees", "mean_score"});
    if (!expected.contains(kind)) continue;
    for (const auto& row : csv.rows) {
      const std::string& group = row.at("group");
      if (!expected[kind].contains(group)) continue;
      INFO(group);
      const auto& want = expected[kind][group];
      const double tolerance = want.contains("tolerance") ? want["tolerance"].get<double>() : mean_tolerance;
      CHECK(number(row.at("mean_score")) == Approx(want["mean_score"].get<double>()).margin(tolerance));
      if (want.contains("employees")) {
        CHECK(number(row.at("employees")) ==
              Approx(want["employees"].get<double>()).epsilon(expected["total_tolerance"].get<double>()));
      }
      if (want.contains("high_share")) {
        CHECK(number(row.at("high_share")) ==
              Approx(want["high_share"].get<double>()).margin(expected["share_tolerance"].get<double>()));
      }
    }
  }
  // The groups as the issue names them.
  const Csv sex = command_csv({"breakdown", "sex", "--csv"});
  CHECK(sex.rows[0].at("group") == "female");
  CHECK(sex.rows[1].at("group") == "male");
  CHECK(sex.rows[0].at("from_unit_group") == "159");
  CHECK(command_csv({"breakdown", "pattern", "--csv"}).rows[1].at("group") == "part_time");
  CHECK(command_csv({"breakdown", "industry", "--csv"}).rows[9].at("group") == "J");
  CHECK(command_csv({"breakdown", "pay", "--csv"}).rows[9].at("group") == "10");
}

TEST_CASE("breakdown --json carries each group, the caption, the assumptions and the provenance panels",
          "[cli][breakdowns]") {
  const Outcome outcome = run_args({"breakdown", "region", "--json", "--e2", "0.5"});
  REQUIRE(outcome.status == kExitOk);
  const auto json = nlohmann::json::parse(outcome.out);
  CHECK(json["kind"] == "region");
  CHECK_THAT(json["caption"].get<std::string>(), Contains("self-employed included"));
  CHECK(json["assumptions"]["e2"] == 0.5);
  REQUIRE(json["groups"].size() == 12);
  CHECK(json["groups"][2]["group"] == "London");
  CHECK(json["groups"][2]["mean_score_text"].get<std::string>().size() == 4);
  REQUIRE(json["provenance"].size() == 12);
  CHECK(json["provenance"][2]["figure"] == "breakdown_region");
  CHECK_THAT(json["provenance"][2]["formula"].get<std::string>(), Contains("shown as"));
  CHECK(json["scored_minor_groups"].get<int>() > 90);
}

TEST_CASE("breakdown prints a readable table with its caption and assumptions", "[cli][breakdowns]") {
  const Outcome industry = run_args({"breakdown", "industry"});
  REQUIRE(industry.status == kExitOk);
  CHECK_THAT(industry.out, Contains("Who holds the exposed work, by industry"));
  CHECK_THAT(industry.out, Contains("J Information and communication"));
  CHECK_THAT(industry.out, Contains("3.38"));
  CHECK_THAT(industry.out, Contains("Assumptions: GPT-4 (main rubric) labels; E1 = 1, E2 = 0"));
  const Outcome sex = run_args({"breakdown", "sex"});
  CHECK_THAT(sex.out, Contains("Women  12.6m"));
  CHECK_THAT(sex.out, Contains("estimates, not counts ONS publishes"));
}

TEST_CASE("breakdown exits 1 naming breakdowns.json when it is missing", "[cli][breakdowns]") {
  const auto dir = std::filesystem::temp_directory_path() / "aiexp-breakdown-missing";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  for (const char* file : {"bundle.json", "details.json"}) std::filesystem::copy_file(data_dir() / file, dir / file);
  auto request = parse_args({"breakdown", "pay", "--data", dir.string()});
  REQUIRE(request.ok());
  std::ostringstream out;
  std::ostringstream err;
  CHECK(run(request.value(), out, err, data_dir()) == kExitDataError);
  const std::string message = err.str();
  CHECK_THAT(message, Contains((dir / "breakdowns.json").string() + ": cannot read"));
  CHECK(std::count(message.begin(), message.end(), '\n') == 1);
  std::filesystem::remove_all(dir);
}

TEST_CASE("breakdown under other assumptions equals every group recomputed from the raw ONS files",
          "[cli][breakdowns][shared]") {
  // Another set of assumptions: the human annotators' labels, E2 worth 0.5, equal weights, the blended bridge, a task
  // changed and the unrounded wage.
  const std::vector<std::string> assumptions{"--labels", "human", "--e2",   "0.5",    "--weights", "equal",
                                             "--bridge", "blend", "--tasks", "975.E1", "--wage",    "exact"};
  const auto with = [&](std::vector<std::string> args) {
    args.insert(args.end(), assumptions.begin(), assumptions.end());
    return args;
  };
  // The unit groups' scores, employees and median pay under them.
  struct Group {
    double score10 = 0.0;
    bool high = false;  // displayed at 6.0 or more
    double employees = -1.0;
    double median = -1.0;
  };
  std::map<std::string, Group> groups;
  for (const auto& row : command_csv(with({"rank", "--csv"})).rows) {
    if (row.at("exposure").empty()) continue;
    Group& group = groups[row.at("soc")];
    group.score10 = number(row.at("exposure"));
    group.high = row.at("band") == "High" || row.at("band") == "Very high";
    if (!row.at("employees").empty()) group.employees = number(row.at("employees"));
    if (!row.at("median_pay_gbp").empty()) group.median = number(row.at("median_pay_gbp"));
  }
  REQUIRE(groups.size() > 390);
  const auto in_u = [&](const std::string& soc) { return groups.count(soc) && groups.at(soc).employees >= 0.0; };

  SECTION("sex and working pattern: each unit group's share from the nearest code publishing both sides") {
    const Csv jobs = source_csv("uk/ashe_2024_prov_table14_7a_by_sex_and_pattern.csv");
    std::map<std::pair<std::string, std::string>, double> thousands;
    for (const auto& row : jobs.rows) {
      if (!row.at("jobs_thousands").empty()) thousands[{row.at("soc2020"), row.at("group")}] = number(row.at("jobs_thousands"));
    }
    for (const auto& [kind, first, second] : {std::tuple<std::string, std::string, std::string>{"sex", "female", "male"},
                                               {"pattern", "full_time", "part_time"}}) {
      INFO(kind);
      std::map<std::string, Expected> expected{{first, {}}, {second, {}}};
      for (const auto& [soc, group] : groups) {
        if (!in_u(soc)) continue;
        for (std::size_t length = 4; length >= 1; --length) {
          const std::string code = soc.substr(0, length);
          if (!thousands.count({code, first}) || !thousands.count({code, second})) continue;
          const double a = thousands.at({code, first});
          const double b = thousands.at({code, second});
          if (a + b <= 0.0) continue;
          expected[first].employees += group.employees * a / (a + b);
          expected[first].weighted += group.employees * a / (a + b) * group.score10;
          expected[second].employees += group.employees * b / (a + b);
          expected[second].weighted += group.employees * b / (a + b) * group.score10;
          break;
        }
      }
      const Csv csv = command_csv(with({"breakdown", kind, "--csv"}));
      check_against(csv, expected);
    }
  }

  SECTION("industry: the 2024 published cells of scored unit groups, weighted by their people") {
    std::map<std::string, Expected> expected;
    for (const auto& row : source_csv("uk/aps_employment_soc2020_by_industry_2021_2024.csv").rows) {
      if (row.at("year") != "2024") continue;
      Expected& section = expected[row.at("section")];
      const std::string& soc = row.at("soc2020");
      if (soc == "total" || row.at("employment").empty() || !groups.count(soc)) continue;
      section.employees += number(row.at("employment"));
      section.weighted += number(row.at("employment")) * groups.at(soc).score10;
    }
    check_against(command_csv(with({"breakdown", "industry", "--csv"})), expected);
  }

  SECTION("region: minor groups scored by their unit groups' employees, weighted by the APS people") {
    std::map<std::string, Expected> minor;  // employees-weighted over U
    std::map<std::string, Expected> plain;  // count-weighted over the scored
    for (const auto& [soc, group] : groups) {
      plain[soc.substr(0, 3)].employees += 1.0;
      plain[soc.substr(0, 3)].weighted += group.score10;
      if (!in_u(soc)) continue;
      minor[soc.substr(0, 3)].employees += group.employees;
      minor[soc.substr(0, 3)].weighted += group.employees * group.score10;
    }
    std::map<std::string, Expected> expected;
    for (const auto& row : source_csv("uk/aps_2024_employment_soc2020_minor_by_region.csv").rows) {
      Expected& region = expected[row.at("region")];
      const std::string& code = row.at("soc2020_minor_group");
      if (row.at("employment").empty() || !plain.count(code)) continue;
      const Expected& of = minor.count(code) && minor.at(code).employees > 0.0 ? minor.at(code) : plain.at(code);
      region.employees += number(row.at("employment"));
      region.weighted += number(row.at("employment")) * of.weighted / of.employees;
    }
    check_against(command_csv(with({"breakdown", "region", "--csv"})), expected);
  }

  SECTION("pay: tenths of employees by median pay, each unit group where the midpoint of its employees falls") {
    std::vector<std::tuple<double, std::string, double, double>> ordered;  // median, soc, employees, score
    for (const auto& [soc, group] : groups) {
      if (in_u(soc) && group.median >= 0.0) ordered.emplace_back(group.median, soc, group.employees, group.score10);
    }
    std::sort(ordered.begin(), ordered.end());
    double total = 0.0;
    for (const auto& entry : ordered) total += std::get<2>(entry);
    std::map<std::string, Expected> expected;
    for (int t = 1; t <= 10; ++t) expected[std::to_string(t)] = {};
    double running = 0.0;
    for (const auto& [median, soc, employees, score10] : ordered) {
      const int tenth = std::min(10, 1 + static_cast<int>(std::floor(10.0 * (running + employees / 2.0) / total)));
      running += employees;
      expected[std::to_string(tenth)].employees += employees;
      expected[std::to_string(tenth)].weighted += employees * score10;
    }
    check_against(command_csv(with({"breakdown", "pay", "--csv"})), expected);
  }

  SECTION("the share at 6.0 or above follows the headline as displayed") {
    const Csv csv = command_csv(with({"breakdown", "sex", "--csv"}));
    double high = 0.0;
    for (const auto& row : csv.rows) high += number(row.at("high_employees"));
    double expected = 0.0;
    for (const auto& [soc, group] : groups) {
      if (in_u(soc) && group.high) expected += group.employees;
    }
    CHECK(high == Approx(expected).epsilon(1e-9));
  }
}
