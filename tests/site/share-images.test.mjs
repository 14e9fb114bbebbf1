// The share images and the sitemap of site assembly (tools/site/share-images.mjs, tools/site/sitemap.mjs):
// built here for a few roles from the core's reports, then checked again over the assembled site.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';

import { loadSiteCalculator } from '../../tools/site/core.mjs';
import { SHARE_HEIGHT, SHARE_WIDTH, shareImageSvg, writeShareImages } from '../../tools/site/share-images.mjs';
import { writeSitemap } from '../../tools/site/sitemap.mjs';
import { checkValues, dataDir, wasmDir } from '../wasm/support.mjs';

const projectDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const siteDir = process.env.AIEXP_SITE_DIR ?? join(projectDir, 'build', 'wasm', 'site');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const HASHED_NAME = /^(\d{4})\.([0-9a-f]{16})\.png$/;
// The check values, the longest title, one not scored, one whose ASHE employees and pay are not published.
const ROLES = ['1137', '2132', '2452', '1161', '1112'];
const LONG_TITLE = 'Research & development <managers>, "chartered" architectural technologists, planning officers, ' +
                   'consultants and related professionals not elsewhere classified';

function pngSize(bytes) {
  assert.ok(bytes.subarray(0, 8).equals(PNG_SIGNATURE), 'starts with the PNG signature');
  assert.equal(bytes.toString('latin1', 12, 16), 'IHDR', 'the first chunk is IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function sha256Hex16(bytes) {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 16);
}

// The title's lines: the dark bold texts above the score (whose baseline is at 394).
function titleLines(svg) {
  return [...svg.matchAll(/<text x="72.0" y="([\d.]+)" font-size="\d+" font-weight="bold" fill="#15191f">([^<]*)<\/text>/g)]
    .filter((match) => Number(match[1]) < 300)
    .map((match) => match[2]);
}

function sitemapLocs(xml) {
  assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/);
  return [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((match) => match[1]);
}

const scratch = [];
async function scratchDir() {
  const dir = await mkdtemp(join(tmpdir(), 'aiexp-share-'));
  scratch.push(dir);
  return dir;
}
after(async () => {
  for (const dir of scratch) await rm(dir, { recursive: true, force: true });
});

describe('share images', () => {
  let cards;
  let first;
  let second;

  before(async () => {
    const calculator = await loadSiteCalculator({ wasmDir, dataDir, webDir: join(projectDir, 'web') });
    const defaults = calculator.snapshot(calculator.defaults()).snapshot;
    cards = ROLES.map((soc) => defaults.report(soc).report);
    cards.push({ ...cards[0], soc: '9999', title: LONG_TITLE });
    first = { out: await scratchDir() };
    second = { out: await scratchDir() };
    first.paths = await writeShareImages({ out: first.out, cards });
    second.paths = await writeShareImages({ out: second.out, cards });
  });

  test('each role gets one image, named share/<soc>.<16 hex of its SHA-256>.png', async () => {
    assert.deepEqual([...first.paths.keys()], cards.map((card) => card.soc));
    const files = (await readdir(join(first.out, 'share'))).sort();
    assert.deepEqual(files, [...first.paths.values()].map((path) => path.replace(/^share\//, '')).sort());
    for (const [soc, path] of first.paths) {
      const [, fileSoc, hex] = path.replace(/^share\//, '').match(HASHED_NAME) ?? [];
      assert.equal(fileSoc, soc, path);
      assert.equal(hex, sha256Hex16(await readFile(join(first.out, path))), path);
    }
  });

  test('every image is a 1200×630 PNG', async () => {
    for (const path of first.paths.values()) {
      assert.deepEqual(pngSize(await readFile(join(first.out, path))), { width: SHARE_WIDTH, height: SHARE_HEIGHT }, path);
    }
    assert.deepEqual([SHARE_WIDTH, SHARE_HEIGHT], [1200, 630]);
  });

  test('a rebuild gives byte-identical images under the same names', async () => {
    assert.deepEqual([...second.paths], [...first.paths]);
    for (const path of first.paths.values()) {
      assert.ok((await readFile(join(first.out, path))).equals(await readFile(join(second.out, path))), path);
    }
  });

  test('roles with the same score still get different images', () => {
    assert.notEqual(first.paths.get('1137').split('.')[1], first.paths.get('2132').split('.')[1]);
  });

  test('the image shows the figures of the check values and the source line', () => {
    for (const expected of checkValues.unit_groups) {
      const svg = shareImageSvg(cards.find((card) => card.soc === expected.soc));
      assert.equal(titleLines(svg).join(' '), expected.title);
      for (const shown of [`SOC 2020 ${expected.soc}`, `>${expected.exposure_text}<`, '>/10<',
                           `>${expected.band}<`, expected.direct_text, expected.with_tools_text,
                           expected.wage_exposure_text, expected.employees_text, expected.median_pay_text,
                           'UK AI Exposure', 'Eloundou et al. (2023) task labels via O*NET; ONS ASHE 2025 (employees only).']) {
        assert.ok(svg.includes(shown), `${expected.soc} shows ${shown}`);
      }
      assert.match(svg, /fill="#15803d"/, 'the Minimal band colour');
      assert.match(svg, /font-family="DejaVu Sans"/);
    }
  });

  test('a role that is not scored gets the grey "Not scored" pill and no band colour', () => {
    const svg = shareImageSvg(cards.find((card) => card.soc === '1161'));
    assert.ok(svg.includes('>Not scored<'));
    assert.doesNotMatch(svg, /#15803d|#0e7490|#a16207|#c2410c|#b91c1c/);
  });

  test('a title too long for three lines is escaped, wrapped and ellipsised', () => {
    const svg = shareImageSvg(cards.find((card) => card.soc === '9999'));
    assert.ok(svg.includes('Research &amp; development &lt;managers&gt;,'));
    assert.ok(svg.includes('&quot;chartered&quot;'));
    const lines = titleLines(svg);
    assert.equal(lines.length, 3);
    assert.ok(lines[2].endsWith('…'), lines[2]);
    assert.ok(!svg.includes('classified'), 'the end of the title is cut');
  });

  test('a missing rsvg-convert is reported with the package to install', async () => {
    const path = process.env.PATH;
    process.env.PATH = await scratchDir();
    try {
      await assert.rejects(writeShareImages({ out: await scratchDir(), cards: cards.slice(0, 1) }), /librsvg2-bin/);
    } finally {
      process.env.PATH = path;
    }
  });
});

describe('sitemap and robots.txt', () => {
  const siteUrl = 'https://calculator.example/uk/';

  test('the sitemap lists the home page, the methodology, the occupations, then one absolute URL per role in code order', async () => {
    const out = await scratchDir();
    await writeSitemap({ out, siteUrl, socs: ['2132', '1137', '9222'] });
    assert.deepEqual(sitemapLocs(await readFile(join(out, 'sitemap.xml'), 'utf8')), [
      siteUrl,
      `${siteUrl}methodology/`,
      `${siteUrl}occupations/`,
      `${siteUrl}occupation/1137/`,
      `${siteUrl}occupation/2132/`,
      `${siteUrl}occupation/9222/`,
    ]);
  });

  test('robots.txt allows everything and names the sitemap by its absolute URL', async () => {
    const out = await scratchDir();
    await writeSitemap({ out, siteUrl, socs: ['1137'] });
    const robots = await readFile(join(out, 'robots.txt'), 'utf8');
    assert.match(robots, /^User-agent: \*$/m);
    assert.match(robots, /^Allow: \/$/m);
    assert.doesNotMatch(robots, /^Disallow: \S/m);
    assert.match(robots, /^Sitemap: https:\/\/calculator\.example\/uk\/sitemap\.xml$/m);
  });

  test('a rebuild writes the same bytes', async () => {
    const [a, b] = [await scratchDir(), await scratchDir()];
    await writeSitemap({ out: a, siteUrl, socs: ['1137', '2132'] });
    await writeSitemap({ out: b, siteUrl, socs: ['2132', '1137'] });
    for (const file of ['sitemap.xml', 'robots.txt']) {
      assert.ok((await readFile(join(a, file))).equals(await readFile(join(b, file))), file);
    }
  });

  test('a relative site URL, one without its trailing slash and a repeated role are refused', async () => {
    const out = await scratchDir();
    await assert.rejects(writeSitemap({ out, siteUrl: '/uk/', socs: ['1137'] }), /absolute/);
    await assert.rejects(writeSitemap({ out, siteUrl: 'https://calculator.example/uk', socs: ['1137'] }), /ending in "\/"/);
    await assert.rejects(writeSitemap({ out, siteUrl, socs: ['1137', '1137'] }), /1137 is listed twice/);
  });
});

describe('the assembled site', () => {
  let socs;

  before(async () => {
    const bundle = JSON.parse(await readFile(join(siteDir, 'data', 'bundle.json'), 'utf8'));
    socs = bundle.unit_groups.soc;
  });

  test('share/ holds exactly one valid 1200×630 PNG per unit group of the bundle, named by its hash', async () => {
    assert.equal(socs.length, 412);
    const files = (await readdir(join(siteDir, 'share'))).sort();
    const named = files.map((file) => file.match(HASHED_NAME)?.[1]);
    assert.deepEqual(named, [...socs].sort(), 'one hashed image per unit group, nothing else');
    for (const file of files) {
      const bytes = await readFile(join(siteDir, 'share', file));
      assert.deepEqual(pngSize(bytes), { width: 1200, height: 630 }, file);
      assert.equal(file.match(HASHED_NAME)[2], sha256Hex16(bytes), file);
    }
  });

  test('sitemap.xml lists the home page, the methodology, the occupations and the 412 role pages; robots.txt names it', async () => {
    const robots = await readFile(join(siteDir, 'robots.txt'), 'utf8');
    const sitemapUrl = robots.match(/^Sitemap: (\S+)$/m)?.[1];
    assert.ok(sitemapUrl?.endsWith('/sitemap.xml'), `robots.txt names the sitemap (got ${sitemapUrl})`);
    const home = sitemapUrl.replace(/sitemap\.xml$/, '');
    const locs = sitemapLocs(await readFile(join(siteDir, 'sitemap.xml'), 'utf8'));
    assert.deepEqual(locs, [home, `${home}methodology/`, `${home}occupations/`, ...[...socs].sort().map((soc) => `${home}occupation/${soc}/`)]);
  });
});
