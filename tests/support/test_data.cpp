// Shared helpers of the Catch2 suites (test_data.h).
#include "test_data.h"

#include <fstream>
#include <iterator>
#include <stdexcept>

#include "aiexp/text.h"

namespace aiexp::test {

std::filesystem::path data_dir() { return AIEXP_TEST_DATA_DIR; }
std::filesystem::path fixtures_dir() { return AIEXP_TEST_FIXTURES_DIR; }
std::filesystem::path shared_sources_dir() { return AIEXP_TEST_SHARED_SOURCES_DIR; }

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

const Bundle& committed_bundle() {
  static const Bundle bundle = [] {
    auto parsed = parse_bundle(read_text(data_dir() / "bundle.json"));
    if (!parsed.ok()) throw std::runtime_error("committed bundle: " + parsed.error().message());
    Bundle result = std::move(parsed).value();
    if (Status status = merge_details(result, read_text(data_dir() / "details.json")); !status.ok()) {
      throw std::runtime_error("committed details: " + status.error().message());
    }
    return result;
  }();
  return bundle;
}

void load_everything(Engine& engine) {
  const auto check = [](const Status& status, const std::string& what) {
    if (!status.ok()) throw std::runtime_error(what + ": " + status.error().message());
  };
  check(engine.load_bundle(read_text(data_dir() / "bundle.json")), "bundle.json");
  check(engine.load_details(read_text(data_dir() / "details.json")), "details.json");
  for (const std::string& part : text_parts(*engine.bundle())) {
    check(engine.load_text_part(read_text(data_dir() / "text" / (part + ".json"))), part);
  }
  check(engine.load_titles(read_text(data_dir() / "titles.json")), "titles.json");
  check(engine.load_breakdowns(read_text(data_dir() / "breakdowns.json")), "breakdowns.json");
}

Engine& loaded_engine() {
  static Engine engine;
  static const bool loaded = (load_everything(engine), true);
  (void)loaded;
  return engine;
}

const nlohmann::json& check_values() {
  static const nlohmann::json values = nlohmann::json::parse(read_text(fixtures_dir() / "check_values.json"));
  return values;
}

}  // namespace aiexp::test
