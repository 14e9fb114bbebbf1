// What the views of the breakdowns share (breakdown-bars-view.js, breakdown-tiles-view.js): their sources,
// the band of a mean as shown, and the rule for a breakdown whose data are not loaded.
// The data come in a file of their own (data/breakdowns.json), fetched when a view first needs them: until then a
// view keeps what the build drew under the default assumptions, and under other assumptions marks it as not theirs
// and returns NEEDS_BREAKDOWNS, which the page reads as "fetch the breakdowns" (app.js). Every figure and caption is
// the core's (wasm/aiexp.d.ts SplitBreakdown ... PayBreakdown).
import { CHART_TITLES } from './chart-titles.js';
import { el, idPart, setAttr, setDisabled, setHidden, setReady, setText } from './dom.js';

/**
 * The figure of one group's provenance panel: the core's figure of the breakdown ("breakdown_region") with the
 * group, so that each group's panel has an id of its own ("provenance-breakdown_region-east-midlands").
 */
export function breakdownFigure(kind, group) {
  return `breakdown_${kind}-${idPart(group)}`;
}

/** The data each breakdown reads beside the scores, as a chart's source line names them. */
export const BREAKDOWN_SOURCES = Object.freeze({
  sex: 'Shares of jobs by sex: ONS ASHE 2024, applied to ASHE 2025 employees (estimates).',
  pattern: 'Shares of full-time and part-time jobs: ONS ASHE 2024, applied to ASHE 2025 employees (estimates).',
  industry: 'People in employment by occupation and industry: ONS Annual Population Survey 2024.',
  region: 'People in employment by occupation minor group and region: ONS Annual Population Survey 2024.',
  pay: 'Employees and median pay: ONS ASHE 2025.',
});

/**
 * The credit of a measure's scores in a breakdown chart's source line: the card's line for the measure
 * (MEASURE_SOURCES) without its ONS part, as a breakdown names its own counts (BREAKDOWN_SOURCES), which are not all
 * employees.
 */
export function scoreCredit(measureSource) {
  return measureSource.replace(/;? ONS ASHE 2025\.( Employees only\.)?$/, '.');
}

/** What a view returns when it lacks the breakdowns' data: the page fetches them and draws again. */
export const NEEDS_BREAKDOWNS = Object.freeze({ needs: Object.freeze(['breakdowns']) });

/** The page's state of the breakdowns' data before any view asked for them. */
export const BREAKDOWNS_IDLE = Object.freeze({ status: 'idle', message: '' });

/** The key of the band of a mean as the core wrote it ("3.38"), for its colour; '' for a group without one. */
export function bandOfMean(snapshot, meanScoreText) {
  const value = Number(meanScoreText);
  return Number.isFinite(value) && snapshot.bandOf ? snapshot.bandOf(value) : '';
}

// What the status line says while the figures shown are not those of the assumptions in force.
function statusText(breakdowns) {
  if (breakdowns.status === 'failed') {
    return 'These figures are under the default assumptions, not those in force: the breakdowns\' data could not be '
      + `downloaded (${breakdowns.message}). Reload the page to try again.`;
  }
  return 'Loading the figures for the assumptions in force…';
}

/**
 * The breakdown `kind` of `snapshot` to draw into `root`, or null when its data are not loaded; the root's title and
 * caption parts, where it has them, are written either way (the caption is the core's). Then the root keeps
 * what it shows; `current` says whether that is of these assumptions (the build's figures are the defaults'), and
 * when it is not the root is marked (data-state "waiting" or "failed"), its status part says why, and its Source
 * buttons are disabled. `breakdowns`: the page's state of their data ({ status, message }); `ready`: the calculator
 * runs (the root's CSV and embed buttons work).
 */
export function breakdownToDraw(root, snapshot, kind, { breakdowns = BREAKDOWNS_IDLE, ready = false } = {}) {
  const result = snapshot.breakdown(kind);
  const title = root.querySelector('[data-part="title"]');
  if (title) setText(title, CHART_TITLES[kind]);
  const caption = root.querySelector('[data-part="caption"]');
  if (caption) setText(caption, result.caption);
  const current = result.ok || root.getAttribute('data-query') === snapshot.query;
  if (result.ok) setAttr(root, 'data-query', snapshot.query);
  setAttr(root, 'data-state', current ? 'ready' : breakdowns.status === 'failed' ? 'failed' : 'waiting');
  const status = root.querySelector('[data-part="status"]');
  if (status) {
    setText(status, current ? '' : statusText(breakdowns));
    setHidden(status, current);
  }
  for (const button of root.querySelectorAll('.source-button')) setDisabled(button, !current);
  for (const button of root.querySelectorAll('[data-breakdown-csv], [data-embed-chart]')) setReady(button, ready);
  return { result: result.ok ? result : null, current };
}

/** The root's list of groups (data-part="rows"), made before its note (or at its end) when it has none yet. */
export function rowsPart(root, className) {
  let list = root.querySelector('[data-part="rows"]');
  if (!list) {
    list = el(root.ownerDocument, 'ol', { class: className, 'data-part': 'rows' });
    const note = root.querySelector('[data-part="note"]');
    if (note) note.before(list);
    else root.append(list);
  }
  return list;
}
