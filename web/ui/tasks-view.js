// A role's tasks, most exposed first: each reads as text (statement, label, importance, weight); "Edit" opens
// the task's controls (label, weight, undo, where its label and weight come from) under it. Above the list, how
// many tasks AI can do, which O*NET occupations the list comes from and how cleanly the role maps to them.
// Live, only the tasks in and near the view are in the DOM (virtual-rows.js): 2311 has 866. The build lists the
// first `staticTasks` and links the file of all of them. Root: the tasks section.
import { el, fillFields, fromTemplate, part, parts, reconcile, setAttr, setHidden, setReady, setSelected, setText,
  setValue, focusedIn } from './dom.js';
import { VirtualRows } from './virtual-rows.js';

const lists = new WeakMap();  // root -> its VirtualRows, once the live page wires the list

const taskKey = (task, index) => String(task.id || `${task.onet}#${index}`);

/**
 * Writes a task's statement into `node`, or what stands for it while its text part is not in (`textStatus`:
 * 'loading' or 'failed'). A statement the build already wrote into this row (rows are keyed by task) stays: the
 * live page never replaces words on screen by a placeholder, whatever became of the download.
 */
export function setStatement(node, text, textStatus) {
  if (text) {
    setText(node, text);
    delete node.dataset.placeholder;
  } else if (!node.textContent || 'placeholder' in node.dataset) {
    setText(node, textStatus === 'failed' ? 'Task statement unavailable: it could not be downloaded (the figures still count this task).'
                                          : 'Task statement loading…');
    node.dataset.placeholder = '';
  }
}

/**
 * Draws the tasks of role `soc`. State: `ready` (the calculator runs: the tasks can be edited), `textStatus`
 * ('ready', 'loading' or 'failed': what a task without its statement says), `editing` (the key of the task whose
 * controls are open, or ''), `staticTasks` (the build: how many tasks its HTML lists) and `tasksFile(soc)` (the
 * address of the role's tasks as CSV).
 */
export function renderTasks(root, snapshot, { soc, ready, textStatus, editing, staticTasks, tasksFile }) {
  const result = snapshot.report(soc);
  if (!result.ok) return;
  const report = result.report;
  fillFields(root, { canDoText: report.canDoText, mappedVia: report.mappedViaText, bridgeQualityText: report.bridgeQualityText,
                     importanceNote: report.ratedText });
  const list = part(root, 'list');
  const virtual = lists.get(list);
  const keys = report.tasks.map(taskKey);
  let start = 0;
  let end = virtual ? keys.length : Math.min(keys.length, staticTasks);
  if (virtual) ({ start, end } = virtual.range(keys));
  const more = part(root, 'more');
  const truncated = !virtual && end < keys.length;
  setHidden(more, !truncated);
  if (truncated) {
    setText(part(more, 'more-text'), `These are the ${end} most exposed of the ${keys.length} tasks of this role; with `
      + 'JavaScript the page lists every one.');
    setAttr(part(more, 'tasks-file'), 'href', tasksFile(report.soc));
  }
  const drawn = report.tasks.slice(start, end).map((task, i) => ({ task, key: keys[start + i] }));
  const fill = (node, { task, key }) => fillTask(root, node, task, { key, ready, textStatus, open: key === editing });
  if (virtual) {
    // A list drawn in part tells assistive technology how long it is and where each task drawn sits in it, and
    // numbers its first drawn task by its place in the whole list.
    const windowed = end - start < keys.length;
    const counter = start ? `task ${start}` : '';
    if (list.style.counterReset !== counter) list.style.counterReset = counter;
    virtual.place(drawn.map((item, i) => {
      const node = list.querySelector(`:scope > li[data-key="${CSS.escape(item.key)}"]`) ?? newTask(root, item.key);
      fill(node, item);
      setAttr(node, 'aria-setsize', windowed ? String(keys.length) : null);
      setAttr(node, 'aria-posinset', windowed ? String(start + i + 1) : null);
      return node;
    }));
  } else {
    reconcile(list, drawn, { key: (item) => item.key, create: () => fromTemplate(root, 'task'), update: fill });
  }
}

function newTask(root, key) {
  const node = fromTemplate(root, 'task');
  node.setAttribute('data-key', key);
  return node;
}

// Writes only what changed: a slider drag redraws every task in view.
function fillTask(root, item, task, { key, ready, textStatus, open }) {
  const p = parts(item);
  setAttr(item, 'data-label', task.label);
  setAttr(item, 'data-task-id', String(task.id));
  item.classList.toggle('task--excluded', task.excluded);
  const changed = task.labelOverridden || task.weightOverridden;
  item.classList.toggle('task--changed', changed);
  setStatement(p.text, task.text, textStatus);
  setText(p.chip, task.labelText);
  setAttr(p.chip, 'data-label', task.label);
  // One line of facts, not a span each: a long list's rows are most of a role page's elements.
  setText(p.facts, [task.importanceText, task.excluded ? 'left out (weight 0)' : `weight ${task.weight}`, task.onet,
                    ...(changed ? ['changed'] : [])].filter(Boolean).join(' · '));
  const editable = ready && task.id > 0;  // task ids arrive with the details part
  setReady(p.edit, ready, task.id > 0);
  setAttr(p.edit, 'aria-expanded', String(open && editable));
  setAttr(p.edit, 'aria-label', `Edit task: ${task.text || task.onet}`);
  let editor = item.querySelector(':scope > [data-part="editor"]');
  if (!(open && editable)) {
    editor?.remove();
    return;
  }
  if (!editor) {
    editor = fromTemplate(root, 'task-editor');
    item.append(editor);
  }
  fillEditor(editor, task, key);
}

function fillEditor(editor, task, key) {
  const p = parts(editor);
  setAttr(p.label, 'id', `task-label-${key}`);
  setAttr(p.weight, 'id', `task-weight-${key}`);
  setAttr(p.label, 'aria-label', `Label of task: ${task.text || task.onet}`);
  setAttr(p.weight, 'aria-label', `Weight of task: ${task.text || task.onet}${task.excluded ? ' (excluded)' : ''}`);
  const focused = focusedIn(editor.ownerDocument);
  if (focused !== p.label) setSelected(p.label, task.label);
  if (focused !== p.weight && p.weight.getAttribute('aria-invalid') !== 'true') setValue(p.weight, String(task.weight));
  setHidden(p.reset, !(task.labelOverridden || task.weightOverridden));
}

/**
 * Wires the list: `changeTask(task, { label } | { weight } | null)` (null undoes the task's changes),
 * `edit(key)` ('' closes), `showSource(taskId)` (before the shared panel opens), `invalidate()` (the view moved:
 * draw again). `report()` gives the report drawn last, whose tasks the controls change.
 */
export function wireTasks(root, { changeTask, edit, showSource, invalidate, report }) {
  const list = part(root, 'list');
  lists.set(list, new VirtualRows(list, {
    spacer: (doc) => el(doc, 'li', { class: 'task-spacer' }),
    estimate: 76,
    all: 120,  // most roles: every task is in the DOM; the widest bridges (2311: 866 tasks) are drawn in part
    onChange: invalidate,
  }));
  const taskOf = (node) => {
    const item = node.closest('li[data-key]');
    const id = Number(item?.dataset.taskId);
    return { item, task: report()?.tasks.find((task) => task.id === id && id > 0) };
  };
  root.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-part]');
    if (!button || !list.contains(button)) return;
    const { item, task } = taskOf(button);
    if (!item) return;
    const name = button.dataset.part;
    if (name === 'edit') {
      const open = button.getAttribute('aria-expanded') === 'true';
      edit(open ? '' : item.dataset.key);
      if (!open) requestAnimationFrame(() => item.querySelector('[data-part="label"]')?.focus());
    } else if (name === 'done') {
      edit('');
      item.querySelector('[data-part="edit"]')?.focus();
    } else if (name === 'reset' && task) {
      weightMessage(item, null);
      changeTask(task, null);
    } else if (name === 'source' && task) {
      showSource(task.id);  // runs before the button opens the shared panel (its popovertarget)
    }
  });
  list.addEventListener('change', (event) => {
    const { item, task } = taskOf(event.target);
    if (!task) return;
    const control = event.target.dataset.part;
    if (control === 'label') changeTask(task, { label: event.target.value });
    if (control !== 'weight') return;
    // An entry that is not a weight is not used: the field shows the weight in use again, and a message tied to
    // the field says so until a weight is entered.
    const field = event.target;
    const value = field.valueAsNumber;
    if (!isWeight(field, value)) {
      weightMessage(item, task);
      setValue(field, String(task.weight));
      return;
    }
    weightMessage(item, null);
    changeTask(task, { weight: value });
  });
  list.addEventListener('input', (event) => {
    if (event.target.dataset.part !== 'weight') return;
    if (isWeight(event.target, event.target.valueAsNumber)) weightMessage(event.target.closest('li[data-key]'), null);
  });
}

const isWeight = (field, value) => Number.isFinite(value) && value >= Number(field.min) && value <= Number(field.max);

// Shows the message of a task's weight field (`task`: whose weight stays in use) or, with null, clears it.
function weightMessage(item, task) {
  const field = item.querySelector('[data-part="weight"]');
  const message = item.querySelector('[data-part="weight-error"]');
  if (!field || !message) return;
  if (!task) {
    if (field.getAttribute('aria-invalid') !== 'true') return;
    field.setAttribute('aria-invalid', 'false');
    field.removeAttribute('aria-describedby');
    message.hidden = true;
    setText(message, '');
    return;
  }
  message.id = `task-weight-error-${item.dataset.key}`;
  setText(message, `Not a weight: enter a number from ${field.min} to ${field.max} (0 leaves the task out). `
                   + `The weight in use, ${task.weight}, is kept.`);
  message.hidden = false;
  field.setAttribute('aria-invalid', 'true');
  field.setAttribute('aria-describedby', message.id);
}
