// Command-line grammar of ukexp: parsing only, no I/O, so it can be unit-tested and fuzzed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "aiexp/score.h"
#include "aiexp/status.h"

namespace aiexp::cli {

enum class Command { Help, Score, Onet, Rank, Breakdown, BuildData };

struct Request {
  Command command = Command::Help;
  std::string help_topic;  // for Command::Help: "" (general) or a command name
  std::string code;        // score: SOC 2020 code; onet: O*NET-SOC code; breakdown: its kind (sex, pattern, ...)
  bool all = false;        // onet --all
  bool json = false;       // score/breakdown --json
  bool csv = false;        // onet/rank/breakdown --csv
  Assumptions assumptions;
  std::string data_dir;     // --data; empty means the project's data/ folder
  std::string sources_dir;  // build-data --sources
  std::string out_dir;      // build-data --out
  std::vector<std::string> notices;  // warnings that did not stop parsing (an option given twice: the last wins)
};

// Parses the arguments after the program name. The assumptions' options are the parameters of
// aiexp/grammar.h with their aliases (--weights or --w, --labels or --label-source, --tasks or --t, ...) and
// bounds, plus --exact-wage (= --wage exact), --relabel and --reweight (applied on top of --tasks). An option
// given twice takes its last value and adds a notice. A usage error (unknown command or option, with the
// nearest known option when one is close; missing or bad value) is an Error with code InvalidOption and a
// one-line detail.
Result<Request> parse_args(const std::vector<std::string>& args);

// The help text of a command ("" for the overview).
std::string help_text(std::string_view topic);

}  // namespace aiexp::cli
