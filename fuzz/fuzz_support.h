// Helpers shared by the fuzz targets: the committed bundle, read once and never changed, as the base that
// detail, text and title inputs are merged into.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>

#include "aiexp/bundle.h"

namespace aiexp::fuzz {

inline std::string read_data_file(const std::string& name) {
  const std::string path = std::string(AIEXP_FUZZ_DATA_DIR) + "/" + name;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "fuzz: cannot read %s\n", path.c_str());
    std::abort();
  }
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The committed bundle with its details: what the page has once everything is loaded.
inline const Bundle& base_bundle() {
  static const Bundle bundle = [] {
    Result<Bundle> parsed = parse_bundle(read_data_file("bundle.json"));
    if (!parsed.ok()) std::abort();
    Bundle loaded = std::move(parsed).value();
    if (!merge_details(loaded, read_data_file("details.json")).ok()) std::abort();
    return loaded;
  }();
  return bundle;
}

// A broken invariant: libFuzzer reports it as a crash, with the input that caused it.
[[noreturn]] inline void invariant_broken(const char* what) {
  std::fprintf(stderr, "fuzz: invariant broken: %s\n", what);
  std::abort();
}

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

}  // namespace aiexp::fuzz
