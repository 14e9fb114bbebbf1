// The ukexp commands: load the bundle, run the core, print tables, CSV or JSON.
#pragma once

#include <cstdint>
#include <filesystem>
#include <ostream>

#include "args.h"

namespace aiexp::cli {

// Exit statuses shared by every command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitDataError = 1;
inline constexpr int kExitUsage = 2;

// The largest data file ukexp reads (bundle, details, text parts, raw sources): 64 MB. The committed bundle's
// files are under 1 MB and the largest raw source about 10 MB; anything bigger is not ours.
inline constexpr std::uintmax_t kMaxDataFileBytes = std::uintmax_t{64} << 20;

// Runs `request`, writing results to `out` and one-line errors to `err`. `default_data_dir` is used when the
// request names no --data folder. Returns the process exit status. Every data file must be a regular file
// (symlinks followed) of at most kMaxDataFileBytes, opened without blocking; anything else is a data error
// (exit 1) with one line naming the file.
int run(const Request& request, std::ostream& out, std::ostream& err, const std::filesystem::path& default_data_dir);

}  // namespace aiexp::cli
