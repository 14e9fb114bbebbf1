// Production serving: nginx with the configuration site assembly generates and the dev server (tools/serve.mjs)
// answer every kind of path of the assembled site with the status and headers of the one table
// (tools/site/headers.mjs), compressed alike, and the static hosts' _headers gives every file the same headers.
// The server under test (AIEXP_SERVER) is checked against the table, the other one against it.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

import { startServer } from '../../tools/serve.mjs';
import { HEADER_RULES, NOT_FOUND_PAGE, contentHashed, hashedName, headersFor, mimeTypeFor } from '../../tools/site/headers.mjs';
import { precompress } from '../../tools/site/deploy.mjs';
import { serverKind, siteDir, startNginx } from './harness.mjs';

const TABLE_HEADERS = [...new Set(HEADER_RULES.map((rule) => rule.header))];

function siteFiles(dir = siteDir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...siteFiles(path));
    else out.push('/' + relative(siteDir, path).split('\\').join('/'));
  }
  return out.sort();
}

const files = siteFiles();
const servedFiles = files.filter((path) => !/\.(?:br|gz)$/.test(path) && !['/_headers', '/_redirects'].includes(path));
const has = (path) => files.includes(path);
const first = (pattern) => servedFiles.find((path) => pattern.test(path));

// The representative paths, each with why it is there; a kind of file the site does not have yet is named
// in the list of skipped kinds instead.
const rolePage = first(/^\/occupation\/\d{4}\/index\.html$/);
const embedRolePage = first(/^\/embed\/\d{4}\.html$/);
const hashedFiles = [...new Map(servedFiles.filter(contentHashed).map((path) => [path.split('/')[1], path])).values()];
const candidates = [
  ['home', '/', true],
  ['role page', rolePage?.replace(/index\.html$/, ''), Boolean(rolePage)],
  ['role page without its slash', rolePage?.replace(/\/index\.html$/, ''), Boolean(rolePage)],
  ['iframe card', '/embed.html', has('/embed.html')],
  ['iframe card of a role', embedRolePage, Boolean(embedRolePage)],
  ['widget module', '/widget/uk-ai-exposure-define.js', has('/widget/uk-ai-exposure-define.js')],
  ['loader', '/aiexp-loader.js', has('/aiexp-loader.js')],
  ['module', '/wasm/aiexp.wasm', has('/wasm/aiexp.wasm')],
  ['data file', '/data/bundle.json', has('/data/bundle.json')],
  ...hashedFiles.map((path) => [`content-hashed file (${path.split('/')[1]}/)`, path, true]),
  ['content-hashed file', undefined, hashedFiles.length > 0 ? undefined : false],
  ['sitemap', '/sitemap.xml', has('/sitemap.xml')],
  ['robots.txt', '/robots.txt', has('/robots.txt')],
  ['small stylesheet', '/embed.css', has('/embed.css')],
  ['missing page', '/no-such-page/', true],
  ['missing file', '/wasm/no-such-module.wasm', true],
  ['folder without an index', '/wasm/', true],
  ['old role link', '/?soc=1137&e2=0.5', true],
  ['old role link, role last', '/?e2=0.5&w=core&soc=2132', true],
  ['old role link, nothing else', '/?soc=1137', true],
  ['not a role code', '/?soc=11375&e2=0.5', true],
];
const paths = candidates.filter(([, path, present]) => present && path).map(([kind, path]) => ({ kind, path }));
const skippedKinds = candidates.filter(([, , present]) => present === false).map(([kind]) => kind);

const ENCODINGS = [['br, gzip', 'br'], ['gzip', 'gzip'], ['identity', null]];

function get(baseUrl, path, { acceptEncoding = 'identity', method = 'GET' } = {}) {
  return new Promise((resolvePromise, reject) => {
    const request = httpRequest(new URL(path, baseUrl), { method, headers: { 'accept-encoding': acceptEncoding } }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolvePromise({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end();
  });
}

function decoded(response) {
  const coding = response.headers['content-encoding'];
  if (coding === 'br') return brotliDecompressSync(response.body);
  if (coding === 'gzip') return gunzipSync(response.body);
  return response.body;
}

// The headers compared between servers. Content-Type is each server's own on redirects, and on a 404 when the
// site has no 404 page (nginx's built-in page is HTML, the dev server's a line of text).
function comparedHeaders(response) {
  const names = [...TABLE_HEADERS, 'Location', 'Content-Encoding'];
  const ownBody = (response.status >= 300 && response.status < 400) || (response.status === 404 && !has(NOT_FOUND_PAGE));
  if (!ownBody) names.push('Content-Type');
  if (response.headers['content-encoding']) names.push('Vary');
  return Object.fromEntries(names.map((name) => [name, response.headers[name.toLowerCase()] ?? null]));
}

// What the table says a response for `path` carries, given the status the server chose.
function expectedTableHeaders(path, status) {
  const pathname = new URL(path, 'http://x').pathname;
  const expected = headersFor(status === 404 ? NOT_FOUND_PAGE : pathname);
  return Object.fromEntries(TABLE_HEADERS.map((name) => [name, expected[name] ?? null]));
}

let nginx;
let dev;
let underTest;
let counterpart;
before(async () => {
  nginx = await startNginx(siteDir);
  dev = await startServer({ root: siteDir });
  [underTest, counterpart] = serverKind === 'nginx' ? [nginx, dev] : [dev, nginx];
});
after(async () => {
  await nginx?.close();
  await dev?.close();
});

describe(`serving (${serverKind} under test, the other server beside it)`, () => {
  test(`the site has every kind of path to check${skippedKinds.length ? ` (not built yet, skipped: ${skippedKinds.join(', ')})` : ''}`, (t) => {
    if (skippedKinds.length) t.diagnostic(`kinds of path the site at ${siteDir} lacks: ${skippedKinds.join(', ')}`);
    assert.ok(paths.length >= 12, paths.map(({ path }) => path).join(' '));
  });

  for (const { kind, path } of paths) {
    test(`${kind} (${path}): nginx and the dev server send the table's status and headers`, async () => {
      for (const [acceptEncoding, expectedCoding] of ENCODINGS) {
        const mine = await get(underTest.url, path, { acceptEncoding });
        const theirs = await get(counterpart.url, path, { acceptEncoding });
        const label = `${path} with Accept-Encoding: ${acceptEncoding}`;
        assert.equal(theirs.status, mine.status, label);
        assert.deepEqual(comparedHeaders(theirs), comparedHeaders(mine), label);
        const tableHeaders = Object.fromEntries(TABLE_HEADERS.map((name) => [name, mine.headers[name.toLowerCase()] ?? null]));
        assert.deepEqual(tableHeaders, expectedTableHeaders(path, mine.status), label);
        if (mine.status === 200) {
          const pathname = new URL(path, 'http://x').pathname;
          assert.equal(mine.headers['content-type'], mimeTypeFor(pathname), label);
          const file = join(siteDir, pathname.endsWith('/') ? pathname + 'index.html' : pathname);
          const compressedCopy = existsSync(`${file}.${expectedCoding === 'br' ? 'br' : 'gz'}`);
          if (expectedCoding && compressedCopy) assert.equal(mine.headers['content-encoding'], expectedCoding, label);
          if (!expectedCoding) assert.equal(mine.headers['content-encoding'], undefined, label);
          assert.deepEqual(decoded(mine), readFileSync(file), `${label}: the body is the file`);
        }
      }
    });
  }

  test('a missing path answers 404 with the site\'s 404 page, as HTML with the page headers', async (t) => {
    const pageExists = has(NOT_FOUND_PAGE);
    if (!pageExists) t.diagnostic(`${siteDir} has no ${NOT_FOUND_PAGE} yet: only the status and headers are checked`);
    for (const server of [nginx, dev]) {
      for (const path of ['/no-such-page/', '/occupation/0000/', '/data/no-such-file.json']) {
        const response = await get(server.url, path);
        assert.equal(response.status, 404, `${server.url}${path}`);
        if (!pageExists) continue;
        assert.equal(response.headers['content-type'], mimeTypeFor(NOT_FOUND_PAGE), path);
        assert.deepEqual(response.body, readFileSync(join(siteDir, NOT_FOUND_PAGE)), path);
      }
    }
  });

  test('old /?soc= links move to the role page with the other parameters kept, and nothing else does', async () => {
    const cases = [
      ['/?soc=1137&e2=0.5', 301, '/occupation/1137/?e2=0.5'],
      ['/?e2=0.5&w=core&soc=2132', 301, '/occupation/2132/?e2=0.5&w=core'],
      ['/?e2=0.5&soc=2132&w=core', 301, '/occupation/2132/?e2=0.5&w=core'],
      ['/?soc=1137', 301, '/occupation/1137/'],
      ['/?soc=abcd&soc=1137', 301, '/occupation/1137/?soc=abcd'],
      // Given twice, the last is used (the link grammar's rule); the earlier stays, for the page to name.
      ['/?soc=1137&soc=2132', 301, '/occupation/2132/?soc=1137'],
      ['/?soc=1137&e2=0.5&soc=2132&w=equal', 301, '/occupation/2132/?soc=1137&e2=0.5&w=equal'],
      ['/?soc=1137&e2=0.5&soc=21', 301, '/occupation/1137/?e2=0.5&soc=21'],
      ['/?soc=11375', 200, undefined],
      ['/?xsoc=1137', 200, undefined],
      ['/index.html?soc=1137', 200, undefined],
    ];
    for (const server of [nginx, dev]) {
      for (const [path, status, location] of cases) {
        const response = await get(server.url, path);
        assert.equal(response.status, status, `${server.url}${path}`);
        assert.equal(response.headers.location, location, `${server.url}${path}`);
      }
    }
  });

  test('every error response carries the security headers', async () => {
    for (const server of [nginx, dev]) {
      const responses = [await get(server.url, '/index.html', { method: 'POST' }), await get(server.url, '/no-such-file.js')];
      assert.deepEqual(responses.map((response) => response.status), [405, 404]);
      for (const response of responses) {
        assert.equal(response.headers['content-security-policy'], headersFor('/')['Content-Security-Policy']);
        assert.equal(response.headers['x-content-type-options'], 'nosniff');
        assert.equal(response.headers['referrer-policy'], 'no-referrer');
        assert.ok(response.headers['cross-origin-resource-policy'], server.url);
      }
    }
  });
});

// _headers as Netlify and Cloudflare Pages read it: a path takes the headers of every rule whose pattern
// matches ("*" matches anything, even across slashes).
function staticHostHeaders(text) {
  const rules = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const expression = new RegExp('^' + line.trim().split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$');
      rules.push({ pattern: line.trim(), expression, headers: [] });
    } else {
      const colon = line.indexOf(':');
      rules.at(-1).headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
    }
  }
  return { rules, forPath: (path) => rules.filter((rule) => rule.expression.test(path)) };
}

describe('the static hosts\' _headers', () => {
  const headersFile = join(siteDir, '_headers');

  test('gives every file of the site, and every folder with an index, the table\'s headers, each from one rule', () => {
    const { rules, forPath } = staticHostHeaders(readFileSync(headersFile, 'utf8'));
    assert.ok(rules.length <= 100, `${rules.length} rules; Cloudflare Pages reads 100`);
    const folders = servedFiles.filter((path) => path.endsWith('/index.html')).map((path) => path.slice(0, -'index.html'.length));
    for (const path of [...servedFiles, ...folders, ...paths.filter(({ path }) => !path.includes('?')).map(({ path }) => path)]) {
      if (!servedFiles.includes(path) && !folders.includes(path)) continue;
      const given = forPath(path).flatMap((rule) => rule.headers);
      const names = given.map(([name]) => name);
      assert.deepEqual(names.filter((name, i) => names.indexOf(name) !== i), [], `${path}: a header from two rules`);
      assert.deepEqual(Object.fromEntries(given), headersFor(path), path);
    }
  });

  test('_redirects sends old /?soc= links to the role pages', () => {
    assert.match(readFileSync(join(siteDir, '_redirects'), 'utf8'), /^\/ soc=:soc \/occupation\/:soc\/ 301$/m);
  });

  test('the nginx configuration beside the site serves this site folder', () => {
    const config = readFileSync(join(siteDir, '..', 'deploy', 'nginx.conf'), 'utf8');
    assert.match(config, /brotli_static on;/);
    assert.match(config, /gzip_static on;/);
    assert.ok(config.includes(`root "${resolve(siteDir)}";`), 'the root of nginx.conf is not the site folder');
  });
});

describe('content-hashed names', () => {
  test('hashedName puts the first 16 hex digits of the SHA-256 before the extension, and contentHashed knows it', () => {
    const name = hashedName('share/1137.png', Buffer.from('abc'));
    assert.equal(name, 'share/1137.ba7816bf8f01cfea.png');
    assert.equal(contentHashed(`/${name}`), true);
    assert.equal(hashedName('widget/cards/1.json', Buffer.from('abc')), 'widget/cards/1.ba7816bf8f01cfea.json');
    for (const fixed of ['/share/1137.png', '/wasm/aiexp.wasm', '/widget/uk-ai-exposure-define.js', '/a.BA7816BF8F01CFEA.png']) {
      assert.equal(contentHashed(fixed), false, fixed);
    }
  });
});

describe('precompression', () => {
  test('every compressible file over 512 bytes has .br and .gz copies that decode to it', () => {
    const compressibleFiles = servedFiles.filter((path) => /\.(?:html|js|css|json|svg|xml|txt|md|wasm|webmanifest)$/.test(path)
      && readFileSync(join(siteDir, path)).length > 512);
    assert.ok(compressibleFiles.length > 20);
    for (const path of compressibleFiles) {
      const original = readFileSync(join(siteDir, path));
      assert.deepEqual(brotliDecompressSync(readFileSync(join(siteDir, `${path}.br`))), original, `${path}.br`);
      const gzip = readFileSync(join(siteDir, `${path}.gz`));
      assert.equal(gzip.readUInt32LE(4), 0, `${path}.gz carries a time`);
      assert.deepEqual(gunzipSync(gzip), original, `${path}.gz`);
    }
  });

  test('precompressing the same files again gives the same bytes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'aiexp-precompress-'));
    try {
      for (const path of ['/index.html', '/wasm/aiexp.wasm', '/data/bundle.json']) {
        await cp(join(siteDir, path), join(dir, path));
      }
      await precompress(dir);
      for (const path of ['/index.html', '/wasm/aiexp.wasm', '/data/bundle.json']) {
        for (const suffix of ['.br', '.gz']) {
          assert.deepEqual(await readFile(join(dir, path + suffix)), await readFile(join(siteDir, path + suffix)), path + suffix);
        }
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
