// The deployment files of the assembled site, written from the header table of tools/site/headers.mjs: an nginx
// configuration (Debian bookworm's nginx 1.22 with the brotli_static module), _headers and _redirects for
// static hosts and CDNs (the Netlify / Cloudflare Pages format), and the precompressed .br and .gz copies that
// nginx, the dev server and those hosts serve in place of the file.
import { readFileSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';

const brotliCompressAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

import {
  COMPRESSIBLE_EXTENSIONS, COMPRESSION_MIN_BYTES, DEFAULT_MIME_TYPE, HEADER_RULES, MAX_REQUEST_LINE_BYTES, MIME_TYPES,
  NOT_FOUND_PAGE, PATH_KINDS, ROLE_REDIRECT, TOO_LONG_PAGE, TOO_LONG_STATUS, headersFor,
} from './headers.mjs';
import { oembedNginx } from './oembed.mjs';
import { RELEASES, RELEASE_PATTERN } from './widget-release.mjs';

// Cloudflare Pages reads at most this many _headers rules.
export const STATIC_HOST_RULE_LIMIT = 100;

/** Every file below `dir`, recursively, as paths joined to it, sorted (so what is built from the list is stable). */
export async function listFiles(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(path)));
    else out.push(path);
  }
  return out.sort();
}

// ---- nginx ----------------------------------------------------------------------------------------------------

// nginx reads \" and \\ in a quoted string as escapes, and "$" in a header value as a variable: the table
// has none of them, and this refuses any that would be read differently from what the dev server sends.
function quoted(text) {
  if (/["\n]|\\\\/.test(text)) throw new Error(`cannot quote for nginx: ${text}`);
  return `"${text}"`;
}

function quotedValue(text) {
  if (text.includes('$')) throw new Error(`a header value nginx would read as a variable: ${text}`);
  return quoted(text);
}

function ruleExpression(rule) {
  // Lookaheads from the start join the kinds into one expression, as nginx's map takes one per value.
  const positive = (rule.when ?? []).map((kind) => `(?=.*(?:${PATH_KINDS[kind]}))`);
  const negative = (rule.unless ?? []).map((kind) => `(?!.*(?:${PATH_KINDS[kind]}))`);
  return `^${positive.join('')}${negative.join('')}`;
}

function variableName(header) {
  return `$aiexp_${header.toLowerCase().replace(/-/g, '_')}`;
}

// One map per header that depends on the path, keyed on the URI nginx finally serves (after index and
// error_page redirects), so the header follows the file sent, as in the dev server. An empty value sends no
// header. All add_header lines live in the server block and no location has its own, so none is dropped by
// nginx's add_header inheritance; `always` puts them on error responses too.
function headerDirectives() {
  const conditional = new Map();
  const constant = [];
  for (const rule of HEADER_RULES) {
    if (!rule.when && !rule.unless) constant.push(rule);
    else conditional.set(rule.header, [...(conditional.get(rule.header) ?? []), rule]);
  }
  const maps = [...conditional].map(([header, rules]) => [
    `map $uri ${variableName(header)} {`,
    '  default "";',
    ...rules.map((rule) => `  ${quoted('~' + ruleExpression(rule))} ${quotedValue(rule.value)};`),
    '}',
  ].join('\n  '));
  const adds = [
    ...constant.map((rule) => `add_header ${rule.header} ${quotedValue(rule.value)} always;`),
    ...[...conditional.keys()].map((header) => `add_header ${header} ${variableName(header)} always;`),
  ];
  return { maps, adds };
}

function typesBlock() {
  const lines = Object.entries(MIME_TYPES).map(([extension, type]) => `  ${quoted(type)} ${extension.slice(1)};`);
  return ['types {', ...lines, '}'].join('\n  ');
}

// The old /?soc= links: nginx has no query parser, so three expressions, tried in order, cover where the last
// soc=<four digits> parameter stands (alone; after others, the greedy prefix finding the last; first, with no
// other after it); each keeps the other parameters as written, which is what redirectFor in headers.mjs does.
function roleRedirectLines() {
  const soc = ROLE_REDIRECT.socPattern;
  const to = (capture) => ROLE_REDIRECT.to(capture);
  return [
    `if ($args ~ ${quoted(`^soc=(${soc})$`)}) { return ${ROLE_REDIRECT.status} ${to('$1')}; }`,
    `if ($args ~ ${quoted(`^(.*)&soc=(${soc})(&.*)?$`)}) { return ${ROLE_REDIRECT.status} ${to('$2')}?$1$3; }`,
    `if ($args ~ ${quoted(`^soc=(${soc})&(.*)$`)}) { return ${ROLE_REDIRECT.status} ${to('$1')}?$2; }`,
  ];
}

/**
 * The complete nginx.conf serving the site in `root` on `port` (of `host`, every address when omitted).
 * `runtimeDir` holds the pid file, the logs and nginx's temporary folders (default: Debian's places); `user`
 * is the workers' user when nginx starts as root (null: none named).
 */
export function renderNginxConf({ root, port = 80, host, runtimeDir, user = 'www-data' }) {
  const userLine = user ? `user ${user};\n` : '';
  const absoluteRoot = resolve(root);
  const place = (name, debian) => (runtimeDir ? join(runtimeDir, name) : debian);
  const { maps, adds } = headerDirectives();
  const compressibleTypes = [...new Set(COMPRESSIBLE_EXTENSIONS.map((extension) => MIME_TYPES[extension].split(';')[0]))]
    .filter((type) => type !== 'text/html');  // nginx always compresses text/html and refuses it in the list
  const listen = host ? `${host}:${port}` : `${port}`;
  // The oEmbed endpoint maps URLs of the site's own address, which assembly recorded beside the answers.
  let oembed = { maps: [], location: '# (no oembed/endpoint.json in the site: no /oembed endpoint)' };
  try {
    oembed = oembedNginx(JSON.parse(readFileSync(join(absoluteRoot, 'oembed', 'endpoint.json'), 'utf8')).siteUrl);
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
  }
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((kind) => `${kind}_temp_path ${quoted(place(`${kind}-temp`, `/var/lib/nginx/${kind === 'client_body' ? 'body' : kind}`))};`);
  return `# Generated by tools/site/deploy.mjs from tools/site/headers.mjs; edit those, not this file.
# Serves the UK AI Exposure site from ${absoluteRoot}. Debian bookworm: apt-get install nginx
# libnginx-mod-http-brotli-static, then  nginx -c <this file>  (or install it as /etc/nginx/nginx.conf).
load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;

${userLine}worker_processes auto;
pid ${quoted(place('nginx.pid', '/run/nginx.pid'))};
error_log ${quoted(place('error.log', '/var/log/nginx/error.log'))};

events {
  worker_connections 1024;
}

http {
  ${typesBlock()}
  default_type ${DEFAULT_MIME_TYPE};

  access_log ${runtimeDir ? 'off' : quoted('/var/log/nginx/access.log')};
  ${temp.join('\n  ')}
  sendfile on;
  server_tokens off;
  # Links carry the calculator's state; the page itself refuses an absurdly long one with a notice, so nginx
  # must not answer 414 first for one the page can word; a longer one gets the site's 414 page (error_page).
  large_client_header_buffers 4 ${MAX_REQUEST_LINE_BYTES / 1024}k;
  # Redirects name the path only, as the dev server's do, whatever host and port the visitor used.
  absolute_redirect off;

  # The .br and .gz files the site assembly wrote beside each compressible file, else gzip on the fly.
  brotli_static on;
  gzip_static on;
  gzip on;
  gzip_vary on;
  gzip_comp_level 6;
  gzip_min_length ${COMPRESSION_MIN_BYTES};
  gzip_types ${compressibleTypes.join(' ')};

  ${maps.join('\n\n  ')}

  ${oembed.maps.join('\n\n  ')}

  server {
    listen ${listen};
    server_name _;
    root ${quoted(absoluteRoot)};

    ${adds.join('\n    ')}

    error_page 404 ${NOT_FOUND_PAGE};
    error_page ${TOO_LONG_STATUS} ${TOO_LONG_PAGE};

    # oEmbed: /oembed?url=<an occupation page's address>&format=json answers with oembed/<soc>.json (tools/site/oembed.mjs).
    ${oembed.location}

    location = ${ROLE_REDIRECT.from} {
      ${roleRedirectLines().join('\n      ')}
      try_files /index.html =404;
    }

    # A folder's index.html answers for it; a folder without one is not found (not nginx's 403 for a listing).
    location ~ /$ {
      try_files \${uri}index.html =404;
    }
  }
}
`;
}

// ---- static hosts (_headers, _redirects) -----------------------------------------------------------------------

// Headers that hold for every path go under "/*"; the others go to rules whose paths never overlap, so a path
// gets each header from one rule only: Netlify lets the last matching rule win, Cloudflare Pages joins the values.
function universalHeaders() {
  return new Set(HEADER_RULES.filter((rule) => !rule.when && !rule.unless).map((rule) => rule.header));
}

function pathSpecificHeaders(pathname) {
  const universal = universalHeaders();
  return Object.fromEntries(Object.entries(headersFor(pathname)).filter(([header]) => !universal.has(header)));
}

const sameHeaders = (a, b) => JSON.stringify(a) === JSON.stringify(b);

// The site's URL paths as a tree: each folder lists its files, subfolders, and its own path when it has an index.
function pathTree(paths) {
  const root = { files: [], folders: new Map() };
  for (const path of paths) {
    const parts = path.slice(1).split('/');
    let node = root;
    for (const part of parts.slice(0, -1)) {
      if (!node.folders.has(part)) node.folders.set(part, { files: [], folders: new Map() });
      node = node.folders.get(part);
    }
    node.files.push(path);
    if (parts.at(-1) === 'index.html') node.files.push(path.slice(0, -'index.html'.length));
  }
  return root;
}

function allPaths(node) {
  return [...node.files, ...[...node.folders.values()].flatMap(allPaths)];
}

// A folder whose every path has the same headers is one "/folder/*" rule; otherwise its files are rules of
// their own and its subfolders are looked at in turn.
function staticHostRules(node, prefix) {
  const rules = [];
  for (const path of node.files) rules.push({ pattern: path, headers: pathSpecificHeaders(path) });
  for (const [name, folder] of [...node.folders].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const folderPrefix = `${prefix}${name}/`;
    const headerSets = allPaths(folder).map(pathSpecificHeaders);
    if (headerSets.every((headers) => sameHeaders(headers, headerSets[0]))) {
      rules.push({ pattern: `${folderPrefix}*`, headers: headerSets[0] });
    } else {
      rules.push(...staticHostRules(folder, folderPrefix));
    }
  }
  return rules;
}

/** The _headers text for a site whose URL paths are `paths` ("/index.html", ...). */
export function renderStaticHostHeaders(paths) {
  const universal = universalHeaders();
  const everyPath = Object.entries(headersFor('/')).filter(([header]) => universal.has(header));
  const rules = [{ pattern: '/*', headers: Object.fromEntries(everyPath) },
                 ...staticHostRules(pathTree([...paths].sort()), '/')]
    .filter((rule) => Object.keys(rule.headers).length > 0);
  if (rules.length > STATIC_HOST_RULE_LIMIT) {
    throw new Error(`_headers would have ${rules.length} rules, more than the ${STATIC_HOST_RULE_LIMIT} static hosts read`);
  }
  const blocks = rules.map((rule) => [rule.pattern, ...Object.entries(rule.headers).map(([h, v]) => `  ${h}: ${v}`)].join('\n'));
  return `# Generated by tools/site/deploy.mjs from tools/site/headers.mjs (Netlify / Cloudflare Pages format).\n${blocks.join('\n')}\n`;
}

// Netlify's query matching; it cannot test for four digits or keep the other parameters, and Cloudflare Pages
// skips the line (it has no query matching), so there the page's own script reads ?soc= instead.
export function renderStaticHostRedirects() {
  return '# Generated by tools/site/deploy.mjs: old /?soc= links go to the role\'s page (Netlify query matching).\n'
    + `${ROLE_REDIRECT.from} soc=:soc ${ROLE_REDIRECT.to(':soc')} ${ROLE_REDIRECT.status}\n`;
}

const DEPLOY_FILES = ['_headers', '_redirects'];

/**
 * Writes _headers and _redirects into the site folder `out` and nginx.conf (serving `out`) into `deployDir`.
 * Run after every file of the site is in place: _headers names the site's folders and files.
 */
export async function writeDeployFiles({ out, deployDir }) {
  const paths = (await listFiles(out))
    .map((file) => '/' + relative(out, file).split('\\').join('/'))
    .filter((path) => !DEPLOY_FILES.includes(path.slice(1)) && !/\.(?:br|gz)$/.test(path));
  await writeFile(join(out, '_headers'), renderStaticHostHeaders(paths));
  await writeFile(join(out, '_redirects'), renderStaticHostRedirects());
  await mkdir(deployDir, { recursive: true });
  await writeFile(join(deployDir, 'nginx.conf'), renderNginxConf({ root: out }));
}

// ---- precompression --------------------------------------------------------------------------------------------

/**
 * Writes name.br (brotli, quality 11) and name.gz (zlib level 9) beside every compressible file of `out` larger
 * than the compression threshold. Deterministic: node's gzip header carries no time or file name, and brotli has
 * none, so a rebuild gives the same bytes. Resolves to the number of files compressed.
 */
export async function precompress(out) {
  const files = [];
  for (const file of await listFiles(out)) {
    if (!COMPRESSIBLE_EXTENSIONS.some((extension) => file.toLowerCase().endsWith(extension))) continue;
    if ((await stat(file)).size >= COMPRESSION_MIN_BYTES) files.push(file);
  }
  // Brotli at its highest quality is most of the site build's time (the 412 role pages alone, about 0.1 s each):
  // the asynchronous calls run on libuv's worker threads, one per core.
  const next = files.values();
  const worker = async () => {
    for (const file of next) await compressFile(file);
  };
  await Promise.all(Array.from({ length: Math.max(1, availableParallelism()) }, worker));
  return files.length;
}

async function compressFile(file) {
  const bytes = await readFile(file);
  const text = !file.endsWith('.wasm');
  const brotli = await brotliCompressAsync(bytes, {
    params: {
      [zlibConstants.BROTLI_PARAM_QUALITY]: zlibConstants.BROTLI_MAX_QUALITY,
      [zlibConstants.BROTLI_PARAM_LGWIN]: zlibConstants.BROTLI_MAX_WINDOW_BITS,
      [zlibConstants.BROTLI_PARAM_MODE]: text ? zlibConstants.BROTLI_MODE_TEXT : zlibConstants.BROTLI_MODE_GENERIC,
      [zlibConstants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
  const gzip = await gzipAsync(bytes, { level: 9 });
  // Bytes 4-7 of a gzip header are its MTIME; a time there would make every rebuild differ.
  if (gzip.readUInt32LE(4) !== 0) throw new Error(`gzip wrote a time into ${file}.gz`);
  await writeFile(file + '.br', brotli);
  await writeFile(file + '.gz', gzip);
}

// ---- deploying a new build beside the old releases ----------------------------------------------------------------

// releases/index.json in the served folder: when each release was first deployed (written by mergeSite, read by
// pruneReleases). A fixed name, revalidated like every one.
const RELEASE_INDEX = `${RELEASES}/index.json`;

async function readReleaseIndex(served) {
  try {
    return JSON.parse(await readFile(join(served, RELEASE_INDEX), 'utf8'));
  } catch {
    return { releases: {} };
  }
}

/**
 * Puts the assembled site `site` into the served folder `served`: every file of the new build replaces the served
 * one, files the new build no longer has go, except the older releases (releases/<id>/), which stay so the
 * snippets that name them keep working. Records when each release was first deployed in releases/index.json.
 * Resolves to { added, kept, removed } counts of releases and files.
 */
export async function mergeSite({ site, served, now = new Date() }) {
  const siteRoot = resolve(site);
  const servedRoot = resolve(served);
  await mkdir(servedRoot, { recursive: true });
  const index = await readReleaseIndex(servedRoot);
  const newFiles = (await listFiles(siteRoot)).map((file) => relative(siteRoot, file));
  const wanted = new Set(newFiles);
  let removed = 0;
  for (const file of await listFiles(servedRoot).catch(() => [])) {
    const path = relative(servedRoot, file).split('\\').join('/');
    if (path.startsWith(`${RELEASES}/`) || wanted.has(path)) continue;
    await rm(file);
    removed++;
  }
  for (const path of newFiles) {
    await mkdir(dirname(join(servedRoot, path)), { recursive: true });
    await cp(join(siteRoot, path), join(servedRoot, path));
  }
  const releases = (await readdir(join(servedRoot, RELEASES), { withFileTypes: true }).catch(() => []))
    .filter((entry) => entry.isDirectory() && RELEASE_PATTERN.test(entry.name)).map((entry) => entry.name);
  const fresh = releases.filter((id) => !index.releases[id]);
  for (const id of fresh) index.releases[id] = { firstDeployed: now.toISOString() };
  await writeFile(join(servedRoot, RELEASE_INDEX), `${JSON.stringify(index, null, 1)}\n`);
  return { releases: releases.length, added: fresh.length, files: newFiles.length, removed };
}

/**
 * Removes from the served folder the releases first deployed more than `days` days before `now`, except the
 * current one (the release the served embed-integrity.json names). Snippets that name a removed release stop
 * drawing (they show their link); choose the age after how long the articles that carry them matter.
 * `dryRun`: only says which. Resolves to the ids removed (or that would be).
 */
export async function pruneReleases({ served, days, now = new Date(), dryRun = false }) {
  if (!Number.isFinite(days) || days < 0) throw new Error(`the age must be a number of days (got ${days})`);
  const servedRoot = resolve(served);
  const index = await readReleaseIndex(servedRoot);
  let current = '';
  try {
    current = JSON.parse(await readFile(join(servedRoot, 'embed-integrity.json'), 'utf8')).release;
  } catch {
    throw new Error(`${join(servedRoot, 'embed-integrity.json')} cannot be read: is this a served UK AI Exposure folder?`);
  }
  const cutoff = now.getTime() - days * 86400000;
  const old = Object.entries(index.releases)
    .filter(([id, { firstDeployed }]) => id !== current && RELEASE_PATTERN.test(id) && Date.parse(firstDeployed) < cutoff)
    .map(([id]) => id);
  if (!dryRun) {
    for (const id of old) {
      await rm(join(servedRoot, RELEASES, id), { recursive: true, force: true });
      delete index.releases[id];
    }
    await writeFile(join(servedRoot, RELEASE_INDEX), `${JSON.stringify(index, null, 1)}\n`);
  }
  return old;
}

//   node tools/site/deploy.mjs merge <assembled site> <served folder>
//   node tools/site/deploy.mjs prune <served folder> --older-than <days> [--dry-run]
//   node tools/site/deploy.mjs nginx <served folder>          (prints the nginx.conf for it)
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [command, ...args] = process.argv.slice(2);
  try {
    if (command === 'merge' && args.length === 2) {
      const result = await mergeSite({ site: args[0], served: args[1] });
      console.log(`merged ${result.files} files into ${args[1]} (${result.removed} old files removed); `
                  + `${result.releases} widget releases served, ${result.added} new`);
    } else if (command === 'prune' && args[1] === '--older-than' && args.length >= 3) {
      const dryRun = args.includes('--dry-run');
      const removed = await pruneReleases({ served: args[0], days: Number(args[2]), dryRun });
      console.log(`${dryRun ? 'would remove' : 'removed'} ${removed.length} releases older than ${args[2]} days${removed.length ? `: ${removed.join(', ')}` : ''}`);
    } else if (command === 'nginx' && args.length === 1) {
      process.stdout.write(renderNginxConf({ root: args[0] }));
    } else {
      throw new Error('usage: deploy.mjs merge SITE SERVED | prune SERVED --older-than DAYS [--dry-run] | nginx SERVED');
    }
  } catch (error) {
    console.error(`deploy: ${error.message}`);
    process.exit(1);
  }
}
