// The "Other measures" section of a role: every measure's score, band, UK rank and wage exposure side by side
// (from the core's report), whether they agree, the ILO's gradient and, on demand, the ILO's tasks of the role's
// ISCO-08 code with both models' reasons, and a scatter of the Eloundou score against another measure over every
// UK occupation. The table and sentences are pre-rendered; the tasks and the scatter need the live calculator.
import { element, fillFields, parts, setAttr, setHidden, setText, svgElement } from './dom.js';

// The scatter's plot area inside its 360 x 300 view box: 0-10 on both axes.
const PLOT = { left: 40, right: 348, top: 12, bottom: 262 };

export class MeasuresView {
  #root;
  #rows;
  #iloDetails;
  #iloStatus;
  #iloList;
  #scatterDetails;
  #scatter;
  #scatterMeasure;
  #live;
  #loadIloTasks;
  #scatterData;
  #report = null;
  #iloShown = '';  // the ISCO-08 code whose tasks the list shows

  /**
   * `loadIloTasks(isco)` resolves to the ILO's tasks of an ISCO-08 code ({ ok, message, tasks }); `scatterData()`
   * gives { units, columns, agreement(measure) } under the assumptions of the last render. Both live only.
   */
  constructor({ live, loadIloTasks = null, scatterData = null }) {
    this.#root = element('#measures');
    this.#rows = element('#measure-rows');
    this.#iloDetails = element('#ilo-tasks');
    this.#iloStatus = element('#ilo-tasks-status');
    this.#iloList = element('#ilo-task-list');
    this.#scatterDetails = element('#measure-scatter');
    this.#scatter = element('#scatter');
    this.#scatterMeasure = element('#scatter-measure');
    this.#live = live;
    this.#loadIloTasks = loadIloTasks;
    this.#scatterData = scatterData;
    if (!live) return;
    this.#scatterMeasure.disabled = false;
    // Drawn when opened (and redrawn on every render while open): 400 points cost nothing while closed.
    this.#iloDetails.addEventListener('toggle', () => this.#showIloTasks());
    this.#scatterDetails.addEventListener('toggle', () => this.#drawScatter());
    this.#scatterMeasure.addEventListener('change', () => this.#drawScatter());
  }

  /** Draws the role's `measures` (MeasuresReport) beside its `report` (for the role's code and title). */
  render(report, measures) {
    this.#report = { soc: report.soc, title: report.title, iloIsco: measures.iloIsco };
    const rows = measures.lines.map((line) => {
      const row = document.createElement('tr');
      if (line.headline) row.className = 'measures__headline';
      const name = document.createElement('th');
      name.scope = 'row';
      name.textContent = line.headline ? `${line.title} (headline)` : line.title;
      name.title = line.about;
      const cell = (text, className = '') => {
        const td = document.createElement('td');
        if (className) td.className = className;
        td.textContent = text;
        return td;
      };
      const band = cell('');
      if (line.band) {
        const chip = document.createElement('span');
        chip.className = 'band band--small';
        chip.dataset.band = line.band;
        chip.textContent = line.band;
        band.append(chip);
      }
      const waiting = line.measure !== 'eloundou' && !measures.loaded;
      row.append(name, cell(line.scoreText, 'num'), band, cell(waiting ? 'loading…' : line.rankText),
                 cell(line.scored ? line.wageExposureText : '—', 'num'));
      return row;
    });
    this.#rows.replaceChildren(...rows);
    fillFields(this.#root, {
      agreementText: measures.agreementText,
      iloIsco: measures.iloIsco,
      iloIscoTitle: measures.iloIscoTitle,
      iloGradientText: measures.iloGradientText,
    });
    setHidden(this.#root.querySelector('[data-field="agreementText"]'), !measures.agreementText);
    setHidden(this.#root.querySelector('[data-role="ilo-gradient"]'), !measures.iloGradientText);
    setHidden(this.#iloDetails, !measures.iloIsco);
    if (this.#iloShown && this.#iloShown !== measures.iloIsco) {
      // Another role: its tasks are fetched when the list is opened again.
      this.#iloShown = '';
      this.#iloList.replaceChildren();
      setText(this.#iloStatus, '');
      this.#iloDetails.open = false;
    }
    if (this.#live && this.#scatterDetails.open) this.#drawScatter();
  }

  async #showIloTasks() {
    const isco = this.#report?.iloIsco;
    if (!this.#iloDetails.open || !isco || this.#iloShown === isco) return;
    this.#iloShown = isco;
    setText(this.#iloStatus, `Downloading the ILO's tasks for ISCO-08 ${isco}…`);
    const result = await this.#loadIloTasks(isco);
    if (this.#iloShown !== isco) return;  // the visitor moved on to another role meanwhile
    if (!result.ok) {
      this.#iloShown = '';  // tried again when the list is next opened
      setText(this.#iloStatus, `The ILO's tasks could not be downloaded (${result.detail ?? result.message}). Close and open this again to retry.`);
      return;
    }
    setText(this.#iloStatus, `${result.tasks.length} tasks of “${result.title}”, highest score first.`);
    const tasks = [...result.tasks].sort((a, b) => b.score10 - a.score10 || a.id - b.id);
    this.#iloList.replaceChildren(...tasks.map((task) => this.#iloTask(task)));
  }

  #iloTask(task) {
    const item = element('#ilo-task-template').content.firstElementChild.cloneNode(true);
    const p = parts(item);
    setText(p.text, task.text);
    setText(p.score, task.scoreText);
    setHidden(p.reconciled, !task.reconciled);
    setText(p.gpt4o, task.gpt4oText);
    setText(p['gpt4o-reason'], task.reasonGpt4o || 'No reason given.');
    setText(p.gemini, task.geminiText);
    setText(p['gemini-reason'], task.reasonGemini || 'No reason given.');
    return item;
  }

  // Eloundou (x) against the chosen measure (y) for every UK occupation both score; the role on screen ringed.
  #drawScatter() {
    if (!this.#scatterDetails.open || !this.#scatterData) return;
    const measure = this.#scatterMeasure.value;
    const { units, columns, agreement } = this.#scatterData(measure);
    const x = columns.eloundou;
    const y = columns[measure];
    const at = (value, low, high) => low + (high - low) * Math.min(10, Math.max(0, value)) / 10;
    const nodes = [];
    for (let tick = 0; tick <= 10; tick += 2) {
      const px = at(tick, PLOT.left, PLOT.right);
      const py = at(tick, PLOT.bottom, PLOT.top);
      nodes.push(svgElement('line', { class: 'scatter__grid', x1: px, x2: px, y1: PLOT.top, y2: PLOT.bottom }));
      nodes.push(svgElement('line', { class: 'scatter__grid', x1: PLOT.left, x2: PLOT.right, y1: py, y2: py }));
      const xLabel = svgElement('text', { class: 'scatter__tick', x: px, y: PLOT.bottom + 14, 'text-anchor': 'middle' });
      xLabel.textContent = String(tick);
      const yLabel = svgElement('text', { class: 'scatter__tick', x: PLOT.left - 6, y: py + 4, 'text-anchor': 'end' });
      yLabel.textContent = String(tick);
      nodes.push(xLabel, yLabel);
    }
    const title = this.#scatterMeasure.selectedOptions[0]?.textContent ?? measure;
    const xAxis = svgElement('text', { class: 'scatter__axis', x: (PLOT.left + PLOT.right) / 2, y: PLOT.bottom + 32, 'text-anchor': 'middle' });
    xAxis.textContent = 'Eloundou et al. (current assumptions)';
    const yAxis = svgElement('text', { class: 'scatter__axis', x: 12, y: (PLOT.top + PLOT.bottom) / 2, 'text-anchor': 'middle',
                                       transform: `rotate(-90 12 ${(PLOT.top + PLOT.bottom) / 2})` });
    yAxis.textContent = title;
    nodes.push(xAxis, yAxis);
    let marked = null;
    let points = 0;
    for (let i = 0; i < units.length; i++) {
      if (Number.isNaN(x[i]) || Number.isNaN(y[i])) continue;
      points += 1;
      const dot = svgElement('circle', { class: 'scatter__dot', cx: at(x[i], PLOT.left, PLOT.right).toFixed(1),
                                         cy: at(y[i], PLOT.bottom, PLOT.top).toFixed(1), r: 2.6 });
      const tip = svgElement('title', {});
      tip.textContent = `${units[i].title} (${units[i].soc}): ${x[i].toFixed(1)} and ${y[i].toFixed(1)}`;
      dot.append(tip);
      if (units[i].soc === this.#report?.soc) marked = dot;
      else nodes.push(dot);
    }
    if (marked) {
      setAttr(marked, 'class', 'scatter__dot scatter__dot--role');
      setAttr(marked, 'r', '5');
      nodes.push(marked);  // drawn last, on top
    }
    this.#scatter.replaceChildren(...nodes);
    const role = this.#report;
    const roleLine = role ? ` ${role.title} is ringed.` : '';
    setText(element('#scatter-caption'), `Each dot is one of ${points} UK occupations scored by both. Rank agreement `
      + `(Spearman's ρ) with the Eloundou score: ${agreement.text} over ${agreement.pairs} occupations; 1 would be the `
      + `same order, 0 no relation.${roleLine}`);
  }
}
