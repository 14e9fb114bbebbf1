// Side by side: up to three occupations under the current assumptions, one column each.
import { element, placeChildren, setText } from './dom.js';

export const MAX_COMPARED = 3;

// Direct, with tools and the range are the Eloundou score's: under another headline measure they show none.
const eloundouOnly = (read) => (r) => (r.measure === 'eloundou' ? read(r) : '—');
const ROWS = [
  ['Employees (UK)', 'employeesText'],
  ['Median annual pay', 'medianPayText'],
  ['Exposure score', (r) => (r.scored ? `${r.scoreText}/10 ${r.band}${r.measure === 'eloundou' ? '' : ` (${r.measureTitle})`}`
                                      : r.scoreText)],
  ['Direct', eloundouOnly((r) => r.directText)],
  ['With tools', eloundouOnly((r) => r.withToolsText)],
  ['Range over label sources, weightings and bridges', eloundouOnly((r) => r.sensitivity.rangeText)],
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
  #corner = document.createElement('td');
  #headers = new Map();  // soc -> its column's header cell, kept while the soc is compared
  #shown = [];           // the socs of the columns, in order
  #cells = [];           // per entry of ROWS, the row's cells in column order

  constructor(onRemove, onOpen) {
    this.#section = element('#compare');
    this.#head = element('#compare-head');
    this.#body = element('#compare-body');
    this.#onRemove = onRemove;
    this.#onOpen = onOpen;
  }

  // The columns are rebuilt only when the roles compared change; a re-render after an assumption rewrites the
  // figures in place, so the table does not flicker and a focused button keeps its focus.
  render(reports) {
    this.#section.hidden = reports.length === 0;
    const socs = reports.map((report) => report.soc);
    if (socs.join(' ') !== this.#shown.join(' ')) this.#build(reports);
    ROWS.forEach(([, field], row) => {
      reports.forEach((report, column) => {
        setText(this.#cells[row][column], typeof field === 'function' ? field(report) : report[field]);
      });
    });
  }

  #build(reports) {
    // A column that stays keeps its header cell, in place, and so its focus; a removed column's focus goes to the
    // column now in its place or, when none is left, to the button that adds a role (or the role search, when no
    // role is open).
    const focusedSoc = [...this.#headers].find(([, header]) => header.contains(document.activeElement))?.[0];
    const focusedIndex = this.#shown.indexOf(focusedSoc);
    const socs = reports.map((report) => report.soc);
    for (const soc of this.#headers.keys()) if (!socs.includes(soc)) this.#headers.delete(soc);
    const headers = reports.map((report) => {
      if (!this.#headers.has(report.soc)) this.#headers.set(report.soc, this.#header(report));
      return this.#headers.get(report.soc);
    });
    placeChildren(this.#head, [this.#corner, ...headers]);
    this.#cells = ROWS.map(() => []);
    const rows = ROWS.map(([label], index) => {
      const row = document.createElement('tr');
      const heading = document.createElement('th');
      heading.scope = 'row';
      heading.textContent = label;
      row.append(heading);
      for (let column = 0; column < reports.length; column++) {
        const cell = document.createElement('td');
        if (ROWS[index][1] === 'rankText') cell.className = 'compare__rank';
        row.append(cell);
        this.#cells[index].push(cell);
      }
      return row;
    });
    this.#body.replaceChildren(...rows);
    this.#shown = socs;
    if (focusedSoc === undefined || socs.includes(focusedSoc)) return;
    if (headers.length) {
      headers[Math.min(focusedIndex, headers.length - 1)].querySelector('[data-part="remove"]').focus();
    } else {
      const add = document.querySelector('#occupation:not([hidden]) [data-action="compare"]');
      (add ?? element('#role-search')).focus();
    }
  }

  #header(report) {
    const cell = document.createElement('th');
    cell.scope = 'col';
    const open = document.createElement('button');
    open.type = 'button';
    open.className = 'row-link';
    open.dataset.part = 'open';
    open.textContent = report.title;
    open.addEventListener('click', () => this.#onOpen(report.soc));
    const code = document.createElement('span');
    code.className = 'row-code';
    code.textContent = report.soc;
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'button button--quiet button--small';
    remove.dataset.part = 'remove';
    remove.textContent = 'Remove';
    remove.setAttribute('aria-label', `Remove ${report.title} from the comparison`);
    remove.addEventListener('click', () => this.#onRemove(report.soc));
    cell.append(open, code, remove);
    return cell;
  }
}
