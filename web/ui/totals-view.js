// The UK totals: employees in scored occupations, their employment-weighted mean score and the total wage
// exposure, under the assumptions in force (SCORING.md section 4). Root: #uk-totals.
import { fillFields, part, setText } from './dom.js';

export function renderTotals(root, snapshot) {
  fillFields(root, snapshot.totals, 'total');
  setText(part(root, 'note'), 'Totals cover scored occupations whose figures ASHE publishes; where it does not, nothing is guessed.');
}
