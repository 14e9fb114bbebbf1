// Who holds the exposed work by UK nation and ITL1 region of England: a tile per nation or region, placed roughly as
// on a map (a list in the source's order where the root is too narrow for the grid), each with its mean exposure,
// its people in employment and, on the page, its Source panel; the highest and lowest means are named. Root: the
// breakdown's <figure> (#who-region, or a chart element's frame) with its parts, as breakdown-bars-view.js.
import { NEEDS_BREAKDOWNS, bandOfMean, breakdownFigure, breakdownToDraw, rowsPart } from './breakdown-parts.js';
import { el, idPart, parts, reconcile, setAttr, setHidden, setText } from './dom.js';

/**
 * Draws the region breakdown of `snapshot`. State: `sources`, `breakdowns` and `ready`, as renderBreakdownBars.
 * Returns NEEDS_BREAKDOWNS when it needs their data.
 */
export function renderBreakdownTiles(root, snapshot, { sources = true, breakdowns, ready = false }) {
  const doc = root.ownerDocument;
  const { result, current } = breakdownToDraw(root, snapshot, 'region', { breakdowns, ready });
  if (!result) return current ? undefined : NEEDS_BREAKDOWNS;
  const scored = result.rows.filter((row) => row.scored);
  const highest = Math.max(...scored.map((row) => row.meanScore10));
  const lowest = Math.min(...scored.map((row) => row.meanScore10));
  reconcile(rowsPart(root, 'bd-tiles'), result.rows, {
    key: (row) => row.group,
    create: (row) => el(doc, 'li', { class: 'bd-tile', 'data-region': idPart(row.group) },
      el(doc, 'span', { class: 'bd-tile__name', 'data-part': 'name' }),
      el(doc, 'strong', { class: 'bd-tile__value', 'data-part': 'value' }),
      el(doc, 'span', { class: 'bd-tile__rank', 'data-part': 'rank' }),
      el(doc, 'span', { class: 'bd-tile__detail', 'data-part': 'detail' }),
      sources ? el(doc, 'button', { type: 'button', class: 'source-button bd-tile__source',
                                    popovertarget: `provenance-${breakdownFigure('region', row.group)}` },
                   'Source', el(doc, 'span', { class: 'visually-hidden', 'data-part': 'source-name' })) : null),
    update: (node, row) => {
      const p = parts(node);
      setText(p.name, row.title);
      setText(p.value, row.meanScoreText);
      const rank = !row.scored ? '' : row.meanScore10 === highest ? 'highest' : row.meanScore10 === lowest ? 'lowest' : '';
      setText(p.rank, rank);
      setHidden(p.rank, !rank);
      setText(p.detail, `${row.employeesText} people in employment`);
      if (p['source-name']) setText(p['source-name'], ` of ${row.title}`);
      setAttr(node, 'data-band', bandOfMean(snapshot, row.meanScoreText) || null);
      setAttr(node, 'data-mean', row.scored ? String(row.meanScore10) : '');
      setAttr(node, 'data-employees', String(row.employees));
    },
  });
  const note = root.querySelector('[data-part="note"]');
  if (note) {
    setText(note, `A minor group's score is the mean of its occupations, weighted by their 2025 employees; a nation's or region's, `
      + `the mean of its minor groups weighted by their people in employment there. ${result.scoredMinorGroups} minor groups are scored.`);
  }
  return undefined;
}
