// Permalink state codec (core/src/state.cpp) and the grammar it shares with the widget and the CLI
// (core/src/grammar.cpp).
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "aiexp/grammar.h"
#include "aiexp/state.h"
#include "test_data.h"

using namespace aiexp;
using aiexp::test::committed_bundle;

TEST_CASE("the default state encodes to nothing but the role", "[state]") {
  CHECK(encode_state(ViewState{}) == "");
  CHECK(encode_state(ViewState{"1137", {}, {}}) == "soc=1137");
}

TEST_CASE("a value that rounds to the default at the link's precision is not written", "[state]") {
  // Found by the url_state fuzzer: e2 = 0.0000000828 was written as "e2=0", which decodes to the default and
  // then encodes to nothing, so one view had two links.
  ViewState state{"1137", {}, {}};
  state.assumptions.e2 = 0.0000000828;
  state.assumptions.e1 = 0.9999999;
  CHECK(encode_state(state) == "soc=1137");
  state.assumptions.e2 = 0.0000005;  // rounds up to the link's last decimal
  CHECK(encode_state(state) == "soc=1137&e2=0.000001");
  const DecodedState decoded = decode_state(committed_bundle(), encode_state(state));
  CHECK(encode_state(decoded.state) == encode_state(state));
}

TEST_CASE("every assumption and task change survives a round trip", "[state]") {
  ViewState state;
  state.soc = "1137";
  state.compare = {"2132", "2133"};
  Assumptions& a = state.assumptions;
  a.label_source = LabelSource::Gpt4Alt;
  a.e1 = 0.85;
  a.e2 = 0.35;
  a.weights = WeightScheme::Importance;
  a.bridge = BridgeMode::Blend;
  a.wage_rounding = WageRounding::Exact;
  a.overrides = {{968, Label::E1, std::nullopt}, {971, std::nullopt, 0.0}, {15198, Label::E0, 1.5}};
  const std::string query = encode_state(state);
  CHECK(query == "soc=1137&cmp=2132,2133&labels=gpt4_alt&e1=0.85&e2=0.35&w=importance&bridge=blend&wage=exact"
                 "&t=968.E1,971.w0,15198.E0.w1.5");
  const DecodedState decoded = decode_state(committed_bundle(), "?" + query);
  CHECK(decoded.rejected.empty());
  CHECK(decoded.state == state);
}

TEST_CASE("hostile or malformed values are rejected with a reason, the rest kept", "[state][security]") {
  const DecodedState decoded = decode_state(
      committed_bundle(),
      "soc=%3Cscript%3Ealert(1)%3C/script%3E&e2=1e308&e1=0.5&w=heavy&labels=gpt4&t=968.E9,abc,969.E1,970.w-1"
      "&cmp=2132,<img>&utm_source=newsletter&bridge=modal&bridge=blend&wage=%ZZ");
  CHECK(decoded.state.soc.empty());
  CHECK(decoded.state.assumptions.e1 == 0.5);
  CHECK(decoded.state.assumptions.e2 == 0.0);
  CHECK(decoded.state.assumptions.weights == WeightScheme::Core);
  CHECK(decoded.state.assumptions.bridge == BridgeMode::Blend);
  CHECK(decoded.state.compare.empty());
  REQUIRE(decoded.state.assumptions.overrides.size() == 1);
  CHECK(decoded.state.assumptions.overrides[0].task_id == 969);
  CHECK(decoded.rejected.size() == 9);
  for (const std::string& why : decoded.rejected) {
    INFO(why);
    CHECK(why.find('<') == std::string::npos);  // quoted back as printable ASCII, never markup
    CHECK(why.size() < 200);
  }
}

TEST_CASE("absurd sizes are refused outright", "[state][security]") {
  const DecodedState decoded = decode_state(committed_bundle(), "soc=1137&t=" + std::string(9000, '1'));
  CHECK(decoded.state == ViewState{});
  REQUIRE(decoded.rejected.size() == 1);
  CHECK(decoded.rejected[0].find("too long") != std::string::npos);
  std::string many = "t=";
  for (int id = 1; id <= 600; ++id) {
    if (id > 1) many += ',';
    many += std::to_string(id);
    many += ".w1";
  }
  // Without details the ids are checked for form only, so every one of the 600 is a candidate.
  const Bundle compact = parse_bundle(aiexp::test::read_text(aiexp::test::data_dir() / "bundle.json")).value();
  const DecodedState capped = decode_state(compact, many);
  CHECK(capped.state.assumptions.overrides.size() == kMaxOverrides);
}

TEST_CASE("numbers in links take plain decimals only", "[state]") {
  const Bundle& bundle = committed_bundle();
  for (const char* bad : {"e2=0x1", "e2=1e-1", "e2=.", "e2=-0.5", "e2=1.5", "e2=nan", "e2=inf", "e2=0.5.5", "e2="}) {
    INFO(bad);
    const DecodedState decoded = decode_state(bundle, bad);
    CHECK(decoded.rejected.size() == 1);
    CHECK(decoded.state.assumptions.e2 == 0.0);
  }
  CHECK(decode_state(bundle, "e2=.5").state.assumptions.e2 == 0.5);
  CHECK(decode_state(bundle, "e2=1").state.assumptions.e2 == 1.0);
  CHECK(decode_state(bundle, "e2=0.35").state.assumptions.e2 == 0.35);
}

namespace {

using Catch::Matchers::Contains;

// The kinds of a decoding's rejections, in order; checks that `rejected` and `rejections` agree.
std::vector<RejectionKind> kinds(const DecodedState& decoded) {
  REQUIRE(decoded.rejected.size() == decoded.rejections.size());
  std::vector<RejectionKind> out;
  for (std::size_t i = 0; i < decoded.rejected.size(); ++i) {
    CHECK(decoded.rejections[i].reason == decoded.rejected[i]);
    out.push_back(decoded.rejections[i].kind);
  }
  return out;
}

}  // namespace

TEST_CASE("links accept the canonical names and every older alias, with the same meaning", "[state][grammar]") {
  const Bundle& bundle = committed_bundle();
  const DecodedState old_names = decode_state(bundle, "soc=1137&cmp=2132&labels=human&w=importance&t=968.E1,971.w0");
  const DecodedState new_names =
      decode_state(bundle, "soc=1137&compare=2132&labels=human&weights=importance&tasks=968.E1,971.w0");
  const DecodedState widget_names = decode_state(bundle, "soc=1137&cmp=2132&label-source=human&weights=importance&t=968.E1,971.w0");
  CHECK(old_names.rejected.empty());
  CHECK(new_names.rejected.empty());
  CHECK(widget_names.rejected.empty());
  CHECK(new_names.state == old_names.state);
  CHECK(widget_names.state == old_names.state);
  CHECK(old_names.state.assumptions.weights == WeightScheme::Importance);
  CHECK(old_names.state.assumptions.label_source == LabelSource::Human);
  CHECK(old_names.state.assumptions.overrides.size() == 2);
  // Links are still written with the short names, so the links already out there and the new ones agree.
  CHECK(encode_state(new_names.state) == "soc=1137&cmp=2132&labels=human&w=importance&t=968.E1,971.w0");
}

TEST_CASE("a parameter given twice takes its last value, under any of its names, with one notice", "[state][grammar]") {
  const Bundle& bundle = committed_bundle();
  const DecodedState twice = decode_state(bundle, "e2=0.5&e2=1");
  CHECK(twice.state.assumptions.e2 == 1.0);
  REQUIRE(kinds(twice) == std::vector{RejectionKind::Duplicate});
  CHECK_THAT(twice.rejected[0], Contains("\"e2\" given 2 times; the last is used"));
  CHECK(twice.rejections[0].parameter == "e2");

  const DecodedState alias = decode_state(bundle, "w=core&e1=0.5&weights=equal");
  CHECK(alias.state.assumptions.weights == WeightScheme::Equal);
  CHECK(alias.state.assumptions.e1 == 0.5);
  REQUIRE(kinds(alias) == std::vector{RejectionKind::Duplicate});
  CHECK(alias.rejections[0].parameter == "weights");

  // An earlier bad value is replaced, not reported; a later bad one is reported and the default kept.
  const DecodedState bad_first = decode_state(bundle, "e2=9&e2=0.25");
  CHECK(bad_first.state.assumptions.e2 == 0.25);
  CHECK(kinds(bad_first) == std::vector{RejectionKind::Duplicate});
  const DecodedState bad_last = decode_state(bundle, "e2=0.25&e2=9");
  CHECK(bad_last.state.assumptions.e2 == 0.0);
  CHECK(kinds(bad_last) == std::vector{RejectionKind::Duplicate, RejectionKind::InvalidValue});

  // The task list as a whole is one parameter: the last list is used.
  const DecodedState lists = decode_state(bundle, "t=968.E1&tasks=971.w0");
  REQUIRE(lists.state.assumptions.overrides.size() == 1);
  CHECK(lists.state.assumptions.overrides[0].task_id == 971);
}

TEST_CASE("a task changed twice in one list takes its last change, with a notice", "[state][grammar]") {
  const DecodedState decoded = decode_state(committed_bundle(), "t=968.E1,969.w2,968.E0.w3");
  const auto& overrides = decoded.state.assumptions.overrides;
  REQUIRE(overrides.size() == 2);
  CHECK(overrides[0] == TaskOverride{968, Label::E0, 3.0});
  CHECK(overrides[1] == TaskOverride{969, std::nullopt, 2.0});
  REQUIRE(kinds(decoded) == std::vector{RejectionKind::Duplicate});
  CHECK_THAT(decoded.rejected[0], Contains("968.E0.w3"));
}

TEST_CASE("an unknown parameter is named with the nearest known name; tracking parameters are ignored",
          "[state][grammar]") {
  const Bundle& bundle = committed_bundle();
  const DecodedState typo = decode_state(bundle, "wieghts=importance&e3=0.5&E2=1&comapre=2132&xyz=1");
  REQUIRE(kinds(typo) == std::vector(5, RejectionKind::UnknownParameter));
  CHECK(typo.rejected[0] == "unknown parameter \"wieghts\": did you mean \"weights\"?");
  CHECK(typo.rejected[1] == "unknown parameter \"e3\": did you mean \"e1\"?");
  CHECK(typo.rejected[2] == "unknown parameter \"E2\": did you mean \"e2\"?");
  CHECK(typo.rejected[3] == "unknown parameter \"comapre\": did you mean \"compare\"?");
  CHECK(typo.rejected[4] == "unknown parameter \"xyz\"");
  CHECK(typo.rejections[0].parameter == "wieghts");
  CHECK(typo.state == ViewState{});
  // "labelsource" is one edit from the alias label-source: the suggestion is the canonical name.
  CHECK(decode_state(bundle, "labelsource=human").rejected ==
        std::vector<std::string>{"unknown parameter \"labelsource\": did you mean \"labels\"?"});
  const DecodedState tracked = decode_state(
      bundle, "e2=0.5&utm_source=news&utm_medium=email&UTM_Campaign=x&fbclid=1&gclid=2&mc_cid=3&mc_eid=4&ref=home");
  CHECK(tracked.rejected.empty());
  CHECK(tracked.state.assumptions.e2 == 0.5);
  // A hostile name is quoted back safely.
  const DecodedState hostile = decode_state(bundle, "%3Cimg%20src%3Dx%3E=1");
  REQUIRE(hostile.rejected.size() == 1);
  CHECK(hostile.rejected[0].find('<') == std::string::npos);
  CHECK(hostile.rejections[0].parameter.find('<') == std::string::npos);
}

TEST_CASE("every rejection carries its kind, so notices can be grouped", "[state][grammar]") {
  const Bundle& bundle = committed_bundle();
  const DecodedState decoded = decode_state(bundle, "soc=9998&cmp=2132,2133,2134,2135,2136&e1=2&w=%ZZ&t=abc,99999999.E1&bogus=1");
  CHECK(kinds(decoded) == std::vector{RejectionKind::BadEscape, RejectionKind::UnknownParameter, RejectionKind::UnknownCode,
                                      RejectionKind::TooMany, RejectionKind::InvalidValue, RejectionKind::InvalidValue,
                                      RejectionKind::UnknownCode});
  CHECK(decoded.state.compare.size() == kMaxCompared);
  CHECK(kinds(decode_state(bundle, "soc=abcd")) == std::vector{RejectionKind::InvalidValue});
  CHECK(kinds(decode_state(bundle, "t=" + std::string(9000, '1'))) == std::vector{RejectionKind::TooLong});
  CHECK(rejection_kind_name(RejectionKind::UnknownParameter) == "unknown-parameter");
  CHECK(rejection_kind_name(RejectionKind::TooMany) == "too-many");
  // Past the cap of task changes, one notice, not one per change.
  std::string many = "t=";
  for (int id = 1; id <= 600; ++id) {
    if (id > 1) many += ',';
    many += std::to_string(id);
    many += ".w1";
  }
  const Bundle compact = parse_bundle(aiexp::test::read_text(aiexp::test::data_dir() / "bundle.json")).value();
  CHECK(kinds(decode_state(compact, many)) == std::vector{RejectionKind::TooMany});
}

TEST_CASE("the grammar's table names each parameter once and agrees with the core's enums", "[grammar]") {
  std::vector<std::string_view> names;
  for (const ParamSpec& spec : param_specs()) {
    INFO(spec.name);
    CHECK(&param_spec(spec.param) == &spec);
    CHECK(find_param(spec.name) == &spec);
    CHECK(find_param(spec.link_name) == &spec);
    names.push_back(spec.name);
    for (std::string_view alias : spec.aliases) {
      if (alias.empty()) continue;
      CHECK(find_param(alias) == &spec);
      names.push_back(alias);
    }
    if (spec.kind == ValueKind::Choice) {
      for (std::string_view choice : spec.choices) {
        if (choice.empty()) continue;
        INFO(choice);
        const bool known = spec.param == Param::Labels    ? parse_label_source(choice).has_value()
                           : spec.param == Param::Weights ? parse_weight_scheme(choice).has_value()
                           : spec.param == Param::Bridge  ? parse_bridge_mode(choice).has_value()
                           : spec.param == Param::Measure ? parse_measure(choice).has_value()
                                                          : parse_wage_rounding(choice).has_value();
        CHECK(known);
        CHECK_THAT(std::string(spec.allowed), Contains(std::string(choice)));
      }
    }
  }
  std::sort(names.begin(), names.end());
  CHECK(std::adjacent_find(names.begin(), names.end()) == names.end());
  CHECK(param_spec(Param::E1).min == 0.0);
  CHECK(param_spec(Param::E2).max == 1.0);
  CHECK(param_spec(Param::Tasks).max == kMaxTaskWeight);
  // The doors: compare is the page's only; the CLI has no soc option (it is the positional argument).
  CHECK(find_param("compare", kDoorCli) == nullptr);
  CHECK(find_param("soc", kDoorCli) == nullptr);
  // A card takes every assumption of a link: task changes and the exact wage option too.
  CHECK(find_param("tasks", kDoorWidget) == &param_spec(Param::Tasks));
  CHECK(find_param("t", kDoorWidget) == &param_spec(Param::Tasks));
  CHECK(find_param("wage", kDoorWidget) == &param_spec(Param::Wage));
  CHECK(find_param("w", kDoorWidget) == &param_spec(Param::Weights));
  CHECK(find_param("") == nullptr);
}

TEST_CASE("a task change's weight is bounded the same for every door", "[state][grammar]") {
  std::string why;
  CHECK(parse_task_change("968.w1000", why).has_value());
  CHECK_FALSE(parse_task_change("968.w1000.5", why).has_value());
  CHECK(why == "weight must be a number from 0 to 1000");
  CHECK_FALSE(parse_task_change("968", why).has_value());
  CHECK(why == "nothing to change");
  CHECK_FALSE(parse_task_change("0.E1", why).has_value());
  CHECK(why == "not a task id");
  CHECK(parse_task_change("15198.E0.w1.5", why) == TaskOverride{15198, Label::E0, 1.5});
  CHECK(edit_distance("wieghts", "weights") == 1);
  CHECK(edit_distance("E2", "e2") == 0);
  CHECK(nearest_param_name("x", kDoorLink).empty());  // one letter away from "w" is not a typo of it
}
