// The <uk-ai-exposure> widget in Chromium: figures, attributes and properties, batched renders and events,
// errors as readable text, one module for many cards, isolation from the host's CSS, default cards that paint
// from the pre-computed figures without the core, and a host on another origin that loads it through the
// integrity-pinned snippet, lazily loaded modules included.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';

import { axeViolations, axeViolationsWithoutCsp, hostPage, openPage, pinnedSnippet, screenshot, siteDir, useSiteAndBrowser } from './harness.mjs';

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
  test('three cards show the published figures; only the one with other assumptions loads the core, once', async () => {
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
    // with the sensitivity band at its label values: 2132 at e2 = 1 spans 7.0 to 9.5 (ukexp score 2132 --e2 1).
    assert.equal(await cardText(page, 'card-2132', '.range'), 'Under other label sources, weightings and bridges it spans 7.0–9.5.');
    assert.equal(await cardText(page, 'card-1137', '.range'), null);  // the compact card does not
    const count = (path) => downloads.filter((p) => p === path).length;
    // card-2132 (e2="1") needs the core; the two default cards paint from their shards (major groups 1 and 4).
    assert.equal(count('/aiexp-loader.js'), 1);
    assert.equal(count('/wasm/aiexp.wasm'), 1);
    assert.equal(count('/wasm/aiexp.js'), 1);
    assert.equal(count('/data/bundle.json'), 1);
    assert.deepEqual(downloads.filter((p) => p.startsWith('/widget/cards/')).map((p) => p.split('.')[0]).sort(),
                     ['/widget/cards/1', '/widget/cards/4']);
    assert.equal(count('/data/details.json'), 0, 'cards need only the compact bundle');
    assert.equal(count('/wasm/aiexp-speed.wasm'), 0, 'cards use the size build, not the page\'s');
    const link = await page.locator('#card-1137').evaluate((host) => host.shadowRoot.querySelector('a').href);
    assert.equal(link, `${site.url}occupation/1137/`);
    const link2132 = await page.locator('#card-2132').evaluate((host) => host.shadowRoot.querySelector('a').href);
    assert.equal(link2132, `${site.url}occupation/2132/?e2=1`);
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
    // The whole page, its headings and landmarks with the cards', and the iframe card inside its frame.
    assert.deepEqual(await axeViolationsWithoutCsp(browser, `${site.url}embed-demo.html`, {
      viewport: { width: 360, height: 800 },
      prepare: async (p) => {
        await waitForCards(p, 3);
        await p.locator('#frame-3544').scrollIntoViewIfNeeded();
        await p.frameLocator('#frame-3544').locator('uk-ai-exposure[data-state="ready"]').waitFor();
      },
    }), []);
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
      // A loaded machine may take longer than any fixed pause: wait for both cards' events, bounded.
      await new Promise((resolve, reject) => {
        const deadline = setTimeout(() => reject(new Error(`only ${events.length} of 2 cards rendered`)), 10000);
        const poll = () => (events.length >= 2 ? (clearTimeout(deadline), resolve()) : setTimeout(poll, 20));
        poll();
      });
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
      await new Promise((resolve, reject) => {
        const deadline = setTimeout(() => reject(new Error('the card never rendered the change')), 10000);
        const poll = () => (events.length >= 1 ? (clearTimeout(deadline), resolve()) : setTimeout(poll, 20));
        poll();
      });
      await new Promise((resolve) => setTimeout(resolve, 300));  // room for a second render, which must not come
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

  test('measure="..." makes another measure the headline; only such a card downloads the details', async () => {
    const page = await openPage(browser, `${site.url}embed-demo.html`);
    await waitForCards(page, 3);
    const requests = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    const result = await page.evaluate(async () => {
      const card = document.getElementById('card-1137');
      const events = [];
      card.addEventListener('uk-ai-exposure-updated', (event) => events.push(event.detail));
      card.setAttribute('measure', 'ilo2025');
      await new Promise((resolve) => {
        const check = () => (events.length ? resolve() : setTimeout(check, 50));
        check();
      });
      const root = card.shadowRoot;
      const shown = { value: root.querySelector('.value').textContent, sub: root.querySelector('.sub').textContent,
                      source: root.querySelector('.source').textContent, href: root.querySelector('.link').href,
                      detail: events[0], measure: card.measure };
      card.measure = 'nonsense';  // an unknown value falls back to the default, as every attribute's does
      return { ...shown, fallback: card.measure };
    });
    assert.equal(result.value, '4.4/10');  // SCORING.md section 7: ILO 2025, modal ISCO-08 1330
    assert.equal(result.sub, 'measure: ILO 2025');
    assert.match(result.source, /ILO WP 140.*not endorsed by the ILO/);
    assert.match(result.href, /\/occupation\/1137\/\?measure=ilo2025$/);
    assert.equal(result.detail.assumptions.measure, 'ilo2025');
    assert.equal(result.detail.scoreText, '4.4');
    assert.equal(result.measure, 'ilo2025');
    assert.equal(result.fallback, 'eloundou');
    assert.ok(requests.includes('/data/details.json'), requests.join(' '));
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
      // Each must end in its message; how soon depends on the machine, so wait for it, bounded.
      await new Promise((resolve, reject) => {
        const settled = () => [card, missing].every((c) => c.dataset.state && c.dataset.state !== 'loading');
        const deadline = setTimeout(() => (settled() ? resolve() : reject(new Error(`still ${card.dataset.state} / ${missing.dataset.state}`))), 10000);
        const poll = () => (settled() ? (clearTimeout(deadline), resolve()) : setTimeout(poll, 20));
        poll();
      });
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
  // Runs `body(page)` on a host page holding `cards`, its requests recorded from the first (`page.paths`).
  async function onHost(cards, body, { integrityFor = (path, integrity) => integrity.integrity[path], expectErrors = [],
                                       route } = {}) {
    // The host page lives on a second server (another origin) with a strict CSP that names the widget's origin,
    // and embeds the card with the snippet the calculator page generates: modulepreload + integrity per module.
    const { head, integrity: { release } } = await pinnedSnippet(site.url, 'card', integrityFor);
    const host = await hostPage(site.url, { head, body: `<h1>A newsletter</h1>${cards}` });
    try {
      const page = await openPage(browser, 'about:blank', { allowedOrigins: host.origins, expectErrors });
      // Every card's update event from the first: a card that paints from pre-computed figures can fire before
      // a listener added after the navigation would be there.
      await page.addInitScript(() => {
        window.__cardUpdates = [];
        document.addEventListener('uk-ai-exposure-updated', (event) => window.__cardUpdates.push(event.detail));
      });
      page.paths = [];
      // The snippet names a release of the widget (releases/<id>/...): its paths are counted as the site's.
      page.paths.release = release;
      page.on('request', (request) => page.paths.push(new URL(request.url()).pathname.replace(/^\/releases\/[0-9a-f]{16}\//, '/')));
      if (route) await page.route(`${site.url}releases/${release}/${route.path}`, route.handler);
      await page.goto(host.url);
      await body(page);
      await page.context().close();
    } finally {
      await host.close();
    }
  }
  const CORE_FILES = ['/aiexp-loader.js', '/calculator.js', '/manifest.js', '/wasm/aiexp.js', '/wasm/aiexp.wasm',
                      '/data/bundle.json', '/data/integrity.json'];
  const requested = (page, path) => page.paths.filter((p) => p === path).length;
  const shardsRequested = (page) => page.paths.filter((p) => p.startsWith('/widget/cards/')).map((p) => p.split('.')[0]).sort();

  test('the snippet works across origins (CORS) with every module pinned by integrity', async () => {
    await onHost('<uk-ai-exposure id="card" soc="1137"></uk-ai-exposure>', async (page) => {
      await waitForCards(page, 1);
      assert.equal(await cardText(page, 'card', '.value'), '1.2/10');
      assert.equal(await page.locator('#card').evaluate((h) => h.shadowRoot.querySelector('a').href), `${site.url}occupation/1137/`);
      await page.assertClean();
    });
  });

  test('default cards paint from the pre-computed figures: no request for the core, the module or the bundle', async () => {
    const cards = '<uk-ai-exposure id="card" soc="1137"></uk-ai-exposure>' +
                  '<uk-ai-exposure id="dark" soc="2132" variant="expanded" theme="dark"></uk-ai-exposure>';
    await onHost(cards, async (page) => {
      await waitForCards(page, 2);
      await page.waitForFunction(() => window.__cardUpdates.length >= 2);
      const details = page.evaluate(() => window.__cardUpdates);
      assert.equal(await cardText(page, 'card', '.value'), '1.2/10');
      assert.equal(await cardText(page, 'card', '.sub'), 'direct 1.2 · with tools 9.4');
      assert.deepEqual(await page.locator('#card').evaluate((h) => [...h.shadowRoot.querySelectorAll('dd')].map((d) => d.textContent)),
                       ['£649m', '60k', '£90,081']);
      assert.equal(await cardText(page, 'dark', '.more'), '2 of 17 tasks in this role are things an AI can already do today.');
      const events = (await details).sort((a, b) => a.soc.localeCompare(b.soc));
      assert.deepEqual(events.map((d) => [d.soc, d.scoreText, d.wageExposureText, d.employeesText, d.medianPayText, d.url]),
                       [['1137', '1.2', '£649m', '60k', '£90,081', `${site.url}occupation/1137/`],
                        ['2132', '1.2', '£1.42bn', '213k', '£55,502', `${site.url}occupation/2132/`]]);
      assert.deepEqual(events[0].assumptions, { labels: 'gpt4', e1: 1, e2: 0, weights: 'core', bridge: 'modal', wage: 'displayed',
                                                 measure: 'eloundou', overrides: [] });
      await page.waitForLoadState('networkidle');
      for (const path of CORE_FILES) assert.equal(requested(page, path), 0, `${path} was requested`);
      assert.deepEqual(shardsRequested(page), ['/widget/cards/1', '/widget/cards/2']);
      await screenshot(page, 'widget-host-default');
      await page.setViewportSize({ width: 360, height: 900 });
      await screenshot(page, 'widget-host-default-360');
      await page.assertClean();
    });
  });

  test('a card with other assumptions loads the core once, through integrity-pinned preloads, and shows 9.4', async () => {
    const cards = '<uk-ai-exposure id="card" soc="1137" e2="1"></uk-ai-exposure>' +
                  '<uk-ai-exposure id="other" soc="2132" e2="1"></uk-ai-exposure>';
    await onHost(cards, async (page) => {
      await waitForCards(page, 2);
      assert.equal(await cardText(page, 'card', '.value'), '9.4/10');
      assert.equal(await cardText(page, 'other', '.value'), '9.4/10');
      assert.equal(await page.locator('#card').evaluate((h) => h.shadowRoot.querySelector('a').href), `${site.url}occupation/1137/?e2=1`);
      for (const path of ['/aiexp-loader.js', '/wasm/aiexp.js', '/wasm/aiexp.wasm', '/data/bundle.json']) {
        assert.equal(requested(page, path), 1, path);
      }
      assert.deepEqual(shardsRequested(page), [], 'cards with other assumptions do not need the pre-computed figures');
      // Each lazily imported module went through a modulepreload carrying the integrity widget/cards.js pins.
      const { default: pins } = await import(pathToFileURL(join(siteDir, 'widget', 'cards.js')).href);
      const preloads = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('link[rel="modulepreload"]')]
        .map((link) => [link.href, link.integrity])));
      for (const [path, integrity] of Object.entries(pins.modules)) assert.equal(preloads[`${site.url}releases/${page.paths.release}/${path}`], integrity, path);
      await page.assertClean();
    });
  });

  test('switching a default card to other assumptions loads the core once and re-renders', async () => {
    await onHost('<uk-ai-exposure id="card" soc="1137"></uk-ai-exposure>', async (page) => {
      await waitForCards(page, 1);
      for (const path of CORE_FILES) assert.equal(requested(page, path), 0, `${path} before the switch`);
      const change = (attributes) => page.evaluate(async (values) => {
        const card = document.getElementById('card');
        const before = card.renderCount;
        const updated = new Promise((resolve) => card.addEventListener('uk-ai-exposure-updated', (e) => resolve(e.detail), { once: true }));
        for (const [name, value] of Object.entries(values)) card.setAttribute(name, value);
        const detail = await updated;
        await new Promise((resolve) => setTimeout(resolve, 200));  // room for a second render, which must not come
        return { renders: card.renderCount - before, value: card.shadowRoot.querySelector('.value').textContent,
                 wage: detail.wageExposureText, url: detail.url };
      }, attributes);
      const switched = await change({ e2: '1', weights: 'importance' });
      assert.deepEqual(switched, { renders: 1, value: '9.4/10', wage: '£5.08bn', url: `${site.url}occupation/1137/?e2=1&w=importance` });
      const other = await change({ e2: '0.5', weights: 'core' });
      assert.deepEqual(other, { renders: 1, value: '5.3/10', wage: '£2.86bn', url: `${site.url}occupation/1137/?e2=0.5` });
      const back = await change({ e2: '0' });
      assert.deepEqual(back, { renders: 1, value: '1.2/10', wage: '£649m', url: `${site.url}occupation/1137/` });
      for (const path of ['/aiexp-loader.js', '/wasm/aiexp.wasm', '/data/bundle.json']) assert.equal(requested(page, path), 1, path);
      assert.deepEqual(shardsRequested(page), ['/widget/cards/1'], 'the shard is fetched once for the page');
      await page.assertClean();
    });
  });

  for (const tampered of ['aiexp-loader.js', 'calculator.js']) {
    test(`a lazily imported module that does not match its pin (${tampered}) is refused, with a readable error`, async () => {
      const cards = '<uk-ai-exposure id="card" soc="1137"></uk-ai-exposure><uk-ai-exposure id="live" soc="2132" e2="1"></uk-ai-exposure>';
      const route = {
        path: tampered,
        handler: async (request) => {
          const response = await request.fetch();
          await request.fulfill({
            status: 200,
            headers: { 'content-type': 'text/javascript; charset=utf-8', 'access-control-allow-origin': '*',
                       'cross-origin-resource-policy': 'cross-origin' },
            body: `${await response.text()}\nglobalThis.__tampered = true;\n`,
          });
        },
      };
      await onHost(cards, async (page) => {
        await page.waitForFunction(() => document.getElementById('live').dataset.state === 'error', null, { timeout: 15000 });
        await waitForCards(page, 1);
        assert.match(await cardText(page, 'live', '.status'), /^UK AI Exposure: The calculator could not be loaded \(.*integrity.*\)\.$/);
        assert.equal(await page.locator('#live').evaluate((h) => h.shadowRoot.querySelector('.status').getAttribute('role')), 'alert');
        assert.equal(await cardText(page, 'card', '.value'), '1.2/10', 'the default card needs no module of the core');
        assert.equal(await page.evaluate(() => globalThis.__tampered), undefined, 'the tampered module ran');
        assert.equal(requested(page, '/wasm/aiexp.wasm'), 0);
        await screenshot(page, `widget-tampered-${tampered.replace(/\W/g, '-')}`);
        await page.assertClean();
      }, { route, expectErrors: [/integrity/i] });
    });
  }

  test('a module the snippet pins that does not match its integrity is blocked, and nothing of the widget runs', async () => {
    await onHost('<uk-ai-exposure id="card" soc="1137"></uk-ai-exposure>', async (page) => {
      await page.waitForTimeout(1500);
      assert.equal(await page.evaluate(() => customElements.get('uk-ai-exposure')), undefined);
      assert.ok(page.problems.length === 0);
    }, {
      // widget/cards.js also vouches for the shards and the lazily imported modules.
      integrityFor: (path, integrity) => (path.endsWith('/widget/cards.js') ? 'sha384-' + 'A'.repeat(64) : integrity.integrity[path]),
      expectErrors: [/integrity/, /Failed to load/],
    });
  });
});
