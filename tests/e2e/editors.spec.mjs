// What an editor meets: oEmbed (the discovery link in each role page and the home page, the JSON site assembly
// wrote, and the endpoint /oembed?url=...&format=json the dev server and nginx answer from the same rules), read
// by an oEmbed consumer from npm as an editor's platform would; and the embed page (embed/), which writes the
// code of every form under the assumptions of the page it was opened from and previews it on a hostile page.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';

import oEmbed from 'oembed-spec';

import { CHART_KINDS, OEMBED_CACHE_AGE, OEMBED_ERRORS, OEMBED_MAX_QUERY, OEMBED_MIN_WIDTH, PROVIDER_NAME, oembedSize } from '../../tools/site/oembed.mjs';
import { axeViolations, openPage, screenshot, siteDir, useSiteAndBrowser, waitForApp } from './harness.mjs';

let browser;
let site;
useSiteAndBrowser((env) => ({ browser, site } = env));

// The public address the site was assembled for: every address in an oEmbed answer is under it.
const siteUrl = JSON.parse(await readFile(join(siteDir, 'oembed', 'endpoint.json'), 'utf8')).siteUrl;
const local = (url) => url.replace(siteUrl, site.url);
const endpoint = (params) => `${site.url}oembed?${new URLSearchParams(params)}`;

// The oEmbed 1.0 answer of a "rich" embed, as the spec asks (section 2.3.4) and as this site promises.
function checkAnswer(answer, { iframeSrc, width, height, title }) {
  assert.equal(answer.version, '1.0');
  assert.equal(answer.type, 'rich');
  assert.equal(answer.provider_name, PROVIDER_NAME);
  assert.equal(answer.provider_url, siteUrl);
  assert.equal(answer.cache_age, OEMBED_CACHE_AGE);
  assert.match(answer.title, title);
  assert.equal(answer.width, width);
  assert.equal(answer.height, height);
  const frame = /^<iframe src="([^"]+)" width="(\d+)" height="(\d+)" title="[^"<>]+" loading="lazy" data-uk-ai-exposure><\/iframe>$/.exec(answer.html);
  assert.ok(frame, `html is one iframe: ${answer.html}`);
  assert.equal(frame[1].replace(/&amp;/g, '&'), iframeSrc);
  assert.deepEqual([Number(frame[2]), Number(frame[3])], [width, height], 'the iframe has the answer\'s size');
  // A thumbnail comes with its size, or not at all.
  const thumbnail = ['thumbnail_url', 'thumbnail_width', 'thumbnail_height'].filter((key) => key in answer);
  assert.ok(thumbnail.length === 0 || thumbnail.length === 3, `thumbnail fields: ${thumbnail}`);
}

// Width and height of a PNG, from its IHDR chunk.
function pngSize(bytes) {
  assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('oEmbed', () => {
  test('each role page and the home page name their oEmbed answer, which is the role\'s card or the treemap', async () => {
    for (const [path, soc, title] of [['occupation/1137/', '1137', 'Information technology directors'],
                                      ['occupation/2311/', '2311', 'Higher education teaching professionals'],
                                      ['', '', 'UK occupations by employees']]) {
      const html = await (await fetch(`${site.url}${path}`)).text();
      const links = [...html.matchAll(/<link rel="alternate" type="application\/json\+oembed" href="([^"]+)" title="([^"]+)">/g)];
      assert.equal(links.length, 1, `${path || 'home'}: one discovery link`);
      const [, href, linkTitle] = links[0];
      assert.equal(href, `${siteUrl}oembed/${soc || 'chart-treemap'}.json`);
      assert.match(linkTitle, new RegExp(title));
      const response = await fetch(local(href));
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type'), /^application\/json/);
      assert.equal(response.headers.get('access-control-allow-origin'), '*', 'editors\' pages may fetch it');
      const answer = await response.json();
      checkAnswer(answer, soc
        ? { iframeSrc: `${siteUrl}embed/${soc}.html`, width: 560, height: 330, title: new RegExp(`^${title} \\(SOC 2020 ${soc}\\)`) }
        : { iframeSrc: `${siteUrl}embed-chart.html?kind=treemap`, width: 640, height: oembedSize('treemap').wide[1], title: new RegExp(title) });
      if (soc) {
        assert.deepEqual([answer.thumbnail_width, answer.thumbnail_height], [1200, 630]);
        const image = await fetch(local(answer.thumbnail_url));
        assert.equal(image.headers.get('content-type'), 'image/png');
        assert.deepEqual(pngSize(Buffer.from(await image.arrayBuffer())), [1200, 630], 'the thumbnail is the size it says');
      }
    }
  });

  test('a consumer from npm reads the endpoint for a role link, with the link\'s query and a narrow maxwidth', async () => {
    const provider = { name: PROVIDER_NAME, url: siteUrl, oembedUrl: `${site.url}oembed` };
    const wide = await oEmbed.fetchProvider(provider, `${siteUrl}occupation/2132/?e2=0.5&t=969.E0#tasks`);
    checkAnswer(wide, { iframeSrc: `${siteUrl}embed/2132.html`, width: 560, height: 330, title: /^IT managers \(SOC 2020 2132\)/ });
    const narrow = await oEmbed.fetchProvider(provider, `${siteUrl}occupation/2132`, { maxwidth: 400 });
    checkAnswer(narrow, { iframeSrc: `${siteUrl}embed/2132.html`, width: OEMBED_MIN_WIDTH, height: 430, title: /2132/ });
    const chart = await oEmbed.fetchProvider(provider, `${siteUrl}embed-chart.html?theme=dark&kind=groups`, { maxwidth: 1200 });
    checkAnswer(chart, { iframeSrc: `${siteUrl}embed-chart.html?kind=groups`, width: 640, height: oembedSize('groups').wide[1], title: /major group/ });
  });

  test('the answer\'s html, pasted as an editor\'s platform does, shows the role\'s card', async () => {
    const answer = await (await fetch(endpoint({ url: `${siteUrl}occupation/1137/`, format: 'json' }))).json();
    // A host page of its own (no script of the site's), with the answer's html in its body, served from the
    // test's origin (a page without one may not frame a local address).
    const page = await openPage(browser, 'about:blank', { allowedOrigins: [new URL(site.url).origin] });
    await page.route(`${site.url}an-article.html`, (route) => route.fulfill({ contentType: 'text/html', body:
      `<!doctype html><html lang="en"><head><title>An article</title></head><body><main><h1>An article</h1>${
        local(answer.html.replace(/&amp;/g, '&'))}</main></body></html>` }));
    await page.goto(`${site.url}an-article.html`);
    const card = page.frameLocator('iframe[data-uk-ai-exposure]').locator('uk-ai-exposure');
    await card.evaluate((host) => host.shadowRoot.querySelector('.title') !== null);
    const shown = await card.evaluate((host) => host.shadowRoot.textContent);
    assert.match(shown, /Information technology directors/);
    assert.match(shown, /1\.2\/10/);
    await page.assertClean();
    await page.context().close();
  });

  test('every chart kind has its answer, and each frame, wide and narrow, holds its chart without clipping it', async () => {
    for (const kind of CHART_KINDS) {
      for (const [maxwidth, variant] of [['', 'wide'], ['400', 'narrow']]) {
        const response = await fetch(endpoint({ url: `${siteUrl}embed-chart.html?kind=${kind}`, ...(maxwidth ? { maxwidth } : {}) }));
        assert.equal(response.status, 200, `${kind} ${variant}`);
        const answer = await response.json();
        assert.deepEqual([answer.width, answer.height], oembedSize(kind)[variant], `${kind} ${variant}`);
        // The chart as the frame shows it, at the frame's width: its height fits the frame, with little to spare.
        const page = await openPage(browser, `${site.url}embed-chart.html?kind=${kind}`, { viewport: { width: answer.width, height: answer.height } });
        await page.waitForFunction(() => document.querySelector('uk-ai-exposure-chart')?.dataset.state === 'ready', null, { timeout: 30000 });
        const drawn = await page.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
        assert.ok(drawn <= answer.height && drawn >= answer.height - 120, `${kind} ${variant}: the chart is ${drawn} px in a ${answer.height} px frame`);
        await page.assertClean();
        await page.context().close();
      }
    }
  });

  test('the endpoint refuses what it cannot answer with the spec\'s status and a JSON message', async () => {
    const role = `${siteUrl}occupation/1137/`;
    const cases = [
      [{ url: role, format: 'xml' }, 'format'],
      [{ format: 'json' }, 'noUrl'],
      [{ url: 'not a link', format: 'json' }, 'notUrl'],
      [{ url: 'javascript:alert(1)//occupation/1137/' }, 'notUrl'],
      [{ url: role, maxwidth: 'wide' }, 'badWidth'],
      [{ url: `${siteUrl}methodology/` }, 'notFound'],
      [{ url: role.replace(new URL(siteUrl).host, 'elsewhere.example') }, 'notFound'],
      [{ url: `${siteUrl}occupation/12345/` }, 'notFound'],
      [{ url: `${siteUrl}embed-chart.html?kind=pie` }, 'notFound'],
      [{ url: role, maxwidth: String(OEMBED_MIN_WIDTH - 1) }, 'tooNarrow'],
      [{ url: `${role}?t=${'1'.repeat(OEMBED_MAX_QUERY)}` }, 'tooLong'],
    ];
    for (const [params, key] of cases) {
      const response = await fetch(endpoint(params));
      const label = `${JSON.stringify(params).slice(0, 80)} -> ${key}`;
      assert.equal(response.status, OEMBED_ERRORS[key].status, label);
      assert.match(response.headers.get('content-type'), /^application\/json/, label);
      assert.deepEqual(await response.json(), { error: OEMBED_ERRORS[key].error }, label);
    }
    // The same role however the link is written: http or https, with or without its last slash, any case of host.
    for (const url of [role, role.slice(0, -1), role.replace('https:', 'http:'), role.replace(new URL(siteUrl).host, new URL(siteUrl).host.toUpperCase())]) {
      const response = await fetch(endpoint({ url, maxwidth: '0800' }));
      assert.equal(response.status, 200, url);
      assert.match((await response.json()).html, /embed\/1137\.html/, url);
    }
  });
});

describe('the embed page', () => {
  const cardOf = (frame) => frame.locator('uk-ai-exposure');
  const ready = (locator) => locator.evaluate((host) => new Promise((resolve) => {
    if (host.dataset.state === 'ready') resolve();
    else host.addEventListener('uk-ai-exposure-updated', resolve, { once: true });
  }));
  const previewFrame = (page) => page.frameLocator('#editor-preview');

  test('opened from a relabelled role, it writes code that shows the role page\'s own figures, and previews it', async () => {
    const query = 'e2=0.5&t=969.E0&wage=exact';
    const role = await openPage(browser, `${site.url}occupation/1137/?${query}`);
    await waitForApp(role);
    const shown = await role.locator('#occupation [data-field="scoreText"]').textContent();
    const embedPage = await role.evaluate(async () => {
      document.querySelector('[data-action="embed"]').click();
      const link = document.querySelector('[data-part="embed-page"]');
      await new Promise((resolve) => { const wait = () => (link.href.includes('soc=') ? resolve() : setTimeout(wait, 20)); wait(); });
      return link.href;
    });
    await role.context().close();
    const opened = new URL(embedPage);
    assert.equal(opened.pathname, '/embed/');
    assert.deepEqual([...opened.searchParams].sort(), [...new URLSearchParams(`${query}&soc=1137`)].sort());

    const page = await openPage(browser, embedPage);
    await page.waitForFunction(() => /The card of/.test(document.getElementById('editor-status').textContent), null, { timeout: 30000 });
    assert.equal(await page.locator('#editor-role').textContent(), 'Information technology directors (SOC 2020 1137)');
    assert.equal(await page.inputValue('#editor-e2'), '0.5');
    assert.equal(await page.inputValue('#editor-wage'), 'exact');
    assert.equal(await page.inputValue('#editor-tasks'), '969.E0');
    const pinned = await page.inputValue('#out-pinned');
    assert.match(pinned, /<script type="module" src="[^"]+\/releases\/[0-9a-f]{16}\/widget\/[^"]+" integrity="sha384-[^"]+" crossorigin="anonymous"><\/script>/);
    const element = /<uk-ai-exposure ([^>]*)>/.exec(pinned)[1];
    for (const pair of ['soc="1137"', 'e2="0.5"', 'wage="exact"', 'tasks="969.E0"']) assert.ok(element.includes(pair), `${pair} in ${element}`);
    assert.match(await page.inputValue('#out-latest'), /\/widget\/latest\/[a-z-]+\.js/);
    const frameSrc = new URL(/<iframe src="([^"]+)"/.exec(await page.inputValue('#out-iframe'))[1].replace(/&amp;/g, '&'));
    assert.equal(frameSrc.pathname, '/embed/1137.html');
    assert.deepEqual(['e2', 'wage', 'tasks'].map((name) => frameSrc.searchParams.get(name)), ['0.5', 'exact', '969.E0']);
    const link = new URL(await page.inputValue('#out-link'));
    assert.equal(`${link.origin}${link.pathname}`, `${site.url}occupation/1137/`);
    assert.deepEqual([...link.searchParams].sort(), [...new URLSearchParams(query)].sort());
    assert.match(await page.inputValue('#out-csp'), /^script-src 'self' http:\/\/127\.0\.0\.1:\d+ 'wasm-unsafe-eval'; connect-src 'self' http:\/\/127\.0\.0\.1:\d+$/);
    assert.match(await page.locator('#editor-trade-off').textContent(), /pinned snippet runs exactly the files it names/);

    // The preview: the pinned code on a hostile page, drawing what the role page showed.
    const card = cardOf(previewFrame(page));
    await ready(card);
    assert.match(await card.evaluate((host) => host.shadowRoot.textContent), new RegExp(`${shown.replace('.', '\\.')}/10`));
    // Copied as written, and said so.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.url).origin });
    await page.click('[data-copy="out-pinned"]');
    await page.waitForFunction(() => document.getElementById('editor-copied').textContent !== '');
    assert.equal(await page.locator('#editor-copied').textContent(), 'Copied.');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), pinned);
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'embed-page-card');
    await page.assertClean();
    await page.context().close();
  });

  test('the preview moves on once what it shows has drawn, to the latest choice, skipping those on the way', async () => {
    // The card's figures held back: a page left while a pinned download is in flight has the browser report the
    // cancelled download as an error, so the preview keeps the card until it has drawn.
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    const page = await openPage(browser, 'about:blank', { allowedOrigins: [new URL(site.url).origin] });
    await page.route('**/widget/cards/*.json', async (route) => { await held; await route.continue(); });
    const shown = [];
    page.on('framenavigated', (frame) => {
      if (frame.parentFrame() === page.mainFrame() && frame.url().includes('embed-preview.html')) shown.push(new URL(frame.url()).searchParams.get('form'));
    });
    await page.goto(`${site.url}embed/?soc=1137`);
    await page.waitForFunction(() => /The card of/.test(document.getElementById('editor-status').textContent), null, { timeout: 30000 });
    await page.waitForFunction(() => document.getElementById('editor-preview').src.includes('form=card'));
    for (const form of ['iframe-card', 'chart', 'iframe-chart']) await page.check(`input[name="form"][value="${form}"]`);
    await page.waitForTimeout(300);  // room for a move that must not come yet
    assert.deepEqual(shown, ['card'], 'the preview left a card still loading');
    release();
    await page.waitForFunction(() => document.getElementById('editor-preview').src.includes('form=iframe-chart'), null, { timeout: 15000 });
    await page.frameLocator('#editor-preview').frameLocator('iframe').locator('uk-ai-exposure-chart[data-state="ready"]').waitFor({ timeout: 30000 });
    assert.deepEqual(shown, ['card', 'iframe-chart']);
    await page.assertClean();
    await page.context().close();
  });

  test('without the list of the widget\'s files, or without the core, it says so instead of writing code', async () => {
    for (const [glob, message] of [['**/embed-integrity.json', /^The list of the widget's files \(embed-integrity\.json\) could not be had \(HTTP 404\): no snippet was written/],
                                   ['**/wasm/aiexp.wasm', /could not be downloaded.*Reload the page to try again\.$/]]) {
      const page = await openPage(browser, 'about:blank', { allowedOrigins: [new URL(site.url).origin], expectErrors: [/Failed to load resource/, /404/, /integrity/i] });
      await page.route(glob, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' }));
      await page.goto(`${site.url}embed/?soc=1137`);
      await page.waitForFunction(() => document.getElementById('editor-status').dataset.state === 'error', null, { timeout: 30000 });
      assert.match(await page.locator('#editor-status').textContent(), message);
      assert.equal(await page.inputValue('#out-pinned'), '');
      await page.assertClean();
      await page.context().close();
    }
  });

  test('by keyboard: find another role, switch to a chart in a frame; bad assumptions are named, not written', async () => {
    const page = await openPage(browser, `${site.url}embed/`);
    await page.waitForFunction(() => /Pick an occupation/.test(document.getElementById('editor-status').textContent), null, { timeout: 30000 });
    assert.equal(await page.inputValue('#out-pinned'), '', 'no code before a role is chosen');
    await page.focus('#role-search');
    await page.keyboard.type('nurse');
    await page.waitForSelector('#role-results [role="option"]');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /SOC 2020 \d{4}/.test(document.getElementById('editor-role').textContent));
    const soc = /SOC 2020 (\d{4})/.exec(await page.locator('#editor-role').textContent())[1];
    await page.waitForFunction((code) => document.getElementById('out-pinned').value.includes(`soc="${code}"`), soc);

    // A chart in a frame: reached with the arrow keys in the radio group.
    await page.focus('input[name="form"][value="card"]');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    assert.equal(await page.locator('input[name="form"]:checked').getAttribute('value'), 'iframe-chart');
    await page.selectOption('#editor-kind', 'groups');
    await page.waitForFunction(() => document.getElementById('out-pinned').value.startsWith('<iframe src='));
    const frame = await page.inputValue('#out-pinned');
    assert.match(frame, /embed-chart\.html\?kind=groups&amp;frame-id=uk-ai-exposure-chart-groups/);
    assert.match(frame, /integrity="sha384-/, 'the frame\'s sizing script is pinned');
    assert.equal(await page.locator('[data-output="iframe"]').isHidden(), true, 'the frame form is not offered twice');
    // Only the chosen form's fields: a chart's kind, not a card's variant; the roles compared only for a comparison.
    assert.deepEqual([await page.locator('#editor-variant').isVisible(), await page.locator('#editor-kind').isVisible(),
                      await page.locator('#editor-socs').isVisible()], [false, true, false]);
    await page.selectOption('#editor-kind', 'compare');
    assert.equal(await page.locator('#editor-socs').isVisible(), true);
    await page.selectOption('#editor-kind', 'groups');
    assert.match(await page.inputValue('#out-csp'), /^frame-src http:\/\/127\.0\.0\.1:\d+; script-src 'self' http:\/\/127\.0\.0\.1:\d+$/);

    // An assumption out of range: said, with the old code left as it was.
    await page.fill('#editor-e1', '7');
    await page.locator('#editor-e1').dispatchEvent('change');
    await page.waitForFunction(() => document.getElementById('editor-status').dataset.state === 'error');
    assert.match(await page.locator('#editor-status').textContent(), /^Not used: .*e1/);
    assert.equal(await page.inputValue('#out-pinned'), frame);
    // A long, bad task list is echoed cut, once.
    await page.fill('#editor-e1', '1');
    await page.fill('#editor-tasks', `x${'9'.repeat(3000)}`);
    await page.locator('#editor-tasks').dispatchEvent('change');
    await page.waitForFunction(() => /^Not used: /.test(document.getElementById('editor-status').textContent)
      && !/ e1/.test(document.getElementById('editor-status').textContent));
    const said = await page.locator('#editor-status').textContent();
    assert.ok(said.length < 400, `the message is ${said.length} characters`);
    assert.deepEqual(await axeViolations(page), []);
    await page.assertClean();
    await page.context().close();
  });
});
