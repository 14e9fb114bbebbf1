// Lighthouse over the assembled site (build/wasm/site), with its mobile preset: the default configuration's phone
// emulation, simulated slow 4G (150 ms round trip, 1.6 Mbit/s) and a 4x slower CPU, the trace of an unthrottled
// load replayed through Lighthouse's network and CPU model. Each run loads a bare page (one module script that
// writes one line, as bench/page.mjs's floor) and the site's pages, served by the same server with the same
// headers, the pages taking turns run by run so a slow spell of the machine weighs on all of them alike. Prints
// the medians per page: the four category scores, the metrics, LCP as a multiple of the bare page's, DOM size and
// bytes transferred; the targets of issue 25; every failing accessibility, best-practices and SEO audit with its
// elements; where the main thread's time goes; the LCP element and its phases.
// Speed is reported, never asserted: the exit status is non-zero only when the site is missing, an argument is
// wrong, or Lighthouse cannot load a page or run an audit.
//
//   node bench/lighthouse.mjs [--site DIR] [--server dev|nginx] [--runs N] [--pages P,P,...] [--json FILE]
//   (defaults: build/wasm/site, dev (tools/serve.mjs), 5, /occupation/1137/,/occupation/2311/,/)
import { existsSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import TraceGatherer from 'lighthouse/core/gather/gatherers/trace.js';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';

import { startServer } from '../tools/serve.mjs';
import { writeFloorSite } from './floor.mjs';
import { printTable } from './table.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CHROMIUM = process.env.AIEXP_CHROMIUM ?? '/usr/bin/chromium';
// The closed network refuses every connection but the page's own: nothing in the background may try one.
const CHROMIUM_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
                        '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const DEFAULT_PAGES = ['/occupation/1137/', '/occupation/2311/', '/'];
const BARE = 'bare page';
const KB = 1024;
// Issue 25, item 4. Time is judged by the ratio to the bare page; the rest in absolute terms.
const TARGETS = { performance: 95, lcpRatio: 1.25, tbtMs: 150, cls: 0.01, otherScores: 100,
                  roleDomElements: 1000, roleBytes: 60 * KB, homeBytes: 150 * KB };
// Failing audits list at most this many elements each (--json keeps them all).
const MAX_ELEMENTS = 30;

class BenchError extends Error {}
// A failure that another run may not have: a trace Lighthouse could not read, an audit that failed.
class RunError extends BenchError {}

function parseArguments(argv) {
  const options = { site: join(ROOT, 'build/wasm/site'), server: 'dev', runs: 5, pages: DEFAULT_PAGES, json: null };
  const names = { '--site': 'site', '--server': 'server', '--runs': 'runs', '--pages': 'pages', '--json': 'json' };
  for (let i = 0; i < argv.length; i += 2) {
    const key = names[argv[i]];
    if (!key || argv[i + 1] === undefined) {
      throw new BenchError(`unknown or incomplete argument ${argv[i]} (expected ${Object.keys(names).join(', ')})`);
    }
    options[key] = argv[i + 1];
  }
  options.runs = Number(options.runs);
  if (!Number.isInteger(options.runs) || options.runs < 1) throw new BenchError('--runs must be a whole number >= 1');
  if (!['dev', 'nginx'].includes(options.server)) throw new BenchError('--server must be dev or nginx');
  if (typeof options.pages === 'string') {
    options.pages = options.pages.split(',').map((page) => page.trim()).filter(Boolean);
    if (!options.pages.length || options.pages.some((page) => !page.startsWith('/'))) {
      throw new BenchError('--pages takes paths of the site separated by commas, each starting with /');
    }
  }
  return options;
}

// Chromium 156 writes the frame reporter of its PipelineReporter trace events as args.frame_reporter; Lighthouse
// 12.2.3's trace engine reads args.chrome_frame_reporter, and without it the gatherers built on the trace (layout
// shift root causes, the LCP element, render-blocking resources) fail. The same record under the name it reads.
class Chromium156Trace extends TraceGatherer {
  getArtifact() {
    const trace = super.getArtifact();
    for (const event of trace.traceEvents) {
      if (event.name === 'PipelineReporter' && event.args?.frame_reporter && !event.args.chrome_frame_reporter) {
        event.args.chrome_frame_reporter = event.args.frame_reporter;
      }
    }
    return trace;
  }
}

// The default configuration (the mobile preset), its trace read as above.
const CONFIG = { extends: 'lighthouse:default', artifacts: [{ id: 'Trace', gatherer: Chromium156Trace }] };

async function startSite(root, server) {
  if (server === 'dev') return startServer({ root });
  // The e2e harness resolves its fixtures against the working folder unless told: tell it before loading it.
  process.env.AIEXP_FIXTURES_DIR ??= join(ROOT, 'tests/fixtures');
  const { startNginx } = await import('../tests/e2e/harness.mjs');
  return startNginx(root);
}

async function chromiumVersion(port) {
  try {
    const version = await (await fetch(`http://127.0.0.1:${port}/json/version`)).json();
    return `Chromium ${version.Browser.replace(/^[^/]*\//, '')}`;
  } catch {
    return 'Chromium (version unknown)';
  }
}

// One Lighthouse run of `url`; the result (LHR) of a run that loaded the page and ran every audit, else throws.
async function runOnce(url, port) {
  const result = await lighthouse(url, {
    port, logLevel: 'error', output: 'json', onlyCategories: CATEGORIES,
    // The full-page screenshot only illustrates the report's element snippets, after the trace: left out.
    disableFullPageScreenshot: true,
  }, CONFIG);
  const lhr = result?.lhr;
  if (!lhr) throw new BenchError(`Lighthouse returned no result for ${url}`);
  if (lhr.runtimeError) {
    // NO_NAVSTART, NO_FCP and the like: the trace lacked what Lighthouse looks for. Anything else (the page
    // answered 404, the browser could not load it) would fail again.
    const Failure = /^NO_/.test(lhr.runtimeError.code) ? RunError : BenchError;
    throw new Failure(`Lighthouse could not load ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  }
  const failed = Object.values(lhr.audits).filter((audit) => audit.scoreDisplayMode === 'error');
  if (failed.length) {
    throw new RunError(`Lighthouse could not run ${failed.length} audit(s) on ${url}:\n  ` +
                       failed.map((audit) => `${audit.id}: ${audit.errorMessage}`).join('\n  '));
  }
  return lhr;
}

// Now and then a trace comes back without the navigation's start (NO_NAVSTART: "run Lighthouse again", it
// says): such a run is run again, up to ATTEMPTS times in all, and the repeats are counted in `retries`.
const ATTEMPTS = 3;
async function runLighthouse(url, port, retries) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await runOnce(url, port);
    } catch (error) {
      if (!(error instanceof RunError) || attempt === ATTEMPTS) throw error;
      retries.push(error.message.split('\n')[0]);
      console.error(`  ${error.message.split('\n')[0]}: running it again`);
    }
  }
}

const numeric = (lhr, id) => lhr.audits[id]?.numericValue;
const score = (lhr, category) => Math.round(lhr.categories[category].score * 100);

// What the site's files are, from Lighthouse's resource type and the response's MIME type.
function kindOf(request) {
  if (request.resourceType === 'Document') return 'html';
  if (request.resourceType === 'Stylesheet') return 'css';
  if (request.resourceType === 'Script') return 'js';
  if (request.mimeType === 'application/wasm') return 'wasm';
  if (request.mimeType === 'application/json' || /\.json$/.test(new URL(request.url).pathname)) return 'json';
  return 'other';
}
const KINDS = ['html', 'css', 'js', 'wasm', 'json', 'other'];

// The figures of one run.
function figuresOf(lhr) {
  const requests = lhr.audits['network-requests'].details.items;
  const observed = lhr.audits.metrics.details.items[0];
  const loadMs = observed.observedLoad;
  const byKind = Object.fromEntries(KINDS.map((kind) => [kind, 0]));
  let beforeLoad = 0;
  let beforePaint = 0;
  for (const request of requests) {
    // Arrived before the largest paint of the unthrottled load: what Lighthouse's model charges to LCP.
    if ((request.networkEndTime ?? Infinity) <= observed.observedLargestContentfulPaint) beforePaint += request.transferSize ?? 0;
    byKind[kindOf(request)] += request.transferSize ?? 0;
    // Asked for before the load event (times from the document's request, unthrottled, as observed).
    if ((request.rendererStartTime ?? 0) < loadMs) beforeLoad += request.transferSize ?? 0;
  }
  return {
    ...Object.fromEntries(CATEGORIES.map((category) => [category, score(lhr, category)])),
    fcp: numeric(lhr, 'first-contentful-paint'),
    lcp: numeric(lhr, 'largest-contentful-paint'),
    tbt: numeric(lhr, 'total-blocking-time'),
    cls: numeric(lhr, 'cumulative-layout-shift'),
    si: numeric(lhr, 'speed-index'),
    tti: numeric(lhr, 'interactive'),
    dom: numeric(lhr, 'dom-size'),
    bytes: numeric(lhr, 'total-byte-weight'),
    beforeLoad,
    observedPaint: observed.observedLargestContentfulPaint,
    beforePaint,
    requests: requests.length,
    ...Object.fromEntries(KINDS.map((kind) => [`bytes_${kind}`, byKind[kind]])),
  };
}

function median(values) {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function medians(runs) {
  const figures = runs.map(figuresOf);
  return Object.fromEntries(Object.keys(figures[0]).map((key) => [key, median(figures.map((run) => run[key]))]));
}

const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const millis = (ms) => `${Math.round(ms).toLocaleString('en-GB')} ms`;
const kilobytes = (bytes) => `${(bytes / KB).toFixed(1)} KB`;
const count = (value) => Math.round(value).toLocaleString('en-GB');

// A node of Lighthouse's details as text: its selector, the start of its HTML and what the audit says of it.
function nodeText(node) {
  const lines = (node.explanation ?? '').split('\n').map((line) => line.trim())
    .filter((line) => line && !/^Fix (any|all) of the following:$/.test(line));
  const explanation = lines.length ? `: ${lines.join('; ')}` : '';
  return `${node.selector ?? node.path ?? '(no selector)'} ${node.snippet ?? ''}${explanation}`.trim();
}

// An item of an audit's table as text: a node as above, anything else as its columns' values.
function itemText(item, headings) {
  if (item.node?.type === 'node') {
    const related = (item.subItems?.items ?? []).map((sub) => sub.relatedNode).filter((node) => node?.type === 'node');
    return nodeText(item.node) + (related.length ? ` (next to ${related.map((node) => node.selector).join(', ')})` : '');
  }
  const cell = (value) => {
    if (value === undefined || value === null) return '';
    if (typeof value !== 'object') return String(value);
    if (value.type === 'node') return nodeText(value);
    if (value.type === 'source-location') return `${value.url}:${value.line + 1}:${value.column + 1}`;
    if (value.type === 'code' || value.type === 'text' || value.type === 'url') return String(value.value);
    return JSON.stringify(value);
  };
  const keys = (headings ?? []).map((heading) => heading.key).filter(Boolean);
  return (keys.length ? keys : Object.keys(item)).map((key) => cell(item[key])).filter(Boolean).join(' · ');
}

// The audits of the accessibility, best-practices and SEO categories that fail in any run, each with the number
// of runs it failed in and the elements (or items) it named, without repeats.
function failingAudits(runs) {
  const failing = new Map();
  for (const lhr of runs) {
    for (const category of CATEGORIES.slice(1)) {
      for (const ref of lhr.categories[category].auditRefs) {
        const audit = lhr.audits[ref.id];
        if (audit.score === null || audit.score >= 1) continue;
        const key = `${category} ${audit.id}`;
        if (!failing.has(key)) {
          failing.set(key, { category, id: audit.id, title: audit.title, weight: ref.weight, runs: 0, items: new Set() });
        }
        const entry = failing.get(key);
        entry.runs++;
        const details = audit.details ?? {};
        for (const item of details.items ?? []) entry.items.add(itemText(item, details.headings));
        if (!details.items?.length && audit.displayValue) entry.items.add(audit.displayValue);
      }
    }
  }
  return [...failing.values()];
}

// Median per key of `rows(lhr)` (arrays of { key, value }) over the runs, largest first.
function medianRows(runs, rows) {
  const values = new Map();
  for (const lhr of runs) {
    for (const { key, value } of rows(lhr)) {
      if (!values.has(key)) values.set(key, []);
      values.get(key).push(value);
    }
  }
  // A key missing from a run counts as 0 there.
  return [...values].map(([key, list]) => ({ key, value: median([...list, ...Array(runs.length - list.length).fill(0)]) }))
    .sort((a, b) => b.value - a.value);
}

const pathOf = (url) => {
  const { pathname, search } = new URL(url);
  return pathname + search;
};

function lcpElement(lhr) {
  const [elements, phases] = lhr.audits['largest-contentful-paint-element'].details?.items ?? [];
  return { node: elements?.items?.[0]?.node, phases: phases?.items ?? [] };
}

function printReport(pages, runsByPage, context) {
  const { options, chromium, loadBefore, loadAfter } = context;
  const all = Object.fromEntries(pages.map((page) => [page, medians(runsByPage[page])]));
  const bare = all[BARE];
  const first = runsByPage[BARE][0];
  const { throttling, screenEmulation, formFactor } = first.configSettings;
  console.log(`Lighthouse ${first.lighthouseVersion}, ${chromium} (${CHROMIUM}, headless), ` +
              `${options.runs} run(s) per page, the pages taking turns; site served from 127.0.0.1 by ` +
              `${options.server === 'dev' ? 'tools/serve.mjs' : 'nginx (generated configuration)'}`);
  console.log(`  preset: ${formFactor}, ${screenEmulation.width}x${screenEmulation.height} at ` +
              `${screenEmulation.deviceScaleFactor}x, simulated throttling: ${throttling.rttMs} ms RTT, ` +
              `${(throttling.throughputKbps / 1024).toFixed(1)} Mbit/s, CPU ${throttling.cpuSlowdownMultiplier}x slower`);
  console.log(`  load average (1 min) before ${loadBefore.toFixed(2)}, after ${loadAfter.toFixed(2)}, on ` +
              `${context.cpus} CPUs; medians of the runs; ${BARE}: one module script writes one line`);
  console.log('');
  printTable(['page', 'perf', 'a11y', 'best pr.', 'SEO', 'FCP', 'LCP', 'LCP / bare', 'TBT', 'CLS', 'Speed Index', 'TTI'],
    pages.map((page) => {
      const m = all[page];
      return [page, ...CATEGORIES.map((category) => String(m[category])), seconds(m.fcp), seconds(m.lcp),
              `${(m.lcp / bare.lcp).toFixed(2)}x`, millis(m.tbt), m.cls.toFixed(3), seconds(m.si), seconds(m.tti)];
    }));
  console.log('');
  printTable(['page', 'DOM elements', 'transferred', 'asked before load', 'requests', ...KINDS],
    pages.map((page) => {
      const m = all[page];
      return [page, count(m.dom), kilobytes(m.bytes), kilobytes(m.beforeLoad), count(m.requests),
              ...KINDS.map((kind) => kilobytes(m[`bytes_${kind}`]))];
    }));
  console.log('  transferred: total-byte-weight, every response of the run with its headers; asked before load: the ' +
              'requests made before the load event (unthrottled, as observed); by kind: html, css, js, wasm, json, other');

  // Lighthouse replays the unthrottled load through its model; LCP's estimate includes every request that had
  // arrived when that load painted its largest element, so a race on this machine can move it by seconds.
  console.log('');
  printTable(['each run: perf · LCP · arrived by the observed paint', ...runsByPage[BARE].map((_, run) => `run ${run + 1}`)],
    pages.map((page) => [page, ...runsByPage[page].map((lhr) => {
      const figures = figuresOf(lhr);
      return `${figures.performance} · ${seconds(figures.lcp)} · ${kilobytes(figures.beforePaint)} by ${Math.round(figures.observedPaint)} ms`;
    })]));
  console.log('  arrived by the observed paint: bytes of the requests that had finished when the unthrottled load painted ' +
              'its largest element, at that time; the simulated LCP has to carry them all');

  // The targets of issue 25 for the pages it names (and the general ones for any other page asked for).
  const rows = [];
  let met = 0;
  const check = (page, target, measured, meets) => {
    rows.push([page, target, measured, meets ? 'meets' : 'misses']);
    if (meets) met++;
  };
  for (const page of pages.filter((name) => name !== BARE)) {
    const m = all[page];
    const ratio = m.lcp / bare.lcp;
    check(page, `performance >= ${TARGETS.performance}`, String(m.performance), m.performance >= TARGETS.performance);
    check(page, `LCP <= ${TARGETS.lcpRatio}x the bare page's`, `${ratio.toFixed(2)}x (${seconds(m.lcp)} / ${seconds(bare.lcp)})`,
          ratio <= TARGETS.lcpRatio);
    check(page, `TBT <= ${TARGETS.tbtMs} ms`, millis(m.tbt), m.tbt <= TARGETS.tbtMs);
    check(page, `CLS <= ${TARGETS.cls}`, m.cls.toFixed(3), m.cls <= TARGETS.cls);
    for (const category of CATEGORIES.slice(1)) {
      check(page, `${category} = ${TARGETS.otherScores}`, String(m[category]), m[category] >= TARGETS.otherScores);
    }
    if (page.startsWith('/occupation/')) {
      check(page, `DOM elements <= ${count(TARGETS.roleDomElements)}`, count(m.dom), m.dom <= TARGETS.roleDomElements);
      check(page, `transferred, asked before load <= ${TARGETS.roleBytes / KB} KB`, kilobytes(m.beforeLoad), m.beforeLoad <= TARGETS.roleBytes);
    } else if (page === '/') {
      check(page, `transferred, asked before load <= ${TARGETS.homeBytes / KB} KB`, kilobytes(m.beforeLoad), m.beforeLoad <= TARGETS.homeBytes);
    }
  }
  console.log('');
  printTable(['page', 'target (issue 25)', 'measured (median)', 'result'], rows);
  console.log(`  ${met} of ${rows.length} targets met`);

  console.log('');
  console.log('Failing audits (accessibility, best practices, SEO): in how many runs, and the elements they name');
  for (const page of pages) {
    const failing = failingAudits(runsByPage[page]);
    console.log(`  ${page}:${failing.length ? '' : ' none'}`);
    for (const audit of failing) {
      console.log(`    ${audit.category} · ${audit.id} (${audit.runs}/${runsByPage[page].length} runs` +
                  `${audit.weight ? '' : ', weight 0'}): ${audit.title}`);
      const items = [...audit.items];
      for (const item of items.slice(0, MAX_ELEMENTS)) console.log(`      - ${item}`);
      if (items.length > MAX_ELEMENTS) console.log(`      (and ${items.length - MAX_ELEMENTS} more: --json has them all)`);
    }
  }

  console.log('');
  console.log('Main thread, simulated (mainthread-work-breakdown: observed time x the CPU slowdown), median ms');
  const groups = new Map();
  const groupRows = Object.fromEntries(pages.map((page) => [page, new Map(medianRows(runsByPage[page], (lhr) =>
    lhr.audits['mainthread-work-breakdown'].details.items.map((item) => {
      groups.set(item.group, item.groupLabel);
      return { key: item.group, value: item.duration };
    })).map(({ key, value }) => [key, value]))]));
  const groupOrder = [...groups.keys()].sort((a, b) => (groupRows[pages.at(-1)].get(b) ?? 0) - (groupRows[pages.at(-1)].get(a) ?? 0));
  printTable(['work', ...pages], [
    ...groupOrder.map((group) => [groups.get(group), ...pages.map((page) => millis(groupRows[page].get(group) ?? 0))]),
    ['total', ...pages.map((page) => millis(median(runsByPage[page].map((lhr) => numeric(lhr, 'mainthread-work-breakdown')))))],
  ]);

  console.log('');
  console.log('Where it goes by script (bootup-time, median ms: total, of which script evaluation) and the long ' +
              'tasks of the median run (long-tasks: simulated duration at its simulated start)');
  for (const page of pages) {
    const totals = medianRows(runsByPage[page], (lhr) =>
      (lhr.audits['bootup-time'].details?.items ?? []).map((item) => ({ key: item.url, value: item.total })));
    const scripting = new Map(medianRows(runsByPage[page], (lhr) =>
      (lhr.audits['bootup-time'].details?.items ?? []).map((item) => ({ key: item.url, value: item.scripting })))
      .map(({ key, value }) => [key, value]));
    const name = (url) => (url.startsWith('http') ? pathOf(url) : url);
    // A script over the threshold in one run only has a median of 0: left out.
    totals.splice(0, totals.length, ...totals.filter(({ value }) => Math.round(value) > 0));
    console.log(`  ${page}: ${totals.length ? totals.map(({ key, value }) =>
      `${name(key)} ${Math.round(value)} (${Math.round(scripting.get(key) ?? 0)})`).join(', ') : 'no script above the threshold'}`);
    const medianRun = computeMedianRun(runsByPage[page]);
    const tasks = medianRun.audits['long-tasks'].details?.items ?? [];
    console.log(`    long tasks: ${tasks.length ? tasks.map((task) =>
      `${Math.round(task.duration)} ms at ${seconds(task.startTime)} (${name(task.url)})`).join(', ') : 'none'}`);
  }

  console.log('');
  console.log('LCP element (largest-contentful-paint-element: in how many runs) and its phases (median)');
  const phaseNames = [];
  const phaseRows = {};
  for (const page of pages) {
    const elements = new Map();
    for (const lhr of runsByPage[page]) {
      const { node } = lcpElement(lhr);
      const text = node ? `${node.selector} ${node.snippet}${node.nodeLabel ? ` "${node.nodeLabel.replace(/\s+/g, ' ').slice(0, 80)}"` : ''}` : 'none found';
      elements.set(text, (elements.get(text) ?? 0) + 1);
    }
    console.log(`  ${page}: ${[...elements].map(([text, runs]) => `${text} (${runs}/${runsByPage[page].length})`).join('; ')}`);
    phaseRows[page] = new Map(medianRows(runsByPage[page], (lhr) => lcpElement(lhr).phases.map((phase) => {
      if (!phaseNames.includes(phase.phase)) phaseNames.push(phase.phase);
      return { key: phase.phase, value: phase.timing };
    })).map(({ key, value }) => [key, value]));
  }
  console.log('');
  printTable(['LCP phase', ...pages], [
    ...phaseNames.map((phase) => [phase, ...pages.map((page) => millis(phaseRows[page].get(phase) ?? 0))]),
    ['LCP', ...pages.map((page) => millis(all[page].lcp))],
  ]);

  if (context.retries.length) {
    console.log('');
    console.log(`Runs Lighthouse failed and that were run again: ${context.retries.length} (${[...new Set(context.retries)].join(' | ')})`);
  }
  const warnings = new Set(Object.values(runsByPage).flat().flatMap((lhr) => lhr.runWarnings ?? []));
  if (warnings.size) {
    console.log('');
    console.log(`Lighthouse's warnings: ${[...warnings].join(' | ')}`);
  }
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  if (!existsSync(join(options.site, 'index.html'))) {
    throw new BenchError(`no site at ${options.site}: build it with 'cmake --build --preset wasm'`);
  }
  const floor = writeFloorSite();
  const servers = [];
  let chrome = null;
  try {
    const site = await startSite(options.site, options.server);
    servers.push(site);
    const floorSite = await startSite(floor.dir, options.server);
    servers.push(floorSite);
    const urls = { [BARE]: floorSite.url, ...Object.fromEntries(options.pages.map((page) => [page, new URL(page.slice(1), site.url).href])) };
    const pages = Object.keys(urls);
    const loadBefore = loadavg()[0];
    chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROMIUM_FLAGS });
    const chromium = await chromiumVersion(chrome.port);
    // One run first, not counted: the browser's own start-up lands on it, not on the first page measured.
    const retries = [];
    await runLighthouse(urls[BARE], chrome.port, retries);
    const runsByPage = Object.fromEntries(pages.map((page) => [page, []]));
    for (let run = 1; run <= options.runs; run++) {
      const took = [];
      for (const page of pages) {
        const start = Date.now();
        runsByPage[page].push(await runLighthouse(urls[page], chrome.port, retries));
        took.push(`${page} ${((Date.now() - start) / 1000).toFixed(1)} s`);
      }
      console.error(`run ${run}/${options.runs}: ${took.join(', ')}`);
    }
    const loadAfter = loadavg()[0];
    if (options.json) {
      writeFileSync(options.json, JSON.stringify({ chromium, options, urls, runs: runsByPage }));
      console.error(`raw results (every run's Lighthouse result) written to ${options.json}`);
    }
    printReport(pages, runsByPage, { options, chromium, loadBefore, loadAfter, cpus: availableParallelism(), retries });
  } finally {
    if (chrome) chrome.kill();
    for (const server of servers) await server.close();
    floor.remove();
  }
}

try {
  await main();
} catch (error) {
  console.error(`lighthouse: ${error instanceof BenchError ? error.message : error.stack}`);
  process.exitCode = 1;
}
