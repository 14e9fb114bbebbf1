// The nine SOC 2020 major groups as bars of their employment-weighted mean exposure (the core's group totals), with
// their employees and wage exposure, most exposed first. Each group is a link to the table of all occupations;
// live, following it filters the table to that group (wireGroupBars). Root: the chart's <svg>.
import { el, setAttr, setText } from './dom.js';

const ROW = 40;
const TOP = 6;
export const GROUP_BARS_SIZE = { width: 480, height: TOP + 9 * ROW + 4 };
const BAR = { left: 8, width: 270 };  // 0-10 over this width; the value follows the bar, the figures are at the right

/** Draws the major groups of `snapshot`, sorted by their mean, highest first; `tableHref`: where a group links. */
export function renderGroupBars(svg, snapshot, { tableHref = '#occupations-table' } = {}) {
  const doc = svg.ownerDocument;
  const summaries = snapshot.summaries;
  const sorted = [...summaries].sort((a, b) => (b.scored ? b.meanScore10 : -1) - (a.scored ? a.meanScore10 : -1) || a.code - b.code);
  sorted.forEach((summary, position) => {
    let node = svg.querySelector(`a[data-major="${summary.code}"]`);
    if (!node) {
      node = el(doc, 'svg:a', { href: tableHref, 'data-major': summary.code, class: 'group-bar' },
        el(doc, 'svg:rect', { class: 'group-bar__hit', x: 0, y: 0, width: GROUP_BARS_SIZE.width, height: ROW - 2 }),
        el(doc, 'svg:text', { class: 'group-bar__title', x: BAR.left, y: 13 }),
        el(doc, 'svg:rect', { class: 'group-bar__bar', x: BAR.left, y: 19, height: 12, width: 0 }),
        el(doc, 'svg:text', { class: 'group-bar__value', y: 30 }),
        el(doc, 'svg:text', { class: 'group-bar__detail', x: GROUP_BARS_SIZE.width - 4, y: 30, 'text-anchor': 'end' }));
      svg.append(node);
    }
    const [, title, bar, value, detail] = node.children;
    setAttr(node, 'transform', `translate(0 ${TOP + position * ROW})`);
    const width = summary.scored ? (Math.min(10, summary.meanScore10) / 10) * BAR.width : 0;
    setAttr(bar, 'width', width.toFixed(1));
    setAttr(bar, 'data-band', summary.bandKey);
    setAttr(value, 'x', (BAR.left + width + 5).toFixed(1));
    setText(title, `${summary.code} ${summary.title}`);
    setText(value, summary.scored ? summary.meanScoreText : 'not scored');
    setText(detail, `${summary.employeesText} employees · ${summary.wageExposureText} exposed`);
    setAttr(node, 'data-mean', String(summary.meanScore10));
  });
}

/** Wires the bars: a plain click on a group calls `filter(code)` instead of following its link. */
export function wireGroupBars(svg, { filter }) {
  svg.addEventListener('click', (event) => {
    const link = event.target.closest?.('a[data-major]');
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    filter(link.dataset.major);
  });
}
