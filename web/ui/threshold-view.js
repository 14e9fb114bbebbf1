// "Score at least S": a slider and a number box, and how many occupations, employees and how much pay are at or
// above that headline as displayed (the core's totals of those unit groups), live. The treemap fades the
// occupations below it; the table can show only those at or above it. Root: #threshold.
import { part, setAttr, setChecked, setReady, setText, setValue } from './dom.js';

export const DEFAULT_THRESHOLD = 6;

/** A threshold typed or dragged: a number from 0 to 10 in tenths, or null when the text is not one. */
export function parseThreshold(text) {
  if (!/^\s*(\d+(\.\d*)?|\.\d+)\s*$/.test(text)) return null;
  const value = Number(text);
  return value >= 0 && value <= 10 ? Math.round(value * 10) / 10 : null;
}

/** Draws the totals at or above `threshold`; `filterTable`: the table shows only those; `ready`: the controls work. */
export function renderThreshold(root, snapshot, { threshold, filterTable, ready }) {
  const range = part(root, 'range');
  const number = part(root, 'number');
  const filter = part(root, 'filter');
  for (const control of [range, number, filter]) setReady(control, ready);
  const text = threshold.toFixed(1);
  setValue(range, text);
  if (number.getAttribute('aria-invalid') !== 'true') setValue(number, text);
  setChecked(filter, filterTable);
  const part_ = snapshot.atOrAbove(threshold);
  const uk = snapshot.totals;
  const share = uk.employees > 0 ? Math.round((100 * part_.employees) / uk.employees) : 0;
  const fields = {
    threshold: text,
    occupations: `${part_.scored} of ${uk.scored}`,
    employees: part_.employeesText,
    share: `${share}%`,
    pay: part_.payText,
    wageExposure: part_.wageExposureText,
  };
  for (const node of root.querySelectorAll('[data-threshold]')) setText(node, fields[node.dataset.threshold] ?? '');
  // The figures as numbers too, for a reader's tools and the tests.
  setAttr(root, 'data-count', String(part_.scored));
  setAttr(root, 'data-employees', String(part_.employees));
  setAttr(root, 'data-pay', String(part_.payGbp));
  setAttr(root, 'data-wage-exposure', String(part_.wageExposureGbp));
}

/** Wires the controls: `change({ threshold } | { filterTable })`. */
export function wireThreshold(root, { change }) {
  const range = part(root, 'range');
  const number = part(root, 'number');
  range.addEventListener('input', () => {
    const value = parseThreshold(range.value);
    if (value !== null) change({ threshold: value });
  });
  number.addEventListener('input', () => {
    const value = parseThreshold(number.value);
    number.setAttribute('aria-invalid', String(value === null));
    if (value !== null) change({ threshold: value });
  });
  // A box left empty or out of range goes back to the threshold in force.
  number.addEventListener('change', () => {
    number.removeAttribute('aria-invalid');
    setValue(number, parseThreshold(range.value).toFixed(1));
  });
  part(root, 'filter').addEventListener('change', (event) => change({ filterTable: event.target.checked }));
}
