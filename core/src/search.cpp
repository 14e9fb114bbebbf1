// Job-title index and role search (search.h).
#include "aiexp/search.h"

#include <algorithm>
#include <utility>

#include "json.h"
#include "json_reader.h"

namespace aiexp {

using detail::join_path;
using detail::JsonReader;
using json::Type;
using json::Value;

namespace {

constexpr std::string_view kTitlesKind = "titles";

std::vector<std::string_view> split_words(std::string_view folded) {
  std::vector<std::string_view> words;
  std::size_t start = 0;
  while (start < folded.size()) {
    const std::size_t end = std::min(folded.find(' ', start), folded.size());
    if (end > start) words.push_back(folded.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

bool starts_with_word(std::string_view text, std::string_view word, std::size_t at) {
  return text.compare(at, word.size(), word) == 0 && (at == 0 || text[at - 1] == ' ');
}

// How well a folded candidate matches the query words: 0 no match, higher better.
//   4 the candidate is the query; 3 it starts with the query; 2 every word begins a word of it;
//   1 every word occurs somewhere in it.
int match_quality(std::string_view candidate, std::string_view query, const std::vector<std::string_view>& words) {
  if (candidate == query) return 4;
  if (candidate.compare(0, query.size(), query) == 0 &&
      (candidate.size() == query.size() || candidate[query.size()] == ' ')) {
    return 3;
  }
  bool all_word_prefixes = true;
  for (std::string_view word : words) {
    bool found_anywhere = false;
    bool found_prefix = false;
    for (std::size_t at = candidate.find(word); at != std::string_view::npos; at = candidate.find(word, at + 1)) {
      found_anywhere = true;
      if (starts_with_word(candidate, word, at)) {
        found_prefix = true;
        break;
      }
    }
    if (!found_anywhere) return 0;
    all_word_prefixes = all_word_prefixes && found_prefix;
  }
  return all_word_prefixes ? 2 : 1;
}

}  // namespace

std::string fold_for_search(std::string_view text) {
  std::string folded;
  folded.reserve(text.size());
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    char out = c;
    if (byte >= 0x80) {
      out = c;  // part of a multi-byte character: keep
    } else if (c >= 'A' && c <= 'Z') {
      out = static_cast<char>(c - 'A' + 'a');
    } else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
      out = ' ';
    }
    if (out == ' ' && (folded.empty() || folded.back() == ' ')) continue;
    folded.push_back(out);
  }
  if (!folded.empty() && folded.back() == ' ') folded.pop_back();
  return folded;
}

std::string serialize_titles(const Bundle& bundle, const std::vector<JobTitle>& titles) {
  std::vector<std::vector<const JobTitle*>> by_group(bundle.unit_groups.size());
  for (const JobTitle& title : titles) by_group[title.unit_group].push_back(&title);
  Value groups = Value::object();
  for (std::size_t g = 0; g < by_group.size(); ++g) {
    if (by_group[g].empty()) continue;
    Value list = Value::array();
    for (const JobTitle* title : by_group[g]) {
      if (title->qualifier.empty()) {
        list.push_back(Value::string(title->title));
      } else {
        Value pair = Value::array();
        pair.push_back(Value::string(title->title));
        pair.push_back(Value::string(title->qualifier));
        list.push_back(std::move(pair));
      }
    }
    groups.set(bundle.unit_groups[g].soc, std::move(list));
  }
  Value root = detail::make_header(kTitlesKind, bundle.build);
  root.set("titles", std::move(groups));
  return json::write(root);
}

Result<TitleIndex> parse_titles(const Bundle& bundle, std::string_view json_text) {
  auto parsed = json::parse(json_text);
  if (!parsed.ok()) return parsed.error();
  const Value& root = parsed.value();
  std::string build;
  if (Status status = detail::read_header(root, kTitlesKind, build); !status.ok()) return status.error();
  if (build != bundle.build) {
    return make_error(ErrorCode::BundleMismatch, "titles build " + build + ", bundle build " + bundle.build);
  }
  JsonReader reader;
  const Value* groups = reader.member(root, "", "titles", Type::Object);
  if (reader.failed()) return reader.take_error();
  TitleIndex index;
  for (const auto& [soc, list] : groups->members()) {
    const std::string path = join_path("titles", soc);
    const auto group = bundle.find_unit_group(soc);
    if (!group) return make_error(ErrorCode::BundleSchema, path + ": no such unit group in the bundle");
    if (!list.is_array()) return make_error(ErrorCode::BundleSchema, path + ": expected an array");
    for (std::size_t i = 0; i < list.size(); ++i) {
      const Value& item = list[i];
      JobTitle title;
      title.unit_group = *group;
      if (item.is_array() && item.size() == 2) {
        reader.element_string(item[0], {path, i}, title.title);
        reader.element_string(item[1], {path, i}, title.qualifier);
      } else {
        reader.element_string(item, {path, i}, title.title);
      }
      if (reader.failed()) return reader.take_error();
      if (title.title.empty()) return make_error(ErrorCode::BundleSchema, join_path(path, i) + ": empty title");
      index.folded.push_back(fold_for_search(title.qualifier.empty() ? title.title
                                                                      : title.title + " " + title.qualifier));
      index.titles.push_back(std::move(title));
    }
  }
  return index;
}

std::vector<SearchHit> search(const Bundle& bundle, const TitleIndex* titles, std::string_view query,
                              std::size_t limit) {
  const std::string folded_query = fold_for_search(query);
  const std::vector<std::string_view> words = split_words(folded_query);
  if (words.empty() || limit == 0) return {};

  // Best hit per unit group; a unit group's own code and title rank above a job title of the same quality.
  std::vector<SearchHit> best(bundle.unit_groups.size());
  std::vector<std::size_t> best_length(bundle.unit_groups.size(), 0);
  const auto offer = [&](std::uint32_t group, std::int32_t title, int quality, std::size_t length) {
    SearchHit& hit = best[group];
    if (quality > hit.quality || (quality == hit.quality && length < best_length[group])) {
      hit = SearchHit{group, title, quality};
      best_length[group] = length;
    }
  };
  for (std::uint32_t g = 0; g < bundle.unit_groups.size(); ++g) {
    const UnitGroup& group = bundle.unit_groups[g];
    if (group.soc.compare(0, folded_query.size(), folded_query) == 0) {
      offer(g, -1, folded_query.size() == group.soc.size() ? 20 : 15, 0);
      continue;
    }
    const std::string folded_title = fold_for_search(group.title);
    if (const int quality = match_quality(folded_title, folded_query, words); quality > 0) {
      offer(g, -1, quality * 2 + 1, folded_title.size());
    }
  }
  if (titles) {
    for (std::size_t i = 0; i < titles->titles.size(); ++i) {
      const std::string& folded = titles->folded[i];
      if (const int quality = match_quality(folded, folded_query, words); quality > 0) {
        offer(titles->titles[i].unit_group, static_cast<std::int32_t>(i), quality * 2, folded.size());
      }
    }
  }

  std::vector<SearchHit> hits;
  for (std::uint32_t g = 0; g < best.size(); ++g) {
    if (best[g].quality > 0) hits.push_back(best[g]);
  }
  std::sort(hits.begin(), hits.end(), [&](const SearchHit& a, const SearchHit& b) {
    if (a.quality != b.quality) return a.quality > b.quality;
    if (best_length[a.unit_group] != best_length[b.unit_group]) return best_length[a.unit_group] < best_length[b.unit_group];
    return a.unit_group < b.unit_group;
  });
  if (hits.size() > limit) hits.resize(limit);
  return hits;
}

}  // namespace aiexp
