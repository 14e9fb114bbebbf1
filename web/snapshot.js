// Every figure of the calculator under one set of assumptions, as an immutable value: what the views draw. A
// snapshot reads from the core only what a view asks of it, once (a section off screen asks nothing), and keeps
// it; asking again costs nothing. It never changes after it is made: the figures of other assumptions are
// another snapshot (Calculator.snapshot), so no view can see figures it did not ask for.
/** The breakdowns of who holds the exposed work, in the order the page shows them. */
export const BREAKDOWN_KINDS = Object.freeze(['sex', 'pattern', 'industry', 'region', 'pay']);

export class Snapshot {
  #read;
  #memo = new Map();

  /**
   * Made by Calculator.snapshot: `read(fn)` calls fn(engine) with the engine holding these `assumptions`; the
   * rest is the same under any assumptions.
   */
  constructor({ key, assumptions, build, units, majorGroups, bands, bandOf, measuresLoaded, breakdownsLoaded = false, read }) {
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
    /** Whether the breakdowns' data are loaded: without them breakdown() and roleBreakdown() say breakdown-not-loaded. */
    this.breakdownsLoaded = breakdownsLoaded;
    this.#read = read;
    Object.freeze(this);
  }

  // The value of `name`, read once.
  #once(name, fn) {
    if (!this.#memo.has(name)) this.#memo.set(name, this.#read(fn));
    return this.#memo.get(name);
  }

  /** Every unit group's figures as numbers (FigureColumns), in `units` order. */
  get columns() {
    return this.#once('columns', (engine) => engine.figureColumns());
  }

  /** The UK totals (Totals). */
  get totals() {
    return this.#once('totals', (engine) => engine.totals());
  }

  /** The nine major groups' totals in code order (MajorGroupSummary[]; page build). */
  get summaries() {
    return this.#once('summaries', (engine) => engine.majorGroupSummaries());
  }

  /** Every measure's 0-10 score per unit group (page build). */
  get measureColumns() {
    return this.#once('measureColumns', (engine) => engine.measureColumns());
  }

  /** The link query of these assumptions ("e2=0.5&w=equal"; "" for the defaults). */
  get query() {
    return this.#once('query', (engine) => engine.encodeState('', []));
  }

  /** The link query of these assumptions with a role and the roles compared. */
  encode(soc, compare = []) {
    return this.#once(`encode ${soc} ${compare.join(',')}`, (engine) => engine.encodeState(soc ?? '', compare));
  }

  /** { ok, code, message, report } of one SOC 2020 code. */
  report(soc) {
    return this.#once(`report ${soc}`, (engine) => engine.report(soc));
  }

  /** { ok, code, message, measures }: one role under every measure side by side (page build). */
  measures(soc) {
    return this.#once(`measures ${soc}`, (engine) => engine.measures(soc));
  }

  /** Spearman's rank agreement of a measure with the Eloundou score (page build). */
  agreement(measure) {
    return this.#once(`agreement ${measure}`, (engine) => engine.agreement(measure));
  }

  /** The totals of the unit groups whose displayed headline is at least `minScore10`, with their `members`. */
  atOrAbove(minScore10) {
    return this.#once(`atOrAbove ${minScore10}`, (engine) => engine.totalsAtOrAbove(minScore10));
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
    return this.#once(`provenance ${soc}`, (engine) => engine.provenance(soc));
  }

  /** Where each UK total comes from (Provenance[]; page build). */
  get totalsProvenance() {
    return this.#once('totalsProvenance', (engine) => engine.totalsProvenance());
  }

  /** Where the label and weight of one task of a role come from (Provenance, or null; page build). */
  taskProvenance(soc, taskId) {
    return this.#once(`taskProvenance ${soc} ${taskId}`, (engine) => engine.taskProvenance(soc, taskId));
  }

  /**
   * Who holds the exposed work, one breakdown of BREAKDOWN_KINDS (SplitBreakdown, IndustryBreakdown, RegionBreakdown or
   * PayBreakdown; page build): { ok: false, code: 'breakdown-not-loaded', caption } until its data are loaded.
   */
  breakdown(kind) {
    if (!BREAKDOWN_KINDS.includes(kind)) throw new Error(`unknown breakdown ${kind}`);
    return this.#once(`breakdown ${kind}`, (engine) => engine[`${kind}Breakdown`]());
  }

  /** Where each group of a breakdown comes from (Provenance[], one per group in its order; empty until loaded). */
  breakdownProvenance(kind) {
    if (!BREAKDOWN_KINDS.includes(kind)) throw new Error(`unknown breakdown ${kind}`);
    return this.#once(`breakdownProvenance ${kind}`, (engine) => engine.breakdownProvenance(kind));
  }

  /** { ok, code, message, csv }: one breakdown as CSV (as `ukexp breakdown <kind> --csv` writes it). */
  breakdownCsv(kind) {
    return this.#read((engine) => engine.breakdownCsv(kind));
  }

  /** The line a role's page says about who does its work (RoleBreakdown; page build). */
  roleBreakdown(soc) {
    return this.#once(`roleBreakdown ${soc}`, (engine) => engine.roleBreakdown(soc));
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
