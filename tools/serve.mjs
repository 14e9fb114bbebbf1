// Static server for the assembled site (build/wasm/site) with the production headers of tools/site/headers.mjs
// on every response, errors included: the same headers, redirects, precompressed files and 404 page as the
// generated nginx configuration, plus gzip on the fly where a file has no precompressed copy and ETag
// revalidation. Used by ./run.sh and by the browser tests (startServer).
//
//   node tools/serve.mjs [--root DIR] [--port N]      (PORT overrides the default 8000)
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

import {
  COMPRESSION_MIN_BYTES, CONTENT_SECURITY_POLICY, MAX_REQUEST_LINE_BYTES, NOT_FOUND_PAGE, TOO_LONG_PAGE, TOO_LONG_STATUS,
  compressible, headersFor, mimeTypeFor, redirectFor,
} from './site/headers.mjs';
import { endpointSiteUrl, oembedAnswer } from './site/oembed.mjs';

export { CONTENT_SECURITY_POLICY };

const PLAIN_TEXT = 'text/plain; charset=utf-8';

// Compressed bodies are cached by path and ETag, so repeated requests cost nothing.
const gzipCache = new Map();

async function readIfFile(file) {
  try {
    return (await stat(file)).isFile() ? await readFile(file) : null;
  } catch {
    return null;
  }
}

async function readIfFresh(file, notBeforeMs) {
  try {
    const info = await stat(file);
    return info.isFile() && info.mtimeMs >= notBeforeMs ? await readFile(file) : null;
  } catch {
    return null;
  }
}

async function isDirectory(file) {
  try {
    return (await stat(file)).isDirectory();
  } catch {
    return false;
  }
}

function acceptedEncodings(request) {
  const accepted = new Set();
  for (const item of (request.headers['accept-encoding'] ?? '').split(',')) {
    const [coding, ...parameters] = item.trim().toLowerCase().split(';');
    if (parameters.some((parameter) => /^\s*q=0(?:\.0*)?\s*$/.test(parameter))) continue;
    if (coding) accepted.add(coding);
  }
  return accepted;
}

function sendText(response, status, headers, text, method) {
  response.writeHead(status, { ...headers, 'Content-Type': PLAIN_TEXT, 'Content-Length': Buffer.byteLength(text) });
  response.end(method === 'HEAD' ? undefined : text);
}

function sendRedirect(response, pathname, location, policy, method) {
  const text = `Moved to ${location}\n`;
  response.writeHead(301, { ...headersFor(pathname, { policy }), Location: location, 'Content-Type': PLAIN_TEXT,
                            'Content-Length': Buffer.byteLength(text) });
  response.end(method === 'HEAD' ? undefined : text);
}

// The site's 404 page when it has one, else a line of text; either way with that page's headers, as nginx's
// error_page gives.
async function sendNotFound(root, policy, request, response) {
  const page = await readIfFile(join(root, NOT_FOUND_PAGE));
  if (!page) {
    sendText(response, 404, headersFor(NOT_FOUND_PAGE, { policy }), 'Not found\n', request.method);
    return;
  }
  await sendFile(NOT_FOUND_PAGE, join(root, NOT_FOUND_PAGE), page, 404, policy, request, response);
}

// The site's 414 page for a request line longer than nginx takes (MAX_REQUEST_LINE_BYTES), as its error_page gives.
async function sendTooLong(root, policy, request, response) {
  const page = await readIfFile(join(root, TOO_LONG_PAGE));
  if (!page) {
    sendText(response, TOO_LONG_STATUS, headersFor(TOO_LONG_PAGE, { policy }), 'The link is too long\n', request.method);
    return;
  }
  await sendFile(TOO_LONG_PAGE, join(root, TOO_LONG_PAGE), page, TOO_LONG_STATUS, policy, request, response);
}

// A request node's parser refused before it reached the handler: its headers (with the request line) overflow
// even the generous parser limit, or it is malformed. Answered on the socket, with the table's headers: an
// overflow gets the 414 page, anything else a line of text.
async function answerClientError(root, policy, error, socket) {
  if (!socket.writable) return;
  const tooLong = error.code === 'HPE_HEADER_OVERFLOW';
  const page = tooLong ? await readIfFile(join(root, TOO_LONG_PAGE)) : null;
  const body = page ?? Buffer.from(tooLong ? 'The link is too long\n' : 'Bad request\n');
  const headers = { ...headersFor(tooLong ? TOO_LONG_PAGE : '/', { policy }),
                    'Content-Type': page ? mimeTypeFor(TOO_LONG_PAGE) : PLAIN_TEXT, 'Content-Length': body.length,
                    Connection: 'close' };
  const head = [`HTTP/1.1 ${tooLong ? `${TOO_LONG_STATUS} URI Too Long` : '400 Bad Request'}`,
                ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)].join('\r\n');
  socket.end(Buffer.concat([Buffer.from(`${head}\r\n\r\n`), body]));
}

async function sendFile(pathname, file, body, status, policy, request, response) {
  const etag = '"' + createHash('sha256').update(body).digest('base64url').slice(0, 27) + '"';
  const headers = { ...headersFor(pathname, { policy }), 'Content-Type': mimeTypeFor(file), ETag: etag };
  const accepted = acceptedEncodings(request);
  // Precompressed siblings win over compressing here, as nginx's brotli_static and gzip_static do; unlike
  // nginx, one older than its file is ignored, so a file changed after assembly (as tests do) is served as it is.
  let encoded = null;
  const modified = (await stat(file)).mtimeMs;
  const brotli = await readIfFresh(file + '.br', modified);
  const gzip = await readIfFresh(file + '.gz', modified);
  if (brotli || gzip || (compressible(file) && body.length >= COMPRESSION_MIN_BYTES)) headers.Vary = 'Accept-Encoding';
  if (brotli && accepted.has('br')) encoded = { coding: 'br', bytes: brotli };
  else if (gzip && accepted.has('gzip')) encoded = { coding: 'gzip', bytes: gzip };
  else if (!gzip && accepted.has('gzip') && compressible(file) && body.length >= COMPRESSION_MIN_BYTES) {
    const key = file + etag;
    let compressed = gzipCache.get(key);
    if (!compressed) {
      compressed = gzipSync(body, { level: 9 });
      gzipCache.set(key, compressed);
    }
    encoded = { coding: 'gzip', bytes: compressed };
  }
  if (status === 200 && request.headers['if-none-match'] === etag) {
    response.writeHead(304, headers);
    response.end();
    return;
  }
  if (encoded) {
    body = encoded.bytes;
    headers['Content-Encoding'] = encoded.coding;
  }
  headers['Content-Length'] = body.length;
  response.writeHead(status, headers);
  response.end(request.method === 'HEAD' ? undefined : body);
}

async function respond(root, policy, request, response) {
  if (Buffer.byteLength(`${request.method} ${request.url} HTTP/1.1`) > MAX_REQUEST_LINE_BYTES) {
    await sendTooLong(root, policy, request, response);
    return;
  }
  const url = new URL(request.url, 'http://localhost');
  let pathname;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    sendText(response, 400, headersFor(url.pathname, { policy }), 'Bad request\n', request.method);
    return;
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    sendText(response, 405, { ...headersFor(pathname, { policy }), Allow: 'GET, HEAD' }, 'Method not allowed\n', 'GET');
    return;
  }
  const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1).split('#')[0] : '';
  const roleLocation = redirectFor(pathname, query);
  if (roleLocation) {
    sendRedirect(response, pathname, roleLocation, policy, request.method);
    return;
  }
  // oEmbed's endpoint form, answered from the JSON site assembly wrote, as nginx does (tools/site/oembed.mjs).
  if (pathname === '/oembed') {
    const siteUrl = await endpointSiteUrl(root);
    if (siteUrl) {
      const answer = oembedAnswer(query, siteUrl);
      if (answer.file) {
        const body = await readIfFile(join(root, answer.file));
        if (body) await sendFile(answer.file, join(root, answer.file), body, 200, policy, request, response);
        else await sendNotFound(root, policy, request, response);
      } else {
        const text = answer.body;
        response.writeHead(answer.status, { ...headersFor(pathname, { policy }), 'Content-Type': 'application/json; charset=utf-8',
                                            'Content-Length': Buffer.byteLength(text) });
        response.end(request.method === 'HEAD' ? undefined : text);
      }
      return;
    }
  }
  const file = resolve(root, '.' + normalize(pathname.endsWith('/') ? pathname + 'index.html' : pathname));
  if (!(file === root || file.startsWith(root + sep)) || pathname.includes('\0')) {
    sendText(response, 403, headersFor(pathname, { policy }), 'Forbidden\n', request.method);
    return;
  }
  const body = await readIfFile(file);
  if (body) {
    await sendFile(pathname, file, body, 200, policy, request, response);
    return;
  }
  // A folder named without its slash moves to the slash, as nginx answers, so relative links resolve.
  if (!pathname.endsWith('/') && await isDirectory(file)) {
    sendRedirect(response, pathname, url.pathname + '/' + (query ? `?${query}` : ''), policy, request.method);
    return;
  }
  await sendNotFound(root, policy, request, response);
}

// Starts a server on 127.0.0.1; port 0 picks a free one. Resolves to { url, port, close() }. `policy` replaces
// the Content-Security-Policy (tests use it to play a host page on another origin that allows the widget's).
export function startServer({ root, port = 0, host = '127.0.0.1', policy = CONTENT_SECURITY_POLICY }) {
  const absoluteRoot = resolve(root);
  // The parser takes request lines well past MAX_REQUEST_LINE_BYTES, so respond() answers those with the page.
  const server = createServer({ maxHeaderSize: 4 * MAX_REQUEST_LINE_BYTES }, (request, response) => {
    respond(absoluteRoot, policy, request, response).catch((error) => {
      console.error(error);
      if (response.headersSent) {
        response.destroy();
        return;
      }
      sendText(response, 500, headersFor('/', { policy }), 'Internal error\n', request.method);
    });
  });
  server.on('clientError', (error, socket) => {
    answerClientError(absoluteRoot, policy, error, socket).catch(() => socket.destroy());
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
