// ukexp argument parsing (args.h).
#include "args.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>
#include <utility>

#include "aiexp/breakdowns.h"
#include "aiexp/grammar.h"

namespace aiexp::cli {

namespace {

Error usage(std::string detail) { return make_error(ErrorCode::InvalidOption, std::move(detail)); }

std::optional<Command> parse_command(std::string_view name) {
  if (name == "score") return Command::Score;
  if (name == "onet") return Command::Onet;
  if (name == "rank") return Command::Rank;
  if (name == "breakdown") return Command::Breakdown;
  if (name == "build-data") return Command::BuildData;
  if (name == "help") return Command::Help;
  return std::nullopt;
}

std::string_view command_name(Command command) {
  switch (command) {
    case Command::Score: return "score";
    case Command::Onet: return "onet";
    case Command::Rank: return "rank";
    case Command::Breakdown: return "breakdown";
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

TaskOverride& override_for(std::vector<TaskOverride>& overrides, std::int32_t task_id) {
  for (TaskOverride& change : overrides) {
    if (change.task_id == task_id) return change;
  }
  overrides.push_back(TaskOverride{task_id, std::nullopt, std::nullopt});
  return overrides.back();
}

std::string got(std::string_view value) { return ", got \"" + std::string(value) + "\""; }

// The options of each command besides the shared assumptions of grammar.h.
std::vector<std::string_view> own_options(Command command) {
  switch (command) {
    case Command::BuildData: return {"--sources", "--out"};
    case Command::Score: return {"--json", "--exact-wage", "--relabel", "--reweight", "--data"};
    case Command::Onet: return {"--all", "--csv", "--exact-wage", "--relabel", "--reweight", "--data"};
    case Command::Rank: return {"--csv", "--exact-wage", "--relabel", "--reweight", "--data"};
    case Command::Breakdown: return {"--json", "--csv", "--exact-wage", "--relabel", "--reweight", "--data"};
    case Command::Help: return {};
  }
  return {};
}

bool scoring_command(Command command) { return command != Command::BuildData && command != Command::Help; }

// Every option name of `command`, canonical names first, for the "did you mean" of an unknown one.
std::vector<std::string> option_names(Command command) {
  std::vector<std::string> names;
  if (scoring_command(command)) {
    for (const ParamSpec& spec : param_specs()) {
      if (spec.doors & kDoorCli) names.push_back("--" + std::string(spec.name));
    }
    for (const ParamSpec& spec : param_specs()) {
      if (!(spec.doors & kDoorCli)) continue;
      for (std::string_view alias : spec.aliases) {
        if (!alias.empty()) names.push_back("--" + std::string(alias));
      }
    }
  }
  for (std::string_view option : own_options(command)) names.emplace_back(option);
  return names;
}

// The grammar parameter an option names ("--weights", "--w"), or nullptr.
const ParamSpec* grammar_option(Command command, std::string_view name) {
  if (!scoring_command(command) || !name.starts_with("--")) return nullptr;
  return find_param(name.substr(2), kDoorCli);
}

// Whether `name` is an option of `command` at all (checked before its value, so "--bogus=1" is unknown).
bool known_option(Command command, std::string_view name) {
  if (grammar_option(command, name)) return true;
  const auto own = own_options(command);
  return std::find(own.begin(), own.end(), name) != own.end();
}

bool takes_value(Command command, std::string_view name) {
  if (grammar_option(command, name)) return true;
  return name == "--relabel" || name == "--reweight" || name == "--data" || name == "--sources" || name == "--out";
}

Error unknown_option(Command command, std::string_view name) {
  std::string detail = "unknown option " + std::string(name) + " for " + std::string(command_name(command));
  const std::vector<std::string> names = option_names(command);
  const std::vector<std::string_view> views(names.begin(), names.end());
  const std::string_view nearest = nearest_name(name, views);
  if (!nearest.empty()) detail += ": did you mean " + std::string(nearest) + "?";
  return usage(std::move(detail));
}

// The task changes of the shared assumptions: --relabel and --reweight apply on top of the last --tasks list.
struct TaskChanges {
  std::vector<TaskOverride> tasks;   // the last --tasks list
  std::vector<TaskOverride> extras;  // --relabel and --reweight, merged per task
};

// A value of one of the grammar's parameters, written as option `name`.
std::optional<Error> grammar_value(const ParamSpec& spec, std::string_view name, std::string_view value,
                                   Request& request, TaskChanges& changes) {
  Assumptions& a = request.assumptions;
  const std::string option(name);
  switch (spec.param) {
    case Param::E1:
    case Param::E2: {
      const auto number = parse_number(value);
      if (!number || *number < spec.min || *number > spec.max) {
        return usage(option + " needs " + std::string(spec.allowed) + got(value));
      }
      (spec.param == Param::E1 ? a.e1 : a.e2) = *number;
      return std::nullopt;
    }
    case Param::Labels:
      if (const auto source = parse_label_source(value)) {
        a.label_source = *source;
        return std::nullopt;
      }
      break;
    case Param::Weights:
      if (const auto scheme = parse_weight_scheme(value)) {
        a.weights = *scheme;
        return std::nullopt;
      }
      break;
    case Param::Bridge:
      if (const auto mode = parse_bridge_mode(value)) {
        a.bridge = *mode;
        return std::nullopt;
      }
      break;
    case Param::Wage:
      if (const auto rounding = parse_wage_rounding(value)) {
        a.wage_rounding = *rounding;
        return std::nullopt;
      }
      break;
    case Param::Measure:
      if (const auto measure = parse_measure(value)) {
        a.measure = *measure;
        return std::nullopt;
      }
      break;
    case Param::Tasks: {
      std::vector<TaskOverride> list;
      std::size_t start = 0;
      while (start <= value.size()) {
        const std::size_t end = std::min(value.find(',', start), value.size());
        const std::string_view text = value.substr(start, end - start);
        start = end + 1;
        if (text.empty()) continue;
        std::string why;
        const auto change = parse_task_change(text, why);
        if (!change) return usage(option + ": task change \"" + std::string(text) + "\": " + why);
        const auto same = std::find_if(list.begin(), list.end(),
                                       [&](const TaskOverride& o) { return o.task_id == change->task_id; });
        if (same != list.end()) {
          request.notices.push_back(option + ": task " + std::to_string(change->task_id) +
                                    " changed twice; the last change is used");
          *same = *change;
        } else if (list.size() >= kMaxOverrides) {
          return usage(option + ": more than " + std::to_string(kMaxOverrides) + " task changes");
        } else {
          list.push_back(*change);
        }
      }
      changes.tasks = std::move(list);
      return std::nullopt;
    }
    case Param::Soc:
    case Param::Compare:
      break;
  }
  return usage(option + " must be " + std::string(spec.allowed) + got(value));
}

std::optional<Error> task_option(std::string_view name, std::string_view value, TaskChanges& changes) {
  const auto equals = value.find('=');
  const auto task_id = equals == std::string_view::npos ? std::nullopt : parse_task_id(value.substr(0, equals));
  if (!task_id) return usage(std::string(name) + " needs TASK_ID=VALUE" + got(value));
  const std::string_view setting = value.substr(equals + 1);
  TaskOverride& change = override_for(changes.extras, *task_id);
  if (name == "--relabel") {
    const auto label = parse_label(setting);
    if (!label) return usage("--relabel value must be E0, E1 or E2" + got(setting));
    change.label = *label;
  } else {
    const auto weight = parse_number(setting);
    if (!weight || *weight < 0.0 || *weight > kMaxTaskWeight) {
      return usage("--reweight value must be a number from 0 to 1000" + got(setting));
    }
    change.weight = *weight;
  }
  if (changes.extras.size() > kMaxOverrides) {
    return usage("more than " + std::to_string(kMaxOverrides) + " task changes");
  }
  return std::nullopt;
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
  TaskChanges changes;
  // A value option given twice takes its last value, as a link's parameter does, with a notice.
  std::vector<std::pair<std::string, std::string>> given;  // (what it sets, the option as first written)
  const auto note_repeat = [&](const std::string& key, std::string_view option) {
    for (const auto& [seen_key, seen_option] : given) {
      if (seen_key != key) continue;
      request.notices.push_back(std::string(option) + " given again (after " + seen_option +
                                "); the last value is used");
      return;
    }
    given.emplace_back(key, std::string(option));
  };
  for (std::size_t i = 1; i < args.size(); ++i) {
    std::string_view arg = args[i];
    if (arg == "--help" || arg == "-h") {
      request = Request{};
      request.help_topic = std::string(command_name(*command));
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
    if (!known_option(*command, name)) return unknown_option(*command, name);
    const bool wants_value = takes_value(*command, name);
    if (wants_value && !has_value) {
      if (i + 1 >= args.size()) return usage(std::string(name) + " needs a value");
      value = args[++i];
      has_value = true;
    } else if (!wants_value && has_value) {
      return usage(std::string(name) + " takes no value");
    }

    if (*command == Command::BuildData) {
      note_repeat(std::string(name), name);
      (name == "--sources" ? request.sources_dir : request.out_dir) = std::string(value);
      continue;
    }
    if (const ParamSpec* spec = grammar_option(*command, name)) {
      note_repeat(std::string(spec->name), name);
      if (auto error = grammar_value(*spec, name, value, request, changes)) return *error;
    } else if (name == "--json") {
      request.json = true;
    } else if (name == "--csv") {
      request.csv = true;
    } else if (name == "--all") {
      request.all = true;
    } else if (name == "--exact-wage") {
      note_repeat(std::string(param_spec(Param::Wage).name), name);
      request.assumptions.wage_rounding = WageRounding::Exact;
    } else if (name == "--relabel" || name == "--reweight") {
      if (auto error = task_option(name, value, changes)) return *error;
    } else if (name == "--data") {
      if (value.empty()) return usage("--data needs a folder");
      note_repeat("data", name);
      request.data_dir = std::string(value);
    }
  }
  std::vector<TaskOverride>& overrides = request.assumptions.overrides;
  overrides = std::move(changes.tasks);
  for (const TaskOverride& extra : changes.extras) {
    TaskOverride& change = override_for(overrides, extra.task_id);
    if (extra.label) change.label = extra.label;
    if (extra.weight) change.weight = extra.weight;
  }
  if (overrides.size() > kMaxOverrides) return usage("more than " + std::to_string(kMaxOverrides) + " task changes");

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
    case Command::Breakdown:
      if (positional.size() != 1 || !parse_breakdown_kind(positional[0])) {
        return usage("breakdown needs one kind: sex, pattern, industry, region or pay");
      }
      if (request.json && request.csv) return usage("breakdown takes --json or --csv, not both");
      request.code = std::string(positional[0]);
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
      "Assumptions (score, onet, rank, breakdown), named as in the calculator's links and the widget's attributes:\n"
      "  --labels gpt4|human|gpt4_alt      label source (default gpt4; alias --label-source)\n"
      "  --e1 X, --e2 X                    value of an E1 / E2 task, 0 to 1 (default 1 and 0)\n"
      "  --weights core|importance|equal   task weighting (default core: Core 2, Supplemental 1; alias --w)\n"
      "  --bridge modal|blend              ISCO-08 bridge (default modal)\n"
      "  --measure eloundou|ilo2025|ilo2023|microsoft\n"
      "                                    the headline's measure (default eloundou, the published figures)\n"
      "  --wage displayed|exact            wage exposure from the displayed or the unrounded score\n"
      "  --exact-wage                      the same as --wage exact\n"
      "  --tasks LIST                      task changes as in a link: 968.E1,971.w0,15198.E0.w1.5 (alias --t)\n"
      "  --relabel ID=E0|E1|E2             relabel one task (repeatable)\n"
      "  --reweight ID=W                   weight one task, 0 to 1000, 0 excludes it (repeatable)\n"
      "  --data DIR                        bundle folder (default: the project's data/)\n"
      "An option given twice takes its last value (with a warning). Data files larger than 64 MB, or that are\n"
      "not regular files (a folder, a device, a FIFO), are refused with exit status 1.\n";
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
  if (topic == "breakdown") {
    return "Usage: ukexp breakdown sex|pattern|industry|region|pay [assumptions] [--json | --csv]\n"
           "Who holds the exposed work: the mean exposure of women and men, full- and part-time jobs, each industry\n"
           "section (A-S), each UK nation and region, and ten pay groups, under the assumptions given.\n"
           "sex, pattern: ASHE 2025 employee jobs split by each occupation's 2024 shares (estimates); pay: ASHE 2025\n"
           "employee jobs by median pay; industry, region: APS 2024 people in employment, self-employed included.\n"
           "CSV columns: group,employees,mean_score (0-10, unrounded), then the kind's own; `employees` counts people\n"
           "in employment for industry and region.\n\n" +
           assumptions;
  }
  if (topic == "build-data") {
    return "Usage: ukexp build-data --sources DIR --out DIR\n"
           "Builds the data bundle from the raw public sources (see data/SOURCES.md).\n"
           "Each source must be a regular file of at most 64 MB; --sources and --out must be folders.\n";
  }
  return "ukexp: UK occupations' exposure to large language models.\n\n"
         "Usage: ukexp <command> [options]\n"
         "  score <SOC2020>            one unit group's figures\n"
         "  onet (<code> | --all)      O*NET occupation scores\n"
         "  rank                       every unit group\n"
         "  breakdown <kind>           by sex, pattern, industry, region or pay\n"
         "  build-data                 build the data bundle from the sources\n"
         "  help [command]             this text, or a command's\n\n"
         "Exit status: 0 success, 1 data error, 2 usage error.\n"
         "A data error is a file that is missing, unreadable, not a regular file (a folder, a device, a FIFO),\n"
         "larger than 64 MB (67108864 bytes) or corrupt; the one-line message names the file.\n";
}

}  // namespace aiexp::cli
