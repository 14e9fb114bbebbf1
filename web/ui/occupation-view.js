// The occupation view: every figure of one unit group, its tasks (relabel or re-weight any of them), where to
// start, and the bridge from SOC 2020 to O*NET. All text comes from the core's report; rows are kept by task
// id between renders so a control being used keeps its focus. The same code draws the pre-rendered page at
// build time (live: false: controls stay disabled) and the live page, which adopts the rows it finds.
import {
  element, fillFields, fingerprint, focusedElement, fromTemplate, parts, placeChildren, setAttr, setHidden, setSelected, setText,
  setValue,
} from './dom.js';

export class OccupationView {
  #root;
  #taskList;
  #startList;
  #bridgeRows;
  #bridgeOnets;
  #onTaskChange;
  #onTaskSource;
  #live;
  #staticTasks;
  #tasksFile;
  #taskRows = new Map();  // task key -> { item, parts }

  /**
   * Set by the page when a task-text part this role needs could not be downloaded: rows without their statement
   * then say it is unavailable (the figures still compute) instead of "loading".
   */
  textUnavailable = false;

  #missingText() {
    return this.textUnavailable ? 'Task statement unavailable: it could not be downloaded (the figures still count this task).'
                                : 'Task statement loading…';
  }

  /**
   * `onTaskChange(task, { label } | { weight } | null)`: the visitor changed a task (null: undo its changes).
   * `live`: the calculator is running, so the task controls work. The pre-rendered page (live: false) lists the
   * first `staticTasks` tasks and links the rest to `tasksFile(soc)`, the role's tasks as a CSV file.
   */
  constructor(onTaskChange, { live = true, staticTasks = Infinity, tasksFile = () => '', onTaskSource = () => {} } = {}) {
    this.#root = element('#occupation');
    this.#taskList = element('#task-list');
    this.#startList = element('#start-list');
    this.#bridgeRows = element('#bridge-rows');
    this.#bridgeOnets = element('#bridge-onets');
    this.#onTaskChange = onTaskChange;
    this.#onTaskSource = onTaskSource;
    this.#live = live;
    this.#staticTasks = staticTasks;
    this.#tasksFile = tasksFile;
    // The pre-rendered page's task rows become this view's rows: the first live render rewrites nothing in them.
    for (const item of this.#taskList.querySelectorAll(':scope > li[data-key]')) {
      this.#taskRows.set(item.dataset.key, this.#wireTaskRow(item));
    }
    const info = this.#root.querySelector('.info');
    info.addEventListener('click', () => {
      const help = element('#score-help');
      help.hidden = !help.hidden;
      info.setAttribute('aria-expanded', String(!help.hidden));
    });
  }

  get root() {
    return this.#root;
  }

  show(visible) {
    setHidden(this.#root, !visible);
  }

  render(report) {
    setAttr(this.#root, 'data-soc', report.soc);
    fillFields(this.#root, {
      ...report,
      band: report.scored ? report.band : 'Not scored',
      mappedVia: report.mappedViaText,
      rangeText: report.sensitivity.rangeText,
      importanceNote: report.ratedText,
    });
    setHidden(this.#root.querySelector('[data-field="description"]'), !report.description);
    // Direct, with tools and the range are the Eloundou score's: under another headline measure they would mislead.
    const eloundou = report.measure === 'eloundou';
    for (const node of this.#root.querySelectorAll('[data-role="eloundou-only"]')) setHidden(node, !eloundou);
    setHidden(this.#root.querySelector('[data-role="headline-measure"]'), eloundou);
    setAttr(this.#root.querySelector('[data-field="band"]'), 'data-band', report.band);
    setHidden(this.#root.querySelector('[data-field="bandMeaning"]').closest('.band-texts'), !report.scored);
    const marker = this.#root.querySelector('[data-role="rank-marker"]');
    const percent = `${report.scored ? report.rankPercent : 0}%`;
    setAttr(marker, 'x1', percent);
    setAttr(marker, 'x2', percent);
    setAttr(marker, 'visibility', report.scored ? 'visible' : 'hidden');
    this.#renderSensitivity(report);
    this.#renderTasks(report);
    this.#renderStart(report.whereToStart);
    this.#renderBridge(report);
  }

  // The band of the headline over the 18 combinations, on a 0-10 scale, with the current score marked on it.
  #renderSensitivity(report) {
    const band = report.sensitivity;
    const block = this.#root.querySelector('[data-role="sensitivity"]');
    setHidden(block, !band.scored);
    if (!band.scored) return;
    fillFields(block, {
      rangeLowText: `Lowest: ${band.lowText}.`,
      rangeHighText: `Highest: ${band.highText}.`,
    });
    const at = (score10) => `${Math.min(100, Math.max(0, score10 * 10)).toFixed(1)}%`;
    const range = block.querySelector('[data-role="range-band"]');
    setAttr(range, 'x1', at(band.min10));
    setAttr(range, 'x2', at(band.max10));
    const marker = block.querySelector('[data-role="range-marker"]');
    setAttr(marker, 'x1', at(report.score10));
    setAttr(marker, 'x2', at(report.score10));
    setAttr(marker, 'visibility', report.scored ? 'visible' : 'hidden');
  }

  // A role bridged to many O*NET occupations has hundreds of tasks: the pre-rendered page lists the most exposed
  // ones (its HTML stays small) and links the file of all of them; the live page lists every one below those.
  #renderTasks(report) {
    const tasks = this.#live ? report.tasks : report.tasks.slice(0, this.#staticTasks);
    const more = element('#tasks-more');
    const truncated = tasks.length < report.tasks.length;
    setHidden(more, !truncated);
    if (truncated) {
      setText(more.querySelector('[data-field="tasksMore"]'),
              `These are the ${tasks.length} most exposed of the ${report.tasks.length} tasks of this role; with ` +
              'JavaScript the page lists every one.');
      setAttr(more.querySelector('[data-role="tasks-file"]'), 'href', this.#tasksFile(report.soc));
    }
    const seen = new Set();
    const items = tasks.map((task, index) => {
      const key = String(task.id || `${task.onet}#${index}`);
      seen.add(key);
      let row = this.#taskRows.get(key);
      if (!row) {
        const item = fromTemplate('task-template');
        item.dataset.key = key;
        row = this.#wireTaskRow(item);
        this.#taskRows.set(key, row);
      }
      this.#fillTaskRow(row, task);
      return row.item;
    });
    for (const key of this.#taskRows.keys()) if (!seen.has(key)) this.#taskRows.delete(key);
    placeChildren(this.#taskList, items);  // a control being used stays in place and keeps its focus
  }

  #wireTaskRow(item) {
    const p = parts(item);
    const key = item.dataset.key;
    p.label.id = `task-label-${key}`;
    p.weight.id = `task-weight-${key}`;

    p.label.addEventListener('change', () => this.#onTaskChange(item.task, { label: p.label.value }));
    // An entry that is not a weight is not used: once it is done (Enter, or leaving the field) the field shows the
    // weight in use again, and a message tied to the field says so until a weight is entered.
    const isWeight = (value) => Number.isFinite(value) && value >= Number(p.weight.min) && value <= Number(p.weight.max);
    p.weight.addEventListener('input', () => {
      if (isWeight(p.weight.valueAsNumber)) this.#weightMessage(p, key, null);
    });
    p.weight.addEventListener('change', () => {
      const value = p.weight.valueAsNumber;
      if (!isWeight(value)) {
        this.#weightMessage(p, key, item.task);
        setValue(p.weight, String(item.task.weight));
        return;
      }
      this.#weightMessage(p, key, null);
      this.#onTaskChange(item.task, { weight: value });
    });
    // Runs before the button opens the shared task panel (its popovertarget), so the panel opens on this task.
    p.source.addEventListener('click', () => this.#onTaskSource(item.task));
    p.reset.addEventListener('click', () => {
      this.#weightMessage(p, key, null);
      this.#onTaskChange(item.task, null);
    });
    return { item, parts: p };
  }

  // Shows the message of a task's weight field (`task`: whose weight stays in use) or, with null, clears it.
  #weightMessage(p, key, task) {
    const field = p.weight;
    const message = p['weight-error'];
    if (!task) {
      if (field.getAttribute('aria-invalid') !== 'true') return;
      field.setAttribute('aria-invalid', 'false');
      field.removeAttribute('aria-describedby');
      message.hidden = true;
      setText(message, '');
      return;
    }
    message.id = `task-weight-error-${key}`;
    setText(message, `Not a weight: enter a number from ${field.min} to ${field.max} (0 leaves the task out). ` +
                     `The weight in use, ${task.weight}, is kept.`);
    message.hidden = false;
    field.setAttribute('aria-invalid', 'true');
    field.setAttribute('aria-describedby', message.id);
  }

  // Writes only what changed: a slider drag re-renders every task row, and each needless write costs style work.
  #fillTaskRow(row, task) {
    const { item, parts: p } = row;
    item.task = task;
    setAttr(item, 'data-label', task.label);
    setAttr(item, 'data-task-id', String(task.id));
    item.classList.toggle('task--excluded', task.excluded);
    item.classList.toggle('task--changed', task.labelOverridden || task.weightOverridden);
    setText(p.text, task.text || this.#missingText());
    setText(p.chip, task.labelText);
    setAttr(p.chip, 'data-label', task.label);
    setText(p.importance, task.importanceText);
    setText(p.onet, task.onet);
    setHidden(p.changed, !(task.labelOverridden || task.weightOverridden));
    const focused = focusedElement();
    if (focused !== p.label) setSelected(p.label, task.label);
    if (focused !== p.weight) setValue(p.weight, String(task.weight));
    // Live, each control is named after its task, as a screen reader moving between them needs. The pre-rendered
    // page's controls are disabled and keep their labels' words: a copy of every statement in two names made a
    // role page's HTML a tenth larger.
    if (this.#live) {
      setAttr(p.label, 'aria-label', `Label of task: ${task.text || task.onet}`);
      setAttr(p.weight, 'aria-label', `Weight of task: ${task.text || task.onet}${task.excluded ? ' (excluded)' : ''}`);
    }
    const editable = this.#live && task.id > 0;  // task ids arrive with the details part
    if (p.label.disabled === editable) p.label.disabled = !editable;
    if (p.weight.disabled === editable) p.weight.disabled = !editable;
    if (p.source.disabled === editable) p.source.disabled = !editable;
    setHidden(p.reset, !(task.labelOverridden || task.weightOverridden));
    setText(p.reset, 'Undo change');
  }

  // The list and the bridge are rebuilt only when what they show changed; the key of what they show is kept on
  // the element, so the live page knows the pre-rendered one is current.
  #renderStart(starts) {
    const shown = JSON.stringify(starts.map((start) => [start.task.text, start.task.label, start.note]));
    const key = fingerprint(this.textUnavailable ? `${shown} unavailable` : shown);
    if (key === this.#startList.dataset.key) return;
    this.#startList.dataset.key = key;
    const items = starts.map((start) => {
      const item = fromTemplate('start-template');
      const p = parts(item);
      setText(p.text, start.task.text || this.#missingText());
      setText(p.note, start.note);
      item.dataset.label = start.task.label;
      return item;
    });
    this.#startList.replaceChildren(...items);
    setHidden(this.#startList.closest('section'), starts.length === 0);
  }

  #renderBridge(report) {
    const key = fingerprint(JSON.stringify([report.isco, report.onets]));
    if (key === this.#bridgeRows.dataset.key) return;
    this.#bridgeRows.dataset.key = key;
    const rows = report.isco.map((isco) => {
      const row = document.createElement('tr');
      if (isco.used) row.className = 'bridge__used';
      const cells = [
        `${isco.code} ${isco.title}`.trim(),
        `${isco.entries} ${isco.entries === 1 ? 'title' : 'titles'}${isco.used ? ' (used)' : ''}`,
        isco.soc2010.length ? `${isco.soc2010.join(', ')} → ${isco.soc2018.join(', ')}` : 'no US SOC counterpart',
        isco.onets.length ? isco.onets.join(', ') : 'none with labelled tasks',
      ];
      for (const text of cells) {
        const cell = document.createElement('td');
        cell.textContent = text;
        row.append(cell);
      }
      return row;
    });
    this.#bridgeRows.replaceChildren(...rows);
    const onets = report.onets.map((onet) => {
      const item = document.createElement('li');
      item.textContent = `${onet.code} ${onet.title}`;
      return item;
    });
    this.#bridgeOnets.replaceChildren(...onets);
  }
}
