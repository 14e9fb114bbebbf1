// ukexp: the native command-line face of the scoring core and the data pipeline.
#include <iostream>
#include <string>
#include <vector>

#include "args.h"
#include "commands.h"

#ifndef AIEXP_DEFAULT_DATA_DIR
#error "AIEXP_DEFAULT_DATA_DIR must name the project's data folder"
#endif

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  auto request = aiexp::cli::parse_args(args);
  if (!request.ok()) {
    std::cerr << "ukexp: " << request.error().detail << " (see ukexp --help)\n";
    return aiexp::cli::kExitUsage;
  }
  return aiexp::cli::run(request.value(), std::cout, std::cerr, AIEXP_DEFAULT_DATA_DIR);
}
