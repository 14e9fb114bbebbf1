// The iframe alternative: the card in embed.html sizes its frame through postMessage, and the host-side listener
// believes only the card's own origin and frame; the pre-rendered embed/<soc>.html shows its figures without
// JavaScript and, with it, without the core unless its query asks for other assumptions.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { axeViolations, axeViolationsWithoutCsp, openPage, screenshot, screenshotDir, useSiteAndBrowser } from './harness.mjs';

let browser;
let site;
useSiteAndBrowser((env) => ({ browser, site } = env));

test('the iframe card renders the figures and sizes its frame to the card', async () => {
  const page = await openPage(browser, `${site.url}embed-demo.html`);
  const frame = page.locator('#frame-3544');
  await frame.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => {
    const iframe = document.getElementById('frame-3544');
    return iframe.style.height && iframe.style.height !== '300px';
  }, null, { timeout: 15000 });
  const card = page.frameLocator('#frame-3544').locator('uk-ai-exposure');
  await card.evaluate((host) => new Promise((resolve) => {
    if (host.dataset.state === 'ready') resolve();
    else host.addEventListener('uk-ai-exposure-updated', resolve, { once: true });
  }));
  const inner = await card.evaluate((host) => ({
    title: host.shadowRoot.querySelector('.title').textContent,
    height: Math.ceil(document.documentElement.getBoundingClientRect().height),
  }));
  assert.equal(inner.title, 'Data analysts');
  const outer = await frame.evaluate((iframe) => parseFloat(iframe.style.height));
  assert.ok(Math.abs(outer - inner.height) <= 2, `frame ${outer}px, card ${inner.height}px`);
  assert.deepEqual(await axeViolations(page, '#frame-3544'), []);
  // The whole page with the card inside its frame (axe injected into the frame too).
  assert.deepEqual(await axeViolationsWithoutCsp(browser, `${site.url}embed-demo.html`, { prepare: async (p) => {
    await p.locator('#frame-3544').scrollIntoViewIfNeeded();
    await p.frameLocator('#frame-3544').locator('uk-ai-exposure[data-state="ready"]').waitFor();
  } }), []);
  await frame.screenshot({ path: `${process.env.AIEXP_SCREENSHOT_DIR ?? 'build/e2e-screenshots'}/embed-iframe.png` });
  await page.assertClean();
  await page.context().close();
});

test('size messages from another origin or another frame are ignored', async () => {
  const page = await openPage(browser, `${site.url}embed-demo.html`);
  // Until the card has drawn, the frame itself sends new heights (the loading line, then the card), which
  // the checks below would mistake for the forged ones taking effect.
  const card = page.frameLocator('#frame-3544').locator('uk-ai-exposure');
  await card.evaluate((host) => new Promise((resolve) => {
    if (host.dataset.state === 'ready') resolve();
    else host.addEventListener('uk-ai-exposure-updated', resolve, { once: true });
  }));
  const inner = await card.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  await page.waitForFunction((h) => parseFloat(document.getElementById('frame-3544').style.height) === h, inner, { timeout: 15000 });
  // The listener reads event.origin and event.source; synthetic events let the test set both.
  const heightAfter = (origin, fromFrame) => page.evaluate(([o, f]) => {
    const iframe = document.getElementById('frame-3544');
    window.dispatchEvent(new MessageEvent('message', {
      data: { type: 'uk-ai-exposure:height', frameId: 'frame-3544', height: 123 },
      origin: o,
      source: f ? iframe.contentWindow : window,
    }));
    return iframe.style.height;
  }, [origin, fromFrame]);
  const before = await page.evaluate(() => document.getElementById('frame-3544').style.height);
  assert.notEqual(before, '123px');
  assert.equal(await heightAfter('http://evil.example', true), before, 'another origin');
  assert.equal(await heightAfter(new URL(site.url).origin, false), before, 'not the frame');
  assert.equal(await heightAfter(new URL(site.url).origin, true), '123px', 'the frame itself is believed');
  await page.assertClean();
  await page.context().close();
});

test('embed.html alone shows a card for the role in its URL', async () => {
  const page = await openPage(browser, `${site.url}embed.html?soc=1137&e2=1&theme=dark`);
  await page.waitForFunction(() => document.querySelector('uk-ai-exposure')?.dataset.state === 'ready');
  const value = await page.locator('uk-ai-exposure').evaluate((host) => host.shadowRoot.querySelector('.value').textContent);
  assert.equal(value, '9.4/10');
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'embed-html-dark');
  await page.assertClean();
  await page.context().close();
});

const CORE_FILES = ['/aiexp-loader.js', '/calculator.js', '/manifest.js', '/wasm/aiexp.js', '/wasm/aiexp.wasm', '/data/bundle.json'];

// What the card in the page shows, read through the (open, possibly declarative) shadow root.
async function shownCard(page) {
  const card = page.locator('uk-ai-exposure');
  return {
    title: await card.locator('.title').textContent(),
    value: await card.locator('.value').textContent(),
    band: await card.locator('.band').textContent(),
    sub: await card.locator('.sub').textContent(),
    figures: await card.locator('dd').allTextContents(),
    more: await card.locator('.more').allTextContents(),
    link: await card.locator('a.link').evaluate((a) => a.href),
    height: (await card.boundingBox()).height,
  };
}

const published1137 = {
  title: 'Information technology directors', value: '1.2/10', band: 'Minimal', sub: 'direct 1.2 · with tools 9.4',
  figures: ['£649m', '60k', '£90,081'], more: [],
};

test('embed/<soc>.html shows the role\'s figures with JavaScript off, styled by the card\'s own CSS', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 560, height: 400 }, locale: 'en-GB',
                                               colorScheme });
    const page = await context.newPage();
    await page.goto(`${site.url}embed/1137.html`);
    const shown = await shownCard(page);
    assert.deepEqual({ ...shown, link: undefined, height: undefined }, { ...published1137, link: undefined, height: undefined });
    assert.equal(shown.link, `${site.url}occupation/1137/`);
    assert.equal(await page.evaluate(() => document.querySelector('uk-ai-exposure').dataset.state), undefined, 'no script ran');
    const background = await page.locator('uk-ai-exposure .card').evaluate((card) => getComputedStyle(card).backgroundColor);
    assert.equal(background, colorScheme === 'dark' ? 'rgb(23, 28, 36)' : 'rgb(255, 255, 255)');
    await page.screenshot({ path: `${screenshotDir}/embed-prerendered-nojs-${colorScheme}.png` });
    await context.close();
    assert.deepEqual(await axeViolationsWithoutCsp(browser, `${site.url}embed/1137.html`,
                                                   { viewport: { width: 560, height: 400 }, colorScheme, withoutScripts: true }), []);
  }
});

test('with JavaScript, embed/<soc>.html keeps its figures and place, and loads nothing of the core', async () => {
  const still = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 560, height: 400 }, locale: 'en-GB' });
  const staticPage = await still.newPage();
  await staticPage.goto(`${site.url}embed/1137.html`);
  const withoutScript = await shownCard(staticPage);
  await still.close();

  const page = await openPage(browser, 'about:blank', { viewport: { width: 560, height: 400 }, allowedOrigins: [new URL(site.url).origin] });
  const paths = [];
  page.on('request', (request) => paths.push(new URL(request.url()).pathname));
  await page.goto(`${site.url}embed/1137.html`);
  await page.waitForFunction(() => document.querySelector('uk-ai-exposure')?.dataset.state === 'ready', null, { timeout: 15000 });
  const withScript = await shownCard(page);
  assert.deepEqual({ ...withScript, height: undefined }, { ...published1137, link: `${site.url}occupation/1137/`, height: undefined });
  assert.equal(withScript.height, withoutScript.height, 'the card changed size when the script took it over');
  assert.equal(await page.locator('uk-ai-exposure').evaluate((host) => host.renderCount), 1);
  await page.waitForLoadState('networkidle');
  for (const path of CORE_FILES) assert.ok(!paths.includes(path), `${path} was requested`);
  await page.assertClean();
  assert.deepEqual(await axeViolationsWithoutCsp(browser, `${site.url}embed/1137.html`, { viewport: { width: 560, height: 400 },
    prepare: (p) => p.waitForFunction(() => document.querySelector('uk-ai-exposure')?.dataset.state === 'ready') }), []);
  await page.context().close();
});

test('embed/<soc>.html re-renders live when its query asks for other assumptions', async () => {
  const page = await openPage(browser, 'about:blank', { viewport: { width: 560, height: 700 }, colorScheme: 'dark',
                                                        allowedOrigins: [new URL(site.url).origin] });
  const paths = [];
  page.on('request', (request) => paths.push(new URL(request.url()).pathname));
  await page.goto(`${site.url}embed/2132.html?e2=1&variant=expanded&soc=1137`);
  await page.waitForFunction(() => document.querySelector('uk-ai-exposure')?.dataset.state === 'ready', null, { timeout: 15000 });
  const shown = await shownCard(page);
  assert.equal(shown.title, 'IT managers', 'the page is its role\'s, whatever soc its query names');
  assert.equal(shown.value, '9.4/10');
  assert.equal(shown.more[0], '2 of 17 tasks in this role are things an AI can already do today.');
  assert.equal(shown.link, `${site.url}occupation/2132/?e2=1`);
  for (const path of ['/aiexp-loader.js', '/wasm/aiexp.wasm', '/data/bundle.json']) {
    assert.equal(paths.filter((p) => p === path).length, 1, path);
  }
  await screenshot(page, 'embed-prerendered-live-dark-expanded');
  await page.assertClean();
  assert.deepEqual(await axeViolationsWithoutCsp(browser, `${site.url}embed/2132.html?e2=1&variant=expanded&soc=1137`, {
    viewport: { width: 560, height: 700 }, colorScheme: 'dark',
    prepare: (p) => p.waitForFunction(() => document.querySelector('uk-ai-exposure')?.dataset.state === 'ready', null,
                                      { timeout: 15000 }) }), []);
  await page.context().close();
});

const addPrerenderedFrame = (page) => page.evaluate(() => {
  const frame = document.createElement('iframe');
  frame.id = 'frame-pre';
  frame.dataset.ukAiExposure = '';
  frame.title = 'UK AI Exposure: IT managers';
  frame.src = 'embed/2132.html?frame-id=frame-pre&variant=expanded';
  document.querySelector('main').append(frame);
});

test('a pre-rendered iframe card sizes its frame too', async () => {
  const page = await openPage(browser, `${site.url}embed-demo.html`);
  await addPrerenderedFrame(page);
  const card = page.frameLocator('#frame-pre').locator('uk-ai-exposure');
  await card.evaluate((host) => new Promise((resolve) => {
    if (host.dataset.state === 'ready') resolve();
    else host.addEventListener('uk-ai-exposure-updated', resolve, { once: true });
  }));
  const inner = await card.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  await page.waitForFunction((h) => Math.abs(parseFloat(document.getElementById('frame-pre').style.height) - h) <= 2, inner,
                             { timeout: 15000 });
  assert.ok(inner > 300, `an expanded card is taller than the default frame (${inner}px)`);
  assert.deepEqual(await axeViolations(page, '#frame-pre'), []);
  // The whole page with the pre-rendered card inside its frame (axe injected into the frame too).
  assert.deepEqual(await axeViolationsWithoutCsp(browser, `${site.url}embed-demo.html`, { prepare: async (p) => {
    await addPrerenderedFrame(p);
    await p.frameLocator('#frame-pre').locator('uk-ai-exposure[data-state="ready"]').waitFor();
  } }), []);
  await page.assertClean();
  await page.context().close();
});
