// Keyboard and screen reader reach: every row of the virtualised table of all occupations, one by one with the
// arrow keys (and Page Up/Down, Home/End), focus that survives a re-sort and a recompute, Enter opening the role;
// the message of an invalid task weight; ArrowDown in the empty role search; the heading structure of the iframe
// card pages; axe-core on each of these states.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';

import { axeViolations, axeViolationsWithoutCsp, drawn, editTask, inView, openPage, screenshotDir, text, useSiteAndBrowser,
         waitForApp } from './harness.mjs';

let browser;
let site;
useSiteAndBrowser((env) => ({ browser, site } = env));

async function open(query = '', options = {}) {
  const page = await openPage(browser, `${site.url}${query}`, options);
  await waitForApp(page);
  return page;
}

const field = (page, name) => text(page, `#occupation [data-field="${name}"]`);

// The focused element as the table sees it: its row's index, occupation and whether it is in the table's view
// (below the sticky header, inside the scroller) and in the window.
function focusedRow(page) {
  return page.evaluate(() => {
    const link = document.activeElement;
    const row = link?.closest?.('#occupations-body tr');
    if (!row || !link.matches('a.row-link')) return { tag: link?.tagName ?? null, id: link?.id ?? null };
    const scroller = row.closest('.table-scroll');
    const view = scroller.getBoundingClientRect();
    const head = scroller.querySelector('thead').getBoundingClientRect();
    const box = row.getBoundingClientRect();
    const inTable = box.top >= head.bottom - 1 && box.bottom <= view.bottom + 1;
    const inPage = box.top >= -1 && box.bottom <= window.innerHeight + 1;
    return { rowIndex: Number(row.getAttribute('aria-rowindex')), soc: row.dataset.soc, tabIndex: link.tabIndex,
             inTable, inPage, stops: document.querySelectorAll('#occupations-body a.row-link[tabindex="0"]').length };
  });
}

// Scrolls the table until the row of `soc` is drawn and gives its link the focus, as a reader tabbing to it would.
async function focusRow(page, soc) {
  await inView(page, '#occupations');
  await page.evaluate(async (soc) => {
    const scroller = document.querySelector('.table-scroll--occupations');
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    scroller.scrollTop = 0;
    await frame();
    for (let guard = 0; guard < 200 && !document.querySelector(`#occupations-body tr[data-soc="${soc}"]`); guard++) {
      scroller.scrollTop += scroller.clientHeight / 2;
      await frame();
    }
    document.querySelector(`#occupations-body tr[data-soc="${soc}"] a.row-link`).focus();
  }, soc);
  await drawn(page);
  return focusedRow(page);
}

// Two frames: what a re-sort or a recompute asked the scroller to do is done.
const nextFrames = (page) => page.evaluate(() => new Promise((resolve) => {
  requestAnimationFrame(() => requestAnimationFrame(resolve));
}));

// Records, from now on, each move of the focus (with the script stack that made it) and each scroll of the table
// and the page, so that a focus lost on a busy machine says how; returns a function that reads the record.
async function traceFocus(page) {
  await page.evaluate(() => {
    const scroller = document.querySelector('.table-scroll--occupations');
    const started = performance.now();
    const describe = (node) => node?.closest?.('tr[data-soc]')?.dataset.soc ?? `${node?.tagName}${node?.id ? `#${node.id}` : ''}`;
    const record = (what) => window.__focusTrace.push(`${(performance.now() - started).toFixed(0)}ms ${what} `
      + `scroller.scrollTop=${scroller.scrollTop} page.scrollY=${window.scrollY}`);
    window.__focusTrace = [];
    document.addEventListener('focusin', (event) => {
      const stack = (new Error().stack ?? '').split('\n').slice(2, 7).map((line) => line.trim()).join(' < ');
      record(`focus ${describe(event.target)} [${stack}]`);
    }, true);
    scroller.addEventListener('scroll', () => record('table scroll'), { passive: true });
    window.addEventListener('scroll', () => record('page scroll'), { passive: true });
  });
  return () => page.evaluate(() => window.__focusTrace.join('\n'));
}

// From the last column heading, Tab enters the rows at their one tab stop.
async function tabIntoRows(page) {
  await inView(page, '#occupations');  // the table is drawn, and its buttons enabled, when it comes into view
  await page.locator('button[data-sort="bridge"]').focus();
  await page.keyboard.press('Tab');
  return focusedRow(page);
}

async function tableOrder(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#table-csv')]);
  return (await readFile(await download.path(), 'utf8')).trim().split('\r\n').slice(1).map((line) => line.split(',')[0]);
}

describe('the table of all occupations', () => {
  test('the keyboard reaches every row in order, each drawn and scrolled into view, and Enter opens it', async () => {
    const page = await open('');
    await inView(page, '#occupations');
    assert.equal(await page.getAttribute('#occupations-table', 'aria-rowcount'), '413');
    assert.equal(await page.getAttribute('#occupations-table thead tr', 'aria-rowindex'), '1');
    const order = await tableOrder(page);
    assert.equal(order.length, 412);
    const first = await tabIntoRows(page);
    assert.deepEqual(first, { rowIndex: 2, soc: order[0], tabIndex: 0, inTable: true, inPage: true, stops: 1 });
    const reached = [first.soc];
    for (let i = 1; i < order.length; i++) {
      await page.keyboard.press('ArrowDown');
      const row = await focusedRow(page);
      assert.equal(row.rowIndex, i + 2, `ArrowDown ${i} reached row ${JSON.stringify(row)}`);
      assert.ok(row.inTable && row.inPage, `row ${i + 2} is not in view: ${JSON.stringify(row)}`);
      assert.equal(row.stops, 1, 'one tab stop among the rows');
      reached.push(row.soc);
    }
    assert.deepEqual(reached, order, 'every row, in the table\'s order');
    // Only a window of rows is in the DOM, whatever row has focus.
    assert.ok((await page.locator('#occupations-body tr:not(.spacer)').count()) < 100);
    await page.keyboard.press('ArrowDown');
    assert.equal((await focusedRow(page)).rowIndex, 413, 'the last row stays');
    await page.keyboard.press('Home');
    assert.equal((await focusedRow(page)).rowIndex, 2);
    await page.keyboard.press('PageDown');
    const paged = await focusedRow(page);
    assert.ok(paged.rowIndex > 5 && paged.inTable, JSON.stringify(paged));
    await page.keyboard.press('PageUp');
    assert.equal((await focusedRow(page)).rowIndex, 2);
    await page.keyboard.press('End');
    const end = await focusedRow(page);
    assert.equal(end.rowIndex, 413);
    assert.ok(end.inTable && end.inPage);
    await page.keyboard.press('Control+Home');
    assert.equal((await focusedRow(page)).rowIndex, 2);
    assert.deepEqual(await axeViolations(page), []);
    // Shift+Tab leaves the rows for the column headings, Tab comes back to the same row.
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
    const sixth = await focusedRow(page);
    await page.keyboard.press('Shift+Tab');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.sort), 'bridge');
    await page.keyboard.press('Tab');
    assert.equal((await focusedRow(page)).soc, sixth.soc);
    // Enter follows the link: the role's page opens.
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === `/occupation/${sixth.soc}/`);
    await waitForApp(page);
    assert.equal(await field(page, 'soc'), sixth.soc);
    await page.assertClean();
    await page.context().close();
  });

  test('a filtered table is walked the same way, and its tab stop is a row it shows', async () => {
    const page = await open('');
    await inView(page, '#occupations');
    await page.fill('#table-filter', 'nurse');
    await drawn(page);
    const shown = await page.locator('#occupations-body tr:not(.spacer)').count();
    assert.ok(shown > 3 && shown < 20);
    const first = await tabIntoRows(page);
    assert.equal(first.rowIndex, 2);
    await page.keyboard.press('End');
    assert.equal((await focusedRow(page)).rowIndex, shown + 1);
    await page.keyboard.press('ArrowDown');
    assert.equal((await focusedRow(page)).rowIndex, shown + 1);
    assert.deepEqual(await axeViolations(page), []);
    await page.assertClean();
    await page.context().close();
  });

  test('focus stays on its occupation through a re-sort and a recompute that moves the rows', async () => {
    const page = await open('');
    const entered = await focusRow(page, '1137');
    assert.equal(entered.soc, '1137');
    assert.equal(entered.stops, 1, 'the focused row is the table\'s one tab stop');
    // A click by script sorts without taking the focus, as a re-sort while reading the rows does.
    await page.evaluate(() => document.querySelector('button[data-sort="title"]').click());
    await nextFrames(page);
    const sorted = await focusedRow(page);
    assert.equal(sorted.soc, '1137', JSON.stringify(sorted));
    assert.notEqual(sorted.rowIndex, entered.rowIndex, 'the row moved');
    assert.ok(sorted.inTable, `and is still in view: ${JSON.stringify(sorted)}`);
    await page.keyboard.press('ArrowDown');
    assert.equal((await focusedRow(page)).rowIndex, sorted.rowIndex + 1);
    await page.keyboard.press('ArrowUp');
    assert.equal((await focusedRow(page)).soc, '1137');
    // Back to the exposure order, then a slider input: e2 = 1 takes 1137 from 1.2 to 9.4, near the top.
    await page.evaluate(() => document.querySelector('button[data-sort="score"]').click());
    await nextFrames(page);
    const byScore = await focusedRow(page);
    assert.equal(byScore.soc, '1137');
    assert.equal(byScore.rowIndex, entered.rowIndex);
    await page.evaluate(() => {
      const slider = document.getElementById('e2');
      slider.value = '1';
      slider.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await nextFrames(page);
    const recomputed = await focusedRow(page);
    assert.equal(recomputed.soc, '1137');
    assert.ok(recomputed.rowIndex < byScore.rowIndex, `the recompute moved the row up: ${JSON.stringify(recomputed)}`);
    assert.ok(recomputed.inTable, JSON.stringify(recomputed));
    assert.equal(await page.locator('#occupations-body tr[data-soc="1137"] [data-part="score"]').textContent(), '9.4');
    await page.keyboard.press('ArrowUp');
    assert.equal((await focusedRow(page)).rowIndex, recomputed.rowIndex - 1);
    assert.deepEqual(await axeViolations(page), []);
    await page.assertClean();
    await page.context().close();
  });

  for (const width of [1280, 360]) {
    test(`the focused row shows its focus at ${width}px`, async () => {
      const page = await open('', { viewport: { width, height: 800 } });
      const trace = await traceFocus(page);
      const entered = await tabIntoRows(page);
      assert.equal(entered.rowIndex, 2, `the tab stop is the first row: ${JSON.stringify(entered)}\n${await trace()}`);
      for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
      const row = await focusedRow(page);
      assert.ok(row.inTable && row.inPage, `${JSON.stringify(row)}\n${await trace()}`);
      assert.equal(row.rowIndex, entered.rowIndex + 4);
      // The table holds still once the keys stop: the rows it redraws must not move its scroll position, which would
      // redraw it again, frame after frame, until the focused row left the drawn rows.
      const still = await page.evaluate(() => new Promise((resolve) => {
        const scroller = document.querySelector('.table-scroll--occupations');
        const before = scroller.scrollTop;
        let frames = 30;
        const step = () => (--frames ? requestAnimationFrame(step) : resolve({ before, after: scroller.scrollTop }));
        requestAnimationFrame(step);
      }));
      assert.equal(still.after, still.before, `the table kept scrolling by itself:\n${await trace()}`);
      assert.equal((await focusedRow(page)).rowIndex, row.rowIndex);
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
      assert.equal(outline, 'solid');
      await page.locator('.table-scroll--occupations').screenshot({ path: `${screenshotDir}/keyboard-row-${width}.png` });
      assert.deepEqual(await axeViolations(page), []);
      await page.assertClean();
      await page.context().close();
    });
  }
});

describe('task weights', () => {
  for (const width of [1280, 360]) {
    test(`a weight that is not one is said next to its field, which keeps the weight in use (${width}px)`, async () => {
      const page = await open('?soc=1137', { viewport: { width, height: 900 } });
      const row = await editTask(page, 969);
      const input = row.locator('input[type="number"]');
      assert.equal(await input.inputValue(), '2');
      assert.equal(await row.locator('[data-part="weight-error"]').isVisible(), false);
      await input.fill('5000');
      await input.press('Enter');
      // The field shows the weight in use; the message says why, tied to the field.
      assert.equal(await input.inputValue(), '2');
      assert.equal(await input.getAttribute('aria-invalid'), 'true');
      const describedBy = await input.getAttribute('aria-describedby');
      assert.ok(describedBy);
      const message = page.locator(`[id="${describedBy}"]`);
      assert.equal(await message.isVisible(), true);
      assert.match(await message.textContent(), /^Not a weight: enter a number from 0 to 1000 .*The weight in use, 2, is kept\.$/);
      assert.equal(await row.evaluate((li, id) => li.contains(document.getElementById(id)), describedBy), true);
      assert.equal(await field(page, 'scoreText'), '1.2', 'nothing was recomputed');
      await row.scrollIntoViewIfNeeded();
      await row.screenshot({ path: `${screenshotDir}/keyboard-weight-message-${width}.png` });
      assert.deepEqual(await axeViolations(page), []);
      // Leaving an emptied field does the same.
      await input.fill('');
      await page.keyboard.press('Tab');
      assert.equal(await input.inputValue(), '2');
      assert.equal(await message.isVisible(), true);
      // A weight clears the message and is used: 969 (E1) at weight 1 of 32 -> 3/32.
      await input.fill('1');
      assert.equal(await input.getAttribute('aria-invalid'), 'false');
      assert.equal(await input.getAttribute('aria-describedby'), null);
      assert.equal(await row.locator('[data-part="weight-error"]').isVisible(), false);
      await input.press('Enter');
      assert.equal(await field(page, 'scoreText'), '0.9');
      await page.assertClean();
      await page.context().close();
    });
  }

  test('undo clears a weight message', async () => {
    const page = await open('?soc=1137');
    const row = await editTask(page, 975);
    await page.selectOption('#task-list li[data-task-id="975"] select', 'E1');
    const input = row.locator('input[type="number"]');
    await input.fill('-1');
    await input.press('Enter');
    assert.equal(await input.getAttribute('aria-invalid'), 'true');
    await row.locator('[data-part="reset"]').click();
    assert.equal(await input.getAttribute('aria-invalid'), 'false');
    assert.equal(await row.locator('[data-part="weight-error"]').isVisible(), false);
    assert.equal(await field(page, 'scoreText'), '1.2');
    await page.assertClean();
    await page.context().close();
  });
});

describe('the role search', () => {
  test('ArrowDown in the empty search opens the list on the example roles; Escape closes it', async () => {
    const page = await open('');
    const search = page.locator('#role-search');
    await search.focus();
    assert.equal(await search.getAttribute('aria-expanded'), 'false');
    assert.equal(await search.getAttribute('aria-controls'), 'role-results');
    await page.keyboard.press('ArrowDown');
    assert.equal(await search.getAttribute('aria-expanded'), 'true');
    assert.equal(await page.locator('#role-results').isVisible(), true);
    assert.equal(await page.getAttribute('#role-results', 'role'), 'listbox');
    const examples = await page.locator('#examples [data-soc]').evaluateAll((chips) => chips.map((chip) => chip.dataset.soc));
    const options = page.locator('#role-results [role="option"]');
    assert.deepEqual(await options.evaluateAll((items) => items.map((item) => item.querySelector('.picker__option-code').textContent)),
                     examples);
    assert.equal(await search.getAttribute('aria-activedescendant'), 'role-option-0');
    assert.equal(await page.getAttribute('#role-option-0', 'aria-selected'), 'true');
    await page.keyboard.press('ArrowDown');
    assert.equal(await search.getAttribute('aria-activedescendant'), 'role-option-1');
    assert.equal(await page.getAttribute('#role-option-0', 'aria-selected'), 'false');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'role-search', 'focus stays in the field');
    assert.deepEqual(await axeViolations(page), []);
    await page.keyboard.press('Escape');
    assert.equal(await search.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.locator('#role-results').isVisible(), false);
    assert.equal(await search.getAttribute('aria-activedescendant'), null);
    // ArrowUp opens on the last suggestion; Enter picks it.
    await page.keyboard.press('ArrowUp');
    assert.equal(await search.getAttribute('aria-activedescendant'), `role-option-${examples.length - 1}`);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === `/occupation/${examples.at(-1)}/`);
    await waitForApp(page);
    assert.equal(await field(page, 'soc'), examples.at(-1));
    assert.equal(await search.getAttribute('aria-expanded'), 'false');
    // Typing searches as before.
    await search.fill('');
    await page.keyboard.type('nurse');
    await page.waitForSelector('#role-results [role="option"]');
    assert.equal(await search.getAttribute('aria-expanded'), 'true');
    await page.keyboard.press('Escape');
    assert.equal(await search.getAttribute('aria-expanded'), 'false');
    await page.assertClean();
    await page.context().close();
  });
});

describe('who is exposed', () => {
  test('Tab reaches every group\'s Source in reading order, each in view; Enter opens its panel, Escape returns to it', async () => {
    const page = await open('?e2=1');
    // Each breakdown is drawn for e2=1 once it is in view and the data have arrived.
    for (const id of ['who-sex', 'who-pattern', 'who-industry', 'who-region', 'who-pay']) {
      await inView(page, `#${id}`);
      await page.waitForFunction((root) => document.getElementById(root).dataset.query === 'e2=1', id, { timeout: 15000 });
    }
    const expected = await page.locator('#who figure button:not([disabled])').evaluateAll((buttons) => buttons.map((b) =>
      b.getAttribute('popovertarget') ?? `${b.dataset.breakdownCsv ? 'csv' : 'embed'}:${b.dataset.breakdownCsv ?? b.dataset.embedChart}`));
    assert.equal(expected.filter((name) => name.startsWith('provenance-')).length, 45);
    assert.equal(expected.length, 55);
    // From the last tab stop before the section, Tab walks its controls in order.
    await page.evaluate(() => {
      const who = document.getElementById('who');
      const stops = [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')]
        .filter((node) => node.tabIndex >= 0 && !node.disabled && node.getClientRects().length > 0
                          && (who.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_PRECEDING));
      stops.at(-1).focus();
    });
    const seen = [];
    for (let i = 0; i < 200 && seen.length < expected.length; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const node = document.activeElement;
        if (!node.closest('#who')) return null;
        const box = node.getBoundingClientRect();
        return { name: node.getAttribute('popovertarget') ?? `${node.dataset.breakdownCsv ? 'csv' : 'embed'}:${node.dataset.breakdownCsv ?? node.dataset.embedChart}`,
                 label: node.textContent, inView: box.top >= -1 && box.bottom <= innerHeight + 1 && box.width > 0, top: box.top, bottom: box.bottom };
      });
      if (!focused) continue;
      assert.ok(focused.inView, `${focused.name} is in view when focused (${JSON.stringify(focused)})`);
      seen.push(focused.name);
      if (focused.name.startsWith('provenance-')) assert.match(focused.label, /^Source of .+/);
    }
    assert.deepEqual(seen, expected);
    // Enter on a Source opens its panel with the figures in force; Escape closes it and focus goes back.
    const button = page.locator('#who-industry li[data-key="J"] .source-button');
    await button.focus();
    await page.keyboard.press('Enter');
    const panel = page.locator('#provenance-breakdown_industry-j');
    await panel.waitFor();
    assert.match(await panel.locator('[data-part="assumptions"]').textContent(), /E2 = 1/);
    await page.keyboard.press('Escape');
    assert.equal(await panel.isVisible(), false);
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('popovertarget')), 'provenance-breakdown_industry-j');
    await page.assertClean();
    await page.context().close();
  });
});

// The headings of a document, shadow roots included, in document order: [level, text].
function headings(page) {
  return page.evaluate(() => {
    const found = [];
    const walk = (root) => {
      for (const node of root.querySelectorAll('*')) {
        if (/^H[1-6]$/.test(node.tagName)) found.push([Number(node.tagName[1]), node.textContent.trim()]);
        if (node.shadowRoot) walk(node.shadowRoot);
      }
    };
    walk(document);
    return found;
  });
}

const cardReady = (page) => page.waitForFunction(() => document.querySelector('uk-ai-exposure')?.dataset.state === 'ready',
                                                 null, { timeout: 15000 });

describe('the iframe card pages', () => {
  test('embed/<soc>.html: the card\'s title is the document\'s one h1, without and with JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 560, height: 400 }, locale: 'en-GB' });
    const still = await context.newPage();
    await still.goto(`${site.url}embed/1137.html`);
    const withoutScript = await still.locator('uk-ai-exposure .title').evaluate((node) => [node.tagName, node.textContent]);
    assert.deepEqual(withoutScript, ['H1', 'Information technology directors']);
    await context.close();

    const page = await openPage(browser, `${site.url}embed/1137.html`, { viewport: { width: 560, height: 400 } });
    await cardReady(page);
    assert.deepEqual(await headings(page), [[1, 'Information technology directors']]);
    await page.assertClean();
    await page.context().close();
    // Live, under other assumptions: the card re-renders and keeps its level.
    const live = await openPage(browser, `${site.url}embed/2132.html?e2=1&variant=expanded`, { viewport: { width: 560, height: 700 } });
    await cardReady(live);
    assert.equal(await live.locator('uk-ai-exposure .value').textContent(), '9.4/10');
    assert.deepEqual(await headings(live), [[1, 'IT managers']]);
    await live.assertClean();
    await live.context().close();
  });

  test('embed.html: the card it draws titles the document with an h1', async () => {
    const page = await openPage(browser, `${site.url}embed.html?soc=1137&theme=dark`, { viewport: { width: 560, height: 400 } });
    await cardReady(page);
    assert.deepEqual(await headings(page), [[1, 'Information technology directors']]);
    await page.assertClean();
    await page.context().close();
  });

  test('in a host\'s page the card\'s title is a section heading under the host\'s own', async () => {
    const page = await openPage(browser, `${site.url}embed-demo.html`);
    await page.waitForFunction(() => document.querySelectorAll('uk-ai-exposure[data-state="ready"]').length >= 3, null,
                               { timeout: 15000 });
    const levels = await page.locator('uk-ai-exposure').evaluateAll((hosts) => hosts.map((host) => host.shadowRoot.querySelector('.title').tagName));
    assert.ok(levels.length >= 3 && levels.every((tag) => tag === 'H3'), levels.join(' '));
    await page.assertClean();
    await page.context().close();
  });

  const cardPages = [
    ['embed/1137.html', 'light', true],
    ['embed/1137.html', 'dark', true],
    ['embed/2132.html?e2=1&variant=expanded', 'dark', true],
    ['embed.html?soc=1137&e2=1&theme=dark', 'light', true],
    ['embed.html?soc=3544', 'light', true],
  ];
  for (const [path, colorScheme] of cardPages) {
    test(`no axe-core violations on ${path} (${colorScheme})`, async () => {
      const url = `${site.url}${path}`;
      // The page itself under its CSP, then axe on the same address (see axeViolationsWithoutCsp).
      const page = await openPage(browser, url, { viewport: { width: 560, height: 500 }, colorScheme });
      await cardReady(page);
      await page.assertClean();
      await page.context().close();
      assert.deepEqual(await axeViolationsWithoutCsp(browser, url, { viewport: { width: 560, height: 500 }, colorScheme,
                                                                      prepare: cardReady }), []);
    });
  }

  test('no axe-core violations on embed/<soc>.html without JavaScript', async () => {
    assert.deepEqual(await axeViolationsWithoutCsp(browser, `${site.url}embed/1137.html`,
                                                   { viewport: { width: 560, height: 500 }, withoutScripts: true }), []);
  });
});

describe('the treemap', () => {
  test('is one tab stop, on a rectangle, where the arrow keys move between rectangles', async () => {
    const page = await open('');
    await inView(page, '#treemap-figure');
    // From what comes before the treemap, Tab lands on a rectangle, not on the drawing around them.
    await page.locator('#assumptions > summary').focus();
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => ({ tag: document.activeElement.tagName, leaf: document.activeElement.matches('a.treemap__leaf'),
                                               label: document.activeElement.getAttribute('aria-label') }));
    assert.deepEqual([first.tag.toLowerCase(), first.leaf], ['a', true], JSON.stringify(first));
    await page.keyboard.press('ArrowRight');
    const next = await page.evaluate(() => document.activeElement.getAttribute('aria-label'));
    assert.notEqual(next, first.label, 'ArrowRight moved to the next rectangle');
    assert.equal(await page.evaluate(() => document.querySelectorAll('#treemap a.treemap__leaf[tabindex="0"]').length), 1);
    // Tab leaves the drawing at once: no second stop inside it.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => Boolean(document.activeElement.closest('#treemap'))), false);
    await page.keyboard.press('Shift+Tab');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), next, 'Shift+Tab comes back to the same rectangle');
    await page.assertClean();
    await page.context().close();
  });
});
