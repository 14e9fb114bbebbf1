// Every figure of the calculator under one set of assumptions, as an immutable value: what the views draw. A
// snapshot reads from the core only what a view asks of it, once (a section off screen asks nothing), and keeps
// it; asking again costs nothing. It never changes after it is made: the figures of other assumptions are
// another snapshot (Calculator.snapshot), so no view can see figures it did not ask for.
export class Snapshot {
  #read;
  #memo = new Map();

  /**
   * Made by Calculator.snapshot: `read(fn)` calls fn(engine) with the engine holding these `assumptions`; the
   * rest is the same under any assumptions.
   */
  constructor({ key, assumptions, build, units, majorGroups, bands, bandOf, measuresLoaded, read }) {
    this.key = key;
    /** The assumptions (frozen), in the core's Assumptions form. */
    this.assumptions = assumptions;
    /** Data build id. */
    this.build = build;
    /** UnitGroupInfo[] in code order: the index of every column and of rows(). */
    this.units = units;
    this.majorGroups = majorGroups;
    /** The five bands ({ key, name, rangeText }), or null in the widget's build. */
    this.bands = bands;
    /** The key of the band of a score as displayed (0-10), by the core's rule (page build). */
    this.bandOf = bandOf;
    /** Whether the other measures (which come with the details) are loaded. */
    this.measuresLoaded = measuresLoaded;
    this.#read = read;
    Object.freeze(this);
  }

  // The value of `name`, read once.
  #once(name, fn) {
    if (!this.#memo.has(name)) this.#memo.set(name, this.#read(fn));
    return this.#memo.get(name);
  }

  // The engine's `method` called with `args`, read once: most figures are one such call.
  #call(method, ...args) {
    return this.#once(`${method} ${args.join(' ')}`, (engine) => engine[method](...args));
  }

  /** Every unit group's figures as numbers (FigureColumns), in `units` order. */
  get columns() {
    return this.#call('figureColumns');
  }

  /** The UK totals (Totals). */
  get totals() {
    return this.#call('totals');
  }

  /** The nine major groups' totals in code order (MajorGroupSummary[]; page build). */
  get summaries() {
    return this.#call('majorGroupSummaries');
  }

  /** Every measure's 0-10 score per unit group (page build). */
  get measureColumns() {
    return this.#call('measureColumns');
  }

  /** The link query of these assumptions ("e2=0.5&w=equal"; "" for the defaults). */
  get query() {
    return this.#call('encodeState', '', []);
  }

  /** The link query of these assumptions with a role and the roles compared. */
  encode(soc, compare = []) {
    return this.#call('encodeState', soc ?? '', compare);
  }

  /** { ok, code, message, report } of one SOC 2020 code. */
  report(soc) {
    return this.#call('report', soc);
  }

  /** { ok, code, message, measures }: one role under every measure side by side (page build). */
  measures(soc) {
    return this.#call('measures', soc);
  }

  /** Spearman's rank agreement of a measure with the Eloundou score (page build). */
  agreement(measure) {
    return this.#call('agreement', measure);
  }

  /** The totals of the unit groups whose displayed headline is at least `minScore10`, with their `members`. */
  atOrAbove(minScore10) {
    return this.#call('totalsAtOrAbove', minScore10);
  }

  /** The table rows (Row, with display strings) of the unit groups at these indices of `units`. */
  rows(indices) {
    const missing = indices.filter((index) => !this.#memo.has(`row ${index}`));
    if (missing.length) {
      const rows = this.#read((engine) => engine.rowsAt(missing));
      missing.forEach((index, i) => this.#memo.set(`row ${index}`, rows[i]));
    }
    return indices.map((index) => this.#memo.get(`row ${index}`));
  }

  /** Where each figure of a role comes from (Provenance[]; page build). */
  provenance(soc) {
    return this.#call('provenance', soc);
  }

  /** Where each UK total comes from (Provenance[]; page build). */
  get totalsProvenance() {
    return this.#call('totalsProvenance');
  }

  /** Where the label and weight of one task of a role come from (Provenance, or null; page build). */
  taskProvenance(soc, taskId) {
    return this.#call('taskProvenance', soc, taskId);
  }

  /**
   * Who holds the exposed work: the breakdown `kind` ('sex', 'pattern', 'industry', 'region' or 'pay': SplitBreakdown,
   * IndustryBreakdown, RegionBreakdown or PayBreakdown; page build), { ok: false, code: 'breakdown-not-loaded',
   * caption } until its data are loaded (Calculator.ensureBreakdowns).
   */
  breakdown(kind) {
    return this.#call(`${kind}Breakdown`);
  }

  /** Where each group of a breakdown comes from (Provenance[], one per group in its order; empty until loaded). */
  breakdownProvenance(kind) {
    return this.#call('breakdownProvenance', kind);
  }

  /** { ok, code, message, csv }: one breakdown as CSV (as `ukexp breakdown <kind> --csv` writes it). */
  breakdownCsv(kind) {
    return this.#read((engine) => engine.breakdownCsv(kind));
  }

  /** The line a role's page says about who does its work (RoleBreakdown; page build). */
  roleBreakdown(soc) {
    return this.#call('roleBreakdown', soc);
  }

  /** CSV of the listed unit groups, in that order (page build). */
  tableCsv(socs) {
    return this.#read((engine) => engine.tableCsv(socs));
  }

  /** { ok, code, message, csv }: one role's tasks as CSV (page build). */
  tasksCsv(soc) {
    return this.#read((engine) => engine.tasksCsv(soc));
  }

  /** { ok, parts }: the task-text parts a role's report needs and the calculator lacks. */
  missingTextParts(soc) {
    return this.#read((engine) => engine.missingTextParts(soc));
  }
}
