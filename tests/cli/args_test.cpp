// The ukexp argument grammar (cli/args.cpp): every command and option, their errors, and the help texts.
// The assumptions it fills are those of SCORING.md sections 1 to 4.
#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "aiexp/grammar.h"
#include "args.h"

using namespace aiexp;
using namespace aiexp::cli;
using Catch::Matchers::Contains;

namespace {

using Args = std::vector<std::string>;

Request parsed(const Args& args) {
  auto result = parse_args(args);
  INFO("args: " << ::Catch::Detail::stringify(args));
  INFO("error: " << (result.ok() ? std::string() : result.error().detail));
  REQUIRE(result.ok());
  return result.value();
}

// parse_args must fail with InvalidOption and a one-line detail containing `detail_part`.
void require_usage_error(const Args& args, const std::string& detail_part) {
  INFO("args: " << ::Catch::Detail::stringify(args));
  auto result = parse_args(args);
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().code == ErrorCode::InvalidOption);
  CHECK_THAT(result.error().detail, Contains(detail_part));
  CHECK(result.error().detail.find('\n') == std::string::npos);
}

}  // namespace

// ---- commands ----

TEST_CASE("no arguments ask for the overview help", "[args]") {
  const Request request = parsed({});
  CHECK(request.command == Command::Help);
  CHECK(request.help_topic.empty());
}

TEST_CASE("score takes one SOC 2020 code and has the default assumptions", "[args]") {
  const Request request = parsed({"score", "1137"});
  CHECK(request.command == Command::Score);
  CHECK(request.code == "1137");
  CHECK_FALSE(request.json);
  CHECK_FALSE(request.csv);
  CHECK_FALSE(request.all);
  CHECK(request.data_dir.empty());
  CHECK(request.assumptions == Assumptions{});
  CHECK(request.assumptions.label_source == LabelSource::Gpt4);
  CHECK(request.assumptions.e1 == 1.0);
  CHECK(request.assumptions.e2 == 0.0);
  CHECK(request.assumptions.weights == WeightScheme::Core);
  CHECK(request.assumptions.bridge == BridgeMode::Modal);
  CHECK(request.assumptions.wage_rounding == WageRounding::Displayed);
  CHECK(request.assumptions.overrides.empty());
}

TEST_CASE("score --json asks for JSON, before or after the code", "[args]") {
  CHECK(parsed({"score", "2132", "--json"}).json);
  const Request before = parsed({"score", "--json", "2132"});
  CHECK(before.json);
  CHECK(before.code == "2132");
}

TEST_CASE("score needs exactly one code", "[args]") {
  require_usage_error({"score"}, "score needs exactly one SOC 2020 code");
  require_usage_error({"score", "1137", "2132"}, "score needs exactly one SOC 2020 code");
  require_usage_error({"score", "--json"}, "score needs exactly one SOC 2020 code");
}

TEST_CASE("onet takes an O*NET-SOC code", "[args]") {
  const Request request = parsed({"onet", "11-3021.00"});
  CHECK(request.command == Command::Onet);
  CHECK(request.code == "11-3021.00");
  CHECK_FALSE(request.all);
  CHECK_FALSE(request.csv);
}

TEST_CASE("onet --all takes no code, and --csv asks for CSV", "[args]") {
  const Request request = parsed({"onet", "--all", "--csv"});
  CHECK(request.command == Command::Onet);
  CHECK(request.all);
  CHECK(request.csv);
  CHECK(request.code.empty());
}

TEST_CASE("onet needs either a code or --all, not both and not neither", "[args]") {
  require_usage_error({"onet"}, "onet needs an O*NET-SOC code or --all");
  require_usage_error({"onet", "--csv"}, "onet needs an O*NET-SOC code or --all");
  require_usage_error({"onet", "11-3021.00", "--all"}, "onet takes either a code or --all, not both");
  require_usage_error({"onet", "--all", "11-3021.00"}, "onet takes either a code or --all, not both");
  require_usage_error({"onet", "11-3021.00", "15-1252.00"}, "onet takes one O*NET-SOC code");
}

TEST_CASE("rank takes no codes and accepts --csv", "[args]") {
  const Request plain = parsed({"rank"});
  CHECK(plain.command == Command::Rank);
  CHECK_FALSE(plain.csv);
  CHECK(parsed({"rank", "--csv"}).csv);
  require_usage_error({"rank", "1137"}, "rank takes no codes");
}

TEST_CASE("build-data takes --sources and --out, in either form", "[args]") {
  const Request request = parsed({"build-data", "--sources", "../shared/data", "--out", "data"});
  CHECK(request.command == Command::BuildData);
  CHECK(request.sources_dir == "../shared/data");
  CHECK(request.out_dir == "data");
  const Request equals = parsed({"build-data", "--out=/tmp/out", "--sources=/tmp/in"});
  CHECK(equals.sources_dir == "/tmp/in");
  CHECK(equals.out_dir == "/tmp/out");
}

TEST_CASE("build-data needs both --sources and --out", "[args]") {
  require_usage_error({"build-data"}, "build-data needs --sources and --out");
  require_usage_error({"build-data", "--sources", "in"}, "build-data needs --sources and --out");
  require_usage_error({"build-data", "--out", "out"}, "build-data needs --sources and --out");
  require_usage_error({"build-data", "--sources=", "--out", "out"}, "build-data needs --sources and --out");
}

TEST_CASE("build-data accepts no other option and no positional argument", "[args]") {
  require_usage_error({"build-data", "--sources", "in", "--out", "out", "--json"},
                      "unknown option --json for build-data");
  require_usage_error({"build-data", "--sources", "in", "--out", "out", "--e1", "0.5"},
                      "unknown option --e1 for build-data");
  require_usage_error({"build-data", "--sources", "in", "--out", "out", "extra"},
                      "build-data takes no positional arguments");
}

TEST_CASE("an unknown command is a usage error naming it", "[args]") {
  require_usage_error({"frobnicate"}, "unknown command \"frobnicate\"");
  require_usage_error({"Score", "1137"}, "unknown command \"Score\"");
  require_usage_error({"--json"}, "unknown command \"--json\"");
}

TEST_CASE("an unknown option is a usage error naming the option and the command", "[args]") {
  require_usage_error({"score", "1137", "--bogus"}, "unknown option --bogus for score");
  // Options that belong to another command.
  require_usage_error({"score", "1137", "--csv"}, "unknown option --csv for score");
  require_usage_error({"score", "1137", "--all"}, "unknown option --all for score");
  require_usage_error({"onet", "--all", "--json"}, "unknown option --json for onet");
  require_usage_error({"rank", "--all"}, "unknown option --all for rank");
  require_usage_error({"rank", "--sources", "x"}, "unknown option --sources for rank");
}

TEST_CASE("an unknown option written --name=value is reported as unknown, not as taking no value", "[args]") {
  require_usage_error({"rank", "--bogus=1"}, "unknown option --bogus for rank");
  require_usage_error({"score", "1137", "--e3=0.5"}, "unknown option --e3 for score");
}

// ---- --help ----

TEST_CASE("a --help or -h after a command asks for help on that command", "[args]") {
  for (const Args& args : {Args{"score", "--help"}, Args{"score", "1137", "--help"}, Args{"score", "-h", "1137"},
                           Args{"score", "1137", "--e1", "0.5", "--help"}}) {
    INFO(::Catch::Detail::stringify(args));
    const Request request = parsed(args);
    CHECK(request.command == Command::Help);
    CHECK(request.help_topic == "score");
  }
  CHECK(parsed({"onet", "--all", "-h"}).help_topic == "onet");
  CHECK(parsed({"rank", "--csv", "--help"}).help_topic == "rank");
  const Request build = parsed({"build-data", "--sources", "x", "--help"});
  CHECK(build.command == Command::Help);
  CHECK(build.help_topic == "build-data");
}

TEST_CASE("a --help or -h before any command asks for the overview", "[args]") {
  for (const Args& args : {Args{"--help"}, Args{"-h"}, Args{"--help", "score"}}) {
    const Request request = parsed(args);
    CHECK(request.command == Command::Help);
    CHECK(request.help_topic.empty());
  }
}

TEST_CASE("help takes at most one known command name", "[args]") {
  const Request overview = parsed({"help"});
  CHECK(overview.command == Command::Help);
  CHECK(overview.help_topic.empty());
  for (const char* topic : {"score", "onet", "rank", "build-data", "help"}) {
    const Request request = parsed({"help", topic});
    CHECK(request.command == Command::Help);
    CHECK(request.help_topic == topic);
  }
  require_usage_error({"help", "frobnicate"}, "unknown command \"frobnicate\"");
  require_usage_error({"help", "score", "onet"}, "help takes at most one command name");
}

// ---- assumptions ----

TEST_CASE("the --labels option chooses the label source", "[args]") {
  CHECK(parsed({"rank", "--labels", "gpt4"}).assumptions.label_source == LabelSource::Gpt4);
  CHECK(parsed({"rank", "--labels", "human"}).assumptions.label_source == LabelSource::Human);
  CHECK(parsed({"rank", "--labels=gpt4_alt"}).assumptions.label_source == LabelSource::Gpt4Alt);
  require_usage_error({"rank", "--labels", "gpt5"}, "--labels must be gpt4, human or gpt4_alt, got \"gpt5\"");
  require_usage_error({"rank", "--labels", "Human"}, "--labels must be gpt4, human or gpt4_alt");
}

TEST_CASE("the --e1 and --e2 options take a number from 0 to 1", "[args]") {
  const Request request = parsed({"score", "1137", "--e1", "0.75", "--e2=0.5"});
  CHECK(request.assumptions.e1 == Approx(0.75).margin(1e-15));
  CHECK(request.assumptions.e2 == Approx(0.5).margin(1e-15));
  CHECK(parsed({"rank", "--e2", "0"}).assumptions.e2 == Approx(0.0).margin(1e-15));
  CHECK(parsed({"rank", "--e2", "1"}).assumptions.e2 == Approx(1.0).margin(1e-15));
  CHECK(parsed({"rank", "--e2", ".25"}).assumptions.e2 == Approx(0.25).margin(1e-15));
  CHECK(parsed({"rank", "--e2", "+0.5"}).assumptions.e2 == Approx(0.5).margin(1e-15));
  CHECK(parsed({"rank", "--e2", "5e-1"}).assumptions.e2 == Approx(0.5).margin(1e-15));
  CHECK(parsed({"rank", "--e1", "1.0"}).assumptions.e1 == Approx(1.0).margin(1e-15));
}

TEST_CASE("the --e1 and --e2 options reject out-of-range and malformed numbers", "[args]") {
  for (const char* bad : {"1.5", "-0.1", "nan", "NaN", "inf", "-inf", "1e999", "0x1", "0.5x", "", " 0.5", "0,5",
                          "1..0", "--1", "1e", "e1", "half"}) {
    INFO("--e2 " << bad);
    require_usage_error({"score", "1137", "--e2", bad}, "--e2 needs a number from 0 to 1");
  }
  require_usage_error({"score", "1137", "--e1", "2"}, "--e1 needs a number from 0 to 1, got \"2\"");
  require_usage_error({"score", "1137", "--e2=1.5"}, "--e2 needs a number from 0 to 1, got \"1.5\"");
}

TEST_CASE("the --weights option chooses core, importance or equal weighting", "[args]") {
  CHECK(parsed({"rank", "--weights", "core"}).assumptions.weights == WeightScheme::Core);
  CHECK(parsed({"rank", "--weights", "importance"}).assumptions.weights == WeightScheme::Importance);
  CHECK(parsed({"rank", "--weights=equal"}).assumptions.weights == WeightScheme::Equal);
  require_usage_error({"rank", "--weights", "heavy"}, "--weights must be core, importance or equal, got \"heavy\"");
  require_usage_error({"rank", "--measure", "ilo"}, "--measure must be eloundou, ilo2025, ilo2023 or microsoft, got \"ilo\"");
}

TEST_CASE("the --bridge option chooses the modal or the blended bridge", "[args]") {
  CHECK(parsed({"rank", "--bridge", "modal"}).assumptions.bridge == BridgeMode::Modal);
  CHECK(parsed({"rank", "--bridge=blend"}).assumptions.bridge == BridgeMode::Blend);
  require_usage_error({"rank", "--bridge", "all"}, "--bridge must be modal or blend, got \"all\"");
}

TEST_CASE("the --exact-wage flag asks for the unrounded score, and flags take no value", "[args]") {
  CHECK(parsed({"score", "1137", "--exact-wage"}).assumptions.wage_rounding == WageRounding::Exact);
  CHECK(parsed({"rank", "--exact-wage"}).assumptions.wage_rounding == WageRounding::Exact);
  // onet prints no wage exposure, so the flag is refused there rather than ignored.
  require_usage_error({"onet", "--all", "--exact-wage"}, "unknown option --exact-wage for onet");
  require_usage_error({"rank", "--exact-wage=yes"}, "--exact-wage takes no value");
  require_usage_error({"rank", "--csv=1"}, "--csv takes no value");
  require_usage_error({"onet", "--all=true"}, "--all takes no value");
  require_usage_error({"score", "1137", "--json=false"}, "--json takes no value");
}

TEST_CASE("the --relabel option sets one task's label", "[args]") {
  const Request request = parsed({"score", "1137", "--relabel", "975=E1"});
  REQUIRE(request.assumptions.overrides.size() == 1);
  const TaskOverride& change = request.assumptions.overrides[0];
  CHECK(change.task_id == 975);
  CHECK(change.label == Label::E1);
  CHECK_FALSE(change.weight.has_value());
}

TEST_CASE("the --reweight option sets one task's weight, 0 excluding it", "[args]") {
  const Request request = parsed({"score", "1137", "--reweight=969=0", "--reweight", "970=2.5"});
  REQUIRE(request.assumptions.overrides.size() == 2);
  CHECK(request.assumptions.overrides[0].task_id == 969);
  REQUIRE(request.assumptions.overrides[0].weight.has_value());
  CHECK(*request.assumptions.overrides[0].weight == Approx(0.0).margin(1e-15));
  CHECK_FALSE(request.assumptions.overrides[0].label.has_value());
  CHECK(request.assumptions.overrides[1].task_id == 970);
  CHECK(*request.assumptions.overrides[1].weight == Approx(2.5).margin(1e-15));
}

TEST_CASE("repeated --relabel and --reweight on the same task merge into one override", "[args]") {
  const Request request = parsed({"score", "1137", "--relabel", "975=E1", "--reweight", "969=3", "--reweight=975=0.5",
                                  "--relabel", "969=E0", "--relabel", "975=E2"});
  const auto& overrides = request.assumptions.overrides;
  REQUIRE(overrides.size() == 2);
  CHECK(overrides[0].task_id == 975);
  CHECK(overrides[0].label == Label::E2);  // the last --relabel wins
  REQUIRE(overrides[0].weight.has_value());
  CHECK(*overrides[0].weight == Approx(0.5).margin(1e-15));
  CHECK(overrides[1].task_id == 969);
  CHECK(overrides[1].label == Label::E0);
  REQUIRE(overrides[1].weight.has_value());
  CHECK(*overrides[1].weight == Approx(3.0).margin(1e-15));
}

TEST_CASE("the same task relabelled or reweighted twice warns as --tasks does, and the last change is used",
          "[args][grammar]") {
  const Request relabel = parsed({"score", "1137", "--relabel", "975=E1", "--relabel", "975=E2"});
  REQUIRE(relabel.assumptions.overrides.size() == 1);
  CHECK(relabel.assumptions.overrides[0] == TaskOverride{975, Label::E2, std::nullopt});
  REQUIRE(relabel.notices.size() == 1);
  CHECK(relabel.notices[0] == "--relabel: task 975 changed twice; the last change is used");
  // The same words as a task changed twice in one --tasks list.
  CHECK(parsed({"score", "1137", "--tasks", "975.E1,975.E2"}).notices.at(0) ==
        "--tasks: task 975 changed twice; the last change is used");
  const Request reweight = parsed({"rank", "--reweight=969=0", "--reweight", "969=3", "--reweight", "969=4"});
  CHECK(*reweight.assumptions.overrides.at(0).weight == Approx(4.0).margin(1e-15));
  CHECK(reweight.notices == std::vector<std::string>(2, "--reweight: task 969 changed twice; the last change is used"));
  // A label and a weight of one task, or two tasks, are not a repeat.
  CHECK(parsed({"rank", "--relabel", "975=E1", "--reweight", "975=2"}).notices.empty());
  CHECK(parsed({"rank", "--relabel", "975=E1", "--relabel", "969=E1"}).notices.empty());
  // A refused value adds no notice.
  require_usage_error({"rank", "--relabel", "975=E1", "--relabel", "975=E9"}, "--relabel value must be");
  // Over a --tasks change of the same task, --relabel and --reweight are used, and say so.
  const Request over = parsed({"rank", "--tasks", "975.E0.w2,969.w1", "--relabel", "975=E2", "--reweight", "969=5"});
  CHECK(over.assumptions.overrides[0] == TaskOverride{975, Label::E2, 2.0});
  CHECK(over.assumptions.overrides[1] == TaskOverride{969, std::nullopt, 5.0});
  CHECK(over.notices == std::vector<std::string>{"--relabel: task 975 also changed by --tasks; the --relabel is used",
                                                 "--reweight: task 969 also changed by --tasks; the --reweight is used"});
}

TEST_CASE("the --relabel and --reweight options need TASK_ID=VALUE with a positive whole id", "[args]") {
  for (const char* bad : {"975", "=E1", "0=E1", "-975=E1", "97x=E1", "975.0=E1", "+975=E1", "99999999999=E1"}) {
    INFO(bad);
    require_usage_error({"score", "1137", "--relabel", bad}, "--relabel needs TASK_ID=VALUE");
  }
  require_usage_error({"score", "1137", "--reweight", "975"}, "--reweight needs TASK_ID=VALUE, got \"975\"");
}

TEST_CASE("the --relabel option takes only E0, E1 or E2", "[args]") {
  for (const char* bad : {"975=E3", "975=e1", "975=", "975=1"}) {
    INFO(bad);
    require_usage_error({"score", "1137", "--relabel", bad}, "--relabel value must be E0, E1 or E2");
  }
}

TEST_CASE("the --reweight option takes a number from 0 to 1000, the bound of links", "[args]") {
  CHECK(*parsed({"rank", "--reweight", "975=10"}).assumptions.overrides[0].weight == Approx(10.0).margin(1e-12));
  CHECK(*parsed({"rank", "--reweight", "975=1000"}).assumptions.overrides[0].weight == Approx(1000.0).margin(1e-12));
  for (const char* bad : {"975=-1", "975=-0.1", "975=nan", "975=inf", "975=1e999", "975=0x1", "975=", "975=two",
                          "975=1000.5"}) {
    INFO(bad);
    require_usage_error({"score", "1137", "--reweight", bad}, "--reweight value must be a number from 0 to 1000");
  }
}

TEST_CASE("the --data option names the bundle folder for every scoring command", "[args]") {
  CHECK(parsed({"score", "1137", "--data", "/tmp/bundle"}).data_dir == "/tmp/bundle");
  CHECK(parsed({"onet", "--all", "--data=/tmp/b"}).data_dir == "/tmp/b");
  CHECK(parsed({"rank", "--data", "d"}).data_dir == "d");
  require_usage_error({"rank", "--data="}, "--data needs a folder");
}

TEST_CASE("an option that takes a value fails without one", "[args]") {
  for (const char* option : {"--e1", "--e2", "--weights", "--labels", "--bridge", "--relabel", "--reweight", "--data"}) {
    INFO(option);
    require_usage_error({"rank", option}, std::string(option) + " needs a value");
  }
  require_usage_error({"build-data", "--out", "o", "--sources"}, "--sources needs a value");
  require_usage_error({"build-data", "--sources", "s", "--out"}, "--out needs a value");
}

TEST_CASE("an option's value is the next argument, even when it looks like an option", "[args]") {
  const Request request = parsed({"build-data", "--sources", "--out", "--out", "x"});
  CHECK(request.sources_dir == "--out");
  CHECK(request.out_dir == "x");
}

TEST_CASE("every assumption option combines on one command line", "[args]") {
  const Request request =
      parsed({"rank", "--labels", "human", "--e1", "0.9", "--e2", "0.4", "--weights", "equal", "--bridge", "blend",
              "--exact-wage", "--relabel", "975=E2", "--reweight", "969=1.5", "--data", "dir", "--csv"});
  const Assumptions& a = request.assumptions;
  CHECK(a.label_source == LabelSource::Human);
  CHECK(a.e1 == Approx(0.9).margin(1e-15));
  CHECK(a.e2 == Approx(0.4).margin(1e-15));
  CHECK(a.weights == WeightScheme::Equal);
  CHECK(a.bridge == BridgeMode::Blend);
  CHECK(a.wage_rounding == WageRounding::Exact);
  REQUIRE(a.overrides.size() == 2);
  CHECK(a.overrides[0] == TaskOverride{975, Label::E2, std::nullopt});
  CHECK(a.overrides[1] == TaskOverride{969, std::nullopt, 1.5});
  CHECK(request.data_dir == "dir");
  CHECK(request.csv);
}

// ---- the grammar shared with links and the widget ----

TEST_CASE("the options take the links' names and aliases: --w, --label-source, --tasks, --t, --wage", "[args][grammar]") {
  const Request request = parsed({"score", "1137", "--w", "importance", "--label-source=human", "--wage", "exact",
                                  "--tasks", "968.E1,971.w0"});
  const Assumptions& a = request.assumptions;
  CHECK(a.weights == WeightScheme::Importance);
  CHECK(a.label_source == LabelSource::Human);
  CHECK(a.wage_rounding == WageRounding::Exact);
  REQUIRE(a.overrides.size() == 2);
  CHECK(a.overrides[0] == TaskOverride{968, Label::E1, std::nullopt});
  CHECK(a.overrides[1] == TaskOverride{971, std::nullopt, 0.0});
  CHECK(request.notices.empty());
  CHECK(parsed({"rank", "--t=15198.E0.w1.5"}).assumptions.overrides[0] == TaskOverride{15198, Label::E0, 1.5});
  CHECK(parsed({"rank", "--wage=displayed"}).assumptions.wage_rounding == WageRounding::Displayed);
  require_usage_error({"rank", "--wage", "rounded"}, "--wage must be displayed or exact, got \"rounded\"");
  require_usage_error({"rank", "--w", "heavy"}, "--w must be core, importance or equal");
  require_usage_error({"rank", "--tasks", "968.E9"}, "--tasks: task change \"968.E9\": label must be E0, E1 or E2");
  require_usage_error({"rank", "--tasks", "968.w2000"}, "weight must be a number from 0 to 1000");
  require_usage_error({"rank", "--tasks", "abc"}, "not a task id");
  // The page's parameters that are no CLI option.
  require_usage_error({"score", "1137", "--compare", "2132"}, "unknown option --compare for score");
  require_usage_error({"rank", "--soc", "1137"}, "unknown option --soc for rank");
}

TEST_CASE("the changes of --relabel and --reweight apply on top of --tasks", "[args][grammar]") {
  const Request request = parsed({"score", "1137", "--reweight", "968=2", "--tasks", "968.E1,971.w0", "--relabel",
                                  "971=E2"});
  const auto& overrides = request.assumptions.overrides;
  REQUIRE(overrides.size() == 2);
  CHECK(overrides[0] == TaskOverride{968, Label::E1, 2.0});
  CHECK(overrides[1] == TaskOverride{971, Label::E2, 0.0});
}

TEST_CASE("an option given twice takes its last value, with a notice, as a link's parameter does", "[args][grammar]") {
  const Request twice = parsed({"score", "1137", "--e2", "0.5", "--e2=1"});
  CHECK(twice.assumptions.e2 == Approx(1.0).margin(1e-15));
  REQUIRE(twice.notices.size() == 1);
  CHECK_THAT(twice.notices[0], Contains("--e2 given again (after --e2); the last value is used"));
  const Request alias = parsed({"rank", "--weights", "core", "--w", "equal"});
  CHECK(alias.assumptions.weights == WeightScheme::Equal);
  REQUIRE(alias.notices.size() == 1);
  CHECK_THAT(alias.notices[0], Contains("--w given again (after --weights)"));
  const Request wage = parsed({"rank", "--exact-wage", "--wage", "displayed"});
  CHECK(wage.assumptions.wage_rounding == WageRounding::Displayed);
  CHECK(wage.notices.size() == 1);
  const Request tasks = parsed({"rank", "--tasks", "968.E1", "--tasks", "971.w0"});
  REQUIRE(tasks.assumptions.overrides.size() == 1);
  CHECK(tasks.assumptions.overrides[0].task_id == 971);
  CHECK(tasks.notices.size() == 1);
  const Request same_task = parsed({"rank", "--tasks", "968.E1,968.E0"});
  REQUIRE(same_task.assumptions.overrides.size() == 1);
  CHECK(same_task.assumptions.overrides[0].label == Label::E0);
  CHECK_THAT(same_task.notices.at(0), Contains("task 968 changed twice; the last change is used"));
  CHECK(parsed({"build-data", "--sources", "a", "--sources", "b", "--out", "o"}).sources_dir == "b");
  // Repeatable options are not duplicates.
  CHECK(parsed({"rank", "--relabel", "968=E1", "--relabel", "969=E0"}).notices.empty());
}

TEST_CASE("an unknown option names the nearest known option of its command", "[args][grammar]") {
  require_usage_error({"score", "1137", "--wieghts", "core"}, "unknown option --wieghts for score: did you mean --weights?");
  require_usage_error({"rank", "--lables=human"}, "unknown option --lables for rank: did you mean --labels?");
  require_usage_error({"onet", "--al"}, "did you mean --all?");
  require_usage_error({"rank", "--jsn"}, "unknown option --jsn for rank: did you mean --csv?");
  require_usage_error({"build-data", "--source", "s", "--out", "o"}, "did you mean --sources?");
  auto far = parse_args({"rank", "--frobnicate"});
  REQUIRE_FALSE(far.ok());
  CHECK(far.error().detail == "unknown option --frobnicate for rank");
}

// ---- help texts ----

TEST_CASE("the overview help names every command and the exit statuses", "[args]") {
  const std::string text = help_text("");
  for (const char* command : {"score", "onet", "rank", "build-data", "help"}) {
    INFO(command);
    CHECK_THAT(text, Contains(std::string("  ") + command));
  }
  CHECK_THAT(text, Contains("0 success, 1 data error, 2 usage error"));
}

TEST_CASE("each command's help mentions every option it accepts", "[args]") {
  const std::vector<std::string> assumptions{"--labels", "--e1",      "--e2",       "--weights", "--bridge",
                                             "--wage",   "--exact-wage", "--tasks", "--relabel", "--reweight",
                                             "--data",   "--label-source", "--w", "--t", "64 MB"};
  const auto check_mentions = [](const std::string& text, const std::vector<std::string>& options) {
    for (const std::string& option : options) {
      INFO(option);
      CHECK_THAT(text, Contains(option));
    }
  };
  const std::string score = help_text("score");
  CHECK_THAT(score, Contains("Usage: ukexp score"));
  check_mentions(score, assumptions);
  check_mentions(score, {"--json"});
  const std::string onet = help_text("onet");
  CHECK_THAT(onet, Contains("Usage: ukexp onet"));
  check_mentions(onet, assumptions);
  check_mentions(onet, {"--all", "--csv"});
  const std::string rank = help_text("rank");
  CHECK_THAT(rank, Contains("Usage: ukexp rank"));
  check_mentions(rank, assumptions);
  check_mentions(rank, {"--csv"});
  const std::string build = help_text("build-data");
  CHECK_THAT(build, Contains("Usage: ukexp build-data"));
  check_mentions(build, {"--sources", "--out"});
  // Each value an assumption option accepts is listed.
  for (const char* value : {"gpt4", "human", "gpt4_alt", "core", "importance", "equal", "modal", "blend", "E0", "E1",
                            "E2", "displayed", "exact"}) {
    INFO(value);
    CHECK_THAT(score, Contains(value));
  }
}

TEST_CASE("help on the help command, or an unknown topic, gives the overview", "[args]") {
  CHECK(help_text("help") == help_text(""));
  CHECK(help_text("nonsense") == help_text(""));
}

// ---- input quoted back in a message ----

TEST_CASE("every usage error quotes a 100 KB argument cut to its first 60 characters", "[args][printable]") {
  const std::string huge(100 * 1024, 'z');
  const std::string cut = std::string(59, 'z') + "\u2026";
  const std::vector<std::pair<Args, std::string>> cases{
      {{huge}, "unknown command \"" + cut + "\""},
      {{"help", huge}, "unknown command \"" + cut + "\""},
      {{"rank", "--" + huge}, "unknown option --" + std::string(57, 'z') + "\u2026 for rank"},
      {{"rank", "--" + huge + "=1"}, "unknown option --" + std::string(57, 'z') + "\u2026 for rank"},
      {{"rank", "-" + huge}, "unknown option -" + std::string(58, 'z') + "\u2026 for rank"},
      {{"rank", "--e2", huge}, "--e2 needs a number from 0 to 1, got \"" + cut + "\""},
      {{"rank", "--weights", huge}, "--weights must be core, importance or equal, got \"" + cut + "\""},
      {{"rank", "--measure=" + huge}, "--measure must be eloundou, ilo2025, ilo2023 or microsoft, got \"" + cut + "\""},
      {{"rank", "--tasks", huge}, "--tasks: task change \"" + cut + "\": not a task id"},
      {{"rank", "--relabel", huge}, "--relabel needs TASK_ID=VALUE, got \"" + cut + "\""},
      {{"rank", "--relabel", "975=" + huge}, "--relabel value must be E0, E1 or E2, got \"" + cut + "\""},
      {{"rank", "--reweight", "975=" + huge}, "--reweight value must be a number from 0 to 1000, got \"" + cut + "\""},
  };
  for (const auto& [args, expected] : cases) {
    INFO(expected);
    auto result = parse_args(args);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().detail.size() < 300);
    CHECK_THAT(result.error().detail, Contains(expected));
  }
}

TEST_CASE("a usage error shows control characters of the argument as escapes, on one line", "[args][printable]") {
  require_usage_error({"score\x1b[2J"}, "unknown command \"score\\u001B[2J\"");
  require_usage_error({"rank", "--labels", "human\nukexp: all good"}, "got \"human\\u000Aukexp: all good\"");
  require_usage_error({"rank", "--bogus\r"}, "unknown option --bogus\\u000D for rank");
  require_usage_error({"rank", "--e1", "\u202E1.0"}, "got \"\\u202E1.0\"");
  require_usage_error({"rank", "--e1", "\xff"}, "got \"\\xFF\"");
}

// ---- which option applies to which command: one table ----

namespace {

// A value for each option of the table, and arguments that make each command complete.
const std::map<std::string, std::string>& sample_values() {
  static const std::map<std::string, std::string> values{
      {"--labels", "human"}, {"--e1", "0.5"},      {"--e2", "0.5"},        {"--weights", "equal"}, {"--bridge", "blend"},
      {"--measure", "ilo2025"}, {"--wage", "exact"}, {"--tasks", "968.E1"}, {"--relabel", "968=E1"},
      {"--reweight", "968=2"}, {"--data", "d"},    {"--sources", "s"},     {"--out", "o"}};
  return values;
}

// The commands of a set as messages name them: "score and rank", "score, onet and rank".
std::string listed(CommandSet commands) {
  std::vector<std::string> names;
  for (Command command : {Command::Score, Command::Onet, Command::Rank, Command::Breakdown, Command::BuildData}) {
    if (commands & command_bit(command)) names.emplace_back(command_name(command));
  }
  std::string text;
  for (std::size_t i = 0; i < names.size(); ++i) text += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
  return text;
}

const std::vector<std::pair<Command, Args>>& complete_commands() {
  static const std::vector<std::pair<Command, Args>> commands{
      {Command::Score, {"score", "1137"}},
      {Command::Onet, {"onet", "--all"}},
      {Command::Rank, {"rank"}},
      {Command::Breakdown, {"breakdown", "sex"}},
      {Command::BuildData, {"build-data", "--sources", "s", "--out", "o"}}};
  return commands;
}

}  // namespace

TEST_CASE("the option table lists every CLI parameter of the grammar, each option once", "[args][options]") {
  std::set<std::string_view> names;
  for (const OptionSpec& option : option_specs()) {
    INFO(option.name);
    CHECK(names.insert(option.name).second);
    CHECK(option.name.starts_with("--"));
    CHECK(option.commands != 0);
    CHECK((option.csv_unused & ~option.commands) == 0);
    CHECK_FALSE(option.help.empty());
  }
  for (const ParamSpec& spec : param_specs()) {
    INFO(spec.name);
    CHECK(names.count("--" + std::string(spec.name)) == ((spec.doors & kDoorCli) ? 1u : 0u));
  }
}

TEST_CASE("an option is accepted by exactly the commands its row lists, under every name", "[args][options]") {
  for (const OptionSpec& option : option_specs()) {
    // The option under its name and, for a grammar parameter, under each alias.
    std::vector<std::string> spellings{std::string(option.name)};
    if (const ParamSpec* spec = find_param(option.name.substr(2), kDoorCli)) {
      for (std::string_view alias : spec->aliases) {
        if (!alias.empty()) spellings.push_back("--" + std::string(alias));
      }
    }
    const auto value = sample_values().find(std::string(option.name));
    for (const std::string& spelling : spellings) {
      for (const auto& [command, base] : complete_commands()) {
        Args args = base;
        args.push_back(spelling);
        if (value != sample_values().end()) args.push_back(value->second);
        INFO(::Catch::Detail::stringify(args));
        const auto result = parse_args(args);
        if (option.commands & command_bit(command)) {
          INFO((result.ok() ? std::string() : result.error().detail));
          CHECK(result.ok());
        } else {
          REQUIRE_FALSE(result.ok());
          CHECK(result.error().detail == "unknown option " + spelling + " for " + std::string(command_name(command)) +
                                             " (" + spelling + " is an option of " + listed(option.commands) + ")");
        }
      }
    }
  }
}

TEST_CASE("onet refuses the options of UK unit groups instead of ignoring them", "[args][options]") {
  auto measure = parse_args({"onet", "--measure", "ilo2025"});
  REQUIRE_FALSE(measure.ok());
  CHECK(measure.error().detail == "unknown option --measure for onet (--measure is an option of score, rank and breakdown)");
  require_usage_error({"onet", "11-3021.00", "--bridge", "blend"}, "unknown option --bridge for onet");
  require_usage_error({"onet", "--all", "--wage=exact"}, "unknown option --wage for onet");
  require_usage_error({"rank", "--json"}, "unknown option --json for rank (--json is an option of score and breakdown)");
  require_usage_error({"score", "1137", "--sources", "s"}, "(--sources is an option of build-data)");
  require_usage_error({"build-data", "--w", "core"}, "unknown option --w for build-data (--w is an option of score, onet, rank and breakdown)");
  // Measures and bridges still apply where they mean something.
  CHECK(parsed({"rank", "--measure", "ilo2025"}).assumptions.measure == Measure::Ilo2025);
  CHECK(parsed({"score", "1137", "--bridge", "blend"}).assumptions.bridge == BridgeMode::Blend);
}

TEST_CASE("onet --csv refuses the label values its columns do not depend on, in any order", "[args][options]") {
  require_usage_error({"onet", "--all", "--csv", "--e2", "1"},
                      "--e2 does not apply to onet --csv (the CSV's columns do not depend on it; the table's do)");
  require_usage_error({"onet", "--e1=0.5", "--all", "--csv"}, "--e1 does not apply to onet --csv");
  CHECK(parsed({"onet", "--all", "--e2", "1"}).assumptions.e2 == Approx(1.0).margin(1e-15));
  CHECK(parsed({"rank", "--csv", "--e2", "1"}).csv);
  CHECK(parsed({"onet", "--all", "--csv", "--labels", "human"}).assumptions.label_source == LabelSource::Human);
}

TEST_CASE("each command's help lists as options exactly those of its rows", "[args][options]") {
  for (const auto& [command, base] : complete_commands()) {
    const std::string text = help_text(command_name(command));
    for (const OptionSpec& option : option_specs()) {
      INFO(command_name(command) << " " << option.name);
      const bool listed = text.find("\n  " + std::string(option.name) + " ") != std::string::npos ||
                          text.find("\n  " + std::string(option.name) + "\n") != std::string::npos;
      CHECK(listed == ((option.commands & command_bit(command)) != 0));
    }
  }
  CHECK_THAT(help_text("onet"), Contains("--bridge, --measure, --wage and --exact-wage concern UK unit groups and do "
                                         "not apply to onet"));
  CHECK_THAT(help_text("onet"), Contains("not with --csv"));
  CHECK_THAT(help_text("rank"), !Contains("not with --csv"));
}
