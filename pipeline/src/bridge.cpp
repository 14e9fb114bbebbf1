// The SOC 2020 -> O*NET bridge (bridge.h), SCORING.md section 3.
#include "aiexp/pipeline/bridge.h"

#include <algorithm>

namespace aiexp::pipeline {

std::map<std::string, IscoShares> isco_shares_by_unit_group(const std::vector<CodingIndexEntry>& entries) {
  std::map<std::string, std::map<std::string, std::uint32_t>> counts;
  for (const CodingIndexEntry& entry : entries) {
    // Entries without either code ("see ..." cross-references, three 8160 entries) say nothing of the bridge.
    if (entry.soc.empty() || entry.isco.empty()) continue;
    ++counts[entry.soc][entry.isco];
  }
  std::map<std::string, IscoShares> shares;
  for (const auto& [soc, by_isco] : counts) {
    IscoShares list(by_isco.begin(), by_isco.end());
    // Most entries first; the map already ordered codes ascending, and stable_sort keeps that for ties.
    std::stable_sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    shares.emplace(soc, std::move(list));
  }
  return shares;
}

std::map<std::string, IscoLink> link_isco(const std::map<std::string, std::string>& titles,
                                          const std::vector<CodePair>& isco_to_soc2010,
                                          const std::vector<CodePair>& soc2010_to_soc2018,
                                          const std::vector<CodePair>& onet_to_soc2018,
                                          const std::set<std::string>& labelled) {
  std::map<std::string, std::set<std::string>> soc2018_of_2010;
  for (const CodePair& pair : soc2010_to_soc2018) soc2018_of_2010[pair.from].insert(pair.to);
  std::map<std::string, std::set<std::string>> onets_of_2018;
  for (const CodePair& pair : onet_to_soc2018) {
    if (labelled.count(pair.from)) onets_of_2018[pair.to].insert(pair.from);
  }
  std::map<std::string, IscoLink> links;
  for (const auto& [code, title] : titles) links[code].title = title;
  for (const CodePair& pair : isco_to_soc2010) {
    auto it = links.find(pair.from);
    if (it == links.end()) continue;  // an ISCO-08 code no UK index entry uses
    it->second.soc2010.insert(pair.to);
  }
  for (auto& [code, link] : links) {
    for (const std::string& soc2010 : link.soc2010) {
      auto found = soc2018_of_2010.find(soc2010);
      if (found == soc2018_of_2010.end()) continue;
      link.soc2018.insert(found->second.begin(), found->second.end());
    }
    for (const std::string& soc2018 : link.soc2018) {
      auto found = onets_of_2018.find(soc2018);
      if (found == onets_of_2018.end()) continue;
      link.onets.insert(found->second.begin(), found->second.end());
    }
  }
  return links;
}

std::string unscored_reason(const IscoShares& shares, const std::map<std::string, IscoLink>& links) {
  if (shares.empty()) return "no coding-index entry gives an ISCO-08 code";
  const std::string& modal = shares.front().first;
  const auto it = links.find(modal);
  if (it == links.end() || it->second.soc2010.empty()) {
    return "modal ISCO-08 " + modal + " has no US SOC 2010 counterpart in the BLS crosswalk";
  }
  const IscoLink& link = it->second;
  if (link.soc2018.empty()) return "modal ISCO-08 " + modal + ": its SOC 2010 codes have no SOC 2018 successor";
  if (link.onets.empty()) {
    std::string codes;
    for (const std::string& code : link.soc2018) codes += (codes.empty() ? "" : ", ") + code;
    return "modal ISCO-08 " + modal + " reaches SOC 2018 " + codes + ", which has no O*NET occupation with labelled tasks";
  }
  return "";
}

}  // namespace aiexp::pipeline
