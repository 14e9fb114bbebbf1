// The assumptions form (label source, label values with presets, weighting, measure, bridge, wage rounding): it
// shows the snapshot's assumptions and what differs from the defaults; its controls turn input into new
// assumptions for the page. Root: the #assumptions panel.
import { focusedIn, setAttr, setChecked, setHidden, setReady, setText, setValue } from './dom.js';

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

// The assumptions in one line, as the panel's summary shows them: "GPT-4 labels · direct · core weights · modal bridge".
const SHORT = {
  labels: { gpt4: 'GPT-4 labels', human: 'human labels', gpt4_alt: 'GPT-4 labels (alternative rubric)' },
  weights: { core: 'core weights', importance: 'importance weights', equal: 'equal weights' },
  bridge: { modal: 'modal bridge', blend: 'blended bridge' },
  measure: { ilo2025: 'ILO 2025 measure', ilo2023: 'ILO 2023 measure', microsoft: 'Microsoft measure' },
};
const PRESET_NAMES = { alpha: 'direct', beta: 'half tools', zeta: 'with tools' };

/** `assumptions` in one line of short names; what only a changed setting adds (measure, wage, tasks) is left out at the defaults. */
export function assumptionsLine(assumptions) {
  const preset = Object.keys(PRESETS).find((key) => PRESETS[key].e1 === assumptions.e1 && PRESETS[key].e2 === assumptions.e2);
  const parts = [
    SHORT.measure[assumptions.measure],
    SHORT.labels[assumptions.labels],
    preset ? PRESET_NAMES[preset] : `E1 ${assumptions.e1}, E2 ${assumptions.e2}`,
    SHORT.weights[assumptions.weights],
    SHORT.bridge[assumptions.bridge],
    assumptions.wage === 'exact' ? 'unrounded score for pay' : '',
    assumptions.overrides.length === 1 ? '1 task relabelled' : assumptions.overrides.length ? `${assumptions.overrides.length} tasks relabelled` : '',
  ];
  return parts.filter(Boolean).join(' · ');
}

/** Draws `snapshot`'s assumptions into the form; `defaults`: the defaults; `ready`: the controls work. */
export function renderAssumptions(root, snapshot, { defaults, ready }) {
  const assumptions = snapshot.assumptions;
  setText(root.querySelector('#assumptions-line'), assumptionsLine(assumptions));
  const form = root.querySelector('form');
  setReady(root.querySelector('#assumptions-fields'), ready);
  for (const name of ['labels', 'weights', 'bridge', 'measure']) {
    for (const radio of form.querySelectorAll(`input[name="${name}"]`)) setChecked(radio, radio.value === assumptions[name]);
  }
  const focused = focusedIn(root.ownerDocument);
  for (const name of ['e1', 'e2']) {
    const slider = form.querySelector(`input[name="${name}"]`);
    // A slider being dragged is left alone: writing its value back would fight the pointer.
    if (focused !== slider || Number(slider.value) !== assumptions[name]) setValue(slider, String(assumptions[name]));
    setText(root.querySelector(`#${name}-value`), String(assumptions[name]));
  }
  setChecked(form.querySelector('input[name="wage"]'), assumptions.wage === 'exact');
  for (const button of form.querySelectorAll('[data-preset]')) {
    const preset = PRESETS[button.dataset.preset];
    setAttr(button, 'aria-pressed', String(preset.e1 === assumptions.e1 && preset.e2 === assumptions.e2));
  }
  const changed = Object.keys(CHANGE_NAMES).filter((key) => assumptions[key] !== defaults[key]).map((key) => CHANGE_NAMES[key]);
  const taskChanges = assumptions.overrides.length;
  if (taskChanges) changed.push(taskChanges === 1 ? '1 task' : `${taskChanges} tasks`);
  const isDefault = changed.length === 0;
  setHidden(root.querySelector('#changed-badge'), isDefault);
  setReady(root.querySelector('#reset'), ready, !isDefault);
  setText(root.querySelector('#changes-summary'), isDefault ? 'These are the defaults: they reproduce the published figures.'
                                                            : `Changed: ${changed.join(', ')}.`);
}

/**
 * Wires the form's controls: `change(next)` gets a function from the assumptions in force to the new ones;
 * `defaults` are what "Reset" restores.
 */
export function wireAssumptions(root, { change, defaults }) {
  const form = root.querySelector('form');
  form.addEventListener('submit', (event) => event.preventDefault());
  form.addEventListener('input', (event) => {
    const target = event.target;
    change((current) => {
      const next = { ...current };
      if (target.name === 'e1' || target.name === 'e2') next[target.name] = Number(target.value);
      else if (target.name === 'wage') next.wage = target.checked ? 'exact' : 'displayed';
      else if (target.type === 'radio' && target.checked) next[target.name] = target.value;
      return next;
    });
  });
  root.addEventListener('click', (event) => {
    const preset = event.target.closest('[data-preset]');
    if (preset) change((current) => ({ ...current, ...PRESETS[preset.dataset.preset] }));
    if (event.target.closest('#reset')) change(() => structuredClone(defaults));
  });
}
