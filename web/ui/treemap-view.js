// The UK's work at a glance: every scored unit group a rectangle whose area is its employees (ASHE), coloured by
// the band of its headline as displayed, nested by SOC 2020 major group with the group's name and its
// employment-weighted mean; the open role outlined; under a threshold, the occupations below it dimmed. The layout
// is d3-hierarchy's squarified treemap with no padding, so every rectangle's area stays exactly proportional to its
// employees (the groups are outlines drawn over their occupations). It changes only when the set of scored unit
// groups does (another measure or bridge); every other input recolours the rectangles in place.
// Each rectangle is a link to its role's page (a reader without JavaScript can follow it). Live, the rectangles are
// one tab stop moved through by the arrow keys, a tooltip shows the figures on hover or focus, and a click or
// Enter opens the role here. The table of all occupations stays the full alternative.
import { treemap, treemapSquarify, hierarchy } from '../vendor/d3-hierarchy.js';
import { atOrAbove, bandOf } from './bands.js';
import { setAttr, setHidden, setText, svgElement } from './dom.js';

export const TREEMAP_SIZE = { width: 960, height: 540 };
const CHAR_WIDTH = 6.4;  // a label character's width at 11px, near enough to decide whether a label fits

// A label cut to what fits `width`, at a word's end, with an ellipsis ('' when not even one word fits): the link's
// name is the whole title, and a label that stops inside a word would not read as part of it.
function fitted(text, width) {
  const chars = Math.floor(width / CHAR_WIDTH);
  if (chars >= text.length) return text;
  const cut = text.slice(0, Math.max(0, chars - 1)).replace(/[\s,(]*[^\s,(]*$/, '');
  return cut.length >= 3 ? `${cut}…` : '';
}

export class TreemapView {
  #svg;
  #live;
  #roleHref;
  #onOpen;
  #rowAt;
  #tip;
  #missing;
  #missingAs;
  #layoutKey = null;
  #missingKey = null;
  #leaves = [];   // { index, unit, soc, node (a), rect, band, below (as drawn), x, y, w, h }
  #groups = [];   // { code, title, mean (as drawn), label, background, x, y, w, h }
  #current;
  #tabStop = null;
  #focusIndex = -1;

  /**
   * `svg`: the chart's <svg>; `tip`: the tooltip element (live); `missing`: where the scored unit groups that have
   * no published employees are listed (`missingAs` 'links', or 'count': how many, for a page with no room to
   * list them, as a role page's HTML). `roleHref(soc)`: a role's page; `onOpen(soc)`: open it here (live);
   * `rowAt(index)`: the core's display strings of one unit group (live).
   */
  constructor(svg, { live, roleHref, onOpen = () => {}, rowAt = null, tip = null, missing = null, missingAs = 'links' }) {
    this.#missingAs = missingAs;
    this.#svg = svg;
    this.#live = live;
    this.#roleHref = roleHref;
    this.#onOpen = onOpen;
    this.#rowAt = rowAt;
    this.#tip = tip;
    this.#missing = missing;
    if (!live) return;
    svg.addEventListener('click', (event) => {
      const link = event.target.closest?.('a[data-soc]');
      if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      this.#onOpen(link.dataset.soc);
    });
    svg.addEventListener('keydown', (event) => this.#key(event));
    svg.addEventListener('focusin', (event) => this.#showTip(event.target.closest?.('a[data-soc]'), true));
    svg.addEventListener('focusout', () => this.#hideTip());
    svg.addEventListener('pointerover', (event) => this.#showTip(event.target.closest?.('a[data-soc]'), false));
    svg.addEventListener('pointerleave', () => this.#hideTip());
  }

  /** The rectangles drawn, for the tests and the export: { soc, x, y, w, h }. */
  get leaves() {
    return this.#leaves.map(({ soc, x, y, w, h }) => ({ soc, x, y, w, h }));
  }

  /**
   * Draws `units` (unitGroups()) under `columns` (figureColumns(), with displayed10), the major groups'
   * `summaries` (majorGroupSummaries(), or the titles alone), the open role `selectedSoc` and the threshold
   * (a displayed score, or null for none).
   */
  render({ units, summaries, columns, selectedSoc, threshold }) {
    const shown = [];
    for (let i = 0; i < units.length; i++) {
      if (!Number.isNaN(columns.displayed10[i]) && units[i].hasEmployees) shown.push(i);
    }
    const key = shown.join(',');
    if (key !== this.#layoutKey) this.#layout(units, summaries, shown, key);
    // Each rectangle keeps what it shows, so an input touches the DOM only where a band or the fading changed.
    for (const leaf of this.#leaves) {
      const displayed = columns.displayed10[leaf.index];
      const band = bandOf(displayed);
      if (band !== leaf.band) {
        leaf.rect.setAttribute('data-band', band);
        leaf.band = band;
      }
      const below = threshold !== null && !atOrAbove(displayed, threshold);
      if (below !== leaf.below) {
        leaf.node.toggleAttribute('data-below', below);
        leaf.below = below;
      }
    }
    for (const group of this.#groups) {
      const summary = summaries.find((s) => s.code === group.code);
      const mean = summary && summary.scored ? summary.meanScoreText : '';
      if (mean === group.mean) continue;
      group.mean = mean;
      const text = mean ? `${group.code} ${group.title} · ${mean}` : `${group.code} ${group.title}`;
      const short = mean ? `${group.code} · ${mean}` : String(group.code);
      const label = fitted(text, group.w - 8) || fitted(short, group.w - 8);
      setText(group.label, label);
      setAttr(group.background, 'width', label ? (label.length * CHAR_WIDTH + 8).toFixed(1) : '0');
    }
    const selected = this.#leaves.find((leaf) => leaf.soc === selectedSoc);
    setAttr(this.#current, 'visibility', selected ? 'visible' : 'hidden');
    if (selected) {
      for (const [name, value] of [['x', selected.x], ['y', selected.y], ['width', selected.w], ['height', selected.h]]) {
        setAttr(this.#current, name, value.toFixed(2));
      }
    }
    if (this.#live) this.#syncTabStop(selectedSoc);
    this.#listMissing(units, columns);
  }

  #layout(units, summaries, shown, key) {
    this.#layoutKey = key;
    const { width, height } = TREEMAP_SIZE;
    const byGroup = new Map();
    for (const index of shown) {
      const code = units[index].majorGroup;
      if (!byGroup.has(code)) byGroup.set(code, []);
      byGroup.get(code).push({ index, value: units[index].employees });
    }
    const data = { children: [...byGroup].map(([code, children]) => ({ code, children })) };
    const root = hierarchy(data).sum((d) => d.value ?? 0)
      .sort((a, b) => b.value - a.value || (a.data.index ?? a.data.code) - (b.data.index ?? b.data.code));
    treemap().tile(treemapSquarify).size([width, height]).round(false)(root);
    const leavesLayer = svgElement('g', { class: 'treemap__leaves' });
    const groupsLayer = svgElement('g', { class: 'treemap__groups', 'aria-hidden': 'true' });
    this.#leaves = [];
    this.#groups = [];
    for (const groupNode of root.children ?? []) {
      const code = groupNode.data.code;
      const title = summaries.find((s) => s.code === code)?.title ?? '';
      const box = { x: groupNode.x0, y: groupNode.y0, w: groupNode.x1 - groupNode.x0, h: groupNode.y1 - groupNode.y0 };
      for (const leafNode of groupNode.children ?? []) {
        const index = leafNode.data.index;
        const unit = units[index];
        const leaf = { index, unit, soc: unit.soc, band: null, below: false, x: leafNode.x0, y: leafNode.y0, w: leafNode.x1 - leafNode.x0, h: leafNode.y1 - leafNode.y0 };
        leaf.node = svgElement('a', { href: this.#roleHref(unit.soc), 'data-soc': unit.soc, class: 'treemap__leaf',
                                      'aria-label': `${unit.title}, ${unit.employeesText} employees` });
        if (this.#live) leaf.node.setAttribute('tabindex', '-1');
        leaf.rect = svgElement('rect', { x: leaf.x.toFixed(2), y: leaf.y.toFixed(2), width: leaf.w.toFixed(2), height: leaf.h.toFixed(2) });
        leaf.node.append(leaf.rect);
        if (!this.#live) leaf.node.append(svgElement('title', {}, unit.title));
        // The larger rectangles carry their title.
        const text = leaf.w > 64 && leaf.h > 22 ? fitted(unit.title, leaf.w - 8) : '';
        if (text) leaf.node.append(svgElement('text', { class: 'treemap__label', x: (leaf.x + 4).toFixed(1), y: (leaf.y + 14).toFixed(1) }, text));
        leavesLayer.append(leaf.node);
        this.#leaves.push(leaf);
      }
      const group = { code, title, mean: null, ...box };
      group.background = svgElement('rect', { class: 'treemap__group-label-bg', x: (box.x + 1).toFixed(1), y: (box.y + 1).toFixed(1), height: 16, width: 0 });
      group.label = svgElement('text', { class: 'treemap__group-label', x: (box.x + 5).toFixed(1), y: (box.y + 13).toFixed(1) });
      groupsLayer.append(svgElement('rect', { class: 'treemap__group', x: box.x.toFixed(2), y: box.y.toFixed(2),
                                              width: box.w.toFixed(2), height: box.h.toFixed(2) }),
                         group.background, group.label);
      this.#groups.push(group);
    }
    this.#current = svgElement('rect', { class: 'treemap__current', visibility: 'hidden' });
    this.#svg.replaceChildren(leavesLayer, groupsLayer, this.#current);
    this.#tabStop = null;
    this.#focusIndex = -1;
  }

  // Scored unit groups whose employees ONS does not publish: named beside the treemap, not drawn at a guessed size.
  #listMissing(units, columns) {
    if (!this.#missing) return;
    const missing = units.filter((unit, i) => !Number.isNaN(columns.displayed10[i]) && !unit.hasEmployees);
    const key = missing.map((unit) => unit.soc).join(',');
    if (this.#missingKey === key) return;
    this.#missingKey = key;
    if (this.#missingAs === 'count') {
      setText(this.#missing, missing.length === 0 ? 'ONS publishes the employees of every scored occupation: all are drawn.'
        : `${missing.length} scored occupations are not drawn, because ONS does not publish their employees; the table lists them.`);
      return;
    }
    const doc = this.#missing.ownerDocument;
    if (missing.length === 0) {
      setText(this.#missing, 'ONS publishes the employees of every scored occupation: all are drawn.');
      return;
    }
    // A long list, folded: its summary says what it is.
    const details = doc.createElement('details');
    const summary = doc.createElement('summary');
    summary.textContent = `${missing.length} scored occupations are not drawn, because ONS does not publish their employees`;
    const list = doc.createElement('p');
    missing.forEach((unit, i) => {
      const link = doc.createElement('a');
      link.setAttribute('class', 'link');
      link.setAttribute('href', this.#roleHref(unit.soc));
      link.setAttribute('data-soc', unit.soc);
      link.textContent = unit.title;
      list.append(...(i === 0 ? [] : [', ']), link);
    });
    list.append('.');
    details.append(summary, list);
    this.#missing.replaceChildren(details);
  }

  // One tab stop among the rectangles: the one the keyboard last reached, else the open role's, else the largest.
  #syncTabStop(selectedSoc) {
    const wanted = this.#leaves[this.#focusIndex] ?? this.#leaves.find((leaf) => leaf.soc === selectedSoc) ?? this.#leaves[0];
    if (!wanted || wanted === this.#tabStop) return;
    this.#tabStop?.node.setAttribute('tabindex', '-1');
    wanted.node.setAttribute('tabindex', '0');
    this.#tabStop = wanted;
  }

  // Arrow keys move to the next or previous rectangle (largest first within each group), Home and End to the ends.
  #key(event) {
    const link = event.target.closest?.('a[data-soc]');
    if (!link || event.altKey || event.metaKey || event.ctrlKey || event.shiftKey) return;
    const at = this.#leaves.findIndex((leaf) => leaf.node === link);
    const last = this.#leaves.length - 1;
    const targets = { ArrowRight: at + 1, ArrowDown: at + 1, ArrowLeft: at - 1, ArrowUp: at - 1, Home: 0, End: last };
    if (!Object.hasOwn(targets, event.key)) return;
    event.preventDefault();
    this.#focusIndex = Math.max(0, Math.min(last, targets[event.key]));
    this.#syncTabStop('');
    this.#tabStop.node.focus();
  }

  #showTip(link, focused) {
    if (!this.#tip || !link || !this.#rowAt) return;
    const leaf = this.#leaves.find((candidate) => candidate.node === link);
    if (!leaf) return;
    if (focused) this.#focusIndex = this.#leaves.indexOf(leaf);
    const row = this.#rowAt(leaf.index);
    const [title, figures] = this.#tip.children;
    setText(title, leaf.unit.title);
    setText(figures, `${leaf.unit.employeesText} employees · exposure ${row.scoreText}${row.band ? ` (${row.band})` : ''} · wage exposure ${row.wageExposureText}`);
    // Placed over the rectangle, in the figure's coordinates (the SVG scales with its width).
    const scale = this.#svg.clientWidth / TREEMAP_SIZE.width || 1;
    const left = Math.min(Math.max(0, (leaf.x + leaf.w / 2) * scale - 120), Math.max(0, this.#svg.clientWidth - 240));
    this.#tip.style.left = `${left}px`;
    this.#tip.style.top = `${(leaf.y + leaf.h) * scale + 4}px`;
    setHidden(this.#tip, false);
    link.setAttribute('aria-describedby', this.#tip.id);
  }

  #hideTip() {
    if (this.#tip) setHidden(this.#tip, true);
  }
}
