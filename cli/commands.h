// The ukexp commands: load the bundle, run the core, print tables, CSV or JSON.
#pragma once

#include <filesystem>
#include <ostream>

#include "args.h"

namespace aiexp::cli {

// Exit statuses shared by every command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitDataError = 1;
inline constexpr int kExitUsage = 2;

// Runs `request`, writing results to `out` and one-line errors to `err`. `default_data_dir` is used when the
// request names no --data folder. Returns the process exit status.
int run(const Request& request, std::ostream& out, std::ostream& err, const std::filesystem::path& default_data_dir);

}  // namespace aiexp::cli
