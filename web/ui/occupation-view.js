// The occupation view: every figure of one unit group, its tasks (relabel or re-weight any of them), where to
// start, and the bridge from SOC 2020 to O*NET. All text comes from the core's report; rows are kept by task
// id between renders so a control being used keeps its focus.
import { element, fillFields, fromTemplate, parts, placeChildren, setAttr, setText } from './dom.js';

export class OccupationView {
  #root;
  #taskList;
  #startList;
  #bridgeRows;
  #bridgeOnets;
  #onTaskChange;
  #taskRows = new Map();  // task id -> { item, parts }
  #startKey = null;       // what the "where to start" list and the bridge show, to skip rebuilding them unchanged
  #bridgeKey = null;

  /** `onTaskChange(task, { label } | { weight } | null)`: the visitor changed a task (null: undo its changes). */
  constructor(onTaskChange) {
    this.#root = element('#occupation');
    this.#taskList = element('#task-list');
    this.#startList = element('#start-list');
    this.#bridgeRows = element('#bridge-rows');
    this.#bridgeOnets = element('#bridge-onets');
    this.#onTaskChange = onTaskChange;
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
    this.#root.hidden = !visible;
  }

  /** `figuresOnly` leaves the task list, where to start and the bridge as they are (they sit below the figures). */
  render(report, { figuresOnly = false } = {}) {
    fillFields(this.#root, {
      ...report,
      band: report.scored ? report.band : 'Not scored',
      mappedVia: report.mappedViaText,
      importanceNote: report.ratedText,
    });
    this.#root.querySelector('[data-field="description"]').hidden = !report.description;
    setAttr(this.#root.querySelector('[data-field="band"]'), 'data-band', report.band);
    this.#root.querySelector('[data-field="bandMeaning"]').closest('.band-texts').hidden = !report.scored;
    const marker = this.#root.querySelector('[data-role="rank-marker"]');
    marker.style.left = `${report.scored ? report.rankPercent : 0}%`;
    marker.hidden = !report.scored;
    if (figuresOnly) return;
    this.#renderTasks(report.tasks);
    this.#renderStart(report.whereToStart);
    this.#renderBridge(report);
  }

  #renderTasks(tasks) {
    const seen = new Set();
    const items = tasks.map((task, index) => {
      const key = task.id || `${task.onet}#${index}`;
      seen.add(key);
      let row = this.#taskRows.get(key);
      if (!row) {
        row = this.#createTaskRow(key);
        this.#taskRows.set(key, row);
      }
      this.#fillTaskRow(row, task);
      return row.item;
    });
    for (const key of this.#taskRows.keys()) if (!seen.has(key)) this.#taskRows.delete(key);
    placeChildren(this.#taskList, items);  // a control being used stays in place and keeps its focus
  }

  #createTaskRow(key) {
    const item = fromTemplate('task-template');
    const p = parts(item);
    p.label.id = `task-label-${key}`;
    p.weight.id = `task-weight-${key}`;
    p.label.addEventListener('change', () => this.#onTaskChange(item.task, { label: p.label.value }));
    p.weight.addEventListener('change', () => {
      const value = p.weight.valueAsNumber;
      const valid = Number.isFinite(value) && value >= 0 && value <= 1000;
      p.weight.setAttribute('aria-invalid', String(!valid));
      if (valid) this.#onTaskChange(item.task, { weight: value });
    });
    p.reset.addEventListener('click', () => this.#onTaskChange(item.task, null));
    return { item, parts: p };
  }

  // Writes only what changed: a slider drag re-renders every task row, and each needless write costs style work.
  #fillTaskRow(row, task) {
    const { item, parts: p } = row;
    item.task = task;
    setAttr(item, 'data-label', task.label);
    setAttr(item, 'data-task-id', String(task.id));
    item.classList.toggle('task--excluded', task.excluded);
    item.classList.toggle('task--changed', task.labelOverridden || task.weightOverridden);
    setText(p.text, task.text || 'Task statement loading…');
    setText(p.chip, task.labelText);
    setAttr(p.chip, 'data-label', task.label);
    setText(p.importance, task.importanceText);
    setText(p.onet, task.onet);
    p.changed.hidden = !(task.labelOverridden || task.weightOverridden);
    setText(p['label-name'], `Label of task: ${task.text || task.onet}`);
    if (document.activeElement !== p.label && p.label.value !== task.label) p.label.value = task.label;
    const weight = String(task.weight);
    if (document.activeElement !== p.weight && p.weight.value !== weight) p.weight.value = weight;
    setAttr(p.weight, 'aria-label', `Weight of task: ${task.text || task.onet}${task.excluded ? ' (excluded)' : ''}`);
    const editable = task.id > 0;  // task ids arrive with the details part
    p.label.disabled = !editable;
    p.weight.disabled = !editable;
    p.reset.hidden = !(task.labelOverridden || task.weightOverridden);
    setText(p.reset, 'Undo change');
  }

  #renderStart(starts) {
    const key = JSON.stringify(starts.map((start) => [start.task.text, start.task.label, start.note]));
    if (key === this.#startKey) return;
    this.#startKey = key;
    const items = starts.map((start) => {
      const item = fromTemplate('start-template');
      const p = parts(item);
      setText(p.text, start.task.text || 'Task statement loading…');
      setText(p.note, start.note);
      item.dataset.label = start.task.label;
      return item;
    });
    this.#startList.replaceChildren(...items);
    this.#startList.closest('section').hidden = starts.length === 0;
  }

  #renderBridge(report) {
    const key = JSON.stringify([report.isco, report.onets]);
    if (key === this.#bridgeKey) return;
    this.#bridgeKey = key;
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
