// One calculator session over a loaded WebAssembly module and engine: what the page, the widget and the site
// build (tools/site/core.mjs, in node) all compute through. A set of assumptions gives a Snapshot, an immutable
// view of every figure under them (snapshot.js); the engine behind it is a cache no caller sees. The data parts
// (details, task text, job titles, the ILO's tasks, the breakdowns) are fetched through the function the calculator is given,
// so the browser checks their integrity and the build reads them from disk.
import { Snapshot } from './snapshot.js';

// Snapshots kept per calculator: the current one, the last few a slider passed through, and the defaults.
const SNAPSHOT_CACHE = 8;

const OK = Object.freeze({ ok: true, code: 'ok', message: '' });

export class Calculator {
  #module;
  #engine;
  #applied = '';        // the key of the assumptions the engine holds: the cache's state, never the caller's
  #build;
  #fetchBytes;
  #downloads = new Map();  // path -> promise of a Status, so each part is fetched once
  #failures = new Map();   // path -> { status, until }: a part whose download failed, not asked for again until then
  #retryLaterMs;
  #generation = 0;         // data parts loaded so far: a snapshot made before a part arrived is not current
  #snapshots = new Map();  // key -> Snapshot, oldest first
  #defaults;
  #unitGroups = null;
  #majorGroups = null;
  #bands = null;
  #grammar = null;

  /**
   * `engine` has its bundle loaded; `fetchBytes(path)` resolves to { ok, bytes } or { ok: false, detail } for a
   * data file ("data/details.json"), checked (and retried) as the caller sees fit; `build` is the data build id;
   * a part whose download failed is not fetched again for `retryLaterMs`.
   */
  constructor(module, engine, { build, fetchBytes, retryLaterMs = 60000 }) {
    this.#module = module;
    this.#retryLaterMs = retryLaterMs;
    this.#engine = engine;
    this.#build = build;
    this.#fetchBytes = fetchBytes;
    this.#defaults = deepFreeze(engine.defaultAssumptions());
    this.#applied = JSON.stringify(engine.assumptions());
  }

  /** Data build id shared by every part. */
  get build() {
    return this.#build;
  }

  /** The assumptions that reproduce the published pages (frozen). */
  defaults() {
    return this.#defaults;
  }

  /** The unit groups in code order (UnitGroupInfo[]): the same under any assumptions. */
  unitGroups() {
    this.#unitGroups ??= deepFreeze(this.#engine.unitGroups());
    return this.#unitGroups;
  }

  /** The nine SOC 2020 major groups (MajorGroup[]). */
  majorGroups() {
    this.#majorGroups ??= deepFreeze(this.#engine.majorGroups());
    return this.#majorGroups;
  }

  /** The core's grammar of links and attributes (Grammar: names, bounds, maxCompared, ...). */
  grammar() {
    this.#grammar ??= deepFreeze(this.#module.grammar());
    return this.#grammar;
  }

  /** The five bands, lowest first ({ key, name, rangeText }[]); null in the widget's build, which has no charts. */
  bands() {
    this.#bands ??= this.#module.bands ? deepFreeze(this.#module.bands()) : null;
    return this.#bands;
  }

  /** The key of the band of a score as displayed ("" for NaN; page build only). */
  bandOf(displayed10) {
    return this.#module.bandOf(displayed10);
  }

  /**
   * The Snapshot of `assumptions`: { ok: true, snapshot }, or a failed Status when the core refuses them (nothing
   * changes). Asking twice for the same assumptions gives the same snapshot, until a data part arrives.
   */
  snapshot(assumptions) {
    const key = `${this.#generation} ${JSON.stringify(assumptions)}`;
    const cached = this.#snapshots.get(key);
    if (cached) {
      this.#snapshots.delete(key);  // most recently used last
      this.#snapshots.set(key, cached);
      return { ok: true, snapshot: cached };
    }
    const status = this.#apply(assumptions);
    if (!status.ok) return status;
    const frozen = deepFreeze(structuredClone(assumptions));
    const snapshot = new Snapshot({
      key, assumptions: frozen, build: this.#build, units: this.unitGroups(), majorGroups: this.majorGroups(),
      bands: this.bands(), bandOf: (displayed10) => this.bandOf(displayed10), measuresLoaded: this.#engine.hasDetails(),
      // Every figure a snapshot reads is read with the engine holding its assumptions.
      read: (fn) => {
        const applied = this.#apply(frozen);
        if (!applied.ok) throw new Error(`assumptions accepted once were refused: ${applied.message}`);
        return fn(this.#engine);
      },
    });
    this.#snapshots.set(key, snapshot);
    if (this.#snapshots.size > SNAPSHOT_CACHE) this.#snapshots.delete(this.#snapshots.keys().next().value);
    return { ok: true, snapshot };
  }

  #apply(assumptions) {
    const key = JSON.stringify(assumptions);
    if (key === this.#applied) return OK;
    const status = this.#engine.setAssumptions(assumptions);
    this.#applied = status.ok ? key : JSON.stringify(this.#engine.assumptions());
    return status;
  }

  // A data part arrived: figures and texts read from now on may differ, so later snapshots are new ones.
  #partLoaded() {
    this.#generation += 1;
    this.#snapshots.clear();
  }

  search(query, limit = 12) {
    return this.#engine.search(query, limit);
  }

  /** { ok, soc, compare, assumptions, rejected, rejections } of a link's query (the assumptions in force do not matter). */
  decodeState(query) {
    return this.#engine.decodeState(query);
  }

  /** The sources the data bundle was built from (page build). */
  sources() {
    return this.#engine.sources();
  }

  get hasDetails() {
    return this.#engine.hasDetails();
  }

  get hasTitles() {
    return this.#engine.hasTitles();
  }

  /** Task ids, titles, descriptions, the bridge details and the other measures. Resolves to a Status. */
  ensureDetails() {
    if (this.#engine.hasDetails()) return Promise.resolve(OK);
    return this.#download('data/details.json', (bytes) => this.#engine.loadDetails(bytes));
  }

  /** The task statements a role's report needs under `snapshot`'s assumptions. Resolves to a Status. */
  async ensureText(snapshot, soc) {
    const missing = snapshot.missingTextParts(soc);
    if (!missing.ok) return missing;
    const statuses = await Promise.all(missing.parts.map((name) => this.#download(`data/text/${name}.json`,
      (bytes) => this.#engine.loadTextPart(bytes))));
    return statuses.find((status) => !status.ok) ?? OK;
  }

  /**
   * The breakdowns by sex, working pattern, industry, region and pay (data/breakdowns.json; the page's build of the
   * module only), fetched when a view first needs them. Resolves to a Status; from then on snapshots have them.
   */
  ensureBreakdowns() {
    if (this.#engine.hasBreakdowns()) return Promise.resolve(OK);
    return this.#download('data/breakdowns.json', (bytes) => this.#engine.loadBreakdowns(bytes));
  }

  /** The ~32,000 job titles of the role search. Resolves to a Status (they change no figure). */
  ensureTitles() {
    if (this.#engine.hasTitles()) return Promise.resolve(OK);
    return this.#download('data/titles.json', (bytes) => this.#engine.loadTitles(bytes), { changesFigures: false });
  }

  /**
   * The ILO's tasks of one ISCO-08 code with the models' reasons (data/ilo/tasks-<code>.json), downloaded when a
   * visitor opens them. Resolves to { ok, code, message, isco, title, tasks }.
   */
  iloTasks(isco) {
    if (!/^\d{4}$/.test(isco)) return Promise.resolve(this.#module.errorStatus('invalid-option', `ISCO-08 code ${isco}`));
    // A part that arrived stays in #downloads: asking again gives the same list without a request.
    return this.#download(`data/ilo/tasks-${isco}.json`, (bytes) => this.#engine.iloTasks(bytes), { changesFigures: false });
  }

  // One download per part at a time. fetchBytes already retried it; a part that still failed resolves to the same
  // failed Status (marked `cached`), without a new request, until retryLaterMs has passed.
  #download(path, load, { changesFigures = true } = {}) {
    const failure = this.#failures.get(path);
    if (failure && Date.now() < failure.until) return Promise.resolve({ ...failure.status, cached: true });
    let pending = this.#downloads.get(path);
    if (!pending) {
      pending = this.#fetchBytes(path).then((result) => {
        // A failed download keeps its detail (the file and what went wrong) beside the core's message.
        const status = result.ok ? load(result.bytes)
                                 : { ...this.#module.errorStatus('data-unavailable', result.detail), detail: result.detail };
        if (status.ok) {
          this.#failures.delete(path);
          if (changesFigures) this.#partLoaded();
        } else {
          this.#downloads.delete(path);
          this.#failures.set(path, { status, until: Date.now() + this.#retryLaterMs });
        }
        return status;
      });
      this.#downloads.set(path, pending);
    }
    return pending;
  }
}

/** `value` with every object and array in it frozen. */
export function deepFreeze(value) {
  if (value && typeof value === 'object' && !Object.isFrozen(value) && !ArrayBuffer.isView(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}
