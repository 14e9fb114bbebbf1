// Transfer budgets, measured in Chromium from what the server actually sends (gzip, as it serves them):
// the widget's payload (script + wasm + the data it needs) <= 120 KB, and the page's initial transfer
// <= 350 KB. Sizes are deterministic, so these are checks, unlike timings (see bench/).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { openPage, useSiteAndBrowser, waitForApp } from './harness.mjs';

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
  client.on('Network.requestWillBeSent', (event) => urls.set(event.requestId, new URL(event.request.url).pathname));
  client.on('Network.loadingFinished', (event) => {
    const path = urls.get(event.requestId);
    if (path) bytes.set(path, (bytes.get(path) ?? 0) + event.encodedDataLength);
  });
  return bytes;
}

test('the widget downloads at most 120 KB (gzip): its modules, the WebAssembly module and the compact bundle', async () => {
  const page = await openPage(browser, 'about:blank', { allowedOrigins: [new URL(site.url).origin] });
  const bytes = await recordTransfers(page);
  await page.goto(`${site.url}embed-demo.html`);
  await page.waitForFunction(() => document.querySelectorAll('uk-ai-exposure[data-state="ready"]').length === 3);
  await page.waitForLoadState('networkidle');
  const widgetFiles = ['/widget/uk-ai-exposure-define.js', '/widget/uk-ai-exposure.js', '/aiexp-loader.js', '/manifest.js',
                       '/wasm/aiexp.js', '/wasm/aiexp.wasm', '/data/bundle.json'];
  for (const path of widgetFiles) assert.ok(bytes.has(path), `${path} was not downloaded`);
  const host = new Set(['/embed-demo.html', '/embed-demo.css', '/widget/iframe-resizer.js', '/favicon.svg', '/embed.html',
                        '/embed.css', '/embed.js']);
  const unexpected = [...bytes.keys()].filter((path) => !widgetFiles.includes(path) && !host.has(path));
  assert.deepEqual(unexpected, [], 'the cards downloaded files beyond the widget payload');
  const total = widgetFiles.reduce((sum, path) => sum + bytes.get(path), 0);
  console.log(`widget payload: ${(total / KB).toFixed(1)} KB gzip (${widgetFiles.map((p) => `${p} ${(bytes.get(p) / KB).toFixed(1)}`).join(', ')})`);
  assert.ok(total <= 120 * KB, `widget payload ${total} bytes`);
  await page.context().close();
});

test('the page transfers at most 350 KB (gzip) up to interactive, role and task texts included', async () => {
  const page = await openPage(browser, 'about:blank', { allowedOrigins: [new URL(site.url).origin] });
  const bytes = await recordTransfers(page);
  await page.goto(`${site.url}?soc=1137`);
  await waitForApp(page);
  await page.waitForFunction(() => !document.querySelector('#task-list').textContent.includes('loading'));
  await page.waitForLoadState('networkidle');
  const total = [...bytes.values()].reduce((a, b) => a + b, 0);
  console.log(`page initial transfer: ${(total / KB).toFixed(1)} KB gzip over ${bytes.size} files`);
  assert.ok(!bytes.has('/data/titles.json'), 'the job-title index loads only when the search is used');
  assert.ok(bytes.has('/wasm/aiexp-speed.wasm') && bytes.has('/wasm/aiexp-speed.js'), 'the page runs the speed build');
  assert.ok(!bytes.has('/wasm/aiexp.wasm') && !bytes.has('/wasm/aiexp.js'), 'the page downloaded the widget build too');
  assert.ok(total <= 350 * KB, `initial transfer ${total} bytes`);
  await page.assertClean();
  await page.context().close();
});
