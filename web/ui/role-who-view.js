// A role's line on who does its work: how its employee jobs split by sex (an estimate from ASHE 2024 shares) and
// where its largest industry stands among the industries by mean exposure, in the core's words, with a link to the
// breakdowns of the whole UK. Its data come with the breakdowns (data/breakdowns.json), fetched when it first needs
// them: until then the line the build drew stays where it is of this role and these assumptions; for another role
// or other assumptions the line says it waits for them (or why they are missing) and the view says it needs them
// (render-loop.js). Root: #role-who.
import { part, setAttr, setHidden, setText } from './dom.js';

/** Draws the line of the role `soc`; `breakdowns`: the page's state of their data ({ status, message }). */
export function renderRoleWho(root, snapshot, { soc, breakdowns }) {
  const key = `${soc} ${snapshot.query}`;
  const line = snapshot.roleBreakdown(soc);
  // A role the core does not know (a page without one) has no line.
  setHidden(root, !line.ok && line.code !== 'breakdown-not-loaded');
  const text = part(root, 'text');
  const status = part(root, 'status');
  if (line.ok) {
    setText(text, line.text);
    setAttr(root, 'data-drawn', key);
  }
  const current = line.ok || root.getAttribute('data-drawn') === key;
  setHidden(text, !current);
  setHidden(status, current);
  setText(status, current ? '' : breakdowns?.status === 'failed'
    ? `Who does this work (by sex and industry) could not be shown: its data could not be downloaded (${breakdowns.message}).`
    : 'Loading who does this work…');
  return current || line.code !== 'breakdown-not-loaded' ? undefined : { needs: ['breakdowns'] };
}
