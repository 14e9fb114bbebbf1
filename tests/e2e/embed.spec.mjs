// The iframe alternative: the card in embed.html sizes its frame through postMessage, and the host-side listener
// believes only the card's own origin and frame.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { axeViolations, openPage, screenshot, useSiteAndBrowser } from './harness.mjs';

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
  await frame.screenshot({ path: `${process.env.AIEXP_SCREENSHOT_DIR ?? 'build/e2e-screenshots'}/embed-iframe.png` });
  await page.assertClean();
  await page.context().close();
});

test('size messages from another origin or another frame are ignored', async () => {
  const page = await openPage(browser, `${site.url}embed-demo.html`);
  await page.waitForFunction(() => document.getElementById('frame-3544').style.height !== '', null, { timeout: 15000 });
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
  await screenshot(page, 'embed-html-dark');
  await page.assertClean();
  await page.context().close();
});
