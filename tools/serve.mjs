// Static server for the assembled site (build/wasm/site) with the production headers: a strict
// Content-Security-Policy on every response, application/wasm for the module, gzip where the client takes it,
// ETag revalidation, and CORS on the assets a widget on another origin loads. Used by ./run.sh and by the
// browser tests (startServer).
//
//   node tools/serve.mjs [--root DIR] [--port N]      (PORT overrides the default 8000)
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'none'";

const MIME_TYPES = {
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
};

// Files a page on another origin loads for the widget: readable cross-origin (CORS), nothing else is.
const CROSS_ORIGIN_PREFIXES = ['/widget/', '/wasm/', '/data/', '/aiexp-loader.js', '/manifest.js'];

function isCrossOriginAsset(pathname) {
  return CROSS_ORIGIN_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(prefix));
}

function securityHeaders(pathname, policy = CONTENT_SECURITY_POLICY) {
  const headers = {
    'Content-Security-Policy': policy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
  if (pathname.endsWith('.html') || pathname.endsWith('/')) headers['Cross-Origin-Opener-Policy'] = 'same-origin';
  // Pages may be framed only by this origin, except the iframe card, which exists to be framed elsewhere.
  if (pathname.endsWith('.html') && pathname !== '/embed.html') headers['X-Frame-Options'] = 'SAMEORIGIN';
  if (isCrossOriginAsset(pathname)) {
    headers['Access-Control-Allow-Origin'] = '*';
    headers['Cross-Origin-Resource-Policy'] = 'cross-origin';
  } else {
    headers['Cross-Origin-Resource-Policy'] = 'same-origin';
  }
  return headers;
}

// Compressed bodies are cached by path and ETag, so repeated requests cost nothing.
const gzipCache = new Map();

async function respond(root, policy, request, response) {
  const headers = securityHeaders('/', policy);
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { ...headers, Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
    response.end('Method not allowed\n');
    return;
  }
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
  } catch {
    response.writeHead(400, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
    response.end('Bad request\n');
    return;
  }
  if (pathname.endsWith('/')) pathname += 'index.html';
  const file = resolve(root, '.' + normalize(pathname));
  if (!(file === root || file.startsWith(root + sep)) || pathname.includes('\0')) {
    response.writeHead(403, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
    response.end('Forbidden\n');
    return;
  }
  let body;
  try {
    if (!(await stat(file)).isFile()) throw new Error('not a file');
    body = await readFile(file);
  } catch {
    response.writeHead(404, { ...securityHeaders(pathname, policy), 'Content-Type': 'text/plain; charset=utf-8' });
    response.end('Not found\n');
    return;
  }
  const etag = '"' + createHash('sha256').update(body).digest('base64url').slice(0, 27) + '"';
  const fileHeaders = {
    ...securityHeaders(pathname, policy),
    'Content-Type': MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Cache-Control': 'no-cache',
    ETag: etag,
  };
  if (request.headers['if-none-match'] === etag) {
    response.writeHead(304, fileHeaders);
    response.end();
    return;
  }
  const acceptsGzip = /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
  if (body.length > 512) fileHeaders.Vary = 'Accept-Encoding';
  if (acceptsGzip && body.length > 512) {
    const key = file + etag;
    let compressed = gzipCache.get(key);
    if (!compressed) {
      compressed = gzipSync(body, { level: 9 });
      gzipCache.set(key, compressed);
    }
    body = compressed;
    fileHeaders['Content-Encoding'] = 'gzip';
  }
  fileHeaders['Content-Length'] = body.length;
  response.writeHead(200, fileHeaders);
  response.end(request.method === 'HEAD' ? undefined : body);
}

// Starts a server on 127.0.0.1; port 0 picks a free one. Resolves to { url, port, close() }. `policy` replaces
// the Content-Security-Policy (tests use it to play a host page on another origin that allows the widget's).
export function startServer({ root, port = 0, host = '127.0.0.1', policy = CONTENT_SECURITY_POLICY }) {
  const absoluteRoot = resolve(root);
  const server = createServer((request, response) => {
    respond(absoluteRoot, policy, request, response).catch((error) => {
      response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('Internal error\n');
      console.error(error);
    });
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const actual = server.address().port;
      resolvePromise({
        url: `http://${host}:${actual}/`,
        port: actual,
        close: () => new Promise((done) => server.close(done)),
      });
    });
  });
}

function parseArguments(argv) {
  const options = {
    root: join(fileURLToPath(new URL('..', import.meta.url)), 'build', 'wasm', 'site'),
    port: Number(process.env.PORT ?? 8000),
  };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--root') options.root = argv[++i];
    else if (argv[i] === '--port') options.port = Number(argv[++i]);
    else throw new Error(`unknown argument ${argv[i]} (expected --root DIR, --port N)`);
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) {
    throw new Error(`port must be a whole number from 0 to 65535`);
  }
  return options;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const options = parseArguments(process.argv.slice(2));
    const { url } = await startServer(options);
    console.log(`UK AI Exposure is served at ${url}`);
    console.log(`  widget demo: ${url}embed-demo.html   (Ctrl+C stops)`);
  } catch (error) {
    console.error(`serve: ${error.message}`);
    process.exit(1);
  }
}
