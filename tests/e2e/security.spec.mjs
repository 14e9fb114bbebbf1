// Hostile input in Chromium: data carrying markup is shown as text in the page and the widget; a corrupt,
// truncated or tampered bundle gives a visible error, never a blank page; a link carrying script or absurd
// numbers is refused with a notice; every response carries the strict CSP and no request leaves the origin.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';

import { CONTENT_SECURITY_POLICY, startServer } from '../../tools/serve.mjs';
import { inView, openPage, screenshot, siteDir, useSiteAndBrowser, waitForApp } from './harness.mjs';

const PAYLOAD = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

let browser;
let site;
useSiteAndBrowser((env) => ({ browser, site } = env));

// A copy of the site whose data files are changed by `mutate(path, text) -> text`; with `resign`, the integrity
// records (manifest.js and data/integrity.json) are rewritten for the new bytes, as a real rebuild would do,
// otherwise the old ones stay.
async function alteredSite(mutate, { resign = true } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'aiexp-site-'));
  await cp(siteDir, dir, { recursive: true });
  const hash = (bytes) => 'sha384-' + createHash('sha384').update(bytes).digest('base64');
  const manifestText = await readFile(join(dir, 'manifest.js'), 'utf8');
  const manifest = JSON.parse(manifestText.slice(manifestText.indexOf('(') + 1, manifestText.lastIndexOf(')')));
  const pins = JSON.parse(await readFile(join(dir, 'data', 'integrity.json'), 'utf8'));
  for (const path of [...Object.keys(manifest.integrity), ...Object.keys(pins.integrity)]) {
    if (!path.startsWith('data/') || path === 'data/integrity.json') continue;
    const original = await readFile(join(dir, path), 'utf8');
    const changed = mutate(path, original);
    if (changed === original) continue;
    await writeFile(join(dir, path), changed);
    if (!resign) continue;
    if (manifest.integrity[path]) manifest.integrity[path] = hash(changed);
    else pins.integrity[path] = hash(changed);
  }
  const pinsText = JSON.stringify(pins);
  await writeFile(join(dir, 'data', 'integrity.json'), pinsText);
  manifest.integrity['data/integrity.json'] = hash(pinsText);
  const manifestOut = `export default Object.freeze(${JSON.stringify(manifest)});\n`;
  await writeFile(join(dir, 'manifest.js'), manifestOut);
  // widget/cards.js pins manifest.js for the cards that load the core, as a rebuild would re-pin it.
  const cardsText = await readFile(join(dir, 'widget', 'cards.js'), 'utf8');
  const cards = JSON.parse(cardsText.slice(cardsText.indexOf('(') + 1, cardsText.lastIndexOf(')')));
  cards.modules['manifest.js'] = hash(manifestOut);
  const cardsOut = `export default Object.freeze(${JSON.stringify(cards)});\n`;
  await writeFile(join(dir, 'widget', 'cards.js'), cardsOut);
  // The site's own pages with cards pin widget/cards.js in turn, as a rebuild would re-pin them.
  for (const page of ['embed-demo.html', 'embed.html']) {
    const html = await readFile(join(dir, page), 'utf8');
    if (!html.includes(hash(cardsText))) throw new Error(`${page} does not pin widget/cards.js`);
    await writeFile(join(dir, page), html.replaceAll(hash(cardsText), hash(cardsOut)));
  }
  const server = await startServer({ root: dir });
  return { server, close: async () => { await server.close(); await rm(dir, { recursive: true, force: true }); } };
}

// Puts the payload into the 1137 title, its description, the O*NET title and a task statement.
function hostileData(path, text) {
  if (path === 'data/bundle.json') return text.replace('"Information technology directors"', JSON.stringify(`${PAYLOAD}IT directors`));
  if (path === 'data/details.json') {
    return text.replace('"Information technology directors plan', JSON.stringify(PAYLOAD).slice(0, -1) + ' plan')
      .replace('"title":"Computer and Information Systems Managers"', `"title":${JSON.stringify(PAYLOAD)}`);
  }
  if (path === 'data/text/tasks-11.json') return text.replace('"Purchase necessary equipment."', JSON.stringify(PAYLOAD));
  return text;
}

describe('hostile data', () => {
  test('titles, descriptions and task statements with markup are shown as text on the page', async () => {
    const altered = await alteredSite(hostileData);
    try {
      const page = await openPage(browser, `${altered.server.url}?soc=1137`);
      await waitForApp(page);
      await inView(page, '#task-list');
      await page.waitForFunction(() => document.querySelector('#task-list').textContent.includes('onerror'));
      assert.equal(await page.locator('#occupation-title').textContent(), `${PAYLOAD}IT directors`);
      assert.match(await page.locator('#occupation [data-field="description"]').textContent(), /<script>/);
      assert.match(await page.locator('#occupation [data-field="mappedVia"]').textContent(), /<img src=x/);
      assert.equal(await page.evaluate(() => document.querySelectorAll('img[src="x"], #occupation script, #task-list script').length), 0);
      await page.click('#role-search');
      await page.keyboard.type('IT directors');
      await page.waitForSelector('#role-results [role="option"]');
      assert.match(await page.locator('#role-results').textContent(), /<script>/);
      await page.waitForTimeout(300);
      assert.equal(await page.evaluate(() => window.__pwned), undefined);
      await screenshot(page, 'hostile-data-page');
      await page.assertClean();
      await page.context().close();
    } finally {
      await altered.close();
    }
  });

  test('the widget shows hostile titles as text too', async () => {
    const altered = await alteredSite(hostileData);
    try {
      const page = await openPage(browser, `${altered.server.url}embed-demo.html`);
      await page.waitForFunction(() => document.getElementById('card-1137')?.dataset.state === 'ready');
      // A default card shows the figures the build pre-computed; with other assumptions it takes the title from
      // the (hostile) bundle.
      await page.locator('#card-1137').evaluate((host) => new Promise((resolve) => {
        host.addEventListener('uk-ai-exposure-updated', resolve, { once: true });
        host.setAttribute('e2', '1');
      }));
      const title = await page.locator('#card-1137').evaluate((host) => host.shadowRoot.querySelector('.title').textContent);
      assert.equal(title, `${PAYLOAD}IT directors`);
      assert.equal(await page.locator('#card-1137').evaluate((host) => host.shadowRoot.querySelectorAll('img, script').length), 0);
      assert.equal(await page.evaluate(() => window.__pwned), undefined);
      await page.assertClean();
      await page.context().close();
    } finally {
      await altered.close();
    }
  });
});

describe('broken data', () => {
  const cases = [
    ['truncated', (path, text) => (path === 'data/bundle.json' ? text.slice(0, text.length / 2) : text), true, /corrupt/],
    ['not the expected contents', (path, text) => (path === 'data/bundle.json' ? text.replace(/^(\{"schema":\d+,"kind":"bundle","build":"[^"]*").*$/s, '$1}') : text), true, /expected contents/],
    ['from another version', (path, text) => (path === 'data/bundle.json' ? text.replace(/^\{"schema":\d+,/, '{"schema":99,') : text), true, /another version/],
    ['changed without a rebuild (integrity mismatch)', (path, text) => (path === 'data/bundle.json' ? text.replace('"1137"', '"1138"') : text), false, /could not be downloaded/],
  ];
  for (const [name, mutate, resign, message] of cases) {
    test(`a bundle ${name} shows a visible error on the page and in the widget`, async () => {
      const altered = await alteredSite(mutate, { resign });
      try {
        const expectErrors = resign ? [] : [/integrity/, /Failed to fetch/];
        const page = await openPage(browser, `${altered.server.url}?soc=1137`, { expectErrors });
        await page.waitForFunction(() => document.getElementById('load-state').dataset.state === 'error');
        assert.equal(await page.locator('#load-state').isVisible(), true);
        assert.match(await page.locator('#load-state-text').textContent(), message);
        assert.equal(await page.getAttribute('#load-state', 'role'), 'alert');
        await page.context().close();
        const demo = await openPage(browser, `${altered.server.url}embed-demo.html`, { expectErrors });
        // card-2132 (e2="1") needs the core; the default cards paint from the pre-computed figures.
        await demo.waitForFunction(() => document.getElementById('card-2132')?.dataset.state === 'error');
        const text = await demo.locator('#card-2132').evaluate((host) => host.shadowRoot.textContent);
        assert.match(text, message);
        await demo.context().close();
      } finally {
        await altered.close();
      }
    });
  }
});

describe('a tampered module', () => {
  test('a WebAssembly binary that does not match its integrity stops with a visible error on the page and in the widget', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'aiexp-site-'));
    await cp(siteDir, dir, { recursive: true });
    for (const name of ['aiexp.wasm', 'aiexp-speed.wasm']) {
      const bytes = await readFile(join(dir, 'wasm', name));
      bytes[bytes.length >> 1] ^= 0xff;  // one byte changed, the integrity records left as they were
      await writeFile(join(dir, 'wasm', name), bytes);
    }
    const server = await startServer({ root: dir });
    try {
      const expectErrors = [/integrity/, /Failed to fetch/];
      const page = await openPage(browser, `${server.url}?soc=1137`, { expectErrors });
      await page.waitForFunction(() => document.getElementById('load-state').dataset.state === 'error');
      // A changed binary is a failed download (the browser refuses it), not a browser that cannot run the module.
      const message = await page.locator('#load-state-text').textContent();
      assert.match(message, /program could not be downloaded \(wasm\/aiexp-speed\.wasm: the file arrived damaged/);
      assert.doesNotMatch(message, /this browser/i);
      assert.equal(await page.getAttribute('#load-state', 'role'), 'alert');
      await page.assertClean();
      await page.context().close();
      const demo = await openPage(browser, `${server.url}embed-demo.html`, { expectErrors });
      // card-2132 (e2="1") needs the module; the default cards paint from the pre-computed figures.
      await demo.waitForFunction(() => document.getElementById('card-2132')?.dataset.state === 'error');
      assert.match(await demo.locator('#card-2132').evaluate((host) => host.shadowRoot.textContent),
                   /program could not be downloaded \(wasm\/aiexp\.wasm: the file arrived damaged/);
      await demo.assertClean();
      await demo.context().close();
    } finally {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('hostile links', () => {
  test('a link carrying script or absurd numbers is refused with a notice and runs nothing', async () => {
    const query = '?soc=%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E&e2=1e308&e1=-5&w=%22%3E%3Cimg%20src%3Dx%3E&t=968.E1,abc,99999999.E1&cmp=2132,%3Cb%3E';
    const page = await openPage(browser, `${site.url}${query}`);
    await waitForApp(page);
    const notices = await page.locator('#notices .notice').allTextContents();
    // Grouped by kind, each notice with its count: at least five parts refused in all.
    let parts = 0;
    for (const notice of notices) {
      const match = /^(?:Part of the link was not used|(\d+) parts of the link were not used): /.exec(notice);
      assert.ok(match, notice);
      parts += match[1] ? Number(match[1]) : 1;
    }
    assert.ok(parts >= 5, notices.join('\n'));
    assert.equal(await page.locator('#notices img, #notices script, #notices b').count(), 0);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.equal(await page.locator('#occupation').isVisible(), false);
    assert.equal(await page.inputValue('#e2'), '0');
    // The one valid task change (968.E1) was kept.
    assert.match(page.url(), /t=968\.E1/);
    await screenshot(page, 'hostile-link');
    await page.assertClean();
    await page.context().close();
  });

  test('a link of 9,000 characters is refused as a whole', async () => {
    // The old link form leads to the role's page (its path names the role); its query is refused whole.
    const page = await openPage(browser, `${site.url}?soc=1137&t=${'1'.repeat(9000)}`);
    await waitForApp(page);
    assert.match(await page.locator('#notices').textContent(), /too long/);
    assert.equal(new URL(page.url()).pathname, '/occupation/1137/');
    await page.waitForFunction(() => location.search === '');
    assert.equal(await page.locator('#changed-badge').isVisible(), false);  // the defaults, nothing of the query
    assert.equal(await page.inputValue('#e2'), '0');
    await page.assertClean();
    await page.context().close();
  });
});

describe('headers', () => {
  test('every file of the site is served with the strict CSP and the right types', async () => {
    const files = [];
    const walk = async (dir) => {
      for (const entry of await readdir(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) await walk(path);
        else files.push(relative(siteDir, path).split('\\').join('/'));
      }
    };
    await walk(siteDir);
    assert.ok(files.length > 40);
    for (const file of [...files, 'no-such-file.html']) {
      const response = await fetch(`${site.url}${file}`);
      assert.equal(response.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY, file);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff', file);
      if (file.endsWith('.wasm')) assert.equal(response.headers.get('content-type'), 'application/wasm');
      if (file.endsWith('.js')) assert.match(response.headers.get('content-type'), /^text\/javascript/);
      await response.arrayBuffer();
    }
    const traversal = await fetch(`${site.url}..%2f..%2f..%2fetc%2fpasswd`);
    // The dev server resolves it inside the site root, where there is no such file; nginx refuses a path above its root.
    assert.ok([400, 404].includes(traversal.status), `status ${traversal.status}`);
    assert.doesNotMatch(await traversal.text(), /root:/);
    assert.equal((await fetch(`${site.url}index.html`, { method: 'POST' })).status, 405);
    assert.equal((await fetch(`${site.url}wasm/aiexp.wasm`)).headers.get('access-control-allow-origin'), '*');
    assert.equal((await fetch(`${site.url}index.html`)).headers.get('access-control-allow-origin'), null);
  });
});
