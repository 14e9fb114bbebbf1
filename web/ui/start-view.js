// Where to start: a role's most important tasks that a language model cannot yet do on its own, each saying
// whether tools change it. Root: the "Where to start" section.
import { fromTemplate, part, parts, reconcile, setAttr, setText } from './dom.js';
import { setStatement } from './tasks-view.js';

/** Draws the starting points of role `soc`; `textStatus` says what a task without its statement shows. */
export function renderStart(root, snapshot, { soc, textStatus }) {
  const result = snapshot.report(soc);
  if (!result.ok) return;
  const starts = result.report.whereToStart;
  reconcile(part(root, 'list'), starts, {
    key: (start) => String(start.task.id || start.task.onet + start.task.text),
    create: () => fromTemplate(root, 'start'),
    update: (item, start) => {
      const p = parts(item);
      setStatement(p.text, start.task.text, textStatus);
      setText(p.note, start.note);
      setAttr(item, 'data-label', start.task.label);
    },
  });
}
