// Transfer budgets, measured in Chromium from what the server actually sends (compressed as it serves them: brotli,
// which Chromium takes from 127.0.0.1, else gzip), headers included:
// what a page with one default card needs before the card's first paint <= 25 KB, the widget's whole payload
// when a card needs the core (script + wasm + the data it needs) <= 120 KB, a role page before the first
// interaction <= 60 KB in <= 1,000 elements, the home page <= 150 KB, and a page up to interactive <= 350 KB. Sizes are deterministic, so these are checks, unlike timings (see bench/).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { hostPage, openPage, pinnedSnippet, useSiteAndBrowser, waitForApp } from './harness.mjs';

const KB = 1024;
let browser;
let site;
useSiteAndBrowser((env) => ({ browser, site } = env));

// Bytes on the wire per path for the page's main frame, collected through the DevTools protocol.
async function recordTransfers(page) {
  const client = await page.context().newCDPSession(page);
  await client.send('Network.enable');
  const urls = new Map();
  const bytes = new Map();
  bytes.byRequest = new Map();  // request id -> bytes, for budgets counted over part of the requests
  bytes.requests = urls;  // request id -> path, in the order the requests were sent
  // Revalidations (304: headers only) by path, apart: a second document of the page asking whether its copy is
  // current downloads no file again.
  bytes.revalidated = new Map();
  // A file another document of the page (the iframe card) asked for while the first was still downloading it: the
  // browser's cache cannot answer for a file it is still writing, so that document gets a copy of its own. Apart
  // too, by path: it says nothing of the widget. A second download by the same document, or one asked for after
  // the first had come, counts as a download.
  bytes.inParallel = new Map();
  bytes.downloads = new Map();  // path -> how many times its file came (not a 304, not a copy in parallel)
  const statuses = new Map();
  const inFlight = new Map();  // path -> Map(request id -> frame id) of its requests not yet finished
  const parallel = new Set();  // request ids sent while another frame's request for the same path was in flight
  client.on('Network.requestWillBeSent', (event) => {
    const path = new URL(event.request.url).pathname;
    urls.set(event.requestId, path);
    if (!inFlight.has(path)) inFlight.set(path, new Map());
    if ([...inFlight.get(path).values()].some((frame) => frame !== event.frameId)) parallel.add(event.requestId);
    inFlight.get(path).set(event.requestId, event.frameId);
  });
  client.on('Network.responseReceived', (event) => statuses.set(event.requestId, event.response.status));
  client.on('Network.loadingFinished', (event) => {
    const path = urls.get(event.requestId);
    if (!path) return;
    inFlight.get(path).delete(event.requestId);
    const revalidation = statuses.get(event.requestId) === 304;
    const into = revalidation ? bytes.revalidated : parallel.has(event.requestId) ? bytes.inParallel : bytes;
    into.set(path, (into.get(path) ?? 0) + event.encodedDataLength);
    if (into === bytes) bytes.downloads.set(path, (bytes.downloads.get(path) ?? 0) + 1);
    bytes.byRequest.set(event.requestId, event.encodedDataLength);
  });
  return bytes;
}

test('a page with one default card needs at most 25 KB (gzip) before the card\'s first paint, nothing of the core', async () => {
  // A host on another origin with the snippet the calculator page writes (embed-integrity.json).
  const { head } = await pinnedSnippet(site.url, 'card');
  const host = await hostPage(site.url, { head, body: '<h1>A newsletter</h1><uk-ai-exposure soc="1137"></uk-ai-exposure>' });
  try {
    const page = await openPage(browser, 'about:blank', { allowedOrigins: host.origins });
    const bytes = await recordTransfers(page);
    await page.goto(host.url);
    await page.waitForFunction(() => document.querySelector('uk-ai-exposure').dataset.state === 'ready', null, { timeout: 15000 });
    // Requests sent by now may have been sent a little after the paint: counting them can only overstate.
    const beforePaint = [...bytes.requests.keys()];
    await page.waitForLoadState('networkidle');
    assert.equal(await page.locator('uk-ai-exposure').evaluate((h) => h.shadowRoot.querySelector('.value').textContent), '1.2/10');
    // The snippet names a release (releases/<id>/...): its files are checked as the site's own paths.
    const paths = beforePaint.map((id) => bytes.requests.get(id).replace(/^\/releases\/[0-9a-f]{16}\//, '/'));
    for (const path of paths) assert.doesNotMatch(path, /^\/(?:wasm\/|data\/|aiexp-loader\.js|calculator\.js|snapshot\.js|manifest\.js)/);
    const total = beforePaint.reduce((sum, id) => sum + (bytes.byRequest.get(id) ?? 0), 0);
    console.log(`default card before its first paint: ${(total / KB).toFixed(1)} KB gzip (${beforePaint.map((id) =>
      `${bytes.requests.get(id)} ${((bytes.byRequest.get(id) ?? 0) / KB).toFixed(1)}`).join(', ')})`);
    assert.ok(beforePaint.every((id) => bytes.byRequest.has(id)), 'a request before the first paint did not finish');
    assert.ok(total <= 25 * KB, `a default card needs ${total} bytes before its first paint`);
    await page.assertClean();
    await page.context().close();
  } finally {
    await host.close();
  }
});

test('the widget downloads at most 120 KB (gzip) when a card needs the core: its modules, the module and the compact bundle', async () => {
  const page = await openPage(browser, 'about:blank', { allowedOrigins: [new URL(site.url).origin] });
  const bytes = await recordTransfers(page);
  await page.goto(`${site.url}embed-demo.html`);
  await page.waitForFunction(() => document.querySelectorAll('uk-ai-exposure[data-state="ready"]').length === 3);
  await page.waitForLoadState('networkidle');
  // The demo's card-2132 (e2="1") needs the core; its default cards (and its iframe card) fetch their shards.
  const shards = [...bytes.keys()].filter((path) => /^\/widget\/cards\/\d\.[0-9a-f]{16}\.json$/.test(path));
  assert.deepEqual(shards.map((path) => path.split('.')[0]).sort(), ['/widget/cards/1', '/widget/cards/3', '/widget/cards/4']);
  const widgetFiles = ['/widget/uk-ai-exposure-define.js', '/widget/uk-ai-exposure.js', '/widget/uk-ai-exposure-base.js', '/widget/uk-ai-exposure-card.js',
                       '/widget/styles-card.js', '/widget/cards.js', ...shards, '/aiexp-loader.js', '/calculator.js', '/snapshot.js',
                       '/manifest.js', '/wasm/aiexp.js', '/wasm/aiexp.wasm', '/data/bundle.json'];
  for (const path of widgetFiles) assert.ok(bytes.has(path), `${path} was not downloaded`);
  // The demo page's own files and the iframe card's page (embed.html with its stylesheet, script and the
  // start check behind its fallback).
  const host = new Set(['/embed-demo.html', '/embed-demo.css', '/widget/iframe-resizer.js', '/favicon.svg', '/embed.html',
                        '/embed.css', '/embed.js', '/embed-frame.js', '/start-check.js']);
  const unexpected = [...bytes.keys()].filter((path) => !widgetFiles.includes(path) && !host.has(path));
  assert.deepEqual(unexpected, [], 'the cards downloaded files beyond the widget payload');
  // Every file once: the iframe card's page asks again only whether its copies of the modules are current (304).
  assert.deepEqual(widgetFiles.filter((path) => bytes.downloads.get(path) > 1), [], 'a widget file was downloaded twice');
  const total = widgetFiles.reduce((sum, path) => sum + bytes.get(path), 0);
  const sum = (map) => [...map.values()].reduce((all, value) => all + value, 0);
  console.log(`widget payload: ${(total / KB).toFixed(1)} KB (${widgetFiles.map((p) => `${p} ${(bytes.get(p) / KB).toFixed(1)}`).join(', ')}); ` +
              `the iframe card's revalidations ${(sum(bytes.revalidated) / KB).toFixed(1)} KB over ${bytes.revalidated.size} files, `
              + `its copies fetched in parallel ${(sum(bytes.inParallel) / KB).toFixed(1)} KB (${[...bytes.inParallel.keys()].join(', ') || 'none'})`);
  assert.ok(total <= 120 * KB, `widget payload ${total} bytes`);
  await page.context().close();
});

test('a chart of who is exposed adds only the breakdowns\' data (about 16 KB gzip) to a chart\'s payload, once for the page', async () => {
  const { head } = await pinnedSnippet(site.url, 'chart');
  const host = await hostPage(site.url, { head, body: `<h1>An article</h1><uk-ai-exposure-chart kind="groups"></uk-ai-exposure-chart>
<uk-ai-exposure-chart kind="sex"></uk-ai-exposure-chart><uk-ai-exposure-chart kind="industry" e2="1"></uk-ai-exposure-chart>` });
  try {
    const page = await openPage(browser, 'about:blank', { allowedOrigins: host.origins });
    const bytes = await recordTransfers(page);
    await page.goto(host.url);
    await page.waitForFunction(() => [...document.querySelectorAll('uk-ai-exposure-chart')].every((c) => c.dataset.state === 'ready'),
                               null, { timeout: 30000 });
    await page.waitForLoadState('networkidle');
    const release = (path) => path.replace(/^\/releases\/[0-9a-f]{16}\//, '/');
    const byPath = new Map();
    for (const [id, path] of bytes.requests) {
      if (!bytes.byRequest.has(id)) continue;
      byPath.set(release(path), (byPath.get(release(path)) ?? 0) + bytes.byRequest.get(id));
    }
    const downloads = [...bytes.requests.values()].map(release);
    assert.equal(downloads.filter((path) => path === '/data/breakdowns.json').length, 1, 'the breakdowns\' data load once');
    const data = byPath.get('/data/breakdowns.json');
    const views = ['/ui/breakdown-bars-view.js', '/ui/breakdown-parts.js', '/ui/breakdown-tiles-view.js'].reduce((sum, path) => sum + (byPath.get(path) ?? 0), 0);
    const total = [...byPath.entries()].filter(([path]) => path !== '/' && path !== '/favicon.ico').reduce((sum, [, value]) => sum + value, 0);
    console.log(`chart element with breakdowns: ${(total / KB).toFixed(1)} KB gzip in all; data/breakdowns.json ${(data / KB).toFixed(1)} KB, `
      + `the breakdowns' views ${(views / KB).toFixed(1)} KB`);
    assert.ok(data <= 20 * KB, `data/breakdowns.json is ${data} bytes`);
    assert.ok(views <= 8 * KB, `the breakdowns' views are ${views} bytes`);
    await page.assertClean();
    await page.context().close();
  } finally {
    await host.close();
  }
});

test('the page transfers at most 350 KB (gzip) up to interactive, role and task texts included', async () => {
  const page = await openPage(browser, 'about:blank', { allowedOrigins: [new URL(site.url).origin] });
  const bytes = await recordTransfers(page);
  await page.goto(`${site.url}occupation/1137/`);
  await page.click('#assumptions > summary');  // a visitor reaches for a control: the calculator loads
  await waitForApp(page);
  await page.waitForFunction(() => !document.querySelector('#task-list').textContent.includes('loading'));
  await page.waitForLoadState('networkidle');
  const total = [...bytes.values()].reduce((a, b) => a + b, 0);
  console.log(`page initial transfer: ${(total / KB).toFixed(1)} KB gzip over ${bytes.size} files`);
  assert.ok(!bytes.has('/data/titles.json'), 'the job-title index loads only when the search is used');
  assert.ok(bytes.has('/wasm/aiexp-speed.wasm') && bytes.has('/wasm/aiexp-speed.js'), 'the page runs the speed build');
  assert.ok(!bytes.has('/wasm/aiexp.wasm') && !bytes.has('/wasm/aiexp.js'), 'the page downloaded the widget build too');
  for (const homeOnly of ['/ui/treemap-view.js', '/vendor/d3-hierarchy.js', '/ui/table-view.js', '/ui/threshold-view.js']) {
    assert.ok(!bytes.has(homeOnly), `a role page downloaded ${homeOnly}, a view of the home page`);
  }
  assert.ok(total <= 350 * KB, `initial transfer ${total} bytes`);
  await page.assertClean();
  await page.context().close();
});

// What a page needs before a visitor does anything: every request sent up to its load event (the calculator is
// asked for only after it, when the browser is idle, or at the first reach for a control).
for (const [path, budget] of [['occupation/1137/', 60], ['occupation/2311/', 60], ['', 150]]) {
  test(`${path || 'the home page'} transfers at most ${budget} KB (gzip) before the first interaction${path ? ', in at most 1,000 elements' : ''}`, async () => {
    const page = await openPage(browser, 'about:blank', { allowedOrigins: [new URL(site.url).origin] });
    const bytes = await recordTransfers(page);
    await page.goto(`${site.url}${path}`, { waitUntil: 'load' });
    const beforeLoad = [...bytes.requests.keys()];
    const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
    await waitForApp(page);
    await page.waitForLoadState('networkidle');
    const paths = beforeLoad.map((id) => bytes.requests.get(id));
    for (const seen of paths) assert.doesNotMatch(seen, /\.wasm$|^\/data\/|^\/app\.js$/, 'the core is not asked for before the page has loaded');
    assert.ok(beforeLoad.every((id) => bytes.byRequest.has(id)), 'a request before the load event did not finish');
    const total = beforeLoad.reduce((sum, id) => sum + (bytes.byRequest.get(id) ?? 0), 0);
    const live = await page.evaluate(() => document.getElementsByTagName('*').length);
    console.log(`${path || 'home'} before the first interaction: ${(total / KB).toFixed(1)} KB gzip (${paths.join(', ')}); `
      + `${elements} elements as served, ${live} live`);
    assert.ok(total <= budget * KB, `${total} bytes before the first interaction`);
    if (path) assert.ok(elements <= 1000 && live <= 1000, `${elements} elements as served, ${live} live`);
    await page.assertClean();
    await page.context().close();
  });
}
