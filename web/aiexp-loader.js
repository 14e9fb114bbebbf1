// The only module that touches the WebAssembly module. It loads the module and the compact bundle once for
// the page and every widget on it (one shared promise), fetches the other data parts when first needed, and
// checks every download against the integrity recorded in manifest.js. Asset URLs resolve against this file's
// own URL, so a widget on another origin finds them; setAssetBase() is the one override.
import { Calculator } from './calculator.js';
import manifest from './manifest.js';

// Two builds of the same module and core: "size" (-Oz), what a widget downloads, and "speed" (-O3), the page's,
// which recomputes and re-renders on every slider move. The glue is imported only for the build used.
const BUILDS = {
  size: { glue: () => import('./wasm/aiexp.js'), binary: 'wasm/aiexp.wasm' },
  speed: { glue: () => import('./wasm/aiexp-speed.js'), binary: 'wasm/aiexp-speed.wasm' },
};

let assetBase = new URL('./', import.meta.url);
let calculatorPromise = null;

// Said only when the WebAssembly module itself cannot start, so no message from the core is available.
const MODULE_FAILED = {
  ok: false,
  code: 'data-unavailable',
  message: 'The calculator could not be started in this browser.',
};

/** Serves assets from another folder or origin. Call before the first loadCalculator(). */
export function setAssetBase(url) {
  if (calculatorPromise) throw new Error('setAssetBase must be called before loadCalculator');
  assetBase = new URL(url, globalThis.location?.href);
}

/** Absolute URL of a site file ("data/bundle.json", "index.html"). */
export function assetUrl(path) {
  return new URL(path, assetBase).href;
}

/**
 * The shared Calculator: resolves to { ok: true, calculator } or { ok: false, code, message }. `build` is "size"
 * (the default) or "speed"; the first call on a page decides, later calls share its calculator.
 */
export function loadCalculator({ build = 'size' } = {}) {
  if (!Object.hasOwn(BUILDS, build)) throw new Error(`unknown module build ${build}`);
  calculatorPromise ??= open(BUILDS[build]);
  return calculatorPromise;
}

// manifest.js pins the files a widget needs and data/integrity.json, which pins the rest (fetched when the
// first of those is needed, so widgets never download it).
let pagePins = null;

async function integrityOf(path) {
  if (manifest.integrity[path]) return manifest.integrity[path];
  pagePins ??= fetch(assetUrl('data/integrity.json'), { integrity: manifest.integrity['data/integrity.json'] })
    .then((response) => (response.ok ? response.json() : { integrity: {} }))
    .catch(() => {
      pagePins = null;
      return { integrity: {} };
    });
  return (await pagePins).integrity[path];
}

async function fetchChecked(path) {
  // A file with no recorded integrity is refused rather than fetched unchecked.
  const integrity = await integrityOf(path);
  if (!integrity) throw new Error(`no integrity recorded for ${path}`);
  return fetch(assetUrl(path), { integrity, credentials: 'same-origin' });
}

// The file's bytes, which the module copies in at once (a string would be copied character by character).
async function fetchBytes(path) {
  try {
    const response = await fetchChecked(path);
    if (!response.ok) return { ok: false, detail: `${path}: HTTP ${response.status}` };
    return { ok: true, bytes: new Uint8Array(await response.arrayBuffer()) };
  } catch (error) {
    return { ok: false, detail: `${path}: ${error.message}` };
  }
}

// Starts the module with a binary fetched here, so the manifest's integrity applies to it too; rejects when
// the download, the integrity check or the instantiation fails. The binary downloads and compiles (off the
// main thread, as it streams in) while the glue module loads.
async function startModule({ glue, binary }) {
  const compiled = WebAssembly.compileStreaming(fetchChecked(binary));
  compiled.catch(() => {});  // a failure is reported by instantiateWasm below, not as an unhandled rejection
  const { default: createAiexpModule } = await glue();
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

async function open(build) {
  const bundleDownload = fetchBytes('data/bundle.json');
  let module;
  try {
    module = await startModule(build);
  } catch {
    return MODULE_FAILED;
  }
  const bundle = await bundleDownload;
  if (!bundle.ok) return module.errorStatus('data-unavailable', bundle.detail);
  const engine = new module.Engine();
  const status = engine.loadBundle(bundle.bytes);
  if (!status.ok) {
    engine.delete();
    return status;
  }
  return { ok: true, calculator: new Calculator(module, engine, { build: manifest.build, fetchBytes }) };
}
