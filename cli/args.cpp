// ukexp argument parsing (args.h).
#include "args.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <optional>
#include <utility>

#include "aiexp/breakdowns.h"
#include "aiexp/grammar.h"
#include "aiexp/printable.h"

namespace aiexp::cli {

namespace {

Error usage(std::string detail) { return make_error(ErrorCode::InvalidOption, std::move(detail)); }

constexpr CommandSet kScore = command_bit(Command::Score);
constexpr CommandSet kOnet = command_bit(Command::Onet);
constexpr CommandSet kRank = command_bit(Command::Rank);
constexpr CommandSet kBreakdown = command_bit(Command::Breakdown);
constexpr CommandSet kBuildData = command_bit(Command::BuildData);
constexpr CommandSet kScoring = kScore | kOnet | kRank | kBreakdown;
// The commands that bridge scores to UK unit groups: every assumption applies to them.
constexpr CommandSet kUnitGroups = kScore | kRank | kBreakdown;

// Every command, in --help order.
struct CommandSpec {
  Command command;
  std::string_view name;
  std::string_view synopsis;  // after "ukexp " in the overview and the usage line
  std::string_view summary;   // its line in the overview
  std::string_view usage;     // the rest of its usage line
  std::string_view about;     // the first lines of its help
};

constexpr std::array kCommands{
    CommandSpec{Command::Score, "score", "score <SOC2020>", "one unit group's figures", " [assumptions] [--json]",
                "Every figure of one UK unit group: employees, pay, exposure, wage exposure, rank, tasks."},
    CommandSpec{Command::Onet, "onet", "onet (<code> | --all)", "O*NET occupation scores", " [assumptions] [--csv]",
                "alpha, beta and zeta of O*NET occupations (CSV: onet_soc_code,alpha,beta,zeta, 17 digits)."},
    CommandSpec{Command::Rank, "rank", "rank", "every unit group", " [assumptions] [--csv]",
                "Every UK unit group with its figures, highest exposure first."},
    CommandSpec{Command::Breakdown, "breakdown", "breakdown <kind>", "by sex, pattern, industry, region or pay",
                " [assumptions] [--json | --csv]   (kind: sex, pattern, industry, region or pay)",
                "Who holds the exposed work: the mean exposure of women and men, full- and part-time jobs, each industry\n"
                "section (A-S), each UK nation and region, and ten pay groups, under the assumptions given.\n"
                "sex, pattern: ASHE 2025 employee jobs split by each occupation's 2024 shares (estimates); pay: ASHE 2025\n"
                "employee jobs by median pay; industry, region: APS 2024 people in employment, self-employed included.\n"
                "CSV columns: group,employees,mean_score (0-10, unrounded), then the kind's own; `employees` counts people\n"
                "in employment for industry and region."},
    CommandSpec{Command::BuildData, "build-data", "build-data", "build the data bundle from the sources",
                " --sources DIR --out DIR", "Builds the data bundle from the raw public sources (see data/SOURCES.md)."},
    CommandSpec{Command::Help, "help", "help [command]", "this text, or a command's", "", ""},
};

// Which option applies to which command (args.h). O*NET occupations' alpha, beta and zeta come before any bridge
// to UK unit groups, so onet takes no bridge, measure or wage option, and its CSV no label values.
constexpr std::array kOptions{
    OptionSpec{"--labels", "", kScoring, 0, true, "label source (default gpt4; alias --label-source)"},
    OptionSpec{"--e1", "X", kScoring, kOnet, true, "value of an E1 task, 0 to 1, default 1"},
    OptionSpec{"--e2", "X", kScoring, kOnet, true, "value of an E2 task, 0 to 1, default 0"},
    OptionSpec{"--weights", "", kScoring, 0, true, "task weighting (default core: Core 2, Supplemental 1; alias --w)"},
    OptionSpec{"--bridge", "", kUnitGroups, 0, true, "ISCO-08 bridge (default modal)"},
    OptionSpec{"--measure", "", kUnitGroups, 0, true,
               "the headline's measure (default eloundou, the published figures)"},
    OptionSpec{"--wage", "", kUnitGroups, 0, true, "wage exposure from the displayed or the unrounded score"},
    OptionSpec{"--exact-wage", "", kUnitGroups, 0, true, "the same as --wage exact"},
    OptionSpec{"--tasks", "LIST", kScoring, 0, true,
               "task changes as in a link: 968.E1,971.w0,15198.E0.w1.5 (alias --t)"},
    OptionSpec{"--relabel", "ID=E0|E1|E2", kScoring, 0, true, "relabel one task (repeatable)"},
    OptionSpec{"--reweight", "ID=W", kScoring, 0, true, "weight one task, 0 to 1000, 0 excludes it (repeatable)"},
    OptionSpec{"--json", "", kScore | kBreakdown, 0, false, "every figure as JSON, unrounded, with its provenance"},
    OptionSpec{"--csv", "", kOnet | kRank | kBreakdown, 0, false, "CSV instead of a table"},
    OptionSpec{"--all", "", kOnet, 0, false, "every O*NET occupation instead of one code"},
    OptionSpec{"--data", "DIR", kScoring, 0, false, "the data folder (default: see ukexp --help)"},
    OptionSpec{"--sources", "DIR", kBuildData, 0, false, "the raw public sources"},
    OptionSpec{"--out", "DIR", kBuildData, 0, false, "the folder the bundle is written to"},
};

const CommandSpec* find_command(std::string_view name) {
  for (const CommandSpec& spec : kCommands) {
    if (spec.name == name) return &spec;
  }
  return nullptr;
}

std::optional<Command> parse_command(std::string_view name) {
  if (const CommandSpec* spec = find_command(name)) return spec->command;
  return std::nullopt;
}

// The grammar parameter an option names under its name or an alias ("--weights", "--w"), or nullptr.
const ParamSpec* grammar_param(std::string_view name) {
  return name.starts_with("--") ? find_param(name.substr(2), kDoorCli) : nullptr;
}

// The row of an option written `name` (an alias of a grammar parameter finds the parameter's row), or nullptr.
const OptionSpec* find_option(std::string_view name) {
  const ParamSpec* param = grammar_param(name);
  for (const OptionSpec& option : kOptions) {
    if (param ? option.name.substr(2) == param->name : option.name == name) return &option;
  }
  return nullptr;
}

bool takes_value(const OptionSpec& option) { return grammar_param(option.name) || !option.value.empty(); }

// "score and rank", "score, onet and rank".
std::string command_list(CommandSet commands) {
  std::vector<std::string_view> names;
  for (const CommandSpec& spec : kCommands) {
    if (commands & command_bit(spec.command)) names.push_back(spec.name);
  }
  std::string list;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) list += i + 1 == names.size() ? " and " : ", ";
    list += names[i];
  }
  return list;
}

// Every option name of `command`, canonical names first, for the "did you mean" of an unknown one.
std::vector<std::string> option_names(Command command) {
  std::vector<std::string> names;
  for (const OptionSpec& option : kOptions) {
    if (option.commands & command_bit(command)) names.emplace_back(option.name);
  }
  for (const OptionSpec& option : kOptions) {
    const ParamSpec* param = grammar_param(option.name);
    if (!param || !(option.commands & command_bit(command))) continue;
    for (std::string_view alias : param->aliases) {
      if (!alias.empty()) names.push_back("--" + std::string(alias));
    }
  }
  return names;
}

Error unknown_option(Command command, std::string_view name) {
  std::string detail = "unknown option " + echo(name) + " for " + std::string(command_name(command));
  const std::vector<std::string> names = option_names(command);
  const std::vector<std::string_view> views(names.begin(), names.end());
  const std::string_view nearest = nearest_name(name, views);
  if (!nearest.empty()) detail += ": did you mean " + std::string(nearest) + "?";
  return usage(std::move(detail));
}

// An option of other commands, given to `command`.
Error not_for(Command command, std::string_view name, const OptionSpec& option) {
  return usage("unknown option " + std::string(name) + " for " + std::string(command_name(command)) + " (" +
               std::string(name) + " is an option of " + command_list(option.commands) + ")");
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

// What a message quotes of the value it refuses: the first kEchoChars characters, printable.
std::string got(std::string_view value) { return ", got \"" + echo(value) + "\""; }

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
        if (!change) return usage(option + ": task change \"" + echo(text) + "\": " + why);
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

// One --relabel or --reweight. The same task relabelled (or reweighted) twice takes the last change, with the
// notice a task changed twice in one --tasks list gives.
std::optional<Error> task_option(std::string_view name, std::string_view value, TaskChanges& changes,
                                 std::vector<std::string>& notices) {
  const auto equals = value.find('=');
  const auto task_id = equals == std::string_view::npos ? std::nullopt : parse_task_id(value.substr(0, equals));
  if (!task_id) return usage(std::string(name) + " needs TASK_ID=VALUE" + got(value));
  const std::string_view setting = value.substr(equals + 1);
  TaskOverride& change = override_for(changes.extras, *task_id);
  const auto changed_twice = [&] {
    notices.push_back(std::string(name) + ": task " + std::to_string(*task_id) +
                      " changed twice; the last change is used");
  };
  if (name == "--relabel") {
    const auto label = parse_label(setting);
    if (!label) return usage("--relabel value must be E0, E1 or E2" + got(setting));
    if (change.label) changed_twice();
    change.label = *label;
  } else {
    const auto weight = parse_number(setting);
    if (!weight || *weight < 0.0 || *weight > kMaxTaskWeight) {
      return usage("--reweight value must be a number from 0 to 1000" + got(setting));
    }
    if (change.weight) changed_twice();
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
  if (!command) return usage("unknown command \"" + echo(first) + "\"");
  request.command = *command;
  if (*command == Command::Help) {
    if (args.size() > 2) return usage("help takes at most one command name");
    if (args.size() == 2) {
      if (!parse_command(args[1])) return usage("unknown command \"" + echo(args[1]) + "\"");
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
  std::vector<std::pair<const OptionSpec*, std::string_view>> used;  // (its row, the option as written)
  for (std::size_t i = 1; i < args.size(); ++i) {
    std::string_view arg = args[i];
    if (arg == "--help" || arg == "-h") {
      request = Request{};
      request.help_topic = std::string(command_name(*command));
      return request;
    }
    if (arg.size() > 1 && arg[0] == '-' && (arg.size() < 2 || arg[1] != '-')) {
      return usage("unknown option " + echo(arg) + " for " + std::string(command_name(*command)));
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
    const OptionSpec* option = find_option(name);
    if (!option) return unknown_option(*command, name);
    if (!(option->commands & command_bit(*command))) return not_for(*command, name, *option);
    const bool wants_value = takes_value(*option);
    if (wants_value && !has_value) {
      if (i + 1 >= args.size()) return usage(std::string(name) + " needs a value");
      value = args[++i];
      has_value = true;
    } else if (!wants_value && has_value) {
      return usage(std::string(name) + " takes no value");
    }
    used.emplace_back(option, name);

    if (const ParamSpec* spec = grammar_param(name)) {
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
      if (auto error = task_option(name, value, changes, request.notices)) return *error;
    } else if (name == "--data") {
      if (value.empty()) return usage("--data needs a folder");
      note_repeat("data", name);
      request.data_dir = std::string(value);
    } else if (name == "--sources" || name == "--out") {
      note_repeat(std::string(name), name);
      (name == "--sources" ? request.sources_dir : request.out_dir) = std::string(value);
    }
  }
  if (request.csv) {
    for (const auto& [option, written] : used) {
      if (!(option->csv_unused & command_bit(*command))) continue;
      return usage(std::string(written) + " does not apply to " + std::string(command_name(*command)) +
                   " --csv (the CSV's columns do not depend on it; the table's do)");
    }
  }
  std::vector<TaskOverride>& overrides = request.assumptions.overrides;
  overrides = std::move(changes.tasks);
  for (const TaskOverride& extra : changes.extras) {
    TaskOverride& change = override_for(overrides, extra.task_id);
    // Both set the task's label (or weight): --relabel and --reweight apply on top, and say so.
    const auto over_tasks = [&](std::string_view option) {
      request.notices.push_back(std::string(option) + ": task " + std::to_string(extra.task_id) +
                                " also changed by --tasks; the " + std::string(option) + " is used");
    };
    if (extra.label && change.label) over_tasks("--relabel");
    if (extra.weight && change.weight) over_tasks("--reweight");
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

std::string_view command_name(Command command) {
  for (const CommandSpec& spec : kCommands) {
    if (spec.command == command) return spec.name;
  }
  return "help";
}

std::span<const OptionSpec> option_specs() { return kOptions; }

std::string help_text(std::string_view topic) {
  const CommandSpec* command = find_command(topic);
  if (!command || command->command == Command::Help) {
    std::string text =
        "ukexp: UK occupations' exposure to large language models.\n\n"
        "Usage: ukexp <command> [options]\n";
    for (const CommandSpec& spec : kCommands) {
      std::string line = "  " + std::string(spec.synopsis);
      line.resize(std::max<std::size_t>(line.size() + 1, 29), ' ');
      text += line + std::string(spec.summary) + "\n";
    }
    return text +
           "\nExit status: 0 success, 1 data error, 2 usage error (an unknown option, or one that does not apply\n"
           "to the command). A data error is a file that is missing, unreadable, not a regular file (a folder, a\n"
           "device, a FIFO), larger than 64 MB (67108864 bytes) or corrupt; the one-line message names the file.\n"
           "Text from the data (titles, task statements) is printed with control characters as escapes (\\u001B);\n"
           "a CSV field starting with = + - or @ that is not a number gets a leading apostrophe.\n\n"
           "The data folder (bundle.json, details.json, text/) is the first of:\n"
           "  1. --data DIR;\n"
           "  2. the folder the environment variable " + std::string(kDataEnvVar) + " names;\n"
           "  3. <prefix>/share/ukexp/data, for ukexp installed as <prefix>/bin/ukexp (cmake --install);\n"
           "  4. the first data/ holding bundle.json in ukexp's own folder or up to 3 folders above it, so a build\n"
           "     inside a checkout (build/native/cli/ukexp) reads that checkout's data/.\n"
           "ukexp's folder is where the running binary really is (symlinks resolved), never a path fixed at build time.\n";
  }
  const CommandSet bit = command_bit(command->command);
  // One option's line: the option and its value, padded to a column, then what it does.
  const auto line = [&](const OptionSpec& option) {
    std::string head(2, ' ');
    head += option.name;
    const ParamSpec* param = grammar_param(option.name);
    if (param && param->kind == ValueKind::Choice) {
      head += ' ';
      for (std::string_view choice : param->choices) {
        if (choice.empty()) continue;
        if (head.back() != ' ') head += '|';
        head += choice;
      }
    } else if (!option.value.empty()) {
      head += ' ';
      head += option.value;
    }
    std::string help(option.help);
    if (option.csv_unused & bit) help += " (the table only; not with --csv)";
    if (head.size() >= 36) return head + "\n" + std::string(36, ' ') + help + "\n";
    head.resize(36, ' ');
    return head + help + "\n";
  };
  std::string text = "Usage: ukexp " + std::string(command->synopsis) + std::string(command->usage) + "\n" +
                     std::string(command->about) + "\n";
  std::string assumptions;
  std::vector<std::string_view> not_applying;
  std::string options;
  for (const OptionSpec& option : kOptions) {
    const bool applies = option.commands & bit;
    if (option.assumption && applies) {
      assumptions += line(option);
    } else if (option.assumption && (option.commands & kScoring) && (bit & kScoring)) {
      not_applying.push_back(option.name);
    } else if (applies) {
      options += line(option);
    }
  }
  if (!assumptions.empty()) {
    text += "\nAssumptions, named as in the calculator's links and the widget's attributes:\n" + assumptions;
  }
  if (!not_applying.empty()) {
    std::string list;
    for (std::size_t i = 0; i < not_applying.size(); ++i) {
      if (i > 0) list += i + 1 == not_applying.size() ? " and " : ", ";
      list += not_applying[i];
    }
    text += "  (" + list + " concern UK unit groups and do not apply to " + std::string(command->name) + ")\n";
  }
  text += "\nOptions:\n" + options;
  if (command->command == Command::BuildData) {
    return text + "\nEach source must be a regular file of at most 64 MB; --sources and --out must be folders.\n";
  }
  return text +
         "\nAn option given twice takes its last value, and a task changed twice its last change (with a warning).\n"
         "An option that does not apply to " + std::string(command->name) +
         " is an error (exit status 2). Data files larger than 64 MB, or that\n"
         "are not regular files (a folder, a device, a FIFO), are refused with exit status 1.\n";
}

}  // namespace aiexp::cli
