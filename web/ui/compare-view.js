// Side by side: up to three occupations under the current assumptions, one column each.
import { element, setText } from './dom.js';

export const MAX_COMPARED = 3;

const ROWS = [
  ['Employees (UK)', 'employeesText'],
  ['Median annual pay', 'medianPayText'],
  ['Exposure score', (r) => (r.scored ? `${r.scoreText}/10 ${r.band}` : r.scoreText)],
  ['Direct', 'directText'],
  ['With tools', 'withToolsText'],
  ['Wage exposure', 'wageExposureText'],
  ['Rank', 'rankText'],
  ['Tasks AI can do today', 'canDoShort'],
];

export class CompareView {
  #section;
  #head;
  #body;
  #onRemove;
  #onOpen;

  constructor(onRemove, onOpen) {
    this.#section = element('#compare');
    this.#head = element('#compare-head');
    this.#body = element('#compare-body');
    this.#onRemove = onRemove;
    this.#onOpen = onOpen;
  }

  render(reports) {
    this.#section.hidden = reports.length === 0;
    if (!reports.length) return;
    const corner = document.createElement('td');
    const headers = reports.map((report) => {
      const cell = document.createElement('th');
      cell.scope = 'col';
      const open = document.createElement('button');
      open.type = 'button';
      open.className = 'row-link';
      open.textContent = report.title;
      open.addEventListener('click', () => this.#onOpen(report.soc));
      const code = document.createElement('span');
      code.className = 'row-code';
      code.textContent = report.soc;
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'button button--quiet button--small';
      remove.textContent = 'Remove';
      remove.setAttribute('aria-label', `Remove ${report.title} from the comparison`);
      remove.addEventListener('click', () => this.#onRemove(report.soc));
      cell.append(open, code, remove);
      return cell;
    });
    this.#head.replaceChildren(corner, ...headers);
    const rows = ROWS.map(([label, field]) => {
      const row = document.createElement('tr');
      const heading = document.createElement('th');
      heading.scope = 'row';
      heading.textContent = label;
      row.append(heading);
      for (const report of reports) {
        const cell = document.createElement('td');
        setText(cell, typeof field === 'function' ? field(report) : report[field]);
        if (field === 'rankText') cell.className = 'compare__rank';
        row.append(cell);
      }
      return row;
    });
    this.#body.replaceChildren(...rows);
  }
}
