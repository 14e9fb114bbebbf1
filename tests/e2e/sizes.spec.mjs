// Transfer budgets, measured in Chromium from what the server actually sends (compressed as it serves them: brotli,
// which Chromium takes from 127.0.0.1, else gzip), headers included:
// what a page with one default card needs before the card's first paint <= 25 KB, the widget's whole payload
// when a card needs the core (script + wasm + the data it needs) <= 120 KB, a role page before the first
// interaction <= 60 KB in <= 1,000 elements, the home page <= 150 KB, and a page up to interactive <= 350 KB. Sizes are deterministic, so these are checks, unlike timings (see bench/).
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import { startServer } from '../../tools/serve.mjs';
import { openPage, siteDir, useSiteAndBrowser, waitForApp } from './harness.mjs';

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
  bytes.downloads = new Map();  // path -> how many times its file came (not a 304)
  const statuses = new Map();
  client.on('Network.requestWillBeSent', (event) => urls.set(event.requestId, new URL(event.request.url).pathname));
  client.on('Network.responseReceived', (event) => statuses.set(event.requestId, event.response.status));
  client.on('Network.loadingFinished', (event) => {
    const path = urls.get(event.requestId);
    const into = statuses.get(event.requestId) === 304 ? bytes.revalidated : bytes;
    if (path) into.set(path, (into.get(path) ?? 0) + event.encodedDataLength);
    if (path && into === bytes) bytes.downloads.set(path, (bytes.downloads.get(path) ?? 0) + 1);
    bytes.byRequest.set(event.requestId, event.encodedDataLength);
  });
  return bytes;
}

test('a page with one default card needs at most 25 KB (gzip) before the card\'s first paint, nothing of the core', async () => {
  // A host on another origin with the snippet the calculator page writes (embed-integrity.json).
  const dir = await mkdtemp(join(tmpdir(), 'aiexp-host-'));
  const integrity = JSON.parse(await readFile(join(siteDir, 'embed-integrity.json'), 'utf8'));
  const pin = (path) => `integrity="${integrity.integrity[path]}" crossorigin="anonymous"`;
  await writeFile(join(dir, 'favicon.ico'), '');
  await writeFile(join(dir, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
${integrity.card.preload.map((path) => `<link rel="modulepreload" href="${site.url}${path}" ${pin(path)}>`).join('\n')}
<script type="module" src="${site.url}${integrity.card.entry}" ${pin(integrity.card.entry)}></script>
</head><body><main><h1>A newsletter</h1><uk-ai-exposure soc="1137"></uk-ai-exposure></main></body></html>`);
  const widgetOrigin = new URL(site.url).origin;
  const host = await startServer({ root: dir, host: 'localhost', policy:
    `default-src 'self'; script-src 'self' ${widgetOrigin} 'wasm-unsafe-eval'; connect-src 'self' ${widgetOrigin}; style-src 'self'` });
  try {
    const page = await openPage(browser, 'about:blank', { allowedOrigins: [new URL(host.url).origin, widgetOrigin] });
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
    await rm(dir, { recursive: true, force: true });
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
  const revalidations = [...bytes.revalidated.values()].reduce((sum, value) => sum + value, 0);
  console.log(`widget payload: ${(total / KB).toFixed(1)} KB (${widgetFiles.map((p) => `${p} ${(bytes.get(p) / KB).toFixed(1)}`).join(', ')}); ` +
              `the iframe card's revalidations ${(revalidations / KB).toFixed(1)} KB over ${bytes.revalidated.size} files`);
  assert.ok(total <= 120 * KB, `widget payload ${total} bytes`);
  await page.context().close();
});

test('a chart of who is exposed adds only the breakdowns\' data (about 16 KB gzip) to a chart\'s payload, once for the page', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'aiexp-host-'));
  const integrity = JSON.parse(await readFile(join(siteDir, 'embed-integrity.json'), 'utf8'));
  const pin = (path) => `integrity="${integrity.integrity[path]}" crossorigin="anonymous"`;
  await writeFile(join(dir, 'favicon.ico'), '');
  await writeFile(join(dir, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
${integrity.chart.preload.map((path) => `<link rel="modulepreload" href="${site.url}${path}" ${pin(path)}>`).join('\n')}
<script type="module" src="${site.url}${integrity.chart.entry}" ${pin(integrity.chart.entry)}></script>
</head><body><main><h1>An article</h1><uk-ai-exposure-chart kind="groups"></uk-ai-exposure-chart>
<uk-ai-exposure-chart kind="sex"></uk-ai-exposure-chart><uk-ai-exposure-chart kind="industry" e2="1"></uk-ai-exposure-chart></main></body></html>`);
  const widgetOrigin = new URL(site.url).origin;
  const host = await startServer({ root: dir, host: 'localhost', policy:
    `default-src 'self'; script-src 'self' ${widgetOrigin} 'wasm-unsafe-eval'; connect-src 'self' ${widgetOrigin}; style-src 'self'` });
  try {
    const page = await openPage(browser, 'about:blank', { allowedOrigins: [new URL(host.url).origin, widgetOrigin] });
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
    await rm(dir, { recursive: true, force: true });
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
