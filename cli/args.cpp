// ukexp argument parsing (args.h).
#include "args.h"

#include <charconv>
#include <cmath>
#include <optional>

namespace aiexp::cli {

namespace {

Error usage(std::string detail) { return make_error(ErrorCode::InvalidOption, std::move(detail)); }

std::optional<Command> parse_command(std::string_view name) {
  if (name == "score") return Command::Score;
  if (name == "onet") return Command::Onet;
  if (name == "rank") return Command::Rank;
  if (name == "build-data") return Command::BuildData;
  if (name == "help") return Command::Help;
  return std::nullopt;
}

std::string_view command_name(Command command) {
  switch (command) {
    case Command::Score: return "score";
    case Command::Onet: return "onet";
    case Command::Rank: return "rank";
    case Command::BuildData: return "build-data";
    case Command::Help: return "help";
  }
  return "help";
}

// A finite decimal number written plainly ("0.5", "1", ".25"); no "nan", "inf", hex or trailing text.
std::optional<double> parse_number(std::string_view text) {
  if (text.empty() || text.size() > 32) return std::nullopt;
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) return std::nullopt;
  }
  if (text.front() == '+') text.remove_prefix(1);
  double value = 0.0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::optional<std::int32_t> parse_task_id(std::string_view text) {
  std::int32_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || value <= 0) return std::nullopt;
  return value;
}

TaskOverride& override_for(Assumptions& assumptions, std::int32_t task_id) {
  for (TaskOverride& change : assumptions.overrides) {
    if (change.task_id == task_id) return change;
  }
  assumptions.overrides.push_back(TaskOverride{task_id, std::nullopt, std::nullopt});
  return assumptions.overrides.back();
}

// Options every scoring command shares. Returns an error, or nullopt when `name` was handled.
std::optional<Error> scoring_option(std::string_view name, std::string_view value, Request& request) {
  Assumptions& a = request.assumptions;
  if (name == "--e1" || name == "--e2") {
    const auto number = parse_number(value);
    if (!number || *number < 0.0 || *number > 1.0) {
      return usage(std::string(name) + " needs a number from 0 to 1, got \"" + std::string(value) + "\"");
    }
    (name == "--e1" ? a.e1 : a.e2) = *number;
  } else if (name == "--weights") {
    const auto scheme = parse_weight_scheme(value);
    if (!scheme) return usage("--weights must be importance, core or equal, got \"" + std::string(value) + "\"");
    a.weights = *scheme;
  } else if (name == "--labels") {
    const auto source = parse_label_source(value);
    if (!source) return usage("--labels must be gpt4, human or gpt4_alt, got \"" + std::string(value) + "\"");
    a.label_source = *source;
  } else if (name == "--bridge") {
    const auto mode = parse_bridge_mode(value);
    if (!mode) return usage("--bridge must be modal or blend, got \"" + std::string(value) + "\"");
    a.bridge = *mode;
  } else if (name == "--relabel" || name == "--reweight") {
    const auto equals = value.find('=');
    const auto task_id = equals == std::string_view::npos ? std::nullopt : parse_task_id(value.substr(0, equals));
    if (!task_id) return usage(std::string(name) + " needs TASK_ID=VALUE, got \"" + std::string(value) + "\"");
    const std::string_view setting = value.substr(equals + 1);
    TaskOverride& change = override_for(a, *task_id);
    if (name == "--relabel") {
      const auto label = parse_label(setting);
      if (!label) return usage("--relabel value must be E0, E1 or E2, got \"" + std::string(setting) + "\"");
      change.label = *label;
    } else {
      const auto weight = parse_number(setting);
      if (!weight || *weight < 0.0) return usage("--reweight value must be a number of 0 or more");
      change.weight = *weight;
    }
  } else if (name == "--data") {
    if (value.empty()) return usage("--data needs a folder");
    request.data_dir = std::string(value);
  } else {
    return usage("unknown option " + std::string(name) + " for " + std::string(command_name(request.command)));
  }
  return std::nullopt;
}

// Whether `name` is an option of `command` at all (checked before its value, so "--bogus=1" is unknown).
bool known_option(Command command, std::string_view name) {
  if (command == Command::BuildData) return name == "--sources" || name == "--out";
  if (name == "--json") return command == Command::Score;
  if (name == "--csv") return command == Command::Onet || command == Command::Rank;
  if (name == "--all") return command == Command::Onet;
  return name == "--exact-wage" || name == "--e1" || name == "--e2" || name == "--weights" || name == "--labels" ||
         name == "--bridge" || name == "--relabel" || name == "--reweight" || name == "--data";
}

bool takes_value(std::string_view name) {
  return name == "--e1" || name == "--e2" || name == "--weights" || name == "--labels" || name == "--bridge" ||
         name == "--relabel" || name == "--reweight" || name == "--data" || name == "--sources" || name == "--out";
}

}  // namespace

Result<Request> parse_args(const std::vector<std::string>& args) {
  Request request;
  if (args.empty()) return request;  // no command: the overview
  const std::string_view first = args[0];
  if (first == "--help" || first == "-h") return request;
  const auto command = parse_command(first);
  if (!command) return usage("unknown command \"" + std::string(first) + "\"");
  request.command = *command;
  if (*command == Command::Help) {
    if (args.size() > 2) return usage("help takes at most one command name");
    if (args.size() == 2) {
      if (!parse_command(args[1])) return usage("unknown command \"" + args[1] + "\"");
      request.help_topic = args[1];
    }
    return request;
  }

  std::vector<std::string_view> positional;
  for (std::size_t i = 1; i < args.size(); ++i) {
    std::string_view arg = args[i];
    if (arg == "--help" || arg == "-h") {
      request.help_topic = std::string(command_name(*command));
      request.command = Command::Help;
      return request;
    }
    if (arg.size() > 1 && arg[0] == '-' && (arg.size() < 2 || arg[1] != '-')) {
      return usage("unknown option " + std::string(arg) + " for " + std::string(command_name(*command)));
    }
    if (arg.size() < 2 || arg.substr(0, 2) != "--") {
      positional.push_back(arg);
      continue;
    }
    std::string_view name = arg;
    std::string_view value;
    bool has_value = false;
    if (const auto equals = arg.find('='); equals != std::string_view::npos) {
      name = arg.substr(0, equals);
      value = arg.substr(equals + 1);
      has_value = true;
    }
    if (!known_option(*command, name)) {
      return usage("unknown option " + std::string(name) + " for " + std::string(command_name(*command)));
    }
    if (takes_value(name) && !has_value) {
      if (i + 1 >= args.size()) return usage(std::string(name) + " needs a value");
      value = args[++i];
      has_value = true;
    } else if (!takes_value(name) && has_value) {
      return usage(std::string(name) + " takes no value");
    }

    if (*command == Command::BuildData) {
      if (name == "--sources") {
        request.sources_dir = std::string(value);
      } else if (name == "--out") {
        request.out_dir = std::string(value);
      } else {
        return usage("unknown option " + std::string(name) + " for build-data");
      }
      continue;
    }
    if (name == "--json" && *command == Command::Score) {
      request.json = true;
    } else if (name == "--csv" && (*command == Command::Onet || *command == Command::Rank)) {
      request.csv = true;
    } else if (name == "--all" && *command == Command::Onet) {
      request.all = true;
    } else if (name == "--exact-wage") {
      request.assumptions.wage_rounding = WageRounding::Exact;
    } else if (auto error = scoring_option(name, value, request)) {
      return *error;
    }
  }

  switch (*command) {
    case Command::Score:
      if (positional.size() != 1) return usage("score needs exactly one SOC 2020 code");
      request.code = std::string(positional[0]);
      break;
    case Command::Onet:
      if (request.all && !positional.empty()) return usage("onet takes either a code or --all, not both");
      if (!request.all && positional.empty()) return usage("onet needs an O*NET-SOC code or --all");
      if (positional.size() > 1) return usage("onet takes one O*NET-SOC code");
      if (!request.all) request.code = std::string(positional[0]);
      break;
    case Command::Rank:
      if (!positional.empty()) return usage("rank takes no codes");
      break;
    case Command::BuildData:
      if (!positional.empty()) return usage("build-data takes no positional arguments");
      if (request.sources_dir.empty() || request.out_dir.empty()) return usage("build-data needs --sources and --out");
      break;
    case Command::Help:
      break;
  }
  return request;
}

std::string help_text(std::string_view topic) {
  const std::string assumptions =
      "Assumptions (score, onet, rank):\n"
      "  --labels gpt4|human|gpt4_alt      label source (default gpt4)\n"
      "  --e1 X, --e2 X                    value of an E1 / E2 task, 0 to 1 (default 1 and 0)\n"
      "  --weights core|importance|equal   task weighting (default core: Core 2, Supplemental 1)\n"
      "  --bridge modal|blend              ISCO-08 bridge (default modal)\n"
      "  --exact-wage                      wage exposure from the unrounded score\n"
      "  --relabel ID=E0|E1|E2             relabel one task (repeatable)\n"
      "  --reweight ID=W                   weight one task, 0 excludes it (repeatable)\n"
      "  --data DIR                        bundle folder (default: the project's data/)\n";
  if (topic == "score") {
    return "Usage: ukexp score <SOC2020> [assumptions] [--json]\n"
           "Every figure of one UK unit group: employees, pay, exposure, wage exposure, rank, tasks.\n\n" +
           assumptions;
  }
  if (topic == "onet") {
    return "Usage: ukexp onet (<O*NET-SOC code> | --all) [assumptions] [--csv]\n"
           "alpha, beta and zeta of O*NET occupations (CSV: onet_soc_code,alpha,beta,zeta, 17 digits).\n\n" +
           assumptions;
  }
  if (topic == "rank") {
    return "Usage: ukexp rank [assumptions] [--csv]\n"
           "Every UK unit group with its figures, highest exposure first.\n\n" +
           assumptions;
  }
  if (topic == "build-data") {
    return "Usage: ukexp build-data --sources DIR --out DIR\n"
           "Builds the data bundle from the raw public sources (see data/SOURCES.md).\n";
  }
  return "ukexp: UK occupations' exposure to large language models.\n\n"
         "Usage: ukexp <command> [options]\n"
         "  score <SOC2020>            one unit group's figures\n"
         "  onet (<code> | --all)      O*NET occupation scores\n"
         "  rank                       every unit group\n"
         "  build-data                 build the data bundle from the sources\n"
         "  help [command]             this text, or a command's\n\n"
         "Exit status: 0 success, 1 data error, 2 usage error.\n";
}

}  // namespace aiexp::cli
