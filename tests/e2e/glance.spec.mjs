// The UK at a glance in Chromium: the treemap, the threshold explorer, the major groups' bars, the chart exports
// and <uk-ai-exposure-chart>, each checked against figures ukexp computes from the same bundle (its CSV).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';

import { axeViolations, axeViolationsWithoutCsp, drawn, hostPage, inView, openPage, pinnedSnippet, screenshot, setInput, showAssumptions, siteDir,
         text, useSiteAndBrowser, waitForApp } from './harness.mjs';

let browser;
let site;
useSiteAndBrowser((env) => ({ browser, site } = env));

const UKEXP = process.env.AIEXP_UKEXP ?? 'build/native/cli/ukexp';

// One CSV line's fields (quoted fields may hold commas and doubled quotes).
function fields(line) {
  const out = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { out.push(field); field = ''; } else field += c;
  }
  out.push(field);
  return out;
}

// `ukexp rank --csv` with these options, as rows of named fields; the score as displayed (one decimal, halves
// away from zero as the core rounds) beside it.
function rankCsv(options = []) {
  const [head, ...lines] = execFileSync(UKEXP, ['rank', '--csv', ...options], { encoding: 'utf8' }).trim().split('\n');
  const names = fields(head);
  return lines.map((line) => {
    const row = Object.fromEntries(fields(line).map((value, i) => [names[i], value]));
    row.scored = row.exposure !== '';
    row.displayed = row.scored ? Math.round(Number((Number(row.exposure) * 10).toFixed(6))) / 10 : NaN;
    row.hasEmployees = row.employees !== '';
    // The band's stable key, as the page's styles select it ("Very high" -> very_high).
    row.bandKey = row.band.toLowerCase().replace(' ', '_');
    return row;
  });
}

async function open(path = '', options = {}) {
  const page = await openPage(browser, `${site.url}${path}`, options);
  await waitForApp(page);
  await showAssumptions(page);
  return page;
}

// The treemap's rectangles as drawn, once it is in view (a section off screen is drawn when it comes into view).
const leaves = (page) => inView(page, '#treemap').then(() => page.locator('#treemap').evaluate((svg) => [...svg.querySelectorAll('a.treemap__leaf')].map((a) => {
  const rect = a.querySelector('rect');
  const [x, y, width, height] = ['x', 'y', 'width', 'height'].map((k) => Number(rect.getAttribute(k)));
  return { soc: a.dataset.soc, area: width * height, band: rect.getAttribute('data-band'), below: a.hasAttribute('data-below') };
})));

const thresholdFigures = (page) => inView(page, '#threshold').then(() => page.locator('#threshold').evaluate((root) => ({
  count: Number(root.dataset.count), employees: Number(root.dataset.employees), pay: Number(root.dataset.pay),
  wageExposure: Number(root.dataset.wageExposure),
})));

async function setThreshold(page, value) {
  await inView(page, '#threshold');
  await setInput(page, '#threshold-number', value);
  await page.locator('#threshold-number').blur();
  await page.waitForFunction((v) => document.querySelector('#threshold-number').value === v
                             && Number(document.querySelector('#threshold-range').value).toFixed(1) === v, Number(value).toFixed(1));
}

describe('the treemap', () => {
  test('areas are proportional to employees within 1% and cover the published total, every scored occupation with employees drawn once', async () => {
    const page = await open();
    const drawn = await leaves(page);
    const rows = rankCsv().filter((row) => row.scored && row.hasEmployees);
    assert.equal(drawn.length, rows.length);
    assert.deepEqual(drawn.map((leaf) => leaf.soc).sort(), rows.map((row) => row.soc).sort());
    const employeesOf = new Map(rows.map((row) => [row.soc, Number(row.employees)]));
    const totalEmployees = rows.reduce((sum, row) => sum + Number(row.employees), 0);
    const totalArea = drawn.reduce((sum, leaf) => sum + leaf.area, 0);
    assert.ok(Math.abs(totalArea - 960 * 540) / (960 * 540) < 0.001, `the rectangles cover ${totalArea} of 960 x 540`);
    for (const leaf of drawn) {
      const expected = employeesOf.get(leaf.soc) / totalEmployees;
      const got = leaf.area / totalArea;
      assert.ok(Math.abs(got - expected) / expected < 0.01, `${leaf.soc}: area share ${got}, employee share ${expected}`);
    }
    // The published total: the UK's employees in scored occupations, as the core sums them (threshold 0).
    await setThreshold(page, '0');
    assert.equal((await thresholdFigures(page)).employees, totalEmployees);
    // Occupations ONS publishes no employees for are named beside it, not drawn.
    const missing = rankCsv().filter((row) => row.scored && !row.hasEmployees).map((row) => row.soc).sort();
    const listed = await page.locator('#treemap-missing a[data-soc]').evaluateAll((links) => links.map((a) => a.dataset.soc).sort());
    assert.deepEqual(listed, missing);
    await page.assertClean();
    await page.context().close();
  });

  test('it recolours on every input: each rectangle takes the band ukexp gives under the new assumptions', async () => {
    const page = await open();
    const before = await leaves(page);
    const bands = (rows) => new Map(rows.filter((row) => row.scored && row.hasEmployees).map((row) => [row.soc, row.bandKey]));
    const published = bands(rankCsv());
    for (const leaf of before) assert.equal(leaf.band, published.get(leaf.soc), `${leaf.soc} before`);
    await setInput(page, '#assumptions input[name="e2"]', '1');
    await page.waitForFunction(() => document.querySelector('#e2-value').textContent === '1');
    const after = await leaves(page);
    const withTools = bands(rankCsv(['--e2', '1']));
    let changed = 0;
    for (const leaf of after) {
      assert.equal(leaf.band, withTools.get(leaf.soc), `${leaf.soc} at e2 = 1`);
      if (leaf.band !== published.get(leaf.soc)) changed++;
    }
    assert.ok(changed > 50, `${changed} rectangles changed colour`);
    await page.assertClean();
    await page.context().close();
  });

  test('hover and focus show the figures; the arrow keys move through it as one tab stop and Enter opens the role', async () => {
    const page = await open();
    assert.equal(await page.locator('#treemap a.treemap__leaf[tabindex="0"]').count(), 1);
    await page.locator('#treemap a[data-soc="2134"]').hover();
    await page.waitForFunction(() => !document.querySelector('#treemap-tip').hidden);
    assert.match(await text(page, '#treemap-tip'), /^Programmers and software development professionals360k employees · exposure 8\.0 \(Very high\) · wage exposure £16bn$/);
    await page.locator('#treemap a.treemap__leaf[tabindex="0"]').focus();
    const first = await page.evaluate(() => document.activeElement.dataset.soc);
    await page.keyboard.press('ArrowRight');
    const second = await page.evaluate(() => document.activeElement.dataset.soc);
    assert.notEqual(second, first);
    assert.equal(await page.locator('#treemap a.treemap__leaf[tabindex="0"]').getAttribute('data-soc'), second);
    assert.match(await text(page, '#treemap-tip'), /employees · exposure/);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === `/occupation/${second}/`);
    await waitForApp(page);
    assert.equal(await page.locator('#occupation [data-field="soc"]').textContent(), second);
    await page.assertClean();
    await page.context().close();
  });

  test('the home page without JavaScript draws the treemap in its HTML, every rectangle a link to its role', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.url);
    const drawn = rankCsv().filter((row) => row.scored && row.hasEmployees);
    assert.equal(await page.locator('#treemap a.treemap__leaf').count(), drawn.length);
    assert.equal(await page.locator('#treemap a[data-soc="2134"]').getAttribute('href'), '/occupation/2134/');
    // In the first screen, at a desktop's and a phone's size: the search and the top of the treemap.
    for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
      await page.setViewportSize(viewport);
      const top = await page.locator('#treemap').evaluate((svg) => svg.getBoundingClientRect().top);
      const search = await page.locator('#role-search').evaluate((input) => input.getBoundingClientRect().bottom);
      assert.ok(search < top && top < viewport.height - 40, `at ${viewport.width} px the treemap starts at ${top} px`);
    }
    assert.match(await text(page, '#treemap-missing'), /^\d+ scored occupations are not drawn, because ONS does not publish their employees/);
    // The threshold's and the groups' figures are in the HTML too.
    assert.match(await text(page, '#threshold-result'), /^\d+ of \d+ scored occupations are at 6\.0 or above/);
    assert.equal(await page.locator('#groups-chart a[data-major]').count(), 9);
    await context.close();
  });
});

describe('the threshold explorer', () => {
  test('0 counts every scored occupation, above the highest score none, and 5.0 what ukexp rank --csv gives', async () => {
    const page = await open();
    const rows = rankCsv().filter((row) => row.scored);
    const sums = (selected) => ({
      count: selected.length,
      employees: selected.filter((r) => r.hasEmployees).reduce((sum, r) => sum + Number(r.employees), 0),
      pay: selected.filter((r) => r.wage_exposure_gbp !== '').reduce((sum, r) => sum + Number(r.employees) * Number(r.median_pay_gbp), 0),
      wageExposure: selected.reduce((sum, r) => sum + (r.wage_exposure_gbp === '' ? 0 : Number(r.wage_exposure_gbp)), 0),
    });
    const close = (got, expected) => {
      assert.equal(got.count, expected.count);
      assert.equal(got.employees, expected.employees);
      assert.ok(Math.abs(got.pay - expected.pay) <= 1e-6 * expected.pay + 1, `pay ${got.pay} vs ${expected.pay}`);
      assert.ok(Math.abs(got.wageExposure - expected.wageExposure) <= 1e-6 * expected.wageExposure + 1,
                `wage exposure ${got.wageExposure} vs ${expected.wageExposure}`);
    };
    await setThreshold(page, '0');
    close(await thresholdFigures(page), sums(rows));
    assert.equal((await leaves(page)).filter((leaf) => leaf.below).length, 0);
    const highest = Math.max(...rows.map((row) => row.displayed));
    await setThreshold(page, (highest + 0.1).toFixed(1));
    assert.equal((await thresholdFigures(page)).count, 0);
    assert.match(await text(page, '#threshold-result'), /^0 of \d+ scored occupations/);
    assert.equal((await leaves(page)).filter((leaf) => !leaf.below).length, 0);
    await setThreshold(page, '5');
    const atFive = rows.filter((row) => row.displayed >= 5);
    assert.ok(atFive.length > 5 && atFive.length < rows.length / 2);
    close(await thresholdFigures(page), sums(atFive));
    // Those occupations are the bright ones in the treemap, and the only rows of the table once asked for.
    const bright = (await leaves(page)).filter((leaf) => !leaf.below).map((leaf) => leaf.soc).sort();
    assert.deepEqual(bright, atFive.filter((row) => row.hasEmployees).map((row) => row.soc).sort());
    await page.check('#threshold-filter');
    await inView(page, '#table-count');
    await page.waitForFunction((n) => document.querySelector('#table-count').textContent === `${n} of 412 occupations.`, atFive.length);
    await page.uncheck('#threshold-filter');
    await inView(page, '#table-count');
    await page.waitForFunction(() => document.querySelector('#table-count').textContent === 'All 412 occupations.');
    // A slider move recomputes as the box does; a box left invalid is marked and then restored.
    await inView(page, '#threshold');
    await setInput(page, '#threshold-range', '7');
    await page.waitForFunction(() => document.querySelector('#threshold-number').value === '7.0');
    assert.equal((await thresholdFigures(page)).count, rows.filter((row) => row.displayed >= 7).length);
    await page.locator('#threshold-number').fill('12');
    assert.equal(await page.locator('#threshold-number').getAttribute('aria-invalid'), 'true');
    await page.locator('#threshold-number').blur();
    assert.equal(await page.locator('#threshold-number').inputValue(), '7.0');
    await page.assertClean();
    await page.context().close();
  });
});

describe('the major groups', () => {
  test("the bars are the core's employment-weighted means, sorted, and a bar filters the table to its group", async () => {
    const page = await open();
    const rows = rankCsv().filter((row) => row.scored && row.hasEmployees);
    await inView(page, '#groups-chart');
    const bars = await page.locator('#groups-chart a[data-major]').evaluateAll((links) => links.map((a) => ({
      code: a.dataset.major, mean: Number(a.dataset.mean), y: Number(/translate\(0 ([\d.]+)\)/.exec(a.getAttribute('transform'))[1]),
      value: a.querySelector('.group-bar__value').textContent, width: Number(a.querySelector('.group-bar__bar').getAttribute('width')),
    })));
    assert.equal(bars.length, 9);
    for (const bar of bars) {
      const group = rows.filter((row) => row.major_group === bar.code);
      const employees = group.reduce((sum, row) => sum + Number(row.employees), 0);
      const mean = group.reduce((sum, row) => sum + Number(row.employees) * Number(row.exposure), 0) / employees;
      assert.ok(Math.abs(bar.mean - mean) < 1e-6, `group ${bar.code}: ${bar.mean} vs ${mean}`);
      assert.equal(bar.value, (Math.round(mean * 10) / 10).toFixed(1));
      assert.ok(Math.abs(bar.width - (mean / 10) * 270) < 0.06, `group ${bar.code} bar width ${bar.width}`);
    }
    const byPosition = [...bars].sort((a, b) => a.y - b.y);
    for (let i = 1; i < byPosition.length; i++) assert.ok(byPosition[i - 1].mean >= byPosition[i].mean);
    await page.locator('#groups-chart a[data-major="4"]').click();
    const inGroup = rankCsv().filter((row) => row.major_group === '4').length;
    await page.waitForFunction((n) => document.querySelector('#table-count').textContent === `${n} of 412 occupations.`, inGroup);
    assert.equal(await page.locator('#table-major').inputValue(), '4');
    // Under another measure the bars follow it.
    await page.locator('#assumptions input[name="measure"][value="ilo2025"]').check();
    await inView(page, '#groups-chart');
    const before = String(bars.find((b) => b.code === '4').mean);
    await page.waitForFunction((mean) => document.querySelector('#groups-chart a[data-major="4"]').dataset.mean !== mean, before);
    const ilo = rankCsv(['--measure', 'ilo2025']).filter((row) => row.scored && row.hasEmployees && row.major_group === '4');
    const iloMean = ilo.reduce((s, r) => s + Number(r.employees) * Number(r.exposure), 0) / ilo.reduce((s, r) => s + Number(r.employees), 0);
    assert.ok(Math.abs(Number(await page.locator('#groups-chart a[data-major="4"]').getAttribute('data-mean')) - iloMean) < 1e-6);
    await page.assertClean();
    await page.context().close();
  });
});

describe('exports', () => {
  async function downloaded(page, selector) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()]);
    const dir = await mkdtemp(join(tmpdir(), 'aiexp-export-'));
    const path = join(dir, download.suggestedFilename());
    await download.saveAs(path);
    const bytes = await readFile(path);
    await rm(dir, { recursive: true, force: true });
    return { name: download.suggestedFilename(), bytes };
  }

  const pngSize = (bytes) => ({ width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) });

  test('every chart downloads as valid SVG and PNG with its title, the assumptions in force and the source drawn in', async () => {
    for (const [path, kinds] of [['?e2=0.5', ['treemap', 'groups', 'distribution']], ['occupation/1137/?e2=0.5&cmp=2134', ['compare']]]) {
      const page = await open(path);
      for (const kind of kinds) {
        const svg = await downloaded(page, `[data-export="${kind}"][data-format="svg"]`);
        assert.equal(svg.name, `uk-ai-exposure-${kind}.svg`);
        const source = svg.bytes.toString('utf8');
        assert.match(source, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
        // Well-formed XML: the browser's own parser finds no error in it.
        const parsed = await page.evaluate((s) => {
          const doc = new DOMParser().parseFromString(s, 'image/svg+xml');
          return { error: doc.querySelector('parsererror')?.textContent ?? '', width: Number(doc.documentElement.getAttribute('width')),
                   height: Number(doc.documentElement.getAttribute('height')), text: doc.documentElement.textContent,
                   shapes: doc.querySelectorAll('svg svg rect, svg svg line').length, classes: doc.querySelectorAll('[class]').length };
        }, source);
        assert.equal(parsed.error, '', `${kind}: ${parsed.error}`);
        assert.match(parsed.text, /Assumptions: e2=0\.5\./);
        assert.match(parsed.text, /Source: UK AI Exposure, http:\/\/127\.0\.0\.1:\d+\/(occupation\/1137\/)?\?e2=0\.5(&cmp=2134)? \(data build [0-9a-f]{16}\)/);
        assert.match(parsed.text, /Minimal under 2/);  // the core's bands, as the page's legend names them
        assert.ok(parsed.shapes > 5, `${kind}: ${parsed.shapes} shapes`);
        assert.equal(parsed.classes, 0, 'the file needs no stylesheet');
        const png = await downloaded(page, `[data-export="${kind}"][data-format="png"]`);
        assert.equal(png.name, `uk-ai-exposure-${kind}.png`);
        assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
        assert.deepEqual(pngSize(png.bytes), { width: parsed.width * 2, height: parsed.height * 2 });
        // The browser decodes it.
        const decoded = await page.evaluate(async (b64) => {
          const blob = new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type: 'image/png' });
          const bitmap = await createImageBitmap(blob);
          return [bitmap.width, bitmap.height];
        }, png.bytes.toString('base64'));
        assert.deepEqual(decoded, [parsed.width * 2, parsed.height * 2]);
      }
      await page.assertClean();
      await page.context().close();
    }
  });
});

describe('<uk-ai-exposure-chart>', () => {
  const chartsReady = (page, count) => page.waitForFunction((n) => {
    const charts = [...document.querySelectorAll('uk-ai-exposure-chart')];
    return charts.length === n && charts.every((c) => c.dataset.state === 'ready');
  }, count, { timeout: 30000 });

  test("the demo page's six charts draw under its strict CSP with one module load, as the page draws them", async () => {
    const page = await openPage(browser, 'about:blank', { allowedOrigins: [new URL(site.url).origin] });
    const paths = [];
    const mainPaths = [];
    page.on('request', (request) => {
      paths.push(new URL(request.url()).pathname);
      if (request.frame() === page.mainFrame()) mainPaths.push(new URL(request.url()).pathname);
    });
    await page.goto(`${site.url}embed-charts-demo.html`);
    await chartsReady(page, 6);
    const count = (path) => paths.filter((p) => p === path).length;
    // The main document loads the entry, the element, the core and the breakdowns' data once for its six charts
    // (the iframe is a document of its own).
    await page.waitForLoadState('networkidle');
    for (const path of ['/widget/uk-ai-exposure-chart-define.js', '/widget/uk-ai-exposure-chart.js', '/wasm/aiexp-speed.wasm', '/data/bundle.json',
                        '/data/breakdowns.json']) {
      assert.equal(mainPaths.filter((p) => p === path).length, 1, `${path} loads once`);
    }
    assert.ok(count('/widget/uk-ai-exposure-chart-define.js') >= 1);
    const shadow = (id, selector) => page.locator(`#${id}`).evaluate((host, s) => host.shadowRoot.querySelectorAll(s).length, selector);
    assert.equal(await shadow('chart-treemap', 'a.treemap__leaf'), rankCsv().filter((r) => r.scored && r.hasEmployees).length);
    assert.equal(await shadow('chart-groups', 'a[data-major]'), 9);
    assert.equal(await shadow('chart-distribution', '.chart__bar'), 20);
    assert.equal(await shadow('chart-compare', '.compare-chart__role'), 3);
    assert.equal(await shadow('chart-sex', '[data-part="rows"] > li'), 2);
    assert.equal(await shadow('chart-region', '.bd-tile'), 12);
    // The hostile stylesheet reaches none of it: the treemap is drawn at its size, in its colours.
    const look = await page.locator('#chart-treemap').evaluate((host) => {
      const svg = host.shadowRoot.querySelector('svg');
      const rect = host.shadowRoot.querySelector('a.treemap__leaf rect[data-band="very_high"]');
      return { height: svg.getBoundingClientRect().height, display: getComputedStyle(svg).display, fill: getComputedStyle(rect).fill };
    });
    assert.ok(look.height > 200);
    assert.equal(look.display, 'block');
    assert.equal(look.fill, 'rgb(185, 28, 28)');
    // The distribution at e2=1 is ukexp's at e2 = 1 (its marks follow the attribute), and its theme is dark.
    const atTools = rankCsv(['--e2', '1']).filter((r) => r.scored);
    const bins = new Array(20).fill(0);
    for (const row of atTools) bins[Math.min(19, Math.floor(Number(row.exposure) * 2))]++;
    const topTick = await page.locator('#chart-distribution').evaluate((host) => host.shadowRoot.querySelector('[data-part="top-tick"]').textContent);
    assert.equal(Number(topTick), Math.max(...bins));
    const background = await page.locator('#chart-distribution').evaluate((host) => getComputedStyle(host.shadowRoot.querySelector('.frame')).backgroundColor);
    assert.equal(background, 'rgb(23, 28, 36)');
    // The iframe chart, under the ILO index, sizes itself.
    const frame = page.frameLocator('#frame-groups');
    await frame.locator('uk-ai-exposure-chart[data-state="ready"]').waitFor();
    await page.waitForFunction(() => document.querySelector('#frame-groups').getBoundingClientRect().height > 380);
    await screenshot(page, 'charts-demo');
    await page.setViewportSize({ width: 360, height: 900 });
    await page.waitForTimeout(300);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), 'the demo page scrolls sideways at 360 px');
    await screenshot(page, 'charts-demo-360');
    await page.assertClean();
    await page.context().close();
  });

  test('on a host on another origin, with a strict CSP and every module pinned by integrity, a bad kind and a bad code end in messages', async () => {
    const { head, integrity } = await pinnedSnippet(site.url, 'chart');
    const widgetOrigin = new URL(site.url).origin;
    const host = await hostPage(site.url, { head, body: `<h1>An article</h1>
<uk-ai-exposure-chart id="groups" kind="groups"></uk-ai-exposure-chart>
<uk-ai-exposure-chart id="treemap" kind="treemap" soc="1137" measure="microsoft"></uk-ai-exposure-chart>
<uk-ai-exposure-chart id="bad-kind" kind="pie"></uk-ai-exposure-chart>
<uk-ai-exposure-chart id="bad-soc" kind="compare" socs="1137,9998"></uk-ai-exposure-chart>
<uk-ai-exposure-chart id="no-socs" kind="compare"></uk-ai-exposure-chart>` });
    try {
      const page = await openPage(browser, 'about:blank', { allowedOrigins: host.origins });
      const scripts = [];
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (url.origin === widgetOrigin && url.pathname.endsWith('.js')) scripts.push(url.pathname.slice(1));
      });
      await page.goto(host.url);
      await page.waitForFunction(() => [...document.querySelectorAll('uk-ai-exposure-chart')].every((c) => c.dataset.state === 'ready' || c.dataset.state === 'error'),
                                 null, { timeout: 30000 });
      const state = (id) => page.locator(`#${id}`).evaluate((c) => [c.dataset.state, c.shadowRoot.textContent]);
      assert.equal((await state('groups'))[0], 'ready');
      assert.equal((await state('treemap'))[0], 'ready');
      assert.match((await state('treemap'))[1], /Microsoft "Working with AI"/);
      assert.equal((await state('bad-kind'))[0], 'error');
      assert.match((await state('bad-kind'))[1], /Unknown chart kind "pie": use one of treemap, groups, distribution, compare, sex, pattern, industry, region, pay\./);
      assert.match((await state('bad-soc'))[1], /No UK occupation has that SOC 2020 code: 9998/);
      assert.doesNotMatch((await state('bad-soc'))[1], /9998.*9998/, 'the code is said once');
      assert.match((await state('no-socs'))[1], /needs 1 to 6 SOC 2020 codes/);
      // Every script that ran is one the snippet pinned.
      const pinned = new Set([...integrity.chart.preload, integrity.chart.entry]);
      assert.deepEqual([...new Set(scripts)].filter((path) => !pinned.has(path)), []);
      assert.ok(scripts.length >= pinned.size);
      await page.assertClean();
      await page.context().close();
    } finally {
      await host.close();
    }
  });

  test("the page's embed code for a chart is the element with its assumptions, pinned, and its iframe form", async () => {
    const page = await open('?e2=1&measure=ilo2025');
    await page.locator('[data-embed-chart="groups"]').click();
    await page.waitForFunction(() => document.querySelector('#chart-embed-code').value !== '');
    const code = await page.locator('#chart-embed-code').inputValue();
    const integrity = JSON.parse(await readFile(join(siteDir, 'embed-integrity.json'), 'utf8'));
    for (const path of [...integrity.chart.preload, integrity.chart.entry]) {
      assert.ok(code.includes(`href="${site.url}${path}" integrity="${integrity.integrity[path]}"`)
                || code.includes(`src="${site.url}${path}" integrity="${integrity.integrity[path]}"`), `${path} pinned`);
    }
    assert.match(code, /<uk-ai-exposure-chart kind="groups" e2="1" measure="ilo2025">/);
    assert.match(code, /<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed-chart\.html\?kind=groups&amp;e2=1&amp;measure=ilo2025&amp;frame-id=uk-ai-exposure-chart-groups" id="uk-ai-exposure-chart-groups" data-uk-ai-exposure/);
    // The frame's sizing script, pinned to the same release.
    assert.ok(code.includes(`src="${site.url}${integrity.resizer}" integrity="${integrity.integrity[integrity.resizer]}"`), 'the resizer pinned');
    await page.assertClean();
    await page.context().close();
  });
});

describe('who is exposed', () => {
  const KINDS = ['sex', 'pattern', 'industry', 'region', 'pay'];

  // `ukexp breakdown <kind> --csv` with these options: its text, and its rows by group.
  function breakdownCsv(kind, options = []) {
    const csv = execFileSync(UKEXP, ['breakdown', kind, '--csv', ...options], { encoding: 'utf8' });
    const [head, ...lines] = csv.trim().split(/\r?\n/);
    const names = fields(head);
    return { csv, rows: new Map(lines.map((line) => {
      const row = Object.fromEntries(fields(line).map((value, i) => [names[i], value]));
      return [row.group, row];
    })) };
  }

  // A breakdown's groups as drawn: key, mean and count (data-*), and its value as shown.
  const drawnRows = (root, id) => root.locator(`#who-${id} [data-part="rows"] > li`).evaluateAll((items) => items.map((li) => ({
    key: li.dataset.key, mean: li.dataset.mean === '' ? NaN : Number(li.dataset.mean), employees: Number(li.dataset.employees),
    value: li.querySelector('[data-part="value"]').textContent,
  })));

  // Each section drawn for the query `query` (the view marks what it drew with it) once it is in view.
  async function breakdownsDrawn(page, query) {
    for (const kind of KINDS) {
      await inView(page, `#who-${kind}`);
      await page.waitForFunction(([id, q]) => {
        const root = document.getElementById(id);
        return root.dataset.state === 'ready' && root.dataset.query === q;
      }, [`who-${kind}`, query], { timeout: 15000 });
    }
  }

  function sameAsUkexp(kind, drawn, options) {
    const { rows } = breakdownCsv(kind, options);
    assert.equal(drawn.length, rows.size, `${kind}: ${drawn.length} groups drawn`);
    for (const row of drawn) {
      const expected = rows.get(row.key);
      assert.ok(expected, `${kind} ${row.key} is one of ukexp's`);
      if (expected.mean_score === '') assert.ok(Number.isNaN(row.mean), `${kind} ${row.key} has no mean`);
      else assert.ok(Math.abs(row.mean - Number(expected.mean_score)) < 1e-8, `${kind} ${row.key}: ${row.mean} vs ${expected.mean_score} (${options.join(' ')})`);
      assert.ok(Math.abs(row.employees - Number(expected.employees)) < 1e-6 * Number(expected.employees) + 1e-6, `${kind} ${row.key} employees`);
    }
  }

  test('each breakdown follows every input as ukexp breakdown --csv does, its data fetched only once one needs them', async () => {
    const page = await open();
    const fetched = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await page.waitForLoadState('networkidle');
    // Under the defaults the build's figures are current: nothing is fetched, even in view.
    await inView(page, '#who-sex');
    await inView(page, '#who-pay');
    await page.waitForLoadState('networkidle');
    assert.deepEqual(fetched.filter((path) => path === '/data/breakdowns.json'), []);
    for (const kind of KINDS) sameAsUkexp(kind, await drawnRows(page, kind), []);
    // With tools counted in full every breakdown recomputes, from one download.
    await page.locator('#assumptions').scrollIntoViewIfNeeded();
    await setInput(page, '#assumptions input[name="e2"]', '1');
    await breakdownsDrawn(page, 'e2=1');
    assert.equal(fetched.filter((path) => path === '/data/breakdowns.json').length, 1);
    for (const kind of KINDS) sameAsUkexp(kind, await drawnRows(page, kind), ['--e2', '1']);
    const women = (await drawnRows(page, 'sex')).find((row) => row.key === 'female');
    assert.equal(women.value, (Math.round(Number(breakdownCsv('sex', ['--e2', '1']).rows.get('female').mean_score) * 100) / 100).toFixed(2));
    await screenshot(page, 'who-live-e2');
    await page.assertClean();
    await page.context().close();
  });

  test('a task relabelled moves exactly the groups that hold its occupations, as ukexp says', async () => {
    const page = await open('?t=975.E1');
    await breakdownsDrawn(page, 't=975.E1');
    for (const kind of KINDS) {
      const drawn = await drawnRows(page, kind);
      sameAsUkexp(kind, drawn, ['--tasks', '975.E1']);
      const before = breakdownCsv(kind).rows;
      const moved = drawn.filter((row) => Math.abs(row.mean - Number(before.get(row.key).mean_score)) > 1e-9).map((row) => row.key);
      if (kind === 'industry') assert.ok(moved.includes('J') && moved.length < 19, moved.join());
      if (kind === 'pay') assert.ok(moved.length > 0 && moved.length < 10, moved.join());
      if (kind === 'sex') assert.deepEqual(moved.sort(), ['female', 'male']);
    }
    await page.assertClean();
    await page.context().close();
  });

  test('a role\'s line follows the inputs: its industry\'s mean and rank are ukexp\'s, its data fetched only then', async () => {
    const page = await open('occupation/2132/');
    const fetched = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    const line = () => page.locator('#role-who [data-part="text"]').textContent();
    assert.match(await line(), /its largest industry, Information and communication, ranks 1st of 19 by mean exposure, at 3\.38 \(APS 2024\)\.$/);
    await page.waitForLoadState('networkidle');
    assert.deepEqual(fetched.filter((path) => path === '/data/breakdowns.json'), [], 'the line the build drew is current');
    for (const [options, query] of [[['--measure', 'ilo2025'], () => page.locator('#assumptions input[name="measure"][value="ilo2025"]').check()],
                                    [['--measure', 'ilo2025', '--e2', '1'], () => setInput(page, '#e2', 1)]]) {
      await query();
      const industries = [...breakdownCsv('industry', options).rows.values()].filter((row) => row.mean_score !== '');
      const j = industries.find((row) => row.group === 'J');
      const rank = 1 + industries.filter((row) => Number(row.mean_score) > Number(j.mean_score)).length;
      const ordinal = rank === 1 ? '1st' : rank === 2 ? '2nd' : rank === 3 ? '3rd' : `${rank}th`;
      const mean = (Math.round(Number(j.mean_score) * 100) / 100).toFixed(2);
      await page.waitForFunction((expected) => document.querySelector('#role-who [data-part="text"]').textContent.endsWith(expected)
                                 && !document.querySelector('#role-who [data-part="text"]').hidden,
                                 `ranks ${ordinal} of 19 by mean exposure, at ${mean} (APS 2024).`, { timeout: 15000 });
      assert.match(await line(), /^Women hold an estimated 23% of its employee jobs and men 77% /, 'the split does not follow the scores');
    }
    assert.equal(fetched.filter((path) => path === '/data/breakdowns.json').length, 1);
    await page.assertClean();
    await page.context().close();
  });

  test('each breakdown downloads as CSV, byte for byte what ukexp writes under the same assumptions', async () => {
    const page = await open('?e2=0.5&measure=ilo2025');
    for (const kind of KINDS) {
      await inView(page, `#who-${kind}`);
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-breakdown-csv="${kind}"]`).click()]);
      assert.equal(download.suggestedFilename(), `uk-ai-exposure-${kind}.csv`);
      const dir = await mkdtemp(join(tmpdir(), 'aiexp-breakdown-'));
      const path = join(dir, download.suggestedFilename());
      await download.saveAs(path);
      const csv = await readFile(path, 'utf8');
      await rm(dir, { recursive: true, force: true });
      assert.equal(csv, breakdownCsv(kind, ['--e2', '0.5', '--measure', 'ilo2025']).csv, kind);
    }
    await page.assertClean();
    await page.context().close();
  });

  test('"Embed this chart" under a breakdown writes its chart element with the assumptions, pinned, and its iframe form', async () => {
    const page = await open('?e2=1');
    await inView(page, '#who-region');
    await page.locator('[data-embed-chart="region"]').click();
    await page.waitForFunction(() => document.querySelector('#chart-embed-code').value !== '');
    const code = await page.locator('#chart-embed-code').inputValue();
    assert.match(code, /<uk-ai-exposure-chart kind="region" e2="1">/);
    assert.match(code, /embed-chart\.html\?kind=region&amp;e2=1&amp;frame-id=uk-ai-exposure-chart-region/);
    const integrity = JSON.parse(await readFile(join(siteDir, 'embed-integrity.json'), 'utf8'));
    assert.ok(code.includes(`src="${site.url}${integrity.chart.entry}" integrity="${integrity.integrity[integrity.chart.entry]}"`));
    // The box opens under the chart it is for.
    assert.equal(await page.locator('#who-region + #chart-embed-box').count(), 1);
    await page.assertClean();
    await page.context().close();
  });

  for (const [colorScheme, width] of [['light', 1280], ['dark', 360]]) {
    test(`axe finds no violation in who is exposed, live, ${colorScheme} at ${width} px, and nothing scrolls sideways`, async () => {
      const page = await open('?e2=1', { colorScheme, viewport: { width, height: 900 } });
      await breakdownsDrawn(page, 'e2=1');
      assert.deepEqual(await axeViolations(page, '#who'), []);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'the page scrolls sideways');
      for (const kind of ['sex', 'industry', 'region', 'pay']) {
        await inView(page, `#who-${kind}`);
        await screenshot(page, `who-${kind}-${colorScheme}-${width}`);
      }
      // A Source panel opens live with the figures in force, and fits the screen.
      await page.locator('#who-region li[data-key="London"] .source-button').click();
      const panel = page.locator('#provenance-breakdown_region-london');
      await panel.waitFor();
      assert.match(await panel.locator('[data-part="assumptions"]').textContent(), /E2 = 1/);
      const box = await panel.boundingBox();
      assert.ok(box.x >= 0 && box.x + box.width <= width, `the panel spans ${box.x} to ${box.x + box.width}`);
      assert.deepEqual(await axeViolations(page, '#provenance-breakdown_region-london'), []);
      await screenshot(page, `who-source-${colorScheme}-${width}`);
      await page.assertClean();
      await page.context().close();
    });
  }
});

describe('<uk-ai-exposure-chart> of who is exposed', () => {
  test('on a host on another origin with a strict CSP, the five kinds draw what ukexp computes, from one data download', async () => {
    const { head, integrity } = await pinnedSnippet(site.url, 'chart');
    const widgetOrigin = new URL(site.url).origin;
    const host = await hostPage(site.url, { head, body: `<h1>An article</h1>
<uk-ai-exposure-chart id="sex" kind="sex"></uk-ai-exposure-chart>
<uk-ai-exposure-chart id="pattern" kind="pattern" e2="1"></uk-ai-exposure-chart>
<uk-ai-exposure-chart id="industry" kind="industry" e2="1" theme="dark"></uk-ai-exposure-chart>
<uk-ai-exposure-chart id="region" kind="region"></uk-ai-exposure-chart>
<uk-ai-exposure-chart id="pay" kind="pay" measure="ilo2025"></uk-ai-exposure-chart>` });
    try {
      const page = await openPage(browser, 'about:blank', { allowedOrigins: host.origins });
      const paths = [];
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (url.origin === widgetOrigin) paths.push(url.pathname.replace(/^\/releases\/[0-9a-f]{16}\//, '/'));
      });
      await page.goto(host.url);
      await page.waitForFunction(() => [...document.querySelectorAll('uk-ai-exposure-chart')].every((c) => c.dataset.state === 'ready'),
                                 null, { timeout: 30000 });
      assert.equal(paths.filter((path) => path === '/data/breakdowns.json').length, 1, 'the breakdowns\' data load once for the page');
      // Every script that ran is one the snippet pinned.
      const pinned = new Set([...integrity.chart.preload, integrity.chart.entry].map((path) => path.replace(/^releases\/[0-9a-f]{16}\//, '')));
      assert.deepEqual([...new Set(paths.filter((path) => path.endsWith('.js')).map((path) => path.slice(1)))].filter((path) => !pinned.has(path)), []);
      const shadowRows = (id) => page.locator(`#${id}`).evaluate((host) => [...host.shadowRoot.querySelectorAll('[data-part="rows"] > li')].map((li) => ({
        key: li.dataset.key, mean: li.dataset.mean === '' ? NaN : Number(li.dataset.mean), employees: Number(li.dataset.employees),
      })));
      for (const [id, options] of [['sex', []], ['pattern', ['--e2', '1']], ['industry', ['--e2', '1']], ['region', []], ['pay', ['--measure', 'ilo2025']]]) {
        const [head, ...lines] = execFileSync(UKEXP, ['breakdown', id, '--csv', ...options], { encoding: 'utf8' }).trim().split(/\r?\n/);
        const names = fields(head);
        const expected = new Map(lines.map((line) => {
          const row = Object.fromEntries(fields(line).map((value, i) => [names[i], value]));
          return [row.group, row];
        }));
        const drawnRows = await shadowRows(id);
        assert.equal(drawnRows.length, expected.size, id);
        for (const row of drawnRows) {
          assert.ok(Math.abs(row.mean - Number(expected.get(row.key).mean_score)) < 1e-8, `${id} ${row.key}`);
        }
      }
      const text = (id) => page.locator(`#${id}`).evaluate((host) => host.shadowRoot.textContent);
      assert.match(await text('sex'), /^Exposure to AI by sex/);
      assert.match(await text('sex'), /estimates, not counts ONS publishes/);
      assert.match(await text('industry'), /People in employment, self-employed included, in 2024 \(Annual Population Survey\)/);
      assert.doesNotMatch(await text('industry'), /Employees only/, 'the APS counts the self-employed too');
      assert.match(await text('pay'), /© ILO, CC BY 4\.0/);
      assert.equal(await page.locator('#region').evaluate((host) => host.shadowRoot.querySelectorAll('.bd-tile').length), 12);
      // No Source buttons in an article: the source line names the data instead, and links the section.
      assert.equal(await page.locator('#sex').evaluate((host) => host.shadowRoot.querySelectorAll('.source-button').length), 0);
      assert.match(await page.locator('#region').evaluate((host) => host.shadowRoot.querySelector('a[part="link"]').href), /\/(index\.html)?#who$/);
      assert.deepEqual(await axeViolationsWithoutCsp(browser, host.url, { prepare: async (p) => {
        await p.waitForFunction(() => [...document.querySelectorAll('uk-ai-exposure-chart')].every((c) => c.dataset.state === 'ready'), null, { timeout: 30000 });
      } }), []);
      await screenshot(page, 'who-charts-host');
      await page.setViewportSize({ width: 360, height: 900 });
      await page.waitForTimeout(300);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), 'the host page scrolls sideways at 360 px');
      await page.locator('#region').scrollIntoViewIfNeeded();
      await screenshot(page, 'who-charts-host-360');
      await page.assertClean();
      await page.context().close();
    } finally {
      await host.close();
    }
  });
});

describe('accessibility and layout', () => {
  for (const [colorScheme, width] of [['light', 1280], ['dark', 360]]) {
    test(`axe finds no violation in the overview, ${colorScheme} at ${width} px, and nothing scrolls sideways`, async () => {
      const page = await open('', { colorScheme, viewport: { width, height: 900 } });
      assert.deepEqual(await axeViolations(page), []);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'the page scrolls sideways');
      await page.locator('#threshold').scrollIntoViewIfNeeded();
      await screenshot(page, `glance-${colorScheme}-${width}`);
      await page.locator('#groups-figure').scrollIntoViewIfNeeded();
      await screenshot(page, `glance-groups-${colorScheme}-${width}`);
      await page.assertClean();
      await page.context().close();
    });
  }

  test('axe finds no violation on the chart demo page', async () => {
    const url = `${site.url}embed-charts-demo.html`;
    assert.deepEqual(await axeViolationsWithoutCsp(browser, url, { prepare: async (p) => {
      await p.waitForFunction(() => [...document.querySelectorAll('uk-ai-exposure-chart')].every((c) => c.dataset.state === 'ready'),
                              null, { timeout: 30000 });
    } }), []);
  });
});
