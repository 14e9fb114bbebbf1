// One render a frame, only where it shows. The page's state changes with every input; each change asks for a
// frame, and a burst of inputs inside one frame draws once, with the last state. In that frame each section
// (a view over its own root) is drawn when what it shows changed (a new snapshot, or its part of the state) and
// it is on screen or near it; a section off screen is left as it is and drawn when it comes into view. A section
// the layout has just shown is drawn at once (its place on screen is not known until it is laid out). A view that
// lacks a data part says so by returning { needs: [part] }; the frame hands what its views needed to onDrawn.
export class RenderLoop {
  #sections = [];
  #snapshotOf;
  #frame = 0;
  #observer = null;
  #win;
  #state;
  #onDrawn;

  /** Frames drawn so far, and how long the last one's rendering took (ms): for the benchmark and the tests. */
  frames = 0;
  lastFrameMs = 0;

  /**
   * `state`: the first state; `snapshotOf(state)`: the Snapshot it shows; `onDrawn(state, snapshot, needs)`: called
   * after each frame's rendering with the data parts its views lacked (a Set; the page writes its address there and
   * fetches those parts). `win`: the window whose frames and viewport count.
   */
  constructor({ state, snapshotOf, onDrawn = () => {}, win = globalThis.window }) {
    this.#state = state;
    this.#snapshotOf = snapshotOf;
    this.#onDrawn = onDrawn;
    this.#win = win;
    // A generous margin: a section is drawn before it scrolls into sight, so a steady scroll never shows it stale.
    this.#observer = new win.IntersectionObserver((entries) => this.#seen(entries), { rootMargin: '100% 0px' });
  }

  get state() {
    return this.#state;
  }

  /**
   * Adds a section: `render(root, snapshot, slice)` draws it from `select(state)` (its part of the state, compared
   * key by key with the part drawn last) and the snapshot. `always`: drawn in every frame where it is stale, on screen or not (what the
   * first screen must show, and the layout, which shows and hides the other sections). Sections are drawn in the
   * order they are added; a section inside an element that is hidden is not drawn.
   */
  add(name, root, render, { select = (state) => state, always = false } = {}) {
    const section = { name, root, render, select, always, visible: false, drawn: null, draws: 0, force: false,
                      wasHidden: root.closest('[hidden]') !== null };
    this.#sections.push(section);
    if (!always) this.#observer.observe(root);
    return section;
  }

  /** How many times the section `name` has been drawn. */
  draws(name) {
    return this.#sections.find((section) => section.name === name)?.draws ?? 0;
  }

  /** Replaces the state with `change(state)` and asks for a frame. */
  update(change) {
    this.#state = change(this.#state);
    this.request();
  }

  /**
   * Draws the section `name` in the next frame, on screen or not, even if what it shows is unchanged: its window
   * scrolled, or the page is about to scroll it into view.
   */
  invalidate(name) {
    const section = this.#sections.find((candidate) => candidate.name === name);
    if (section) section.force = true;
    this.request();
  }

  /**
   * Draws the section `name` now if what it shows is not current, on screen or not: for what reads a section
   * whatever its place (a chart's download).
   */
  ensure(name) {
    const section = this.#sections.find((candidate) => candidate.name === name);
    if (!section || section.root.closest('[hidden]') || !this.#stale(section)) return;
    this.#render(section, this.#snapshotOf(this.#state), section.select(this.#state));
  }

  // Draws a section; resolves to the data parts its view said it lacked (an array, often empty).
  #render(section, snapshot, slice) {
    section.force = false;
    const drawn = section.render(section.root, snapshot, slice);
    section.drawn = { snapshot, slice };
    section.draws += 1;
    return drawn?.needs ?? [];
  }

  /** Draws every section in the next frame, on screen or not, whether or not what it shows changed. */
  invalidateAll() {
    for (const section of this.#sections) {
      section.force = true;
      section.drawn = null;
    }
    this.request();
  }

  /** Asks for one frame; asking again before it comes changes nothing. */
  request() {
    if (!this.#frame) this.#frame = this.#win.requestAnimationFrame(() => this.#draw());
  }

  /** Draws now, outside a frame (the first render, which the page waits for). */
  drawNow() {
    if (this.#frame) this.#win.cancelAnimationFrame(this.#frame);
    this.#draw();
  }

  #seen(entries) {
    let wanted = false;
    for (const entry of entries) {
      const section = this.#sections.find((candidate) => candidate.root === entry.target);
      if (!section) continue;
      section.visible = entry.isIntersecting;
      if (section.visible && this.#stale(section)) wanted = true;
    }
    if (wanted) this.request();
  }

  #stale(section) {
    const drawn = section.drawn;
    return section.force || !drawn || !sameSlice(drawn.slice, section.select(this.#state))
      || drawn.snapshot !== this.#snapshotOf(this.#state);
  }

  #draw() {
    this.#frame = 0;
    const started = this.#win.performance.now();
    const state = this.#state;
    const snapshot = this.#snapshotOf(state);
    const needs = new Set();
    for (const section of this.#sections) {
      // Read after the sections before it were drawn: the layout shows and hides the others (no layout is read).
      if (section.root.closest('[hidden]')) {
        section.wasHidden = true;
        continue;
      }
      const justShown = section.wasHidden;
      section.wasHidden = false;
      const slice = section.select(state);
      const current = section.drawn && section.drawn.snapshot === snapshot && sameSlice(section.drawn.slice, slice) && !section.force;
      if (current) continue;
      // Off screen: drawn when it comes into view (a pre-rendered section needs nothing before then). A section
      // just shown is drawn at once: where it lies is not known until it is laid out.
      if (!section.always && !section.visible && !justShown && !section.force) continue;
      for (const need of this.#render(section, snapshot, slice)) needs.add(need);
    }
    this.frames += 1;
    this.lastFrameMs = this.#win.performance.now() - started;
    this.#onDrawn(state, snapshot, needs);
  }
}

// Whether two parts of the state are the same: the same keys with the same values (Object.is each).
function sameSlice(a, b) {
  if (a === b) return true;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.is(a[key], b[key]));
}
