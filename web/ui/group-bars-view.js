// The nine SOC 2020 major groups as bars of their employment-weighted mean exposure (the core's group totals), with
// their employees and wage exposure, most exposed first. Each group is a link to the table of all occupations;
// live, following it filters the table to that group.
import { bandOf } from './bands.js';
import { setAttr, setText, svgElement } from './dom.js';

const ROW = 40;
const TOP = 6;
export const GROUP_BARS_SIZE = { width: 480, height: TOP + 9 * ROW + 4 };
const BAR = { left: 8, width: 270 };  // 0-10 over this width; the value follows the bar, the figures are at the right

export class GroupBarsView {
  #svg;
  #rows = new Map();  // code -> { node, title, bar, value, detail }

  /** `onFilter(code)`: the visitor chose a group (live); `tableHref`: where a group's link points. */
  constructor(svg, { live, onFilter = () => {}, tableHref = '#occupations-table' }) {
    this.#svg = svg;
    for (const node of svg.querySelectorAll('a[data-major]')) this.#rows.set(Number(node.dataset.major), this.#partsOf(node));
    if (!this.#rows.size) {
      for (let code = 1; code <= 9; code++) {
        const node = svgElement('a', { href: tableHref, 'data-major': code, class: 'group-bar' });
        node.append(svgElement('rect', { class: 'group-bar__hit', x: 0, y: 0, width: GROUP_BARS_SIZE.width, height: ROW - 2 }),
                    svgElement('text', { class: 'group-bar__title', x: BAR.left, y: 13 }),
                    svgElement('rect', { class: 'group-bar__bar', x: BAR.left, y: 19, height: 12, width: 0 }),
                    svgElement('text', { class: 'group-bar__value', y: 30 }),
                    svgElement('text', { class: 'group-bar__detail', x: GROUP_BARS_SIZE.width - 4, y: 30, 'text-anchor': 'end' }));
        svg.append(node);
        this.#rows.set(code, this.#partsOf(node));
      }
    }
    if (!live) return;
    svg.addEventListener('click', (event) => {
      const link = event.target.closest?.('a[data-major]');
      if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      onFilter(link.dataset.major);
    });
  }

  #partsOf(node) {
    const [, title, bar, value, detail] = node.children;
    return { node, title, bar, value, detail };
  }

  /** Draws the groups (majorGroupSummaries()), sorted by their mean, highest first. */
  render(summaries) {
    const sorted = [...summaries].sort((a, b) => (b.scored ? b.meanScore10 : -1) - (a.scored ? a.meanScore10 : -1) || a.code - b.code);
    sorted.forEach((summary, position) => {
      const row = this.#rows.get(summary.code);
      if (!row) return;
      setAttr(row.node, 'transform', `translate(0 ${TOP + position * ROW})`);
      const width = summary.scored ? (Math.min(10, summary.meanScore10) / 10) * BAR.width : 0;
      setAttr(row.bar, 'width', width.toFixed(1));
      setAttr(row.bar, 'data-band', summary.scored ? bandOf(Number(summary.meanScoreText)) : '');
      setAttr(row.value, 'x', (BAR.left + width + 5).toFixed(1));
      setText(row.title, `${summary.code} ${summary.title}`);
      setText(row.value, summary.scored ? summary.meanScoreText : 'not scored');
      setText(row.detail, `${summary.employeesText} employees · ${summary.wageExposureText} exposed`);
      setAttr(row.node, 'data-mean', String(summary.meanScore10));
    });
  }
}
