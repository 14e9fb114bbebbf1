// Fault injection in Chromium (RELIABILITY.md): every file the page, a card or the iframe card needs is made to
// fail by Playwright routing (404, 500, a reset connection, a truncated body, a wrong content type, wrong bytes,
// or no answer at all), and each test asserts what the visitor sees: a message in plain words within a bounded
// time, and the page still working where it can. The loader's timeouts are shortened for the tests by an init
// script (globalThis.aiexpTestTiming), which no link can set; the static fallback's CSS timer by a custom property.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';

import { MAX_REQUEST_LINE_BYTES } from '../../tools/site/headers.mjs';
import { CONTENT_SECURITY_POLICY } from '../../tools/serve.mjs';
import { axeViolations, axeViolationsWithoutCsp, inView, openPage, screenshot, screenshotDir, serverKind, setInput, siteDir, startNginx, useSiteAndBrowser, waitForApp } from './harness.mjs';
import { startServer } from '../../tools/serve.mjs';

let browser;
let site;
useSiteAndBrowser((env) => ({ browser, site } = env));

// Short enough for a quick suite, long enough for two cores shared with other suites: a stall is said to be
// slow after 1.5 s and given up after 2 tries of 3 s.
const TIMING = { slowMs: 1500, attemptMs: 3000, attempts: 2, backoffMs: 50, retryLaterMs: 60000, embedMs: 1500, partsWaitMs: 500 };

// What a failed download legitimately logs in the console; anything else still fails the test.
const DOWNLOAD_ERRORS = [/Failed to load resource/, /net::ERR_/, /integrity/i, /digest/, /MIME type/,
                         /Failed to fetch dynamically imported module/, /was preloaded using link preload but not used/,
                         /^The calculator could not start: /];

// Route handlers, one per way a file can fail.
const FAULTS = {
  404: (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' }),
  500: (route) => route.fulfill({ status: 500, contentType: 'text/plain', body: 'Internal error' }),
  reset: (route) => route.abort('connectionreset'),
  truncated: async (route) => {
    const response = await route.fetch();
    const body = await response.body();
    await route.fulfill({ status: 200, headers: plainHeaders(response), body: body.subarray(0, body.length >> 1) });
  },
  'wrong type': async (route) => {
    const response = await route.fetch();
    await route.fulfill({ status: 200, headers: { ...plainHeaders(response), 'content-type': 'text/plain' }, body: await response.body() });
  },
  'wrong bytes': async (route) => {
    const response = await route.fetch();
    const body = Buffer.from(await response.body());
    body[body.length >> 1] ^= 0x20;
    await route.fulfill({ status: 200, headers: plainHeaders(response), body });
  },
  stall: () => {},  // never answers
};

// A route for the site's stylesheets that sets the static fallback's start time to `value` ("500ms") where
// fallback.css sets it: the page reads it from the first paint on, before any script could change it.
function startTime(value) {
  return async (route) => {
    const response = await route.fetch();
    const css = (await response.text()).replace(/--aiexp-start-timeout:\s*15s/g, `--aiexp-start-timeout: ${value}`);
    await route.fulfill({ status: response.status(), headers: plainHeaders(response), body: css });
  };
}

// The response's headers without those of the transfer (the body handed on is the decoded one).
function plainHeaders(response) {
  const headers = { ...response.headers() };
  for (const name of ['content-length', 'content-encoding', 'transfer-encoding', 'etag']) delete headers[name];
  return headers;
}

/**
 * A guarded page on the site with `faults` ({ glob: way }) routed and the short timing, at `path`. `waitUntil`:
 * as page.goto's ("commit" where a stalled module holds the load event back). Requests are counted by path.
 */
async function faultyPage(path, faults, { expectErrors = DOWNLOAD_ERRORS, waitUntil = 'load', init } = {}) {
  const page = await openPage(browser, 'about:blank', { allowedOrigins: [new URL(site.url).origin], expectErrors });
  const context = page.context();
  await context.addInitScript((timing) => { globalThis.aiexpTestTiming = timing; }, TIMING);
  if (init) await context.addInitScript(init);
  page.requested = new Map();
  page.on('request', (request) => {
    if (request.method() !== 'GET') return;  // the loader's HEAD requests ask only why a download failed
    const { pathname } = new URL(request.url());
    page.requested.set(pathname, (page.requested.get(pathname) ?? 0) + 1);
  });
  for (const [glob, way] of Object.entries(faults)) await context.route(glob, typeof way === 'function' ? way : FAULTS[way]);
  await page.goto(`${site.url}${path}`, { waitUntil });
  return page;
}

// Uncaught errors a failure legitimately causes (a module cut short is a SyntaxError), dropped before assertClean.
function forgive(page, patterns) {
  const kept = page.problems.filter((problem) => !patterns.some((pattern) => pattern.test(problem)));
  page.problems.splice(0, page.problems.length, ...kept);
}

async function done(page) {
  await page.assertClean();
  await page.context().close();
}

const loadError = async (page) => {
  await page.waitForFunction(() => document.getElementById('load-state').dataset.state === 'error', null, { timeout: 20000 });
  assert.equal(await page.getAttribute('#load-state', 'role'), 'alert');
  return page.locator('#load-state-text').textContent();
};
const score = (page) => page.locator('#occupation [data-field="scoreText"]').textContent();
const noticeTexts = (page) => page.locator('#notices .notice').allTextContents();

describe('the page: its own modules', () => {
  const cases = [
    ['app.js', '404'], ['ui/dom.js', 'reset'], ['ui/tasks-view.js', 'truncated'], ['app.js', 'wrong type'],
    ['aiexp-loader.js', '500'],
  ];
  for (const [file, way] of cases) {
    test(`${file} (${way}): the static fallback says the calculator has not started, and the figures stay`, async () => {
      const page = await faultyPage('occupation/1137/', { [`**/${file}`]: way });
      await page.waitForSelector('#page-fallback', { state: 'visible', timeout: 10000 });
      assert.match(await page.locator('#page-fallback').textContent(), /has not started: its scripts did not load.*reload the page/s);
      assert.doesNotMatch(await page.locator('#page-fallback').innerText(), /browser cannot/);
      assert.equal(await score(page), '1.2');
      assert.equal(await page.locator('#e2').isDisabled(), true);
      if (way === 'truncated') await screenshot(page, 'fault-page-module-truncated');
      if (way === 'truncated') forgive(page, [/^uncaught: /]);  // a module cut short is a SyntaxError of some wording
      await done(page);
    });
  }

  test('app.js never answering: a visitor who reached for a control sees "loading", then the fallback once the start time runs out', async () => {
    const page = await faultyPage('', { '**/app.js': 'stall', '**/*.css': startTime('1500ms') }, { waitUntil: 'domcontentloaded' });
    await page.click('#assumptions > summary');
    await page.waitForFunction(() => document.getElementById('load-state').dataset.state === 'loading');
    await page.waitForSelector('#page-fallback', { state: 'visible', timeout: 10000 });
    assert.match(await page.locator('#page-fallback').innerText(), /has not started/);
    assert.equal(await page.locator('#load-state').isVisible(), false, 'no "loading" note stays');
    assert.equal(await page.locator('#e2').isDisabled(), true, 'the controls say they do not work');
    await done(page);
  });

  test('boot.js never answering: the fallback shows once the start time runs out', async () => {
    const page = await faultyPage('', { '**/boot.js': 'stall', '**/*.css': startTime('500ms') }, { waitUntil: 'commit' });
    // Styled first: before its stylesheet the fallback is a plain block, which would count as shown.
    await page.waitForFunction(() => document.styleSheets.length > 0);
    await page.waitForSelector('#page-fallback', { state: 'visible', timeout: 10000 });
    assert.match(await page.locator('#page-fallback').innerText(), /has not started/);
    await done(page);
  });

  test('a page whose scripts all work shows no fallback, even after its timer', async () => {
    const page = await faultyPage('occupation/1137/', {});
    await waitForApp(page);
    await page.evaluate(() => document.documentElement.style.setProperty('--aiexp-start-timeout', '1ms'));
    await page.waitForTimeout(100);
    assert.equal(await page.locator('#page-fallback').isVisible(), false);
    assert.equal(await page.getAttribute('html', 'data-app'), 'running');
    await done(page);
  });

  test('a browser without WebAssembly is told so, not that a download failed', async () => {
    const page = await faultyPage('occupation/1137/', {}, { init: () => { delete globalThis.WebAssembly; } });
    assert.match(await loadError(page), /^This browser cannot run the calculator: it does not support WebAssembly\..*stay readable/);
    await done(page);
  });
});

describe('the page: the module and the data it starts with', () => {
  const cases = [
    ['wasm/aiexp-speed.wasm', '404', /program could not be downloaded \(wasm\/aiexp-speed\.wasm: the server answered HTTP 404\)/],
    ['wasm/aiexp-speed.wasm', '500', /program could not be downloaded \(wasm\/aiexp-speed\.wasm: the server answered HTTP 500, tried 2 times\)/],
    ['wasm/aiexp-speed.wasm', 'reset', /program could not be downloaded \(wasm\/aiexp-speed\.wasm: the connection failed, tried 2 times\)/],
    ['wasm/aiexp-speed.wasm', 'wrong bytes', /program could not be downloaded \(wasm\/aiexp-speed\.wasm: the file arrived damaged \(it does not match its checksum\), tried 2 times\)/],
    ['wasm/aiexp-speed.js', '404', /program could not be downloaded \(wasm\/aiexp-speed\.js: /],
    ['data/bundle.json', '500', /could not be downloaded: data\/bundle\.json: the server answered HTTP 500, tried 2 times\./],
    ['data/bundle.json', 'truncated', /could not be downloaded: data\/bundle\.json: the file arrived damaged \(it does not match its checksum\)/],
    ['data/bundle.json', 'reset', /could not be downloaded: data\/bundle\.json: the connection failed/],
  ];
  for (const [file, way, message] of cases) {
    test(`${file} (${way}): a plain message says what failed, that the figures stay readable, and to reload`, async () => {
      const page = await faultyPage('occupation/1137/', { [`**/${file}`]: way });
      const text = await loadError(page);
      assert.match(text, message);
      assert.match(text, /The figures shown are the defaults and stay readable; reload the page to try again\.$/);
      assert.doesNotMatch(text, /browser/);
      assert.equal(await score(page), '1.2');
      // Tried a bounded number of times (one more request where the page's HTML preloads the file).
      if (way === '500') assert.ok([TIMING.attempts, TIMING.attempts + 1].includes(page.requested.get(`/${file}`)), `${page.requested.get(`/${file}`)} requests`);
      if (file === 'data/bundle.json' && way === '500') await screenshot(page, 'fault-page-bundle-500');
      forgive(page, [/SyntaxError|Unexpected/]);
      await done(page);
    });
  }

  test('the module binary never answering: "taking longer" within the slow time, then the error', async () => {
    const page = await faultyPage('occupation/1137/', { '**/wasm/aiexp-speed.wasm': 'stall' });
    const started = Date.now();
    await page.waitForFunction(() => document.getElementById('load-state').dataset.state === 'slow', null, { timeout: 10000 });
    assert.match(await page.locator('#load-state-text').textContent(), /taking longer than usual.*stay readable; wait, or reload/);
    assert.ok(Date.now() - started < TIMING.slowMs + 2500, 'said within the slow time');
    assert.match(await loadError(page), /wasm\/aiexp-speed\.wasm: no answer within 3 s, tried 2 times/);
    await screenshot(page, 'fault-page-wasm-stall');
    await done(page);
  });

  test('a module binary with the wrong content type still starts (its bytes match their integrity)', async () => {
    const page = await faultyPage('occupation/1137/', { '**/wasm/aiexp-speed.wasm': 'wrong type' });
    await waitForApp(page);
    await setInput(page, '#e2', 1);
    assert.equal(await score(page), '9.4');
    await done(page);
  });

  test('the home page: the bundle never answering ends in the message too', async () => {
    const page = await faultyPage('', { '**/data/bundle.json': 'stall' });
    assert.match(await loadError(page), /data\/bundle\.json: no answer within 3 s/);
    assert.equal(await page.locator('#overview').isVisible(), true);
    await done(page);
  });
});

describe('the page: data parts it loads later', () => {
  test('details.json (404): one notice, the figures still recompute, and a link naming tasks says why they were not applied', async () => {
    const page = await faultyPage('occupation/1137/?t=968.E1', { '**/data/details.json': '404' });
    await waitForApp(page);
    const notices = await noticeTexts(page);
    assert.equal(notices.filter((n) => /^The task details could not be downloaded \(data\/details\.json: the server answered HTTP 404\)/.test(n)).length, 1, notices.join('\n'));
    assert.equal(notices.filter((n) => /^The task changes in the link \(t=\) were not applied: the task details could not be downloaded/.test(n)).length, 1, notices.join('\n'));
    assert.equal(notices.some((n) => /no labelled task has that id/.test(n)), false);
    assert.match(page.url(), /t=968\.E1/, 'the link keeps its task changes for a reload');
    await setInput(page, '#e2', 1);
    assert.equal(await score(page), '9.4');
    assert.equal((await noticeTexts(page)).filter((n) => /task details/.test(n)).length, 1, 'still one notice after renders');
    // A 404 is not retried, nor asked for again by renders (one more request: the page's HTML preloads the file).
    assert.ok(page.requested.get('/data/details.json') <= 2, `${page.requested.get('/data/details.json')} requests`);
    await screenshot(page, 'fault-page-details-404');
    await done(page);
  });

  test('details.json (404): the other measures\' rows say they are unavailable, not "loading", once the download ends', async () => {
    const page = await faultyPage('occupation/1137/', { '**/data/details.json': '404' });
    await waitForApp(page);
    await page.waitForFunction(() => [...document.querySelectorAll('#measures tbody tr')].length === 4);
    const ranks = () => page.locator('#measures tbody tr td:nth-child(4)').allTextContents();
    // The notice and the rows learn the outcome together (a 404 is not retried).
    await page.waitForFunction(() => [...document.querySelectorAll('#notices .notice')].some((n) => /task details could not/.test(n.textContent)),
                               null, { timeout: TIMING.attemptMs + 1000 });
    await inView(page, '#measures');
    await page.waitForFunction(() => ![...document.querySelectorAll('#measures tbody tr td:nth-child(4)')].some((td) => /loading/.test(td.textContent)));
    const [eloundou, ...others] = await ranks();
    assert.match(eloundou, /higher than \d+% of 376 UK occupations/);
    assert.deepEqual(others, ['unavailable: not downloaded', 'unavailable: not downloaded', 'unavailable: not downloaded']);
    await done(page);
  });

  test('a task-text part never answering: the calculator is live within the parts\' wait, and the rows say the outcome later', async () => {
    const page = await faultyPage('occupation/1137/', { '**/data/text/tasks-11.json': 'stall' });
    const started = Date.now();
    await waitForApp(page);
    // Live without the statements: the wait for them is bounded (partsWaitMs), far below the download's own bound.
    assert.ok(Date.now() - started < TIMING.partsWaitMs + TIMING.attemptMs, `live after ${Date.now() - started} ms`);
    assert.notEqual(await page.locator('#load-state').getAttribute('data-state'), 'slow');
    await page.click('#assumptions > summary');
    await setInput(page, '#e2', 1);
    assert.equal(await score(page), '9.4', 'the inputs work while the statements are on their way');
    // The statements already on the page stay, never replaced by "loading"; the download ends within its tries and
    // the notice says so.
    await inView(page, '#task-list');
    const statements = () => page.locator('#task-list [data-part="text"]').allTextContents();
    const before = await statements();
    assert.ok(before.length > 0 && before.every((text) => text && !/loading|unavailable/.test(text)), before.join('\n'));
    await page.waitForFunction(() => [...document.querySelectorAll('#notices .notice')].some((n) => /^Task statements could not/.test(n.textContent)),
                               null, { timeout: TIMING.attempts * TIMING.attemptMs + 3000 });
    assert.ok((await noticeTexts(page)).some((n) => /^Task statements could not be downloaded \(data\/text\/tasks-11\.json: no answer within 3 s, tried 2 times/.test(n)));
    assert.deepEqual(await statements(), before);
    await done(page);
  });

  test('details.json never answering: live within the parts\' wait, the description and statements shown stay, the inputs work', async () => {
    const page = await faultyPage('occupation/1137/', { '**/data/details.json': 'stall' });
    await page.waitForLoadState('domcontentloaded');
    const description = await page.locator('#occupation [data-field="description"]').textContent();
    assert.ok(description.length > 50);
    const statements = async () => (await page.locator('#task-list [data-part="text"]').allTextContents()).sort();
    const shown = await statements();
    const started = Date.now();
    await waitForApp(page);
    assert.ok(Date.now() - started < TIMING.partsWaitMs + TIMING.attemptMs, `live after ${Date.now() - started} ms`);
    assert.equal(await page.locator('#occupation [data-field="description"]').textContent(), description);
    assert.equal(await page.locator('#occupation [data-field="description"]').isVisible(), true);
    await page.click('#assumptions > summary');
    await setInput(page, '#e2', 1);
    assert.equal(await score(page), '9.4');
    assert.equal(await page.locator('#occupation [data-field="description"]').textContent(), description, 'kept through a render');
    await inView(page, '#task-list');
    assert.deepEqual(await statements(), shown);
    await done(page);
  });

  test('the ILO\'s task list never answering: "taking longer" within the slow time, then the error', async () => {
    const page = await faultyPage('occupation/1137/', { '**/data/ilo/tasks-*.json': 'stall' });
    await waitForApp(page);
    await inView(page, '#measures');
    const status = page.locator('#ilo-tasks-status');
    await page.locator('#measures [data-part="ilo-tasks"] > summary').click();
    await page.waitForFunction(() => /^Downloading the ILO's tasks/.test(document.getElementById('ilo-tasks-status').textContent));
    const opened = Date.now();
    await page.waitForFunction(() => /taking longer than usual/.test(document.getElementById('ilo-tasks-status').textContent), null, { timeout: TIMING.slowMs + 2000 });
    assert.ok(Date.now() - opened < TIMING.slowMs + 1500, 'said within the slow time');
    await page.waitForFunction(() => /could not be downloaded/.test(document.getElementById('ilo-tasks-status').textContent), null,
                               { timeout: TIMING.attempts * TIMING.attemptMs + 3000 });
    assert.match(await status.textContent(), /^The ILO's tasks could not be downloaded \(data\/ilo\/tasks-\d{4}\.json: no answer within 3 s, tried 2 times\)\. Close and open this again to retry\.$/);
    await done(page);
  });

  test('a task-text part (500): rows say the statement is unavailable, one notice over many renders, no request per render', async () => {
    const page = await faultyPage('occupation/1137/', { '**/data/text/tasks-11.json': '500' });
    await waitForApp(page);
    // The statements the page's HTML holds stay; another role of the same part (1136, opened here) has none to show.
    await inView(page, '#task-list');
    const statements = await page.locator('#task-list [data-part="text"]').allTextContents();
    assert.ok(statements.length > 0 && statements.every((text) => text && !/loading|unavailable/.test(text)), statements.join('\n'));
    await page.click('#role-search');
    await page.keyboard.type('1136');
    await page.waitForSelector('#role-results [role="option"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('occupation').dataset.soc === '1136');
    await inView(page, '#task-list');
    await page.waitForFunction(() => document.querySelector('#task-list').textContent.includes('unavailable'), null, { timeout: 10000 });
    assert.equal(await page.locator('#task-list').textContent().then((t) => t.includes('loading')), false);
    const direct = await score(page);
    for (const value of [1, 0.5, 0, 1]) await setInput(page, '#e2', value);
    assert.notEqual(await score(page), direct, 'the figures still compute');
    await setInput(page, '#e2', 0);
    assert.equal(await score(page), direct);
    await page.waitForTimeout(200);
    const notices = (await noticeTexts(page)).filter((n) => /^Task statements could not be downloaded/.test(n));
    assert.equal(notices.length, 1, notices.join('\n'));
    assert.match(notices[0], /data\/text\/tasks-11\.json: the server answered HTTP 500, tried 2 times/);
    assert.ok(page.requested.get('/data/text/tasks-11.json') <= TIMING.attempts + 1, 'no request per render');
    await screenshot(page, 'fault-page-text-500');
    await done(page);
  });

  test('titles.json (reset): the search says it looks at occupation titles only, and still finds them', async () => {
    const page = await faultyPage('', { '**/data/titles.json': 'reset' });
    await waitForApp(page);
    await page.click('#role-search');
    await page.keyboard.type('IT managers');
    await page.waitForFunction(() => document.getElementById('role-search-hint').dataset.state === 'degraded', null, { timeout: 10000 });
    assert.match(await page.locator('#role-search-hint').textContent(), /job titles could not be downloaded.*titles and codes of the 412 occupations.*tries again/);
    await page.waitForSelector('#role-results [role="option"]');
    assert.match(await page.locator('#role-results').textContent(), /IT managers/);
    await done(page);
  });

  test('titles.json never answering, then arriving late: the search says what it searches from the first second, and again when they arrive', async () => {
    const hint = (page) => page.locator('#role-search-hint').textContent();
    const status = (page) => page.locator('#role-search-status').textContent();
    // Never answering: "still downloading" within a second of the first keystroke, then the failure, within its tries.
    const stalled = await faultyPage('', { '**/data/titles.json': 'stall' });
    await waitForApp(stalled);
    await stalled.click('#role-search');
    await stalled.keyboard.type('barista');
    const typed = Date.now();
    await stalled.waitForFunction(() => /still downloading/.test(document.getElementById('role-search-hint').textContent), null, { timeout: 3000 });
    assert.ok(Date.now() - typed < 2000, `said after ${Date.now() - typed} ms`);
    assert.match(await hint(stalled), /^The 32,000 job titles are still downloading, so for now the search looks only at the titles and codes of the 412 occupations\.$/);
    await stalled.fill('#role-search', 'barist');
    await stalled.keyboard.type('a');
    await stalled.waitForFunction(() => document.getElementById('role-search-status').textContent !== '');
    assert.equal(await status(stalled), 'No occupation title or code matches (the job titles are not searched yet).');
    await stalled.waitForFunction(() => /could not be downloaded/.test(document.getElementById('role-search-hint').textContent), null,
                                  { timeout: TIMING.attempts * TIMING.attemptMs + 3000 });
    await done(stalled);
    // Arriving after the first second: the hint says the usual again, the search is redone and says so.
    const late = await faultyPage('', { '**/data/titles.json': async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 2500));
      await route.continue();
    } });
    await waitForApp(late);
    await late.click('#role-search');
    await late.keyboard.type('barista');
    await late.waitForFunction(() => /still downloading/.test(document.getElementById('role-search-hint').textContent), null, { timeout: 3000 });
    await late.waitForFunction(() => /^Searches all 412 UK occupations and the 32,000 job titles/.test(document.getElementById('role-search-hint').textContent),
                               null, { timeout: TIMING.attemptMs });
    await late.waitForFunction(() => /^The job titles have arrived: /.test(document.getElementById('role-search-status').textContent));
    assert.match(await status(late), /^The job titles have arrived: (At least )?\d+ matching occupations\./);
    assert.match(await late.locator('#role-results').textContent(), /job title: barista/i);
    await done(late);
  });

  test('integrity.json (500): the parts it vouches for fail with one notice each, naming the checksums, and the figures compute', async () => {
    const page = await faultyPage('occupation/1137/', { '**/data/integrity.json': '500' });
    await waitForApp(page);
    const notices = await noticeTexts(page);
    assert.ok(notices.some((n) => /^The task details could not be downloaded \(data\/details\.json cannot be checked, as the list of checksums did not arrive/.test(n)), notices.join('\n'));
    assert.equal(notices.filter((n) => /^Task statements could not be downloaded/.test(n)).length, 1, notices.join('\n'));
    await setInput(page, '#e2', 1);
    assert.equal(await score(page), '9.4');
    await done(page);
  });
});

describe('the page: the breakdowns\' data', () => {
  const KINDS = ['sex', 'pattern', 'industry', 'region', 'pay'];
  for (const [way, why] of [['404', 'the server answered HTTP 404'], ['reset', 'the connection failed, tried 2 times']]) {
    test(`breakdowns.json (${way}): each breakdown says its figures are the defaults' and why, the rest of the page recomputes`, async () => {
      const page = await faultyPage('?e2=1', { '**/data/breakdowns.json': way });
      await waitForApp(page);
      // The rest of the page is the assumptions in force.
      assert.notEqual(await page.locator('[data-total="meanScoreText"]').textContent(), '1.74');
      for (const kind of KINDS) {
        await inView(page, `#who-${kind}`);
        await page.waitForFunction((id) => document.getElementById(id).dataset.state === 'failed', `who-${kind}`, { timeout: 15000 });
        const status = page.locator(`#who-${kind} [data-part="status"]`);
        assert.equal(await status.isVisible(), true);
        assert.equal(await status.textContent(), 'These figures are under the default assumptions, not those in force: the breakdowns\' data '
          + `could not be downloaded (data/breakdowns.json: ${why}). Reload the page to try again.`);
        // The build's figures stay readable, marked, and their panels (the defaults') are not offered as these.
        assert.ok(await page.locator(`#who-${kind} [data-part="rows"] > li`).count() >= 2);
        assert.ok(await page.locator(`#who-${kind} .source-button`).evaluateAll((buttons) => buttons.every((b) => b.disabled)));
      }
      // More inputs ask no more: the calculator remembers the failure for a while.
      const asked = page.requested.get('/data/breakdowns.json');
      assert.ok(asked <= TIMING.attempts, `${asked} requests`);
      await page.locator('#assumptions').scrollIntoViewIfNeeded();
      await setInput(page, '#assumptions input[name="e2"]', '0.5');
      await inView(page, '#who-industry');
      assert.equal(page.requested.get('/data/breakdowns.json'), asked);
      assert.equal(await page.locator('#who-industry').getAttribute('data-state'), 'failed');
      // A CSV asked for says why it cannot be had.
      await page.locator('[data-breakdown-csv="industry"]').click();
      await page.waitForFunction(() => [...document.querySelectorAll('#notices .notice')].some((n) => /breakdown could not be downloaded as CSV/.test(n.textContent)));
      assert.match((await noticeTexts(page)).find((n) => /as CSV/.test(n)), new RegExp(`its data did not arrive \\(data/breakdowns\\.json: ${why.replace(/[.,]/g, '.')}\\)`));
      assert.deepEqual(await axeViolations(page, '#who'), []);
      await inView(page, '#who-sex');
      await screenshot(page, `fault-page-breakdowns-${way.replace(' ', '-')}`);
      await done(page);
    });
  }

  test('breakdowns.json (404) on a role page: its line stays under the defaults, and says why once the figures change', async () => {
    const page = await faultyPage('occupation/2132/', { '**/data/breakdowns.json': '404' });
    await waitForApp(page);
    const line = page.locator('#role-who [data-part="text"]');
    assert.match(await line.textContent(), /^Women hold an estimated 23% of its employee jobs/);
    assert.equal(await line.isVisible(), true);
    await setInput(page, '#e2', 1);
    assert.equal(await score(page), '9.4');
    await page.waitForFunction(() => /could not be shown/.test(document.querySelector('#role-who [data-part="status"]').textContent));
    assert.equal(await page.locator('#role-who [data-part="status"]').textContent(),
                 'Who does this work (by sex and industry) could not be shown: its data could not be downloaded (data/breakdowns.json: '
                 + 'the server answered HTTP 404).');
    assert.equal(await line.isVisible(), false, 'a line of other assumptions is not shown as this one');
    await setInput(page, '#e2', 0);
    assert.equal(await line.isVisible(), true, 'under the defaults the build\'s line is current again');
    await done(page);
  });

  test('breakdowns.json (500) for a chart of who is exposed: the chart says what failed, a chart of another kind draws', async () => {
    const page = await faultyPage('embed-chart.html?kind=industry', { '**/data/breakdowns.json': '500' });
    const chart = page.locator('uk-ai-exposure-chart');
    await page.waitForFunction(() => document.querySelector('uk-ai-exposure-chart')?.dataset.state === 'error', null, { timeout: 20000 });
    assert.match(await chart.evaluate((host) => host.shadowRoot.textContent),
                 /The figures of this chart could not be downloaded \(data\/breakdowns\.json: the server answered HTTP 500, tried 2 times\)\. Reload the page to try again\./);
    await page.goto(`${site.url}embed-chart.html?kind=groups`);
    await page.waitForFunction(() => document.querySelector('uk-ai-exposure-chart')?.dataset.state === 'ready', null, { timeout: 20000 });
    await done(page);
  });
});

describe('the page: notices about a link', () => {
  test('are grouped by kind with a count, can be dismissed by keyboard, and clear when the visitor moves on', async () => {
    const page = await faultyPage('occupation/1137/?e1=-5&e2=1e308&w=bad&t=abc,99999999.E1', {});
    await waitForApp(page);
    const notices = await noticeTexts(page);
    // Three bad values form one notice with their count; the task changes another.
    const values = notices.filter((n) => /e1=/.test(n));
    assert.equal(values.length, 1, notices.join('\n'));
    assert.match(values[0], /^\d parts of the link were not used: .*e1=.*e2=/);
    for (const notice of notices) assert.match(notice, /^(Part of the link was not used|\d+ parts of the link were not used): /);
    assert.equal(notices.length < 5, true, 'grouped, not one notice per part');
    await screenshot(page, 'fault-link-notices');
    // Dismissed from the keyboard: focus the first close button, press Enter.
    const before = notices.length;
    await page.locator('#notices .notice__close').first().focus();
    await page.keyboard.press('Enter');
    assert.equal((await noticeTexts(page)).length, before - 1);
    assert.equal(await page.evaluate(() => document.activeElement.classList.contains('notice__close') || document.activeElement.id === 'main'), true);
    // Moving on (an assumption changes) clears what was said about the link.
    await setInput(page, '#e2', 0.5);
    assert.deepEqual((await noticeTexts(page)).filter((n) => /link/.test(n)), []);
    await done(page);
  });

  test('a link naming two occupations: the path wins over a query soc=, a repeated soc= takes the last, each with a notice naming the one left out', async () => {
    const twoNames = (notices) => notices.filter((n) => /^The link names two occupations/.test(n));
    const onRole = await faultyPage('occupation/1137/?soc=2132&e2=1', {});
    await waitForApp(onRole);
    assert.deepEqual(twoNames(await noticeTexts(onRole)), ['The link names two occupations: this page shows Information technology directors '
      + '(SOC 2020 1137), the one in its address; soc=2132 (IT managers) in its query was left out.']);
    assert.equal(await score(onRole), '9.4', 'the path\'s role, under the link\'s other assumptions');
    await onRole.waitForFunction(() => !location.search.includes('soc='), null, { timeout: 5000 });
    assert.match(onRole.url(), /\/occupation\/1137\/\?e2=1$/);
    await done(onRole);
    // An old link with soc= twice: the last names the page (the servers' redirect, or the page's own where a host
    // has none), the earlier is named.
    const repeated = await faultyPage('?soc=1137&soc=2132', {});
    await waitForApp(repeated);
    assert.match(repeated.url(), /\/occupation\/2132\//);
    assert.deepEqual(twoNames(await noticeTexts(repeated)), ['The link names two occupations: this page shows IT managers (SOC 2020 2132), '
      + 'the one in its address; soc=1137 (Information technology directors) in its query was left out.']);
    await done(repeated);
  });

  test('clear when another role is opened', async () => {
    const page = await faultyPage('occupation/1137/?e2=7', {});
    await waitForApp(page);
    assert.equal((await noticeTexts(page)).length, 1);
    await page.click('#role-search');
    await page.keyboard.type('2132');
    await page.waitForSelector('#role-results [role="option"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('occupation').dataset.soc === '2132');
    await page.waitForFunction(() => document.querySelectorAll('#notices .notice').length === 0);
    await done(page);
  });
});

describe('the page: "Embed this card"', () => {
  // The list of the widget's files, changed by `change(list)` as it is served.
  const damagedList = (change) => async (route) => {
    const response = await route.fetch();
    const list = JSON.parse(await response.text());
    change(list);
    await route.fulfill({ status: 200, headers: plainHeaders(response), body: JSON.stringify(list) });
  };
  const cases = [
    ['never answering', 'stall', /^The embed code could not be made \(The list of the widget's files \(embed-integrity\.json\) did not arrive within 2 s: no snippet was written\. Check the connection and try again\.\)\.$/],
    ['answering 404', '404', /could not be had \(HTTP 404\): no snippet was written/],
    ['without a pin', damagedList((list) => { delete list.integrity[list.card.entry]; }), /is damaged \(no integrity for .*\): no snippet was written/],
    ['naming a script outside its release', damagedList((list) => { list.card.entry = 'javascript:alert(1)//.js'; }), /is damaged \(a file outside the release\): no snippet was written/],
    ['not JSON', async (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"release":' }), /is damaged \(not JSON\)/],
  ];
  for (const [name, way, message] of cases) {
    test(`the list of the widget's files ${name}: a notice says no snippet was written, within its time`, async () => {
      const page = await faultyPage('occupation/1137/?e2=0.5', { '**/embed-integrity.json': way });
      await waitForApp(page);
      const started = Date.now();
      await page.click('[data-action="embed"]');
      await page.waitForFunction(() => [...document.querySelectorAll('#notices .notice')].some((n) => /embed code/.test(n.textContent)), null, { timeout: 10000 });
      assert.ok(Date.now() - started < TIMING.embedMs + 2500, 'said within the time the writer waits');
      const notice = (await noticeTexts(page)).find((text) => /embed code/.test(text));
      assert.match(notice.replace(/\s*Dismiss.*$/, ''), message);
      assert.equal(await page.locator('#embed-box').isHidden(), true, 'no box with a snippet');
      assert.equal(await page.inputValue('#embed-code'), '');
      await done(page);
    });
  }
});

describe('a link too long for the server', () => {
  const query = (length) => `?e2=1&t=${'1'.repeat(length)}`;

  async function checkServer(url, label) {
    const response = await fetch(`${url}occupation/1137/${query(MAX_REQUEST_LINE_BYTES + 8000)}`);
    assert.equal(response.status, 414, label);
    assert.equal(response.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY, label);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff', label);
    assert.match(response.headers.get('content-type'), /^text\/html/, label);
    const html = await response.text();
    assert.match(html, /link is too long for the server/, label);
    assert.match(html, /<a href="\/"[^>]*>Go to the home page</, label);
  }

  test('gets the designed 414 page with the security headers from the dev server and from nginx', async () => {
    const dev = serverKind === 'dev' ? site : await startServer({ root: siteDir });
    const nginx = serverKind === 'nginx' ? site : await startNginx(siteDir);
    try {
      await checkServer(dev.url, 'dev server');
      await checkServer(nginx.url, 'nginx');
      // Just under the servers' limit, the page answers and its own notice says the same.
      const under = await fetch(`${site.url}occupation/1137/${query(MAX_REQUEST_LINE_BYTES - 4000)}`);
      assert.equal(under.status, 200);
      await under.arrayBuffer();
    } finally {
      if (dev !== site) await dev.close();
      if (nginx !== site) await nginx.close();
    }
  });

  for (const [name, length] of [['over the server limit', MAX_REQUEST_LINE_BYTES + 8000], ['just under it', MAX_REQUEST_LINE_BYTES - 4000]]) {
    test(`in the browser, ${name}: the same "too long" notice, and the calculator works with the defaults`, async () => {
      const page = await faultyPage(`occupation/1137/${query(length)}`, {},
                                    { expectErrors: [/status of 414/, ...DOWNLOAD_ERRORS] });
      await waitForApp(page);
      const notices = await noticeTexts(page);
      assert.equal(notices.length, 1, notices.join('\n'));
      assert.match(notices[0], /^Part of the link was not used: the link is too long/);
      if (length > MAX_REQUEST_LINE_BYTES) {
        // The server's page for it: what happened, and the search, which works.
        assert.equal(await page.locator('#empty-state h1').textContent(), 'This link is too long to open');
        await page.fill('#role-search', '1137');
        await page.waitForSelector('#role-results [role="option"]');
      } else {
        assert.equal(await page.inputValue('#e2'), '0');
        await page.waitForFunction(() => location.search === '');
      }
      if (length > MAX_REQUEST_LINE_BYTES) await screenshot(page, 'fault-link-414');
      await done(page);
    });
  }
});

describe('the widget', () => {
  const demo = 'embed-demo.html';
  const cardState = (page, id) => page.locator(`#${id}`).evaluate((host) => host.dataset.state);
  const cardText = (page, id) => page.locator(`#${id}`).evaluate((host) => host.shadowRoot.textContent);
  const waitCard = (page, id, state) => page.waitForFunction(([i, s]) => document.getElementById(i)?.dataset.state === s,
                                                             [id, state], { timeout: 20000 });

  for (const way of ['500', 'stall', 'wrong bytes']) {
    test(`a default card whose shard fails (${way}) computes the same figures with the core`, async () => {
      const page = await faultyPage(demo, { '**/widget/cards/1.*.json': way });
      await waitCard(page, 'card-1137', 'ready');
      assert.match(await cardText(page, 'card-1137'), /1\.2\/10/);
      assert.ok(page.requested.get('/wasm/aiexp.wasm') >= 1, 'the core was loaded instead');
      assert.equal(await cardState(page, 'card-4122'), 'ready');
      await done(page);
    });
  }

  const coreCases = [
    ['aiexp-loader.js', '404', /^UK AI Exposure: The calculator could not be loaded \(.*aiexp-loader\.js could not be loaded or does not match its integrity\)\./],
    ['wasm/aiexp.wasm', '500', /^UK AI Exposure: The calculator's program could not be downloaded \(wasm\/aiexp\.wasm: the server answered HTTP 500, tried 2 times\)\./],
    ['data/bundle.json', 'reset', /^UK AI Exposure: The occupation data could not be downloaded: data\/bundle\.json: the connection failed/],
  ];
  for (const [file, way, message] of coreCases) {
    test(`a card that needs the core, ${file} (${way}): a readable error with what to do; the default cards are unharmed`, async () => {
      const page = await faultyPage(demo, { [`**/${file}`]: way });
      await waitCard(page, 'card-2132', 'error');
      const text = await cardText(page, 'card-2132');
      assert.match(text, message);
      assert.match(text, /Reload the page to try again, or see this occupation on the calculator\.$/);
      assert.equal(await page.locator('#card-2132').evaluate((h) => h.shadowRoot.querySelector('a').getAttribute('href')),
                   `${site.url}occupation/2132/`);
      assert.equal(await cardState(page, 'card-1137'), 'ready');
      if (way === '500') {
        mkdirSync(screenshotDir, { recursive: true });
        await page.locator('#card-2132').screenshot({ path: join(screenshotDir, 'fault-widget-wasm-500.png') });
      }
      await done(page);
    });
  }

  test('a card whose core never answers says it is still loading, then gives up with the error', async () => {
    const page = await faultyPage(demo, { '**/wasm/aiexp.wasm': 'stall' });
    await page.waitForFunction(() => /Still loading/.test(document.getElementById('card-2132').shadowRoot.textContent), null, { timeout: 10000 });
    assert.equal(await cardState(page, 'card-2132'), 'loading');
    await waitCard(page, 'card-2132', 'error');
    assert.match(await cardText(page, 'card-2132'), /wasm\/aiexp\.wasm: no answer within 3 s, tried 2 times/);
    await done(page);
  });

  test('a host page whose card modules never arrive (define.js 404) shows the link inside the element, not a blank', async () => {
    const page = await faultyPage(demo, { '**/widget/uk-ai-exposure-define.js': '404' });
    const link = page.locator('#card-1137 > a');
    await link.waitFor({ state: 'visible', timeout: 10000 });
    assert.match(await link.textContent(), /^Information technology directors: how exposed this work is to AI/);
    assert.equal(await link.getAttribute('href'), 'occupation/1137/');
    await done(page);
  });

  test('a card that draws hides the link inside its element', async () => {
    const page = await faultyPage(demo, {});
    await waitCard(page, 'card-1137', 'ready');
    assert.equal(await page.locator('#card-1137 > a').isVisible(), false);
    await done(page);
  });

  test('a default card whose shard and core both fail says so', async () => {
    const page = await faultyPage(demo, { '**/widget/cards/1.*.json': '404', '**/data/bundle.json': '500' });
    await waitCard(page, 'card-1137', 'error');
    assert.match(await cardText(page, 'card-1137'), /data\/bundle\.json: the server answered HTTP 500/);
    await done(page);
  });
});

describe('the iframe card', () => {
  const cardText = (page) => page.locator('uk-ai-exposure').evaluate((host) => host.shadowRoot.textContent);
  const waitState = (page, state) => page.waitForFunction((s) => document.querySelector('uk-ai-exposure')?.dataset.state === s,
                                                          state, { timeout: 20000 });

  test('embed/1137.html with other assumptions and the module missing (404): the card says what failed', async () => {
    const page = await faultyPage('embed/1137.html?e2=1', { '**/wasm/aiexp.wasm': '404' });
    await waitState(page, 'error');
    assert.match(await cardText(page), /program could not be downloaded \(wasm\/aiexp\.wasm: the server answered HTTP 404\).*Reload the page/);
    await screenshot(page, 'fault-iframe-wasm-404');
    await done(page);
  });

  test('embed/1137.html under the defaults with its shard failing (reset): the card still shows its figures', async () => {
    const page = await faultyPage('embed/1137.html', { '**/widget/cards/1.*.json': 'reset' });
    await waitState(page, 'ready');
    assert.match(await cardText(page), /1\.2\/10/);
    await done(page);
  });

  test('embed.html?soc=1137&e2=1 with the bundle never answering: "still loading", then the error', async () => {
    const page = await faultyPage('embed.html?soc=1137&e2=1', { '**/data/bundle.json': 'stall' });
    await page.waitForFunction(() => /Still loading/.test(document.querySelector('uk-ai-exposure')?.shadowRoot.textContent ?? ''), null, { timeout: 10000 });
    await waitState(page, 'error');
    assert.match(await cardText(page), /data\/bundle\.json: no answer within 3 s/);
    await done(page);
  });

  // embed.js or a module it imports not arriving: the frame's own HTML says so (start-check.js marks it).
  const fallback = (page) => page.waitForSelector('.card-fallback', { state: 'visible', timeout: 10000 })
    .then(() => page.locator('.card-fallback').innerText());

  test('embed.html?soc=1137&e2=1 with embed.js missing (404): the frame says the card has not started, not blank', async () => {
    const page = await faultyPage('embed.html?soc=1137&e2=1', { '**/embed.js': '404' });
    assert.match(await fallback(page), /This card has not started: its script did not load.*open the UK AI Exposure calculator/s);
    assert.equal(await page.locator('.card-fallback a').first().getAttribute('href'), 'index.html');
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'fault-iframe-embed-404');
    await done(page);
  });

  test('embed/1137.html?e2=1 with the card\'s module cut off (reset): the default card stays and says it is the default', async () => {
    const routes = { '**/widget/uk-ai-exposure-define.js': FAULTS.reset };
    const page = await faultyPage('embed/1137.html?e2=1', { '**/widget/uk-ai-exposure-define.js': 'reset' });
    assert.match(await fallback(page), /script did not load: it shows the figures under the default assumptions/);
    assert.equal(await page.locator('.card-fallback a').first().getAttribute('href'), '../occupation/1137/');
    assert.match(await cardText(page), /1\.2\/10/);
    await done(page);
    assert.deepEqual(await axeViolationsWithoutCsp(browser, `${site.url}embed/1137.html?e2=1`, {
      routes, prepare: (p) => p.waitForSelector('.card-fallback', { state: 'visible', timeout: 10000 }),
    }), []);
  });

  test('embed.html never starting (embed.js stalled): the fallback shows once its timer runs out', async () => {
    const page = await faultyPage('embed.html?soc=1137', { '**/embed.js': 'stall', '**/*.css': startTime('500ms') }, { waitUntil: 'commit' });
    // Styled first: before its stylesheet the fallback is a plain block, which would count as shown.
    await page.waitForFunction(() => document.styleSheets.length > 0);
    assert.match(await fallback(page), /has not started/);
    await done(page);
  });

  test('a frame whose scripts all work shows no fallback, even after its timer', async () => {
    const page = await faultyPage('embed/1137.html?e2=1', {});
    await waitState(page, 'ready');
    await page.evaluate(() => document.documentElement.style.setProperty('--aiexp-start-timeout', '1ms'));
    await page.waitForTimeout(100);
    assert.equal(await page.locator('.card-fallback').isVisible(), false);
    assert.equal(await page.getAttribute('html', 'data-app'), 'running');
    await done(page);
  });

  test('embed.html?soc=1137&e2=1 with the bundle truncated: the error, not a blank frame', async () => {
    const page = await faultyPage('embed.html?soc=1137&e2=1', { '**/data/bundle.json': 'truncated' });
    await waitState(page, 'error');
    assert.match(await cardText(page), /could not be downloaded: data\/bundle\.json/);
    await done(page);
  });
});
