// The widget's pre-computed default cards (tools/site/cards.mjs) in the assembled site against the live core:
// for every unit group, the figures and texts a default card paints without the WebAssembly module, and the
// pre-rendered iframe card embed/<soc>.html, equal what the module computes under the defaults (SCORING.md 4).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';

import { parseHTML } from 'linkedom';

import { checkValues, loadedEngine, loadModule } from '../wasm/support.mjs';

const siteDir = process.env.AIEXP_SITE_DIR ?? 'build/wasm/site';
// What a card shows of the core's Report, written out here rather than taken from the widget, so a field the
// card starts to show without its being pre-computed (or the reverse) fails this test.
const CARD_FIELDS = ['soc', 'title', 'scored', 'scoreText', 'band', 'bandKey', 'directText', 'withToolsText', 'wageExposureText',
  'employeesText', 'medianPayText', 'rankText', 'canDoText', 'bandMeaning', 'rangeText'];

let module;
let engine;
let index;
const cards = new Map();  // soc -> the pre-computed card
const shardFiles = new Map();  // shard -> its file's name

const sha384 = (bytes) => 'sha384-' + createHash('sha384').update(bytes).digest('base64');

before(async () => {
  module = await loadModule();
  engine = loadedEngine(module, { text: false });
  assert.equal(engine.setAssumptions(engine.defaultAssumptions()).ok, true);
  index = (await import(pathToFileURL(join(siteDir, 'widget', 'cards.js')).href)).default;
  for (const [shard, { file, integrity }] of Object.entries(index.shards)) {
    const bytes = readFileSync(join(siteDir, 'widget', file));
    // The widget fetches the shard with this integrity, so a mismatch would blank the card in the browser.
    assert.equal(sha384(bytes), integrity, `${file}: integrity`);
    shardFiles.set(shard, file);
    const { build, cards: entries } = JSON.parse(bytes.toString('utf8'));
    assert.equal(build, index.build, `${file}: data build`);
    for (const [soc, card] of Object.entries(entries)) {
      assert.equal(soc[0], shard, `${soc} is in shard ${shard}`);
      assert.ok(!cards.has(soc), `${soc} is pre-computed twice`);
      cards.set(soc, card);
    }
  }
});

after(() => engine?.delete());

describe('pre-computed cards', () => {
  test('are of the data build the site ships, and their widget defaults are the core\'s', async () => {
    const bundle = JSON.parse(readFileSync(join(siteDir, 'data', 'bundle.json'), 'utf8'));
    assert.equal(index.build, bundle.build);
    const { DEFAULT_ASSUMPTIONS } = await import(pathToFileURL(join(siteDir, 'widget', 'uk-ai-exposure-card.js')).href);
    const defaults = engine.defaultAssumptions();
    for (const [key, value] of Object.entries(DEFAULT_ASSUMPTIONS)) assert.equal(value, defaults[key], key);
    assert.deepEqual(defaults.overrides, []);
  });

  test('shards are named by the SHA-256 of their bytes, so they can be cached forever', () => {
    for (const [shard, file] of shardFiles) {
      const hash = createHash('sha256').update(readFileSync(join(siteDir, 'widget', file))).digest('hex').slice(0, 16);
      assert.equal(file, `cards/${shard}.${hash}.json`);
    }
  });

  test('cover exactly the 412 unit groups', () => {
    const socs = engine.unitGroups().map((group) => group.soc);
    assert.equal(socs.length, 412);
    assert.deepEqual([...cards.keys()].sort(), [...socs].sort());
  });

  test('every figure and text equals the live core\'s under the defaults, for all 412', () => {
    const differences = [];
    for (const { soc } of engine.unitGroups()) {
      const result = engine.report(soc);
      assert.equal(result.ok, true, `${soc}: ${result.message}`);
      const card = cards.get(soc);
      assert.deepEqual(Object.keys(card).sort(), [...CARD_FIELDS].sort(), soc);
      for (const field of CARD_FIELDS) {
        if (card[field] !== result.report[field]) differences.push(`${soc} ${field}: ${card[field]} vs ${result.report[field]}`);
      }
    }
    assert.deepEqual(differences, []);
  });

  test('carry the published check values', () => {
    for (const expected of checkValues.unit_groups) {
      const card = cards.get(expected.soc);
      assert.equal(card.scoreText, expected.exposure_text);
      assert.equal(card.wageExposureText, expected.wage_exposure_text);
      assert.equal(card.employeesText, expected.employees_text);
      assert.equal(card.medianPayText, expected.median_pay_text);
      assert.equal(card.canDoText, expected.can_do_text);
      assert.equal(card.rangeText, '0.0–3.0');  // the sensitivity band under the defaults (tests/core/score_test.cpp)
    }
  });

  test('pin the modules a card imports for other assumptions with their integrity', () => {
    assert.deepEqual(Object.keys(index.modules).sort(), ['aiexp-loader.js', 'calculator.js', 'manifest.js', 'snapshot.js', 'wasm/aiexp.js']);
    for (const [path, integrity] of Object.entries(index.modules)) {
      assert.equal(sha384(readFileSync(join(siteDir, path))), integrity, path);
    }
  });
});

describe('pre-rendered iframe cards', () => {
  test('embed/<soc>.html carries every default figure of its role, for all 412', async () => {
    const { CARD_CSS } = await import(pathToFileURL(join(siteDir, 'widget', 'styles-card.js')).href);
    const problems = [];
    const stylesheets = new Set();
    for (const { soc } of engine.unitGroups()) {
      const r = engine.report(soc).report;
      const { document } = parseHTML(readFileSync(join(siteDir, 'embed', `${soc}.html`), 'utf8'));
      const host = document.querySelector('#card-host > uk-ai-exposure');
      const template = host?.querySelector(':scope > template');
      if (!host || host.getAttribute('soc') !== soc || template?.getAttribute('shadowrootmode') !== 'open') {
        problems.push(`${soc}: no declarative shadow root on a <uk-ai-exposure soc="${soc}">`);
        continue;
      }
      const root = template.content ?? template;
      const textOf = (selector) => root.querySelector(selector)?.textContent;
      const expected = {
        title: r.title,
        value: r.scored ? `${r.scoreText}/10` : r.scoreText,
        band: r.scored ? r.band : undefined,
        sub: r.scored ? `direct ${r.directText} · with tools ${r.withToolsText}` : r.rankText,
        figures: [r.wageExposureText, r.employeesText, r.medianPayText].join(' | '),
        link: `../occupation/${soc}/`,
        title_tag: `UK AI Exposure: ${r.title}`,
      };
      const seen = {
        title: textOf('.title'),
        value: textOf('.value'),
        band: textOf('.band'),
        sub: textOf('.sub'),
        figures: [...root.querySelectorAll('.figures dd')].map((dd) => dd.textContent).join(' | '),
        link: root.querySelector('a.link')?.getAttribute('href'),
        title_tag: document.querySelector('title')?.textContent,
      };
      for (const key of Object.keys(expected)) {
        if (seen[key] !== expected[key]) problems.push(`${soc} ${key}: ${seen[key]} vs ${expected[key]}`);
      }
      stylesheets.add(root.querySelector('link[rel="stylesheet"]')?.getAttribute('href'));
    }
    assert.deepEqual(problems, []);
    // One stylesheet for every card, the card element's own CSS as a file, so the two cannot drift apart.
    assert.equal(stylesheets.size, 1);
    const [href] = stylesheets;
    assert.match(href, /^\.\.\/widget\/uk-ai-exposure\.[0-9a-f]{16}\.css$/);
    assert.equal(readFileSync(join(siteDir, href.slice(3)), 'utf8'), CARD_CSS);
  });
});
