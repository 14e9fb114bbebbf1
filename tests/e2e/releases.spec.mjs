// Embeds that last: a snippet written today keeps drawing its own figures after the next deploy, because it names
// a release of the widget (releases/<id>/) that the deploy keeps; a new snippet draws the new figures; the iframe
// card follows the site. And a pinned snippet never runs bytes other than the pinned ones, in any of its forms.
// The "next build" is made from a copy of the site: a changed data build (a title in the bundle and the default
// cards) and a changed module (the card's view), re-pinned as site assembly pins them, then released by the same
// code (tools/site/widget-release.mjs) and merged into a served folder by the deploy tool (tools/site/deploy.mjs).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';

import { listFiles, mergeSite, pruneReleases } from '../../tools/site/deploy.mjs';
import { pagePins, writeRelease } from '../../tools/site/widget-release.mjs';
import { hostPage, launchBrowser, openPage, screenshot, siteDir, startSite } from './harness.mjs';

const OLD_TITLE = 'Information technology directors';
const NEW_TITLE = 'Information technology directors (next data build)';
const NEW_EYEBROW = 'UK AI exposure (next release)';
const sri = (bytes) => 'sha384-' + createHash('sha384').update(bytes).digest('base64');
const moduleObject = (text) => JSON.parse(text.slice(text.indexOf('(') + 1, text.lastIndexOf(')')));

async function readJson(dir, path) {
  return JSON.parse(await readFile(join(dir, path), 'utf8'));
}

// The next build, made from a copy of the assembled site as a rebuild would make it: the data and a module change,
// and every pin that vouches for them is written again.
async function nextBuild(dir) {
  const framePinsBefore = await pagePins(dir, 'embed.js');
  const bundlePath = join(dir, 'data', 'bundle.json');
  const bundle = (await readFile(bundlePath, 'utf8')).replace(`"${OLD_TITLE}"`, JSON.stringify(NEW_TITLE));
  await writeFile(bundlePath, bundle);
  const manifestText = await readFile(join(dir, 'manifest.js'), 'utf8');
  const manifest = moduleObject(manifestText);
  manifest.integrity['data/bundle.json'] = sri(bundle);
  const manifestOut = `export default Object.freeze(${JSON.stringify(manifest)});\n`;
  await writeFile(join(dir, 'manifest.js'), manifestOut);
  // The default cards: the shard of major group 1 with the new title, under a new content-hashed name.
  const cards = moduleObject(await readFile(join(dir, 'widget', 'cards.js'), 'utf8'));
  const shardText = (await readFile(join(dir, 'widget', cards.shards['1'].file), 'utf8')).replace(`"${OLD_TITLE}"`, JSON.stringify(NEW_TITLE));
  const shardFile = `cards/1.${createHash('sha256').update(shardText).digest('hex').slice(0, 16)}.json`;
  await writeFile(join(dir, 'widget', shardFile), shardText);
  cards.shards['1'] = { file: shardFile, integrity: sri(shardText) };
  cards.modules['manifest.js'] = sri(manifestOut);
  await writeFile(join(dir, 'widget', 'cards.js'), `export default Object.freeze(${JSON.stringify(cards)});\n`);
  // A changed module: the card's view says which release drew it.
  const viewPath = join(dir, 'widget', 'uk-ai-exposure-card.js');
  const view = await readFile(viewPath, 'utf8');
  assert.ok(view.includes('UK AI exposure ·'), 'the card view names itself');
  await writeFile(viewPath, view.replace('UK AI exposure ·', `${NEW_EYEBROW} ·`));
  // The iframe card pages pin their modules: pinned again for the new bytes, as assembly does.
  const framePinsAfter = await pagePins(dir, 'embed.js');
  for (const file of [join('embed', '1137.html'), 'embed.html']) {
    let html = await readFile(join(dir, file), 'utf8');
    for (const [path, pin] of Object.entries(framePinsBefore.pins)) html = html.replaceAll(pin, framePinsAfter.pins[path]);
    await writeFile(join(dir, file), html);
  }
  // The compressed copies are of the old bytes: assembly would write them again; here they go.
  for (const file of await listFiles(dir)) if (file.endsWith('.br') || file.endsWith('.gz')) await rm(file);
  return writeRelease({ out: dir, build: manifest.build });
}

// A host page on another origin with a strict CSP that names the calculator's origin, holding `body`.
const hostWith = (body, calculator) => hostPage(calculator, { body: `<h1>A newsletter post</h1>\n${body}`, title: 'An old post', frames: true });

// The snippets the calculator writes, from the served embed-integrity.json, by the site's own writer
// (ui/embed-code.js, run in node with the site's address as its base).
let writer = null;
async function snippets(calculator, served) {
  const integrity = await readJson(served, 'embed-integrity.json');
  if (!writer) {
    writer = await import(pathToFileURL(join(served, 'ui', 'embed-code.js')).href);
    (await import(pathToFileURL(join(served, 'aiexp-loader.js')).href)).setAssetBase(calculator);
  }
  const code = writer;
  const manifest = code.checkManifest(integrity);
  return {
    release: manifest.release,
    card: code.cardSnippet(manifest, { soc: '1137', title: OLD_TITLE }),
    chart: code.chartSnippet(manifest, { kind: 'compare', socs: ['1137', '2132'] }),
    iframe: code.iframeSnippet(manifest, { soc: '1137', title: OLD_TITLE }),
  };
}

let served;
let site;
let browser;
let oldSnippets;
let newSnippets;
let oldRelease;
let newRelease;
let work;

before(async () => {
  work = await mkdtemp(join(tmpdir(), 'aiexp-releases-'));
  served = join(work, 'served');
  // Deploy the build as it is, then the next one over it.
  await mergeSite({ site: siteDir, served, now: new Date('2026-01-01T00:00:00Z') });
  oldRelease = (await readJson(served, 'embed-integrity.json')).release;
  const next = join(work, 'next');
  await cp(siteDir, next, { recursive: true });
  newRelease = (await nextBuild(next)).id;
  // The snippets are written against the served origin, so the site starts first (its folder filled in place).
  site = await startSite(served);
  oldSnippets = await snippets(site.url, served);
  await mergeSite({ site: next, served, now: new Date('2026-06-01T00:00:00Z') });
  newSnippets = await snippets(site.url, served);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await site?.close();
  await rm(work, { recursive: true, force: true });
});

async function onHost(body, check) {
  const host = await hostWith(body, site.url);
  try {
    const page = await openPage(browser, host.url, { allowedOrigins: host.origins });
    await check(page);
    await page.assertClean();
    await page.context().close();
  } finally {
    await host.close();
  }
}

const shadowText = (page, selector, inner) => page.locator(selector).evaluate((h, s) => h.shadowRoot.querySelector(s)?.textContent ?? '', inner);

describe('a snippet written before a deploy', () => {
  test('the deploy kept the old release beside the new one, and each snippet names its own', async () => {
    assert.notEqual(oldRelease, newRelease);
    assert.deepEqual((await readdir(join(served, 'releases'))).filter((n) => n !== 'index.json').sort(), [oldRelease, newRelease].sort());
    assert.match(oldSnippets.card, new RegExp(`releases/${oldRelease}/widget/uk-ai-exposure-define\\.js" integrity="sha384-`));
    assert.match(newSnippets.card, new RegExp(`releases/${newRelease}/widget/uk-ai-exposure-define\\.js" integrity="sha384-`));
    for (const snippet of [oldSnippets.card, oldSnippets.chart, oldSnippets.iframe]) {
      for (const [, path] of snippet.matchAll(/(?:src|href)="[^"]*?\/((?:widget|releases|ui|vendor|wasm)[^"]*\.js)"/g)) {
        assert.match(path, /^releases\/[0-9a-f]{16}\//, `a pinned snippet names ${path}`);
      }
    }
    const response = await fetch(`${site.url}releases/${oldRelease}/widget/uk-ai-exposure-define.js`);
    assert.equal(response.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal((await fetch(`${site.url}widget/latest/uk-ai-exposure-define.js`)).headers.get('cache-control'), 'no-cache');
  });

  test('the old card draws its own figures and module; the new snippet draws the new ones', async () => {
    await onHost(oldSnippets.card, async (page) => {
      await page.waitForFunction(() => document.querySelector('uk-ai-exposure')?.dataset.state === 'ready', null, { timeout: 20000 });
      assert.equal(await shadowText(page, 'uk-ai-exposure', '.title'), OLD_TITLE);
      assert.equal(await shadowText(page, 'uk-ai-exposure', '.eyebrow'), 'UK AI exposure · SOC 2020 1137');
      assert.equal(await shadowText(page, 'uk-ai-exposure', '.value'), '1.2/10');
      await screenshot(page, 'release-old-card');
    });
    await onHost(newSnippets.card, async (page) => {
      await page.waitForFunction(() => document.querySelector('uk-ai-exposure')?.dataset.state === 'ready', null, { timeout: 20000 });
      assert.equal(await shadowText(page, 'uk-ai-exposure', '.title'), NEW_TITLE);
      assert.equal(await shadowText(page, 'uk-ai-exposure', '.eyebrow'), `${NEW_EYEBROW} · SOC 2020 1137`);
    });
  });

  test('an old card with other assumptions computes with its own release\'s core and data', async () => {
    await onHost(oldSnippets.card.replace('<uk-ai-exposure soc="1137"', '<uk-ai-exposure soc="1137" e2="1"'), async (page) => {
      await page.waitForFunction(() => document.querySelector('uk-ai-exposure')?.dataset.state === 'ready', null, { timeout: 30000 });
      assert.equal(await shadowText(page, 'uk-ai-exposure', '.title'), OLD_TITLE);
      assert.equal(await shadowText(page, 'uk-ai-exposure', '.value'), '9.4/10');
    });
  });

  test('the old chart draws its release\'s figures; the new chart the new ones', async () => {
    for (const [snippet, title] of [[oldSnippets.chart, OLD_TITLE], [newSnippets.chart, NEW_TITLE]]) {
      await onHost(snippet, async (page) => {
        await page.waitForFunction(() => document.querySelector('uk-ai-exposure-chart')?.dataset.state === 'ready', null, { timeout: 30000 });
        const note = await shadowText(page, 'uk-ai-exposure-chart', '.note');
        assert.ok(note.startsWith(`${title}: 1.2`), note);
      });
    }
  });

  test('the old iframe card still draws and sizes its frame (the frame follows the site)', async () => {
    await onHost(oldSnippets.iframe, async (page) => {
      const frame = page.frameLocator('iframe[data-uk-ai-exposure]');
      await frame.locator('uk-ai-exposure[data-state="ready"]').waitFor({ timeout: 20000 });
      // The frame runs the site's current modules (their own pins), whatever release the host's script names.
      assert.equal(await frame.locator('uk-ai-exposure .eyebrow').textContent(), `${NEW_EYEBROW} · SOC 2020 1137`);
      await page.waitForFunction(() => document.querySelector('iframe[data-uk-ai-exposure]').style.height !== '', null, { timeout: 15000 });
    });
  });

  test('pruning removes releases older than the age given, never the current one', async () => {
    const wouldGo = await pruneReleases({ served, days: 30, now: new Date('2026-07-15T00:00:00Z'), dryRun: true });
    assert.deepEqual(wouldGo, [oldRelease]);
    assert.deepEqual(await pruneReleases({ served, days: 0, now: new Date('2027-01-01T00:00:00Z'), dryRun: true }), [oldRelease],
                     'the current release stays whatever its age');
  });
});

// Appends a marker to a module wherever it is served (a release's copy or the site's own), as a changed file on
// the server would: a pinned form must refuse it, in the host page and in every frame.
function tamper(page, pathEnd) {
  return page.context().route((url) => url.pathname.endsWith(pathEnd), async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: `${await response.text()}\nglobalThis.__tampered = true;\n` });
  });
}

async function tamperedAnywhere(page) {
  for (const frame of page.frames()) if (await frame.evaluate(() => globalThis.__tampered === true).catch(() => false)) return true;
  return false;
}

describe('a pinned snippet runs only the pinned bytes, in every form', () => {
  const forms = [
    ['the card element', () => newSnippets.card, ['/widget/uk-ai-exposure-card.js', '/widget/uk-ai-exposure-base.js']],
    ['a card with other assumptions (the core, imported later)', () => newSnippets.card.replace('soc="1137"', 'soc="1137" e2="1"'),
     ['/aiexp-loader.js', '/calculator.js']],
    ['the chart element with its iframe lines', () => `${newSnippets.chart}\n${newSnippets.iframe.replace('embed/1137.html', 'embed-chart.html').replace('?', '?kind=groups&')}`,
     ['/ui/dom.js', '/aiexp-loader.js', '/widget/uk-ai-exposure-chart.js']],
    ['the iframe card', () => newSnippets.iframe, ['/embed.js', '/widget/uk-ai-exposure-card.js', '/widget/iframe-resizer.js', '/start-check.js']],
  ];
  for (const [name, snippet, modules] of forms) {
    for (const module of modules) {
      test(`${name}: a changed ${module} is refused`, async () => {
        const host = await hostWith(snippet(), site.url);
        try {
          const page = await openPage(browser, 'about:blank', { allowedOrigins: host.origins, expectErrors: [/integrity|Failed to (load|fetch)|digest/i] });
          await tamper(page, module);
          await page.goto(host.url);
          await page.waitForTimeout(2500);
          await page.waitForLoadState('networkidle');
          assert.equal(await tamperedAnywhere(page), false, `the changed ${module} ran`);
          await page.context().close();
        } finally {
          await host.close();
        }
      });
    }
  }
});
