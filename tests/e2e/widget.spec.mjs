// The <uk-ai-exposure> widget in Chromium: figures, attributes and properties, batched renders and events,
// errors as readable text, one module for many cards, isolation from the host's CSS, and a host on another
// origin that loads it through the integrity-pinned snippet.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';

import { startServer } from '../../tools/serve.mjs';
import { axeViolations, openPage, screenshot, siteDir, useSiteAndBrowser } from './harness.mjs';

let browser;
let site;
useSiteAndBrowser((env) => ({ browser, site } = env));

const cardText = (page, id, selector) =>
  page.locator(`#${id}`).evaluate((host, s) => host.shadowRoot.querySelector(s)?.textContent ?? null, selector);

async function waitForCards(page, count) {
  await page.waitForFunction((n) => document.querySelectorAll('uk-ai-exposure[data-state="ready"]').length >= n, count,
                             { timeout: 15000 });
}

describe('the embed demo page', () => {
  test('three cards show the published figures, share one module and one data download', async () => {
    // Opened blank first, so every request counted belongs to one load of the demo (a reload could overlap
    // the requests a first load makes after its load event, such as the module the loader imports).
    const page = await openPage(browser, 'about:blank', { allowedOrigins: [new URL(site.url).origin] });
    const downloads = [];
    // Requests of this document only: the demo's iframe card is another document with its own module.
    page.on('request', (request) => {
      if (request.frame() === page.mainFrame()) downloads.push(new URL(request.url()).pathname);
    });
    await page.goto(`${site.url}embed-demo.html`);
    await waitForCards(page, 3);
    assert.equal(await cardText(page, 'card-1137', '.value'), '1.2/10');
    assert.equal(await cardText(page, 'card-1137', '.band'), 'Minimal');
    assert.equal(await cardText(page, 'card-1137', '.sub'), 'direct 1.2 · with tools 9.4');
    const figures = await page.locator('#card-1137').evaluate((host) => [...host.shadowRoot.querySelectorAll('dd')].map((d) => d.textContent));
    assert.deepEqual(figures, ['£649m', '60k', '£90,081']);
    assert.equal(await cardText(page, 'card-2132', '.value'), '9.4/10');  // e2="1"
    assert.match(await cardText(page, 'card-2132', '.more'), /of 17 tasks/);  // expanded variant
    const count = (path) => downloads.filter((p) => p === path).length;
    assert.equal(count('/wasm/aiexp.wasm'), 1);
    assert.equal(count('/wasm/aiexp.js'), 1);
    assert.equal(count('/data/bundle.json'), 1);
    assert.equal(count('/data/details.json'), 0, 'cards need only the compact bundle');
    assert.equal(count('/wasm/aiexp-speed.wasm'), 0, 'cards use the size build, not the page\'s');
    const link = await page.locator('#card-1137').evaluate((host) => host.shadowRoot.querySelector('a').href);
    assert.equal(link, `${site.url}index.html?soc=1137`);
    const link2132 = await page.locator('#card-2132').evaluate((host) => host.shadowRoot.querySelector('a').href);
    assert.equal(link2132, `${site.url}index.html?soc=2132&e2=1`);
    await screenshot(page, 'embed-demo-desktop');
    await page.assertClean();
    await page.context().close();
  });

  test('host CSS does not leak in, and card CSS does not leak out', async () => {
    const page = await openPage(browser, `${site.url}embed-demo.html`);
    await waitForCards(page, 3);
    const inside = await page.locator('#card-1137').evaluate((host) => {
      const root = host.shadowRoot;
      const style = (selector) => getComputedStyle(root.querySelector(selector));
      return {
        titleDisplay: style('.title').display,
        titleFont: style('.title').fontFamily,
        titleColor: style('.title').color,
        titleTransform: style('.title').textTransform,
        valueDisplay: style('.value').display,
        linkSize: style('.link').fontSize,
        cardBackground: style('.card').backgroundColor,
        ddBorder: style('dd').borderTopStyle,
      };
    });
    assert.notEqual(inside.titleDisplay, 'none');
    assert.notEqual(inside.valueDisplay, 'none');
    assert.doesNotMatch(inside.titleFont, /Comic/);
    assert.equal(inside.titleColor, 'rgb(21, 25, 31)');
    assert.equal(inside.titleTransform, 'none');
    assert.equal(inside.linkSize, '14px');
    assert.equal(inside.cardBackground, 'rgb(255, 255, 255)');
    assert.equal(inside.ddBorder, 'none');
    // The host's own element with class "card" keeps the host's styles: the widget's .card rules stay inside.
    const hostCard = await page.locator('#host-card').evaluate((node) => getComputedStyle(node).borderTopWidth);
    assert.equal(hostCard, '6px');
    await page.assertClean();
    await page.context().close();
  });

  test('the demo page has no axe-core violations in its cards', async () => {
    const page = await openPage(browser, `${site.url}embed-demo.html`, { viewport: { width: 360, height: 800 } });
    await waitForCards(page, 3);
    for (const id of ['card-1137', 'card-2132', 'card-4122']) {
      const violations = await axeViolations(page, `#${id}`);
      assert.deepEqual(violations, [], id);
    }
    await screenshot(page, 'embed-demo-360');
    await page.assertClean();
    await page.context().close();
  });
});

describe('the element', () => {
  test('created by createElement and by new, with properties that validate', async () => {
    const page = await openPage(browser, `${site.url}embed-demo.html`);
    await waitForCards(page, 3);
    const result = await page.evaluate(async () => {
      const Element = customElements.get('uk-ai-exposure');
      const byCreate = document.createElement('uk-ai-exposure');
      const byNew = new Element();
      byCreate.soc = '2132';
      byNew.setAttribute('soc', '1137');
      byNew.e2 = 0.5;
      const events = [];
      document.addEventListener('uk-ai-exposure-updated', (event) => events.push(event.detail));
      document.body.append(byCreate, byNew);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const defaults = document.createElement('uk-ai-exposure');
      defaults.setAttribute('e2', '7');
      defaults.setAttribute('weights', 'heavy');
      defaults.setAttribute('theme', '<script>');
      return {
        create: byCreate.shadowRoot.querySelector('.value')?.textContent,
        made: byNew.shadowRoot.querySelector('.value')?.textContent,
        events: events.map((e) => [e.soc, e.scoreText, e.wageExposureText]),
        fallbacks: [defaults.e2, defaults.weights, defaults.theme, defaults.variant, defaults.labelSource],
        sameClass: byCreate instanceof Element && byNew instanceof Element,
        defineTwice: (() => { Element.define(); return customElements.get('uk-ai-exposure') === Element; })(),
      };
    });
    assert.equal(result.create, '1.2/10');
    assert.equal(result.made, '5.3/10');
    assert.deepEqual(result.events.sort(), [['1137', '5.3', '£2.86bn'], ['2132', '1.2', '£1.42bn']]);
    assert.deepEqual(result.fallbacks, [0, 'core', 'auto', 'compact', 'gpt4']);
    assert.equal(result.sameClass, true);
    assert.equal(result.defineTwice, true);
    await page.assertClean();
    await page.context().close();
  });

  test('an attribute change recomputes; several changes render once and fire one event', async () => {
    const page = await openPage(browser, `${site.url}embed-demo.html`);
    await waitForCards(page, 3);
    const result = await page.evaluate(async () => {
      const card = document.getElementById('card-1137');
      const before = card.renderCount;
      const events = [];
      card.addEventListener('uk-ai-exposure-updated', (event) => events.push(event.detail));
      card.setAttribute('e2', '1');
      card.setAttribute('weights', 'importance');
      card.setAttribute('label-source', 'gpt4');
      card.setAttribute('e2', '1');  // unchanged: no extra work
      await new Promise((resolve) => setTimeout(resolve, 300));
      return {
        renders: card.renderCount - before,
        events: events.length,
        detail: events[0],
        value: card.shadowRoot.querySelector('.value').textContent,
        composed: events.length > 0,
      };
    });
    assert.equal(result.renders, 1);
    assert.equal(result.events, 1);
    assert.equal(result.value, '9.4/10');
    assert.equal(result.detail.soc, '1137');
    assert.equal(result.detail.wageExposureText, '£5.08bn');
    assert.equal(result.detail.assumptions.weights, 'importance');
    await page.assertClean();
    await page.context().close();
  });

  test('an unknown role shows a readable error in the card, never a blank box', async () => {
    const page = await openPage(browser, `${site.url}embed-demo.html`);
    await waitForCards(page, 3);
    const result = await page.evaluate(async () => {
      const card = document.createElement('uk-ai-exposure');
      card.setAttribute('soc', '9998');
      document.body.append(card);
      const missing = document.createElement('uk-ai-exposure');
      document.body.append(missing);
      await new Promise((resolve) => setTimeout(resolve, 300));
      return [card.dataset.state, card.shadowRoot.textContent, missing.dataset.state, missing.shadowRoot.textContent];
    });
    assert.equal(result[0], 'error');
    assert.match(result[1], /No UK occupation has that SOC 2020 code/);
    assert.equal(result[2], 'error');
    assert.match(result[3], /set the soc attribute/);
    await page.assertClean();
    await page.context().close();
  });
});

describe('a host on another origin', () => {
  // The host page lives on a second server (another origin) with a strict CSP that names the widget's origin,
  // and embeds the card with the snippet the calculator page generates: modulepreload + integrity per module.
  async function hostPage(integrityFor) {
    const dir = await mkdtemp(join(tmpdir(), 'aiexp-host-'));
    const integrity = JSON.parse(await readFile(join(siteDir, 'embed-integrity.json'), 'utf8'));
    const lines = [
      ...integrity.preload.map((path) => `<link rel="modulepreload" href="${site.url}${path}" integrity="${integrityFor(path, integrity)}" crossorigin="anonymous">`),
      `<script type="module" src="${site.url}${integrity.entry}" integrity="${integrityFor(integrity.entry, integrity)}" crossorigin="anonymous"></script>`,
    ];
    await writeFile(join(dir, 'favicon.ico'), '');
    await writeFile(join(dir, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
${lines.join('\n')}
</head><body><main><h1>A newsletter</h1><uk-ai-exposure id="card" soc="1137"></uk-ai-exposure></main></body></html>`);
    const widgetOrigin = new URL(site.url).origin;
    const policy = `default-src 'self'; script-src 'self' ${widgetOrigin} 'wasm-unsafe-eval'; connect-src 'self' ${widgetOrigin}; ` +
                   "style-src 'self'; object-src 'none'; base-uri 'none'";
    const host = await startServer({ root: dir, host: 'localhost', policy });
    return { host, dir, origins: [new URL(host.url).origin, widgetOrigin] };
  }

  test('the snippet works across origins (CORS) with every module pinned by integrity', async () => {
    const { host, dir, origins } = await hostPage((path, integrity) => integrity.integrity[path]);
    try {
      const page = await openPage(browser, host.url, { allowedOrigins: origins });
      await waitForCards(page, 1);
      assert.equal(await cardText(page, 'card', '.value'), '1.2/10');
      assert.match(await page.locator('#card').evaluate((h) => h.shadowRoot.querySelector('a').href), new RegExp(`^${site.url}index.html\\?soc=1137$`));
      await page.assertClean();
      await page.context().close();
    } finally {
      await host.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('a module that does not match its integrity is blocked, and nothing of the widget runs', async () => {
    const { host, dir, origins } = await hostPage((path, integrity) =>
      path === 'aiexp-loader.js' ? 'sha384-' + 'A'.repeat(64) : integrity.integrity[path]);
    try {
      const page = await openPage(browser, host.url, { allowedOrigins: origins, expectErrors: [/integrity/, /Failed to load/] });
      await page.waitForTimeout(1500);
      assert.equal(await page.evaluate(() => customElements.get('uk-ai-exposure')), undefined);
      assert.ok(page.problems.length === 0);
      await page.context().close();
    } finally {
      await host.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
