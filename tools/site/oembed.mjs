// oEmbed (https://oembed.com, version 1.0) for the editors that turn a pasted link into an embed (Ghost,
// WordPress, Notion...): site assembly writes the response of every role (its pre-rendered iframe card) and of the
// charts as static JSON under oembed/, puts a discovery link in each role page and the home page, and describes the
// endpoint form /oembed?url=<a role's URL>&format=json that the dev server (tools/serve.mjs) and the generated nginx
// configuration (tools/site/deploy.mjs) answer by mapping the URL to one of those files. The two servers read the
// same rules from here; tests/e2e/oembed.spec.mjs checks that they agree, and validates the answers with a consumer.
//
// What is mapped: a role's page (/occupation/<soc>/) to its card under the published assumptions; the home page to
// the treemap; embed-chart.html?kind=<any chart but compare> to that chart. A link's query is not carried into
// the embed (oEmbed consumers fetch the page's HTML, which is the same for every query): an editor who wants a card
// under other assumptions takes the iframe or the snippet from the embed page (/embed/).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { CHART_KINDS as ALL_CHART_KINDS, CHART_TITLES } from '../../web/ui/chart-titles.js';

export const PROVIDER_NAME = 'UK AI Exposure';
/** The narrowest a card or chart is drawn: a maxwidth below it cannot be met. */
export const OEMBED_MIN_WIDTH = 320;
/** Below this maxwidth the narrow form (OEMBED_MIN_WIDTH wide, taller) answers. */
export const OEMBED_WIDE = 560;
/** Seconds a consumer may keep a response: a day, so a data update reaches new embeds soon. */
export const OEMBED_CACHE_AGE = 86400;
/** The longest query the endpoint reads, in bytes. */
export const OEMBED_MAX_QUERY = 2048;
// Every chart but compare, whose roles an oEmbed link cannot name.
export const CHART_KINDS = ALL_CHART_KINDS.filter((kind) => kind !== 'compare');
// The frame of each embed, wide and narrow: the height the chart takes at that width in Chromium (measured, with a
// little room; tests/e2e/editors.spec.mjs checks that each still fits), for consumers that show the html as it is,
// without the script that sizes a frame to its content.
const SIZES = {
  card: { wide: [OEMBED_WIDE, 330], narrow: [OEMBED_MIN_WIDTH, 430] },
  treemap: { wide: [640, 510], narrow: [OEMBED_MIN_WIDTH, 430] },
  groups: { wide: [640, 640], narrow: [OEMBED_MIN_WIDTH, 480] },
  distribution: { wide: [640, 380], narrow: [OEMBED_MIN_WIDTH, 330] },
  sex: { wide: [640, 500], narrow: [OEMBED_MIN_WIDTH, 680] },
  pattern: { wide: [640, 440], narrow: [OEMBED_MIN_WIDTH, 620] },
  industry: { wide: [640, 1600], narrow: [OEMBED_MIN_WIDTH, 2260] },
  region: { wide: [640, 960], narrow: [OEMBED_MIN_WIDTH, 1280] },
  pay: { wide: [640, 940], narrow: [OEMBED_MIN_WIDTH, 1290] },
};
/** Each chart's oEmbed size: { wide: [width, height], narrow: [...] } (the tests read it). */
export const oembedSize = (kind) => SIZES[kind];
/** The endpoint's refusals, in the order they are checked: status and the JSON body's message. */
export const OEMBED_ERRORS = {
  tooLong: { status: 414, error: `The query is longer than the ${OEMBED_MAX_QUERY} characters this endpoint reads.` },
  format: { status: 501, error: 'Only format=json is served.' },
  noUrl: { status: 400, error: 'The url parameter is missing: give the address of an occupation page of UK AI Exposure.' },
  notUrl: { status: 400, error: 'The url parameter is not an http(s) address.' },
  badWidth: { status: 400, error: 'maxwidth must be a whole number of pixels.' },
  notFound: { status: 404, error: 'No embed for this address: give the address of an occupation page (/occupation/<code>/) of UK AI Exposure, its home page, or a chart page.' },
  tooNarrow: { status: 404, error: `The card needs at least ${OEMBED_MIN_WIDTH} pixels: maxwidth is below that.` },
};

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const escapeHtml = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The rules both servers apply, as regular expressions over the `url` parameter. `encoded`: written for the raw
 * (still percent-encoded, as nginx's $arg_url is) value, where "/", ":", "?", "#", "=" and "&" may each be escaped;
 * otherwise for the decoded value. Case-insensitive.
 */
export function oembedPatterns(siteUrl, { encoded = false } = {}) {
  const site = new URL(siteUrl);
  const e = encoded
    ? { '/': '(?:/|%2F)', ':': '(?::|%3A)', '?': '(?:\\?|%3F)', '#': '(?:#|%23)', '=': '(?:=|%3D)', '&': '(?:&|%26)' }
    : { '/': '/', ':': ':', '?': '\\?', '#': '#', '=': '=', '&': '&' };
  const rest = `(?:(?:${e['?']}|${e['#']}).*)?$`;
  const path = site.pathname.split('/').map(escapeRegExp).join(e['/']);
  const origin = `^https?${e[':']}${e['/']}{2}${escapeRegExp(site.host)}`;
  return {
    url: `^https?${e[':']}${e['/']}{2}[a-z0-9.-]+(?:${e[':']}[0-9]+)?(?:(?:${e['/']}|${e['?']}|${e['#']}).*)?$`,
    role: `${origin}${path}occupation${e['/']}(?<aiexp_oembed_soc>[0-9]{4})(?:${e['/']})?${rest}`,
    chart: `${origin}${path}embed-chart\\.html${e['?']}(?:.*${e['&']})?kind${e['=']}(?<aiexp_oembed_kind>${CHART_KINDS.join('|')})(?:(?:${e['&']}|${e['#']}).*)?$`,
    home: `${origin}${path}(?:index\\.html)?${rest}`,
  };
}

/** maxwidth (its raw value) as the endpoint reads it: "wide", "narrow", "small" (below the minimum) or "bad". */
export function widthClass(raw) {
  if (raw === null || raw === '') return 'wide';
  if (!/^[0-9]{1,6}$/.test(raw)) return 'bad';
  const width = Number(raw);
  return width < OEMBED_MIN_WIDTH ? 'small' : width < OEMBED_WIDE ? 'narrow' : 'wide';
}

/**
 * What the endpoint answers for the raw query `query` (no "?"), the site's address being `siteUrl`:
 * { file } (a path of the site, "/oembed/1137.json") or { status, body } (a JSON error).
 */
export function oembedAnswer(query, siteUrl) {
  const fail = (key) => ({ status: OEMBED_ERRORS[key].status, body: JSON.stringify({ error: OEMBED_ERRORS[key].error }) });
  if (Buffer.byteLength(query) > OEMBED_MAX_QUERY) return fail('tooLong');
  let params;
  try {
    params = new URLSearchParams(query);
  } catch {
    return fail('notUrl');
  }
  const format = params.get('format');
  if (format !== null && format !== '' && format !== 'json') return fail('format');
  const url = params.get('url');
  if (!url) return fail('noUrl');
  const patterns = oembedPatterns(siteUrl);
  const test = (name) => new RegExp(patterns[name], 'i').exec(url);
  if (!test('url')) return fail('notUrl');
  const width = widthClass(params.get('maxwidth'));
  if (width === 'bad') return fail('badWidth');
  const role = test('role');
  const chart = test('chart');
  const target = role ? role.groups.aiexp_oembed_soc : chart ? `chart-${chart.groups.aiexp_oembed_kind}`
    : test('home') ? 'chart-treemap' : '';
  if (!target) return fail('notFound');
  if (width === 'small') return fail('tooNarrow');
  return { file: `/oembed/${target}${width === 'narrow' ? '.narrow' : ''}.json` };
}

function response({ siteUrl, title, iframeSrc, iframeTitle, size, thumbnail }) {
  const [width, height] = size;
  const html = `<iframe src="${escapeHtml(iframeSrc)}" width="${width}" height="${height}" title="${escapeHtml(iframeTitle)}" `
    + 'loading="lazy" data-uk-ai-exposure></iframe>';
  return {
    version: '1.0', type: 'rich', provider_name: PROVIDER_NAME, provider_url: siteUrl, title, html, width, height,
    cache_age: OEMBED_CACHE_AGE, ...thumbnail,
  };
}

/**
 * Writes oembed/<soc>.json and oembed/<soc>.narrow.json for every role (`reports`, the core's, under the
 * published assumptions), oembed/chart-<kind>[.narrow].json, and oembed/endpoint.json (the site's address, which
 * the servers map URLs against), then puts the discovery link in each role page and the home page of `out`.
 * `shareImages`: soc -> the share image's path in the site (1200 x 630).
 */
export async function writeOembed({ out, siteUrl, reports, shareImages }) {
  await mkdir(join(out, 'oembed'), { recursive: true });
  const absolute = (path) => new URL(path.replace(/^\//, ''), siteUrl).href;
  const write = async (name, variants) => {
    for (const [variant, body] of Object.entries(variants)) {
      await writeFile(join(out, 'oembed', `${name}${variant === 'wide' ? '' : '.narrow'}.json`), `${JSON.stringify(body)}\n`);
    }
  };
  for (const report of reports) {
    const image = shareImages.get(report.soc);
    const thumbnail = image ? { thumbnail_url: absolute(image), thumbnail_width: 1200, thumbnail_height: 630 } : {};
    const title = `${report.title} (SOC 2020 ${report.soc}): exposure to AI`;
    const make = (size) => response({ siteUrl, title, iframeSrc: absolute(`embed/${report.soc}.html`),
                                      iframeTitle: `UK AI Exposure: ${report.title}`, size, thumbnail });
    await write(report.soc, { wide: make(SIZES.card.wide), narrow: make(SIZES.card.narrow) });
    await addDiscovery(join(out, 'occupation', report.soc, 'index.html'), absolute(`oembed/${report.soc}.json`), title);
  }
  for (const kind of CHART_KINDS) {
    const make = (size) => response({ siteUrl, title: CHART_TITLES[kind], iframeSrc: absolute(`embed-chart.html?kind=${kind}`),
                                      iframeTitle: `UK AI Exposure: ${CHART_TITLES[kind]}`, size, thumbnail: {} });
    await write(`chart-${kind}`, { wide: make(SIZES[kind].wide), narrow: make(SIZES[kind].narrow) });
  }
  await addDiscovery(join(out, 'index.html'), absolute('oembed/chart-treemap.json'), CHART_TITLES.treemap);
  await writeFile(join(out, 'oembed', 'endpoint.json'), `${JSON.stringify({ siteUrl, minWidth: OEMBED_MIN_WIDTH })}\n`);
}

/** `html` with the oEmbed discovery link (JSON) to `href` in its head, after the canonical link when there is one. */
export function withDiscovery(html, href, title) {
  const link = `<link rel="alternate" type="application/json+oembed" href="${escapeHtml(href)}" title="${escapeHtml(title)}">`;
  const canonical = /<link rel="canonical"[^>]*>/.exec(html);
  if (canonical) return html.replace(canonical[0], `${canonical[0]}${link}`);
  if (!html.includes('</head>')) throw new Error('a page without a head');
  return html.replace('</head>', `${link}</head>`);
}

async function addDiscovery(file, href, title) {
  await writeFile(file, withDiscovery(await readFile(file, 'utf8'), href, title));
}

/** The site's address the endpoint maps against, as site assembly recorded it in `root`; null without one. */
export async function endpointSiteUrl(root) {
  try {
    return JSON.parse(await readFile(join(root, 'oembed', 'endpoint.json'), 'utf8')).siteUrl;
  } catch {
    return null;
  }
}

// nginx reads a single-quoted string with \' and \\ as escapes; the messages have neither, nor a "$".
function nginxString(text) {
  if (/['\\$]/.test(text)) throw new Error(`cannot write for nginx: ${text}`);
  return `'${text}'`;
}

/**
 * The nginx maps and location that answer /oembed as oembedAnswer does, for a site served at `siteUrl`.
 * nginx tests $arg_url, still percent-encoded, against the encoded form of the same patterns.
 */
export function oembedNginx(siteUrl) {
  const patterns = oembedPatterns(siteUrl, { encoded: true });
  const q = (text) => `"${text}"`;
  const maps = [
    ['map $args $aiexp_oembed_long {', '  default 0;', `  ${q(`~^.{${OEMBED_MAX_QUERY + 1}}`)} 1;`, '}'],
    ['map $arg_format $aiexp_oembed_format {', '  default 0;', '  "" 1;', '  "json" 1;', '}'],
    ['map $arg_url $aiexp_oembed_url {', '  default 0;', `  ${q(`~*${patterns.url}`)} 1;`, '}'],
    ['map $arg_url $aiexp_oembed_target {', '  default "";', `  ${q(`~*${patterns.role}`)} $aiexp_oembed_soc;`,
     `  ${q(`~*${patterns.chart}`)} chart-$aiexp_oembed_kind;`, `  ${q(`~*${patterns.home}`)} chart-treemap;`, '}'],
  ];
  // Widths up to three digits are sorted into small, narrow and wide by value (at most six digits in all, leading
  // zeros included), exactly as widthClass does; any other run of up to six digits is wide.
  const byValue = [];
  for (let width = 100; width < 1000; width++) {
    const kind = width < OEMBED_MIN_WIDTH ? 'small' : width < OEMBED_WIDE ? 'narrow' : 'wide';
    if (kind !== 'wide') byValue.push(`  ${q(`~^0{0,3}${width}$`)} ${kind};`);
  }
  maps.splice(3, 0, ['map $arg_maxwidth $aiexp_oembed_width {', '  default bad;', '  "" wide;',
                     `  ${q('~^0{0,4}[0-9]{1,2}$')} small;`, ...byValue, `  ${q('~^[0-9]{1,6}$')} wide;`, '}']);
  const fail = (key) => `return ${OEMBED_ERRORS[key].status} ${nginxString(JSON.stringify({ error: OEMBED_ERRORS[key].error }))};`;
  const location = [
    'location = /oembed {',
    '  default_type "application/json; charset=utf-8";',
    `  if ($aiexp_oembed_long) { ${fail('tooLong')} }`,
    `  if ($aiexp_oembed_format = 0) { ${fail('format')} }`,
    `  if ($arg_url = "") { ${fail('noUrl')} }`,
    `  if ($aiexp_oembed_url = 0) { ${fail('notUrl')} }`,
    `  if ($aiexp_oembed_width = bad) { ${fail('badWidth')} }`,
    `  if ($aiexp_oembed_target = "") { ${fail('notFound')} }`,
    `  if ($aiexp_oembed_width = small) { ${fail('tooNarrow')} }`,
    '  set $aiexp_oembed_variant "";',
    '  if ($aiexp_oembed_width = narrow) { set $aiexp_oembed_variant ".narrow"; }',
    '  rewrite ^ /oembed/$aiexp_oembed_target$aiexp_oembed_variant.json last;',
    '}',
  ];
  return { maps: maps.map((lines) => lines.join('\n  ')), location: location.join('\n    ') };
}
