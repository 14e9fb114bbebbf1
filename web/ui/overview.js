// All UK occupations: the UK totals, the distribution chart with the current role marked, and the sortable,
// filterable table. Only the rows in and near the table's view are in the DOM, drawn into a fixed set of row
// elements that are reused as the view scrolls or the rows re-sort: a recompute then rewrites a few dozen cells
// and moves no element, whatever the number of occupations. The sort and the chart read every occupation's
// figures as numbers (FigureColumns); display strings are asked for the rows drawn only. At build time
// (live: false) the same code draws the pre-rendered table: the first `staticRows` rows, each title a link to
// its role's page, and no spacers; the live page adopts those rows, the chart and the group list it finds.
// Keyboard: the rows are one tab stop (a roving tabindex on the title links; the table stays a table for screen
// readers, each row with its aria-rowindex of all rows), moved through every row, drawn or not, by the arrow
// keys, Page Up/Down and Home/End; Enter follows the link.
import { element, fillFields, fromTemplate, parts, setAttr, setHidden, setText } from './dom.js';
import { atOrAbove } from './bands.js';
import { DistributionView } from './distribution-view.js';


// A table row's height at the default font size, until a laid-out row says otherwise (measuring before the first
// layout would force one in the middle of the first render).
const ROW_HEIGHT_ESTIMATE = 38;

// Sort keys of a row (smaller first) given the figure columns; NaN where the row has no value, which always
// goes last.
const SORTS = {
  title: (row) => row.titleLower,
  major: (row) => row.info.majorGroup * 10000 + Number(row.info.soc),
  employees: (row) => (row.info.hasEmployees ? row.info.employees : NaN),
  pay: (row) => (row.info.hasMedianPay ? row.info.medianPayGbp : NaN),
  score: (row, columns) => columns.score10[row.index],
  wage: (row, columns) => columns.wageExposureGbp[row.index],
  range: (row, columns) => rangeWidth(row, columns),
  bridge: (row) => BRIDGE_ORDER[row.info.bridgeGrade] * 10000 + Number(row.info.soc),
  // The optional columns of the other measures.
  ilo2025: (row, columns) => columns.ilo202510[row.index],
  ilo2023: (row, columns) => columns.ilo202310[row.index],
  microsoft: (row, columns) => columns.microsoft10[row.index],
};
const MEASURE_COLUMNS = ['ilo2025', 'ilo2023', 'microsoft'];  // optional, hidden until chosen
const BASE_COLUMNS = 8;  // the table's columns without them
const BRIDGE_ORDER = { good: 0, partial: 1, weak: 2 };

// How far the choices of label source, weighting and bridge move a row's headline, in points of 0-10 (NaN where
// none scores it); the range filter's classes, in the same points.
function rangeWidth(row, columns) {
  return columns.rangeMax10[row.index] - columns.rangeMin10[row.index];
}
const RANGE_CLASSES = {
  narrow: (width) => width < 1,
  middle: (width) => width >= 1 && width <= 3,
  wide: (width) => width > 3,
};


export class Overview {
  #rows = [];         // in unitGroups() order: { info, index, majorTitle, titleLower }
  #columns = null;    // FigureColumns of the last render
  #rowsAt;            // indices -> Row[] with display strings, under the page's current assumptions
  #pool = [];         // row elements for the window, each { item, parts, soc, k }; reused for whichever rows are in view
  #slotOf = new WeakMap();  // row element -> its slot
  #before;            // spacer rows standing for the rows above and below the window
  #after;
  #order = [];        // row indices in table order, before the filter
  #sort = { key: 'score', descending: true };
  #filter = { text: '', major: '', range: '', bridge: '', threshold: null };
  #body;
  #onOpen;
  #selected = '';
  #distribution;
  #filterChanged = false;  // a filter was set between renders: the next one chooses the rows again
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
  #live;
  #staticRows;
  #roleHref;
  #activeSoc = '';    // the row the keyboard last reached ('': none yet, the open role's row stands in)
  #tabStop = null;    // the slot whose link is the table's tab stop

  /**
   * `rowsAt(indices)`: the display strings of those rows under the page's assumptions; `onOpen(soc)`: the visitor
   * opened a role from the table; `roleHref(soc)`: the address of a role's page. `live: false` draws the
   * pre-rendered table of the first `staticRows` rows.
   */
  constructor(unitGroups, majorGroups, rowsAt, onOpen, { live = true, staticRows = Infinity, roleHref }) {
    this.#rowsAt = rowsAt;
    this.#onOpen = onOpen;
    this.#live = live;
    this.#staticRows = staticRows;
    this.#roleHref = roleHref;
    this.#body = element('#occupations-body');
    this.#table = element('#occupations-table');
    this.#scroller = this.#table.closest('.table-scroll');
    const majorTitles = new Map(majorGroups.map((group) => [group.code, group.title]));
    const select = element('#table-major');
    if (!select.querySelector('option[value="1"]')) {
      for (const group of majorGroups) {
        const option = document.createElement('option');
        option.setAttribute('value', String(group.code));
        option.textContent = `${group.code} ${group.title}`;
        select.append(option);
      }
    }
    this.#rows = unitGroups.map((info, index) => ({ info, index, majorTitle: majorTitles.get(info.majorGroup) ?? '',
                                                    titleLower: info.title.toLowerCase() }));
    this.#before = this.#spacer();
    this.#after = this.#spacer();
    // The pre-rendered rows become the first window slots.
    for (const item of this.#body.querySelectorAll('tr[data-soc]')) this.#addSlot(item, item.dataset.soc);
    this.#distribution = new DistributionView(element('#chart'));
    if (!live) return;
    select.disabled = false;
    element('#table-filter').disabled = false;
    element('#table-range').disabled = false;
    element('#table-bridge').disabled = false;
    // The other measures' columns are shown by a data attribute on the table, so rows drawn later follow.
    const table = element('#occupations-table');
    const boxes = [...document.querySelectorAll('[data-measure-column]')];
    for (const box of boxes) {
      box.disabled = false;
      box.addEventListener('change', () => {
        table.toggleAttribute(`data-show-${box.dataset.measureColumn}`, box.checked);
        // A spacer spans exactly the columns shown: a wider span would add empty columns that take the titles' width.
        const extra = boxes.filter((b) => b.checked).length;
        this.#setSpan(BASE_COLUMNS + extra);
        // The table widens by each column shown (styles.css), so the titles keep their width.
        if (extra) table.dataset.extraColumns = String(extra);
        else delete table.dataset.extraColumns;
      });
    }
    // A title is a link to the role's page; a plain click opens the role here instead, keeping the assumptions.
    this.#body.addEventListener('click', (event) => {
      const link = event.target.closest('a[data-soc]');
      if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      this.#onOpen(link.dataset.soc);
    });
    // Every row link but the tab stop leaves the tab order: the arrow keys move between rows.
    for (const slot of this.#pool) slot.parts.open.setAttribute('tabindex', '-1');
    this.#body.addEventListener('keydown', (event) => this.#key(event));
    this.#body.addEventListener('focusin', (event) => {
      const slot = this.#slotOf.get(event.target.closest('tr[data-soc]'));
      if (!slot) return;
      this.#activeSoc = slot.soc;
      this.#setTabStop(slot);
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
    element('#table-bridge').addEventListener('change', (event) => {
      this.#filter.bridge = Object.hasOwn(BRIDGE_ORDER, event.target.value) ? event.target.value : '';
      this.#applyOrder(true);
    });
    element('#table-range').addEventListener('change', (event) => {
      this.#filter.range = Object.hasOwn(RANGE_CLASSES, event.target.value) ? event.target.value : '';
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
  }

  /** Shows only the rows whose headline as displayed is at least `threshold` (null: every row), from the next render. */
  setThreshold(threshold) {
    if (threshold === this.#filter.threshold) return;
    this.#filter.threshold = threshold;
    this.#filterChanged = true;
  }

  /** Shows the rows of one SOC 2020 major group ('' for all), as its filter does. */
  filterMajor(code) {
    const select = element('#table-major');
    select.value = String(code);
    this.#filter.major = select.value;
    this.#applyOrder(true);
  }

  /** SOC codes of the rows shown, in table order (for the CSV export). */
  visibleSocs() {
    return this.#shown.map((row) => row.info.soc);
  }

  render(columns, totals, selectedSoc) {
    this.#columns = columns;
    const roleChanged = selectedSoc !== this.#selected;
    this.#selected = selectedSoc;
    // A newly opened role's row becomes the tab stop, unless the keyboard is in the table.
    if (roleChanged && this.#focusedRowSoc() === null) this.#activeSoc = '';
    this.#applyOrder(false);  // draws the window: the figures changed, if not the order
    if (roleChanged && this.#live) this.#scrollToSelected();
    fillFields(element('#overview'), totals, 'total');
    setText(element('#totals-note'),
            'Totals cover scored occupations whose figures ASHE publishes; where it does not, nothing is guessed.');
    setText(element('#chart-summary'), totals.distributionText);
    const selected = this.#rows.find((row) => row.info.soc === selectedSoc);
    this.#distribution.render(columns.score10, selected ? columns.score10[selected.index] : NaN);
  }

  #sortBy(key) {
    this.#sort = this.#sort.key === key ? { key, descending: !this.#sort.descending }
                                        : { key, descending: key !== 'title' && key !== 'major' && key !== 'bridge' };
    for (const header of document.querySelectorAll('#occupations-table th[aria-sort]')) {
      const isKey = header.querySelector('[data-sort]').dataset.sort === key;
      header.setAttribute('aria-sort', isKey ? (this.#sort.descending ? 'descending' : 'ascending') : 'none');
    }
    this.#applyOrder(true);
  }

  #applyOrder(force) {
    const rows = this.#rows;
    const sortKey = SORTS[this.#sort.key];
    const direction = this.#sort.descending ? -1 : 1;
    // Each row's key is computed once, not once per comparison.
    const keys = rows.map((row) => sortKey(row, this.#columns));
    const order = rows.map((row) => row.index);
    order.sort((a, b) => {
      const keyA = keys[a];
      const keyB = keys[b];
      const hasA = !Number.isNaN(keyA);
      const hasB = !Number.isNaN(keyB);
      if (hasA !== hasB) return hasA ? -1 : 1;
      if (keyA < keyB) return -direction;
      if (keyA > keyB) return direction;
      return rows[a].info.soc < rows[b].info.soc ? -1 : 1;
    });
    // A range or threshold filter depends on the figures, which every input changes: its rows are chosen again.
    const changed = force || this.#filterChanged || this.#filter.range !== '' || this.#filter.threshold !== null || order.length !== this.#order.length || order.some((index, i) => index !== this.#order[i]);
    this.#order = order;
    this.#filterChanged = false;
    if (!changed) {
      this.#renderWindow(true);
      return;
    }
    const entries = order.map((index) => rows[index]);
    // The focused row, else the selected one, if it is on screen, stays where the reader sees it while the rows
    // re-sort around it (so a focused row keeps its focus).
    const anchorSoc = this.#focusedRowSoc() ?? this.#selected;
    const anchor = this.#offsetOf(anchorSoc);
    const { major, text, range, bridge, threshold } = this.#filter;
    const inRange = range ? RANGE_CLASSES[range] : null;
    const displayed = this.#columns.displayed10;
    const passes = threshold === null || !displayed ? null : (row) => atOrAbove(displayed[row.index], threshold);
    this.#shown = entries.filter((row) => (!major || String(row.info.majorGroup) === major) &&
                                          (!bridge || row.info.bridgeGrade === bridge) &&
                                          (!text || row.titleLower.includes(text) || row.info.soc.startsWith(text)) &&
                                          (!inRange || inRange(rangeWidth(row, this.#columns))) &&
                                          (!passes || passes(row)));
    this.#table.setAttribute('aria-rowcount', String(this.#shown.length + 1));
    const total = entries.length;
    setText(element('#table-count'), this.#shown.length === total ? `All ${total} occupations.`
                                                                 : `${this.#shown.length} of ${total} occupations.`);
    if (anchor !== null) {
      const index = this.#shown.findIndex((row) => row.info.soc === anchorSoc);
      if (index >= 0) this.#scrollTo(index * this.#rowHeight - anchor);
    }
    this.#renderWindow(true);
  }

  // Only the rows in and near the scroller's view are in the DOM, between two spacer rows that keep the
  // scroll height of all of them. The window's row elements stay in place and take the text of the rows now
  // in view: inserting and removing table rows costs far more layout than rewriting a few cells.
  #renderWindow(force) {
    if (!this.#live) {
      this.#renderStatic();
      return;
    }
    const rowHeight = this.#rowHeight;
    const viewHeight = this.#viewHeight || 700;
    const overscan = 2;  // rows drawn beyond each edge of the view, so a scroll shows no gap before the next frame
    const count = this.#shown.length;
    const start = Math.max(0, Math.min(count, Math.floor(this.#viewTop / rowHeight)) - overscan);
    const end = Math.min(count, start + Math.ceil(viewHeight / rowHeight) + 2 * overscan);
    if (!force && start === this.#windowStart && end === this.#windowEnd) return;
    this.#windowStart = start;
    this.#windowEnd = end;
    const focusedSoc = this.#focusedRowSoc();
    while (this.#pool.length < end - start) this.#createSlot();
    const drawn = this.#shown.slice(start, end);
    const figures = this.#rowsAt(drawn.map((row) => row.index));
    drawn.forEach((row, k) => this.#fill(this.#pool[k], row, figures[k], start + k));
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
    this.#syncTabStop(end - start);
  }

  // The occupation of the focused row, or null when focus is not on a row.
  #focusedRowSoc() {
    const active = document.activeElement;
    if (!active || !this.#body.contains(active)) return null;
    return active.closest('tr[data-soc]')?.dataset.soc ?? null;
  }

  // The table's one tab stop among the `drawn` slots: the active row (else the open role's) when it is drawn,
  // else the first row in view. Costs nothing while the tab stop's slot still shows that row.
  #syncTabStop(drawn) {
    if (!drawn) {
      this.#setTabStop(null);
      return;
    }
    const soc = this.#activeSoc || this.#selected;
    const current = this.#tabStop;
    if (current && current.k < drawn && current.soc === soc) return;
    const slots = this.#pool.slice(0, drawn);
    const firstInView = Math.floor(this.#viewTop / this.#rowHeight) - this.#windowStart;
    const found = soc ? slots.find((slot) => slot.soc === soc) : undefined;
    this.#setTabStop(found ?? slots[Math.max(0, Math.min(drawn - 1, firstInView))]);
  }

  #setTabStop(slot) {
    if (slot === this.#tabStop) return;
    this.#tabStop?.parts.open.setAttribute('tabindex', '-1');
    slot?.parts.open.setAttribute('tabindex', '0');
    this.#tabStop = slot;
  }

  // Arrow keys one row, Page Up/Down a view, Home/End (or Ctrl+Home/End) the first and last row.
  #key(event) {
    const slot = this.#slotOf.get(event.target.closest?.('tr[data-soc]'));
    if (!slot || !event.target.matches('a.row-link') || event.altKey || event.metaKey || event.shiftKey) return;
    const current = Number(slot.item.getAttribute('aria-rowindex')) - 2;
    const last = this.#shown.length - 1;
    const page = Math.max(1, Math.floor((this.#viewHeight || 700) / this.#rowHeight) - 2);
    const targets = { ArrowDown: current + 1, ArrowUp: current - 1, PageDown: current + page, PageUp: current - page,
                      Home: 0, End: last };
    if (!Object.hasOwn(targets, event.key) || (event.ctrlKey && event.key !== 'Home' && event.key !== 'End')) return;
    event.preventDefault();
    if (last >= 0) this.#focusRow(Math.max(0, Math.min(last, targets[event.key])));
  }

  // Draws a window holding row `index` of the shown rows, focuses its link and lets the browser scroll the row
  // into view: the table's (below the sticky header, by the scroller's scroll-padding) and the page's if need be.
  #focusRow(index) {
    const rowHeight = this.#rowHeight;
    const viewHeight = this.#viewHeight || 700;
    const top = index * rowHeight;
    if (top < this.#viewTop) this.#viewTop = top;
    else if (top + 2 * rowHeight > this.#viewTop + viewHeight) this.#viewTop = top + 2 * rowHeight - viewHeight;
    this.#pendingScroll = null;  // the browser's scroll below wins over one a re-sort asked for
    this.#activeSoc = this.#shown[index].info.soc;
    this.#renderWindow(false);
    const slot = this.#pool[index - this.#windowStart];
    this.#setTabStop(slot);
    slot.parts.open.focus({ preventScroll: true });
    slot.item.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  // The pre-rendered table: its first rows, with no spacers (a reader without JavaScript scrolls real rows).
  #renderStatic() {
    const drawn = this.#shown.slice(0, this.#staticRows);
    while (this.#pool.length < drawn.length) this.#createSlot();
    const figures = this.#rowsAt(drawn.map((row) => row.index));
    drawn.forEach((row, k) => this.#fill(this.#pool[k], row, figures[k], k));
    this.#body.replaceChildren(...this.#pool.slice(0, drawn.length).map((slot) => slot.item));
  }

  #createSlot() {
    const slot = this.#addSlot(fromTemplate('row-template'), null);
    if (this.#live) slot.parts.open.setAttribute('tabindex', '-1');
    return slot;
  }

  // Makes `item` a slot (the next in the pool) and returns it.
  #addSlot(item, soc) {
    const slot = { item, parts: parts(item), soc, k: this.#pool.length };
    this.#pool.push(slot);
    this.#slotOf.set(item, slot);
    return slot;
  }

  // Writes one row into a window slot: what belongs to the occupation only when the slot shows another one,
  // its figures (a Row) every time (setText skips what did not change).
  #fill(slot, row, figures, index) {
    const { info } = row;
    const p = slot.parts;
    if (slot.soc !== info.soc) {
      slot.soc = info.soc;
      setText(p.open, info.title);
      slot.item.dataset.soc = info.soc;
      p.open.dataset.soc = info.soc;
      setAttr(p.open, 'href', this.#roleHref(info.soc));
      setAttr(p.open, 'title', info.title);  // the cell is one line high: the full title on hover
      setText(p.code, info.soc);
      setText(p.major, row.majorTitle);
      setText(p.bridge, info.bridgeGrade);
      setAttr(p.bridge, 'data-grade', info.bridgeGrade);
      // A missing figure reads "not published"; the reason is in its title and in the role's view.
      for (const [cell, has, text] of [[p.employees, info.hasEmployees, info.employeesText],
                                       [p.pay, info.hasMedianPay, info.medianPayText]]) {
        setText(cell, has ? text : 'not published');
        cell.classList.toggle('muted', !has);
        if (has) cell.removeAttribute('title');
        else setAttr(cell, 'title', text);
      }
    }
    setAttr(slot.item, 'aria-rowindex', String(index + 2));
    if (info.soc === this.#selected) setAttr(slot.item, 'aria-current', 'true');
    else slot.item.removeAttribute('aria-current');
    setText(p.score, figures.scoreText);
    setAttr(p.score, 'data-band', figures.band);
    setText(p.wage, figures.wageExposureText);
    p.wage.classList.toggle('muted', !figures.hasWageExposure);
    setText(p.range, figures.rangeText);
    // The other measures' columns are shown by script only: the pre-rendered rows leave them empty, and small.
    if (this.#live) for (const measure of MEASURE_COLUMNS) setText(p[measure], figures[`${measure}Text`]);
  }

  // Corrects the row height from a row in the DOM, keeping the same rows in view. Called after layout only.
  #measureRows() {
    const row = this.#pool[0]?.item;
    const height = row?.isConnected ? row.getBoundingClientRect().height : 0;
    if (!height || Math.abs(height - this.#rowHeight) < 0.01) return;
    // A focused row keeps its place in the view (a late measurement must not scroll it out of the drawn rows,
    // which would hand its focus to the scroller); else the first row in view does.
    const focusedSoc = this.#focusedRowSoc();
    const focused = focusedSoc === null ? -1 : this.#shown.findIndex((row) => row.info.soc === focusedSoc);
    if (focused >= 0) {
      const offset = focused * this.#rowHeight - this.#viewTop;
      this.#rowHeight = height;
      this.#scrollTo(focused * height - offset);
    } else {
      const firstInView = this.#viewTop / this.#rowHeight;
      this.#rowHeight = height;
      this.#scrollTo(firstInView * height);
    }
    this.#renderWindow(true);
  }

  #spacer() {
    const row = document.createElement('tr');
    row.className = 'spacer';
    row.setAttribute('aria-hidden', 'true');
    const cell = document.createElement('td');
    cell.colSpan = BASE_COLUMNS;
    row.append(cell);
    return row;
  }

  #setSpan(columns) {
    for (const spacer of [this.#before, this.#after]) spacer.firstChild.colSpan = columns;
  }

  // Distance from the scroller's top to the row of `soc`, or null when that row is not in view.
  #offsetOf(soc) {
    if (!soc) return null;
    const index = this.#shown.findIndex((row) => row.info.soc === soc);
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
        if (this.#pendingScroll !== null) this.#scroller.scrollTop = this.#pendingScroll;
        this.#pendingScroll = null;
      });
    }
    this.#pendingScroll = this.#viewTop;
  }
}
