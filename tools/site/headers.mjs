// The one table of response headers, MIME types, caching and redirects of the site. tools/serve.mjs answers
// from it, and tools/site/deploy.mjs writes the nginx configuration and the static hosts' _headers from it, so
// the dev server, nginx and a CDN send the same headers for every path.
import { createHash } from 'node:crypto';

// img-src adds blob: for the charts' PNG export, which draws the chart's SVG (a blob the page made) onto a canvas.
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' blob:; object-src 'none'; base-uri 'none'";

export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';

// Kinds of path, as regular expressions over the URL path (decoded, starting with "/"). Each is written in the
// common subset of JavaScript and PCRE, because nginx matches the same expressions.
export const PATH_KINDS = {
  // A page: an .html file, or a folder whose index.html answers.
  html: String.raw`(?:\.html|/)$`,
  // The iframe card pages exist to be framed by other sites. The editors' embed page (embed/) shares their folder
  // and its headers (one _headers rule for the folder); it changes nothing, so being framed costs it nothing.
  frameable: String.raw`^/embed(?:\.html|-chart\.html|/(?:[^/]+\.html)?)$`,
  // What a page on another origin loads for the widget (module scripts and fetches with integrity are CORS
  // requests), the iframe cards and the share images other sites show.
  // The chart element imports the page's views (ui/) and the vendored libraries (vendor/) too.
  // The widget's releases (releases/<id>/) and the oEmbed answers, which editors' pages may fetch, too.
  crossOrigin: String.raw`^/(?:widget/|releases/|oembed(?:/|$)|wasm/|data/|embed/|share/|ui/|vendor/|aiexp-loader\.js$|calculator\.js$|snapshot\.js$|manifest\.js$)`,
  // name.<first 16 hex digits of the SHA-256 of the content>.ext: a new content gets a new name.
  contentHashed: String.raw`\.[0-9a-f]{16}\.[A-Za-z0-9]+$`,
  // A release of the widget: releases/<first 16 hex digits of the SHA-256 of all its files>/ (site assembly,
  // tools/site/widget-release.mjs). Its files never change; a new content is a new release beside it.
  release: String.raw`^/releases/[0-9a-f]{16}/`,
};

// The header rules. A rule applies to a path when every kind in `when` matches it and none in `unless` does;
// rules without either apply to every response. Where two rules set one header, their conditions exclude each
// other, so no path gets a header twice (static hosts join repeated values with commas).
export const HEADER_RULES = [
  { header: 'Content-Security-Policy', value: CONTENT_SECURITY_POLICY },
  { header: 'X-Content-Type-Options', value: 'nosniff' },
  { header: 'Referrer-Policy', value: 'no-referrer' },
  { header: 'Cross-Origin-Opener-Policy', value: 'same-origin', when: ['html'] },
  { header: 'X-Frame-Options', value: 'SAMEORIGIN', when: ['html'], unless: ['frameable'] },
  { header: 'Access-Control-Allow-Origin', value: '*', when: ['crossOrigin'] },
  { header: 'Cross-Origin-Resource-Policy', value: 'cross-origin', when: ['crossOrigin'] },
  { header: 'Cross-Origin-Resource-Policy', value: 'same-origin', unless: ['crossOrigin'] },
  { header: 'Cache-Control', value: IMMUTABLE_CACHE, when: ['contentHashed'] },
  { header: 'Cache-Control', value: IMMUTABLE_CACHE, when: ['release'], unless: ['contentHashed'] },
  // HTML and every fixed name (widget/latest/ too) revalidate (cheaply, by ETag), so a deploy is seen at once.
  { header: 'Cache-Control', value: 'no-cache', unless: ['contentHashed', 'release'] },
];

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
};
export const DEFAULT_MIME_TYPE = 'application/octet-stream';

// Text-like files worth compressing; PNG is compressed already.
export const COMPRESSIBLE_EXTENSIONS = ['.html', '.js', '.mjs', '.css', '.json', '.svg', '.xml', '.txt', '.md', '.csv', '.wasm',
                                        '.webmanifest'];
// Below this, compression saves less than the Vary and decoding cost.
export const COMPRESSION_MIN_BYTES = 513;

// The site's page for a path that does not exist.
export const NOT_FOUND_PAGE = '/404.html';

// The longest request line (method, path and query: a link's state is in its query) either server takes: the
// size of nginx's large_client_header_buffers, and what the dev server checks. A longer request gets
// TOO_LONG_PAGE (pre-rendered like the not-found page) with status 414 and that page's headers, from both, so
// the visitor sees the page's own "link too long" notice, never a bare error. The page itself refuses a query
// past the core's kMaxStateLength (8,192 characters) with the same notice.
export const MAX_REQUEST_LINE_BYTES = 32 * 1024;
export const TOO_LONG_PAGE = '/414.html';
export const TOO_LONG_STATUS = 414;

const kindExpressions = Object.fromEntries(Object.entries(PATH_KINDS).map(([kind, source]) => [kind, new RegExp(source)]));

function ruleApplies(rule, pathname) {
  return (rule.when ?? []).every((kind) => kindExpressions[kind].test(pathname))
    && !(rule.unless ?? []).some((kind) => kindExpressions[kind].test(pathname));
}

export function isHtml(pathname) {
  return kindExpressions.html.test(pathname);
}

export function contentHashed(pathname) {
  return kindExpressions.contentHashed.test(pathname);
}

/** The table's headers for a URL path, in table order; `policy` replaces the CSP (tests play other origins). */
export function headersFor(pathname, { policy = CONTENT_SECURITY_POLICY } = {}) {
  const headers = {};
  for (const rule of HEADER_RULES) {
    if (!ruleApplies(rule, pathname)) continue;
    headers[rule.header] = rule.header === 'Content-Security-Policy' ? policy : rule.value;
  }
  return headers;
}

function extensionOf(pathname) {
  const name = pathname.slice(pathname.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

export function mimeTypeFor(pathname) {
  return MIME_TYPES[extensionOf(isHtml(pathname) && pathname.endsWith('/') ? 'index.html' : pathname)] ?? DEFAULT_MIME_TYPE;
}

export function compressible(pathname) {
  return COMPRESSIBLE_EXTENSIONS.includes(extensionOf(pathname));
}

/**
 * The content-hashed name of `name` ("share/1137.png" -> "share/1137.0123456789abcdef.png"): the first 16 hex
 * digits of the SHA-256 of `bytes` before the extension.
 */
export function hashedName(name, bytes) {
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  const slash = name.lastIndexOf('/');
  const dot = name.lastIndexOf('.');
  if (dot <= slash + 1) throw new Error(`hashedName needs a name with an extension (got ${name})`);
  return `${name.slice(0, dot)}.${hash}${name.slice(dot)}`;
}

// Old links carry the role as a query on the home page: /?soc=1137&e2=0.5 -> /occupation/1137/?e2=0.5. The last
// parameter that is exactly soc=<four digits> is taken out; the others stay as they were written, in order.
export const ROLE_REDIRECT = { status: 301, from: '/', socPattern: '[0-9]{4}', to: (soc) => `/occupation/${soc}/` };

/** The Location of the redirect for a request of `pathname` with the raw query `query` (no "?"), or null. */
export function redirectFor(pathname, query) {
  if (pathname !== ROLE_REDIRECT.from || !query) return null;
  const parts = query.split('&');
  // A parameter given twice takes its last value (the link grammar's rule): the last soc=<four digits> names the
  // page; an earlier one stays in the query, where the role page names it as left out.
  const index = parts.findLastIndex((part) => new RegExp(`^soc=${ROLE_REDIRECT.socPattern}$`).test(part));
  if (index < 0) return null;
  const soc = parts[index].slice('soc='.length);
  const rest = parts.filter((_, i) => i !== index).join('&');
  return ROLE_REDIRECT.to(soc) + (parts.length === 1 ? '' : `?${rest}`);
}
