// All UK occupations: the UK totals, the distribution chart with the current role marked, and the sortable,
// filterable table. Only the rows in and near the table's view are in the DOM, drawn into a fixed set of row
// elements that are reused as the view scrolls or the rows re-sort: a recompute then rewrites a few dozen cells
// and moves no element, whatever the number of occupations.
import { element, fillFields, fromTemplate, parts, setAttr, setText } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';
const BINS = 20;  // half-point bins over 0-10
const CHART = { width: 640, height: 220, left: 36, right: 12, top: 14, bottom: 34 };

// Sort keys: a value (smaller first) and whether the row has one (rows without always go last).
// A table row's height at the default font size, until a laid-out row says otherwise (measuring before the first
// layout would force one in the middle of the first render).
const ROW_HEIGHT_ESTIMATE = 38;

const SORTS = {
  title: (row) => [row.titleLower, true],
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
  #rows = new Map();  // soc -> { info, figures, majorTitle, titleLower }
  #pool = [];         // row elements for the window, each { item, parts, soc }; reused for whichever rows are in view
  #before;            // spacer rows standing for the rows above and below the window
  #after;
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
  #scroller;
  #table;
  #shown = [];        // the rows that pass the filter, in table order
  #rowHeight = ROW_HEIGHT_ESTIMATE;  // corrected from a laid-out row after each layout; every row is one line high
  #windowStart = -1;  // index into #shown of the first row in the DOM
  #windowEnd = -1;
  #scrollFrame = 0;
  // The scroller's position and height, kept from its scroll and resize events: reading them during a render
  // would force a layout of the whole page in the middle of the DOM writes.
  #viewTop = 0;
  #viewHeight = 0;
  #pendingScroll = null;

  constructor(unitGroups, majorGroups, onOpen) {
    this.#onOpen = onOpen;
    this.#body = element('#occupations-body');
    this.#table = element('#occupations-table');
    this.#scroller = this.#table.closest('.table-scroll');
    const majorTitles = new Map(majorGroups.map((group) => [group.code, group.title]));
    const select = element('#table-major');
    for (const group of majorGroups) {
      const option = document.createElement('option');
      option.value = String(group.code);
      option.textContent = `${group.code} ${group.title}`;
      select.append(option);
    }
    for (const info of unitGroups) {
      this.#rows.set(info.soc, { info, figures: null, majorTitle: majorTitles.get(info.majorGroup) ?? '',
                                 titleLower: info.title.toLowerCase() });
    }
    this.#before = this.#spacer();
    this.#after = this.#spacer();
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
    // Runs after layout, where reading sizes costs nothing: the scroller's height, and a row's.
    new ResizeObserver(() => {
      this.#viewHeight = this.#scroller.clientHeight;
      this.#measureRows();
      this.#renderWindow(false);
    }).observe(this.#scroller);
    this.#scroller.addEventListener('scroll', () => {
      if (this.#pendingScroll === null) this.#viewTop = this.#scroller.scrollTop;
      if (this.#scrollFrame) return;
      this.#scrollFrame = requestAnimationFrame(() => {
        this.#scrollFrame = 0;
        this.#renderWindow(false);
      });
    }, { passive: true });
    this.#buildChart();
  }

  /** SOC codes of the rows shown, in table order (for the CSV export). */
  visibleSocs() {
    return this.#shown.map((row) => row.info.soc);
  }

  render(rows, totals, selectedSoc) {
    for (const figures of rows) this.#rows.get(figures.soc).figures = figures;
    const roleChanged = selectedSoc !== this.#selected;
    this.#selected = selectedSoc;
    this.#applyOrder(false);  // draws the window: the figures changed, if not the order
    if (roleChanged) this.#scrollToSelected();
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
    // Each row's key is computed once, not once per comparison.
    const keyed = [...this.#rows.values()].map((row) => {
      const [value, has] = sortKey(row);
      return { row, value, has };
    });
    keyed.sort((a, b) => {
      if (a.has !== b.has) return a.has ? -1 : 1;
      if (a.value < b.value) return -direction;
      if (a.value > b.value) return direction;
      return a.row.info.soc < b.row.info.soc ? -1 : 1;
    });
    const entries = keyed.map((entry) => entry.row);
    const order = entries.map((row) => row.info.soc);
    const changed = force || order.length !== this.#order.length || order.some((soc, i) => soc !== this.#order[i]);
    this.#order = order;
    if (!changed) {
      this.#renderWindow(true);
      return;
    }
    // The selected row, if it is on screen, stays where the reader sees it while the rows re-sort around it.
    const anchor = this.#selectedOffset();
    const { major, text } = this.#filter;
    this.#shown = entries.filter((row) => (!major || String(row.info.majorGroup) === major) &&
                                          (!text || row.titleLower.includes(text) || row.info.soc.startsWith(text)));
    this.#table.setAttribute('aria-rowcount', String(this.#shown.length + 1));
    const total = entries.length;
    setText(element('#table-count'), this.#shown.length === total ? `All ${total} occupations.`
                                                                 : `${this.#shown.length} of ${total} occupations.`);
    if (anchor !== null) {
      const index = this.#shown.findIndex((row) => row.info.soc === this.#selected);
      if (index >= 0) this.#scrollTo(index * this.#rowHeight - anchor);
    }
    this.#renderWindow(true);
  }

  // Only the rows in and near the scroller's view are in the DOM, between two spacer rows that keep the
  // scroll height of all of them. The window's row elements stay in place and take the text of the rows now
  // in view: inserting and removing table rows costs far more layout than rewriting a few cells.
  #renderWindow(force) {
    const rowHeight = this.#rowHeight;
    const viewHeight = this.#viewHeight || 700;
    const overscan = 2;  // rows drawn beyond each edge of the view, so a scroll shows no gap before the next frame
    const count = this.#shown.length;
    const start = Math.max(0, Math.min(count, Math.floor(this.#viewTop / rowHeight)) - overscan);
    const end = Math.min(count, start + Math.ceil(viewHeight / rowHeight) + 2 * overscan);
    if (!force && start === this.#windowStart && end === this.#windowEnd) return;
    this.#windowStart = start;
    this.#windowEnd = end;
    const focusedSoc = this.#pool.find((slot) => slot.item.contains(document.activeElement))?.soc ?? null;
    while (this.#pool.length < end - start) this.#pool.push(this.#createSlot());
    for (let i = start; i < end; i++) this.#fill(this.#pool[i - start], this.#shown[i], i);
    this.#before.firstChild.style.height = `${start * rowHeight}px`;
    this.#after.firstChild.style.height = `${(count - end) * rowHeight}px`;
    if (this.#body.childElementCount !== end - start + 2) {
      this.#body.replaceChildren(this.#before, ...this.#pool.slice(0, end - start).map((slot) => slot.item), this.#after);
    }
    // Focus follows its occupation, not the element that showed it; the scroller takes it when that row leaves.
    if (focusedSoc !== null) {
      const slot = this.#pool.slice(0, end - start).find((candidate) => candidate.soc === focusedSoc);
      const target = slot ? slot.parts.open : this.#scroller;
      if (document.activeElement !== target) target.focus({ preventScroll: true });
    }
  }

  #createSlot() {
    const item = fromTemplate('row-template');
    return { item, parts: parts(item), soc: null };
  }

  // Writes one row into a window slot: what belongs to the occupation only when the slot shows another one,
  // the figures every time (setText skips what did not change).
  #fill(slot, row, index) {
    const { info, figures } = row;
    const p = slot.parts;
    if (slot.soc !== info.soc) {
      slot.soc = info.soc;
      setText(p.open, info.title);
      p.open.dataset.soc = info.soc;
      p.open.title = info.title;  // the cell is one line high: the full title on hover
      setText(p.code, info.soc);
      setText(p.major, row.majorTitle);
      // A missing figure reads "not published"; the reason is in its title and in the role's view.
      for (const [cell, has, text] of [[p.employees, info.hasEmployees, info.employeesText],
                                       [p.pay, info.hasMedianPay, info.medianPayText]]) {
        setText(cell, has ? text : 'not published');
        cell.classList.toggle('muted', !has);
        if (has) cell.removeAttribute('title');
        else cell.title = text;
      }
    }
    setAttr(slot.item, 'aria-rowindex', String(index + 2));
    if (info.soc === this.#selected) setAttr(slot.item, 'aria-current', 'true');
    else slot.item.removeAttribute('aria-current');
    setText(p.score, figures?.scoreText ?? '');
    if (figures) setAttr(p.score, 'data-band', figures.band);
    setText(p.wage, figures?.wageExposureText ?? '');
    p.wage.classList.toggle('muted', !figures?.hasWageExposure);
  }

  // Corrects the row height from a row in the DOM, keeping the same rows in view. Called after layout only.
  #measureRows() {
    const row = this.#pool[0]?.item;
    const height = row?.isConnected ? row.getBoundingClientRect().height : 0;
    if (!height || Math.abs(height - this.#rowHeight) < 0.01) return;
    const firstInView = this.#viewTop / this.#rowHeight;
    this.#rowHeight = height;
    this.#scrollTo(firstInView * height);
    this.#renderWindow(true);
  }

  #spacer() {
    const row = document.createElement('tr');
    row.className = 'spacer';
    row.setAttribute('aria-hidden', 'true');
    const cell = document.createElement('td');
    cell.colSpan = 6;
    row.append(cell);
    return row;
  }

  // Distance from the scroller's top to the selected row, or null when that row is not in view.
  #selectedOffset() {
    const index = this.#shown.findIndex((row) => row.info.soc === this.#selected);
    if (index < 0) return null;
    const offset = index * this.#rowHeight - this.#viewTop;
    return offset >= 0 && offset < this.#viewHeight ? offset : null;
  }

  // A newly opened role's row is brought into the table's view (the page itself does not scroll).
  #scrollToSelected() {
    const index = this.#shown.findIndex((row) => row.info.soc === this.#selected);
    if (index < 0) return;
    const rowHeight = this.#rowHeight;
    const top = index * rowHeight;
    const viewHeight = this.#viewHeight || 700;
    if (top < this.#viewTop || top + rowHeight > this.#viewTop + viewHeight) {
      this.#scrollTo(top - viewHeight / 3);
      this.#renderWindow(false);
    }
  }

  // Moves the view at the start of the next frame, where the layout it needs is the one the frame makes anyway;
  // the rows drawn now already follow the new position.
  #scrollTo(top) {
    const maxTop = Math.max(0, this.#shown.length * this.#rowHeight - (this.#viewHeight || 0));
    this.#viewTop = Math.max(0, Math.min(maxTop, top));
    if (this.#pendingScroll === null) {
      requestAnimationFrame(() => {
        this.#scroller.scrollTop = this.#pendingScroll;
        this.#pendingScroll = null;
      });
    }
    this.#pendingScroll = this.#viewTop;
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
