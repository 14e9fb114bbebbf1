// Where an input's time goes, from Chromium's performance trace: e2 slider inputs on /occupation/1137/ with one
// section on screen (the table, the treemap or the task list), each input's frame split into script, style,
// layout and paint (the main thread's trace events inside the frames the inputs asked for). Reported per input,
// as medians; run beside bench/page.mjs, whose timings these explain.
//
//   node bench/trace.mjs [--site DIR] [--inputs N]      (defaults: build/wasm/site, 60)
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { printTable } from './table.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
process.env.AIEXP_FIXTURES_DIR ??= join(ROOT, 'tests/fixtures');
const { launchBrowser, startSite } = await import('../tests/e2e/harness.mjs');

// Trace event names by what they spend the main thread on (Chromium's DevTools groups them the same way).
const KINDS = {
  script: ['FunctionCall', 'EvaluateScript', 'v8.compile', 'FireAnimationFrame', 'TimerFire', 'EventDispatch', 'RunMicrotasks',
           'v8.callFunction'],
  style: ['UpdateLayoutTree', 'RecalculateStyles', 'ParseAuthorStyleSheet'],
  layout: ['Layout', 'UpdateLayerTree', 'IntersectionObserverController::computeIntersections'],
  paint: ['PrePaint', 'Paint', 'PaintImage', 'Layerize', 'UpdateLayer', 'CompositeLayers', 'Commit'],
};
// Events nest (a FunctionCall inside a FireAnimationFrame): only the outermost event of a kind counts.
const NESTING = new Set(['FireAnimationFrame', 'EventDispatch', 'TimerFire']);

function parseArguments(argv) {
  const options = { site: join(ROOT, 'build/wasm/site'), inputs: 60 };
  for (let i = 0; i < argv.length; i += 2) {
    const key = { '--site': 'site', '--inputs': 'inputs' }[argv[i]];
    if (!key || argv[i + 1] === undefined) throw new Error(`unknown or incomplete argument ${argv[i]}`);
    options[key] = key === 'inputs' ? Number(argv[i + 1]) : argv[i + 1];
  }
  return options;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : 0;
};

async function traceInputs(browser, url, view, count) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.state === 'ready', null, { timeout: 30000 });
  await page.evaluate((target) => document.querySelector(target).scrollIntoView({ block: 'start' }),
                      { table: '#occupations .table-scroll', treemap: '#treemap-figure', tasks: '#task-list' }[view]);
  await page.waitForTimeout(1000);
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] });
  await page.evaluate(async (n) => {
    const slider = document.getElementById('e2');
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    for (let i = 0; i < n; i++) {
      await frame();
      performance.mark(`aiexp:input:${i}`);
      slider.value = String(((i % 20) + 1) / 20);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      await frame();
      await frame();
    }
    performance.mark('aiexp:inputs-end');
  }, count);
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
  await context.close();
  return trace.traceEvents;
}

// Per input (between its mark and the next), the main thread's time by kind, in ms.
function split(events, count) {
  const marks = events.filter((event) => event.name?.startsWith('aiexp:input') || event.name === 'aiexp:inputs-end')
    .map((event) => event.ts).sort((a, b) => a - b);
  const main = events.filter((event) => event.ph === 'X' && event.dur !== undefined)
    .filter((event) => event.tid === events.find((e) => e.name === 'CrRendererMain' || e.args?.name === 'CrRendererMain')?.tid);
  const perInput = [];
  for (let i = 0; i < Math.min(count, marks.length - 1); i++) {
    const [from, to] = [marks[i], marks[i + 1]];
    const totals = { script: 0, style: 0, layout: 0, paint: 0 };
    let scriptEnd = -1;
    for (const event of main) {
      if (event.ts < from || event.ts >= to) continue;
      const kind = Object.keys(KINDS).find((name) => KINDS[name].includes(event.name));
      if (!kind) continue;
      if (kind === 'script') {
        if (event.ts < scriptEnd) continue;  // inside a script event already counted
        if (NESTING.has(event.name) || event.name === 'FunctionCall') scriptEnd = event.ts + event.dur;
      }
      totals[kind] += event.dur / 1000;
    }
    perInput.push(totals);
  }
  return perInput;
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  if (!existsSync(join(options.site, 'index.html'))) throw new Error(`no site at ${options.site}`);
  const site = await startSite(options.site);
  const browser = await launchBrowser();
  try {
    const rows = [];
    for (const [view, path] of [['table', 'occupation/1137/'], ['treemap', 'occupation/1137/'], ['tasks', 'occupation/1137/'],
                                ['tasks', 'occupation/2311/']]) {
      const perInput = split(await traceInputs(browser, `${site.url}${path}`, view, options.inputs), options.inputs);
      const column = (kind) => `${median(perInput.map((input) => input[kind])).toFixed(2)} ms`;
      const total = median(perInput.map((input) => input.script + input.style + input.layout + input.paint));
      rows.push([`${path} with the ${view} on screen`, String(perInput.length), column('script'), column('style'), column('layout'),
                 column('paint'), `${total.toFixed(2)} ms`]);
    }
    console.log(`Trace of e2 inputs (Chromium ${browser.version()} headless, 1280x900): the main thread's time per input, medians`);
    printTable(['page and view', 'inputs', 'script', 'style', 'layout', 'paint', 'total'], rows);
  } finally {
    await browser.close();
    await site.close();
  }
}

try {
  await main();
} catch (error) {
  console.error(`trace: ${error.stack}`);
  process.exitCode = 1;
}
