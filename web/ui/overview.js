// All UK occupations: the UK totals, the distribution chart with the current role marked, and the sortable,
// filterable table. Rows are built once; each recompute rewrites only the cells that changed and reorders the
// rows only when the sorted order changed.
import { element, fillFields, fromTemplate, parts, setText } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';
const BINS = 20;  // half-point bins over 0-10
const CHART = { width: 640, height: 220, left: 36, right: 12, top: 14, bottom: 34 };

// Sort keys: a value (smaller first) and whether the row has one (rows without always go last).
const SORTS = {
  title: (row) => [row.info.title.toLowerCase(), true],
  major: (row) => [row.info.majorGroup * 10000 + Number(row.info.soc), true],
  employees: (row) => [row.info.employees, row.info.hasEmployees],
  pay: (row) => [row.info.medianPayGbp, row.info.hasMedianPay],
  score: (row) => [row.figures?.score10 ?? 0, row.figures?.scored ?? false],
  wage: (row) => [row.figures?.wageExposureGbp ?? 0, row.figures?.hasWageExposure ?? false],
};

function svg(name, attributes = {}) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  return node;
}

function bandOfBin(bin) {
  const lower = bin / 2;
  return lower < 2 ? 'Minimal' : lower < 4 ? 'Low' : lower < 6 ? 'Moderate' : lower < 8 ? 'High' : 'Very high';
}

export class Overview {
  #rows = new Map();  // soc -> { info, figures, item, parts }
  #order = [];
  #sort = { key: 'score', descending: true };
  #filter = { text: '', major: '' };
  #body;
  #onOpen;
  #bars = [];
  #marker;
  #markerLabel;
  #topTick;
  #selected = '';

  constructor(unitGroups, majorGroups, onOpen) {
    this.#onOpen = onOpen;
    this.#body = element('#occupations-body');
    const majorTitles = new Map(majorGroups.map((group) => [group.code, group.title]));
    const select = element('#table-major');
    for (const group of majorGroups) {
      const option = document.createElement('option');
      option.value = String(group.code);
      option.textContent = `${group.code} ${group.title}`;
      select.append(option);
    }
    for (const info of unitGroups) {
      const item = fromTemplate('row-template');
      const p = parts(item);
      setText(p.open, info.title);
      setText(p.code, info.soc);
      setText(p.major, majorTitles.get(info.majorGroup) ?? '');
      // In the table a missing figure reads "not published"; the reason is in its title and in the role's view.
      for (const [cell, has, text] of [[p.employees, info.hasEmployees, info.employeesText],
                                       [p.pay, info.hasMedianPay, info.medianPayText]]) {
        setText(cell, has ? text : 'not published');
        if (!has) {
          cell.classList.add('muted');
          cell.title = text;
        }
      }
      p.open.dataset.soc = info.soc;
      this.#rows.set(info.soc, { info, figures: null, item, parts: p });
    }
    this.#body.addEventListener('click', (event) => {
      const button = event.target.closest('button[data-soc]');
      if (button) this.#onOpen(button.dataset.soc);
    });
    for (const button of document.querySelectorAll('#occupations-table [data-sort]')) {
      button.addEventListener('click', () => this.#sortBy(button.dataset.sort));
    }
    element('#table-filter').addEventListener('input', (event) => {
      this.#filter.text = event.target.value.trim().toLowerCase();
      this.#applyOrder(true);
    });
    select.addEventListener('change', (event) => {
      this.#filter.major = event.target.value;
      this.#applyOrder(true);
    });
    this.#buildChart();
  }

  /** SOC codes of the rows shown, in table order (for the CSV export). */
  visibleSocs() {
    return this.#order.filter((soc) => !this.#rows.get(soc).item.hidden);
  }

  render(rows, totals, selectedSoc) {
    for (const figures of rows) {
      const row = this.#rows.get(figures.soc);
      row.figures = figures;
      const p = row.parts;
      setText(p.score, figures.scoreText);
      p.score.dataset.band = figures.band;
      setText(p.wage, figures.wageExposureText);
      p.wage.classList.toggle('muted', !figures.hasWageExposure);
    }
    if (selectedSoc !== this.#selected) {
      this.#rows.get(this.#selected)?.item.removeAttribute('aria-current');
      this.#rows.get(selectedSoc)?.item.setAttribute('aria-current', 'true');
      this.#selected = selectedSoc;
    }
    this.#applyOrder(false);
    fillFields(element('#overview'), totals, 'total');
    setText(element('#totals-note'),
            'Totals cover scored occupations whose figures ASHE publishes; where it does not, nothing is guessed.');
    setText(element('#chart-summary'), totals.distributionText);
    this.#renderChart(rows, selectedSoc);
  }

  #sortBy(key) {
    this.#sort = this.#sort.key === key ? { key, descending: !this.#sort.descending }
                                        : { key, descending: key !== 'title' && key !== 'major' };
    for (const header of document.querySelectorAll('#occupations-table th[aria-sort]')) {
      const isKey = header.querySelector('[data-sort]').dataset.sort === key;
      header.setAttribute('aria-sort', isKey ? (this.#sort.descending ? 'descending' : 'ascending') : 'none');
    }
    this.#applyOrder(true);
  }

  #applyOrder(force) {
    const sortKey = SORTS[this.#sort.key];
    const direction = this.#sort.descending ? -1 : 1;
    const entries = [...this.#rows.values()];
    entries.sort((a, b) => {
      const [va, ha] = sortKey(a);
      const [vb, hb] = sortKey(b);
      if (ha !== hb) return ha ? -1 : 1;
      if (va < vb) return -direction;
      if (va > vb) return direction;
      return a.info.soc < b.info.soc ? -1 : 1;
    });
    const order = entries.map((row) => row.info.soc);
    const changed = force || order.length !== this.#order.length || order.some((soc, i) => soc !== this.#order[i]);
    this.#order = order;
    if (!changed) return;
    let shown = 0;
    for (const row of entries) {
      const title = row.info.title.toLowerCase();
      const visible = (!this.#filter.major || String(row.info.majorGroup) === this.#filter.major) &&
                      (!this.#filter.text || title.includes(this.#filter.text) || row.info.soc.startsWith(this.#filter.text));
      row.item.hidden = !visible;
      if (visible) shown++;
    }
    this.#body.replaceChildren(...entries.map((row) => row.item));
    setText(element('#table-count'), shown === entries.length ? `All ${entries.length} occupations.`
                                                               : `${shown} of ${entries.length} occupations.`);
  }

  #buildChart() {
    const chart = element('#chart');
    const { width, height, left, right, top, bottom } = CHART;
    const plotWidth = width - left - right;
    const barWidth = plotWidth / BINS;
    chart.append(svg('line', { x1: left, y1: height - bottom, x2: width - right, y2: height - bottom, class: 'chart__axis' }));
    for (let tick = 0; tick <= 10; tick += 2) {
      const x = left + (tick / 10) * plotWidth;
      chart.append(svg('line', { x1: x, y1: height - bottom, x2: x, y2: height - bottom + 5, class: 'chart__axis' }));
      const label = svg('text', { x, y: height - bottom + 18, class: 'chart__tick', 'text-anchor': 'middle' });
      label.textContent = String(tick);
      chart.append(label);
    }
    const axisTitle = svg('text', { x: left + plotWidth / 2, y: height - 2, class: 'chart__tick', 'text-anchor': 'middle' });
    axisTitle.textContent = 'Exposure score (0-10)';
    chart.append(axisTitle);
    chart.append(svg('line', { x1: left, y1: top, x2: left, y2: height - bottom, class: 'chart__axis' }));
    const countTitle = svg('text', { x: 12, y: top + (height - top - bottom) / 2, class: 'chart__tick', 'text-anchor': 'middle',
                                     transform: `rotate(-90 12 ${top + (height - top - bottom) / 2})` });
    countTitle.textContent = 'occupations';
    this.#topTick = svg('text', { x: left - 5, y: top + 4, class: 'chart__tick', 'text-anchor': 'end' });
    const zeroTick = svg('text', { x: left - 5, y: height - bottom, class: 'chart__tick', 'text-anchor': 'end' });
    zeroTick.textContent = '0';
    chart.append(countTitle, this.#topTick, zeroTick);
    for (let bin = 0; bin < BINS; bin++) {
      const bar = svg('rect', { x: left + bin * barWidth + 1, width: barWidth - 2, y: height - bottom, height: 0,
                                class: 'chart__bar', 'data-band': bandOfBin(bin) });
      chart.append(bar);
      this.#bars.push(bar);
    }
    this.#marker = svg('line', { y1: top, y2: height - bottom, class: 'chart__marker', visibility: 'hidden' });
    this.#markerLabel = svg('text', { y: top - 2, class: 'chart__marker-label', 'text-anchor': 'middle', visibility: 'hidden' });
    this.#markerLabel.textContent = 'This role';
    chart.append(this.#marker, this.#markerLabel);
  }

  #renderChart(rows, selectedSoc) {
    const counts = new Array(BINS).fill(0);
    let selectedScore = null;
    for (const row of rows) {
      if (!row.scored) continue;
      counts[Math.min(BINS - 1, Math.floor(row.score10 * 2))]++;
      if (row.soc === selectedSoc) selectedScore = row.score10;
    }
    const { width, height, left, right, top, bottom } = CHART;
    const plotHeight = height - top - bottom;
    const plotWidth = width - left - right;
    const highest = Math.max(1, ...counts);
    setText(this.#topTick, String(highest));
    counts.forEach((count, bin) => {
      const barHeight = (count / highest) * plotHeight;
      this.#bars[bin].setAttribute('y', String(height - bottom - barHeight));
      this.#bars[bin].setAttribute('height', String(barHeight));
    });
    const visible = selectedScore !== null;
    const x = left + (Math.min(10, selectedScore ?? 0) / 10) * plotWidth;
    for (const node of [this.#marker, this.#markerLabel]) node.setAttribute('visibility', visible ? 'visible' : 'hidden');
    this.#marker.setAttribute('x1', String(x));
    this.#marker.setAttribute('x2', String(x));
    this.#markerLabel.setAttribute('x', String(Math.max(left + 24, Math.min(width - right - 24, x))));
  }
}
