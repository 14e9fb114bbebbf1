// SHA-256 of bytes, for the provenance record of every source and output file (bundle.meta.json).
#pragma once

#include <string>
#include <string_view>

namespace aiexp::pipeline {

// Lower-case hex digest of `bytes` (FIPS 180-4).
std::string sha256_hex(std::string_view bytes);

}  // namespace aiexp::pipeline
