// Who holds the exposed work, as bars of mean exposure on the 0 to 10 scale: women and men, full-time and part-time
// jobs, the 19 industries (most exposed first) and the ten pay groups (lowest paid first). Each bar says what its
// count is, and on the page opens its Source panel. Root: the breakdown's <figure> (#who-sex, #who-pattern,
// #who-industry, #who-pay, or a chart element's frame), holding its parts: title, caption, status, rows, note; the
// view makes the rows and any part the root lacks but needs.
import { NEEDS_BREAKDOWNS, bandOfMean, breakdownFigure, breakdownToDraw, rowsPart } from './breakdown-parts.js';
import { el, parts, reconcile, setAttr, setText } from './dom.js';

// A side of a split, a section or a tenth as a bar: its key, title, mean and the line under it.
const ROWS = {
  sex: (b) => b.sides.map((side) => ({
    key: side.group, title: side.title, row: side,
    detail: `${side.employeesText} employee jobs (estimated) · ${side.highShareText} in occupations at 6.0 or above · `
      + `${side.wageExposureText} wage exposure`,
  })),
  pattern: (b) => b.sides.map((side) => ({
    key: side.group, title: `${side.title} jobs`, row: side,
    detail: `${side.employeesText} employee jobs (estimated) · ${side.highShareText} in occupations at 6.0 or above`,
  })),
  // Most exposed first; sections without a mean last, in SIC order.
  industry: (b) => [...b.rows].sort((x, y) => (y.scored - x.scored) || (y.meanScore10 - x.meanScore10) || x.group.localeCompare(y.group))
    .map((row) => ({ key: row.group, title: row.title, code: row.group, row,
                     detail: `${row.employeesText} people · ${row.coveredText} of the industry` })),
  pay: (b) => b.rows.map((row) => ({
    key: row.group, title: row.title, row,
    detail: `${row.payRangeText} · ${row.employeesText} jobs · ${row.wageShareText} of wage exposure`,
  })),
};

// The line under the bars: where the shares come from (the splits), or what the groups hold.
const NOTES = {
  sex: (b) => `${b.levelsText} Bars: mean exposure on the 0 to 10 scale.`,
  pattern: (b) => `${b.levelsText} Bars: mean exposure on the 0 to 10 scale.`,
  industry: () => 'Industries are SIC 2007 sections; people are those in the occupations ONS publishes a figure for in each, '
    + 'and the share says how much of the industry that is. Bars: mean exposure on the 0 to 10 scale.',
  pay: (b) => `Each tenth: its occupations' range of median pay, their employee jobs and their share of the UK's wage exposure; `
    + `${b.unitGroups} occupations with published employees and median pay. Bars: mean exposure on the 0 to 10 scale.`,
};

/**
 * Draws the breakdown `kind` ('sex', 'pattern', 'industry' or 'pay') of `snapshot`. State: `sources` (each bar's
 * Source button: the page's, whose panels provenance-view.js draws), `breakdowns` and `ready` (breakdown-parts.js).
 * Returns NEEDS_BREAKDOWNS when it needs their data.
 */
export function renderBreakdownBars(root, snapshot, { kind, sources = true, breakdowns, ready = false }) {
  const doc = root.ownerDocument;
  const { result, current } = breakdownToDraw(root, snapshot, kind, { breakdowns, ready });
  if (!result) return current ? undefined : NEEDS_BREAKDOWNS;
  reconcile(rowsPart(root, 'bd-rows'), ROWS[kind](result), {
    key: (item) => item.key,
    create: (item) => createRow(doc, kind, item, sources),
    update: (node, item) => updateRow(node, item, snapshot),
  });
  const note = root.querySelector('[data-part="note"]');
  if (note) setText(note, NOTES[kind](result));
  return undefined;
}

function createRow(doc, kind, item, sources) {
  const figure = breakdownFigure(kind, item.key);
  return el(doc, 'li', { class: 'bd-row' },
    el(doc, 'span', { class: 'bd-row__title' }, item.code ? el(doc, 'span', { class: 'bd-row__code' }, `${item.code} `) : null,
       el(doc, 'span', { 'data-part': 'title' })),
    el(doc, 'svg:svg', { class: 'bd-row__bar', viewBox: '0 0 100 8', preserveAspectRatio: 'none', 'aria-hidden': 'true', focusable: 'false' },
       el(doc, 'svg:rect', { class: 'bd-row__track', x: 0, y: 0, width: 100, height: 8 }),
       el(doc, 'svg:rect', { class: 'bd-row__fill', 'data-part': 'fill', x: 0, y: 0, width: 0, height: 8 })),
    el(doc, 'strong', { class: 'bd-row__value', 'data-part': 'value' }),
    el(doc, 'span', { class: 'bd-row__detail', 'data-part': 'detail' }),
    sources ? el(doc, 'button', { type: 'button', class: 'source-button bd-row__source', popovertarget: `provenance-${figure}` },
                 'Source', el(doc, 'span', { class: 'visually-hidden', 'data-part': 'source-name' })) : null);
}

function updateRow(node, item, snapshot) {
  const { row } = item;
  const p = parts(node);
  setText(p.title, item.title);
  setText(p.value, row.meanScoreText);
  setText(p.detail, item.detail);
  if (p['source-name']) setText(p['source-name'], ` of ${item.title}`);
  const scored = row.scored ?? row.hasMean;
  setAttr(p.fill, 'width', scored ? (Math.min(10, Math.max(0, row.meanScore10)) * 10).toFixed(1) : '0');
  setAttr(p.fill, 'data-band', bandOfMean(snapshot, row.meanScoreText) || null);
  // The figures as numbers too, for a reader's tools and the tests.
  setAttr(node, 'data-mean', scored ? String(row.meanScore10) : '');
  setAttr(node, 'data-employees', String(row.employees));
}
