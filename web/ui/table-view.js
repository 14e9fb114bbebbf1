// Every UK occupation in one sortable, filterable table. Only the rows in and near the table's view are in the DOM
// (virtual-rows.js), drawn into a fixed set of row elements reused as the view scrolls or the rows re-sort: a
// recompute rewrites a few dozen cells and moves no element. The sort and the filters read every occupation's
// figures as numbers (the snapshot's columns); display strings are asked for the rows drawn only. The build's
// HTML holds the first `staticRows` rows, each title a link to its role's page; the live page adopts them.
// Keyboard: the rows are one tab stop (a roving tabindex on the title links; the table stays a table for screen
// readers, each row with its aria-rowindex of all rows), moved through every row, drawn or not, by the arrow keys,
// Page Up/Down and Home/End; Enter follows the link. Root: #occupations.
import { el, focusedIn, fromTemplate, part, parts, setAttr, setHidden, setReady, setSelected, setText, setValue } from './dom.js';
import { VirtualRows } from './virtual-rows.js';

// A table row's height at the default font size, until a laid-out row says otherwise.
const ROW_HEIGHT_ESTIMATE = 38;
const MEASURES = ['ilo2025', 'ilo2023', 'microsoft'];  // the optional columns, hidden until chosen
const BASE_COLUMNS = 8;  // the table's columns without them
const BRIDGE_ORDER = { good: 0, partial: 1, weak: 2 };

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
  ilo2025: (row, columns) => columns.ilo202510[row.index],
  ilo2023: (row, columns) => columns.ilo202310[row.index],
  microsoft: (row, columns) => columns.microsoft10[row.index],
};
/** The direction a column sorts in first. */
export const ASCENDING_FIRST = new Set(['title', 'major', 'bridge']);

// How far the choices of label source, weighting and bridge move a row's headline, in points of 0-10 (NaN where
// none scores it); the range filter's classes, in the same points.
function rangeWidth(row, columns) {
  return columns.rangeMax10[row.index] - columns.rangeMin10[row.index];
}
export const RANGE_CLASSES = {
  narrow: (width) => width < 1,
  middle: (width) => width >= 1 && width <= 3,
  wide: (width) => width > 3,
};

/**
 * The indices (into the snapshot's units) of the rows the table shows, in its order, under `sort`
 * ({ key, descending }), `filter` ({ text, major, range, bridge }) and `threshold` (a displayed score, or null).
 */
export function tableRows(snapshot, { sort, filter, threshold }) {
  const columns = snapshot.columns;
  const rows = snapshot.units.map((info, index) => ({ info, index, titleLower: info.title.toLowerCase() }));
  const sortKey = SORTS[sort.key];
  const direction = sort.descending ? -1 : 1;
  const keys = rows.map((row) => sortKey(row, columns));  // each row's key once, not once per comparison
  const order = rows.map((row) => row.index).sort((a, b) => {
    const hasA = !Number.isNaN(keys[a]);
    const hasB = !Number.isNaN(keys[b]);
    if (hasA !== hasB) return hasA ? -1 : 1;
    if (keys[a] < keys[b]) return -direction;
    if (keys[a] > keys[b]) return direction;
    return rows[a].info.soc < rows[b].info.soc ? -1 : 1;
  });
  const members = threshold === null ? null : snapshot.atOrAbove(threshold).members;
  const inRange = filter.range ? RANGE_CLASSES[filter.range] : null;
  const text = filter.text.trim().toLowerCase();
  return order.filter((index) => {
    const { info, titleLower } = rows[index];
    return (!filter.major || String(info.majorGroup) === filter.major)
      && (!filter.bridge || info.bridgeGrade === filter.bridge)
      && (!text || titleLower.includes(text) || info.soc.startsWith(text))
      && (!inRange || inRange(rangeWidth(rows[index], columns)))
      && (!members || members[index] === 1);
  });
}

const tables = new WeakMap();    // root -> what the table keeps between renders (see table())
const virtuals = new WeakMap();  // root -> its VirtualRows, once the live page wires the table

// The table's memory of its root: its rows, its row elements (slots) and, live, its window and keyboard place.
function table(root, snapshot) {
  let kept = tables.get(root);
  if (kept) return kept;
  const titles = new Map(snapshot.majorGroups.map((group) => [group.code, group.title]));
  kept = {
    rows: snapshot.units.map((info, index) => ({ info, index, majorTitle: titles.get(info.majorGroup) ?? '',
                                                 titleLower: info.title.toLowerCase() })),
    body: part(root, 'body'),
    pool: [],
    slotOf: new WeakMap(),
    shown: [],
    orderKey: '',
    virtual: virtuals.get(root) ?? null,
    activeSoc: '',      // the row the keyboard last reached ('': none yet, the open role's row stands in)
    tabStop: null,
    selected: '',
  };
  for (const item of kept.body.querySelectorAll('tr[data-soc]')) addSlot(kept, item, item.dataset.soc);
  tables.set(root, kept);
  return kept;
}

function addSlot(kept, item, soc) {
  const slot = { item, parts: parts(item), soc, k: kept.pool.length };
  kept.pool.push(slot);
  kept.slotOf.set(item, slot);
  return slot;
}

/**
 * Draws the table of `snapshot`. State: `selectedSoc` (the open role, marked and scrolled into view), `sort`
 * ({ key, descending }), `filter` ({ text, major, range, bridge }), `threshold` (only the rows at or above this
 * displayed score, or null), `ready` (the controls work), `measureColumns` (fill the other measures' cells:
 * the build leaves them empty and small), `roleHref(soc)`, `staticRows` (the build: how many rows its HTML holds),
 * `allHref` (the page of every occupation, which a table drawn in part links).
 */
export function renderTable(root, snapshot, state) {
  const { selectedSoc, sort, filter, threshold, ready, roleHref } = state;
  const kept = table(root, snapshot);
  for (const control of root.querySelectorAll('[data-control]')) setReady(control, ready);
  const major = part(root, 'major');
  if (major.options.length === 1) {
    const doc = root.ownerDocument;
    for (const group of snapshot.majorGroups) major.append(el(doc, 'option', { value: group.code }, `${group.code} ${group.title}`));
  }
  for (const [name, control] of [['text', part(root, 'filter')], ['major', major], ['range', part(root, 'range')],
                                 ['bridge', part(root, 'bridge')]]) {
    if (control.value === filter[name]) continue;
    if (control.matches('select')) setSelected(control, filter[name]);
    else if (focusedIn(root.ownerDocument) !== control) setValue(control, filter[name]);  // never under the visitor's typing
  }
  for (const header of root.querySelectorAll('th[aria-sort]')) {
    const key = header.querySelector('[data-sort]').dataset.sort;
    setAttr(header, 'aria-sort', key === sort.key ? (sort.descending ? 'descending' : 'ascending') : 'none');
    setReady(header.querySelector('[data-sort]'), ready);
  }
  const { rows } = kept;
  const shown = tableRows(snapshot, state).map((index) => rows[index]);
  const orderKey = shown.map((row) => row.index).join(',');
  const reordered = orderKey !== kept.orderKey;
  const roleChanged = selectedSoc !== kept.selected;
  const virtual = kept.virtual;
  // The focused row, else the open role's, if it is in view, stays where the reader sees it while the rows
  // re-sort around it (so a focused row keeps its focus): its place in the view, by the order drawn last.
  let anchor = null;
  if (virtual && reordered) {
    const soc = focusedRowSoc(kept) ?? selectedSoc;
    const before = kept.shown.findIndex((row) => row.info.soc === soc);
    const offset = before >= 0 ? virtual.top(before) - virtual.viewTop : -1;
    const after = shown.findIndex((row) => row.info.soc === soc);
    if (offset >= 0 && offset < virtual.viewHeight && after >= 0) anchor = { index: after, offset };
  }
  kept.shown = shown;
  kept.orderKey = orderKey;
  kept.selected = selectedSoc;
  if (roleChanged && focusedRowSoc(kept) === null) kept.activeSoc = '';
  setAttr(part(root, 'table'), 'aria-rowcount', String(shown.length + 1));
  let start = 0;
  let end = Math.min(shown.length, state.staticRows ?? Infinity);
  // A table the build drew in part says so, and not that it holds them all, and links the page that holds every
  // row (the live one holds them all).
  const cut = !virtual && end < shown.length;
  const count = part(root, 'count');
  setHidden(count, cut);
  setText(count, cut ? '' : shown.length === rows.length ? `All ${rows.length} occupations.` : `${shown.length} of ${rows.length} occupations.`);
  const more = root.querySelector('[data-part="more"]');
  if (more) {
    setHidden(more, !cut);
    if (cut) setText(part(more, 'more-text'), `The ${end} most exposed of the ${shown.length} occupations are listed here.`);
    setAttr(part(more, 'all-link'), 'href', state.allHref);
  }
  // What the table holds, and what its keys do once the calculator runs; before (and without JavaScript) the column
  // headings and the keys do nothing, so it promises neither.
  setText(root.querySelector('caption'), ready
    ? 'Every UK occupation with its figures; select a column heading to sort. On an occupation, the arrow keys, Page Up, '
      + 'Page Down, Home and End move between the rows.'
    : `${cut ? `The ${end} most exposed UK occupations` : 'Every UK occupation'} with its figures, most exposed first; `
      + 'sorting by another column needs JavaScript.');
  if (virtual) {
    const keys = shown.map((row) => row.info.soc);
    virtual.range(keys);  // the rows' places in the new order, before the view moves over them
    if (anchor) virtual.scrollTo(virtual.top(anchor.index) - anchor.offset);
    if (roleChanged && selectedSoc) scrollToRow(kept, shown.findIndex((row) => row.info.soc === selectedSoc));
    ({ start, end } = virtual.range(keys));
    // While the keyboard is in the rows, the row it reached (the focused one, or the one it is moving to) never
    // leaves the drawn rows by a re-sort or a new measurement: the view follows it.
    const reached = focusedRowSoc(kept) === null ? null : kept.activeSoc;
    const at = reached ? shown.findIndex((row) => row.info.soc === reached) : -1;
    if (at >= 0 && (at < start || at >= end)) {
      scrollToRow(kept, at);
      ({ start, end } = virtual.range(keys));
    }
  }
  const drawn = shown.slice(start, end);
  while (kept.pool.length < drawn.length) addSlot(kept, fromTemplate(root, 'row'), null);
  const figures = snapshot.rows(drawn.map((row) => row.index));
  const focusedSoc = focusedRowSoc(kept);
  // A row's link opens its role's page under the assumptions in force (a new tab included).
  const linkTo = (soc) => (snapshot.query ? `${roleHref(soc)}?${snapshot.query}` : roleHref(soc));
  drawn.forEach((row, k) => fillRow(kept.pool[k], row, figures[k], { index: start + k, selectedSoc, roleHref: linkTo,
                                                                     measureColumns: state.measureColumns, live: Boolean(virtual) }));
  const slots = kept.pool.slice(0, drawn.length);
  if (virtual) {
    virtual.place(slots.map((slot) => slot.item));
    // Focus follows its occupation, not the element that showed it; the scroller takes it when that row leaves.
    if (focusedSoc !== null) {
      const slot = slots.find((candidate) => candidate.soc === focusedSoc);
      const target = slot ? slot.parts.open : part(root, 'scroller');
      if (focusedIn(root.ownerDocument) !== target) target.focus({ preventScroll: true });
    }
    syncTabStop(kept, slots);
  } else {
    kept.body.replaceChildren(...slots.map((slot) => slot.item));
  }
  // The keyboard draws the rows around the row it moves to at once, from the same figures and state.
  kept.redraw = () => renderTable(root, snapshot, state);
}

// Writes one row into a slot: what belongs to the occupation only when the slot shows another one, its figures
// (a Row) every time (setText skips what did not change).
function fillRow(slot, row, figures, { index, selectedSoc, roleHref, measureColumns, live }) {
  const { info } = row;
  const p = slot.parts;
  setAttr(p.open, 'href', roleHref(info.soc));
  if (slot.soc !== info.soc || slot.item.dataset.soc !== info.soc) {
    slot.soc = info.soc;
    setAttr(slot.item, 'data-soc', info.soc);
    setText(p.open, info.title);
    setAttr(p.open, 'data-soc', info.soc);
    setText(p.code, info.soc);
    setText(p.major, row.majorTitle);
    setText(p.bridge, info.bridgeGrade);
    setAttr(p.bridge, 'data-grade', info.bridgeGrade);
    // A missing figure reads "not published"; the reason is in its title and in the role's view.
    for (const [cell, has, text] of [[p.employees, info.hasEmployees, info.employeesText],
                                     [p.pay, info.hasMedianPay, info.medianPayText]]) {
      setText(cell, has ? text : 'not published');
      cell.classList.toggle('muted', !has);
      setAttr(cell, 'title', has ? null : text);
    }
  }
  if (live && slot.parts.open.getAttribute('tabindex') === null) setAttr(slot.parts.open, 'tabindex', '-1');
  setAttr(slot.item, 'aria-rowindex', String(index + 2));
  setAttr(slot.item, 'aria-current', info.soc === selectedSoc ? 'true' : null);
  setText(p.score, figures.scoreText);
  setAttr(p.score, 'data-band', figures.bandKey);
  setText(p.wage, figures.wageExposureText);
  p.wage.classList.toggle('muted', !figures.hasWageExposure);
  setText(p.range, figures.rangeText);
  if (measureColumns) for (const measure of MEASURES) setText(p[measure], figures[`${measure}Text`]);
}

// The occupation of the focused row, or null when focus is not on a row.
function focusedRowSoc(kept) {
  const active = focusedIn(kept.body.ownerDocument);
  if (!active || !kept.body.contains(active)) return null;
  return active.closest('tr[data-soc]')?.dataset.soc ?? null;
}

// The table's one tab stop among the drawn slots: the active row (else the open role's) when it is drawn, else
// the first row in view. Costs nothing while the tab stop's slot still shows that row.
function syncTabStop(kept, slots) {
  if (!slots.length) return setTabStop(kept, null);
  const soc = kept.activeSoc || kept.selected;
  const current = kept.tabStop;
  if (current && current.k < slots.length && current.soc === soc) return undefined;
  const firstInView = kept.virtual.indexAt(kept.virtual.viewTop) - kept.virtual.start;
  const found = soc ? slots.find((slot) => slot.soc === soc) : undefined;
  return setTabStop(kept, found ?? slots[Math.max(0, Math.min(slots.length - 1, firstInView))]);
}

function setTabStop(kept, slot) {
  if (slot === kept.tabStop) return;
  kept.tabStop?.parts.open.setAttribute('tabindex', '-1');
  slot?.parts.open.setAttribute('tabindex', '0');
  kept.tabStop = slot;
}

// Brings row `index` of the shown rows into the table's view, a third of the way down (the page does not scroll).
function scrollToRow(kept, index) {
  if (index < 0) return;
  const virtual = kept.virtual;
  const top = virtual.top(index);
  if (top < virtual.viewTop || top + virtual.rowHeight > virtual.viewTop + virtual.viewHeight) {
    virtual.scrollTo(top - virtual.viewHeight / 3);
  }
}

/**
 * Wires the table: the sort buttons and filters call `change(patch)` with the new { sort } or { filter }; a
 * plain click on a title calls `open(soc)`; the arrow keys move between rows; `invalidate()` asks for the table
 * to be drawn again (it scrolled, or a row was measured). `sortOf()` gives the sort in force.
 */
export function wireTable(root, { change, open, invalidate, sortOf, filterOf }) {
  const body = part(root, 'body');
  const scroller = part(root, 'scroller');
  const tableElement = part(root, 'table');
  const spacer = (doc) => el(doc, 'tr', { class: 'spacer' }, el(doc, 'td', { colspan: BASE_COLUMNS }));
  const virtual = new VirtualRows(body, { spacer, scroller, estimate: ROW_HEIGHT_ESTIMATE, overscan: 2, onChange: invalidate });
  virtuals.set(root, virtual);
  const drawn = tables.get(root);
  if (drawn) drawn.virtual = virtual;
  body.addEventListener('click', (event) => {
    const link = event.target.closest('a[data-soc]');
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    open(link.dataset.soc);
  });
  body.addEventListener('keydown', (event) => {
    const current = tables.get(root);
    if (current) key(current, event);
  });
  body.addEventListener('focusin', (event) => {
    const current = tables.get(root);
    const slot = current?.slotOf.get(event.target.closest('tr[data-soc]'));
    if (!slot) return;
    current.activeSoc = slot.soc;
    setTabStop(current, slot);
  });
  root.addEventListener('click', (event) => {
    const button = event.target.closest('[data-sort]');
    if (!button) return;
    const key = button.dataset.sort;
    const sort = sortOf();
    change({ sort: sort.key === key ? { key, descending: !sort.descending } : { key, descending: !ASCENDING_FIRST.has(key) } });
  });
  const filterControls = { text: 'filter', major: 'major', range: 'range', bridge: 'bridge' };
  for (const [name, partName] of Object.entries(filterControls)) {
    part(root, partName).addEventListener(name === 'text' ? 'input' : 'change', (event) => {
      change({ filter: { ...filterOf(), [name]: event.target.value } });
    });
  }
  // The other measures' columns are shown by a data attribute on the table, so rows drawn later follow; a spacer
  // spans exactly the columns shown (a wider span adds empty columns that take the titles' width).
  const boxes = [...root.querySelectorAll('[data-measure-column]')];
  for (const box of boxes) {
    box.addEventListener('change', () => {
      tableElement.toggleAttribute(`data-show-${box.dataset.measureColumn}`, box.checked);
      const extra = boxes.filter((b) => b.checked).length;
      for (const cell of body.querySelectorAll('tr.spacer > td')) cell.colSpan = BASE_COLUMNS + extra;
      if (extra) tableElement.dataset.extraColumns = String(extra);
      else delete tableElement.dataset.extraColumns;
    });
  }
}

// Arrow keys one row, Page Up/Down a view, Home/End (or Ctrl+Home/End) the first and last row.
function key(kept, event) {
  const slot = kept.slotOf.get(event.target.closest?.('tr[data-soc]'));
  if (!slot || !event.target.matches('a.row-link') || event.altKey || event.metaKey || event.shiftKey) return;
  const current = Number(slot.item.getAttribute('aria-rowindex')) - 2;
  const last = kept.shown.length - 1;
  const virtual = kept.virtual;
  const page = Math.max(1, Math.floor(virtual.viewHeight / virtual.rowHeight) - 2);
  const targets = { ArrowDown: current + 1, ArrowUp: current - 1, PageDown: current + page, PageUp: current - page, Home: 0, End: last };
  if (!Object.hasOwn(targets, event.key) || (event.ctrlKey && event.key !== 'Home' && event.key !== 'End')) return;
  event.preventDefault();
  if (last >= 0) focusRow(kept, Math.max(0, Math.min(last, targets[event.key])));
}

// Draws the rows around row `index` of the shown rows now, focuses its link and lets the browser scroll the row
// into view: the table's (below the sticky header, by the scroller's scroll-padding) and the page's if need be.
function focusRow(kept, index) {
  const virtual = kept.virtual;
  const top = virtual.top(index);
  const height = virtual.rowHeight;
  if (top < virtual.viewTop) virtual.scrollTo(top);
  else if (top + 2 * height > virtual.viewTop + virtual.viewHeight) virtual.scrollTo(top + 2 * height - virtual.viewHeight);
  virtual.cancelScroll();  // the browser's scroll below wins over one a re-sort asked for
  const soc = kept.shown[index].info.soc;
  kept.activeSoc = soc;
  // The redraw keeps focus on the row that has it until the new one takes it (its focusin names that row again).
  kept.redraw?.();
  const slot = kept.pool.find((candidate) => candidate.soc === soc && candidate.item.isConnected);
  if (!slot) return;
  setTabStop(kept, slot);
  slot.parts.open.focus({ preventScroll: true });
  slot.item.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}
