// A calculator session (core/src/engine.cpp): loading in stages, errors as values.
#include <catch2/catch.hpp>

#include "aiexp/engine.h"
#include "test_data.h"

using namespace aiexp;
using aiexp::test::data_dir;
using aiexp::test::read_text;

TEST_CASE("an engine without a bundle answers every call with not-loaded", "[engine]") {
  Engine engine;
  CHECK_FALSE(engine.loaded());
  CHECK(engine.report("1137").error().code == ErrorCode::NotLoaded);
  CHECK(engine.set_assumptions(Assumptions{}).error().code == ErrorCode::NotLoaded);
  CHECK(engine.load_details("{}").error().code == ErrorCode::NotLoaded);
  CHECK(engine.rows().empty());
  CHECK_FALSE(engine.row(0).has_value());
  CHECK(engine.search("nurse", 5).empty());
  CHECK(engine.decode_state("soc=1137").error().code == ErrorCode::NotLoaded);
}

TEST_CASE("figures are available from the compact bundle alone; texts arrive with their parts", "[engine]") {
  Engine engine;
  REQUIRE(engine.load_bundle(read_text(data_dir() / "bundle.json")).ok());
  auto report = engine.report("1137");
  REQUIRE(report.ok());
  CHECK(report.value().score_text == "1.2");
  CHECK(report.value().wage_exposure_text == "£649m");
  CHECK(report.value().tasks.size() == 17);
  CHECK(report.value().tasks[0].text.empty());
  CHECK(report.value().description.empty());
  auto missing = engine.missing_text_parts("1137");
  REQUIRE(missing.ok());
  CHECK(missing.value() == std::vector<std::string>{"tasks-11"});
  // Task changes need the task ids of the details.
  Assumptions a;
  a.overrides.push_back({968, Label::E1, std::nullopt});
  CHECK(engine.set_assumptions(a).error().code == ErrorCode::UnknownTask);
  REQUIRE(engine.load_details(read_text(data_dir() / "details.json")).ok());
  CHECK(engine.set_assumptions(a).ok());
  REQUIRE(engine.load_text_part(read_text(data_dir() / "text" / "tasks-11.json")).ok());
  CHECK(engine.missing_text_parts("1137").value().empty());
  report = engine.report("1137");
  CHECK_FALSE(report.value().tasks[0].text.empty());
  CHECK_FALSE(report.value().description.empty());
  CHECK(engine.report("9999").error().code == ErrorCode::UnknownSoc);
}

TEST_CASE("a bad bundle leaves the loaded one in place", "[engine]") {
  Engine engine;
  REQUIRE(engine.load_bundle(read_text(data_dir() / "bundle.json")).ok());
  CHECK(engine.load_bundle("{\"truncated\": ").error().code == ErrorCode::BundleParse);
  CHECK(engine.loaded());
  CHECK(engine.report("2132").value().wage_exposure_text == "£1.42bn");
}

TEST_CASE("rows and totals follow the assumptions", "[engine]") {
  Engine engine;
  REQUIRE(engine.load_bundle(read_text(data_dir() / "bundle.json")).ok());
  const auto rows = engine.rows();
  REQUIRE(rows.size() == 412);
  const auto& it_directors = rows[*engine.bundle()->find_unit_group("1137")];
  CHECK(it_directors.score_text == "1.2");
  CHECK(it_directors.wage_exposure_text == "£649m");
  Assumptions a;
  a.e2 = 1.0;
  REQUIRE(engine.set_assumptions(a).ok());
  CHECK(engine.rows()[*engine.bundle()->find_unit_group("1137")].score_text == "9.4");
  CHECK(engine.encode_state("1137", {}) == "soc=1137&e2=1");
}

TEST_CASE("one row is the same row as in the full list, under any assumptions", "[engine]") {
  Engine engine;
  REQUIRE(engine.load_bundle(read_text(data_dir() / "bundle.json")).ok());
  Assumptions a;
  a.e2 = 0.5;
  a.weights = WeightScheme::Equal;
  REQUIRE(engine.set_assumptions(a).ok());
  const auto rows = engine.rows();
  for (std::size_t g = 0; g < rows.size(); ++g) {
    const auto row = engine.row(g);
    REQUIRE(row.has_value());
    CHECK(row->unit_group == rows[g].unit_group);
    CHECK(row->score_text == rows[g].score_text);
    CHECK(row->score10 == rows[g].score10);
    CHECK(row->wage_exposure_text == rows[g].wage_exposure_text);
    CHECK(row->rank_percent == rows[g].rank_percent);
  }
  CHECK_FALSE(engine.row(rows.size()).has_value());
}
