// ukexp: the native command-line face of the scoring core and the data pipeline. Nothing escapes main: every
// failure, out of memory included, ends as one line on stderr and a non-zero exit status.
#include <exception>
#include <iostream>
#include <new>
#include <string>
#include <vector>

#include "args.h"
#include "commands.h"

#ifndef AIEXP_DEFAULT_DATA_DIR
#error "AIEXP_DEFAULT_DATA_DIR must name the project's data folder"
#endif

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
    return aiexp::cli::run(request.value(), std::cout, std::cerr, AIEXP_DEFAULT_DATA_DIR);
  } catch (const std::bad_alloc&) {
    std::cerr << "ukexp: out of memory\n";
  } catch (const std::exception& error) {
    aiexp::cli::print_message(std::cerr, std::string("ukexp: ") + error.what());
  } catch (...) {
    std::cerr << "ukexp: unexpected error\n";
  }
  return aiexp::cli::kExitDataError;
}
