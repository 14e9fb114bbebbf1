// The "Other measures" section of a role: every measure's score, band, UK rank and wage exposure side by side
// (the core's report), whether they agree, the ILO's gradient, the ILO's tasks of the role's ISCO-08 code with
// both models' reasons (downloaded when opened), and a scatter of the Eloundou score against another measure over
// every UK occupation (drawn while open). Root: #measures.
import { el, fillFields, fromTemplate, part, parts, reconcile, setAttr, setHidden, setReady, setText } from './dom.js';

// What a measure's rank says while its figures are not in: still coming, or they could not be had (the notice
// says why and what to do).
const PENDING_RANK = { loading: 'loading…', failed: 'unavailable: not downloaded', ready: '—' };

// The scatter's plot area inside its 360 x 300 view box: 0-10 on both axes.
const PLOT = { left: 40, right: 348, top: 12, bottom: 262 };

/**
 * Draws the measures of role `soc`. State: `ready` (the controls work), `details` (the download of the part that
 * carries the other measures: 'loading', 'ready' or 'failed') and `ilo`, the ILO task list asked for:
 * { isco, status: 'loading' | 'ready' | 'failed', slow, tasks, title, message } or null (`slow`: past the time
 * after which a download is said to take longer than usual).
 */
export function renderMeasures(root, snapshot, { soc, ready, details = 'ready', ilo }) {
  const result = snapshot.measures(soc);
  if (!result.ok) return;
  const measures = result.measures;
  const doc = root.ownerDocument;
  reconcile(part(root, 'rows'), measures.lines, {
    key: (line) => line.measure,
    create: () => el(doc, 'tr', {}, el(doc, 'th', { scope: 'row' }), el(doc, 'td', { class: 'num' }), el(doc, 'td'),
                     el(doc, 'td'), el(doc, 'td', { class: 'num' })),
    update: (row, line) => {
      const [name, score, band, rank, wage] = row.children;
      setAttr(row, 'class', line.headline ? 'measures__headline' : null);
      setText(name, line.headline ? `${line.title} (headline)` : line.title);
      setAttr(name, 'title', line.about);
      setText(score, line.scoreText);
      const chip = band.firstElementChild ?? band.appendChild(el(doc, 'span', { class: 'band band--small' }));
      setHidden(chip, !line.bandKey);
      setAttr(chip, 'data-band', line.bandKey);
      setText(chip, line.band);
      setText(rank, line.measure !== 'eloundou' && !measures.loaded ? PENDING_RANK[details] ?? PENDING_RANK.loading : line.rankText);
      setText(wage, line.scored ? line.wageExposureText : '—');
    },
  });
  fillFields(root, { agreementText: measures.agreementText, iloIsco: measures.iloIsco, iloIscoTitle: measures.iloIscoTitle,
                     iloGradientText: measures.iloGradientText });
  setHidden(part(root, 'agreement'), !measures.agreementText);
  setHidden(part(root, 'ilo-gradient'), !measures.iloGradientText);
  const iloDetails = part(root, 'ilo-tasks');
  setHidden(iloDetails, !measures.iloIsco);
  // The list shown was another role's: it closes, and opening it again fetches this role's.
  if (ilo && ilo.isco !== measures.iloIsco && iloDetails.open) iloDetails.open = false;
  renderIloTasks(iloDetails, ilo?.isco === measures.iloIsco ? ilo : null);
  const scatter = part(root, 'scatter');
  setReady(part(scatter, 'scatter-measure'), ready);
  if (scatter.open) drawScatter(scatter, snapshot, soc);
}

function renderIloTasks(details, ilo) {
  const status = part(details, 'ilo-status');
  const list = part(details, 'ilo-list');
  if (!ilo) {
    setText(status, '');
    list.replaceChildren();
    return;
  }
  if (ilo.status !== 'ready') {
    const loading = ilo.slow ? `Still downloading the ILO's tasks for ISCO-08 ${ilo.isco}: this is taking longer than usual. `
      + 'It is tried again a few times; if it cannot be had, this says so.' : `Downloading the ILO's tasks for ISCO-08 ${ilo.isco}…`;
    setText(status, ilo.status === 'loading' ? loading
      : `The ILO's tasks could not be downloaded (${ilo.message}). Close and open this again to retry.`);
    list.replaceChildren();
    return;
  }
  setText(status, `${ilo.tasks.length} tasks of “${ilo.title}”, highest score first.`);
  const tasks = [...ilo.tasks].sort((a, b) => b.score10 - a.score10 || a.id - b.id);
  reconcile(list, tasks, {
    key: (task) => task.id,
    create: () => fromTemplate(details, 'ilo-task'),  // the template is in the list's <details>
    update: (item, task) => {
      const p = parts(item);
      setText(p.text, task.text);
      setText(p.score, task.scoreText);
      setHidden(p.reconciled, !task.reconciled);
      setText(p.gpt4o, task.gpt4oText);
      setText(p['gpt4o-reason'], task.reasonGpt4o || 'No reason given.');
      setText(p.gemini, task.geminiText);
      setText(p['gemini-reason'], task.reasonGemini || 'No reason given.');
    },
  });
}

// Eloundou (x) against the chosen measure (y) for every UK occupation both score; the role on screen ringed.
function drawScatter(details, snapshot, soc) {
  const select = part(details, 'scatter-measure');
  const measure = select.value;
  const columns = snapshot.measureColumns;
  const agreement = snapshot.agreement(measure);
  const units = snapshot.units;
  const doc = details.ownerDocument;
  const x = columns.eloundou;
  const y = columns[measure];
  const at = (value, low, high) => low + (high - low) * Math.min(10, Math.max(0, value)) / 10;
  const nodes = [];
  for (let tick = 0; tick <= 10; tick += 2) {
    const px = at(tick, PLOT.left, PLOT.right);
    const py = at(tick, PLOT.bottom, PLOT.top);
    nodes.push(el(doc, 'svg:line', { class: 'scatter__grid', x1: px, x2: px, y1: PLOT.top, y2: PLOT.bottom }),
               el(doc, 'svg:line', { class: 'scatter__grid', x1: PLOT.left, x2: PLOT.right, y1: py, y2: py }),
               el(doc, 'svg:text', { class: 'scatter__tick', x: px, y: PLOT.bottom + 14, 'text-anchor': 'middle' }, String(tick)),
               el(doc, 'svg:text', { class: 'scatter__tick', x: PLOT.left - 6, y: py + 4, 'text-anchor': 'end' }, String(tick)));
  }
  const title = select.selectedOptions?.[0]?.textContent ?? measure;
  const middleY = (PLOT.top + PLOT.bottom) / 2;
  nodes.push(el(doc, 'svg:text', { class: 'scatter__axis', x: (PLOT.left + PLOT.right) / 2, y: PLOT.bottom + 32, 'text-anchor': 'middle' },
                'Eloundou et al. (current assumptions)'),
             el(doc, 'svg:text', { class: 'scatter__axis', x: 12, y: middleY, 'text-anchor': 'middle', transform: `rotate(-90 12 ${middleY})` },
                title));
  let marked = null;
  let points = 0;
  for (let i = 0; i < units.length; i++) {
    if (Number.isNaN(x[i]) || Number.isNaN(y[i])) continue;
    points += 1;
    const role = units[i].soc === soc;
    const dot = el(doc, 'svg:circle', { class: role ? 'scatter__dot scatter__dot--role' : 'scatter__dot', r: role ? 5 : 2.6,
                                        cx: at(x[i], PLOT.left, PLOT.right).toFixed(1), cy: at(y[i], PLOT.bottom, PLOT.top).toFixed(1) },
                   el(doc, 'svg:title', {}, `${units[i].title} (${units[i].soc}): ${x[i].toFixed(1)} and ${y[i].toFixed(1)}`));
    if (role) marked = dot;
    else nodes.push(dot);
  }
  if (marked) nodes.push(marked);  // drawn last, on top
  part(details, 'scatter-svg').replaceChildren(...nodes);
  const roleTitle = snapshot.units.find((unit) => unit.soc === soc)?.title;
  setText(part(details, 'scatter-caption'), `Each dot is one of ${points} UK occupations scored by both. Rank agreement `
    + `(Spearman's ρ) with the Eloundou score: ${agreement.text} over ${agreement.pairs} occupations; 1 would be the `
    + `same order, 0 no relation.${roleTitle ? ` ${roleTitle} is ringed.` : ''}`);
}

/**
 * Wires the ILO task list and the scatter: `loadIlo()` when the list is opened (the role's ISCO-08 code's),
 * `redraw()` when the scatter is opened or its measure changes.
 */
export function wireMeasures(root, { loadIlo, redraw }) {
  const iloDetails = part(root, 'ilo-tasks');
  iloDetails.addEventListener('toggle', () => {
    if (iloDetails.open) loadIlo();
  });
  const scatter = part(root, 'scatter');
  scatter.addEventListener('toggle', redraw);
  part(scatter, 'scatter-measure').addEventListener('change', redraw);
}
