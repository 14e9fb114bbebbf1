// The bridge from a UK SOC 2020 unit group to US O*NET occupations, SCORING.md section 3:
// SOC 2020 -> ISCO-08 (coding index entries carry both) -> US SOC 2010 (BLS) -> US SOC 2018 (BLS)
// -> O*NET-SOC 2019 codes that have labelled tasks.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "aiexp/pipeline/sources.h"

namespace aiexp::pipeline {

// An ISCO-08 code's shares of one unit group's coding-index entries: most entries first, ties by lowest
// code, so the first is the modal code (the default bridge).
using IscoShares = std::vector<std::pair<std::string, std::uint32_t>>;

// Per unit group, from the index entries that carry both a SOC 2020 and an ISCO-08 code.
std::map<std::string, IscoShares> isco_shares_by_unit_group(const std::vector<CodingIndexEntry>& entries);

// Everything one ISCO-08 code reaches.
struct IscoLink {
  std::string title;
  std::set<std::string> soc2010;
  std::set<std::string> soc2018;
  std::set<std::string> onets;  // O*NET-SOC 2019 codes with labelled tasks only
};

// Follows the crosswalks for each ISCO-08 code used by the coding index. `titles` maps ISCO-08 codes to
// their titles (from the index); `labelled` is the set of O*NET codes with labelled tasks.
std::map<std::string, IscoLink> link_isco(const std::map<std::string, std::string>& titles,
                                          const std::vector<CodePair>& isco_to_soc2010,
                                          const std::vector<CodePair>& soc2010_to_soc2018,
                                          const std::vector<CodePair>& onet_to_soc2018,
                                          const std::set<std::string>& labelled);

// Why a unit group's modal ISCO-08 code reaches no labelled occupation; empty when it reaches one.
std::string unscored_reason(const IscoShares& shares, const std::map<std::string, IscoLink>& links);

}  // namespace aiexp::pipeline
