// ukexp: the native command-line face of the scoring core and the data pipeline. Nothing escapes main: every
// failure, out of memory included, ends as one line on stderr and a non-zero exit status.
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <iostream>
#include <new>
#include <string>
#include <vector>

#include "args.h"
#include "commands.h"

namespace {

// Where to look for the data folder: UKEXP_DATA, and where this binary is (commands.h, find_data_dir).
aiexp::cli::DataLookup data_lookup(const char* argv0) {
  namespace fs = std::filesystem;
  aiexp::cli::DataLookup lookup;
  if (const char* env = std::getenv(std::string(aiexp::cli::kDataEnvVar).c_str())) lookup.env_data = env;
  std::error_code error;
  lookup.executable = fs::read_symlink("/proc/self/exe", error);
  if (error && std::string_view(argv0).find('/') != std::string_view::npos) {
    lookup.executable = fs::weakly_canonical(argv0, error);  // no /proc: the path it was started by
    if (error) lookup.executable.clear();
  }
  return lookup;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const std::vector<std::string> args(argv + 1, argv + argc);
    auto request = aiexp::cli::parse_args(args);
    if (!request.ok()) {
      aiexp::cli::print_message(std::cerr, "ukexp: " + request.error().detail + " (see ukexp --help)");
      return aiexp::cli::kExitUsage;
    }
    for (const std::string& notice : request.value().notices) {
      aiexp::cli::print_message(std::cerr, "ukexp: warning: " + notice);
    }
    return aiexp::cli::run(request.value(), std::cout, std::cerr, data_lookup(argc > 0 ? argv[0] : ""));
  } catch (const std::bad_alloc&) {
    std::cerr << "ukexp: out of memory\n";
  } catch (const std::exception& error) {
    aiexp::cli::print_message(std::cerr, std::string("ukexp: ") + error.what());
  } catch (...) {
    std::cerr << "ukexp: unexpected error\n";
  }
  return aiexp::cli::kExitDataError;
}
