// Permalink state codec (core/src/state.cpp).
#include <catch2/catch.hpp>

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
      "&cmp=2132,<img>&utm_source=newsletter&bridge=blend&bridge=modal&wage=%ZZ");
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
  for (int id = 1; id <= 600; ++id) many += (id > 1 ? "," : "") + std::to_string(id) + ".w1";
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
