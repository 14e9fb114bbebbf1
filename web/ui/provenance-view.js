// Where each figure comes from: one panel per figure (a role's, or the UK totals'), opened by the figure's "Source"
// button, and one shared panel for the task whose Source was chosen. Panels are popovers: the buttons open them by
// their popovertarget attribute, so a pre-rendered page opens them without JavaScript, by keyboard, mouse or
// touch, and Escape or a tap outside closes them. Each names its sources, the formula with this role's own
// numbers, the assumptions in force and a plain-text citation with the permalink; the live page adds "Copy
// citation". Every text comes from the core (wasm/aiexp.d.ts Provenance).
// A panel is drawn when it is missing, or when it is open and shows other figures than these; a closed panel
// that an input made stale is drawn as it opens. Root: the panels' holder (#role-provenance, #totals-provenance).
import { el, fingerprint, idPart, parts, setAttr, setReady, setText } from './dom.js';
import { copyText } from './browser.js';

const last = new WeakMap();  // root -> the arguments of its last render, for a panel that opens between renders

/**
 * Draws the panels. State: `kind` ('role': the figures of `soc` and, when `taskId` is set, that task's panel;
 * 'totals': the UK totals'; 'breakdowns': one per group of each breakdown of `kinds`, its figure the core's with the
 * group, "breakdown_region-east-midlands"), `href` (the page the citation links, to which the assumptions are added)
 * and `ready` (copying works).
 */
export function renderProvenance(root, snapshot, viewState) {
  const state = { ...viewState, permalink: snapshot.query ? `${viewState.href}?${snapshot.query}` : viewState.href };
  last.set(root, { snapshot, state });
  for (const copy of root.querySelectorAll('[data-part="copy"]')) setReady(copy, state.ready);
  // The breakdowns' 45 panels, all in the build's HTML, are read from the core only when one is open (a closed one is
  // drawn as it opens), and not before their data are loaded: the views disable their Source buttons meanwhile,
  // unless the panels shown are of the assumptions in force.
  if (state.kind === 'breakdowns' && root.firstElementChild && ![...root.children].some(isOpen)) return;
  for (const entry of entries(snapshot, state)) {
    const key = fingerprint(`${snapshot.query} ${state.permalink} ${JSON.stringify(entry)}`);
    const panel = root.querySelector(`:scope > [data-figure="${entry.figure}"]`);
    if (panel && (panel.dataset.drawn === key || !isOpen(panel))) continue;
    const made = panel ?? create(root, entry.figure);
    draw(made, entry, key, state);
    setReady(parts(made).copy, state.ready);
  }
}

// A figure's entry: one per panel of the figures, and the task's when one is chosen.
function entries(snapshot, { kind, soc, taskId, kinds }) {
  if (kind === 'totals') return snapshot.totalsProvenance;
  if (kind === 'breakdowns') {
    // One panel per group, in the order of the core's groups; empty until the data are loaded.
    return kinds.flatMap((name) => {
      const breakdown = snapshot.breakdown(name);
      const groups = breakdown.ok ? (breakdown.rows ?? breakdown.sides) : [];
      return snapshot.breakdownProvenance(name).map((entry, i) => ({ ...entry, figure: `${entry.figure}-${idPart(groups[i].group)}` }));
    });
  }
  const list = [...snapshot.provenance(soc)];
  const task = taskId ? snapshot.taskProvenance(soc, taskId) : null;
  if (task) list.push({ ...task, figure: 'task' });
  return list;
}

function isOpen(panel) {
  try {
    return panel.matches(':popover-open');
  } catch {
    return false;  // a DOM without popovers (the build) has none open
  }
}

// A panel: a popover dialog named by its title, with its parts, closed by its own button.
function create(root, figure) {
  const doc = root.ownerDocument;
  const id = `provenance-${figure}`;
  const part = (name, tag, attributes = {}, ...children) => el(doc, tag, { ...attributes, 'data-part': name }, ...children);
  const panel = el(doc, 'div', { class: 'provenance', popover: true, role: 'dialog', id, 'data-figure': figure,
                                 'aria-labelledby': `${id}-title` },
    el(doc, 'div', { class: 'provenance__head' },
       part('title', 'h3', { class: 'provenance__title', id: `${id}-title` }),
       part('close', 'button', { type: 'button', class: 'provenance__close', popovertarget: id, popovertargetaction: 'hide' }, 'Close')),
    part('value', 'p', { class: 'provenance__value' }),
    part('formula', 'p', { class: 'provenance__formula' }),
    el(doc, 'h4', {}, 'Sources'),
    part('sources', 'ul', { class: 'provenance__sources' }),
    part('assumptions', 'p', { class: 'provenance__assumptions' }),
    el(doc, 'h4', {}, 'Citation'),
    el(doc, 'p', { class: 'provenance__citation' }, part('citation', 'span'), ' ', part('permalink', 'a', { class: 'link', href: '' })),
    el(doc, 'p', { class: 'needs-js' }, part('copy', 'button', { type: 'button', class: 'button', disabled: true }, 'Copy citation'), ' ',
       part('copied', 'span', { class: 'provenance__copied', role: 'status' })));
  root.append(panel);
  return panel;
}

function draw(panel, entry, key, { permalink }) {
  const p = parts(panel);
  setText(p.title, entry.title);
  setText(p.value, entry.valueText);
  setText(p.formula, entry.formula);
  setText(p.assumptions, `Assumptions in force: ${entry.assumptions}.`);
  setText(p.citation, entry.citation);
  setAttr(p.permalink, 'href', permalink);
  setText(p.permalink, permalink);
  // Its fingerprint, not the list itself: the list is in the panel's text already, and the home page has 45 panels.
  const sources = fingerprint(JSON.stringify(entry.sources));
  if (p.sources.dataset.key !== sources) {
    p.sources.dataset.key = sources;
    const doc = panel.ownerDocument;
    p.sources.replaceChildren(...entry.sources.map((source) => el(doc, 'li', {},
      el(doc, 'span', { class: 'provenance__row' }, `${source.row}: `), source.text)));
  }
  panel.dataset.drawn = key;
}

// "1 December 2026": the citation's access date, in the page's language.
const accessed = (date) => date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

/**
 * Wires the panels: a stale panel is drawn as it opens; "Copy citation" copies the citation, the absolute
 * permalink and today's date, and says whether it worked. Returns { showTask }, which draws the task's panel at
 * once, for the task Source button about to open it.
 */
export function wireProvenance(root) {
  root.addEventListener('beforetoggle', (event) => {
    if (event.newState !== 'open') return;
    const panel = event.target;
    setText(parts(panel).copied, '');
    const drawnWith = last.get(root);
    if (!drawnWith) return;
    const entry = entries(drawnWith.snapshot, drawnWith.state).find((candidate) => candidate.figure === panel.dataset.figure);
    if (!entry) return;
    const key = fingerprint(`${drawnWith.snapshot.query} ${drawnWith.state.permalink} ${JSON.stringify(entry)}`);
    if (panel.dataset.drawn !== key) draw(panel, entry, key, drawnWith.state);
  }, true);
  root.addEventListener('click', async (event) => {
    const button = event.target.closest('[data-part="copy"]');
    if (button) await copy(button.closest('[data-figure]'));
  });
  return {
    /** Draws the task panel now, for `snapshot` and the panels' `viewState` (its `taskId` the task's). */
    showTask(snapshot, viewState) {
      renderProvenance(root, snapshot, viewState);
      const state = last.get(root).state;
      const panel = root.querySelector(':scope > [data-figure="task"]');
      const entry = snapshot.taskProvenance(state.soc, state.taskId);
      if (!panel || !entry) return;
      const task = { ...entry, figure: 'task' };
      draw(panel, task, fingerprint(`${snapshot.query} ${state.permalink} ${JSON.stringify(task)}`), state);
    },
  };
}

async function copy(panel) {
  const p = parts(panel);
  const doc = panel.ownerDocument;
  const url = new URL(p.permalink.getAttribute('href'), doc.baseURI).href;
  const text = `${p.citation.textContent} ${url} (accessed ${accessed(new Date())})`;
  if (await copyText(text, doc.defaultView)) {
    setText(p.copied, 'Citation copied.');
  } else {
    // A browser that refuses the clipboard, or never answers, still shows the citation: say so, and select it for
    // a manual copy.
    setText(p.copied, 'The browser did not copy it: the citation is selected, copy it with the keyboard.');
    const range = doc.createRange();
    range.selectNodeContents(p.citation.parentElement);
    const selection = doc.defaultView.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }
}
