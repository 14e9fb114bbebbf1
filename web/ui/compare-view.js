// Side by side: up to three occupations under the same assumptions, one column each, and their scores as bars on
// one scale. Root: #compare.
import { renderCompareChart } from './compare-chart-view.js';
import { el, focusedIn, part, placeChildren, setText } from './dom.js';

// Direct, with tools and the range are the Eloundou score's: under another headline measure they show none.
const eloundouOnly = (read) => (r) => (r.measure === 'eloundou' ? read(r) : '—');
const ROWS = [
  ['Employees (UK)', (r) => r.employeesText],
  ['Median annual pay', (r) => r.medianPayText],
  ['Exposure score', (r) => (r.scored ? `${r.scoreText}/10 ${r.band}${r.measure === 'eloundou' ? '' : ` (${r.measureTitle})`}`
                                      : r.scoreText)],
  ['Direct', eloundouOnly((r) => r.directText)],
  ['With tools', eloundouOnly((r) => r.withToolsText)],
  ['Range over label sources, weightings and bridges', eloundouOnly((r) => r.sensitivity.rangeText)],
  ['Wage exposure', (r) => r.wageExposureText],
  ['Rank', (r) => r.rankText, 'compare__rank'],
  ['Tasks AI can do today', (r) => r.canDoShort],
];

/** Draws the roles `compare` (SOC 2020 codes) side by side. */
export function renderCompare(root, snapshot, { compare }) {
  const reports = compare.map((soc) => snapshot.report(soc)).filter((r) => r.ok).map((r) => r.report);
  const doc = root.ownerDocument;
  const head = part(root, 'head');
  const body = part(root, 'body');
  // A column that stays keeps its header cell, and so its focus; the focus of a removed column's button goes to
  // the column now in its place.
  const headers = new Map([...head.querySelectorAll('th[data-key]')].map((cell) => [cell.dataset.key, cell]));
  const focused = [...headers.values()].findIndex((cell) => cell.contains(focusedIn(doc)));
  const cells = reports.map((report) => headers.get(report.soc) ?? header(doc, report));
  placeChildren(head, [head.querySelector('td') ?? el(doc, 'td'), ...cells]);
  const lost = focused >= 0 && !cells.includes([...headers.values()][focused]);
  if (lost && cells.length) part(cells[Math.min(focused, cells.length - 1)], 'remove').focus();
  if (body.children.length !== ROWS.length) {
    body.replaceChildren(...ROWS.map(([label]) => el(doc, 'tr', {}, el(doc, 'th', { scope: 'row' }, label))));
  }
  ROWS.forEach(([, value, className], i) => {
    const row = body.children[i];
    while (row.children.length > reports.length + 1) row.lastElementChild.remove();
    while (row.children.length < reports.length + 1) row.append(el(doc, 'td', { class: className ?? null }));
    reports.forEach((report, column) => setText(row.children[column + 1], value(report)));
  });
  if (reports.length) renderCompareChart(part(root, 'chart'), reports);
}

function header(doc, report) {
  return el(doc, 'th', { scope: 'col', 'data-key': report.soc },
    el(doc, 'button', { type: 'button', class: 'row-link', 'data-part': 'open', 'data-soc': report.soc }, report.title),
    el(doc, 'span', { class: 'row-code' }, report.soc),
    el(doc, 'button', { type: 'button', class: 'button button--quiet button--small', 'data-part': 'remove', 'data-soc': report.soc,
                        'aria-label': `Remove ${report.title} from the comparison` }, 'Remove'));
}

/** Wires the columns' buttons: `open(soc)` shows a compared role, `remove(soc)` takes it out. */
export function wireCompare(root, { open, remove }) {
  part(root, 'head').addEventListener('click', (event) => {
    const button = event.target.closest('button[data-soc]');
    if (!button) return;
    if (button.dataset.part === 'open') open(button.dataset.soc);
    if (button.dataset.part === 'remove') remove(button.dataset.soc);
  });
}
