// The only module that touches the WebAssembly module. It loads the module and the compact bundle once for
// the page and every widget on it (one shared promise), fetches the other data parts when first needed, and
// checks every download against the integrity recorded in manifest.js. Asset URLs resolve against this file's
// own URL, so a widget on another origin finds them; setAssetBase() is the one override. Every download is
// bounded in time and retried here, a few times with back-off, and nowhere else (RELIABILITY.md).
import { Calculator } from './calculator.js';
import manifest from './manifest.js';

// Two builds of the same module and core: "size" (-Oz), what a widget downloads, and "speed" (-O3), the page's,
// which recomputes and re-renders on every slider move. The glue is imported only for the build used.
const BUILDS = {
  size: { glue: () => import('./wasm/aiexp.js'), gluePath: 'wasm/aiexp.js', binary: 'wasm/aiexp.wasm' },
  speed: { glue: () => import('./wasm/aiexp-speed.js'), gluePath: 'wasm/aiexp-speed.js', binary: 'wasm/aiexp-speed.wasm' },
};

// How long downloads may take and how often they are tried. The browser tests shorten these with an init script
// that sets globalThis.aiexpTestTiming before any page script runs; nothing in a link or an attribute reaches it.
const DEFAULT_TIMING = {
  slowMs: 15000,       // a start not finished by then is said to be slow (the page and the cards show it)
  attemptMs: 45000,    // one attempt at a download (or a module import) is abandoned after this long
  attempts: 3,         // tries per download
  backoffMs: 1000,     // the wait before the second try, doubled before each later one
  retryLaterMs: 60000, // a data part that failed every try is not asked for again before this long
  partsWaitMs: 1500,   // a role page's first live view waits at most this long for the parts its HTML shows
};
export const timing = Object.freeze(Object.fromEntries(Object.entries(DEFAULT_TIMING).map(([key, value]) => {
  const override = globalThis.aiexpTestTiming?.[key];
  return [key, Number.isFinite(override) && override >= 0 ? override : value];
})));

let assetBase = new URL('./', import.meta.url);
const calculatorPromises = new Map();  // build -> the promise of its Calculator

/** Serves assets from another folder or origin. Call before the first loadCalculator(). */
export function setAssetBase(url) {
  if (calculatorPromises.size) throw new Error('setAssetBase must be called before loadCalculator');
  assetBase = new URL(url, globalThis.location?.href);
}

/** Absolute URL of a site file ("data/bundle.json", "index.html"). */
export function assetUrl(path) {
  return new URL(path, assetBase).href;
}

/**
 * The shared Calculator: resolves to { ok: true, calculator } or { ok: false, code, message, cause }, where
 * `cause` is "download" (a file did not arrive: reloading may help), "browser" (this browser cannot run the
 * module) or "data" (the data arrived but the core refused it). `build` is "size" (the default) or "speed"; a call
 * for either shares a speed calculator already asked for, and one for speed after a size one loads its own (a
 * chart needs the speed build's calls). Always settles, within the bounded time of
 * `timing` (attempts × attemptMs plus the back-off).
 */
export function loadCalculator({ build = 'size' } = {}) {
  if (!Object.hasOwn(BUILDS, build)) throw new Error(`unknown module build ${build}`);
  // Speed is a superset of size: a page with it shares it.
  const shared = calculatorPromises.get('speed') ?? calculatorPromises.get(build);
  if (shared) return shared;
  const promise = open(BUILDS[build]);
  calculatorPromises.set(build, promise);
  return promise;
}

// A failure worded for a visitor, with what the caller should say it means (see loadCalculator).
class LoadFailure extends Error {
  constructor(message, cause) {
    super(message);
    this.cause = cause;
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// HTTP statuses worth another try: the server or a proxy may answer the next one.
const TRANSIENT = (status) => status >= 500 || status === 408 || status === 429;

function seconds(ms) {
  return ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`;
}

/**
 * fetch() of a site file, bounded and retried: each try is abandoned after timing.attemptMs (a fetch with
 * integrity resolves only once the whole body has arrived and matched, so this bounds the whole download), a
 * connection failure, a mismatch and a 5xx are tried again after a back-off, a 404 is not. Resolves to the
 * response; rejects with a LoadFailure whose message names the file and what went wrong, in plain words.
 */
async function fetchRetrying(path, init) {
  let problem = '';
  for (let attempt = 1; attempt <= timing.attempts; attempt++) {
    if (attempt > 1) await sleep(timing.backoffMs * 2 ** (attempt - 2));
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timing.attemptMs);
    let status = 0;
    try {
      const response = await fetch(assetUrl(path), { ...init, signal: controller.signal });
      if (response.ok) return response;
      status = response.status;
      response.body?.cancel().catch(() => {});
    } catch {
      // A fetch with integrity fails as a whole, with no more than "Failed to fetch", for a reset, an error status
      // and a mismatch alike: a HEAD request without integrity tells them apart.
      status = timedOut ? -1 : await statusOf(path);
    } finally {
      clearTimeout(timer);
    }
    if (status === -1) problem = `no answer within ${seconds(timing.attemptMs)}`;
    else if (status === 0) problem = 'the connection failed';
    else if (status >= 200 && status < 300) problem = 'the file arrived damaged (it does not match its checksum)';
    else problem = `the server answered HTTP ${status}`;
    if (status >= 400 && !TRANSIENT(status)) break;
  }
  const tries = timing.attempts > 1 && !/HTTP 4(?!08|29)/.test(problem) ? `, tried ${timing.attempts} times` : '';
  throw new LoadFailure(`${path}: ${problem}${tries}`, 'download');
}

// The HTTP status a HEAD request for `path` gets (0: none, the connection failed), within timing.attemptMs.
async function statusOf(path) {
  const probe = new AbortController();
  const timer = setTimeout(() => probe.abort(), timing.attemptMs);
  try {
    const response = await fetch(assetUrl(path), { method: 'HEAD', cache: 'no-store', credentials: 'same-origin',
                                                   signal: probe.signal });
    return response.status;
  } catch {
    return 0;
  } finally {
    clearTimeout(timer);
  }
}

// A promise that rejects with a LoadFailure when `promise` has not settled within timing.attemptMs.
function bounded(promise, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new LoadFailure(`${what}: no answer within ${seconds(timing.attemptMs)}`, 'download')),
                       timing.attemptMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// manifest.js pins the files a widget needs and data/integrity.json, which pins the rest (fetched when the
// first of those is needed, so widgets never download it).
// The ILO's task parts have lists of their own, one per ISCO-08 major group (data/ilo/tasks-1330.json is in
// data/ilo-integrity-1.json), pinned by data/integrity.json and fetched when a part they pin is first opened.
let pagePins = null;
const iloPins = new Map();
const ILO_PARTS = 'data/ilo/';
const iloIntegrityList = (path) => `data/ilo-integrity-${path.slice(`${ILO_PARTS}tasks-`.length)[0]}.json`;

async function pinsIn(list, path) {
  try {
    return (await list).integrity[path];
  } catch (error) {
    throw new LoadFailure(`${path} cannot be checked, as the list of checksums did not arrive (${error.message})`, 'download');
  }
}

async function integrityOf(path) {
  if (manifest.integrity[path]) return manifest.integrity[path];
  if (path.startsWith(ILO_PARTS)) {
    const list = iloIntegrityList(path);
    const pin = await integrityOf(list);
    if (!pin) throw new LoadFailure(`no integrity recorded for ${list}`, 'data');
    if (!iloPins.has(list)) iloPins.set(list, fetchRetrying(list, { integrity: pin }).then((response) => response.json()));
    const pins = iloPins.get(list);
    return pinsIn(pins, path).catch((error) => {
      if (iloPins.get(list) === pins) iloPins.delete(list);  // asked again on the next need
      throw error;
    });
  }
  pagePins ??= fetchRetrying('data/integrity.json', { integrity: manifest.integrity['data/integrity.json'] })
    .then((response) => response.json());
  const pins = pagePins;
  return pinsIn(pins, path).catch((error) => {
    if (pagePins === pins) pagePins = null;  // asked again on the next need
    throw error;
  });
}

async function fetchChecked(path) {
  // A file with no recorded integrity is refused rather than fetched unchecked.
  const integrity = await integrityOf(path);
  if (!integrity) throw new LoadFailure(`no integrity recorded for ${path}`, 'data');
  return fetchRetrying(path, { integrity, credentials: 'same-origin' });
}

// The file's bytes, which the module copies in at once (a string would be copied character by character).
async function fetchBytes(path) {
  try {
    const response = await fetchChecked(path);
    return { ok: true, bytes: new Uint8Array(await response.arrayBuffer()) };
  } catch (error) {
    return { ok: false, detail: error instanceof LoadFailure ? error.message : `${path}: ${error.message}` };
  }
}

// Whether this browser runs WebAssembly at all: the smallest valid module is its 8-byte header.
function webAssemblySupported() {
  try {
    return typeof WebAssembly === 'object' && typeof WebAssembly.instantiate === 'function'
      && WebAssembly.validate(new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]));
  } catch {
    return false;
  }
}

// Compiles the checked binary: as it streams when the server labels it application/wasm, from its bytes when
// a server sends another type (the bytes matched their integrity, so they are the module all the same).
async function compileBinary(path) {
  const response = await fetchRetrying(path, { integrity: manifest.integrity[path], credentials: 'same-origin' });
  const streaming = /^application\/wasm\s*(;|$)/i.test(response.headers.get('content-type') ?? '')
    && typeof WebAssembly.compileStreaming === 'function';
  try {
    return await (streaming ? WebAssembly.compileStreaming(response) : WebAssembly.compile(await response.arrayBuffer()));
  } catch (error) {
    // The bytes are the ones the build made: a module they do not compile to is a feature this browser lacks.
    // (Or a host page whose Content-Security-Policy lacks 'wasm-unsafe-eval': the error's text says which.)
    throw new LoadFailure(`The calculator's program cannot run here: this browser lacks a feature it needs, or the page `
                          + `does not allow WebAssembly (${error.message}).`, 'browser');
  }
}

// Starts the module with a binary fetched here, so the manifest's integrity applies to it too; rejects with a
// LoadFailure when the download, the integrity check or the instantiation fails. The binary downloads and
// compiles while the glue module loads.
async function startModule({ glue, gluePath, binary }) {
  const compiled = compileBinary(binary);
  compiled.catch(() => {});  // a failure is reported by instantiateWasm below, not as an unhandled rejection
  let createAiexpModule;
  try {
    ({ default: createAiexpModule } = await bounded(glue(), gluePath));
  } catch (error) {
    throw error instanceof LoadFailure ? error : new LoadFailure(`${gluePath}: ${error.message}`, 'download');
  }
  return new Promise((resolve, reject) => {
    createAiexpModule({
      instantiateWasm(imports, receive) {
        compiled.then((module) => WebAssembly.instantiate(module, imports).then((instance) => receive(instance, module)))
          .catch(reject);
        return {};
      },
    }).then(resolve, reject);
  });
}

// The data files the document preloads (the bundle, the details, a role page's task statements; see
// assemble-site.mjs and pages.mjs), fetched now, beside the module, rather than when the calculator first asks:
// a slow module must not leave a preload unclaimed for seconds after the load event, which the browser reports
// as a wasted download. Each early result is handed out once; later asks fetch again.
function claimPreloads() {
  const early = new Map();
  const base = assetBase.href;
  for (const link of globalThis.document?.querySelectorAll('link[rel="preload"][as="fetch"]') ?? []) {
    const url = new URL(link.getAttribute('href'), globalThis.location?.href);
    if (!url.href.startsWith(base) || url.search || url.hash) continue;
    const path = url.href.slice(base.length);
    // The binary and the list of checksums have their own fetches (compileBinary, integrityOf).
    if (!path.startsWith('data/') || path === 'data/integrity.json' || early.has(path)) continue;
    early.set(path, fetchBytes(path));
  }
  return (path) => {
    const claimed = early.get(path);
    if (!claimed) return fetchBytes(path);
    early.delete(path);
    return claimed;
  };
}

async function open(build) {
  if (!webAssemblySupported()) {
    return { ok: false, code: 'data-unavailable', cause: 'browser',
             message: 'This browser cannot run the calculator: it does not support WebAssembly.' };
  }
  const fetchData = claimPreloads();
  const bundleDownload = fetchData('data/bundle.json');
  let module;
  try {
    module = await startModule(build);
  } catch (error) {
    if (error instanceof LoadFailure && error.cause === 'browser') return { ok: false, code: 'data-unavailable', cause: 'browser', message: error.message };
    const detail = error instanceof LoadFailure ? error.message : error?.message ?? String(error);
    return { ok: false, code: 'data-unavailable', cause: 'download',
             message: `The calculator's program could not be downloaded (${detail}).` };
  }
  const bundle = await bundleDownload;
  if (!bundle.ok) return { ...module.errorStatus('data-unavailable', bundle.detail), cause: 'download' };
  const engine = new module.Engine();
  const status = engine.loadBundle(bundle.bytes);
  if (!status.ok) {
    engine.delete();
    return { ...status, cause: 'data' };
  }
  return { ok: true, calculator: new Calculator(module, engine, { build: manifest.build, fetchBytes: fetchData, retryLaterMs: timing.retryLaterMs }) };
}
