// A role's headline: its title, description and figures (employees and pay with ONS's precision, the score with
// its band, direct and with tools, wage exposure), its rank with a strip of where it sits, the range of its score
// over other reasonable choices and what the band means. Every text is the core's report. Root: #role-head.
import { fillFields, part, setAttr, setDisabled, setHidden } from './dom.js';

/** Draws the role `soc` of `snapshot`; `ready`: the calculator runs, so the actions work. */
export function renderRole(root, snapshot, { soc, ready }) {
  const result = snapshot.report(soc);
  if (!result.ok) return;
  const report = result.report;
  fillFields(root, {
    ...report,
    band: report.scored ? report.band : 'Not scored',
    rangeText: report.sensitivity.rangeText,
  });
  setHidden(part(root, 'description'), !report.description);
  // Direct, with tools and the range are the Eloundou score's: under another headline measure they would mislead.
  const eloundou = report.measure === 'eloundou';
  for (const node of root.querySelectorAll('[data-role="eloundou-only"]')) setHidden(node, !eloundou);
  setHidden(part(root, 'headline-measure'), eloundou);
  setAttr(part(root, 'band'), 'data-band', report.bandKey);
  setHidden(part(root, 'band-texts'), !report.scored);
  const percent = `${report.scored ? report.rankPercent : 0}%`;
  const marker = part(root, 'rank-marker');
  setAttr(marker, 'x1', percent);
  setAttr(marker, 'x2', percent);
  setAttr(marker, 'visibility', report.scored ? 'visible' : 'hidden');
  renderSensitivity(part(root, 'sensitivity'), report);
  for (const button of root.querySelectorAll('[data-action]')) setDisabled(button, !ready);
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

/** Wires the score's "?" button, which shows what the score means. */
export function wireRole(root) {
  const info = part(root, 'score-info');
  info.addEventListener('click', () => {
    const help = part(root, 'score-help');
    help.hidden = !help.hidden;
    info.setAttribute('aria-expanded', String(!help.hidden));
  });
}
