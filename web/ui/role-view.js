// A role's headline: its title, description and figures (employees and pay with ONS's precision, the score with
// its band, direct and with tools, wage exposure), its rank with a strip of where it sits, the range of its score
// over other reasonable choices and what the band means. Every text is the core's report. Root: #role-head.
import { fillFields, part, setAttr, setHidden, setReady } from './dom.js';

/**
 * Draws the role `soc` of `snapshot`; `ready`: the calculator runs, so the actions work; `details`: the download
 * of the part that carries the descriptions ('loading', 'ready' or 'failed').
 */
export function renderRole(root, snapshot, { soc, ready, details = 'ready' }) {
  const result = snapshot.report(soc);
  if (!result.ok) return;
  const report = result.report;
  // A description already on screen for this role (the build wrote it) stays while the part that carries it is
  // not in: the live page never blanks words it showed.
  const description = part(root, 'description');
  const keep = !report.description && details !== 'ready' && description.dataset.soc === soc && description.textContent !== '';
  const { description: text, ...rest } = report;
  fillFields(root, {
    ...rest,
    ...(keep ? {} : { description: text }),
    band: report.scored ? report.band : 'Not scored',
    rangeText: report.sensitivity.rangeText,
  });
  setAttr(description, 'data-soc', keep || text ? soc : null);
  setHidden(description, !keep && !text);
  // Direct, with tools and the range are the Eloundou score's: under another headline measure they would mislead.
  const eloundou = report.measure === 'eloundou';
  for (const node of root.querySelectorAll('[data-role="eloundou-only"]')) setHidden(node, !eloundou);
  setHidden(part(root, 'headline-measure'), eloundou);
  setAttr(part(root, 'band'), 'data-band', report.bandKey);
  setHidden(part(root, 'band-texts'), !report.scored);
  renderRankStrip(root, snapshot, report);
  renderSensitivity(part(root, 'sensitivity'), report);
  for (const button of root.querySelectorAll('[data-action]')) setReady(button, ready);
}

// Where the role sits among all occupations: one tick per score shown (0.1 steps), as tall as the share of scored
// occupations at that score allows, and the role's own score marked; one path, so the strip costs a few elements.
function renderRankStrip(root, snapshot, report) {
  const { score10, band } = snapshot.columns;
  const counts = new Map();
  for (let i = 0; i < score10.length; i++) {
    if (band[i] < 0) continue;
    const step = Math.round(Math.min(10, score10[i]) * 10);
    counts.set(step, (counts.get(step) ?? 0) + 1);
  }
  const most = Math.max(1, ...counts.values());
  const ticks = [...counts].sort((a, b) => a[0] - b[0])
    .map(([step, count]) => `M${step} 20V${(20 - 4 - (count / most) * 14).toFixed(1)}`).join('');
  setAttr(part(root, 'rank-ticks'), 'd', ticks);
  const marker = part(root, 'rank-marker');
  const x = report.scored ? (Math.round(Math.min(10, report.score10) * 10)).toString() : '0';
  setAttr(marker, 'x1', x);
  setAttr(marker, 'x2', x);
  setAttr(marker, 'visibility', report.scored ? 'visible' : 'hidden');
}

// The score over the 18 combinations, on a 0-10 scale, with the current score marked on it.
function renderSensitivity(block, report) {
  const band = report.sensitivity;
  setHidden(block, !band.scored);
  if (!band.scored) return;
  fillFields(block, { rangeLowText: `Lowest: ${band.lowText}.`, rangeHighText: `Highest: ${band.highText}.` });
  const at = (score10) => `${Math.min(100, Math.max(0, score10 * 10)).toFixed(1)}%`;
  const range = part(block, 'range-band');
  setAttr(range, 'x1', at(band.min10));
  setAttr(range, 'x2', at(band.max10));
  const marker = part(block, 'range-marker');
  setAttr(marker, 'x1', at(report.score10));
  setAttr(marker, 'x2', at(report.score10));
  setAttr(marker, 'visibility', report.scored ? 'visible' : 'hidden');
}
