// Command-line grammar of ukexp: parsing only, no I/O, so it can be unit-tested and fuzzed.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "aiexp/score.h"
#include "aiexp/status.h"

namespace aiexp::cli {

enum class Command { Help, Score, Onet, Rank, Breakdown, BuildData };

// The environment variable naming the data folder when no --data does.
inline constexpr std::string_view kDataEnvVar = "UKEXP_DATA";

struct Request {
  Command command = Command::Help;
  std::string help_topic;  // for Command::Help: "" (general) or a command name
  std::string code;        // score: SOC 2020 code; onet: O*NET-SOC code; breakdown: its kind (sex, pattern, ...)
  bool all = false;        // onet --all
  bool json = false;       // score/breakdown --json
  bool csv = false;        // onet/rank/breakdown --csv
  Assumptions assumptions;
  std::string data_dir;     // --data; empty means the folder find_data_dir() finds (commands.h)
  std::string sources_dir;  // build-data --sources
  std::string out_dir;      // build-data --out
  std::vector<std::string> notices;  // warnings that did not stop parsing (an option given twice: the last wins)
};

std::string_view command_name(Command command);

// A set of commands: the bits command_bit(command).
using CommandSet = std::uint32_t;
constexpr CommandSet command_bit(Command command) { return CommandSet{1} << static_cast<unsigned>(command); }

// One option of ukexp. option_specs() is the one table of which option applies to which command: parsing, its
// errors and --help all read it, so an option is never accepted by a command that ignores it. Given to a command
// it does not apply to, an option is a usage error naming the option, the command and the commands it is for.
struct OptionSpec {
  std::string_view name;   // "--json"; a parameter of aiexp/grammar.h is listed under its canonical name, and its
                           // aliases there ("--w" for "--weights") are accepted wherever it applies
  std::string_view value;  // the placeholder of its value in --help ("DIR"); "" for a flag, and for a parameter
                           // of grammar.h whose values are choices (--help lists the choices)
  CommandSet commands;     // the commands it applies to
  CommandSet csv_unused;   // the commands whose --csv output does not depend on it: an error there with --csv
  bool assumption;         // an assumption of the figures (grouped as such in --help)
  std::string_view help;   // what it does, for --help
};
std::span<const OptionSpec> option_specs();

// Parses the arguments after the program name. The assumptions' options are the parameters of
// aiexp/grammar.h with their aliases (--weights or --w, --labels or --label-source, --tasks or --t, ...) and
// bounds, plus --exact-wage (= --wage exact), --relabel and --reweight (applied on top of --tasks). An option
// given twice takes its last value and adds a notice. A usage error (unknown command or option, with the
// nearest known option when one is close; an option of another command, naming the commands it is for; missing
// or bad value) is an Error with code InvalidOption and a one-line detail. A detail quotes at most the first
// kEchoChars characters of an argument, as printable text (aiexp/printable.h).
Result<Request> parse_args(const std::vector<std::string>& args);

// The help text of a command ("" for the overview).
std::string help_text(std::string_view topic);

}  // namespace aiexp::cli
