// The ukexp commands: load the bundle, run the core, print tables, CSV or JSON.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "args.h"

namespace aiexp::cli {

// Exit statuses shared by every command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitDataError = 1;
inline constexpr int kExitUsage = 2;

// The largest data file ukexp reads (bundle, details, text parts, raw sources): 64 MB. The committed bundle's
// files are under 1 MB and the largest raw source about 10 MB; anything bigger is not ours.
inline constexpr std::uintmax_t kMaxDataFileBytes = std::uintmax_t{64} << 20;

// The longest message line ukexp writes, in characters, and the longest path it quotes in one: a line or a path
// longer than that (a 100 KB argument) is cut with "…".
inline constexpr std::size_t kMaxMessageChars = 1000;
inline constexpr std::size_t kEchoPathChars = 200;

// Where ukexp looks for its data folder when no --data names one. Nothing is fixed at build time, so a copied
// or installed ukexp never reads the folder of the checkout it was built in.
struct DataLookup {
  std::string env_data;              // the value of UKEXP_DATA (kDataEnvVar); empty when unset
  std::filesystem::path executable;  // the running ukexp, symlinks resolved (/proc/self/exe); empty when unknown
};

// How many folders above its own ukexp looks for a data/ folder: build/<preset>/cli/ukexp reaches the checkout.
inline constexpr int kDataSearchLevels = 3;

// The data folder, the first of:
//   1. `env_data` when it is not empty, as it is (a wrong one is then an error naming its bundle.json);
//   2. <exe dir>/../share/ukexp/data, when it holds bundle.json: an installed ukexp (cmake --install puts the
//      binary in <prefix>/bin and the data there);
//   3. the first folder named data holding bundle.json in the executable's folder or up to kDataSearchLevels
//      folders above it: a build inside a checkout finds that checkout's data/.
// Otherwise nullopt, with `why` saying where it looked and how to name the folder.
std::optional<std::filesystem::path> find_data_dir(const DataLookup& lookup, std::string& why);

// Runs `request`, writing results to `out` and one-line errors to `err`, and returns the process exit status.
// Without --data, a scoring command reads the folder find_data_dir(lookup) finds, or fails with exit status 1
// and one line saying where it looked. Every data file must be a regular file (symlinks followed) of at most
// kMaxDataFileBytes, opened without blocking; anything else is a data error (exit 1) with one line naming the file.
//
// Whatever the data or the arguments hold, what reaches `out` and `err` is printable (aiexp/printable.h): no
// control character but the line breaks ukexp writes itself; text tables, CSV fields and each message show a
// control character in the data as its escape (\u001B), a CSV field is neutralised for spreadsheets (csv.h), and
// JSON stays valid JSON with the same values. Input quoted back in a message is cut after aiexp::kEchoChars
// characters (paths after kEchoPathChars).
int run(const Request& request, std::ostream& out, std::ostream& err, const DataLookup& lookup);

// The same, with `default_data_dir` used when the request names no --data folder (as UKEXP_DATA would be).
int run(const Request& request, std::ostream& out, std::ostream& err, const std::filesystem::path& default_data_dir);

// Writes one message line to `err`: `line` made printable, line breaks included, cut after kMaxMessageChars
// characters, then a newline. Every error and warning of ukexp goes through here.
void print_message(std::ostream& err, std::string_view line);

}  // namespace aiexp::cli
