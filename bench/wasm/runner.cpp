// The shared workload (bench/workload.h) compiled to WebAssembly and timed under node with steady_clock; the
// WebAssembly side of bench/compare.mjs. Google Benchmark is not available to Emscripten, so this is its loop:
// batches grow until one lasts the minimum time, and that batch's mean is reported.
//   node aiexp_bench_wasm.js [DATA_DIR] [--min-time=SECONDS]      (defaults: the committed data/, 0.2 s)
// Prints one JSON object: {"variant", "min_time_s", "tasks", "benchmarks": [{"name", "iterations",
// "ns_per_iteration"}], "checksum"}.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "workload.h"

namespace {

using Clock = std::chrono::steady_clock;

struct Options {
  std::string data_dir = aiexp::bench::default_data_dir();
  double min_time_s = 0.2;
};

bool parse_options(int argc, char** argv, Options& options) {
  constexpr std::string_view kMinTime = "--min-time=";
  bool have_data_dir = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view argument = argv[i];
    if (argument.starts_with(kMinTime)) {
      char* end = nullptr;
      const std::string value(argument.substr(kMinTime.size()));
      options.min_time_s = std::strtod(value.c_str(), &end);
      if (end == value.c_str() || *end != '\0' || !(options.min_time_s > 0.0)) return false;
    } else if (!argument.starts_with("--") && !have_data_dir) {
      options.data_dir = argument;
      have_data_dir = true;
    } else {
      return false;
    }
  }
  return true;
}

struct Timing {
  std::uint64_t iterations = 0;
  double ns_per_iteration = 0.0;
};

// `checksum` collects every result: it is printed, so the optimiser cannot drop any call.
Timing time_operation(const aiexp::bench::Operation& operation, aiexp::bench::Workload& workload,
                      double min_time_s, double& checksum) {
  std::uint64_t iterations = 1;
  for (;;) {
    const Clock::time_point start = Clock::now();
    for (std::uint64_t i = 0; i < iterations; ++i) checksum += operation.run(workload);
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    if (seconds >= min_time_s) return {iterations, seconds * 1e9 / static_cast<double>(iterations)};
    // Aim past the minimum, growing at most tenfold per batch, as Google Benchmark does.
    const double growth = seconds > 0.0 ? std::min(10.0, 1.4 * min_time_s / seconds) : 10.0;
    iterations = std::max(iterations + 1, static_cast<std::uint64_t>(static_cast<double>(iterations) * growth));
  }
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  if (!parse_options(argc, argv, options)) {
    std::fprintf(stderr, "usage: node aiexp_bench_wasm.js [DATA_DIR] [--min-time=SECONDS]\n");
    return 2;
  }
  aiexp::bench::Workload workload;
  if (const aiexp::Status status = workload.load(options.data_dir); !status.ok()) {
    std::fprintf(stderr, "aiexp_bench_wasm: %s\n", status.error().message().c_str());
    return 1;
  }

  double checksum = 0.0;
  std::printf("{\"variant\": \"%s\", \"min_time_s\": %g, \"tasks\": %zu, \"benchmarks\": [", AIEXP_BENCH_VARIANT,
              options.min_time_s, workload.task_count());
  const char* separator = "";
  for (const aiexp::bench::Operation& operation : aiexp::bench::operations()) {
    // One untimed call checks the work is accepted and warms the caches, as Google Benchmark's first run does.
    if (!workload.restore_defaults().ok() || !std::isfinite(operation.run(workload))) {
      std::fprintf(stderr, "aiexp_bench_wasm: %.*s: the engine refused the work\n",
                   static_cast<int>(operation.name.size()), operation.name.data());
      return 1;
    }
    const Timing timing = time_operation(operation, workload, options.min_time_s, checksum);
    std::printf("%s\n  {\"name\": \"%.*s\", \"iterations\": %llu, \"ns_per_iteration\": %.1f}", separator,
                static_cast<int>(operation.name.size()), operation.name.data(),
                static_cast<unsigned long long>(timing.iterations), timing.ns_per_iteration);
    separator = ",";
  }
  std::printf("\n], \"checksum\": %.17g}\n", checksum);
  std::fflush(stdout);
  return 0;
}
