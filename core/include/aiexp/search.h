// Finding a unit group by its code, its title or any of the ~30,000 job titles of the ONS SOC 2020 coding
// index ("data analyst" finds 2134 and 3544), for the role picker. The job-title index is a lazily loaded
// part of the bundle; its format and checks live here.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "aiexp/bundle.h"
#include "aiexp/status.h"

namespace aiexp {

struct JobTitle {
  std::string title;      // natural word order, "Data analyst"
  std::string qualifier;  // the index's qualifiers, "computing/IT"; often empty
  std::uint32_t unit_group = 0;
};

struct TitleIndex {
  std::vector<JobTitle> titles;
  std::vector<std::string> folded;  // folded "title qualifier" of each title, for matching
};

// JSON text of the job-title index: titles grouped by unit group, each group in the given order.
std::string serialize_titles(const Bundle& bundle, const std::vector<JobTitle>& titles);

// Parses the job-title index. Errors: BundleParse, BundleVersion, BundleSchema, BundleMismatch.
Result<TitleIndex> parse_titles(const Bundle& bundle, std::string_view json_text);

// Lower-case ASCII letters and digits; every other ASCII character becomes one space; runs of spaces
// collapse; bytes of multi-byte UTF-8 characters are kept as they are.
std::string fold_for_search(std::string_view text);

struct SearchHit {
  std::uint32_t unit_group = 0;
  std::int32_t title = -1;  // index into TitleIndex::titles of the job title that matched; -1 when the unit
                            // group's own code or title matched
  int quality = 0;          // higher is better; hits are sorted by it
};

// At most `limit` unit groups matching every word of `query` (as word prefixes, or failing that as
// substrings), best first, one hit per unit group. `titles` may be null (index not loaded yet): then only
// codes and unit group titles are searched. An empty query finds nothing.
std::vector<SearchHit> search(const Bundle& bundle, const TitleIndex* titles, std::string_view query,
                              std::size_t limit);

}  // namespace aiexp
