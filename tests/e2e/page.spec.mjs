// The calculator page in Chromium: the published figures, every assumption recomputing every figure, the task
// editor, search, table, comparison, permalinks, exports, accessibility and both themes at two widths.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';

import { COPY_WAIT_MS } from '../../web/ui/browser.js';
import { axeViolations, checkValues, drawn, editTask, inView, openPage, screenshot, setInput, showAssumptions, text, useSiteAndBrowser, waitForApp } from './harness.mjs';

let browser;
let site;
useSiteAndBrowser((env) => ({ browser, site } = env));

// A page of the site, live, with its assumptions panel open (closed, it is one line), as a visitor changing one has it.
async function open(path = '', options = {}) {
  const page = await openPage(browser, `${site.url}${path}`, options);
  await waitForApp(page);
  if (await page.locator('#assumptions').count()) await showAssumptions(page);
  return page;
}

// The home page's table narrowed to the row of `soc`: the score it shows.
async function tableScore(page, soc) {
  await inView(page, '#occupations');
  await page.fill('#table-filter', soc);
  await drawn(page);
  return text(page, `#occupations-body tr:has(a[data-soc="${soc}"]) [data-part="score"]`);
}

const field = (page, name) => text(page, `#occupation [data-field="${name}"]`);

describe('published figures', () => {
  for (const expected of checkValues.unit_groups) {
    test(`/?soc=${expected.soc} shows ${expected.exposure_text}, direct ${expected.direct_text}, with tools ${expected.with_tools_text}, ${expected.wage_exposure_text}, "${expected.can_do}" of ${expected.task_count}`, async () => {
      const page = await open(`?soc=${expected.soc}`);
      assert.equal(await field(page, 'title'), expected.title);
      assert.equal(await field(page, 'employeesText'), expected.employees_text);
      assert.equal(await field(page, 'medianPayText'), expected.median_pay_text);
      assert.equal(await field(page, 'scoreText'), expected.exposure_text);
      assert.equal(await field(page, 'band'), expected.band);
      assert.equal(await field(page, 'directText'), expected.direct_text);
      assert.equal(await field(page, 'withToolsText'), expected.with_tools_text);
      assert.equal(await field(page, 'wageExposureText'), expected.wage_exposure_text);
      assert.equal(await field(page, 'canDoText'), expected.can_do_text);
      await page.waitForFunction(() => !document.querySelector('#task-list').textContent.includes('loading'));
      assert.equal(await page.locator('#task-list > li').count(), expected.task_count);
      assert.equal(await page.locator('#task-list > li[data-label="E1"]').count(), expected.can_do);
      // E2 tasks read "AI can help", never "Human work" (the published page's display error).
      for (const chip of await page.locator('#task-list > li[data-label="E2"] [data-part="chip"]').allTextContents()) {
        assert.equal(chip, 'AI can help');
      }
      assert.match(await field(page, 'mappedVia'), new RegExp(expected.onet.replace('.', '\\.')));
    assert.deepEqual(await axeViolations(page), []);
      await page.assertClean();
      await page.context().close();
    });
  }

  test('the 11-3021.00 importances and where to start match the published page', async () => {
    const page = await open('?soc=1137');
    await page.waitForFunction(() => !document.querySelector('#task-list').textContent.includes('loading'));
    const importances = (await page.locator('#task-list [data-part="facts"]').allTextContents()).map((facts) => facts.split(' · ')[0]);
    const expected = checkValues.onet_11_3021.tasks.map((t) => `importance ${t.importance_text}/5`);
    assert.deepEqual([...importances].sort(), [...expected].sort());
    const ids = await page.locator('#task-list > li').evaluateAll((items) => items.map((i) => Number(i.dataset.taskId)));
    assert.deepEqual(ids.slice(0, 2), [969, 972]);
    const start = await page.locator('#start-list [data-part="text"]').allTextContents();
    assert.equal(start.length, 3);
    assert.match(start[0], /^Manage backup, security and user help systems/);
    await page.assertClean();
    await page.context().close();
  });
});

describe('assumptions recompute every figure', () => {
  test('e2 = 1 makes the headline 9.4 and recomputes wage exposure, rank and the range', async () => {
    const page = await open('?soc=1137');
    const before = { rank: await field(page, 'rankText') };
    const marker = () => page.locator('#occupation [data-part="range-marker"]').getAttribute('x1');
    assert.equal(await field(page, 'rangeText'), '0.0–3.0');
    assert.match(await marker(), /^12\.\d%$/);  // at the unrounded headline, 1.21
    await setInput(page, '#e2', 1);
    assert.equal(await field(page, 'scoreText'), '9.4');
    assert.equal(await field(page, 'directText'), '1.2');
    // The sensitivity band moves with the label values: 7.0 to 9.4, the headline at its top.
    assert.equal(await field(page, 'rangeText'), '7.0–9.4');
    assert.match(await page.locator('#occupation [data-part="range-band"]').getAttribute('x1'), /^(69\.[5-9]|70\.[0-4])%$/);
    assert.match(await marker(), /^9[34]\.\d%$/);
    assert.equal(await field(page, 'wageExposureText'), '£5.08bn');
    assert.notEqual(await field(page, 'rankText'), before.rank);
    assert.equal(await page.locator('#occupation [data-part="rank-marker"]').getAttribute('x1'), '94');
    assert.equal(await page.locator('[data-preset="zeta"]').getAttribute('aria-pressed'), 'true');
    assert.equal(await page.locator('#changed-badge').isVisible(), true);
    assert.equal(await text(page, '#assumptions-line'), 'GPT-4 labels · with tools · core weights · modal bridge');
    await page.waitForFunction(() => location.search.includes('e2=1'));
    await screenshot(page, 'page-e2-1-desktop');
    assert.deepEqual(await axeViolations(page), []);
    await page.click('#reset');
    assert.equal(await field(page, 'scoreText'), '1.2');
    assert.equal(await page.locator('#changed-badge').isVisible(), false);
    assert.equal(await text(page, '#assumptions-line'), 'GPT-4 labels · direct · core weights · modal bridge');
    await page.assertClean();
    await page.context().close();
  });

  test('on the home page, e2 = 1 recomputes the UK totals, the chart and the table', async () => {
    const page = await open('');
    const before = { mean: await text(page, '[data-total="meanScoreText"]'), chart: await text(page, '#chart-summary'),
                     row: await tableScore(page, '1137') };
    assert.equal(before.row, '1.2');
    await setInput(page, '#e2', 1);
    assert.notEqual(await text(page, '[data-total="meanScoreText"]'), before.mean);
    assert.notEqual(await text(page, '#chart-summary'), before.chart);
    assert.equal(await text(page, '#occupations-body tr:has(a[data-soc="1137"]) [data-part="score"]'), '9.4');
    await page.waitForFunction(() => location.pathname === '/' && location.search.includes('e2=1'));
    // Its links to the role pages carry the assumptions.
    assert.equal(await page.locator('#occupations-body a[data-soc="1137"]').getAttribute('href'), `/occupation/1137/${new URL(page.url()).search}`);
    assert.deepEqual(await axeViolations(page), []);
    await page.assertClean();
    await page.context().close();
  });

  test('every other assumption changes the figures it should', async () => {
    const page = await open('?soc=2132');
    const score = async () => {
      await drawn(page);
      return page.evaluate(() => window.ukAiExposure.lastRenderMs >= 0 &&
                                 document.querySelector('#occupation [data-field="scoreText"]').textContent);
    };
    await page.check('input[name="labels"][value="human"]');
    assert.equal(await score(), '3.0');  // human alpha of 11-3021.00: 0.3030
    await page.check('input[name="labels"][value="gpt4"]');
    await page.click('[data-preset="beta"]');
    assert.equal(await score(), '5.3');
    await page.check('input[name="weights"][value="importance"]');
    assert.equal(await score(), '5.3');
    await page.check('input[name="weights"][value="equal"]');
    await page.check('input[name="bridge"][value="blend"]');
    assert.notEqual(await field(page, 'mappedVia'), '');
    await inView(page, '#bridge');
    assert.ok((await page.locator('#bridge-onets li').count()) > 1);
    const displayed = await field(page, 'wageExposureText');
    await page.check('input[name="wage"]');
    assert.notEqual(await field(page, 'wageExposureText'), displayed);
    assert.deepEqual(await axeViolations(page), []);
    await page.assertClean();
    await page.context().close();
  });

  test('relabelling a task moves the score by what the formula gives, and undo restores it', async () => {
    const page = await open('?soc=1137');
    await editTask(page, 975);
    await page.selectOption('#task-list li[data-task-id="975"] select', 'E1');
    // Core weight 2 moves from E0 to E1: (4 + 2) / 33 = 0.1818 -> 1.8; 60,000 x £90,081 x 0.18
    assert.equal(await field(page, 'scoreText'), '1.8');
    assert.equal(await field(page, 'wageExposureText'), '£973m');
    assert.equal(await field(page, 'canDoText'), '3 of 17 tasks in this role are things an AI can already do today.');
    assert.match(await text(page, '#task-list li[data-task-id="975"] [data-part="facts"]'), / · changed$/);
    assert.equal(await page.locator('#task-list li[data-task-id="975"]').getAttribute('class'), 'task task--changed');
    await editTask(page, 969);
    await page.fill('#task-list li[data-task-id="969"] input[type="number"]', '0');
    await page.locator('#task-list li[data-task-id="969"] input[type="number"]').dispatchEvent('change');
    // 969 (E1, weight 2) excluded: (2 + 2) / 31
    assert.equal(await field(page, 'scoreText'), '1.3');
    await drawn(page);
    assert.equal(await page.locator('#task-list > li').last().getAttribute('data-task-id'), '969');
    // Its row moved to the end with the weight field still focused.
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'task-weight-969');
    assert.deepEqual(await axeViolations(page), []);
    await page.click('#task-list li[data-task-id="969"] [data-part="reset"]');
    await editTask(page, 975);
    await page.click('#task-list li[data-task-id="975"] [data-part="reset"]');
    assert.equal(await field(page, 'scoreText'), '1.2');
    await page.assertClean();
    await page.context().close();
  });

  test('a slider move renders once; a blended bridge fetches the statements of the occupations it adds', async () => {
    const page = await open('?soc=1137');
    // Settled: the statements and the details are in, and their renders are done.
    await page.waitForFunction(() => !document.querySelector('#task-list').textContent.includes('loading') &&
                                     document.querySelector('#occupation [data-field="description"]').textContent !== '');
    const renders = () => page.evaluate(() => new Promise((resolve) => {
      requestAnimationFrame(() => setTimeout(() => resolve(window.ukAiExposure.renderCount), 50));
    }));
    const before = await renders();
    await page.locator('#e2').evaluate((slider) => {
      slider.value = '0.5';
      slider.dispatchEvent(new Event('input', { bubbles: true }));
    });
    assert.equal(await field(page, 'scoreText'), '5.3');
    assert.equal(await renders(), before + 1);
    // 11-3021.00 alone needs tasks-11; the blend of its ISCO-08 code reaches 13- and 15- occupations too.
    const fetched = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await page.check('input[name="bridge"][value="blend"]');
    await drawn(page);
    await page.waitForFunction(() => !document.querySelector('#task-list').textContent.includes('Task statement loading'));
    assert.deepEqual(fetched.filter((path) => path.startsWith('/data/text/')).sort(),
                     ['/data/text/tasks-13.json', '/data/text/tasks-15.json']);
    assert.deepEqual(await axeViolations(page), []);
    await page.assertClean();
    await page.context().close();
  });
});

describe('one render a frame, only where it shows', () => {
  test('a burst of 50 inputs in one task draws once, and shows the last', async () => {
    const page = await open('occupation/1137/');
    await drawn(page);
    const result = await page.evaluate(async () => {
      const app = window.ukAiExposure;
      const slider = document.getElementById('e2');
      const before = app.renderCount;
      // 50 inputs, the last e2 = 0.5: the headline is then 5.3 (2 of 17 tasks E1, the E2 ones at half).
      for (let i = 0; i < 50; i++) {
        slider.value = i === 49 ? '0.5' : String((i % 20) / 20);
        slider.dispatchEvent(new Event('input', { bubbles: true }));
      }
      const during = app.renderCount;
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      return { during: during - before, after: app.renderCount - before,
               headline: document.querySelector('#occupation [data-field="scoreText"]').textContent,
               shown: document.getElementById('e2-value').textContent };
    });
    assert.equal(result.during, 0, 'nothing is drawn inside the input handlers');
    assert.equal(result.after, 1, 'the burst draws once');
    assert.equal(result.headline, '5.3');
    assert.equal(result.shown, '0.5');
    await page.assertClean();
    await page.context().close();
  });

  test('inputs spread over frames draw at most once a frame and end on the last value', async () => {
    const page = await open('occupation/1137/');
    await drawn(page);
    const result = await page.evaluate(async () => {
      const app = window.ukAiExposure;
      const slider = document.getElementById('e2');
      const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      // Every frame that passes is counted, whatever the inputs are doing.
      let frames = 0;
      let counting = true;
      const count = () => {
        frames += 1;
        if (counting) requestAnimationFrame(count);
      };
      await nextFrame();
      requestAnimationFrame(count);
      const before = app.renderCount;
      // 50 inputs, five in each of ten frames, each at a different point of its frame.
      for (let i = 0; i < 50; i++) {
        if (i % 5 === 0) await nextFrame();
        await new Promise((resolve) => setTimeout(resolve, 1));
        slider.value = String(((i * 7) % 21) / 20);
        slider.dispatchEvent(new Event('input', { bubbles: true }));
      }
      slider.value = '1';
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      await nextFrame();
      await nextFrame();
      counting = false;
      return { renders: app.renderCount - before, frames,
               headline: document.querySelector('#occupation [data-field="scoreText"]').textContent };
    });
    assert.ok(result.renders >= 1 && result.renders <= result.frames, `${result.renders} renders in ${result.frames} frames`);
    assert.equal(result.headline, '9.4', 'the last input, e2 = 1, is the one shown');
    await page.assertClean();
    await page.context().close();
  });

  test('a section off screen is left as it was, and shows the latest figures when it comes into view', async () => {
    // A short window, so the other measures lie beyond the margin the page draws ahead of the reader (a screen).
    const page = await openPage(browser, `${site.url}occupation/1137/`, { viewport: { width: 1280, height: 400 } });
    await waitForApp(page);
    await drawn(page);
    const measureDraws = () => page.evaluate(() => window.ukAiExposure.draws('measures'));
    const before = await measureDraws();
    await setInput(page, '#e2', 1);
    assert.equal(await field(page, 'scoreText'), '9.4');
    await page.evaluate(() => window.scrollTo(0, 0));
    await drawn(page);
    assert.equal(await measureDraws(), before, 'the other measures, off screen, were not drawn');
    await inView(page, '#measure-rows');
    assert.ok(await measureDraws() > before, 'they are drawn once in view');
    assert.equal(await page.locator('#measure-rows tr:first-child td').first().textContent(), '9.4');
    await page.assertClean();
    await page.context().close();
  });
});

describe('links, search, table and comparison', () => {
  test('a permalink restores the same view, task changes included', async () => {
    const page = await open('?soc=1137');
    await setInput(page, '#e2', 0.5);
    await page.check('input[name="weights"][value="importance"]');
    await editTask(page, 975);
    await page.selectOption('#task-list li[data-task-id="975"] select', 'E1');
    await page.click('[data-action="compare"]');
    await page.click('[data-action="copy-link"]');
    // The role is the page's path, the assumptions and the comparison its query.
    const url = page.url();
    assert.match(url, /\/occupation\/1137\/\?/);
    assert.doesNotMatch(url, /soc=/);
    assert.match(url, /t=975\.E1/);
    const view = async (p) => ({
      score: await text(p, '#occupation [data-field="scoreText"]'),
      wage: await text(p, '#occupation [data-field="wageExposureText"]'),
      e2: await p.inputValue('#e2'),
      weights: await p.locator('input[name="weights"]:checked').getAttribute('value'),
      label: await (await editTask(p, 975)).locator('select').inputValue(),
      compared: await p.locator('#compare-head th').count(),
    });
    const original = await view(page);
    const restored = await open(url.slice(site.url.length));
    await restored.waitForFunction(() => document.querySelector('#task-list li[data-task-id="975"]'));
    assert.deepEqual(await view(restored), original);
    assert.deepEqual(await axeViolations(restored), []);
    assert.equal(original.compared, 1);
    await page.assertClean();
    await restored.assertClean();
    await page.context().close();
    await restored.context().close();
  });

  test('"data analyst" finds its unit group, says which job title matched, and the keyboard picks it', async () => {
    const page = await open('');
    await page.click('#role-search');
    await page.keyboard.type('data analyst');
    await page.waitForFunction(() => document.querySelector('#role-results').textContent.includes('job title: Data analyst (computing/IT)'));
    const options = await page.locator('#role-results [role="option"]').allTextContents();
    assert.match(options[0], /Data analysts.*3544/);
    assert.deepEqual(await axeViolations(page), []);
    assert.equal(await page.getAttribute('#role-search', 'aria-expanded'), 'true');
    const programmers = options.findIndex((o) => o.includes('2134'));
    for (let i = 0; i < programmers; i++) await page.keyboard.press('ArrowDown');
    assert.equal(await page.getAttribute('#role-search', 'aria-activedescendant'), `role-option-${programmers}`);
    // The home page shows no role: the choice opens the role's page.
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/occupation/2134/' && url.search === '');
    await waitForApp(page);
    assert.equal(await field(page, 'soc'), '2134');
    assert.equal(await page.getAttribute('#role-search', 'aria-expanded'), 'false');
    await page.assertClean();
    await page.context().close();
  });

  test('the table sorts and filters, and opening a row shows that role', async () => {
    const page = await open('');
    await inView(page, '#occupations');
    // All 412 are in the table; only those near the scroller's view are in the DOM.
    assert.equal(await page.getAttribute('#occupations-table', 'aria-rowcount'), '413');
    assert.equal(await text(page, '#table-count'), 'All 412 occupations.');
    const rows = '#occupations-body tr:not(.spacer)';
    const inDom = await page.locator(rows).count();
    assert.ok(inDom > 10 && inDom < 100, `${inDom} rows in the DOM`);
    const scores = async () => (await page.locator(`${rows} [data-part="score"]`).allTextContents())
      .filter((s) => s !== '—').map(Number);
    const scrollTable = (to) => page.evaluate((to) => {
      const scroller = document.querySelector('#occupations-table').closest('.table-scroll');
      scroller.scrollTop = to === 'end' ? scroller.scrollHeight : 0;
    }, to);
    const top = await scores();
    assert.deepEqual(top, [...top].sort((a, b) => b - a));
    await scrollTable('end');
    await page.waitForFunction(() => document.querySelector('#occupations-body tr[aria-rowindex="413"]'));
    const bottom = await scores();
    assert.deepEqual(bottom, [...bottom].sort((a, b) => b - a));
    assert.ok(Math.min(...top) >= Math.max(...bottom), 'the end of the table holds the lowest scores');
    await scrollTable('top');
    await page.click('button[data-sort="score"]');
    await drawn(page);
    await page.waitForFunction(() => document.querySelector('#occupations-body tr[aria-rowindex="2"]'));
    const ascending = await scores();
    assert.deepEqual(ascending, [...ascending].sort((a, b) => a - b));
    assert.equal(await page.getAttribute('th:has(button[data-sort="score"])', 'aria-sort'), 'ascending');
    await page.fill('#table-filter', 'nurse');
    await drawn(page);
    const shown = await page.locator(rows).count();
    assert.ok(shown > 3 && shown < 20);
    assert.equal(await page.getAttribute('#occupations-table', 'aria-rowcount'), String(shown + 1));
    assert.equal(await text(page, '#table-count'), `${shown} of 412 occupations.`);
    await page.selectOption('#table-major', '2');
    await drawn(page);
    assert.ok((await page.locator(rows).count()) < shown);
    assert.deepEqual(await axeViolations(page), []);
    const link = page.locator(`${rows} a.row-link`).first();
    const soc = await link.getAttribute('data-soc');
    assert.equal(await link.getAttribute('href'), `/occupation/${soc}/`);
    await link.click();
    await page.waitForURL((url) => url.pathname === `/occupation/${soc}/`);
    await waitForApp(page);
    assert.equal(await page.locator('#occupation').isVisible(), true);
    assert.equal(await field(page, 'soc'), soc);
    await page.assertClean();
    await page.context().close();
  });

  test('the range column sorts by the width of each band, and its filter keeps the wide ones, live', async () => {
    const page = await open('');
    const rows = '#occupations-body tr:not(.spacer)';
    const widths = async () => (await inView(page, '#occupations-table').then(() => page.locator(`${rows} [data-part="range"]`).allTextContents()))
      .filter((range) => range !== '—').map((range) => range.split('–').map(Number)).map(([low, high]) => high - low);
    const sortState = () => drawn(page).then(() => page.getAttribute('th:has(button[data-sort="range"])', 'aria-sort'));
    await inView(page, '#occupations');
    await page.click('button[data-sort="range"]');
    if (await sortState() === 'ascending') await page.click('button[data-sort="range"]');
    await drawn(page);
    assert.equal(await page.getAttribute('th:has(button[data-sort="range"])', 'aria-sort'), 'descending');
    const widest = await widths();
    // Displayed ends, each rounded: their difference is within 0.1 of the unrounded width the table sorts by.
    for (let i = 1; i < widest.length; i += 1) assert.ok(widest[i] <= widest[i - 1] + 0.1 + 1e-9, widest.join(' '));
    await page.selectOption('#table-range', 'wide');
    const wideCount = Number((await text(page, '#table-count')).split(' ')[0]);
    assert.ok(wideCount > 10 && wideCount < 412, `${wideCount} wide`);
    for (const width of await widths()) assert.ok(width >= 2.9, `a width of ${width} passed the "over 3 points" filter`);
    // The bands move with the label values: the same filter lets other rows through.
    await setInput(page, '#e2', 1);
    for (const width of await widths()) assert.ok(width >= 2.9, `after e2 = 1, a width of ${width} passed "over 3 points"`);
    await page.selectOption('#table-range', 'narrow');
    await drawn(page);
    for (const width of await widths()) assert.ok(width <= 1.1, `a width of ${width} passed the "under 1 point" filter`);
    assert.deepEqual(await axeViolations(page), []);
    await page.assertClean();
    await page.context().close();
  });

  test('the bridge column and filter show each occupation\'s bridge grade, as the CSV gives it', async () => {
    let page = await open('');
    const csvRows = async () => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#table-csv')]);
      const [header, ...rows] = (await readFile(await download.path(), 'utf8')).trim().split('\r\n');
      const column = header.split(',').indexOf('bridge_grade');
      assert.ok(column > 0, header);
      // The grade is a bare word, so counting commas from the end finds it even past a quoted title.
      const fromEnd = header.split(',').length - column;
      return rows.map((line) => { const cells = line.split(','); return { soc: cells[0], grade: cells[cells.length - fromEnd] }; });
    };
    await inView(page, '#occupations');
    const all = await csvRows();
    assert.equal(all.length, 412);
    const byGrade = { good: 0, partial: 0, weak: 0 };
    for (const row of all) byGrade[row.grade] += 1;
    assert.ok(byGrade.good > 0 && byGrade.partial > 0 && byGrade.weak > 0, JSON.stringify(byGrade));
    assert.equal(byGrade.good + byGrade.partial + byGrade.weak, 412);
    for (const grade of ['weak', 'good']) {
      await page.selectOption('#table-bridge', grade);
      assert.equal(await text(page, '#table-count'), `${byGrade[grade]} of 412 occupations.`);
      const drawn = await page.locator('#occupations-body [data-part="bridge"]').allTextContents();
      assert.ok(drawn.length > 5 && drawn.every((cell) => cell === grade), drawn.join(' '));
      const filtered = await csvRows();
      assert.equal(filtered.length, byGrade[grade]);
      assert.ok(filtered.every((row) => row.grade === grade));
    }
    // Sorted by the column, good comes first; the role page says why 2311 is weak.
    await page.selectOption('#table-bridge', '');
    await page.click('button[data-sort="bridge"]');
    await drawn(page);
    assert.equal(await page.getAttribute('th:has(button[data-sort="bridge"])', 'aria-sort'), 'ascending');
    assert.equal(await page.locator('#occupations-body tr:not(.spacer) [data-part="bridge"]').first().textContent(), 'good');
    assert.deepEqual(await axeViolations(page), []);
    await page.assertClean();
    await page.context().close();
    page = await open('occupation/2311/');
    assert.match(await field(page, 'bridgeQualityText'), /^Weak: ISCO-08 2310 carries 96% of this group's coded index entries and reaches 35 O\*NET occupations; /);
    assert.deepEqual(await axeViolations(page), []);
    await page.assertClean();
    await page.context().close();
  });

  test('each figure opens a panel of where it comes from, by keyboard and mouse, live with the assumptions', async () => {
    const page = await open('?soc=1137');
    const panel = page.locator('#provenance-wage_exposure');
    assert.equal(await panel.isVisible(), false);
    // Keyboard: Enter on the figure's Source button opens the panel; Escape closes it.
    await page.locator('.source-button[popovertarget="provenance-wage_exposure"]').focus();
    await page.keyboard.press('Enter');
    assert.equal(await panel.isVisible(), true);
    assert.equal(await text(page, '#provenance-wage_exposure [data-part="value"]'), '£649m');
    assert.match(await text(page, '#provenance-wage_exposure [data-part="formula"]'), /^60,000 × £90,081 × 0\.12 = £648\.6m/);
    const sources = await page.locator('#provenance-wage_exposure [data-part="sources"] li').allTextContents();
    assert.match(sources[0], /^Table 14\.7a, the row for SOC 2020 1137 .*Office for National Statistics, Annual Survey of Hours and Earnings.*Open Government Licence v3\.0\.$/);
    assert.ok(sources.some((line) => /Eloundou/.test(line)), sources.join(' | '));
    assert.match(await text(page, '#provenance-wage_exposure [data-part="assumptions"]'), /E1 = 1, E2 = 0; core tasks weighted double; the modal bridge; no task changes/);
    assert.deepEqual(await axeViolations(page), [], 'with a panel open');
    // An open panel follows an input (here sent without moving focus, as a script or a second pointer would).
    await page.evaluate(() => {
      const slider = document.getElementById('e2');
      slider.value = '0.5';
      slider.dispatchEvent(new Event('input', { bubbles: true }));
    });
    assert.equal(await panel.isVisible(), true);
    assert.match(await text(page, '#provenance-wage_exposure [data-part="formula"]'), /^60,000 × £90,081 × 0\.53 = £2,864\.6m/);
    await page.evaluate(() => {
      const slider = document.getElementById('e2');
      slider.value = '0';
      slider.dispatchEvent(new Event('input', { bubbles: true }));
    });
    assert.match(await text(page, '#provenance-wage_exposure [data-part="formula"]'), /^60,000 × £90,081 × 0\.12 = £648\.6m/);
    await page.keyboard.press('Escape');
    assert.equal(await panel.isVisible(), false);
    // Copy citation: the citation, the permalink with the assumptions and the date.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await setInput(page, '#e2', 1);
    await page.click('.source-button[popovertarget="provenance-wage_exposure"]');
    assert.match(await text(page, '#provenance-wage_exposure [data-part="formula"]'), /^60,000 × £90,081 × 0\.94 = £5,080\.6m/);
    await page.click('#provenance-wage_exposure [data-part="copy"]');
    // The clipboard write is asynchronous: the panel says what happened once it has.
    await page.waitForFunction(() => document.querySelector('#provenance-wage_exposure [data-part="copied"]').textContent !== '');
    assert.equal(await text(page, '#provenance-wage_exposure [data-part="copied"]'), 'Citation copied.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(copied, /^Information technology directors \(SOC 2020 1137\), Wage exposure: £5\.08bn\. UK AI Exposure, under GPT-4 \(main rubric\) labels; E1 = 1, E2 = 1;/);
    assert.match(copied, /http:\/\/127\.0\.0\.1:\d+\/occupation\/1137\/\?[^ ]*e2=1[^ ]* \(accessed \d{1,2} [A-Z][a-z]+ \d{4}\)$/);
    // The mouse closes it with its Close button.
    await page.click('#provenance-wage_exposure [data-part="close"]');
    assert.equal(await panel.isVisible(), false);
    await page.assertClean();
    await page.context().close();
    // The UK totals, on the home page, have theirs.
    const home = await open('');
    await home.click('.source-button[popovertarget="provenance-total_wage_exposure"]');
    assert.match(await text(home, '#provenance-total_wage_exposure [data-part="formula"]'), /^The sum of employees × median pay × score ÷ 10 over the \d+ occupations/);
    assert.deepEqual(await axeViolations(home), [], 'with the totals panel open');
    await home.keyboard.press('Escape');
    await home.assertClean();
    await home.context().close();
  });

  test('each task opens the panel of where its label and weight come from', async () => {
    const page = await open('?soc=1137');
    const row = await editTask(page, 969);
    await row.locator('[data-part="source"]').click();
    const panel = page.locator('#provenance-task');
    assert.equal(await panel.isVisible(), true);
    assert.equal(await text(page, '#provenance-task [data-part="title"]'), 'Task 969: its label and weight');
    const label = await row.locator('select[data-part="label"]').inputValue();
    assert.match(await text(page, '#provenance-task [data-part="formula"]'), new RegExp(`^Label ${label} \\(.+\\) as GPT-4 \\(main rubric\\) labelled it`));
    assert.match((await page.locator('#provenance-task [data-part="sources"] li').allTextContents())[0], /^task 969 of 11-3021\.00: its GPT-4 \(main rubric\) label/);
    assert.deepEqual(await axeViolations(page), [], 'with the task panel open');
    await page.keyboard.press('Escape');
    // After a relabel the same panel says what changed.
    const other = label === 'E0' ? 'E1' : 'E0';
    await row.locator('select[data-part="label"]').selectOption(other);
    await row.locator('[data-part="source"]').click();
    assert.match(await text(page, '#provenance-task [data-part="formula"]'), new RegExp(`^Label ${other} \\(.+\\), changed by you from the source's ${label}`));
    assert.match(await text(page, '#provenance-task [data-part="assumptions"]'), /1 task changed/);
    await page.keyboard.press('Escape');
    await page.assertClean();
    await page.context().close();
  });

  test('a provenance panel opens by touch and fits a 360 px screen', async () => {
    const page = await open('?soc=2132', { viewport: { width: 360, height: 740 }, hasTouch: true });
    await page.locator('.source-button[popovertarget="provenance-employees"]').tap();
    const panel = page.locator('#provenance-employees');
    assert.equal(await panel.isVisible(), true);
    const box = await panel.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 360, JSON.stringify(box));
    assert.match(await text(page, '#provenance-employees [data-part="formula"]'), /^ASHE gives 213 thousand jobs: 213 × 1,000 = 213,000 employees; CV 4%: precise/);
    await screenshot(page, 'provenance-panel-360');
    assert.deepEqual(await axeViolations(page), []);
    // A browser that refuses the clipboard: the panel says so and selects the citation for a manual copy.
    await page.evaluate(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('refused', 'NotAllowedError'));
    });
    await page.locator('#provenance-employees [data-part="copy"]').tap();
    assert.match(await text(page, '#provenance-employees [data-part="copied"]'), /^The browser did not copy it: the citation is selected/);
    assert.match(await page.evaluate(() => String(window.getSelection())), /^IT managers \(SOC 2020 2132\), Employees \(UK\): 213k\. UK AI Exposure/);
    // One that never answers: the same, once the page's wait for the clipboard is over.
    await page.evaluate(() => {
      navigator.clipboard.writeText = () => new Promise(() => {});
      window.getSelection().removeAllRanges();
      document.querySelector('#provenance-employees [data-part="copied"]').textContent = '';
    });
    const tapped = Date.now();
    await page.locator('#provenance-employees [data-part="copy"]').tap();
    await page.waitForFunction(() => document.querySelector('#provenance-employees [data-part="copied"]').textContent !== '', null,
                               { timeout: COPY_WAIT_MS + 3000 });
    assert.ok(Date.now() - tapped >= COPY_WAIT_MS - 100, 'not before the wait is over');
    assert.match(await text(page, '#provenance-employees [data-part="copied"]'), /^The browser did not copy it: the citation is selected/);
    assert.match(await page.evaluate(() => String(window.getSelection())), /^IT managers \(SOC 2020 2132\)/);
    await page.locator('#provenance-employees [data-part="close"]').tap();
    assert.equal(await panel.isVisible(), false);
    await page.assertClean();
    await page.context().close();
  });

  test('compare shows up to three roles side by side, live', async () => {
    const page = await open('?soc=1137&cmp=2132,3544');
    assert.equal(await page.locator('#compare-head th').count(), 2);
    await page.click('[data-action="compare"]');
    await drawn(page);
    assert.equal(await page.locator('#compare-head th').count(), 3);
    const before = await page.locator('#compare-body tr:nth-child(3) td').allTextContents();
    await setInput(page, '#e2', 1);
    const afterChange = await page.locator('#compare-body tr:nth-child(3) td').allTextContents();
    assert.notDeepEqual(afterChange, before);
    assert.match(afterChange[2], /^9\.4\/10/);
    // Each role's sensitivity band, moving with the label values too: 1137's is 7.0-9.4 at e2 = 1.
    const ranges = await page.locator('#compare-body tr:nth-child(6) td').allTextContents();
    assert.equal(ranges.length, 3);
    assert.ok(ranges.includes('7.0–9.4'), ranges.join(' | '));
    for (const range of ranges) assert.match(range, /^\d+\.\d–\d+\.\d$/);
    assert.deepEqual(await axeViolations(page), []);
    // A re-render rewrites the figures in place: a focused button keeps its focus.
    const focusedLabel = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent);
    await page.locator('#compare-head th').nth(1).locator('[data-part="open"]').focus();
    const secondTitle = await page.locator('#compare-head th').nth(1).locator('[data-part="open"]').textContent();
    await page.evaluate(() => window.ukAiExposure.redrawAll());
    await drawn(page);
    assert.equal(await focusedLabel(), secondTitle);
    // Removing a role moves focus to the Remove button of the column taking its place.
    await page.locator('#compare-head th').nth(0).locator('[data-part="remove"]').click();
    await drawn(page);
    assert.equal(await page.locator('#compare-head th').count(), 2);
    assert.equal(await focusedLabel(), `Remove ${secondTitle} from the comparison`);
    await page.assertClean();
    await page.context().close();
  });

  test('an old comparison link opens its first role\'s page; removing the last compared role leaves focus on "Add to comparison"', async () => {
    // The home page moves to the role's page once its calculator has read the link, which it starts at once for
    // such a link: here the home page is never idle, and the move comes all the same.
    const page = await openPage(browser, 'about:blank', { allowedOrigins: [new URL(site.url).origin] });
    await page.addInitScript(() => {
      if (location.pathname === '/') window.requestIdleCallback = () => 0;
    });
    await page.goto(`${site.url}?cmp=2132`);
    await page.waitForURL((url) => url.pathname === '/occupation/2132/', { timeout: 15000 });
    await waitForApp(page);
    assert.equal(await field(page, 'soc'), '2132');
    await page.locator('#compare-head th').nth(0).locator('[data-part="remove"]').focus();
    await page.keyboard.press('Enter');
    await drawn(page);
    await drawn(page);
    assert.equal(await page.locator('#compare').isHidden(), true);
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.action), 'compare');
    assert.deepEqual(await axeViolations(page), []);
    await page.assertClean();
    await page.context().close();
  });

  test('CSV exports of the table and of a role\'s tasks', async () => {
    const home = await open('');
    await inView(home, '#occupations');
    const [tableDownload] = await Promise.all([home.waitForEvent('download'), home.click('#table-csv')]);
    const table = (await readFile(await tableDownload.path(), 'utf8')).trim().split('\r\n');
    assert.equal(table[0].split(',')[0], 'soc');
    assert.equal(table.length, 413);
    assert.match(table.find((line) => line.startsWith('1137,')), /,648583200,/);
    await home.assertClean();
    await home.context().close();
    const page = await open('?soc=1137');
    await page.waitForFunction(() => !document.querySelector('#task-list').textContent.includes('loading'));
    const [tasksDownload] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="tasks-csv"]')]);
    const tasks = (await readFile(await tasksDownload.path(), 'utf8')).trim().split('\r\n');
    assert.equal(tasks.length, 18);
    assert.match(tasks[1], /^11-3021\.00,969,E1,AI can do this,/);
    await page.assertClean();
    await page.context().close();
  });

  test('"embed this card" gives a snippet with integrity for every module', async () => {
    const page = await open('?soc=1137&e2=0.5');
    await page.click('[data-action="embed"]');
    // The snippet is written once the integrity file has arrived.
    await page.waitForFunction(() => document.getElementById('embed-code').value !== '');
    const snippet = await page.inputValue('#embed-code');
    // The modules a card needs before its first paint (its view, its styles, the shared base, the pre-computed
    // figures and the element), each from the current release (releases/<id>/, never changed) and pinned;
    // widget/cards.js among them pins the core's, which the card imports only for other assumptions (as here).
    const list = await (await fetch(`${site.url}embed-integrity.json`)).json();
    const preloads = [...snippet.matchAll(/<link rel="modulepreload" href="([^"]+)" integrity="(sha384-[A-Za-z0-9+/=]{64})" crossorigin="anonymous">/g)];
    assert.deepEqual(preloads.map(([, href]) => href), list.card.preload.map((path) => `${site.url}${path}`));
    assert.deepEqual(preloads.map(([, , pin]) => pin), list.card.preload.map((path) => list.integrity[path]));
    assert.ok(list.card.preload.includes(`releases/${list.release}/widget/cards.js`));
    assert.ok(snippet.includes(`<script type="module" src="${site.url}releases/${list.release}/widget/uk-ai-exposure-define.js" `
                               + `integrity="${list.integrity[list.card.entry]}" crossorigin="anonymous"></script>`), snippet);
    assert.ok(!snippet.includes('aiexp-loader.js'), 'the snippet preloads the core, which a default card does not need');
    // Inside the element, for a host where the modules never arrive: a link to the same view on the site.
    assert.ok(snippet.includes(`<uk-ai-exposure soc="1137" e2="0.5"><a href="${site.url}occupation/1137/?e2=0.5">`
                               + 'Information technology directors: how exposed this work is to AI, on UK AI Exposure</a></uk-ai-exposure>'), snippet);
    await page.assertClean();
    await page.context().close();
  });
});

describe('other measures', () => {
  // The rows of the table's CSV export as objects, by header name.
  async function csvTable(page) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#table-csv')]);
    const lines = (await readFile(await download.path(), 'utf8')).trim().split('\r\n');
    const header = lines[0].split(',');
    // Quoted titles may hold commas: the measure columns are the last five, read from the end.
    return lines.slice(1).map((line) => {
      const cells = line.split(',');
      const row = { soc: cells[0] };
      header.slice(-5).forEach((name, i) => { row[name] = cells[cells.length - 5 + i]; });
      return row;
    });
  }

  test('a role shows every measure side by side, the ILO gradient, the ILO tasks with reasons and the scatter', async () => {
    const page = await open('occupation/1137/');
    const rows = await page.locator('#measure-rows tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent.trim())));
    assert.deepEqual(rows.map((r) => r.slice(0, 3)), [
      ['Eloundou et al. (2023) (headline)', '1.2', 'Minimal'],
      ['ILO 2025', '4.4', 'Moderate'],  // SCORING.md section 7: modal ISCO-08 1330
      ['ILO 2023', '3.1', 'Low'],
      ['Microsoft applicability', '1.5', 'Minimal'],  // 10 x 0.1519, SOC 11-3021
    ]);
    assert.match(rows[1][3], /^higher than \d+% of \d+ UK occupations$/);
    assert.match(await text(page, '#measures [data-field="agreementText"]'), /^The measures (agree|partly agree|disagree) on this role/);
    assert.equal(await text(page, '#measures [data-field="iloGradientText"]'), 'Exposed: Gradient 2');
    // The ILO's tasks arrive only when opened: one part, checked against its own list of checksums.
    const requests = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    assert.equal(requests.filter((path) => path.includes('/data/ilo')).length, 0);
    await page.click('#ilo-tasks > summary');
    await page.waitForSelector('#ilo-task-list li');
    assert.deepEqual(requests.filter((path) => path.includes('/data/ilo')).sort(), ['/data/ilo-integrity-1.json', '/data/ilo/tasks-1330.json']);
    const scores = await page.locator('#ilo-task-list [data-part="score"]').allTextContents();
    assert.equal(scores.length, 11);
    const mean = scores.reduce((sum, score) => sum + Number(score), 0) / scores.length;
    assert.ok(Math.abs(mean - 4.4) < 0.06, `the tasks' mean ${mean} is the occupation's 4.4`);
    assert.deepEqual([...scores].sort((a, b) => Number(b) - Number(a)), scores);  // highest first
    await page.locator('#ilo-task-list li').first().locator('summary').click();
    assert.ok((await text(page, '#ilo-task-list li:first-child [data-part="gpt4o-reason"]')).length > 40);
    assert.ok((await text(page, '#ilo-task-list li:first-child [data-part="gemini-reason"]')).length > 40);
    // The scatter: one dot per occupation both measures score, the role ringed, the agreement from the core.
    await page.click('#measure-scatter > summary');
    await page.waitForSelector('#scatter circle');
    const caption = () => text(page, '#scatter-caption');
    assert.match(await caption(), /^Each dot is one of 398 UK occupations scored by both\. Rank agreement \(Spearman's ρ\) with the Eloundou score: 0\.\d\d over 398 occupations/);
    assert.equal(await page.locator('#scatter circle').count(), 398);
    assert.equal(await page.locator('#scatter .scatter__dot--role').count(), 1);
    await page.selectOption('#scatter-measure', 'microsoft');
    assert.match(await caption(), /one of 402 UK occupations/);
    assert.equal(await page.locator('#scatter circle').count(), 402);
    await screenshot(page, 'page-measures-desktop');
    assert.deepEqual(await axeViolations(page), []);
    await page.assertClean();
    await page.context().close();
  });

  test('choosing a measure as the headline recomputes the rank and wage exposure; the link carries it', async () => {
    const page = await open('occupation/1137/');
    const snapshot = async () => ({
      score: await field(page, 'scoreText'),
      rank: await field(page, 'rankText'),
      wage: await field(page, 'wageExposureText'),
    });
    const eloundou = await snapshot();
    await page.check('input[name="measure"][value="ilo2025"]');
    await page.waitForFunction(() => document.querySelector('#occupation [data-field="scoreText"]').textContent === '4.4');
    const ilo = await snapshot();
    for (const key of ['rank', 'wage']) assert.notEqual(ilo[key], eloundou[key], key);
    assert.equal(await text(page, '#assumptions-line'), 'ILO 2025 measure · GPT-4 labels · direct · core weights · modal bridge');
    assert.equal(ilo.wage, '£2.38bn');  // 60,000 x £90,081 x 0.44
    assert.equal(await page.locator('#occupation [data-part="headline-measure"]').isVisible(), true);
    assert.equal(await field(page, 'measureTitle'), 'ILO 2025');
    assert.equal(await page.locator('#occupation [data-role="eloundou-only"]').first().isVisible(), false);
    assert.equal(await page.locator('#occupation [data-part="sensitivity"]').isVisible(), false);
    assert.match(await text(page, '#measure-rows tr.measures__headline th'), /^ILO 2025 \(headline\)$/);
    await page.waitForFunction(() => location.search.includes('measure=ilo2025'));
    // The comparison names the measure and leaves out what is the Eloundou score's only.
    await page.click('#occupation [data-action="compare"]');
    await inView(page, '#compare');
    const compared = await page.locator('#compare-body tr').evaluateAll((rows) => rows.map((row) => row.textContent.trim()));
    assert.ok(compared.some((row) => row.includes('4.4/10 Moderate (ILO 2025)')), compared.join(' | '));
    assert.ok(compared.some((row) => /^Direct\s*—$/.test(row)), compared.join(' | '));
    // The link opens the same view in a fresh page.
    const link = new URL(page.url());
    const again = await open(`${link.pathname.slice(1)}${link.search}`);
    assert.equal(await text(again, '#occupation [data-field="scoreText"]'), '4.4');
    assert.equal(await again.locator('input[name="measure"][value="ilo2025"]').isChecked(), true);
    await again.context().close();
    await screenshot(page, 'page-measure-headline-desktop');
    assert.deepEqual(await axeViolations(page), []);
    await page.assertClean();
    await page.context().close();
  });

  test('on the home page, a measure as the headline recomputes the table, chart and totals, and the export names it', async () => {
    const page = await open('');
    const snapshot = async () => ({
      total: await text(page, '[data-total="wageExposureText"]'),
      mean: await text(page, '[data-total="meanScoreText"]'),
      chart: await text(page, '#chart-summary'),
    });
    const eloundou = await snapshot();
    await inView(page, '#occupations');
    const eloundouCsv = await csvTable(page);
    await page.check('input[name="measure"][value="ilo2025"]');
    await drawn(page);
    const ilo = await snapshot();
    for (const key of ['total', 'mean', 'chart']) assert.notEqual(ilo[key], eloundou[key], key);
    assert.equal(await tableScore(page, '1137'), '4.4');
    await page.fill('#table-filter', '');
    // The table follows, and its export names the measure in every row with every measure's score.
    const csv = await csvTable(page);
    assert.ok(csv.every((row) => row.measure === 'ilo2025'));
    const byCode = Object.fromEntries(csv.map((row) => [row.soc, row]));
    assert.equal(Number(byCode['1137'].ilo2025).toFixed(1), '4.4');
    assert.equal(byCode['1137'].eloundou, eloundouCsv.find((row) => row.soc === '1137').eloundou);
    // The optional column shows the ILO 2025 score beside the headline, and sorts by it.
    await page.check('[data-measure-column="microsoft"]');
    await page.click('button[data-sort="microsoft"]');
    await inView(page, '#occupations-table');
    assert.equal(await page.locator('th[data-column="microsoft"]').isVisible(), true);
    assert.equal(await page.locator('th[data-column="ilo2023"]').isVisible(), false);
    const cells = (await page.locator('#occupations-body tr:not(.spacer) [data-part="microsoft"]').allTextContents())
      .filter((cell) => cell !== '—').map(Number);
    assert.ok(cells.length > 5, cells.join(' '));
    const down = [...cells].sort((x, y) => y - x);
    const up = [...cells].sort((x, y) => x - y);
    assert.ok(cells.join() === down.join() || cells.join() === up.join(), `sorted by Microsoft: ${cells.join(' ')}`);
    await screenshot(page, 'page-measure-headline-home');
    assert.deepEqual(await axeViolations(page), []);
    await page.assertClean();
    await page.context().close();
  });

  test('the measures work at 360 px in the dark theme', async () => {
    const page = await open('occupation/2132/', { viewport: { width: 360, height: 780 }, colorScheme: 'dark' });
    await page.click('#measure-scatter > summary');
    await page.waitForSelector('#scatter circle');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `the page is ${width} px wide`);
    await screenshot(page, 'page-measures-360-dark');
    assert.deepEqual(await axeViolations(page), []);
    await page.assertClean();
    await page.context().close();
  });
});

describe('quality', () => {
  for (const [width, scheme] of [[1280, 'light'], [360, 'light'], [1280, 'dark'], [360, 'dark']]) {
    test(`no axe-core violations at ${width}px in the ${scheme} theme, with a role open`, async () => {
      const page = await open('?soc=1137&cmp=2132', { viewport: { width, height: 900 }, colorScheme: scheme });
      await page.waitForFunction(() => !document.querySelector('#task-list').textContent.includes('loading'));
      await page.click('[data-action="embed"]');
      await page.locator('.bridge summary').click();
      assert.deepEqual(await axeViolations(page), []);
      await screenshot(page, `page-1137-${width}-${scheme}`);
      if (width === 360) {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.equal(overflow, 0, 'the page scrolls sideways at 360px');
      }
      await page.assertClean();
      await page.context().close();
    });
  }

  test('the home page with the search list open has no axe-core violations', async () => {
    const page = await open('');
    await page.click('#role-search');
    await page.keyboard.type('nurse');
    await page.waitForSelector('#role-results [role="option"]');
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'page-search-desktop');
    await page.assertClean();
    await page.context().close();
  });

  test('the theme toggle switches and is remembered', async () => {
    const page = await open('');
    await page.click('#theme-toggle');
    assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
    assert.equal(await page.getAttribute('#theme-toggle', 'aria-pressed'), 'true');
    assert.deepEqual(await axeViolations(page), []);
    await page.reload();
    await waitForApp(page);
    assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
    await page.assertClean();
    await page.context().close();
  });
});
