// How a UK unit group reaches the O*NET tasks behind its score: each ISCO-08 code of its job titles with its
// share, the US SOC 2010 and 2018 codes it leads to and the O*NET occupations they reach. Root: the bridge's
// <details>.
import { el, part, reconcile, setAttr, setText } from './dom.js';

/** Draws the bridge of role `soc`. */
export function renderBridge(root, snapshot, { soc }) {
  const result = snapshot.report(soc);
  if (!result.ok) return;
  const report = result.report;
  reconcile(part(root, 'rows'), report.isco, {
    key: (isco) => isco.code,
    create: () => el(root.ownerDocument, 'tr', {}, ...[0, 1, 2, 3].map(() => el(root.ownerDocument, 'td'))),
    update: (row, isco) => {
      setAttr(row, 'class', isco.used ? 'bridge__used' : null);
      const cells = [
        `${isco.code} ${isco.title}`.trim(),
        `${isco.entries} ${isco.entries === 1 ? 'title' : 'titles'}${isco.used ? ' (used)' : ''}`,
        isco.soc2010.length ? `${isco.soc2010.join(', ')} → ${isco.soc2018.join(', ')}` : 'no US SOC counterpart',
        isco.onets.length ? isco.onets.join(', ') : 'none with labelled tasks',
      ];
      cells.forEach((text, i) => setText(row.children[i], text));
    },
  });
  reconcile(part(root, 'onets'), report.onets, {
    key: (onet) => onet.code,
    create: () => el(root.ownerDocument, 'li'),
    update: (item, onet) => setText(item, `${onet.code} ${onet.title}`),
  });
}
