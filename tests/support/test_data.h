// Shared helpers of the Catch2 suites: where the committed bundle and the fixtures are, and loading them.
#pragma once

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "aiexp/bundle.h"
#include "aiexp/engine.h"

namespace aiexp::test {

// The committed bundle folder (data/), the fixtures folder and the shared raw sources (may be absent).
std::filesystem::path data_dir();
std::filesystem::path fixtures_dir();
std::filesystem::path shared_sources_dir();

std::string read_text(const std::filesystem::path& path);

// The committed bundle with its details merged, parsed once per test binary.
const Bundle& committed_bundle();

// An engine with the committed bundle, details, every text part, the titles and the breakdowns loaded.
void load_everything(Engine& engine);

// One such engine per test binary, loaded on first use. Tests set the assumptions they rely on.
Engine& loaded_engine();

// tests/fixtures/check_values.json.
const nlohmann::json& check_values();

}  // namespace aiexp::test
