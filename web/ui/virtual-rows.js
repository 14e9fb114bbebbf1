// Long lists drawn in part: the all-occupations table (412 rows, in their own scroller) and a role's task list
// (up to 866 tasks, in the page's scroll). Only the rows in and near the view are in the DOM, between two spacer
// elements that stand for the rows above and below, so the scroll height is that of every row. Heights are
// measured as rows are laid out (a ResizeObserver, after layout, where reading them costs nothing) and kept per
// row key; rows not yet seen count at the mean of those measured. The view that owns the list draws the rows
// this gives it, reusing its elements as it sees fit, and hands them back to place().
import { placeChildren } from './dom.js';

export class VirtualRows {
  #body;
  #scroller;        // the element the rows scroll in, or null: the page
  #win;
  #before;
  #after;
  #heights = new Map();  // row key -> measured height (px)
  #measuredTotal = 0;
  #estimate;
  #overscan;
  #all;
  #keys = [];
  #offsets = new Float64Array(1);  // offsets[i]: top of row i from the list's top; offsets[n]: the list's height
  #viewTop = 0;     // the view's top, from the list's top (px)
  #viewHeight = 0;
  #start = 0;
  #end = 0;
  #sizes;
  #observedKey = new WeakMap();  // row element -> the key it showed when last observed
  #onChange;
  #pendingScroll = null;
  #scrollFrame = 0;

  /**
   * `body`: the element holding the rows; `spacer(doc)`: a new element standing for rows not drawn (a table's
   * spacer is a row with one cell); `scroller`: the element the list scrolls in (null: the page); `estimate`: a
   * row's height until one is measured; `all`: a list of at most this many rows is drawn whole (it costs less
   * than the bookkeeping); `onChange()`: the view moved or a height changed, so the window should be drawn again
   * (the page asks for a frame).
   */
  constructor(body, { spacer, scroller = null, estimate = 40, overscan = 3, all = 0, onChange = () => {} }) {
    this.#body = body;
    this.#scroller = scroller;
    this.#win = body.ownerDocument.defaultView;
    this.#estimate = estimate;
    this.#overscan = overscan;
    this.#all = all;
    this.#onChange = onChange;
    const doc = body.ownerDocument;
    this.#before = body.querySelector(':scope > [data-spacer="before"]') ?? spacer(doc);
    this.#after = body.querySelector(':scope > [data-spacer="after"]') ?? spacer(doc);
    this.#before.setAttribute('data-spacer', 'before');
    this.#after.setAttribute('data-spacer', 'after');
    for (const node of [this.#before, this.#after]) node.setAttribute('aria-hidden', 'true');
    this.#sizes = new this.#win.ResizeObserver((entries) => this.#measured(entries));
    const target = scroller ?? this.#win;
    target.addEventListener('scroll', () => this.#scrolled(), { passive: true });
    if (scroller) this.#sizes.observe(scroller);
    else this.#win.addEventListener('resize', () => this.#scrolled(), { passive: true });
    this.#readView();
  }

  /** The first and one past the last row drawn. */
  get start() {
    return this.#start;
  }

  get end() {
    return this.#end;
  }

  get viewTop() {
    return this.#viewTop;
  }

  get viewHeight() {
    return this.#viewHeight || this.#win.innerHeight || 700;
  }

  /** The height a row of unknown size is taken to have: the mean of those measured, else the estimate. */
  get rowHeight() {
    return this.#heights.size ? this.#measuredTotal / this.#heights.size : this.#estimate;
  }

  /** Top of row `index` from the list's top, for the keys of the last range(). */
  top(index) {
    return this.#offsets[Math.max(0, Math.min(index, this.#keys.length))];
  }

  /** The index of the row at `offset` px from the list's top. */
  indexAt(offset) {
    let low = 0;
    let high = this.#keys.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.#offsets[middle + 1] <= offset) low = middle + 1;
      else high = middle;
    }
    return Math.min(low, Math.max(0, this.#keys.length - 1));
  }

  /**
   * The rows to draw now, { start, end }, for a list of rows with these keys in order: those in the view and
   * `overscan` more on each side.
   */
  range(keys) {
    this.#keys = keys;
    const count = keys.length;
    if (this.#offsets.length !== count + 1) this.#offsets = new Float64Array(count + 1);
    const mean = this.rowHeight;
    for (let i = 0; i < count; i++) this.#offsets[i + 1] = this.#offsets[i] + (this.#heights.get(keys[i]) ?? mean);
    if (count <= this.#all) {
      this.#start = 0;
      this.#end = count;
      return { start: 0, end: count };
    }
    const first = count ? this.indexAt(this.#viewTop) : 0;
    const last = count ? this.indexAt(this.#viewTop + this.viewHeight) : -1;
    this.#start = Math.max(0, first - this.#overscan);
    this.#end = Math.min(count, last + 1 + this.#overscan);
    return { start: this.#start, end: this.#end };
  }

  /** Puts the drawn rows `nodes` (rows start..end of the last range()) between the spacers, keeping focus. */
  place(nodes) {
    // A spacer is in the list only while it stands for rows: a list drawn whole holds its rows alone.
    const before = this.#start > 0 ? [this.#before] : [];
    const after = this.#end < this.#keys.length ? [this.#after] : [];
    this.#spacerHeight(this.#before, this.top(this.#start));
    this.#spacerHeight(this.#after, this.top(this.#keys.length) - this.top(this.#end));
    placeChildren(this.#body, [...before, ...nodes, ...after]);
    // A view reuses its row elements: one that now shows another row is observed afresh, as a new observation
    // reports its size even when it is the size the element had (a resize alone would not say it).
    for (const node of nodes) {
      const key = node.dataset.key ?? node.dataset.soc;
      if (this.#observedKey.get(node) === key) continue;
      this.#observedKey.set(node, key);
      this.#sizes.unobserve(node);
      this.#sizes.observe(node);
    }
  }

  /**
   * Scrolls the list's view so that its top is `top` px from the list's top. The rows drawn next follow the new
   * position at once; the scroller moves at the start of the next frame, where the layout it needs is made anyway.
   */
  scrollTo(top) {
    const max = Math.max(0, this.top(this.#keys.length) - this.viewHeight);
    this.#viewTop = Math.max(0, Math.min(max, top));
    if (!this.#scroller) return;
    if (this.#pendingScroll === null) {
      this.#win.requestAnimationFrame(() => {
        if (this.#pendingScroll !== null) this.#scroller.scrollTop = this.#pendingScroll;
        this.#pendingScroll = null;
      });
    }
    this.#pendingScroll = this.#viewTop;
  }

  /** Forgets a scroll asked for and not yet made: the browser's own (focus, scrollIntoView) wins. */
  cancelScroll() {
    this.#pendingScroll = null;
  }

  #spacerHeight(spacer, height) {
    const target = spacer.firstElementChild ?? spacer;
    const value = `${Math.round(height)}px`;
    if (target.style.height !== value) target.style.height = value;
  }

  // The view's place over the list. For the page's scroll this reads the list's position: only in scroll and
  // resize events, never while a view writes.
  #readView() {
    if (this.#scroller) {
      if (this.#pendingScroll === null) this.#viewTop = this.#scroller.scrollTop;
      this.#viewHeight = this.#scroller.clientHeight;
    } else {
      this.#viewTop = Math.max(0, -this.#body.getBoundingClientRect().top);
      this.#viewHeight = this.#win.innerHeight;
    }
  }

  #scrolled() {
    if (this.#scrollFrame) return;
    this.#scrollFrame = this.#win.requestAnimationFrame(() => {
      this.#scrollFrame = 0;
      const before = [this.#viewTop, this.#viewHeight];
      this.#readView();
      if (this.#keys.length <= this.#all || (before[0] === this.#viewTop && before[1] === this.#viewHeight)) return;
      // Only when the view reaches rows not drawn, or leaves too many drawn, is the window drawn again.
      const first = this.indexAt(this.#viewTop);
      const last = this.indexAt(this.#viewTop + this.viewHeight);
      if (first < this.#start + 1 && this.#start > 0 || last >= this.#end - 1 && this.#end < this.#keys.length
          || first > this.#start + 2 * this.#overscan || last < this.#end - 2 * this.#overscan - 1) {
        this.#onChange();
      }
    });
  }

  #measured(entries) {
    let changed = false;
    for (const entry of entries) {
      const node = entry.target;
      if (node === this.#scroller) {
        this.#viewHeight = this.#scroller.clientHeight;
        changed = true;
        continue;
      }
      if (!node.isConnected || node.parentNode !== this.#body) {
        this.#sizes.unobserve(node);
        continue;
      }
      const key = node.dataset.key ?? node.dataset.soc;
      const height = entry.borderBoxSize?.[0]?.blockSize ?? node.getBoundingClientRect().height;
      if (key === undefined || !height) continue;
      const known = this.#heights.get(key);
      if (known !== undefined && Math.abs(known - height) < 0.5) continue;
      this.#measuredTotal += height - (known ?? 0);
      this.#heights.set(key, height);
      changed = true;
    }
    if (changed) this.#onChange();
  }
}
