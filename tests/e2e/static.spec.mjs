// Static first: every role is a pre-rendered page that reads without JavaScript, carries its sharing tags, and
// becomes the live calculator without changing or moving what is on screen; old links and unknown codes lead
// somewhere sensible.
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';

import { parseHTML } from 'linkedom';

import { HOME_TABLE_ROWS, ROLE_PAGE_TASKS } from '../../tools/site/pages.mjs';

import { axeViolations, drawn, editTask, inView, axeViolationsWithoutJavaScript, checkValues, openPage, screenshot, setInput, siteDir, text, useSiteAndBrowser, waitForApp } from './harness.mjs';

let browser;
let site;
useSiteAndBrowser((env) => ({ browser, site } = env));

const field = (page, name) => text(page, `#occupation [data-field="${name}"]`);

async function openWithoutScript(path, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', javaScriptEnabled: false,
                                            ...options });
  const page = await context.newPage();
  const response = await page.goto(`${site.url}${path}`);
  return { page, response };
}

describe('without JavaScript', () => {
  test('every page offers only what works without it: no enabled control that needs a script, no promise of sorting', async () => {
    for (const path of ['', 'occupation/1137/', 'occupation/2311/', 'occupations/', 'methodology/']) {
      const { page } = await openWithoutScript(path);
      // What a reader can reach and use: native disclosures (summary), links, and buttons that open a popover.
      const dead = await page.evaluate(() => [...document.querySelectorAll('button, input, select, textarea')]
        .filter((control) => !control.disabled && !control.matches(':disabled') && control.checkVisibility({ visibilityProperty: true }))
        .filter((control) => !(control.matches('button') && control.hasAttribute('popovertarget')))
        .map((control) => control.outerHTML.slice(0, 120)));
      assert.deepEqual(dead, [], `${path || 'home'}: controls that do nothing without JavaScript`);
      // The score's "?" opens what the score means.
      if (path.startsWith('occupation/')) {
        await page.click('button[popovertarget="score-help"]');
        assert.match(await page.locator('#score-help').innerText(), /^The share of this role's work/);
        await page.keyboard.press('Escape');
      }
      if (path === '' || path === 'occupations/') {
        const caption = await page.locator('#occupations-table caption').textContent();
        assert.doesNotMatch(caption, /select a column heading|arrow keys/);
        assert.match(caption, /most exposed first; sorting by another column needs JavaScript\.$/);
        const rows = await page.locator('#occupations-body tr').count();
        if (path === '') {
          assert.equal(await page.locator('#table-count').isVisible(), false, 'no "All 412 occupations" over 30 rows');
          assert.equal(await page.locator('#table-more [data-part="more-text"]').textContent(), `The ${rows} most exposed of the 412 occupations are listed here.`);
        } else {
          assert.equal(await page.locator('#table-count').textContent(), `All ${rows} occupations.`);
        }
      }
      await page.context().close();
    }
  });

  for (const expected of checkValues.unit_groups) {
    test(`/occupation/${expected.soc}/ shows every default figure: ${expected.exposure_text}, ${expected.with_tools_text}, ${expected.wage_exposure_text}, ${expected.employees_text}, ${expected.median_pay_text}, "${expected.can_do} of ${expected.task_count}"`, async () => {
      const { page, response } = await openWithoutScript(`occupation/${expected.soc}/`);
      assert.equal(response.status(), 200);
      assert.equal(await page.locator('#occupation').isVisible(), true);
      assert.equal(await field(page, 'title'), expected.title);
      assert.equal(await field(page, 'soc'), expected.soc);
      assert.ok((await field(page, 'description')).length > 50, 'the ONS description is there');
      assert.equal(await field(page, 'employeesText'), expected.employees_text);
      assert.equal(await field(page, 'medianPayText'), expected.median_pay_text);
      // ONS's precision of each (ASHE 2025 Table 14.7b; tests/core/figures_test.cpp checks the readings and intervals).
      const precision = { 1137: ['CV 7.1%: reasonably precise', '95% interval 52k–68k', 'CV 5.3%: reasonably precise', '95% interval £80,700–£99,400'],
                          2132: ['CV 4%: precise', '95% interval 196k–230k', 'CV 3.1%: precise', '95% interval £52,100–£58,900'] }[expected.soc];
      assert.deepEqual([await field(page, 'employeesReadingText'), await field(page, 'employeesIntervalLabel'),
                        await field(page, 'medianPayReadingText'), await field(page, 'medianPayIntervalLabel')], precision);
      assert.equal(await field(page, 'scoreText'), expected.exposure_text);
      assert.equal(await field(page, 'band'), expected.band);
      assert.equal(await field(page, 'directText'), expected.direct_text);
      assert.equal(await field(page, 'withToolsText'), expected.with_tools_text);
      assert.equal(await field(page, 'wageExposureText'), expected.wage_exposure_text);
      assert.match(await field(page, 'rankText'), /^Higher exposure than \d+% of the \d+ UK occupations we scored\.$/);
      // The strip of where it sits: a tick for every score shown (0.1 steps), the role's own marked at its score.
      const ticks = (await page.locator('#occupation [data-part="rank-ticks"]').getAttribute('d')).match(/M\d+ /g);
      assert.ok(ticks.length > 30 && ticks.length <= 101, `${ticks.length} ticks`);
      assert.equal(await page.locator('#occupation [data-part="rank-marker"]').getAttribute('x1'), String(Math.round(Number(expected.exposure_text) * 10)));
      assert.ok((await field(page, 'bandMeaning')).length > 20 && (await field(page, 'bandAdvice')).length > 20);
      assert.equal(await field(page, 'canDoText'), expected.can_do_text);
      // The band over the 18 combinations of source, weighting and bridge (tests/core/score_test.cpp checks its
      // ends against explicit recomputes): under the defaults both published roles span 0.0 to 3.0.
      assert.equal(await field(page, 'rangeText'), '0.0–3.0');
      assert.match(await text(page, '#occupation .sensitivity__ends'), /^Lowest: 0\.0 with .+ bridge\. Highest: 3\.0 with .+ bridge\.$/);
      assert.match(await field(page, 'mappedVia'), new RegExp(expected.onet.replace('.', '\\.')));
      // Each figure's provenance panel opens without JavaScript (a popover): 1137's wage exposure reads the issue's check.
      await page.click('.source-button[popovertarget="provenance-wage_exposure"]');
      assert.equal(await page.locator('#provenance-wage_exposure').isVisible(), true);
      assert.match(await text(page, '#provenance-wage_exposure [data-part="formula"]'),
                   { 1137: /^60,000 × £90,081 × 0\.12 = £648\.6m/, 2132: /^213,000 × £55,502 × 0\.12 = £1,418\.6m/ }[expected.soc]);
      assert.equal(await page.locator('#provenance-wage_exposure [data-part="copy"]').isVisible(), false, 'copying needs JavaScript');
      await page.keyboard.press('Escape');
      assert.match(await field(page, 'bridgeQualityText'), { 1137: /^Good: ISCO-08 1330 carries 93% /, 2132: /^Partial: ISCO-08 1330 carries 73% / }[expected.soc]);
      // The task list: every task with its statement, its label and O*NET's importance.
      const tasks = page.locator('#task-list > li');
      assert.equal(await tasks.count(), expected.task_count);
      assert.equal(await page.locator('#task-list > li[data-label="E1"]').count(), expected.can_do);
      const importances = (await page.locator('#task-list [data-part="facts"]').allTextContents()).map((facts) => facts.split(' · ')[0]);
      assert.deepEqual([...importances].sort(),
                       checkValues.onet_11_3021.tasks.map((t) => `importance ${t.importance_text}/5`).sort());
      for (const statement of await page.locator('#task-list [data-part="text"]').allTextContents()) {
        assert.ok(statement.length > 10 && !statement.includes('loading'), statement);
      }
      assert.equal(await page.locator('#start-list > li').count(), 3);
      assert.ok((await page.locator('#bridge-rows tr').count()) >= 1);
      assert.match(await text(page, '#bridge-onets'), new RegExp(expected.onet_title));
      // The role page is the role: the UK overview and the methodology are pages of their own, linked from it.
      for (const absent of ['#overview', '#occupations', '#uk-totals', '#treemap', '#methodology']) {
        assert.equal(await page.locator(absent).count(), 0, `${absent} is not on a role page`);
      }
      assert.deepEqual(await page.locator('#role-more a').evaluateAll((links) => links.map((link) => link.getAttribute('href'))),
                       ['/#overview', '/methodology/']);
      assert.match(await text(page, '.site-footer'), /Open Government Licence/);
      // What needs the calculator says so, and its controls are not offered.
      assert.equal(await page.locator('.tasks .js-note').isVisible(), true);
      assert.equal(await page.locator('#e2').isDisabled(), true);
      assert.equal(await page.locator('[data-action="copy-link"]').isVisible(), false);
      await screenshot(page, `static-${expected.soc}-no-js`);
      await page.context().close();
      assert.deepEqual(await axeViolationsWithoutJavaScript(browser, `${site.url}occupation/${expected.soc}/`), []);
    });
  }

  test('the home page leads with the UK: the treemap, the totals, the charts and the most exposed occupations, linking every one', async () => {
    const { page } = await openWithoutScript('');
    // The table holds the most exposed; it says so and links the page that holds every occupation.
    const links = page.locator('#occupations-body a.row-link');
    assert.equal(await links.count(), HOME_TABLE_ROWS);
    assert.ok(HOME_TABLE_ROWS >= 25, 'the home page lists at least the 25 most exposed');
    assert.match(await text(page, '#table-more'), new RegExp(`^The ${HOME_TABLE_ROWS} most exposed of the 412 occupations are listed here\\. Every occupation in one table$`));
    assert.equal(await page.locator('#table-more a').getAttribute('href'), '/occupations/');
    assert.equal(await page.locator('#empty-state').count(), 0, 'no empty card');
    assert.ok(await page.locator('#treemap a').count() > 300, 'the treemap links every occupation with employees');
    for (const total of ['employeesText', 'meanScoreText', 'wageExposureText']) {
      assert.notEqual((await text(page, `[data-total="${total}"]`)).trim(), '');
    }
    assert.equal(await text(page, '#assumptions-line'), 'GPT-4 labels · direct · core weights · modal bridge');
    assert.equal(await page.locator('#chart .chart__bar').count(), 20);
    assert.match(await text(page, '#chart-summary'), /scored occupations/);
    // Every occupation, each with every figure and a link to its page.
    await page.locator('#table-more a').click();
    await page.waitForURL(/\/occupations\/$/);
    const all = page.locator('#occupations-body a.row-link');
    assert.equal(await all.count(), 412);
    assert.equal(new Set(await all.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('href')))).size, 412);
    assert.equal(await page.locator('#table-more').isVisible(), false);
    assert.equal(await text(page, '#occupations-body tr[data-soc="1137"] [data-part="score"]'), '1.2');
    await page.locator('#occupations-body a.row-link[href="/occupation/2132/"]').click();
    await page.waitForURL(/\/occupation\/2132\/$/);
    assert.equal(await field(page, 'wageExposureText'), '£1.42bn');
    await page.context().close();
    for (const path of ['', 'occupation/9999/', 'occupation/2311/', 'methodology/', 'occupations/']) {
      assert.deepEqual(await axeViolationsWithoutJavaScript(browser, `${site.url}${path}`), [], path || 'the home page');
    }
  });

  test('the home page says who is exposed: every breakdown at the issue\'s check values, captioned, with its Source panels', async () => {
    const { page } = await openWithoutScript('');
    const expected = checkValues.breakdowns;
    const rows = (id) => page.locator(`#who-${id} [data-part="rows"] > li`).evaluateAll((items) => items.map((li) => ({
      key: li.dataset.key, mean: li.dataset.mean === '' ? NaN : Number(li.dataset.mean), employees: Number(li.dataset.employees),
      value: li.querySelector('[data-part="value"]').textContent, text: li.textContent,
      source: li.querySelector('.source-button')?.getAttribute('popovertarget') ?? '',
    })));
    const near = (actual, wanted, tolerance, what) => assert.ok(Math.abs(actual - wanted) <= tolerance, `${what}: ${actual} against ${wanted} ± ${tolerance}`);
    const sex = Object.fromEntries((await rows('sex')).map((row) => [row.key, row]));
    for (const side of ['female', 'male']) {
      near(sex[side].employees, expected.sex[side].employees, expected.total_tolerance * expected.sex[side].employees, `${side} employees`);
      near(sex[side].mean, expected.sex[side].mean_score, expected.mean_tolerance, `${side} mean`);
    }
    assert.deepEqual([sex.female.value, sex.male.value], ['1.82', '1.59']);
    assert.match(sex.female.text, /12\.6m employee jobs \(estimated\) · 8\.4% in occupations at 6\.0 or above/);
    assert.match(sex.male.text, /12m employee jobs \(estimated\) · 5\.7% in occupations at 6\.0 or above/);
    const pattern = Object.fromEntries((await rows('pattern')).map((row) => [row.key, row]));
    near(pattern.full_time.mean, expected.pattern.full_time.mean_score, expected.mean_tolerance, 'full-time mean');
    near(pattern.part_time.mean, expected.pattern.part_time.mean_score, expected.mean_tolerance, 'part-time mean');
    // The industries, most exposed first: J (3.38; see check_values.json on the 3.39) to A (0.85).
    const industry = await rows('industry');
    assert.equal(industry.length, 19);
    for (let i = 1; i < industry.length; i++) assert.ok(industry[i - 1].mean >= industry[i].mean, `${industry[i].key} sorted`);
    assert.deepEqual([industry[0].key, industry[0].value, industry.at(-1).key, industry.at(-1).value], ['J', '3.38', 'A', '0.85']);
    near(industry[0].mean, expected.industry.J.mean_score, expected.industry.J.tolerance, 'industry J');
    near(industry.at(-1).mean, expected.industry.A.mean_score, expected.mean_tolerance, 'industry A');
    const region = Object.fromEntries((await rows('region')).map((row) => [row.key, row]));
    assert.equal(Object.keys(region).length, 12);
    for (const name of ['London', 'East Midlands']) near(region[name].mean, expected.region[name].mean_score, expected.mean_tolerance, name);
    assert.match(region.London.text, /^London1\.62highest/);
    const pay = await rows('pay');
    assert.deepEqual(pay.map((row) => row.key), ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    near(pay[0].mean, expected.pay['1'].mean_score, expected.mean_tolerance, 'lowest-paid tenth');
    near(pay[9].mean, expected.pay['10'].mean_score, expected.mean_tolerance, 'highest-paid tenth');
    // Captions say in plain words what each count is, and which figures are estimates.
    assert.match(await text(page, '#who-sex [data-part="caption"]'), /^Employee jobs \(ASHE 2025; the self-employed are not counted\) .*estimates, not counts ONS publishes/);
    assert.match(await text(page, '#who-pattern [data-part="caption"]'), /estimates, not counts ONS publishes/);
    for (const kind of ['industry', 'region']) {
      assert.match(await text(page, `#who-${kind} [data-part="caption"]`), /^People in employment, self-employed included, in 2024 \(Annual Population Survey\)/);
    }
    assert.match(await text(page, '#who-pay [data-part="caption"]'), /^Employee jobs \(ASHE 2025\)/);
    assert.match(await text(page, '#who-sex [data-part="note"]'), /^Shares from the unit group's own 2024 jobs for 159 unit groups, its minor group's for 140/);
    // Every group opens its Source panel without JavaScript: J's formula has its numbers.
    const sources = [...Object.values(sex), ...Object.values(pattern), ...industry, ...Object.values(region), ...pay].map((row) => row.source);
    assert.equal(new Set(sources).size, 45);
    for (const id of sources) assert.equal(await page.locator(`#who-provenance > #${id}`).count(), 1, id);
    await page.locator('#who-industry li[data-key="J"] .source-button').click();
    assert.equal(await page.locator('#provenance-breakdown_industry-j').isVisible(), true);
    assert.match(await text(page, '#provenance-breakdown_industry-j [data-part="formula"]'), /= 3\.3848 over 105 published cells of scored unit groups, shown as 3\.38/);
    assert.match(await text(page, '#provenance-breakdown_industry-j [data-part="sources"]'), /Annual Population Survey/);
    await page.keyboard.press('Escape');
    await page.locator('#who-sex li[data-key="female"] .source-button').click();
    assert.match(await text(page, '#provenance-breakdown_sex-female [data-part="formula"]'), /an estimate \(2024 shares applied to 2025 employees\), not a count ONS publishes/);
    await page.keyboard.press('Escape');
    // What needs the calculator (CSV, embedding) is not offered.
    assert.equal(await page.locator('#who [data-breakdown-csv]').first().isVisible(), false);
    await page.locator('#who').scrollIntoViewIfNeeded();
    await screenshot(page, 'static-who-no-js');
    await page.context().close();
  });

  test('a role page says in one line how its jobs split by sex and where its industry stands', async () => {
    for (const [soc, source, industry, rank, mean] of [['2132', "this occupation's jobs", 'Information and communication', '1st', '3.38'],
                                                       ['2231', 'its minor group 223', 'Human health and social work activities', '15th', '1.39']]) {
      const { page } = await openWithoutScript(`occupation/${soc}/`);
      const line = await text(page, '#role-who [data-part="text"]');
      const match = /^Women hold an estimated (\d+)% of its employee jobs and men (\d+)% \(ASHE 2024 shares of (.+)\); its largest industry, (.+), ranks (\d+(?:st|nd|rd|th)) of 19 by mean exposure, at (\d\.\d\d) \(APS 2024(?:, a small sample)?\)\.$/.exec(line);
      assert.ok(match, line);
      assert.equal(Number(match[1]) + Number(match[2]), 100);
      assert.deepEqual(match.slice(3), [source, industry, rank, mean], line);
      assert.equal(await page.locator('#role-who a').getAttribute('href'), '/#who');
      await page.context().close();
    }
  });

  test('the methodology and its sources are a page of their own', async () => {
    const { page, response } = await openWithoutScript('methodology/');
    assert.equal(response.status(), 200);
    assert.equal(await text(page, 'h1'), 'Methodology and sources');
    assert.match(await text(page, '#methodology'), /Annual Survey of Hours and Earnings 2025/);
    assert.equal(await page.locator('#methodology a[href="/data/SOURCES.md"]').count(), 1);
    // Now that the pages show the breakdowns, it says what they count and what is estimated.
    assert.match(await text(page, '#breakdowns + p'), /never added together|Each figure is a mean/);
    const breakdowns = await page.locator('#methodology ul').textContent();
    assert.match(breakdowns, /By sex and by working pattern: estimates\./);
    assert.match(breakdowns, /ASHE 2024 provisional/);
    assert.match(breakdowns, /By industry: published counts\..*Annual Population Survey's 2024/s);
    assert.match(breakdowns, /minor group's score .* an estimate of the calculator's/s);
    assert.match(await text(page, '.site-footer'), /Open Government Licence/);
    assert.match(await page.title(), /Methodology/);
    await page.context().close();
  });
});

// Installed before the page's scripts: the layout shifts of the whole load, and what the regions a visitor reads
// say before any script of the page has run (DOMContentLoaded comes before the calculator is loaded).
function recordHydration(regions) {
  // Sections below the first screen are laid out only when near (content-visibility: auto), and innerText reads
  // a section that was never laid out without its line breaks: every section is laid out here, so both readings
  // are of laid-out text (a constructable sheet, which the page's CSP allows).
  const laidOut = new CSSStyleSheet();
  laidOut.replaceSync('* { content-visibility: visible !important; }');
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, laidOut];
  // What each region reads, by its selector.
  window.regionTexts = (selectors) => Object.fromEntries(selectors.map((selector) => [
    selector, [...document.querySelectorAll(selector)].map((node) => (node.hidden ? '' : node.innerText)),
  ]));
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shifts.push(entry.value);
  }).observe({ type: 'layout-shift', buffered: true });
  document.addEventListener('DOMContentLoaded', () => {
    window.__before = regionTexts(regions);
    window.__stateBefore = document.documentElement.dataset.state;
  });
}

const WHOLE_VIEW = ['#occupation', '#empty-state', '.totals', '#assumptions', '#chart-summary', '#threshold', '#groups-chart', '#role-more', '#who'];
// 2311 has 866 tasks: its HTML lists the most exposed and the live page all of them, below those.
const FIGURES_ONLY = ['#occupation .occupation__title', '#occupation .figures', '#occupation .rank', '#occupation .band-texts',
  '#occupation .tasks__summary', '#assumptions', '#role-more'];

describe('the iframe cards without JavaScript', () => {
  test('embed/1137.html shows the default card and says so; embed.html, which draws by script, says what it needs', async () => {
    const { page } = await openWithoutScript('embed/1137.html');
    assert.match(await page.locator('uk-ai-exposure').evaluate((host) => host.shadowRoot.textContent), /1\.2\/10/);
    assert.match(await text(page, '.card-note'), /JavaScript is off: this card shows the figures under the default assumptions/);
    assert.equal(await page.locator('.card-fallback').isVisible(), false);
    await page.goto(`${site.url}embed.html?soc=1137`);
    assert.match(await text(page, '.card-note'), /This card needs JavaScript to draw/);
    assert.equal(await page.locator('.card-note a').getAttribute('href'), 'index.html');
    assert.equal(await page.locator('.card-fallback').isVisible(), false);
    await page.context().close();
    for (const path of ['embed/1137.html', 'embed.html?soc=1137']) {
      assert.deepEqual(await axeViolationsWithoutJavaScript(browser, `${site.url}${path}`), [], path);
    }
  });
});

describe('hydration', () => {
  for (const [path, regions] of [['occupation/1137/', WHOLE_VIEW], ['occupation/2132/', WHOLE_VIEW], ['', WHOLE_VIEW],
                                 ['occupation/2311/', FIGURES_ONLY]]) {
    // What an input changes: a role page's headline, the home page's UK mean.
    const changed = path ? '#occupation [data-field="scoreText"]' : '[data-total="meanScoreText"]';
    test(`${path || 'the home page'} becomes live without changing a figure or shifting the layout`, async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
      await context.addInitScript(recordHydration, regions);
      const page = await context.newPage();
      const problems = [];
      page.on('console', (message) => ['error', 'warning'].includes(message.type()) && problems.push(message.text()));
      page.on('pageerror', (error) => problems.push(error.message));
      await page.goto(`${site.url}${path}`);
      await page.waitForFunction(() => document.documentElement.dataset.state === 'ready', null, { timeout: 30000 });
      // Read where it is, without scrolling: the layout is being watched for shifts.
      const before = await page.locator(changed).textContent();
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const result = await page.evaluate((regions) => ({
        stateBefore: window.__stateBefore,
        before: window.__before,
        after: window.regionTexts(regions),
        shift: window.__shifts.reduce((sum, value) => sum + value, 0),
      }), regions);
      assert.equal(result.stateBefore, 'static');
      // Region by region, so that a failure names the one that changed.
      for (const selector of regions) assert.deepEqual(result.after[selector], result.before[selector], `${selector} changed when it became live`);
      assert.ok(result.shift <= 0.01, `cumulative layout shift ${result.shift}`);
      assert.deepEqual(problems, []);
      // Live now: the controls work and an input recomputes.
      assert.equal(await page.locator('#e2').isDisabled(), false);
      await page.click('#assumptions > summary');
      await setInput(page, '#e2', 1);
      assert.notEqual(await text(page, changed), before);
      assert.equal(await text(page, '#assumptions-line'), 'GPT-4 labels · with tools · core weights · modal bridge');
      if (path === 'occupation/1137/' || path === 'occupation/2132/') {
        assert.equal(await field(page, 'scoreText'), '9.4');
        // Live, a task's Edit button and the controls it opens are named after its statement.
        const first = page.locator('#task-list > li').first();
        const statement = await first.locator('[data-part="text"]').textContent();
        assert.equal(await first.locator('[data-part="edit"]').getAttribute('aria-label'), `Edit task: ${statement}`);
        const row = await editTask(page, await first.getAttribute('data-task-id'));
        assert.equal(await row.locator('select').getAttribute('aria-label'), `Label of task: ${statement}`);
        assert.match(await row.locator('input').getAttribute('aria-label'), new RegExp(`^Weight of task: `));
      }
      assert.deepEqual(await axeViolations(page), []);
      await context.close();
    });
  }
});

describe('the core on demand', () => {
  // Every request's start, and the page's first paint and load event, on the page's own clock.
  const timeline = () => {
    const navigation = performance.getEntriesByType('navigation')[0];
    return {
      firstPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      loadEnd: navigation.loadEventEnd,
      requests: performance.getEntriesByType('resource').map((entry) => ({ path: new URL(entry.name).pathname, start: entry.startTime })),
    };
  };

  for (const path of ['occupation/1137/', '']) {
    test(`${path || 'the home page'} paints and loads without the core, which it asks for only once the page has loaded`, async () => {
      const page = await openPage(browser, `${site.url}${path}`);
      await waitForApp(page);
      const seen = await page.evaluate(timeline);
      const core = seen.requests.filter((request) => /\.wasm$|\/data\/(bundle|details|integrity)[^/]*\.json$|\/app\.js$/.test(request.path));
      assert.ok(core.some((request) => request.path.endsWith('.wasm')), 'the core did load, when idle');
      assert.ok(seen.firstPaint !== null && seen.loadEnd > 0);
      for (const request of core) {
        assert.ok(request.start >= seen.loadEnd && request.start >= seen.firstPaint,
                  `${request.path} asked for at ${request.start} ms, before the first paint (${seen.firstPaint}) or the load event (${seen.loadEnd})`);
      }
      await page.assertClean();
      await page.context().close();
    });
  }

  test('what a visitor does before the core arrives is kept and applied, and a wait past 300 ms says so', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    const problems = [];
    page.on('console', (message) => ['error', 'warning'].includes(message.type()) && problems.push(message.text()));
    page.on('pageerror', (error) => problems.push(error.message));
    let releaseCore;
    const coreHeld = new Promise((resolve) => { releaseCore = resolve; });
    await page.route(/\.wasm$/, async (route) => {
      await coreHeld;
      await route.continue();
    });
    await page.goto(`${site.url}occupation/1137/`);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.state), 'static');
    // The controls look usable from the start; the visitor opens the assumptions, picks "With tools" and
    // "every task equally", and types in the search, all before the core is in.
    await page.click('#assumptions > summary');
    assert.equal(await page.locator('#e2').isDisabled(), false);
    await page.click('[data-preset="zeta"]');
    await page.check('input[name="weights"][value="equal"]');
    await page.fill('#role-search', '2132');
    await page.waitForFunction(() => document.querySelector('#load-state')?.dataset.state === 'loading');
    assert.equal((await text(page, '#load-state')).trim(), 'Loading the calculator…');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.state), 'static');
    releaseCore();
    await page.waitForFunction(() => document.documentElement.dataset.state === 'ready', null, { timeout: 30000 });
    await drawn(page);
    // Every one of those inputs is in force: with tools under equal weights, and the search's results listed.
    assert.equal(await page.locator('[data-preset="zeta"]').getAttribute('aria-pressed'), 'true');
    assert.equal(await page.isChecked('input[name="weights"][value="equal"]'), true);
    assert.equal(await text(page, '#assumptions-line'), 'GPT-4 labels · with tools · equal weights · modal bridge');
    await page.waitForFunction(() => /(^\?|&)e2=1(&|$)/.test(location.search) && /=equal(&|$)/.test(location.search));
    assert.notEqual(await field(page, 'scoreText'), '1.2');
    await page.waitForFunction(() => document.querySelector('#role-results [role="option"]'));
    assert.match(await page.locator('#role-results [role="option"]').first().textContent(), /2132/);
    assert.equal(await page.locator('#load-state').isVisible(), false, 'the loading note is gone');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a core that cannot be downloaded ends the wait in the clear message, the figures still readable', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    await page.route(/\.wasm$/, (route) => route.abort('failed'));
    await page.goto(`${site.url}occupation/1137/`);
    await page.click('#assumptions > summary');
    await page.waitForFunction(() => document.querySelector('#load-state')?.dataset.state === 'error', null, { timeout: 30000 });
    assert.match(await text(page, '#load-state'), /could not|failed/i);
    assert.equal(await field(page, 'scoreText'), '1.2');
    await page.context().close();
  });
});

describe('preloads', () => {
  // Chromium warns of a preload not used within a few seconds of the load event: a program that arrives late
  // (a slow network, a busy machine) must not leave the preloaded data unclaimed until it runs.
  test('a role page whose program arrives 5 s late claims every data file it preloads', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    const problems = [];
    page.on('console', (message) => ['error', 'warning'].includes(message.type()) && problems.push(message.text()));
    const requests = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await page.route(/\.wasm$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 5000));
      await route.continue();
    });
    await page.goto(`${site.url}occupation/1137/`);
    await page.waitForFunction(() => document.documentElement.dataset.state === 'ready', null, { timeout: 30000 });
    assert.equal(await field(page, 'scoreText'), '1.2');
    assert.deepEqual(problems, []);
    // Each preloaded file was downloaded once: the page's fetch took the preload's response.
    const preloaded = await page.locator('link[rel="preload"]').evaluateAll((links) => links.map((link) => new URL(link.href).pathname));
    assert.ok(preloaded.includes('/data/text/tasks-11.json'), preloaded.join(' '));
    for (const path of preloaded) assert.equal(requests.filter((seen) => seen === path).length, 1, path);
    await context.close();
  });
});

describe('long task lists', () => {
  test('a role with hundreds of tasks lists the most exposed, links the file of all, and lists all when live', async () => {
    const { page } = await openWithoutScript('occupation/2311/');
    const listed = await page.locator('#task-list > li').count();
    assert.equal(listed, ROLE_PAGE_TASKS);
    assert.ok(ROLE_PAGE_TASKS >= 50, 'a role page lists at least its 50 most exposed tasks');
    assert.match(await text(page, '#tasks-more'), /most exposed of the \d+ tasks/);
    const href = await page.locator('#tasks-more a').getAttribute('href');
    assert.equal(href, '/data/tasks/2311.csv');
    const csv = await (await fetch(`${site.url}${href.slice(1)}`)).text();
    const total = csv.trim().split('\n').length - 1;
    assert.ok(total > 200, `${total} tasks in the file`);
    await page.context().close();
    const live = await openPage(browser, `${site.url}occupation/2311/`);
    await waitForApp(live);
    // Live, the list holds every task: those in view are drawn, each saying where it sits among all of them.
    await inView(live, '#tasks-heading');
    const drawnTasks = live.locator('#task-list > li.task');
    assert.ok(await drawnTasks.count() < total, 'a list this long is drawn in part');
    assert.equal(await drawnTasks.first().getAttribute('aria-setsize'), String(total));
    assert.equal(await drawnTasks.first().getAttribute('aria-posinset'), '1');
    // Scrolling to the list's end reaches its last task (as rows are measured the list's height settles, so a
    // reader, like this loop, scrolls on until the end stays put).
    const last = `#task-list > li.task[aria-posinset="${total}"]`;
    for (let attempt = 0; attempt < 20 && !(await live.locator(last).count()); attempt++) {
      await live.evaluate(() => {
        const list = document.querySelector('#task-list');
        window.scrollTo(0, list.getBoundingClientRect().bottom + window.scrollY - window.innerHeight);
      });
      await drawn(live);
      await drawn(live);
    }
    assert.equal(await live.locator(last).count(), 1, 'the last task is drawn at the end of the list');
    assert.equal(await live.locator('#tasks-more').isVisible(), false);
    await live.assertClean();
    await live.context().close();
  });
});

describe('addresses', () => {
  test('/?soc=1137 with assumptions leads to the role\'s page with the same assumptions', async () => {
    const page = await openPage(browser, `${site.url}?soc=1137&e2=0.5`);
    await waitForApp(page);
    assert.equal(new URL(page.url()).pathname, '/occupation/1137/');
    assert.equal(new URL(page.url()).search, '?e2=0.5');
    assert.equal(await page.inputValue('#e2'), '0.5');
    assert.equal(await field(page, 'title'), 'Information technology directors');
    assert.deepEqual(await axeViolations(page), []);
    await page.assertClean();
    await page.context().close();
  });

  test('where no server redirects /?soc=, the home page opens the role and moves the address to its page', async () => {
    const home = await (await fetch(site.url)).text();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    await page.route(/\/\?soc=2132$/, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: home }));
    await page.goto(`${site.url}?soc=2132`);
    await page.waitForFunction(() => document.documentElement.dataset.state === 'ready');
    await page.waitForFunction(() => location.pathname === '/occupation/2132/' && location.search === '');
    assert.equal(await field(page, 'wageExposureText'), '£1.42bn');
    // soc= twice: the last names the page, as the servers' redirect has it, and the role page names the other.
    await page.route(/\/\?soc=1137&e2=1&soc=2132$/, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: home }));
    await page.goto(`${site.url}?soc=1137&e2=1&soc=2132`);
    await page.waitForFunction(() => document.documentElement.dataset.state === 'ready' && location.pathname === '/occupation/2132/');
    await page.waitForFunction(() => location.search === '?e2=1');
    assert.match(await page.locator('#notices').textContent(), /soc=1137 \(Information technology directors\) in its query was left out/);
    await context.close();
  });

  test('the in-page anchors of the one-page site move to the page that holds them now, the assumptions with them', async () => {
    for (const [from, to] of [['occupation/1137/?e2=1#occupations', '/?e2=1#occupations'], ['occupation/2132/#overview', '/#overview'],
                              ['?e2=0.5#methodology', '/methodology/?e2=0.5'], ['occupation/1137/#methodology', '/methodology/']]) {
      const page = await openPage(browser, `${site.url}${from}`);
      await page.waitForURL((url) => `${url.pathname}${url.search}${url.hash}` === to);
      const anchor = new URL(page.url()).hash.slice(1);
      if (anchor) assert.equal(await page.locator(`#${anchor}`).count(), 1, to);
      await page.assertClean();
      await page.context().close();
    }
  });

  test('an unknown SOC in a path gets a real 404 page whose role search works', async () => {
    const response = await fetch(`${site.url}occupation/9999/`);
    assert.equal(response.status, 404);
    assert.match(response.headers.get('content-type'), /text\/html/);
    const page = await openPage(browser, `${site.url}occupation/9999/`, { expectErrors: [/404 \(Not Found\)/] });
    await waitForApp(page);
    assert.equal(await text(page, '#empty-state h1'), 'No page here');
    assert.deepEqual(await axeViolations(page), []);
    assert.equal(new URL(page.url()).pathname, '/occupation/9999/');
    await page.click('#role-search');
    await page.keyboard.type('2132');
    await page.waitForFunction(() => document.querySelector('#role-results [role="option"]'));
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.pathname === '/occupation/2132/');
    assert.equal(await field(page, 'title'), 'IT managers');
    await page.assertClean();
    await page.context().close();
  });

  test('the browser\'s back button returns to the role before', async () => {
    const page = await openPage(browser, `${site.url}occupation/1137/`);
    await waitForApp(page);
    await page.click('#role-search');
    await page.keyboard.type('2132');
    await page.waitForFunction(() => document.querySelector('#role-results [role="option"]'));
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.pathname === '/occupation/2132/');
    assert.equal(await field(page, 'title'), 'IT managers');
    await page.goBack();
    await page.waitForFunction(() => location.pathname === '/occupation/1137/');
    assert.equal(await field(page, 'title'), 'Information technology directors');
    assert.deepEqual(await axeViolations(page), []);
    await page.assertClean();
    await page.context().close();
  });
});

// Reads every role page of the assembled site: its head, and the file its share image names.
async function rolePages() {
  const bundle = JSON.parse(await readFile(join(siteDir, 'data', 'bundle.json'), 'utf8'));
  const socs = bundle.unit_groups.soc;
  return Promise.all(socs.map(async (soc) => ({ soc, html: await readFile(join(siteDir, 'occupation', soc, 'index.html'), 'utf8') })));
}

describe('size', () => {
  test('every role page\'s HTML is at most 30 KB gzip, as served', async () => {
    const { gzipSync } = await import('node:zlib');
    let largest = { soc: '', bytes: 0 };
    for (const { soc, html } of await rolePages()) {
      const bytes = gzipSync(html, { level: 9 }).length;
      if (bytes > largest.bytes) largest = { soc, bytes };
    }
    assert.ok(largest.bytes > 0 && largest.bytes <= 30 * 1024, `the largest, ${largest.soc}, is ${largest.bytes} bytes gzip`);
    const served = await fetch(`${site.url}occupation/${largest.soc}/`, { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(served.status, 200);
  });
});

describe('sharing', () => {
  test('every role page has its title, description, canonical address, Open Graph and Twitter tags and JSON-LD', async () => {
    const pages = await rolePages();
    assert.equal(pages.length, 412);
    const shareFiles = new Set((await readdir(join(siteDir, 'share'))).map((name) => `share/${name}`));
    for (const { soc, html } of pages) {
      const { document } = parseHTML(html);
      const meta = (selector) => document.querySelector(selector)?.getAttribute('content') ?? null;
      const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href');
      assert.match(canonical, new RegExp(`^https?://[^/]+/(.*/)?occupation/${soc}/$`), soc);
      const title = document.querySelector('title').textContent;
      assert.match(title, /: exposure to AI · UK AI Exposure$/, soc);
      assert.equal(meta('meta[property="og:title"]'), title);
      assert.equal(meta('meta[property="og:url"]'), canonical);
      const description = meta('meta[name="description"]');
      assert.ok(description.includes(`SOC 2020 ${soc}`), soc);
      assert.equal(meta('meta[property="og:description"]'), description);
      assert.equal(meta('meta[name="twitter:card"]'), 'summary_large_image');
      const image = meta('meta[property="og:image"]');
      assert.equal(meta('meta[name="twitter:image"]'), image);
      const imagePath = new URL(image).pathname.replace(/^\//, '');
      assert.ok(shareFiles.has(imagePath), `${soc}: ${imagePath} is in the site`);
      assert.match(imagePath, new RegExp(`^share/${soc}\\.[0-9a-f]{16}\\.png$`));
      const dataset = JSON.parse(document.querySelector('script[type="application/ld+json"]').textContent);
      assert.equal(dataset['@type'], 'Dataset');
      assert.ok(dataset.license.length >= 3, soc);
      // The sources as the bundle records them.
      assert.equal(dataset.isBasedOn.length, 19, soc);  // with the ILO, Microsoft and breakdowns' files
      assert.ok(dataset.isBasedOn.some((line) => /^Office for National Statistics, Annual Survey of Hours and Earnings, Table 14\.7a/.test(line)), soc);
    }
  });

  test('the role pages of the check values name their figures in their description', async () => {
    for (const expected of checkValues.unit_groups) {
      const html = await readFile(join(siteDir, 'occupation', expected.soc, 'index.html'), 'utf8');
      const { document } = parseHTML(html);
      const description = document.querySelector('meta[name="description"]').getAttribute('content');
      for (const figure of [expected.exposure_text, expected.with_tools_text, expected.wage_exposure_text,
                            expected.employees_text, expected.median_pay_text]) {
        assert.ok(description.includes(figure), `${expected.soc}: ${figure} in "${description}"`);
      }
    }
  });

  test('the page served for a role names its share image, which the server sends as a PNG', async () => {
    const html = await (await fetch(`${site.url}occupation/1137/`)).text();
    const image = parseHTML(html).document.querySelector('meta[property="og:image"]')?.getAttribute('content');
    assert.ok(image, 'og:image');
    const response = await fetch(`${site.url}${new URL(image).pathname.slice(1)}`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'image/png');
    const bytes = new Uint8Array(await response.arrayBuffer());
    assert.deepEqual([...bytes.slice(1, 4)].map((b) => String.fromCharCode(b)).join(''), 'PNG');
  });
});
