// Task statements, the largest text of the bundle, split into one part per O*NET major group
// ("text/tasks-11.json") so the page fetches only what the role on screen needs. Format and checks live
// here, like the bundle's.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "aiexp/bundle.h"
#include "aiexp/status.h"

namespace aiexp {

// Task statements loaded so far for one bundle. Empty strings mean "not loaded yet".
struct TextStore {
  std::vector<std::string> task_text;  // by task index
  std::vector<std::string> loaded_parts;  // names of the parts merged so far, ascending

  // Sizes the store for `bundle`, nothing loaded.
  explicit TextStore(const Bundle& bundle);
  TextStore() = default;

  bool has_part(std::string_view part) const;
};

// Name of the part holding an occupation's task statements: "tasks-11" for "11-3021.00".
std::string task_text_part(std::string_view onet_code);
// Every part of a bundle, ascending; each is served as "text/<part>.json".
std::vector<std::string> text_parts(const Bundle& bundle);
// The parts holding the statements of the given occupations (indexes into Bundle::onets), ascending.
std::vector<std::string> text_parts_for(const Bundle& bundle, const std::vector<std::uint32_t>& onets);

// JSON text of one part; `task_text` is by task index.
std::string serialize_task_text_part(const Bundle& bundle, const std::vector<std::string>& task_text,
                                     std::string_view part);

// Parses one part and merges it into `store`. Errors: BundleParse, BundleVersion, BundleSchema (unknown
// code, wrong task count, empty statement), BundleMismatch (another data build). On error `store` is unchanged.
Status merge_text_part(const Bundle& bundle, std::string_view json_text, TextStore& store);

}  // namespace aiexp
