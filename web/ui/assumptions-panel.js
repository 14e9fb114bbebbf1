// The assumptions form: label source, label values (sliders and presets), weighting, bridge and wage
// rounding. It turns input into new assumptions for the page and shows what differs from the defaults.
import { element, setText } from './dom.js';

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

  /** Shows `assumptions` in the controls; `outputs` holds the display strings of the slider values. */
  render(assumptions) {
    const form = this.#form;
    for (const name of ['labels', 'weights', 'bridge']) {
      for (const radio of form.querySelectorAll(`input[name="${name}"]`)) radio.checked = radio.value === assumptions[name];
    }
    for (const name of ['e1', 'e2']) {
      const slider = form.elements[name];
      // Leave a slider being dragged alone: writing its value back would fight the pointer.
      if (document.activeElement !== slider || Number(slider.value) !== assumptions[name]) slider.value = String(assumptions[name]);
      setText(element(`#${name}-value`), slider.value);
    }
    form.elements.wage.checked = assumptions.wage === 'exact';
    for (const button of form.querySelectorAll('[data-preset]')) {
      const preset = PRESETS[button.dataset.preset];
      button.setAttribute('aria-pressed', String(preset.e1 === assumptions.e1 && preset.e2 === assumptions.e2));
    }

    const changed = Object.keys(CHANGE_NAMES).filter((key) => assumptions[key] !== this.#defaults[key]);
    const taskChanges = assumptions.overrides.length;
    const parts = changed.map((key) => CHANGE_NAMES[key]);
    if (taskChanges) parts.push(taskChanges === 1 ? '1 task' : `${taskChanges} tasks`);
    const isDefault = parts.length === 0;
    this.#badge.hidden = isDefault;
    this.#reset.disabled = isDefault;
    setText(this.#summary, isDefault ? 'These are the defaults: they reproduce the published figures.'
                                     : `Changed: ${parts.join(', ')}.`);
  }
}
