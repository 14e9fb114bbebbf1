// The only module that touches the WebAssembly module. It loads the module and the compact bundle once for
// the page and every widget on it (one shared promise), fetches the other data parts when first needed, and
// checks every download against the integrity recorded in manifest.js. Asset URLs resolve against this file's
// own URL, so a widget on another origin finds them; setAssetBase() is the one override.
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
  return { ok: true, calculator: new Calculator(module, engine) };
}

/**
 * One calculator session over the shared module. Figures depend on the assumptions applied last, so every
 * consumer calls apply() with its own assumptions and reads the figures in the same task.
 */
class Calculator {
  #module;
  #engine;
  #applied = '';
  #downloads = new Map();  // path -> promise of a Status, so each part is fetched once

  constructor(module, engine) {
    this.#module = module;
    this.#engine = engine;
    this.#applied = JSON.stringify(engine.assumptions());
  }

  /** Data build id shared by every part. */
  get build() {
    return manifest.build;
  }

  /** The assumptions that reproduce the published pages. */
  defaults() {
    return this.#engine.defaultAssumptions();
  }

  /** Applies assumptions unless they are the ones applied last. Returns a Status; on error nothing changes. */
  apply(assumptions) {
    const key = JSON.stringify(assumptions);
    if (key === this.#applied) return { ok: true, code: 'ok', message: '' };
    const status = this.#engine.setAssumptions(assumptions);
    if (status.ok) this.#applied = key;
    return status;
  }

  assumptions() {
    return this.#engine.assumptions();
  }

  unitGroups() {
    this.unitGroupList ??= this.#engine.unitGroups();
    return this.unitGroupList;
  }

  majorGroups() {
    this.majorGroupList ??= this.#engine.majorGroups();
    return this.majorGroupList;
  }

  /** Every unit group's score and wage exposure as numbers, in unitGroups() order (FigureColumns). */
  figureColumns() {
    return this.#engine.figureColumns();
  }

  /** The rows, with their display strings, of the unit groups at these indices of unitGroups(). */
  rowsAt(indices) {
    return this.#engine.rowsAt(indices);
  }

  totals() {
    return this.#engine.totals();
  }

  /** { ok, code, message, report } for one SOC 2020 code under the applied assumptions. */
  report(soc) {
    return this.#engine.report(soc);
  }

  /** CSV of the listed unit groups (in that order) under the applied assumptions. */
  tableCsv(socs) {
    return this.#engine.tableCsv(socs);
  }

  /** { ok, code, message, csv }: one role's tasks as CSV. */
  tasksCsv(soc) {
    return this.#engine.tasksCsv(soc);
  }

  search(query, limit = 12) {
    return this.#engine.search(query, limit);
  }

  encodeState(soc, compare = []) {
    return this.#engine.encodeState(soc ?? '', compare);
  }

  decodeState(query) {
    return this.#engine.decodeState(query);
  }

  get hasDetails() {
    return this.#engine.hasDetails();
  }

  get hasTitles() {
    return this.#engine.hasTitles();
  }

  /** Task ids, titles, descriptions and the bridge details. Resolves to a Status. */
  ensureDetails() {
    if (this.#engine.hasDetails()) return Promise.resolve({ ok: true, code: 'ok', message: '' });
    return this.#download('data/details.json', (bytes) => this.#engine.loadDetails(bytes));
  }

  /** Whether every task statement a role's report needs, under the applied assumptions, is loaded. */
  hasText(soc) {
    const missing = this.#engine.missingTextParts(soc);
    return missing.ok && missing.parts.length === 0;
  }

  /** The task statements a role's report needs. Resolves to a Status. */
  async ensureText(soc) {
    const missing = this.#engine.missingTextParts(soc);
    if (!missing.ok) return missing;
    const statuses = await Promise.all(
      missing.parts.map((part) => this.#download(`data/text/${part}.json`, (bytes) => this.#engine.loadTextPart(bytes))));
    return statuses.find((status) => !status.ok) ?? { ok: true, code: 'ok', message: '' };
  }

  /** The ~32,000 job titles of the role search. Resolves to a Status. */
  ensureTitles() {
    if (this.#engine.hasTitles()) return Promise.resolve({ ok: true, code: 'ok', message: '' });
    return this.#download('data/titles.json', (bytes) => this.#engine.loadTitles(bytes));
  }

  #download(path, load) {
    let pending = this.#downloads.get(path);
    if (!pending) {
      pending = fetchBytes(path).then((result) => {
        const status = result.ok ? load(result.bytes) : this.#module.errorStatus('data-unavailable', result.detail);
        if (!status.ok) this.#downloads.delete(path);  // a later call may retry
        return status;
      });
      this.#downloads.set(path, pending);
    }
    return pending;
  }
}
