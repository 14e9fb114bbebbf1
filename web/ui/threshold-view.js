// "Score at least S": a slider and a number box, and how many occupations, employees and how much pay are at or
// above that headline as displayed (the core's totals of those unit groups), live. The treemap dims the
// occupations below it; the table can show only those at or above it.
import { element, setAttr, setChecked, setText, setValue } from './dom.js';

export const DEFAULT_THRESHOLD = 6;

/** A threshold typed or dragged: a number from 0 to 10 in tenths, or null when the text is not one. */
export function parseThreshold(text) {
  if (!/^\s*(\d+(\.\d*)?|\.\d+)\s*$/.test(text)) return null;
  const value = Number(text);
  return value >= 0 && value <= 10 ? Math.round(value * 10) / 10 : null;
}

export class ThresholdView {
  #root;
  #range;
  #number;
  #filter;
  #value = DEFAULT_THRESHOLD;
  #filtering = false;

  /** `onChange({ threshold, filterTable })`: the visitor moved the threshold or asked for the table filter (live). */
  constructor(root, { live, onChange = () => {} }) {
    this.#root = root;
    this.#range = element('#threshold-range', root);
    this.#number = element('#threshold-number', root);
    this.#filter = element('#threshold-filter', root);
    if (!live) return;
    for (const input of [this.#range, this.#number, this.#filter]) input.disabled = false;
    const changed = (value) => {
      this.#value = value;
      onChange(this.state);
    };
    this.#range.addEventListener('input', () => {
      const value = parseThreshold(this.#range.value);
      if (value !== null) changed(value);
    });
    this.#number.addEventListener('input', () => {
      const value = parseThreshold(this.#number.value);
      this.#number.setAttribute('aria-invalid', String(value === null));
      if (value !== null) changed(value);
    });
    // A box left empty or out of range goes back to the threshold in force.
    this.#number.addEventListener('change', () => {
      this.#number.removeAttribute('aria-invalid');
      setValue(this.#number, this.#value.toFixed(1));
    });
    this.#filter.addEventListener('change', () => {
      this.#filtering = this.#filter.checked;
      onChange(this.state);
    });
  }

  /** { threshold, filterTable }. */
  get state() {
    return { threshold: this.#value, filterTable: this.#filtering };
  }

  /** Shows the totals of the unit groups at or above the threshold (totalsAtOrAbove) beside the UK's (totals()). */
  render(part, uk) {
    const text = this.#value.toFixed(1);
    setValue(this.#range, text);
    if (this.#number.getAttribute('aria-invalid') !== 'true') setValue(this.#number, text);
    setChecked(this.#filter, this.#filtering);
    const share = uk.employees > 0 ? Math.round((100 * part.employees) / uk.employees) : 0;
    const fields = {
      threshold: text,
      occupations: `${part.scored} of ${uk.scored}`,
      employees: part.employeesText,
      share: `${share}%`,
      pay: part.payText,
      wageExposure: part.wageExposureText,
    };
    for (const node of this.#root.querySelectorAll('[data-threshold]')) setText(node, fields[node.dataset.threshold] ?? '');
    // The figures as numbers too, for a reader's tools and the tests.
    setAttr(this.#root, 'data-count', String(part.scored));
    setAttr(this.#root, 'data-employees', String(part.employees));
    setAttr(this.#root, 'data-pay', String(part.payGbp));
    setAttr(this.#root, 'data-wage-exposure', String(part.wageExposureGbp));
  }
}
