// Types of the UK AI Exposure WebAssembly module (wasm/aiexp.js). Hand-written: the names and their order follow
// the registration table in wasm/bindings.cpp, so the two files read side by side. Every method returns plain
// objects (copies); only an Engine is a handle, freed with delete().

/** Stable error codes (core/include/aiexp/status.h). */
export type ErrorCode =
  | 'ok'
  | 'not-loaded'
  | 'bundle-parse'
  | 'bundle-schema'
  | 'bundle-version'
  | 'bundle-mismatch'
  | 'unknown-soc'
  | 'unknown-onet'
  | 'unknown-task'
  | 'invalid-label-value'
  | 'invalid-weight'
  | 'invalid-label'
  | 'invalid-option'
  | 'invalid-state'
  | 'data-unavailable'
  | 'measure-not-loaded'
  | 'breakdown-not-loaded';

/** Every result starts with these. Branch on `code`; `message` is for people. */
export interface Status {
  ok: boolean;
  code: ErrorCode;
  message: string;
}

export interface UnitGroupInfo {
  soc: string;
  title: string;
  majorGroup: number;
  hasEmployees: boolean;
  /** People (not thousands); 0 when not published. */
  employees: number;
  /** "60k", or why ASHE publishes no figure. */
  employeesText: string;
  hasMedianPay: boolean;
  medianPayGbp: number;
  medianPayText: string;
  /** How cleanly the modal bridge maps the group onto O*NET (BridgeQuality.grade). */
  bridgeGrade: BridgeGrade;
}

/**
 * Good: the modal ISCO-08 code carries >= 75% of the group's coded index entries and reaches 1-3 labelled O*NET
 * occupations. Weak: none reached, under 50%, or more than 10. Partial: the rest (data/COVERAGE.md).
 */
export type BridgeGrade = 'good' | 'partial' | 'weak';

export interface BridgeQuality {
  grade: BridgeGrade;
  hasIsco: boolean;
  /** The modal ISCO-08 code, "1330"; empty without one. */
  isco: string;
  iscoEntries: number;
  codedEntries: number;
  /** iscoEntries / codedEntries. */
  iscoShare: number;
  onetCount: number;
  taskCount: number;
  ratedCount: number;
  ratedShare: number;
  /** "Good: ISCO-08 1330 carries 93% of this group's coded index entries and reaches 1 O*NET occupation; …" */
  text: string;
}

export interface MajorGroup {
  code: number;
  title: string;
}

/** A label source, weighting and bridge: the choices the sensitivity band spans. */
export interface Combination {
  labels: 'gpt4' | 'human' | 'gpt4_alt';
  weights: 'core' | 'importance' | 'equal';
  bridge: 'modal' | 'blend';
}

/**
 * The headline over all 18 combinations of label source x weighting x bridge, at the current e1, e2 and task
 * changes, with the first combination (sources, then weightings, then bridges, in their listed order) giving
 * each end. Combinations that do not score the unit group are left out.
 */
export interface Sensitivity {
  scored: boolean;
  /** 0-10, unrounded. */
  min10: number;
  max10: number;
  /** "0.0–3.0" (displayed ends), or "—". */
  rangeText: string;
  /** "0.0 with GPT-4's labels (alternative rubric), core tasks weighted double and the modal bridge". */
  lowText: string;
  highText: string;
  atMin: Combination;
  atMax: Combination;
}

/** One row of the all-occupations table under the current assumptions. */
export interface Row {
  soc: string;
  scored: boolean;
  /** Headline 0-10, unrounded. */
  score10: number;
  scoreText: string;
  band: '' | 'Minimal' | 'Low' | 'Moderate' | 'High' | 'Very high';
  /** The band's stable key, what styles select by; "" when not scored. */
  bandKey: BandKey | '';
  hasWageExposure: boolean;
  wageExposureGbp: number;
  wageExposureText: string;
  rankPercent: number;
  /** Whether any of the 18 combinations of label source, weighting and bridge scores it. */
  rangeScored: boolean;
  /** The sensitivity band's ends as displayed (one decimal); 0 when not rangeScored. */
  rangeMin10: number;
  rangeMax10: number;
  /** "0.0–3.0", or "—". */
  rangeText: string;
  /** The other measures' scores as shown ("4.4", "—"), whichever measure is the headline (the page's build only). */
  ilo2025Text?: string;
  ilo2023Text?: string;
  microsoftText?: string;
}

/**
 * Every unit group's figures as numbers, in unitGroups() order: what a table sorts and a chart counts after
 * every change, without an object or a string per unit group. NaN where a unit group has no such figure.
 */
export interface FigureColumns {
  /** Headline 0-10, unrounded (Row.score10); NaN where not scored. */
  score10: Float64Array;
  /** Row.wageExposureGbp; NaN where there is no wage exposure. */
  wageExposureGbp: Float64Array;
  /** The sensitivity band's ends, 0-10, unrounded (Sensitivity.min10, max10); NaN where no combination scores. */
  rangeMin10: Float64Array;
  rangeMax10: Float64Array;
  /** The headline as displayed, one decimal (page build only): bands and thresholds go by it. */
  displayed10?: Float64Array;
  /** The band of each headline as an index into bands(), -1 where not scored (page build only). */
  band?: Int8Array;
  /** The other measures' scores, 0-10, unrounded; NaN where the measure does not score the unit group (the page's
   * build only). */
  ilo202510?: Float64Array;
  ilo202310?: Float64Array;
  microsoft10?: Float64Array;
}

export interface Totals {
  unitGroups: number;
  scored: number;
  /** N of the rank sentence. */
  rankSet: number;
  employees: number;
  employeesText: string;
  meanScore10: number;
  meanScoreText: string;
  wageExposureGbp: number;
  wageExposureText: string;
  wageExposureGroups: number;
  distributionText: string;
}

/** The totals of part of the UK: a major group, or the unit groups at or above a threshold (page build only). */
export interface PartTotals {
  /** The part's unit groups, scored or not. */
  unitGroups: number;
  scored: number;
  /** Employees in the part's scored unit groups whose employees ASHE publishes. */
  employees: number;
  employeesText: string;
  /** Employment-weighted mean headline (0-10) of those unit groups. */
  meanScore10: number;
  meanScoreText: string;
  wageExposureGbp: number;
  wageExposureText: string;
  wageExposureGroups: number;
  /** Employees x median pay over the unit groups the wage exposure covers. */
  payGbp: number;
  payText: string;
  /** The band of the mean as displayed; "" when no employee is scored. */
  bandKey: BandKey | '';
}

/** The totals of the unit groups at or above a threshold (page build only). */
export interface ThresholdTotals extends PartTotals {
  minScore10: number;
  /** 1 for each unit group these totals count, in unitGroups() order. */
  members: Uint8Array;
}

export interface MajorGroupSummary extends PartTotals {
  code: number;
  title: string;
}

export interface SearchResult {
  soc: string;
  title: string;
  /** The coding-index job title that matched; "" when the unit group's code or title did. */
  matchedTitle: string;
  qualifier: string;
}

export type Label = 'E0' | 'E1' | 'E2';

export interface TaskLine {
  /** 0 until the details part is loaded. */
  id: number;
  onet: string;
  /** "" until the task's text part is loaded. */
  text: string;
  label: Label;
  labelText: 'AI can do this' | 'AI can help' | 'Human work';
  sourceLabel: Label;
  labelOverridden: boolean;
  weight: number;
  weightOverridden: boolean;
  excluded: boolean;
  importanceKnown: boolean;
  importance: number;
  importanceText: string;
}

export interface StartLine {
  task: TaskLine;
  note: string;
}

export interface OnetLine {
  code: string;
  title: string;
  bridgeWeight: number;
  scored: boolean;
  score10: number;
  taskCount: number;
  ratedCount: number;
}

export interface IscoLine {
  code: string;
  title: string;
  entries: number;
  share: number;
  used: boolean;
  soc2010: string[];
  soc2018: string[];
  onets: string[];
}

/**
 * ONS's precision of an ASHE estimate (Table 14.7b): its coefficient of variation and ONS's reading of it
 * (CV <= 5% precise, <= 10% reasonably precise, <= 20% acceptable; above 20% ONS does not publish the estimate).
 */
export interface Precision {
  /** Percent; null when ONS gives no CV. */
  cvPct: number | null;
  quality: 'precise' | 'reasonably_precise' | 'acceptable' | 'unreliable' | '';
  /** A published estimate with a CV: value ± 1.96 × CV × value (employees to the thousand, pay to £100). */
  hasInterval: boolean;
  intervalLow: number;
  intervalHigh: number;
  /** "52k–68k", "£80,700–£99,400"; empty without an interval. */
  intervalText: string;
  /** "95% interval 52k–68k"; empty without an interval. */
  intervalLabel: string;
  /** "CV 7.1%: reasonably precise", or why there is no reading ("ONS gives no CV for this estimate"); may be empty. */
  readingText: string;
  /** readingText and intervalLabel in one sentence. */
  text: string;
}

/** Where a figure comes from (core/include/aiexp/provenance.h). */
export interface Provenance {
  /** "employees", "median_pay", "score", "direct", "with_tools", "wage_exposure", "rank"; for the UK totals
   * "total_employees", "total_mean_score", "total_wage_exposure". */
  figure: string;
  title: string;
  /** The figure as the page shows it, "£649m". */
  valueText: string;
  /** Each source as the pipeline recorded it (data/SOURCES.md) and what of it the figure uses. */
  sources: { id: string; text: string; row: string }[];
  /** The formula with this role's numbers: "60,000 × £90,081 × 0.12 = £648.6m: …". */
  formula: string;
  assumptions: string;
  /** Plain text, without the permalink and date, which the page adds. */
  citation: string;
}

/** A unit group's full view: its table entry's fields and everything the occupation view shows. */
export interface Report extends UnitGroupInfo {
  majorGroupTitle: string;
  description: string;
  bridgeQuality: BridgeQuality;
  /** bridgeQuality.text, for the view's field. */
  bridgeQualityText: string;
  employeesPrecision: Precision;
  medianPayPrecision: Precision;
  /** The Precision lines as flat fields, for the view's data-field slots. */
  employeesReadingText: string;
  employeesIntervalLabel: string;
  medianPayReadingText: string;
  medianPayIntervalLabel: string;
  scored: boolean;
  score10: number;
  direct10: number;
  withTools10: number;
  scoreText: string;
  directText: string;
  withToolsText: string;
  band: Row['band'];
  bandKey: Row['bandKey'];
  bandMeaning: string;
  bandAdvice: string;
  hasWageExposure: boolean;
  wageExposureGbp: number;
  wageExposureText: string;
  rankPercent: number;
  rankText: string;
  sensitivity: Sensitivity;
  /** sensitivity.rangeText, flat for the views' fields: "0.0–3.0"; "—" when not scored. */
  rangeText: string;
  canDo: number;
  canHelp: number;
  taskCount: number;
  ratedCount: number;
  canDoText: string;
  canDoShort: string;
  mappedViaText: string;
  ratedText: string;
  onets: OnetLine[];
  isco: IscoLine[];
  tasks: TaskLine[];
  whereToStart: StartLine[];
  /** The headline's measure and its title ("Eloundou et al. (2023)"). */
  measure: MeasureName;
  measureTitle: string;
}

/** A role under every measure side by side (Engine.measures). */
export interface MeasuresReport {
  /** Whether the other measures' values are in: they come with the details. */
  loaded: boolean;
  /** Every measure, Eloundou first. */
  lines: MeasureLine[];
  /** Whether the measures agree on this role, in a sentence; "" until the measures are loaded. */
  agreementText: string;
  /** The ISCO-08 code whose ILO tasks are this role's (its modal code), its title and ILO exposure category;
   * "" when the ILO index does not score it. */
  iloIsco: string;
  iloIscoTitle: string;
  iloGradientText: string;
}

export type MeasureName = 'eloundou' | 'ilo2025' | 'ilo2023' | 'microsoft';

/** One measure's figures for a role (SCORING.md section 7). */
export interface MeasureLine {
  measure: MeasureName;
  title: string;
  about: string;
  headline: boolean;
  scored: boolean;
  score10: number;
  scoreText: string;
  band: Row['band'] | '';
  bandKey: Row['bandKey'];
  rankPercent: number;
  rankSet: number;
  /** "higher than 80% of 369 UK occupations", or why the measure does not score the role. */
  rankText: string;
  wageExposureText: string;
}

/** One ILO task of an ISCO-08 occupation, its scores on the page's 0-10 scale and the models' reasons. */
export interface IloTask {
  id: number;
  text: string;
  score10: number;
  scoreText: string;
  score2023Text: string;
  gpt4oText: string;
  geminiText: string;
  reasonGpt4o: string;
  reasonGemini: string;
  /** Set after expert review rather than predicted. */
  reconciled: boolean;
}

/** The five breakdowns of who holds the exposed work (core/include/aiexp/breakdowns.h). */
export type BreakdownKind = 'sex' | 'pattern' | 'industry' | 'region' | 'pay';

/** Every breakdown starts with its status, its kind and a caption saying what its counts are, in plain words. */
export interface BreakdownHead extends Status {
  kind: BreakdownKind;
  /** Which figures are published and which are the calculator's estimates ("Employee jobs (ASHE 2025; …"). */
  caption: string;
}

/** One side of a split: women or men, full-time or part-time. */
export interface SplitSide {
  group: 'female' | 'male' | 'full_time' | 'part_time';
  /** "Women", "Men", "Full-time", "Part-time". */
  title: string;
  /** ASHE 2025 employee jobs apportioned by 2024 shares: an estimate, not a published count. */
  employees: number;
  /** Whether the side has employees, hence a mean. */
  hasMean: boolean;
  /** Employment-weighted mean headline, 0-10, unrounded. */
  meanScore10: number;
  /** Its employees in occupations whose headline as displayed is 6.0 or more, and their share. */
  highEmployees: number;
  highShare: number;
  /** Sex only: wage exposure from the side's own 2025 median, over the employees whose median ONS publishes. */
  hasWageExposure: boolean;
  wageExposureGbp: number;
  wageEmployees: number;
  wageGroups: number;
  /** "12.6m", "1.82", "8.4%", "£62.2bn" ("" without wage exposure). */
  employeesText: string;
  meanScoreText: string;
  highShareText: string;
  wageExposureText: string;
}

/** Engine.sexBreakdown and Engine.patternBreakdown. */
export interface SplitBreakdown extends BreakdownHead {
  /** [female, male] or [full_time, part_time]; absent when not ok. */
  sides?: [SplitSide, SplitSide];
  /** Occupations apportioned: scored, with published employees and a split. */
  unitGroups?: number;
  /** How many took their share from their own 2024 jobs, their minor, sub-major or major group's. */
  levels?: { unitGroup: number; minorGroup: number; subMajorGroup: number; majorGroup: number };
  levelsText?: string;
  /** Scored occupations with employees but no split at any level: left out. */
  unsplitGroups?: number;
  unsplitEmployees?: number;
}

/** One SIC 2007 section (A-S): APS 2024 people in employment, self-employed included (published counts). */
export interface IndustryRow {
  /** The section letter. */
  group: string;
  title: string;
  scored: boolean;
  /** People in the published cells of scored occupations: what the mean is over. */
  employees: number;
  meanScore10: number;
  cells: number;
  /** Of those cells, the ones ONS shades as small samples (use with caution). */
  smallSampleCells: number;
  smallSamplePeople: number;
  /** Published cells of occupations without a score, and cells ONS withholds: left out. */
  unscoredCells: number;
  unscoredPeople: number;
  withheldCells: number;
  /** The section's total row, and the share of it the mean covers. */
  totalPeople: number;
  coveredShare: number;
  employeesText: string;
  meanScoreText: string;
  coveredText: string;
  smallSampleText: string;
}

/** Engine.industryBreakdown: rows A to S, and their figures as columns in the same order (NaN: no mean). */
export interface IndustryBreakdown extends BreakdownHead {
  rows?: IndustryRow[];
  employees?: Float64Array;
  meanScore10?: Float64Array;
}

/** One of the 12 UK nations and ITL1 regions: APS 2024 people in employment by occupation minor group. */
export interface RegionRow {
  /** The name as the APS gives it, "Yorkshire and The Humber". */
  group: string;
  title: string;
  scored: boolean;
  /** People in the minor groups with a figure and a score. */
  employees: number;
  meanScore10: number;
  minorGroups: number;
  unscoredMinorGroups: number;
  unscoredPeople: number;
  missingMinorGroups: number;
  employeesText: string;
  meanScoreText: string;
}

/** Engine.regionBreakdown. */
export interface RegionBreakdown extends BreakdownHead {
  rows?: RegionRow[];
  employees?: Float64Array;
  meanScore10?: Float64Array;
  /** Minor groups with a score, and how many of them by the plain mean of their occupations (none has employees). */
  scoredMinorGroups?: number;
  plainMeanMinorGroups?: number;
}

/** One tenth of the ASHE 2025 employee jobs by median pay, lowest paid first. */
export interface PayRow {
  /** "1" to "10". */
  group: string;
  /** "Lowest-paid tenth", "2nd tenth", …, "Highest-paid tenth". */
  title: string;
  /** Whether the tenth holds any occupation. */
  scored: boolean;
  occupations: number;
  employees: number;
  meanScore10: number;
  /** The lowest and highest median pay of its occupations. */
  payLowGbp: number;
  payHighGbp: number;
  wageExposureGbp: number;
  /** Of the wage exposure of all ten tenths (the UK total's). */
  wageShare: number;
  employeesText: string;
  meanScoreText: string;
  payRangeText: string;
  wageShareText: string;
}

/** Engine.payBreakdown. */
export interface PayBreakdown extends BreakdownHead {
  rows?: PayRow[];
  employees?: Float64Array;
  meanScore10?: Float64Array;
  unitGroups?: number;
  totalEmployees?: number;
  wageExposureGbp?: number;
}

/** Engine.roleBreakdown: what a role's page says in one line about who does the work. */
export interface RoleBreakdown extends Status {
  soc?: string;
  /** Whether a level publishes both sides; the share is of the 2024 jobs at that level (0: the unit group's own, 1 its
   * minor, 2 sub-major, 3 major group's), whose code is sexCode ("213"). */
  hasSex?: boolean;
  sexLevel?: number;
  sexCode?: string;
  femaleShare?: number;
  /** As shown, rounded; men's is 100 minus it. */
  femalePercent?: number;
  /** The SIC 2007 section of its largest published APS 2024 cell, and that cell's people in employment. */
  hasIndustry?: boolean;
  industry?: string;
  industryTitle?: string;
  industryPeople?: number;
  industrySmallSample?: boolean;
  /** The section's mean (industryBreakdown), its rank among the sections with a mean (1: the highest) and their count. */
  industryMeanScore10?: number;
  industryRank?: number;
  industryCount?: number;
  industryMeanText?: string;
  /** The line, one sentence: "Women hold an estimated 31% of its employee jobs and men 69% (…); its largest industry, …". */
  text?: string;
}

export interface TaskOverride {
  id: number;
  label?: Label | null;
  /** 0 excludes the task. */
  weight?: number | null;
}

/** Every assumption a visitor can change; absent fields take the defaults. */
export interface Assumptions {
  labels: 'gpt4' | 'human' | 'gpt4_alt';
  e1: number;
  e2: number;
  weights: 'core' | 'importance' | 'equal';
  bridge: 'modal' | 'blend';
  wage: 'displayed' | 'exact';
  /** The headline's measure (the label values, source, weighting and task changes shape the Eloundou score only). */
  measure: MeasureName;
  overrides: TaskOverride[];
}

export interface DecodedState extends Status {
  soc: string;
  compare: string[];
  assumptions: Assumptions;
  /** One readable reason per link parameter that was refused. */
  rejected: string[];
  /** The same reasons, in the same order, with their kind (for grouping notices) and parameter. */
  rejections: Rejection[];
}

/** Why part of a link was not used (core/include/aiexp/grammar.h `RejectionKind`). */
export type RejectionKind =
  | 'too-long'
  | 'bad-escape'
  | 'unknown-parameter'
  | 'duplicate'
  | 'invalid-value'
  | 'unknown-code'
  | 'too-many';

export interface Rejection {
  kind: RejectionKind;
  /** The canonical name ("weights" for w=), the unknown name as given (made safe), or "" for the whole link. */
  parameter: string;
  reason: string;
}

/** One parameter of the shared grammar: a link parameter, a widget attribute, a CLI option (--name). */
export interface ParamSpec {
  name: string;
  /** The name encodeState writes. */
  linkName: string;
  /** Older names, accepted wherever the parameter is. */
  aliases: string[];
  doors: ('link' | 'widget' | 'cli')[];
  kind: 'soc' | 'soc-list' | 'choice' | 'number' | 'task-changes';
  choices: string[];
  /** Bounds of a number (e1, e2), or of a task weight (tasks); 0 otherwise. */
  min: number;
  max: number;
  /** The allowed values in words. */
  allowed: string;
}

export interface Grammar {
  params: ParamSpec[];
  maxCompared: number;
  maxOverrides: number;
  maxStateLength: number;
  maxTaskWeight: number;
}

/** A failed Status for a named code, with its message from the core ("data-unavailable" for downloads). */
export function errorStatus(code: ErrorCode, detail: string): Status;

/** The names, aliases and bounds shared by the links, the widget's attributes and ukexp's options. */
export function grammar(): Grammar;

/** The stable key of a band (core/include/aiexp/format.h band_key). */
export type BandKey = 'minimal' | 'low' | 'moderate' | 'high' | 'very_high';

/** One exposure band, as a legend shows it. */
export interface BandInfo {
  key: BandKey;
  /** "Very high" */
  name: string;
  /** "8 and over" */
  rangeText: string;
}

/** The five bands, lowest first (page build only). */
export function bands(): BandInfo[];

/** The key of the band of a score as displayed, 0-10 ("" for NaN; page build only). */
export function bandOf(score10Displayed: number): BandKey | '';

/** A data file as downloaded: its UTF-8 bytes (copied into the module at once; what the loader passes) or its text. */
export type DataFile = Uint8Array | string;

export interface Engine {
  /** Anything but a DataFile gives "invalid-option". */
  loadBundle(file: DataFile): Status;
  loadDetails(file: DataFile): Status;
  loadTextPart(file: DataFile): Status;
  loadTitles(file: DataFile): Status;
  hasDetails(): boolean;
  hasTitles(): boolean;
  setAssumptions(assumptions: Partial<Assumptions>): Status;
  assumptions(): Assumptions;
  defaultAssumptions(): Assumptions;
  unitGroups(): UnitGroupInfo[];
  majorGroups(): MajorGroup[];
  rows(): Row[];
  /**
   * The rows at these indices of unitGroups(), in their order. An element that is not a whole number in range
   * (a string, a BigInt, 1.5, -1) is skipped, and anything but an array gives [].
   */
  rowsAt(indices: number[]): Row[];
  figureColumns(): FigureColumns;
  totals(): Totals;
  report(soc: string): Status & { report?: Report };
  missingTextParts(soc: string): Status & { parts: string[] };
  search(query: string, limit: number): SearchResult[];
  encodeState(soc: string, compare: string[]): string;
  decodeState(query: string): DecodedState;
  // The page's build (aiexp-speed) only; the widget's (aiexp) leaves these out.
  tableCsv(socs: string[]): string;
  tasksCsv(soc: string): Status & { csv: string };
  /** The sources the bundle was built from, as data/SOURCES.md names them; empty before a bundle is loaded. */
  sources(): { id: string; path: string; title: string; publisher: string; version: string; licence: string }[];
  /** Where each figure of a role comes from, in the page's order; empty for an unknown role. */
  provenance(soc: string): Provenance[];
  /** Where the label and weight of the role's task `taskId` come from (figure "task"); null without that task. */
  taskProvenance(soc: string, taskId: number): Provenance | null;
  /** Where each UK total comes from; empty before a bundle is loaded. */
  totalsProvenance(): Provenance[];
  /** A role under every measure side by side. */
  measures(soc: string): Status & { measures?: MeasuresReport };
  /** Every measure's 0-10 score per unit group in bundle order; NaN where the measure does not score it. */
  measureColumns(): Record<MeasureName, Float64Array>;
  /** Spearman's rank agreement of `measure` with the Eloundou score over the unit groups both score. */
  agreement(measure: MeasureName): { pairs: number; rho: number; text: string };
  /** The ILO's tasks of one ISCO-08 code, from data/ilo/tasks-<code>.json (bytes or text). */
  iloTasks(part: Uint8Array | string): Status & { isco?: string; title?: string; tasks?: IloTask[] };
  /** The nine SOC 2020 major groups' totals under the applied assumptions, in code order. */
  majorGroupSummaries(): MajorGroupSummary[];
  /** The totals of the scored unit groups whose headline as displayed (one decimal) is at least `minScore10`. */
  totalsAtOrAbove(minScore10: number): ThresholdTotals;
  /** data/breakdowns.json of the same build (bytes or text): what the five breakdowns need. It needs only the
   * bundle, not the details; "bundle-mismatch" for another build's. */
  loadBreakdowns(file: DataFile): Status;
  hasBreakdowns(): boolean;
  /** Who holds the exposed work under the applied assumptions, one call per kind; "breakdown-not-loaded" before
   * loadBreakdowns. */
  sexBreakdown(): SplitBreakdown;
  patternBreakdown(): SplitBreakdown;
  industryBreakdown(): IndustryBreakdown;
  regionBreakdown(): RegionBreakdown;
  payBreakdown(): PayBreakdown;
  /** The line a role's page says about who does the work of `soc`; "breakdown-not-loaded" before loadBreakdowns. */
  roleBreakdown(soc: string): RoleBreakdown;
  /** One panel per group of a breakdown (figure "breakdown_<kind>"), in its order; empty for an unknown kind or
   * before loadBreakdowns. */
  breakdownProvenance(kind: BreakdownKind): Provenance[];
  /** The breakdown as CSV: group,employees,mean_score first, then the kind's columns (as `ukexp breakdown --csv`). */
  breakdownCsv(kind: BreakdownKind): Status & { csv: string };
  /** Frees the engine's memory in the module. */
  delete(): void;
}

export interface AiexpModule {
  errorStatus: typeof errorStatus;
  grammar: typeof grammar;
  /** Page build only. */
  bands?: typeof bands;
  bandOf?: typeof bandOf;
  Engine: { new (): Engine };
}

export interface ModuleOptions {
  /** The binary itself (node tests), instead of fetching it. */
  wasmBinary?: ArrayBuffer | Uint8Array;
  locateFile?: (path: string, prefix: string) => string;
  instantiateWasm?: (imports: WebAssembly.Imports,
                     receive: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void) => object;
  print?: (text: string) => void;
  printErr?: (text: string) => void;
  onAbort?: (reason: unknown) => void;
}

export default function createAiexpModule(options?: ModuleOptions): Promise<AiexpModule>;
