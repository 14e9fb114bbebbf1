// Google Benchmark over the shared workload (workload.h): the native side of bench/compare.mjs.
//   aiexp_bench [--benchmark_...] [DATA_DIR]      DATA_DIR defaults to the committed data/
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdio>
#include <string>

#include "workload.h"

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (argc > 2) {
    std::fprintf(stderr, "usage: aiexp_bench [--benchmark_...] [DATA_DIR]\n");
    return 2;
  }
  const std::string data_dir = argc == 2 ? argv[1] : aiexp::bench::default_data_dir();

  aiexp::bench::Workload workload;
  if (const aiexp::Status status = workload.load(data_dir); !status.ok()) {
    std::fprintf(stderr, "aiexp_bench: %s\n", status.error().message().c_str());
    return 1;
  }
  benchmark::AddCustomContext("data_dir", data_dir);
  benchmark::AddCustomContext("tasks", std::to_string(workload.task_count()));

  for (const aiexp::bench::Operation& operation : aiexp::bench::operations()) {
    const std::string name(operation.name);
    // One untimed call checks that the engine accepts the work before anything is timed.
    if (!workload.restore_defaults().ok() || !std::isfinite(operation.run(workload))) {
      std::fprintf(stderr, "aiexp_bench: %s: the engine refused the work\n", name.c_str());
      return 1;
    }
    benchmark::RegisterBenchmark(name.c_str(), [&workload, run = operation.run](benchmark::State& state) {
      if (!workload.restore_defaults().ok()) {
        state.SkipWithError("the default assumptions were refused");
        return;
      }
      for (auto _ : state) benchmark::DoNotOptimize(run(workload));
    });
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
