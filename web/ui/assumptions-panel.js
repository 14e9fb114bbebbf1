// The assumptions form: label source, label values (sliders and presets), weighting, bridge and wage
// rounding. It turns input into new assumptions for the page and shows what differs from the defaults.
import { element, focusedElement, setAttr, setChecked, setText, setValue } from './dom.js';

const PRESETS = {
  alpha: { e1: 1, e2: 0 },
  beta: { e1: 1, e2: 0.5 },
  zeta: { e1: 1, e2: 1 },
};

const CHANGE_NAMES = {
  labels: 'label source',
  e1: 'E1 value',
  e2: 'E2 value',
  weights: 'weighting',
  bridge: 'bridge',
  wage: 'wage rounding',
  measure: 'measure',
};

export class AssumptionsPanel {
  #form;
  #defaults;
  #onChange;
  #badge;
  #summary;
  #reset;

  constructor(defaults, onChange) {
    this.#defaults = defaults;
    this.#onChange = onChange;
    this.#form = element('#assumptions-form');
    this.#badge = element('#changed-badge');
    this.#summary = element('#changes-summary');
    this.#reset = element('#reset');
    this.#form.addEventListener('input', (event) => this.#changed(event));
    this.#form.addEventListener('submit', (event) => event.preventDefault());
    for (const button of this.#form.querySelectorAll('[data-preset]')) {
      button.addEventListener('click', () => this.#onChange((current) => ({ ...current, ...PRESETS[button.dataset.preset] })));
    }
    this.#reset.addEventListener('click', () => this.#onChange(() => structuredClone(this.#defaults)));
  }

  #changed(event) {
    const target = event.target;
    this.#onChange((current) => {
      const next = { ...current };
      if (target.name === 'e1' || target.name === 'e2') next[target.name] = Number(target.value);
      else if (target.name === 'wage') next.wage = target.checked ? 'exact' : 'displayed';
      else if (target.type === 'radio' && target.checked) next[target.name] = target.value;
      return next;
    });
  }

  /** Enables the controls (once the calculator runs) or leaves them disabled (the pre-rendered page). */
  setLive(live) {
    element('#assumptions-fields').disabled = !live;
  }

  /** Shows `assumptions` in the controls. */
  render(assumptions) {
    const form = this.#form;
    for (const name of ['labels', 'weights', 'bridge', 'measure']) {
      for (const radio of form.querySelectorAll(`input[name="${name}"]`)) setChecked(radio, radio.value === assumptions[name]);
    }
    for (const name of ['e1', 'e2']) {
      const slider = form.querySelector(`input[name="${name}"]`);
      // Leave a slider being dragged alone: writing its value back would fight the pointer.
      if (focusedElement() !== slider || Number(slider.value) !== assumptions[name]) setValue(slider, String(assumptions[name]));
      setText(element(`#${name}-value`), String(assumptions[name]));
    }
    setChecked(form.querySelector('input[name="wage"]'), assumptions.wage === 'exact');
    for (const button of form.querySelectorAll('[data-preset]')) {
      const preset = PRESETS[button.dataset.preset];
      setAttr(button, 'aria-pressed', String(preset.e1 === assumptions.e1 && preset.e2 === assumptions.e2));
    }

    const changed = Object.keys(CHANGE_NAMES).filter((key) => assumptions[key] !== this.#defaults[key]);
    const taskChanges = assumptions.overrides.length;
    const parts = changed.map((key) => CHANGE_NAMES[key]);
    if (taskChanges) parts.push(taskChanges === 1 ? '1 task' : `${taskChanges} tasks`);
    const isDefault = parts.length === 0;
    if (this.#badge.hidden !== isDefault) this.#badge.hidden = isDefault;
    if (this.#reset.disabled !== isDefault) this.#reset.disabled = isDefault;
    setText(this.#summary, isDefault ? 'These are the defaults: they reproduce the published figures.'
                                     : `Changed: ${parts.join(', ')}.`);
  }
}
