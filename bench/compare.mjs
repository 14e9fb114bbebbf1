// Native against WebAssembly on the same benchmark workload (bench/workload.h): runs aiexp_bench (Google
// Benchmark) and the wasm runners under node, then prints one row per operation with the ratio and the targets.
// Speed is reported, never asserted: the exit status is non-zero only when a program is missing, crashes or
// prints something unreadable.
//
//   node bench/compare.mjs [--native FILE] [--wasm-dir DIR] [--data DIR] [--min-time SECONDS]
// Defaults: build/native/bench/aiexp_bench, build/wasm/bench/wasm, data/, 0.2 s per operation and program.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { printTable } from './table.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const TARGETS = {
  recomputeNativeNs: 30_000,      // a full recompute with the default assumptions, native
  wasmOverNative: 1.5,            // every operation, the page's WebAssembly module against native
  breakdownsOverRecompute: 1.2,   // the five breakdowns together against a full recompute, in the same build (issue 26)
};

// The runners' outputs join on these names (workload.cpp, operations()).
const FULL_RECOMPUTE = 'recompute_defaults';
const BREAKDOWNS = 'breakdowns_all_five';

class BenchError extends Error {}

function parseArguments(argv) {
  const options = {
    native: join(ROOT, 'build/native/bench/aiexp_bench'),
    wasmDir: join(ROOT, 'build/wasm/bench/wasm'),
    data: join(ROOT, 'data'),
    minTime: 0.2,
  };
  const names = { '--native': 'native', '--wasm-dir': 'wasmDir', '--data': 'data', '--min-time': 'minTime' };
  for (let i = 0; i < argv.length; i += 2) {
    const key = names[argv[i]];
    if (!key || argv[i + 1] === undefined) {
      throw new BenchError(`unknown or incomplete argument ${argv[i]} (expected ${Object.keys(names).join(', ')})`);
    }
    options[key] = argv[i + 1];
  }
  options.minTime = Number(options.minTime);
  if (!(options.minTime > 0)) throw new BenchError('--min-time must be a positive number of seconds');
  return options;
}

// Runs a program to completion and returns its stdout parsed as JSON.
function runJson(label, command, args) {
  const run = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (run.error) throw new BenchError(`${label}: ${run.error.message}`);
  if (run.status !== 0) {
    const how = run.signal ? `was killed by ${run.signal}` : `exited with status ${run.status}`;
    throw new BenchError(`${label} ${how}\n${run.stderr.trim()}`);
  }
  try {
    return JSON.parse(run.stdout);
  } catch (error) {
    throw new BenchError(`${label}: unreadable output (${error.message})\n${run.stdout.slice(0, 500)}`);
  }
}

const NS_PER_UNIT = { ns: 1, us: 1e3, ms: 1e6, s: 1e9 };

function nativeTimes(report) {
  const times = new Map();
  for (const run of report.benchmarks ?? []) {
    if (run.error_occurred) throw new BenchError(`aiexp_bench: ${run.name}: ${run.error_message}`);
    times.set(run.name, run.real_time * NS_PER_UNIT[run.time_unit]);
  }
  return times;
}

function wasmTimes(report) {
  return new Map((report.benchmarks ?? []).map((run) => [run.name, run.ns_per_iteration]));
}

function formatNs(ns) {
  if (ns === undefined) return 'n/a';
  const [value, unit] = ns < 1e3 ? [ns, 'ns'] : ns < 1e6 ? [ns / 1e3, 'µs'] : [ns / 1e6, 'ms'];
  return `${value.toPrecision(3)} ${unit}`;
}

const formatRatio = (ratio) => (ratio === undefined ? 'n/a' : `${ratio.toFixed(2)}x`);
const verdict = (ok) => (ok ? 'meets' : 'misses');

function main() {
  const options = parseArguments(process.argv.slice(2));
  // Both shipped builds: the page's (speed, where each input recomputes and re-renders, so it carries the
  // target) and the widget's (size, for its 120 KB budget), shown for what the size costs.
  const pageJs = join(options.wasmDir, 'aiexp_bench_wasm_speed.js');
  const widgetJs = join(options.wasmDir, 'aiexp_bench_wasm.js');
  for (const [file, how] of [[options.native, 'cmake --build --preset native'], [pageJs, 'cmake --build --preset wasm'],
                             [widgetJs, 'cmake --build --preset wasm']]) {
    if (!existsSync(file)) throw new BenchError(`missing ${file}: build it with '${how}'`);
  }

  const nativeReport = runJson('aiexp_bench', options.native,
                               ['--benchmark_format=json', `--benchmark_min_time=${options.minTime}`, options.data]);
  const native = nativeTimes(nativeReport);
  const wasmArgs = [options.data, `--min-time=${options.minTime}`];
  const page = wasmTimes(runJson('aiexp_bench_wasm_speed', process.execPath, [pageJs, ...wasmArgs]));
  const widget = wasmTimes(runJson('aiexp_bench_wasm', process.execPath, [widgetJs, ...wasmArgs]));
  for (const name of native.keys()) {
    for (const [times, program] of [[page, 'aiexp_bench_wasm_speed'], [widget, 'aiexp_bench_wasm']]) {
      if (!times.has(name)) throw new BenchError(`${program} did not report ${name}`);
    }
  }

  const context = nativeReport.context ?? {};
  console.log(`Native vs WebAssembly, mean time per call (min time ${options.minTime} s per operation)`);
  console.log(`  native: ${context.num_cpus} CPUs at ${context.mhz_per_cpu} MHz, Google Benchmark real time`);
  console.log(`  wasm:   node ${process.version}, steady_clock; the page's module (-O3, bulk memory) and the` +
              ' widget\'s (-Oz), each built as shipped');
  console.log('');

  const header = ['operation', 'native', 'wasm, page (-O3)', 'page/native', 'wasm, widget (-Oz)', 'widget/native'];
  const rows = [];
  const targets = [];
  for (const [name, nativeNs] of native) {
    const ratio = page.get(name) / nativeNs;
    rows.push([name, formatNs(nativeNs), formatNs(page.get(name)), formatRatio(ratio), formatNs(widget.get(name)),
               formatRatio(widget.get(name) / nativeNs)]);
    if (name === FULL_RECOMPUTE) {
      targets.push([`${name}: native <= ${formatNs(TARGETS.recomputeNativeNs)}`, formatNs(nativeNs),
                    verdict(nativeNs <= TARGETS.recomputeNativeNs)]);
    }
    targets.push([`${name}: page's wasm <= ${TARGETS.wasmOverNative}x native`, formatRatio(ratio),
                  verdict(ratio <= TARGETS.wasmOverNative)]);
  }
  // The breakdowns' cost against the recompute they follow, natively and in the page's module.
  for (const [times, build] of [[native, 'native'], [page, 'page\'s wasm']]) {
    const ratio = times.get(BREAKDOWNS) / times.get(FULL_RECOMPUTE);
    targets.push([`${BREAKDOWNS}: ${build} <= ${TARGETS.breakdownsOverRecompute}x ${FULL_RECOMPUTE}`,
                  `${formatRatio(ratio)} (${formatNs(times.get(BREAKDOWNS))} / ${formatNs(times.get(FULL_RECOMPUTE))})`,
                  verdict(ratio <= TARGETS.breakdownsOverRecompute)]);
  }
  printTable(header, rows);
  console.log('');
  printTable(['target', 'measured', 'result'], targets);
}

try {
  main();
} catch (error) {
  console.error(`compare: ${error instanceof BenchError ? error.message : error.stack}`);
  process.exitCode = 1;
}
