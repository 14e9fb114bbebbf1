// Role search over codes, titles and coding-index job titles (core/src/search.cpp).
#include <catch2/catch.hpp>

#include "aiexp/engine.h"
#include "aiexp/search.h"
#include "test_data.h"

using namespace aiexp;
using aiexp::test::loaded_engine;

namespace {

bool finds(const std::vector<SearchResult>& results, const std::string& soc) {
  return std::any_of(results.begin(), results.end(), [&](const SearchResult& r) { return r.soc == soc; });
}

}  // namespace

TEST_CASE("'data analyst' finds its unit groups and says which job title matched", "[search][spec]") {
  const auto results = loaded_engine().search("data analyst", 10);
  REQUIRE(results.size() >= 2);
  CHECK(results[0].soc == "3544");  // Data analysts
  const auto it = std::find_if(results.begin(), results.end(), [](const SearchResult& r) { return r.soc == "2134"; });
  REQUIRE(it != results.end());
  CHECK(it->matched_title == "Data analyst");
  CHECK(it->qualifier == "computing/IT");
}

TEST_CASE("codes and unit group titles are found before the job-title index loads", "[search]") {
  Engine engine;
  REQUIRE(engine.load_bundle(aiexp::test::read_text(aiexp::test::data_dir() / "bundle.json")).ok());
  auto results = engine.search("1137", 5);
  REQUIRE(results.size() == 1);
  CHECK(results[0].soc == "1137");
  CHECK(results[0].matched_title.empty());
  results = engine.search("it managers", 5);
  CHECK(finds(results, "2132"));
  results = engine.search("21", 50);
  CHECK(results.size() > 5);
  CHECK(std::all_of(results.begin(), results.end(), [](const SearchResult& r) { return r.soc.rfind("21", 0) == 0; }));
}

TEST_CASE("search ignores case and punctuation and needs every word", "[search]") {
  Engine& engine = loaded_engine();
  CHECK(finds(engine.search("  NURSE ", 20), "2231"));
  CHECK(finds(engine.search("web-designer", 20), "2141"));
  CHECK(engine.search("zzzzqqq", 10).empty());
  CHECK(engine.search("", 10).empty());
  CHECK(engine.search("!!!", 10).empty());
  CHECK(engine.search("nurse", 3).size() == 3);
  CHECK(fold_for_search("Café  owner/manager") == "caf\xC3\xA9 owner manager");
}

TEST_CASE("one hit per unit group, best match first", "[search]") {
  const auto results = loaded_engine().search("teacher", 30);
  std::vector<std::string> socs;
  for (const auto& r : results) socs.push_back(r.soc);
  std::sort(socs.begin(), socs.end());
  CHECK(std::adjacent_find(socs.begin(), socs.end()) == socs.end());
}
