// Browser test harness: the assembled site served on 127.0.0.1 by tools/serve.mjs (or, with AIEXP_SERVER=nginx,
// by nginx with the generated configuration), Debian's Chromium driven by playwright-core, and a guard on every
// page that fails the test on a console error, an uncaught exception, a CSP violation or a request leaving the
// allowed origins.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before } from 'node:test';
import { mkdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium } from 'playwright-core';

import { startServer } from '../../tools/serve.mjs';
import { renderNginxConf } from '../../tools/site/deploy.mjs';

export const siteDir = process.env.AIEXP_SITE_DIR ?? 'build/wasm/site';
export const screenshotDir = join(process.env.AIEXP_SCREENSHOT_DIR ?? 'build/e2e-screenshots');
export const checkValues = JSON.parse(readFileSync(join(process.env.AIEXP_FIXTURES_DIR ?? 'tests/fixtures', 'check_values.json'), 'utf8'));

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
                       '--disable-sync', '--no-first-run', '--disable-quic'];

export async function launchBrowser() {
  return chromium.launch({ executablePath: process.env.AIEXP_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

// Which server startSite starts: "dev" (tools/serve.mjs) or "nginx".
export const serverKind = process.env.AIEXP_SERVER === 'nginx' ? 'nginx' : 'dev';

async function freePort() {
  const probe = createServer();
  await new Promise((resolvePromise, reject) => probe.once('error', reject).listen(0, '127.0.0.1', resolvePromise));
  const { port } = probe.address();
  await new Promise((resolvePromise) => probe.close(resolvePromise));
  return port;
}

/**
 * nginx in the foreground serving `root` with the configuration site assembly generates, its pid file, logs
 * and temporary folders in a fresh folder. Resolves to { url, port, close() } as startServer does; rejects
 * with nginx's error log when it is missing or does not start.
 */
export async function startNginx(root) {
  const runtimeDir = await mkdtemp(join(tmpdir(), 'aiexp-nginx-'));
  const port = await freePort();
  const config = join(runtimeDir, 'nginx.conf');
  // As root, nginx would hand the work to www-data, which may not read a build folder; the test's own user does.
  const user = process.getuid?.() === 0 ? 'root' : null;
  await writeFile(config, renderNginxConf({ root, port, host: '127.0.0.1', runtimeDir, user }));
  const errorLog = join(runtimeDir, 'error.log');
  const nginx = spawn(process.env.AIEXP_NGINX ?? '/usr/sbin/nginx',
                      ['-p', runtimeDir, '-c', config, '-e', errorLog, '-g', 'daemon off;'],
                      { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  nginx.stderr.on('data', (chunk) => { stderr += chunk; });
  // A spec that ends without its after hooks must not leave nginx running on its port.
  const stopOnExit = () => nginx.kill('SIGKILL');
  process.once('exit', stopOnExit);
  const exited = new Promise((resolvePromise) => {
    nginx.once('exit', (code, signal) => resolvePromise(`exited (${signal ?? `status ${code}`})`));
    nginx.once('error', (error) => resolvePromise(`could not be run: ${error.message} (apt-get install nginx libnginx-mod-http-brotli-static)`));
  });
  const url = `http://127.0.0.1:${port}/`;
  const cleanUp = () => rm(runtimeDir, { recursive: true, force: true });
  const deadline = Date.now() + 15000;
  for (;;) {
    const outcome = await Promise.race([exited, new Promise((resolvePromise) => setTimeout(resolvePromise, 100, null))]);
    if (outcome) {
      const log = await readFile(errorLog, 'utf8').catch(() => '');
      await cleanUp();
      throw new Error(`nginx ${outcome}:\n${stderr}${log}`);
    }
    const ready = await fetch(url, { method: 'HEAD' }).then(() => true, () => false);
    if (ready) break;
    if (Date.now() > deadline) {
      nginx.kill('SIGKILL');
      await exited;
      const log = await readFile(errorLog, 'utf8').catch(() => '');
      await cleanUp();
      throw new Error(`nginx did not answer on ${url} within 15 s:\n${stderr}${log}`);
    }
  }
  return {
    url,
    port,
    close: async () => {
      // SIGQUIT: nginx's graceful stop, after which the master has reaped its workers.
      if (nginx.exitCode === null && nginx.signalCode === null) nginx.kill('SIGQUIT');
      await exited;
      process.off('exit', stopOnExit);
      await cleanUp();
    },
  };
}

export async function startSite(root = siteDir) {
  return serverKind === 'nginx' ? startNginx(root) : startServer({ root });
}

/**
 * A page of a host on another origin (localhost, where the site is on 127.0.0.1), as a newsletter would be: a
 * strict CSP that names the site's origin for scripts and fetches (and frames, with `frames`), `head` and `body`
 * as given. Resolves { url, origins (the host's and the site's, for openPage), close }.
 */
export async function hostPage(siteUrl, { head = '', body, title = 'Host', frames = false }) {
  const dir = await mkdtemp(join(tmpdir(), 'aiexp-host-'));
  await writeFile(join(dir, 'favicon.ico'), '');
  await writeFile(join(dir, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
${head}
</head><body><main>
${body}
</main></body></html>`);
  const origin = new URL(siteUrl).origin;
  const policy = `default-src 'self'; script-src 'self' ${origin} 'wasm-unsafe-eval'; connect-src 'self' ${origin}; `
    + `${frames ? `frame-src ${origin}; ` : ''}style-src 'self'; object-src 'none'; base-uri 'none'`;
  const server = await startServer({ root: dir, host: 'localhost', policy });
  return { url: server.url, origins: [new URL(server.url).origin, origin],
           close: async () => { await server.close(); await rm(dir, { recursive: true, force: true }); } };
}

/**
 * The snippet the calculator's embed page writes for `element` ('card' or 'chart'): each module embed-integrity.json
 * names preloaded and pinned, then the entry. `integrityFor(path, integrity)` gives each pin (a test may swap one).
 * Resolves { head, integrity }.
 */
export async function pinnedSnippet(siteUrl, element, integrityFor = (path, integrity) => integrity.integrity[path]) {
  const integrity = JSON.parse(await readFile(join(siteDir, 'embed-integrity.json'), 'utf8'));
  const pin = (path) => `integrity="${integrityFor(path, integrity)}" crossorigin="anonymous"`;
  const { preload, entry } = integrity[element];
  const head = [...preload.map((path) => `<link rel="modulepreload" href="${siteUrl}${path}" ${pin(path)}>`),
                `<script type="module" src="${siteUrl}${entry}" ${pin(entry)}></script>`].join('\n');
  return { head, integrity };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * A guarded page. `allowedOrigins` are the origins requests may go to (default: the page's own server).
 * Call `page.assertClean()` at the end of every test.
 */
export async function openPage(browser, url, { viewport = { width: 1280, height: 900 }, colorScheme = 'light',
                                              allowedOrigins = [new URL(url).origin], expectErrors = [],
                                              hasTouch = false } = {}) {
  const context = await browser.newContext({ viewport, locale: 'en-GB', timezoneId: 'Europe/London', colorScheme,
                                            acceptDownloads: true, hasTouch });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() !== 'error' && message.type() !== 'warning') return;
    const text = message.text();
    if (expectErrors.some((pattern) => pattern.test(text))) return;
    problems.push(`console ${message.type()}: ${text}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('request', (request) => {
    const requestUrl = new URL(request.url());
    if (requestUrl.protocol === 'blob:' || requestUrl.protocol === 'data:') return;
    if (!allowedOrigins.includes(requestUrl.origin)) problems.push(`request left the allowed origins: ${request.url()}`);
  });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  page.problems = problems;
  page.assertClean = async () => {
    const violations = await page.evaluate(() => window.__cspViolations ?? []);
    assert.deepEqual([...problems, ...violations.map((v) => `CSP violation: ${v}`)], []);
  };
  await page.goto(url);
  return page;
}

// Waits until the page is ready or has shown its load error. The wait is generous because ctest runs two
// browser suites beside the fuzzers on two cores; speed is measured by bench/page.mjs, not here.
export async function waitForApp(page) {
  try {
    await page.waitForFunction(() => document.documentElement.dataset.state === 'ready'
      || document.querySelector('#load-state')?.dataset.state === 'error', null, { timeout: 30000 });
  } catch (error) {
    const seen = await page.evaluate(() => `state=${document.documentElement.dataset.state}, `
      + `load text=${document.querySelector('#load-state')?.textContent?.trim()}`).catch(() => 'page gone');
    throw new Error(`the page did not become ready (${seen}; problems: ${page.problems?.join(' | ') || 'none'}): ${error.message}`);
  }
  const failed = await page.evaluate(() => document.querySelector('#load-state')?.dataset.state === 'error');
  if (failed) throw new Error(`the page showed a load error: ${await page.locator('#load-state').textContent()}`);
}

/** Runs axe-core in the page (evaluated through the driver, so the page's CSP is untouched). */
export async function axeViolations(page, context = undefined) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async (selector) => {
    // eslint-disable-next-line no-undef
    const run = await axe.run(selector ? document.querySelector(selector) : document, {
      resultTypes: ['violations'],
    });
    return run.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  }, context);
  return result;
}

/**
 * axe-core over a page and every frame in it, axe injected into each (as it needs to check a frame's content),
 * on a fresh load of `url` in a context that bypasses the page's CSP: axe reads a shadow root's linked
 * stylesheet (the iframe card pages' declarative shadow roots link theirs) through an inline <style> of its own,
 * which that CSP rightly refuses. Nothing else differs: the caller checks the same address under its CSP with
 * openPage's guard, which fails on any refusal, so the page needs nothing the bypass allows. `prepare(page)`
 * brings the fresh load to the state to check. `withoutScripts`: the page as it reads without JavaScript (its
 * scripts are not loaded; axe itself needs JavaScript, so the context cannot turn it off), for pages with no
 * <noscript> content. `routes`: Playwright route handlers by glob, for a state a fault brings about.
 */
export async function axeViolationsWithoutCsp(browser, url, { viewport = { width: 1280, height: 900 }, colorScheme = 'light',
                                                            withoutScripts = false, routes = {}, prepare = async () => {} } = {}) {
  const context = await browser.newContext({ viewport, locale: 'en-GB', timezoneId: 'Europe/London', colorScheme,
                                            bypassCSP: true });
  try {
    for (const [glob, handler] of Object.entries(routes)) await context.route(glob, handler);
    if (withoutScripts) {
      await context.route('**/*', (route) => (route.request().resourceType() === 'script' ? route.abort() : route.fallback()));
    }
    const page = await context.newPage();
    await page.goto(url);
    await prepare(page);
    for (const frame of page.frames()) await frame.evaluate(axeSource);
    return await page.evaluate(async () => {
      // eslint-disable-next-line no-undef
      const run = await axe.run(document, { resultTypes: ['violations'] });
      return run.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    });
  } finally {
    await context.close();
  }
}

/**
 * axe-core over `url` as it reads without JavaScript. axe needs JavaScript, and a context without it cannot run
 * axe, so the page is given as a browser without scripting would build it: <noscript> contents become part of the
 * document, scripts are not loaded, and the rules under `@media (scripting: none)` apply. Checks the same HTML and
 * stylesheets the server sends, through the same address, so relative links resolve as they do there.
 */
export async function axeViolationsWithoutJavaScript(browser, url, { viewport = { width: 1280, height: 900 } } = {}) {
  // Without the page's CSP for axe's own inline style, as axeViolationsWithoutCsp explains.
  const context = await browser.newContext({ viewport, locale: 'en-GB', timezoneId: 'Europe/London', bypassCSP: true });
  try {
    await context.route('**/*', async (route) => {
      const request = route.request();
      if (request.resourceType() === 'script') return route.abort();
      if (!['document', 'stylesheet'].includes(request.resourceType())) return route.fallback();
      const response = await route.fetch();
      let body = await response.text();
      if (request.resourceType() === 'document') {
        body = body.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '').replace(/<\/?noscript>/gi, '');
      } else {
        body = body.replaceAll('(scripting: none)', 'all');
      }
      return route.fulfill({ response, body });
    });
    const page = await context.newPage();
    await page.goto(url);
    return await axeViolations(page);
  } finally {
    await context.close();
  }
}

export async function screenshot(page, name) {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`) });
}

/**
 * Resolves once the page has drawn what its last input asked for: the page renders once per animation frame
 * (web/ui/render-loop.js), so a change shows in the frame after the input, not during it.
 */
export async function drawn(page) {
  // A page whose scripts do not run (JavaScript off, or a fault test) draws nothing, and runs no frame callback.
  await page.evaluate(() => document.documentElement.dataset.app === 'running'
    && new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
}

/**
 * Opens the controls of task `id` of the role on screen ("Edit", once the calculator runs) and resolves to its row.
 */
export async function editTask(page, id) {
  const row = page.locator(`#task-list li[data-task-id="${id}"]`);
  await row.scrollIntoViewIfNeeded();  // the task list is drawn, and its Edit buttons enabled, when it is in view
  await page.waitForFunction((task) => document.querySelector(`#task-list li[data-task-id="${task}"] [data-part="edit"]:not([disabled])`), id);
  if (await row.locator('[data-part="edit"]').getAttribute('aria-expanded') !== 'true') await row.locator('[data-part="edit"]').click();
  await row.locator('[data-part="editor"] select').waitFor();
  return row;
}

/** Scrolls the section holding `selector` into view and waits for the frame that draws it (it was off screen). */
export async function inView(page, selector) {
  await page.locator(selector).first().scrollIntoViewIfNeeded();
  await drawn(page);
  await drawn(page);
}

/** Opens the assumptions panel (a <details> under its one-line summary) if it is closed, as a visitor does to change one. */
export async function showAssumptions(page) {
  if (!(await page.locator('#assumptions').evaluate((details) => details.open))) await page.click('#assumptions > summary');
}

/** Sets a range or text input's value and fires `input`, as a person dragging or typing does, then waits for the frame. */
export async function setInput(page, selector, value) {
  await page.locator(selector).evaluate((input, v) => {
    input.focus();
    input.value = String(v);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, value);
  await drawn(page);
}

/**
 * The text of the first element matching `selector`, as a reader sees it: scrolled into view (a section off screen
 * is drawn when it comes into view) and after the frame that draws it.
 */
export async function text(page, selector) {
  const locator = page.locator(selector).first();
  if (await locator.isVisible()) await locator.scrollIntoViewIfNeeded();
  await drawn(page);
  await drawn(page);
  return locator.textContent();
}

/**
 * One site server and one browser for a whole spec file: started before its first test, closed after its last.
 * `receive({ site, browser })` hands them to the spec.
 */
export function useSiteAndBrowser(receive) {
  let site;
  let browser;
  before(async () => {
    site = await startSite();
    browser = await launchBrowser();
    receive({ site, browser });
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });
}
