// One calculator session over a loaded WebAssembly module and engine: what the page, the widget and the site
// build (tools/site/core.mjs, in node) all compute through. It fetches the data parts through the function it
// is given, so the browser checks their integrity and the build reads them from disk.
/**
 * One calculator session over the shared module. Figures depend on the assumptions applied last, so every
 * consumer calls apply() with its own assumptions and reads the figures in the same task.
 */
export class Calculator {
  #module;
  #engine;
  #applied = '';
  #build;
  #fetchBytes;
  #downloads = new Map();  // path -> promise of a Status, so each part is fetched once
  #failures = new Map();   // path -> { status, until }: a part whose download failed, not asked for again until then
  #retryLaterMs;

  /**
   * `engine` has its bundle loaded; `fetchBytes(path)` resolves to { ok, bytes } or { ok: false, detail } for a
   * data file ("data/details.json"), checked (and retried) as the caller sees fit; `build` is the data build id;
   * a part whose download failed is not fetched again for `retryLaterMs` (renders ask for parts every time).
   */
  constructor(module, engine, { build, fetchBytes, retryLaterMs = 60000 }) {
    this.#module = module;
    this.#retryLaterMs = retryLaterMs;
    this.#engine = engine;
    this.#build = build;
    this.#fetchBytes = fetchBytes;
    this.#applied = JSON.stringify(engine.assumptions());
  }

  /** Data build id shared by every part. */
  get build() {
    return this.#build;
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

  /** { ok, code, message, measures }: one role under every measure side by side (MeasuresReport). */
  measures(soc) {
    return this.#engine.measures(soc);
  }

  /** Every measure's 0-10 score per unit group, in unitGroups() order (NaN where a measure does not score it). */
  measureColumns() {
    return this.#engine.measureColumns();
  }

  /** The nine SOC 2020 major groups' totals in code order (MajorGroupSummary[]; the page's build only). */
  majorGroupSummaries() {
    return this.#engine.majorGroupSummaries();
  }

  /** The totals of the unit groups whose displayed headline is at least `minScore10` (the page's build only). */
  totalsAtOrAbove(minScore10) {
    return this.#engine.totalsAtOrAbove(minScore10);
  }

  /** Spearman's rank agreement of a measure with the Eloundou score under the applied assumptions. */
  agreement(measure) {
    return this.#engine.agreement(measure);
  }

  /** The rows, with their display strings, of the unit groups at these indices of unitGroups(). */
  rowsAt(indices) {
    return this.#engine.rowsAt(indices);
  }

  totals() {
    return this.#engine.totals();
  }

  /** { ok, code, message, report } for one SOC 2020 code under the applied assumptions. */
  /** The sources the data bundle was built from. */
  sources() {
    return this.#engine.sources();
  }

  /** Where each figure of a role comes from (Provenance[]). */
  provenance(soc) {
    return this.#engine.provenance(soc);
  }

  /** Where the label and weight of one task of a role come from (Provenance, or null). */
  taskProvenance(soc, taskId) {
    return this.#engine.taskProvenance(soc, taskId);
  }

  /** Where each UK total comes from (Provenance[]). */
  totalsProvenance() {
    return this.#engine.totalsProvenance();
  }

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

  /**
   * Whether some task statement a role's report needs could not be downloaded (its part failed and is not being
   * fetched again yet): the view says the statement is unavailable rather than loading.
   */
  textUnavailable(soc) {
    const missing = this.#engine.missingTextParts(soc);
    return missing.ok && missing.parts.some((part) => this.#failedRecently(`data/text/${part}.json`));
  }

  /** Whether the details part (task ids, descriptions, the bridge) failed and is not being fetched again yet. */
  get detailsUnavailable() {
    return !this.#engine.hasDetails() && this.#failedRecently('data/details.json');
  }

  /** Whether the job-title index failed and is not being fetched again yet. */
  get titlesUnavailable() {
    return !this.#engine.hasTitles() && this.#failedRecently('data/titles.json');
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

  /**
   * The ILO's tasks of one ISCO-08 code with the models' reasons (data/ilo/tasks-<code>.json), downloaded when a
   * visitor opens them. Resolves to { ok, code, message, isco, title, tasks }.
   */
  iloTasks(isco) {
    if (!/^\d{4}$/.test(isco)) return Promise.resolve(this.#module.errorStatus('invalid-option', `ISCO-08 code ${isco}`));
    // A part that arrived stays in #downloads: asking again gives the same list without a request.
    return this.#download(`data/ilo/tasks-${isco}.json`, (bytes) => this.#engine.iloTasks(bytes));
  }

  #failedRecently(path) {
    const failure = this.#failures.get(path);
    return Boolean(failure) && Date.now() < failure.until;
  }

  // One download per part at a time. fetchBytes already retried it; a part that still failed resolves to the same
  // failed Status, without a new request, until retryLaterMs has passed: then the next call tries again.
  #download(path, load) {
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
