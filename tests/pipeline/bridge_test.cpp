// The SOC 2020 -> ISCO-08 -> US SOC 2010 -> SOC 2018 -> O*NET bridge (pipeline/src/bridge.cpp),
// SCORING.md section 3, on small synthetic crosswalks.
#include <catch2/catch.hpp>

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "aiexp/pipeline/bridge.h"

using namespace aiexp::pipeline;

namespace {

CodingIndexEntry entry(std::string soc, std::string isco) {
  CodingIndexEntry e;
  e.soc = std::move(soc);
  e.isco = std::move(isco);
  e.isco_title = e.isco.empty() ? "" : "ISCO " + e.isco;
  e.title = "a job";
  return e;
}

CodePair pair(std::string from, std::string to) { return CodePair{0, std::move(from), std::move(to)}; }

using Strings = std::set<std::string>;

// A small world: 1330 reaches two labelled O*NET occupations through two SOC 2010 codes (one of which splits
// into two SOC 2018 codes), 2512 reaches one, 6111 reaches a SOC 2018 code whose only O*NET occupation has no
// labelled tasks, 9629 has a SOC 2010 code with no SOC 2018 successor, and 0110 is in no BLS row.
struct World {
  std::map<std::string, std::string> titles{{"0110", "Commissioned armed forces officers"},
                                            {"1330", "ICT services managers"},
                                            {"2512", "Software developers"},
                                            {"6111", "Field crop and vegetable growers"},
                                            {"9629", "Elementary workers n.e.c."}};
  std::vector<CodePair> isco_to_soc2010{pair("1330", "11-3021"), pair("1330", "15-1199"), pair("2512", "15-1132"),
                                        pair("6111", "45-2092"), pair("9629", "39-9099"),
                                        // 3120 is used by no index entry: it must not appear
                                        pair("3120", "47-1011")};
  std::vector<CodePair> soc2010_to_soc2018{pair("11-3021", "11-3021"), pair("15-1199", "15-1299"),
                                           pair("15-1199", "15-1231"), pair("15-1132", "15-1252"),
                                           pair("45-2092", "45-2092"), pair("47-1011", "47-1011")};
  std::vector<CodePair> onet_to_soc2018{pair("11-3021.00", "11-3021"), pair("15-1299.08", "15-1299"),
                                        pair("15-1299.09", "15-1299"),  // not labelled
                                        pair("15-1252.00", "15-1252"), pair("45-2092.00", "45-2092"),  // not labelled
                                        pair("47-1011.00", "47-1011")};
  std::set<std::string> labelled{"11-3021.00", "15-1299.08", "15-1252.00", "47-1011.00"};

  std::map<std::string, IscoLink> links() const {
    return link_isco(titles, isco_to_soc2010, soc2010_to_soc2018, onet_to_soc2018, labelled);
  }
};

}  // namespace

TEST_CASE("ISCO-08 shares count a unit group's index entries per code, most entries first", "[bridge]") {
  const std::vector<CodingIndexEntry> entries{entry("2132", "2511"), entry("2132", "1330"), entry("2132", "1330"),
                                              entry("2132", "1330"), entry("1137", "1330"), entry("2132", "2512"),
                                              entry("2132", "2511")};
  const auto shares = isco_shares_by_unit_group(entries);
  REQUIRE(shares.size() == 2);
  const IscoShares expected_2132{{"1330", 3}, {"2511", 2}, {"2512", 1}};
  CHECK(shares.at("2132") == expected_2132);
  const IscoShares expected_1137{{"1330", 1}};
  CHECK(shares.at("1137") == expected_1137);
}

TEST_CASE("the modal ISCO-08 code is the one with most entries, whatever the entry order", "[bridge]") {
  const std::vector<CodingIndexEntry> entries{entry("1137", "2511"), entry("1137", "2522"), entry("1137", "2522"),
                                              entry("1137", "1330"), entry("1137", "2522")};
  const auto shares = isco_shares_by_unit_group(entries);
  REQUIRE(shares.count("1137") == 1);
  CHECK(shares.at("1137").front() == std::make_pair(std::string("2522"), std::uint32_t{3}));
}

TEST_CASE("a tie for the modal ISCO-08 code goes to the lowest code", "[bridge]") {
  // Highest code first in the input: the order of the entries must not decide the tie.
  const std::vector<CodingIndexEntry> entries{entry("2134", "2529"), entry("2134", "2512"), entry("2134", "2529"),
                                              entry("2134", "2512"), entry("2134", "0310"), entry("2134", "0310"),
                                              entry("2134", "9999")};
  const auto shares = isco_shares_by_unit_group(entries);
  const IscoShares expected{{"0310", 2}, {"2512", 2}, {"2529", 2}, {"9999", 1}};
  CHECK(shares.at("2134") == expected);
}

TEST_CASE("index entries without a SOC 2020 or an ISCO-08 code are left out of the shares", "[bridge]") {
  const std::vector<CodingIndexEntry> entries{entry("", "1330"),     entry("", "1330"),     entry("8160", ""),
                                              entry("8160", ""),     entry("8160", "8160"), entry("2132", ""),
                                              entry("2132", "1330"), entry("", "")};
  const auto shares = isco_shares_by_unit_group(entries);
  REQUIRE(shares.size() == 2);
  const IscoShares expected_8160{{"8160", 1}};
  CHECK(shares.at("8160") == expected_8160);
  const IscoShares expected_2132{{"1330", 1}};
  CHECK(shares.at("2132") == expected_2132);
  // A unit group whose entries all lack an ISCO-08 code has no shares at all.
  CHECK(isco_shares_by_unit_group({entry("5111", ""), entry("5111", "")}).empty());
  CHECK(isco_shares_by_unit_group({}).empty());
}

TEST_CASE("link_isco follows the three crosswalks from an ISCO-08 code to labelled O*NET occupations", "[bridge]") {
  const World world;
  const auto links = world.links();
  REQUIRE(links.count("1330") == 1);
  const IscoLink& link = links.at("1330");
  CHECK(link.title == "ICT services managers");
  CHECK(link.soc2010 == Strings{"11-3021", "15-1199"});
  CHECK(link.soc2018 == Strings{"11-3021", "15-1231", "15-1299"});
  CHECK(link.onets == Strings{"11-3021.00", "15-1299.08"});

  const IscoLink& developers = links.at("2512");
  CHECK(developers.soc2010 == Strings{"15-1132"});
  CHECK(developers.soc2018 == Strings{"15-1252"});
  CHECK(developers.onets == Strings{"15-1252.00"});
}

TEST_CASE("link_isco keeps only O*NET occupations with labelled tasks", "[bridge]") {
  const World world;
  const auto links = world.links();
  // 15-1299.09 shares SOC 2018 15-1299 with a labelled occupation but has no labels itself.
  CHECK(links.at("1330").onets.count("15-1299.09") == 0);
  // 6111 reaches SOC 2018 45-2092, whose only O*NET occupation is unlabelled.
  const IscoLink& growers = links.at("6111");
  CHECK(growers.soc2010 == Strings{"45-2092"});
  CHECK(growers.soc2018 == Strings{"45-2092"});
  CHECK(growers.onets.empty());

  // With every occupation labelled, the unlabelled ones appear.
  World all = world;
  all.labelled.insert({"15-1299.09", "45-2092.00"});
  const auto all_links = all.links();
  CHECK(all_links.at("1330").onets == Strings{"11-3021.00", "15-1299.08", "15-1299.09"});
  CHECK(all_links.at("6111").onets == Strings{"45-2092.00"});
}

TEST_CASE("link_isco lists every titled ISCO-08 code, and only those", "[bridge]") {
  const World world;
  const auto links = world.links();
  REQUIRE(links.size() == world.titles.size());
  for (const auto& [code, title] : world.titles) {
    INFO(code);
    REQUIRE(links.count(code) == 1);
    CHECK(links.at(code).title == title);
  }
  // 3120 has BLS rows but no index entry uses it.
  CHECK(links.count("3120") == 0);
  // 0110 has no BLS row: present, reaching nothing.
  CHECK(links.at("0110").soc2010.empty());
  CHECK(links.at("0110").soc2018.empty());
  CHECK(links.at("0110").onets.empty());
  // 9629's SOC 2010 code has no SOC 2018 successor.
  CHECK(links.at("9629").soc2010 == Strings{"39-9099"});
  CHECK(links.at("9629").soc2018.empty());
  CHECK(links.at("9629").onets.empty());
}

TEST_CASE("link_isco merges duplicate crosswalk rows", "[bridge]") {
  World world;
  world.isco_to_soc2010.push_back(pair("2512", "15-1132"));
  world.soc2010_to_soc2018.push_back(pair("15-1132", "15-1252"));
  world.onet_to_soc2018.push_back(pair("15-1252.00", "15-1252"));
  const auto links = world.links();
  CHECK(links.at("2512").soc2010 == Strings{"15-1132"});
  CHECK(links.at("2512").soc2018 == Strings{"15-1252"});
  CHECK(links.at("2512").onets == Strings{"15-1252.00"});
}

TEST_CASE("unscored_reason is empty when the modal ISCO-08 code reaches a labelled occupation", "[bridge]") {
  const World world;
  const auto links = world.links();
  CHECK(unscored_reason({{"1330", 5}}, links).empty());
  CHECK(unscored_reason({{"2512", 3}, {"0110", 1}}, links).empty());
}

TEST_CASE("unscored_reason says when no index entry gives an ISCO-08 code", "[bridge]") {
  const World world;
  CHECK(unscored_reason({}, world.links()) == "no coding-index entry gives an ISCO-08 code");
}

TEST_CASE("unscored_reason says when the modal ISCO-08 code has no US SOC 2010 counterpart", "[bridge]") {
  const World world;
  const auto links = world.links();
  CHECK(unscored_reason({{"0110", 4}}, links) ==
        "modal ISCO-08 0110 has no US SOC 2010 counterpart in the BLS crosswalk");
  // A code missing from the links altogether reads the same.
  CHECK(unscored_reason({{"0999", 2}}, links) ==
        "modal ISCO-08 0999 has no US SOC 2010 counterpart in the BLS crosswalk");
}

TEST_CASE("unscored_reason says when the SOC 2010 codes have no SOC 2018 successor", "[bridge]") {
  const World world;
  CHECK(unscored_reason({{"9629", 2}}, world.links()) ==
        "modal ISCO-08 9629: its SOC 2010 codes have no SOC 2018 successor");
}

TEST_CASE("unscored_reason names the SOC 2018 codes that reach no labelled occupation", "[bridge]") {
  World world;
  CHECK(unscored_reason({{"6111", 2}}, world.links()) ==
        "modal ISCO-08 6111 reaches SOC 2018 45-2092, which has no O*NET occupation with labelled tasks");
  // Several SOC 2018 codes are listed ascending, comma-separated.
  world.isco_to_soc2010.push_back(pair("6111", "47-1011"));
  world.labelled.erase("47-1011.00");
  CHECK(unscored_reason({{"6111", 2}}, world.links()) ==
        "modal ISCO-08 6111 reaches SOC 2018 45-2092, 47-1011, which has no O*NET occupation with labelled tasks");
}

TEST_CASE("unscored_reason looks at the modal ISCO-08 code only", "[bridge]") {
  const World world;
  const auto links = world.links();
  // The second code reaches a labelled occupation, but the default bridge uses the modal one.
  CHECK(unscored_reason({{"0110", 3}, {"1330", 2}}, links) ==
        "modal ISCO-08 0110 has no US SOC 2010 counterpart in the BLS crosswalk");
  // And a scored modal code is enough, whatever the others reach.
  CHECK(unscored_reason({{"1330", 3}, {"0110", 2}}, links).empty());
}

TEST_CASE("shares and links together give the reason for each unit group", "[bridge]") {
  const World world;
  const std::vector<CodingIndexEntry> entries{entry("1137", "1330"), entry("1137", "1330"), entry("1137", "2512"),
                                              entry("5111", "6111"), entry("5111", "6111"), entry("5111", "1330"),
                                              entry("3311", "0110"), entry("3311", "2512")};
  const auto shares = isco_shares_by_unit_group(entries);
  const auto links = world.links();
  CHECK(unscored_reason(shares.at("1137"), links).empty());
  CHECK(unscored_reason(shares.at("5111"), links) ==
        "modal ISCO-08 6111 reaches SOC 2018 45-2092, which has no O*NET occupation with labelled tasks");
  // 3311 ties 0110 and 2512 at one entry each: the lowest code, 0110, is modal and reaches nothing.
  CHECK(unscored_reason(shares.at("3311"), links) ==
        "modal ISCO-08 0110 has no US SOC 2010 counterpart in the BLS crosswalk");
}
