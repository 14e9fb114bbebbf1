// The snippets a writer pastes into an article, for "Embed this card", "Embed this chart" and the embed page
// (embed/). A pinned snippet names one release of the widget (releases/<id>/, whose files never change) and pins
// every module it loads with Subresource Integrity, so it runs those bytes and no others for as long as the site
// keeps that release; the latest form names widget/latest/, which follows releases. What each snippet loads comes
// from embed-integrity.json (tools/site/widget-release.mjs), checked here before a line is written: a list that
// does not arrive in time, or arrives damaged, ends in a message saying so, never in a snippet with a hole.
import { assetUrl } from '../aiexp-loader.js';
import { ATTRIBUTES } from '../widget/uk-ai-exposure-card.js';

/** The embed page's preview frame tells the page so once each card and chart it shows has drawn or failed. */
export const PREVIEW_SETTLED = 'uk-ai-exposure:preview-settled';

/** How long the list of the widget's files may take before the writer says it cannot write a snippet. */
export const MANIFEST_WAIT_MS = (() => {
  const value = globalThis.aiexpTestTiming?.embedMs;
  return Number.isFinite(value) && value >= 0 ? value : 8000;
})();

/** The one sentence that weighs the two forms (the embed page and the README say it too). */
export const LATEST_TRADE_OFF = 'A pinned snippet runs exactly the files it names, checked byte for byte, for as long as '
  + 'the site keeps that release; the latest snippet always runs the newest release, so its figures and code can change '
  + 'under your article without you checking them first.';

const FILE = 'embed-integrity.json';
const RELEASE = /^[0-9a-f]{16}$/;
const INTEGRITY = /^sha384-[A-Za-z0-9+/]{64}$/;

/** A snippet could not be written: `message` says why, for the writer. */
export class EmbedError extends Error {}

const damaged = (what) => new EmbedError(`The list of the widget's files (${FILE}) is damaged (${what}): no snippet was `
  + 'written. Reload the page to try again; if it persists, the site is being updated.');

/** The manifest, checked: every path a release's own module, every pin a SHA-384 integrity. Throws EmbedError. */
export function checkManifest(manifest) {
  if (!manifest || typeof manifest !== 'object') throw damaged('not an object');
  const { release, build } = manifest;
  if (typeof release !== 'string' || !RELEASE.test(release)) throw damaged('no release');
  if (typeof build !== 'string' || !/^[\w.:-]{1,64}$/.test(build)) throw damaged('no data build');
  const inRelease = new RegExp(`^releases/${release}/[a-z0-9][a-z0-9/_-]*(?:\\.[a-z0-9]+)*\\.js$`);
  const pinned = (path) => {
    if (typeof path !== 'string' || !inRelease.test(path) || path.includes('..')) throw damaged('a file outside the release');
    if (!INTEGRITY.test(manifest.integrity?.[path] ?? '')) throw damaged(`no integrity for ${path.slice(-40)}`);
    return path;
  };
  for (const form of ['card', 'chart']) {
    if (!Array.isArray(manifest[form]?.preload)) throw damaged(`no ${form} modules`);
    manifest[form].preload.forEach(pinned);
    pinned(manifest[form].entry);
  }
  pinned(manifest.resizer);
  for (const name of ['card', 'chart', 'resizer']) {
    if (!/^widget\/latest\/[a-z0-9-]+\.js$/.test(manifest.latest?.[name] ?? '')) throw damaged('no latest entries');
  }
  return manifest;
}

let manifestPromise = null;

/** Resolves to the checked manifest; rejects with an EmbedError within MANIFEST_WAIT_MS. Asked again after a failure. */
export function loadManifest() {
  manifestPromise ??= (async () => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), MANIFEST_WAIT_MS);
    try {
      const response = await fetch(assetUrl(FILE), { signal: controller.signal, cache: 'no-cache' });
      if (!response.ok) throw new EmbedError(`The list of the widget's files (${FILE}) could not be had (HTTP ${response.status}): no snippet was written. Reload the page to try again.`);
      let manifest;
      try {
        manifest = JSON.parse(await response.text());
      } catch {
        if (controller.signal.aborted) throw new Error('aborted');
        throw damaged('not JSON');
      }
      return checkManifest(manifest);
    } catch (error) {
      if (error instanceof EmbedError) throw error;
      if (controller.signal.aborted) {
        throw new EmbedError(`The list of the widget's files (${FILE}) did not arrive within ${Math.round(MANIFEST_WAIT_MS / 1000)} s: `
          + 'no snippet was written. Check the connection and try again.');
      }
      throw new EmbedError(`The list of the widget's files (${FILE}) could not be had (${error.message}): no snippet was written.`);
    } finally {
      clearTimeout(timer);
    }
  })();
  manifestPromise.catch(() => { manifestPromise = null; });
  return manifestPromise;
}

const escapeAttribute = (value) => String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const escapeText = (value) => String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;');
const attribute = (name, value) => ` ${name}="${escapeAttribute(value)}"`;
const comment = (text) => `<!-- ${String(text).replace(/-{2,}/g, '-').replace(/>/g, '')} -->`;

/** An address of the site, refused unless it is http(s) (never a javascript: or data: source). */
function siteUrl(path) {
  const url = new URL(assetUrl(path));
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new EmbedError(`The site's address is not http(s): ${url.protocol}`);
  return url.href;
}

/**
 * The element attributes of a calculator link's query (`query`, as the core writes it: "e2=0.5&t=969.E0&wage=exact"),
 * under the grammar's names (ATTRIBUTES: `t` becomes `tasks`, `w` `weights`): every assumption, task changes and the
 * exact wage option included, in the grammar's order.
 */
export function attributesOfQuery(query) {
  const nameOf = new Map(Object.entries(ATTRIBUTES).flatMap(([name, { aliases }]) => [name, ...aliases].map((n) => [n, name])));
  const values = new Map();
  for (const [key, value] of new URLSearchParams(query)) {
    if (nameOf.has(key) && nameOf.get(key) !== 'soc') values.set(nameOf.get(key), value);
  }
  return Object.keys(ATTRIBUTES).filter((name) => values.has(name)).map((name) => [name, values.get(name)]);
}

function moduleLines(manifest, form) {
  const lines = manifest[form].preload.map((path) =>
    `<link rel="modulepreload"${attribute('href', siteUrl(path))}${attribute('integrity', manifest.integrity[path])} crossorigin="anonymous">`);
  lines.push(`<script type="module"${attribute('src', siteUrl(manifest[form].entry))}${attribute('integrity', manifest.integrity[manifest[form].entry])} crossorigin="anonymous"></script>`);
  return lines;
}

/** The role's page of the calculator under `query`: the bare link, which oEmbed editors turn into an embed. */
export function roleLink(soc, query) {
  return siteUrl(`occupation/${encodeURIComponent(soc)}/${query ? `?${query}` : ''}`);
}

/** The HTML of a card element: `pinned` (a release, with integrity) or the latest form. */
export function cardSnippet(manifest, { soc, title, query = '', variant = 'compact', theme = 'auto', pinned = true }) {
  const lines = pinned
    ? [comment(`UK AI Exposure card: ${title} (widget release ${manifest.release}, data build ${manifest.build})`), ...moduleLines(manifest, 'card')]
    : [comment(`UK AI Exposure card: ${title} (latest release of the widget)`),
       `<script type="module"${attribute('src', siteUrl(manifest.latest.card))} crossorigin="anonymous"></script>`];
  const pairs = [['soc', soc], ...attributesOfQuery(query), ...(variant !== 'compact' ? [['variant', variant]] : []),
                 ...(theme !== 'auto' ? [['theme', theme]] : [])];
  // What a reader sees where the card's modules never arrive (the element stays undefined and shows its content);
  // a defined card draws in its shadow root, which has no slot, so the link is not shown beside it.
  const text = escapeText(`${title}: how exposed this work is to AI, on UK AI Exposure`);
  lines.push(`<uk-ai-exposure${pairs.map(([n, v]) => attribute(n, v)).join('')}><a${attribute('href', roleLink(soc, query))}>${text}</a></uk-ai-exposure>`);
  return lines.join('\n');
}

/** The HTML of a chart element of `kind` (`socs` for kind="compare"). */
export function chartSnippet(manifest, { kind, socs = [], query = '', theme = 'auto', pinned = true }) {
  const lines = pinned
    ? [comment(`UK AI Exposure chart: ${kind} (widget release ${manifest.release}, data build ${manifest.build})`), ...moduleLines(manifest, 'chart')]
    : [comment(`UK AI Exposure chart: ${kind} (latest release of the widget)`),
       `<script type="module"${attribute('src', siteUrl(manifest.latest.chart))} crossorigin="anonymous"></script>`];
  const pairs = [['kind', kind], ...(kind === 'compare' ? [['socs', socs.join(',')]] : []), ...attributesOfQuery(query),
                 ...(theme !== 'auto' ? [['theme', theme]] : [])];
  const fallback = siteUrl(query ? `?${query}` : '');
  lines.push(`<uk-ai-exposure-chart${pairs.map(([n, v]) => attribute(n, v)).join('')}><a${attribute('href', fallback)}>UK AI Exposure: the chart of UK occupations' exposure to AI</a></uk-ai-exposure-chart>`);
  return lines.join('\n');
}

/**
 * The iframe form of a card (`soc`) or a chart (`kind`): the frame, then the one script that sizes it to its
 * content (pinned to the release, or the latest form). Without the script the frame keeps its height.
 */
export function iframeSnippet(manifest, { soc = '', kind = '', socs = [], title = '', query = '', variant = 'compact', theme = 'auto',
                                          pinned = true }) {
  const id = soc ? `uk-ai-exposure-${soc}` : `uk-ai-exposure-chart-${kind}`;
  const pairs = [...(kind ? [['kind', kind], ...(kind === 'compare' ? [['socs', socs.join(',')]] : [])] : []), ...attributesOfQuery(query),
                 ...(variant !== 'compact' && soc ? [['variant', variant]] : []), ...(theme !== 'auto' ? [['theme', theme]] : []),
                 ['frame-id', id]];
  const src = siteUrl(`${soc ? `embed/${encodeURIComponent(soc)}.html` : 'embed-chart.html'}?${new URLSearchParams(pairs)}`);
  const frameTitle = soc ? `UK AI Exposure: ${title}` : 'UK AI Exposure chart';
  const height = soc ? (variant === 'expanded' ? 460 : 330) : 640;
  const resizer = pinned ? manifest.resizer : manifest.latest.resizer;
  return [
    `<iframe${attribute('src', src)}${attribute('id', id)} data-uk-ai-exposure${attribute('title', frameTitle)} loading="lazy" width="100%" height="${height}"></iframe>`,
    `<script type="module"${attribute('src', siteUrl(resizer))}${pinned ? attribute('integrity', manifest.integrity[resizer]) : ''} crossorigin="anonymous"></script>`,
  ].join('\n');
}

/** The lines a host page with a Content-Security-Policy adds for `form` ("card", "chart", "iframe"). */
export function hostPolicy(form) {
  const origin = new URL(siteUrl('')).origin;
  return form === 'iframe'
    ? `frame-src ${origin}; script-src 'self' ${origin}`
    : `script-src 'self' ${origin} 'wasm-unsafe-eval'; connect-src 'self' ${origin}`;
}

/** The embed page (embed/) for a role and a link's query. */
export function embedPageUrl(soc, query) {
  const params = new URLSearchParams(query);
  params.set('soc', soc);
  return siteUrl(`embed/?${params}`);
}

/** "Embed this card": resolves to the pinned snippet of the role's card under the page's query. */
export async function embedSnippet(soc, title, query) {
  return cardSnippet(await loadManifest(), { soc, title, query });
}

/** "Embed this chart": resolves to the pinned snippet of a chart, then its iframe form for hosts that cannot run scripts. */
export async function chartEmbedSnippet(kind, socs, query) {
  const manifest = await loadManifest();
  return [chartSnippet(manifest, { kind, socs, query }), comment('Or, where the page cannot run scripts, the same chart in a frame:'),
          iframeSnippet(manifest, { kind, socs, query })].join('\n');
}
