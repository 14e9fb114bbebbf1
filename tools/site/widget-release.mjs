// Versioned, immutable releases of the widget, written at site assembly. A snippet pasted into an article must
// keep working for years, so it names files that never change: every file a card or a chart element needs (its
// modules, their styles, the default cards, the size and speed builds of the core and the data they read) is
// copied to releases/<id>/ under the same relative paths, where <id> is the first 16 hex digits of the SHA-256 of
// every one of those files' paths and bytes. Any changed byte (a module, the data build, a style) gives a new id,
// so a release's files are never rewritten and are served immutable; deploys keep older releases beside the new
// one (tools/site/deploy.mjs merge). widget/latest/ holds small fixed-name modules that re-export the newest
// release, for editors who prefer to follow releases. embed-integrity.json tells the page's snippet writer
// (web/ui/embed-code.js) the release, what each snippet preloads and every file's integrity.
import { createHash } from 'node:crypto';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';

import { pathToFileURL } from 'node:url';

/** The folder of the releases, from the site's root; a release is releases/<16 hex digits>/. */
export const RELEASES = 'releases';
export const RELEASE_PATTERN = /^[0-9a-f]{16}$/;
/** The unpinned entries that follow releases. */
export const LATEST = 'widget/latest';

// What an element's snippet loads first: the registering module of each element, and the host-side listener of
// the iframe forms.
export const CARD_ENTRY = 'widget/uk-ai-exposure-define.js';
export const CHART_ENTRY = 'widget/uk-ai-exposure-chart-define.js';
export const RESIZER = 'widget/iframe-resizer.js';
// The chart draws with the page's build of the core, whose glue the loader imports when asked (a dynamic import,
// which carries no integrity): the chart's snippet preloads it with its pin. A card imports the core's modules
// only for other assumptions, with the pins widget/cards.js holds (web/widget/uk-ai-exposure.js).
const CHART_LAZY = ['wasm/aiexp-speed.js'];
// What the modules fetch rather than import: the binaries and the data a widget reads (a card: the bundle, and
// the details for another measure or task changes; a chart: the same, with the speed build, and the breakdowns'
// data for the kinds that show them).
const FETCHED = ['wasm/aiexp.wasm', 'wasm/aiexp-speed.wasm', 'data/bundle.json', 'data/integrity.json', 'data/details.json',
                 'data/breakdowns.json'];

export function integrity(bytes) {
  return 'sha384-' + createHash('sha384').update(bytes).digest('base64');
}

// Module specifiers in a module's text: static imports and re-exports, and dynamic imports of a string literal.
const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]*?\bfrom\s*)?["']([^"'\s]+)["']/g;
const DYNAMIC_IMPORT = /\bimport\s*\(\s*["']([^"'\s]+)["']\s*\)/g;

/**
 * The module graph of `entry` (a path in the site `out`): { order, imports } where `order` lists every module it
 * imports statically, dependencies first and the entry last, and `dynamic` the modules it may import later.
 * Throws when a module names a file the site does not have (the graph must be whole to be pinned).
 */
export async function moduleGraph(out, entry) {
  const order = [];
  const dynamic = new Set();
  const seen = new Set();
  const visit = async (path, chain) => {
    if (seen.has(path)) return;
    seen.add(path);
    let text;
    try {
      text = await readFile(join(out, path), 'utf8');
    } catch {
      throw new Error(`${chain.join(' -> ')} imports ${path}, which the site does not have`);
    }
    const resolve = (specifier) => posix.normalize(posix.join(posix.dirname(path), specifier));
    for (const [, specifier] of text.matchAll(STATIC_IMPORT)) {
      if (!/^\.\.?\//.test(specifier)) continue;
      await visit(resolve(specifier), [...chain, path]);
    }
    for (const [, specifier] of text.matchAll(DYNAMIC_IMPORT)) if (/^\.\.?\//.test(specifier)) dynamic.add(resolve(specifier));
    order.push(path);
  };
  await visit(entry, []);
  return { order, dynamic: [...dynamic].filter((path) => !seen.has(path)) };
}

/** { path: integrity } of `paths` in the site `out`. */
export async function pinsOf(out, paths) {
  const pins = {};
  for (const path of paths) pins[path] = integrity(await readFile(join(out, path)));
  return pins;
}

// The shards widget/cards.js names (widget/cards/<digit>.<hash>.json), read from the module itself.
async function shardFiles(out) {
  const { default: cards } = await import(`${pathToFileURL(join(out, 'widget', 'cards.js')).href}?${Date.now()}`);
  return Object.values(cards.shards).map((entry) => posix.join('widget', entry.file));
}

/**
 * Writes the release of the assembled site `out` (run once every module, style, card and data file is final),
 * the widget/latest/ entries and embed-integrity.json (`build`: the data build id). Resolves to
 * { id, files, card, chart }.
 */
export async function writeRelease({ out, build }) {
  const card = await moduleGraph(out, CARD_ENTRY);
  const chart = await moduleGraph(out, CHART_ENTRY);
  const resizer = await moduleGraph(out, RESIZER);
  const cardsModule = await import(`${pathToFileURL(join(out, 'widget', 'cards.js')).href}?${Date.now()}`);
  const coreModules = Object.keys(cardsModule.default.modules);
  const core = [];
  for (const path of coreModules) for (const module of (await moduleGraph(out, path)).order) if (!core.includes(module)) core.push(module);
  const files = [...new Set([...card.order, ...chart.order, ...CHART_LAZY, ...resizer.order, ...core, ...await shardFiles(out),
                             ...FETCHED])].sort();
  const hash = createHash('sha256');
  for (const path of files) {
    hash.update(`${path}\0`);
    hash.update(await readFile(join(out, path)));
    hash.update('\0');
  }
  const id = hash.digest('hex').slice(0, 16);
  const base = `${RELEASES}/${id}`;
  for (const path of files) {
    await mkdir(join(out, base, dirname(path)), { recursive: true });
    await cp(join(out, path), join(out, base, path));
  }

  // The unpinned entries: fixed names (served no-cache) whose only content is the newest release's module.
  await mkdir(join(out, LATEST), { recursive: true });
  const latest = {
    card: `${LATEST}/uk-ai-exposure-define.js`,
    chart: `${LATEST}/uk-ai-exposure-chart-define.js`,
    resizer: `${LATEST}/iframe-resizer.js`,
  };
  const entries = { card: [CARD_ENTRY, 'widget/uk-ai-exposure.js'], chart: [CHART_ENTRY, 'widget/uk-ai-exposure-chart.js'],
                    resizer: [RESIZER, null] };
  for (const [name, [entry, classModule]] of Object.entries(entries)) {
    const from = (path) => `../../${base}/${path}`;
    const lines = ['// Generated by tools/site/widget-release.mjs: the newest release of the widget, re-exported. This file',
                   '// changes with every release; a snippet that must never change names the release itself.',
                   `import '${from(entry)}';`];
    if (classModule) lines.push(`export * from '${from(classModule)}';`);
    await writeFile(join(out, latest[name]), `${lines.join('\n')}\n`);
  }

  const inRelease = (path) => `${base}/${path}`;
  const pins = await pinsOf(out, files.filter((path) => path.endsWith('.js')).map(inRelease));
  const manifest = {
    build,
    release: id,
    card: { preload: card.order.slice(0, -1).map(inRelease), entry: inRelease(CARD_ENTRY) },
    chart: { preload: [...CHART_LAZY, ...chart.order.slice(0, -1)].map(inRelease), entry: inRelease(CHART_ENTRY) },
    resizer: inRelease(RESIZER),
    latest,
    integrity: pins,
  };
  await writeFile(join(out, 'embed-integrity.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { id, files, card: card.order, chart: chart.order };
}

/**
 * The pins of a page the site serves itself (the iframe card and chart pages, the demo hosts) for its module
 * `entry`: the modules to preload (the entry's static graph, with `lazy` modules it imports later), and the
 * integrity of each and of `classic` scripts. Pinned here too, so no form of an embed runs bytes the build did
 * not make: a module that does not match is refused, and none imports it unchecked later.
 */
export async function pagePins(out, entry, { lazy = [], classic = ['start-check.js'] } = {}) {
  const { order } = await moduleGraph(out, entry);
  return { preload: [...lazy, ...order.slice(0, -1)], entry, pins: await pinsOf(out, [...lazy, ...order, ...classic]) };
}

/** The modulepreload links of `pinned` (pagePins), each path written after `prefix` ("", "../"). */
export function preloadLinks(pinned, prefix = '') {
  return pinned.preload.map((path) => `<link rel="modulepreload" href="${prefix}${path}" integrity="${pinned.pins[path]}">`);
}

/** `html` with `integrity` on every <script src> whose source (after `prefix`) `pinned` pins. */
export function pinScripts(html, pinned, prefix = '') {
  return html.replace(/<script\b([^>]*?)\ssrc="([^"]+)"([^>]*)>/g, (tag, before, src, after) => {
    const path = src.startsWith(prefix) ? src.slice(prefix.length) : null;
    if (!path || !pinned.pins[path] || /\bintegrity=/.test(tag)) return tag;
    return `<script${before} src="${src}" integrity="${pinned.pins[path]}"${after}>`;
  });
}
