// The benchmark workload shared by the native and WebAssembly builds (workload.h).
#include "workload.h"

#include <array>
#include <cmath>
#include <fstream>
#include <iterator>
#include <limits>

#include "aiexp/text.h"

namespace aiexp::bench {

namespace {

constexpr double kRefused = std::numeric_limits<double>::quiet_NaN();

// Two e2 values whose figures differ everywhere, so every call changes what the core computes.
constexpr std::array<double, 2> kE2Values = {0.0, 0.5};

Result<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(ErrorCode::DataUnavailable, "cannot read " + path);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return make_error(ErrorCode::DataUnavailable, "cannot read " + path);
  return text;
}

// Prefixes an engine error with the file it came from.
Status from_file(Status status, const std::string& path) {
  if (status.ok()) return status;
  return make_error(status.error().code, path + ": " + status.error().message());
}

}  // namespace

std::string default_data_dir() { return AIEXP_BENCH_DATA_DIR; }

Status Workload::load(const std::string& data_dir) {
  const auto load_file = [&](const std::string& name, Status (Engine::*loader)(std::string_view)) -> Status {
    const std::string path = data_dir + "/" + name;
    auto text = read_file(path);
    if (!text.ok()) return text.error();
    return from_file((engine_.*loader)(text.value()), path);
  };
  if (Status status = load_file("bundle.json", &Engine::load_bundle); !status.ok()) return status;
  if (Status status = load_file("details.json", &Engine::load_details); !status.ok()) return status;
  if (Status status = load_file("breakdowns.json", &Engine::load_breakdowns); !status.ok()) return status;
  for (const std::string& part : text_parts(*engine_.bundle())) {
    if (Status status = load_file("text/" + part + ".json", &Engine::load_text_part); !status.ok()) return status;
  }

  for (std::size_t i = 0; i < kE2Values.size(); ++i) {
    defaults_[i].e2 = kE2Values[i];
    overridden_[i].e2 = kE2Values[i];
  }
  // Every task relabelled and reweighted, cycling through the labels and four weights so no occupation keeps
  // its precomputed sums.
  const TaskTable& tasks = engine_.bundle()->tasks;
  for (Assumptions& assumptions : overridden_) {
    assumptions.overrides.clear();
    assumptions.overrides.reserve(tasks.size());
    for (std::size_t t = 0; t < tasks.size(); ++t) {
      const double weight = 0.5 * static_cast<double>(1 + t % 4);
      assumptions.overrides.push_back({tasks.id[t], static_cast<Label>(t % kLabelCount), weight});
    }
  }
  return restore_defaults();
}

Status Workload::restore_defaults() {
  calls_ = 0;
  return engine_.set_assumptions(defaults_[0]);
}

std::size_t Workload::task_count() const { return engine_.loaded() ? engine_.bundle()->tasks.size() : 0; }

const Assumptions& Workload::next(const Assumptions (&pair)[2]) { return pair[calls_++ % 2]; }

double Workload::recompute_defaults() {
  if (!engine_.set_assumptions(next(defaults_)).ok()) return kRefused;
  return engine_.scorer()->totals().mean_score10;
}

double Workload::recompute_all_tasks_overridden() {
  if (!engine_.set_assumptions(next(overridden_)).ok()) return kRefused;
  return engine_.scorer()->totals().mean_score10;
}

double Workload::report_1137() {
  const auto report = engine_.report("1137");
  if (!report.ok()) return kRefused;
  return report.value().score10 + static_cast<double>(report.value().tasks.size());
}

double Workload::rows_and_totals() {
  const std::vector<UnitGroupRow> rows = engine_.rows();
  const TotalsView totals = engine_.totals();
  if (rows.empty()) return kRefused;
  return rows.back().score10 + static_cast<double>(rows.size()) + totals.totals.mean_score10;
}

double Workload::page_render() {
  constexpr std::size_t kRowsDrawn = 22;  // the rows in and near the table's view at 1280x900
  if (!engine_.loaded()) return kRefused;
  const double recomputed = recompute_defaults();
  double figures = 0.0;
  for (const UnitGroupFigures& unit_group : engine_.scorer()->unit_groups()) figures += unit_group.score01;
  for (std::size_t g = 0; g < kRowsDrawn; ++g) {
    const auto row = engine_.row(g);
    if (!row) return kRefused;
    figures += row->score10;
  }
  return recomputed + report_1137() + figures + engine_.totals().totals.mean_score10;
}

double Workload::breakdowns_all_five() {
  const auto sex = engine_.sex_breakdown();
  const auto pattern = engine_.pattern_breakdown();
  const auto industry = engine_.industry_breakdown();
  const auto region = engine_.region_breakdown();
  const auto pay = engine_.pay_breakdown();
  if (!sex.ok() || !pattern.ok() || !industry.ok() || !region.ok() || !pay.ok()) return kRefused;
  return sex.value().sides[0].mean_score10 + pattern.value().sides[1].mean_score10 +
         industry.value().rows[9].mean_score10 + region.value().rows[2].mean_score10 + pay.value().rows[0].mean_score10;
}

std::span<const Operation> operations() {
  static constexpr Operation kOperations[] = {
      {"recompute_defaults", [](Workload& w) { return w.recompute_defaults(); }},
      {"recompute_all_tasks_overridden", [](Workload& w) { return w.recompute_all_tasks_overridden(); }},
      {"report_1137", [](Workload& w) { return w.report_1137(); }},
      {"rows_and_totals", [](Workload& w) { return w.rows_and_totals(); }},
      {"page_render", [](Workload& w) { return w.page_render(); }},
      {"breakdowns_all_five", [](Workload& w) { return w.breakdowns_all_five(); }},
  };
  return kOperations;
}

}  // namespace aiexp::bench
