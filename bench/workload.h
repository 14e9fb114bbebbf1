// The work both benchmark builds time: bench/native.cpp with Google Benchmark and bench/wasm/runner.cpp with its
// own loop under node, so the native and WebAssembly figures are of the same calls on the same data.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "aiexp/engine.h"
#include "aiexp/score.h"
#include "aiexp/status.h"

namespace aiexp::bench {

// The committed data folder, fixed at build time (a run may pass another).
std::string default_data_dir();

// One engine loaded as the page has it once everything has arrived, and the assumption sets the operations
// alternate between. Each operation does one unit of work and returns a figure read from its result, which
// the caller feeds to its optimisation guard; NaN means the engine refused the work.
class Workload {
 public:
  // Reads bundle.json, details.json (task ids: overrides name tasks by id), every text part (a report
  // shows task statements) and breakdowns.json from `data_dir`. Errors: DataUnavailable naming the file, or the engine's own.
  Status load(const std::string& data_dir);

  std::size_t task_count() const;

  // Back to the default assumptions; the runners call it before timing each operation, so what one
  // operation leaves behind (every task overridden) does not change what the next one measures.
  Status restore_defaults();

  // set_assumptions with the default assumptions, e2 alternating between 0 and 0.5: what the page asks of the
  // core when a visitor moves a slider (every occupation, unit group, rank and total is recomputed).
  double recompute_defaults();
  // The same with every task's label and weight overridden: each occupation is summed again task by task.
  double recompute_all_tasks_overridden();
  // The report of unit group 1137 (IT directors) under the current assumptions: the page's occupation view.
  double report_1137();
  // rows() and totals(): every row of the all-occupations table with its display strings, and the UK totals.
  double rows_and_totals();
  // Everything one page render asks of the core after an e2 change: recompute, report, every unit group's
  // score (the table's sort and the chart), the display rows of the rows drawn, and the totals.
  double page_render();
  // The five breakdowns (sex, working pattern, industry, region, pay) under the current assumptions, each with its
  // display strings: what the page's "who is exposed" section asks of the core after an input.
  double breakdowns_all_five();

 private:
  const Assumptions& next(const Assumptions (&pair)[2]);

  Engine engine_;
  Assumptions defaults_[2];
  Assumptions overridden_[2];
  std::uint64_t calls_ = 0;
};

struct Operation {
  std::string_view name;  // stable: compare.mjs joins the native and wasm results on it
  double (*run)(Workload&);
};

// Every operation, in the order they are reported.
std::span<const Operation> operations();

}  // namespace aiexp::bench
