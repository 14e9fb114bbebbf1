// The calculator and the widget measured in headless Chromium, over the assembled site (build/wasm/site) served
// by tools/serve.mjs with its production headers:
//   input:  e2 slider input -> the recomputed figures drawn in the next frame and laid out: on the home page with
//           the table of all occupations on screen, then the treemap; on a role page with its task list on screen
//           (1137's 17 tasks, and 2311's 866, drawn in part); the page draws once a frame, only the sections on screen
//   load:   a fresh browser context opens the role page /occupation/1137/ -> the headline is painted
//           (Element Timing: the frame that drew it)
//   live:   the same -> an e2 input sent the moment the controls work (before the calculator, which it asks for
//           and waits for) has recomputed the headline
//   widget: a fresh browser context opens /embed-demo.html -> the first <uk-ai-exposure> card is ready
//   floor:  the same for a bare page whose one module script writes one line: what any page costs here
// Load times are judged as ratios to the floor measured in the same run (these shared 2-core machines vary 2-3x
// between runs); both are printed. Speed is reported, never asserted: the exit status is non-zero only when the
// site is missing, a page logs an error or a warning, breaks the CSP or shows a wrong figure.
//
//   node bench/page.mjs [--site DIR] [--inputs N] [--loads N]      (defaults: build/wasm/site, 200, 10)
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFloorSite } from './floor.mjs';
import { printTable } from './table.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

// The e2e harness resolves its fixtures against the working folder unless told: tell it before loading it.
process.env.AIEXP_FIXTURES_DIR ??= join(ROOT, 'tests/fixtures');
const { checkValues, launchBrowser, startSite } = await import('../tests/e2e/harness.mjs');

const SOC = '1137';
const LONG_SOC = '2311';  // 866 tasks: the longest list, drawn in part
const TARGETS_MS = { input: 16, handler: 4 };
// Targets as multiples of the floor's time: p50 (and p95 where given).
const TARGETS_FLOOR = { load: { p50: 1.25, p95: 1.5 }, widget: { p50: 1.5 }, live: { p50: 3 } };
const VIEWPORT = { width: 1280, height: 900 };
const FRAME_MS = 1000 / 60;
// After the script scrolls the table into view, the browser rasterises what came into view and re-evaluates the
// off-screen sections on the same two cores for some hundreds of milliseconds. That is the scroll's cost, not
// the inputs': the inputs start this long after it, as a hand reaching for the slider would.
const SCROLL_SETTLE_MS = 1000;

class BenchError extends Error {}

function parseArguments(argv) {
  const options = { site: join(ROOT, 'build/wasm/site'), inputs: 200, loads: 10 };
  const names = { '--site': 'site', '--inputs': 'inputs', '--loads': 'loads' };
  for (let i = 0; i < argv.length; i += 2) {
    const key = names[argv[i]];
    if (!key || argv[i + 1] === undefined) {
      throw new BenchError(`unknown or incomplete argument ${argv[i]} (expected ${Object.keys(names).join(', ')})`);
    }
    options[key] = argv[i + 1];
  }
  for (const key of ['inputs', 'loads']) {
    options[key] = Number(options[key]);
    if (!Number.isInteger(options[key]) || options[key] < 1) throw new BenchError(`--${key} must be a whole number >= 1`);
  }
  return options;
}

/**
 * A page in a fresh context (no cache, no compiled module) that records every console error or warning,
 * uncaught exception and CSP violation in `problems`, as the e2e harness does. `initScript(initArgument)` runs
 * before any of the page's own scripts.
 */
async function freshPage(browser, problems, initScript, initArgument) {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-GB', timezoneId: 'Europe/London',
                                             colorScheme: 'light' });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() !== 'error' && message.type() !== 'warning') return;
    problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  if (initScript) await page.addInitScript(initScript, initArgument);
  return page;
}

async function closePage(page, problems) {
  const violations = await page.evaluate(() => window.__cspViolations);
  problems.push(...violations.map((violation) => `CSP violation: ${violation}`));
  await page.context().close();
}

// Installed before the page's scripts: notes when the `kind` of figure is first in the DOM (each DOM mutation
// runs the check, as a microtask right after the script that made it) and when the next frame starts after that.
function watchFor({ kind }) {
  window.__shown = {};
  // A figure in the HTML (or written by the floor's script) is timed by the frame that painted it.
  if (kind === 'headline' || kind === 'floor') {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.identifier === kind && window.__shown.frameMs === undefined) {
          window.__shown.frameMs = entry.renderTime || entry.loadTime;
          window.__shown.domMs = entry.renderTime || entry.loadTime;
        }
      }
    }).observe({ type: 'element', buffered: true });
    return;
  }
  // Live: an e2 input sent the moment the page's controls work (its first module has run, before
  // DOMContentLoaded), so the calculator's download and start are counted, timed until its figure is on screen.
  if (kind === 'live') {
    document.addEventListener('DOMContentLoaded', () => {
      const slider = document.getElementById('e2');
      const headline = document.querySelector('#occupation [data-field="scoreText"]');
      if (slider.disabled) throw new Error('the slider is still disabled at DOMContentLoaded');
      window.__shown.sentMs = performance.now();
      slider.value = '1';
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      new MutationObserver(() => {
        if (headline.textContent !== '9.4' || window.__shown.domMs !== undefined) return;
        window.__shown.domMs = performance.now();
        requestAnimationFrame(() => {
          window.__shown.frameMs = performance.now();
        });
      }).observe(headline, { subtree: true, childList: true, characterData: true });
    });
    return;
  }
  const shown = {
    headline: () => {
      const article = document.getElementById('occupation');
      return Boolean(article && !article.hidden && article.querySelector('[data-field="scoreText"]')?.textContent);
    },
    widget: () => document.querySelector('uk-ai-exposure[data-state="ready"]') !== null,
  }[kind];
  const observer = new MutationObserver(() => {
    if (!shown()) return;
    observer.disconnect();
    window.__shown.domMs = performance.now();
    requestAnimationFrame(() => {
      window.__shown.frameMs = performance.now();
    });
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
}

// performance.now() counts from the navigation's start, so these are times since the request was made.
async function timeToShown(browser, url, kind, problems) {
  const page = await freshPage(browser, problems, watchFor, { kind });
  await page.goto(url);
  await page.waitForFunction(() => window.__shown.frameMs !== undefined, null, { timeout: 30000 });
  const shown = await page.evaluate(() => {
    // When the module and the compact bundle had arrived: what the figures waited for.
    const arrived = performance.getEntriesByType('resource')
      .filter((entry) => /\/(wasm\/aiexp(-speed)?\.wasm|data\/bundle\.json)$/.test(new URL(entry.name).pathname))
      .map((entry) => entry.responseEnd);
    return {
      ...window.__shown,
      domContentLoadedMs: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
      dataArrivedMs: arrived.length === 2 ? Math.max(...arrived) : NaN,
      headline: document.querySelector('#occupation [data-field="scoreText"]')?.textContent ?? null,
    };
  });
  await closePage(page, problems);
  return shown;
}

// `count` loads of `url`, after one unmeasured load that starts the browser's own processes and caches (a
// visitor's browser is already running; only the context, with the site's caches, is fresh).
// The pages take turns, so a slow spell of the machine weighs on each of them alike and the ratios to the floor
// hold even when the absolute times drift. `pages`: name -> { url, kind }; resolves to name -> runs.
async function measureLoads(browser, pages, count, problems) {
  const runs = {};
  for (const [name, { url, kind }] of Object.entries(pages)) {
    await timeToShown(browser, url, kind, problems);
    runs[name] = [];
  }
  for (let i = 0; i < count; i++) {
    for (const [name, { url, kind }] of Object.entries(pages)) runs[name].push(await timeToShown(browser, url, kind, problems));
  }
  return runs;
}

// Runs in the page: `count` e2 inputs, each at a random point of a frame as a dragging hand would send them,
// stepping the slider up and down its range so every input changes the figures. The page draws once a frame: for
// each input this times the synchronous handler (it only asks for a frame), and, from the start of the frame
// that follows, the page's rendering with style and layout forced after it (the updated DOM ready to paint); then
// it checks that the frame was drawn and what is on screen agrees (`view`: the home page's table, sorted by the
// new scores, or its treemap; a role page's task list under its recomputed headline).
async function inputLoop({ count, frameMs, view }) {
  const app = window.ukAiExposure;
  const slider = document.getElementById('e2');
  const headline = document.querySelector('#occupation [data-field="scoreText"]');
  const scores = () => [...document.querySelectorAll('#occupations-body tr:not(.spacer) [data-part="score"]')]
    .map((cell) => cell.textContent).filter((text) => text !== '—').map(Number);
  const agrees = {
    table: () => scores().length > 5 && scores().every((score, i, all) => i === 0 || all[i - 1] >= score),
    treemap: () => document.querySelectorAll('#treemap a.treemap__leaf').length > 300,
    tasks: () => document.querySelector('#task-list > li.task') !== null,
  }[view];
  const steps = Math.round(Number(slider.max) / Number(slider.step));
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const results = { scriptMs: [], laidOutMs: [], frameMs: [], failures: [] };
  slider.focus({ preventScroll: true });
  let previous = headline?.textContent;
  for (let i = 1; i <= count; i++) {
    await nextFrame();
    await new Promise((resolve) => setTimeout(resolve, Math.random() * frameMs));
    const step = steps - Math.abs((i % (2 * steps)) - steps);  // 1, 2, ..., steps, steps - 1, ..., 0, 1, ...
    const value = String(Number((step * Number(slider.step)).toFixed(2)));
    // Frame callbacks run in the order they were asked for: this one, before the input, starts the next frame;
    // the page's own (asked for by the input) draws; the one after it forces style and layout.
    let frameStart = 0;
    requestAnimationFrame(() => {
      frameStart = performance.now();
    });
    const frames = app.renderCount;
    const start = performance.now();
    slider.value = value;
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    const scripted = performance.now();
    const laidOut = await new Promise((resolve) => requestAnimationFrame(() => {
      void document.body.offsetHeight;  // forces style and layout now
      resolve(performance.now());
    }));
    const shown = headline?.textContent;
    if (app.renderCount <= frames || (headline && shown === previous) || !agrees()
        || document.getElementById('e2-value').textContent !== value) {
      results.failures.push(`e2 = ${value}: ${app.renderCount - frames} frames drawn, headline ${shown} (before ${previous})`);
    }
    previous = shown;
    results.scriptMs.push(scripted - start);
    results.laidOutMs.push(laidOut - frameStart);
    results.frameMs.push(laidOut - start);
  }
  return results;
}

// `view`: what is on screen during the inputs: the home page's table (in its scroller) or treemap, or a role
// page's task list.
async function measureInputs(browser, siteUrl, count, problems, { view = 'table', soc = SOC } = {}) {
  const page = await freshPage(browser, problems);
  const rolePage = view === 'tasks';
  await page.goto(rolePage ? `${siteUrl}occupation/${soc}/` : siteUrl);
  await page.click('#assumptions > summary');  // the panel holding the slider, opened as a visitor does
  await page.waitForFunction(() => document.documentElement.dataset.state === 'ready', null, { timeout: 30000 });
  // Wait for the details and the task statements to be in, so no late render lands among the inputs.
  if (rolePage) {
    await page.waitForFunction(() => {
      const tasks = document.querySelector('#task-list');
      return tasks.children.length > 0 && !tasks.textContent.includes('loading') &&
             document.querySelector('#occupation [data-field="description"]').textContent !== '';
    }, null, { timeout: 30000 });
  }
  await page.evaluate((onScreen) => {
    const target = { treemap: '#treemap-figure', tasks: '#task-list', table: '.table-scroll--occupations' }[onScreen];
    document.querySelector(target).scrollIntoView({ block: 'start' });
  }, view);
  await page.waitForTimeout(SCROLL_SETTLE_MS);
  const rows = rolePage ? 0 : Number(await page.getAttribute('#occupations-table', 'aria-rowcount')) - 1;
  const tasks = await page.evaluate(() => document.querySelectorAll('#task-list > li.task').length);
  const results = await page.evaluate(inputLoop, { count, frameMs: FRAME_MS, view });
  await closePage(page, problems);
  if (results.failures.length) {
    throw new BenchError(`the page did not show the recomputed figures (${view} on screen):\n  ${results.failures.slice(0, 5).join('\n  ')}`);
  }
  return { ...results, rows, tasks };
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

const ms = (value) => `${value.toFixed(1)} ms`;

function summary(label, values, targetMs) {
  const p95 = percentile(values, 0.95);
  return [label, String(values.length), ms(percentile(values, 0.5)), ms(p95), ms(Math.max(...values)),
          targetMs === undefined ? '' : `p95 <= ${targetMs} ms`,
          targetMs === undefined ? '' : (p95 <= targetMs ? 'meets' : 'misses')];
}

// A load measure beside the floor's: its percentiles, their ratios to the floor's, and the ratio targets.
function loadSummary(label, values, floor, targets = {}) {
  const ratio = (p) => percentile(values, p) / percentile(floor, p);
  const checks = Object.entries(targets).map(([key, limit]) => {
    const value = ratio(key === 'p50' ? 0.5 : 0.95);
    return { text: `${key} <= ${limit}x`, meets: value <= limit };
  });
  return [label, String(values.length), ms(percentile(values, 0.5)), ms(percentile(values, 0.95)),
          `${ratio(0.5).toFixed(2)}x`, `${ratio(0.95).toFixed(2)}x`, checks.map((check) => check.text).join(', '),
          checks.length ? (checks.every((check) => check.meets) ? 'meets' : 'misses') : ''];
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  if (!existsSync(join(options.site, 'index.html'))) {
    throw new BenchError(`no site at ${options.site}: build it with 'cmake --build --preset wasm'`);
  }
  const site = await startSite(options.site);
  const floorPage = writeFloorSite();
  const floorSite = await startSite(floorPage.dir);
  const browser = await launchBrowser();
  const problems = [];
  try {
    const inputs = await measureInputs(browser, site.url, options.inputs, problems);
    const treemapInputs = await measureInputs(browser, site.url, options.inputs, problems, { view: 'treemap' });
    const taskInputs = await measureInputs(browser, site.url, options.inputs, problems, { view: 'tasks' });
    const longTaskInputs = await measureInputs(browser, site.url, options.inputs, problems, { view: 'tasks', soc: LONG_SOC });
    const rolePage = `${site.url}occupation/${SOC}/`;
    const { floor, loads, live, widget } = await measureLoads(browser, {
      floor: { url: floorSite.url, kind: 'floor' },
      loads: { url: rolePage, kind: 'headline' },
      live: { url: rolePage, kind: 'live' },
      widget: { url: `${site.url}embed-demo.html`, kind: 'widget' },
    }, options.loads, problems);
    if (problems.length) throw new BenchError(`the pages reported problems:\n  ${problems.join('\n  ')}`);
    const expected = checkValues.unit_groups.find((group) => group.soc === SOC).exposure_text;
    const wrong = loads.find((load) => load.headline !== expected);
    if (wrong) throw new BenchError(`/occupation/${SOC}/ showed the headline ${wrong.headline}, expected ${expected}`);
    const median = (key, runs) => ms(percentile(runs.map((run) => run[key]), 0.5));
    const times = (runs) => runs.map((run) => run.frameMs);

    console.log(`In-page benchmark: Chromium ${browser.version()} headless, ${VIEWPORT.width}x${VIEWPORT.height}, ` +
                `site served from 127.0.0.1 by tools/serve.mjs`);
    console.log(`  input: the home page with the table of all ${inputs.rows} occupations (then the treemap) on screen, ` +
                `/occupation/${SOC}/ and /occupation/${LONG_SOC}/ with their tasks; ${options.inputs} e2 inputs at random points of a frame`);
    console.log(`  loads: a fresh browser context each time (nothing cached), times from navigation start, the pages ` +
                `taking turns; ratios are to the bare page's (floor) percentile of the same run`);
    console.log('');
    printTable(['measure', 'n', 'p50', 'p95', 'max', 'target', 'result'], [
      summary('e2 input, table on screen -> its frame drawn and laid out', inputs.laidOutMs, TARGETS_MS.input),
      summary('  the input handler (asks for a frame)', inputs.scriptMs, TARGETS_MS.handler),
      summary('  input -> drawn and laid out, with the wait for the frame', inputs.frameMs),
      summary('e2 input, treemap on screen -> its frame drawn and laid out', treemapInputs.laidOutMs, TARGETS_MS.input),
      summary('  the input handler', treemapInputs.scriptMs, TARGETS_MS.handler),
      summary(`e2 input, ${SOC}'s ${taskInputs.tasks} tasks on screen -> drawn and laid out`, taskInputs.laidOutMs, TARGETS_MS.input),
      summary('  the input handler', taskInputs.scriptMs, TARGETS_MS.handler),
      summary(`e2 input, ${LONG_SOC}'s task list on screen (${longTaskInputs.tasks} of 866 drawn) -> drawn and laid out`,
              longTaskInputs.laidOutMs, TARGETS_MS.input),
      summary('  the input handler', longTaskInputs.scriptMs, TARGETS_MS.handler),
    ]);
    console.log('');
    printTable(['load measure', 'n', 'p50', 'p95', 'p50 / floor', 'p95 / floor', 'target', 'result'], [
      loadSummary('bare page: one module writes one line (floor), painted', times(floor), times(floor)),
      loadSummary(`role page /occupation/${SOC}/ -> headline painted`, times(loads), times(floor), TARGETS_FLOOR.load),
      loadSummary(`role page -> live: an e2 input sent at once has recomputed it`, times(live), times(floor), TARGETS_FLOOR.live),
      loadSummary('/embed-demo.html -> first card ready (next frame)', times(widget), times(floor), TARGETS_FLOOR.widget),
    ]);
    console.log('');
    console.log(`  role page -> live: medians of the input sent ${median('sentMs', live)}, figure in the DOM ${median('domMs', live)}`);
    for (const [label, runs] of [['/embed-demo.html', widget]]) {
      console.log(`  ${label} medians: DOMContentLoaded ${median('domContentLoadedMs', runs)}, module and bundle ` +
                  `downloaded ${median('dataArrivedMs', runs)}, figure in the DOM ${median('domMs', runs)}, ` +
                  `next frame ${median('frameMs', runs)}`);
    }
  } catch (error) {
    // A timeout says little on its own; what the pages logged usually says why.
    if (problems.length && !(error instanceof BenchError)) {
      throw new BenchError(`${error.message.split('\n')[0]}\nthe pages reported:\n  ${problems.join('\n  ')}`);
    }
    throw error;
  } finally {
    await browser.close();
    await site.close();
    await floorSite.close();
    floorPage.remove();
  }
}

try {
  await main();
} catch (error) {
  console.error(`page: ${error instanceof BenchError ? error.message : error.stack}`);
  process.exitCode = 1;
}
