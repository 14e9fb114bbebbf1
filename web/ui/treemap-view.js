// The UK's work at a glance: every scored unit group a rectangle whose area is its employees (ASHE), coloured by
// the band of its headline as displayed, nested by SOC 2020 major group with the group's name and its
// employment-weighted mean; the open role outlined; under a threshold, the occupations below it faded. The layout
// is d3-hierarchy's squarified treemap with no padding, so every rectangle's area stays exactly proportional to its
// employees (the groups are outlines drawn over their occupations). It changes only when the set of scored unit
// groups does (another measure or bridge); every other input recolours the rectangles in place.
// Each rectangle is a link to its role's page. Live, the rectangles are one tab stop moved through by the arrow
// keys, a tooltip shows the figures on hover or focus, and a click or Enter opens the role here (wireTreemap).
// Root: the chart's <figure> (the home page's, or a chart element's), holding the <svg data-part="svg">, its
// tooltip and, on the home page, its legend and the list of the occupations it cannot draw.
import { hierarchy, treemap, treemapSquarify } from '../vendor/d3-hierarchy.js';
import { el, fingerprint, part, setAttr, setHidden, setText } from './dom.js';

export const TREEMAP_SIZE = { width: 960, height: 540 };
const CHAR_WIDTH = 6.4;  // a label character's width at 11px, near enough to decide whether a label fits

const drawn = new WeakMap();  // svg -> { key, leaves, groups, current, tabStop, focusIndex }

// A label cut to what fits `width`, at a word's end, with an ellipsis ('' when not even one word fits): the link's
// name is the whole title, and a label that stops inside a word would not read as part of it.
function fitted(text, width) {
  const chars = Math.floor(width / CHAR_WIDTH);
  if (chars >= text.length) return text;
  const cut = text.slice(0, Math.max(0, chars - 1)).replace(/[\s,(]*[^\s,(]*$/, '');
  return cut.length >= 3 ? `${cut}…` : '';
}

/**
 * Draws the treemap of `snapshot`. State: `selectedSoc` (outlined), `threshold` (a displayed score below which
 * rectangles fade, or null), `roleHref(soc)` (a rectangle's link), `missingAs` ('links': list the scored
 * occupations without published employees; 'count': say how many).
 */
export function renderTreemap(root, snapshot, { selectedSoc = '', threshold = null, roleHref, missingAs = 'links' }) {
  const svg = part(root, 'svg');
  const { units, columns } = snapshot;
  const shown = [];
  for (let i = 0; i < units.length; i++) if (columns.band[i] >= 0 && units[i].hasEmployees) shown.push(i);
  const layoutKey = fingerprint(shown.join(','));
  let state = drawn.get(svg);
  if (!state || state.key !== layoutKey) {
    state = (svg.getAttribute('data-layout') === layoutKey && adopt(svg)) || layout(svg, snapshot, shown, roleHref);
    state.key = layoutKey;
    svg.setAttribute('data-layout', layoutKey);
    drawn.set(svg, state);
  }
  const members = threshold === null ? null : snapshot.atOrAbove(threshold).members;
  for (const leaf of state.leaves) {
    const band = snapshot.bands[columns.band[leaf.index]]?.key ?? '';
    const below = members !== null && !members[leaf.index];
    if (band !== leaf.band || below !== leaf.below) {
      setAttr(leaf.rect, 'data-band', band);
      setFlag(leaf.node, 'data-below', below);
      leaf.band = band;
      leaf.below = below;
    }
  }
  const summaries = snapshot.summaries;
  for (const group of state.groups) {
    const summary = summaries.find((s) => s.code === group.code);
    const mean = summary && summary.scored ? summary.meanScoreText : '';
    const text = mean ? `${group.code} ${group.title} · ${mean}` : `${group.code} ${group.title}`;
    const short = mean ? `${group.code} · ${mean}` : String(group.code);
    const label = fitted(text, group.w - 8) || fitted(short, group.w - 8);
    setText(group.label, label);
    setAttr(group.background, 'width', label ? (label.length * CHAR_WIDTH + 8).toFixed(1) : '0');
  }
  const selected = state.leaves.find((leaf) => leaf.soc === selectedSoc);
  setAttr(state.current, 'visibility', selected ? 'visible' : 'hidden');
  if (selected) {
    for (const [name, value] of [['x', selected.x], ['y', selected.y], ['width', selected.w], ['height', selected.h]]) {
      setAttr(state.current, name, value.toFixed(2));
    }
  }
  // One tab stop among the rectangles: the one the keyboard last reached, else the open role's, else the largest.
  const stop = state.leaves[state.focusIndex] ?? selected ?? state.leaves[0];
  if (stop && stop !== state.tabStop) {
    if (state.tabStop) setAttr(state.tabStop.node, 'tabindex', '-1');
    setAttr(stop.node, 'tabindex', '0');
    state.tabStop = stop;
  }
  // The page's figure has a legend and names the occupations it cannot draw; a chart element's has neither.
  const legend = root.querySelector('[data-part="legend"]');
  if (legend) renderLegend(legend, snapshot);
  const missing = root.querySelector('[data-part="missing"]');
  if (missing) listMissing(missing, snapshot, { roleHref, missingAs });
}

// The drawing a pre-rendered page carries, taken as it is: its leaves and groups are found by their attributes.
function adopt(svg) {
  const leaves = [...svg.querySelectorAll('a.treemap__leaf')].map((node) => {
    const rect = node.querySelector('rect');
    const number = (name) => Number(rect.getAttribute(name));
    return { index: Number(node.dataset.index), soc: node.dataset.soc, node, rect, band: rect.getAttribute('data-band') ?? '',
             below: node.hasAttribute('data-below'), x: number('x'), y: number('y'), w: number('width'), h: number('height') };
  });
  const current = svg.querySelector('.treemap__current');
  if (!leaves.length || !current || leaves.some((leaf) => Number.isNaN(leaf.index))) return null;
  const groups = [...svg.querySelectorAll('.treemap__group')].map((outline) => ({
    code: Number(outline.dataset.code), title: outline.dataset.title, w: Number(outline.getAttribute('width')),
    label: outline.nextElementSibling.nextElementSibling, background: outline.nextElementSibling,
  }));
  const tabStop = leaves.find((leaf) => leaf.node.getAttribute('tabindex') === '0') ?? null;
  return { leaves, groups, current, tabStop, focusIndex: -1 };
}

function layout(svg, snapshot, shown, roleHref) {
  const doc = svg.ownerDocument;
  const { width, height } = TREEMAP_SIZE;
  const units = snapshot.units;
  const byGroup = new Map();
  for (const index of shown) {
    const code = units[index].majorGroup;
    if (!byGroup.has(code)) byGroup.set(code, []);
    byGroup.get(code).push({ index, value: units[index].employees });
  }
  const data = { children: [...byGroup].map(([code, children]) => ({ code, children })) };
  const tree = hierarchy(data).sum((d) => d.value ?? 0)
    .sort((a, b) => b.value - a.value || (a.data.index ?? a.data.code) - (b.data.index ?? b.data.code));
  treemap().tile(treemapSquarify).size([width, height]).round(false)(tree);
  const leavesLayer = el(doc, 'svg:g', { class: 'treemap__leaves' });
  const groupsLayer = el(doc, 'svg:g', { class: 'treemap__groups', 'aria-hidden': 'true' });
  const leaves = [];
  const groups = [];
  const titles = new Map(snapshot.majorGroups.map((group) => [group.code, group.title]));
  for (const groupNode of tree.children ?? []) {
    const code = groupNode.data.code;
    const title = titles.get(code) ?? '';
    const box = { x: groupNode.x0, y: groupNode.y0, w: groupNode.x1 - groupNode.x0, h: groupNode.y1 - groupNode.y0 };
    for (const leafNode of groupNode.children ?? []) {
      const index = leafNode.data.index;
      const unit = units[index];
      const leaf = { index, soc: unit.soc, band: null, below: false, x: leafNode.x0, y: leafNode.y0,
                     w: leafNode.x1 - leafNode.x0, h: leafNode.y1 - leafNode.y0 };
      leaf.rect = el(doc, 'svg:rect', { x: leaf.x.toFixed(2), y: leaf.y.toFixed(2), width: leaf.w.toFixed(2), height: leaf.h.toFixed(2) });
      // The larger rectangles carry their title.
      const text = leaf.w > 64 && leaf.h > 22 ? fitted(unit.title, leaf.w - 8) : '';
      leaf.label = text ? el(doc, 'svg:text', { class: 'treemap__label', x: (leaf.x + 4).toFixed(1), y: (leaf.y + 14).toFixed(1) }, text) : null;
      leaf.node = el(doc, 'svg:a', { href: roleHref(unit.soc), 'data-soc': unit.soc, 'data-index': index, class: 'treemap__leaf',
                                     tabindex: '-1', 'aria-label': `${unit.title}, ${unit.employeesText} employees` },
                     leaf.rect, leaf.label);
      leavesLayer.append(leaf.node);
      leaves.push(leaf);
    }
    const group = { code, title, w: box.w };
    group.background = el(doc, 'svg:rect', { class: 'treemap__group-label-bg', x: (box.x + 1).toFixed(1), y: (box.y + 1).toFixed(1),
                                             height: 16, width: 0 });
    group.label = el(doc, 'svg:text', { class: 'treemap__group-label', x: (box.x + 5).toFixed(1), y: (box.y + 13).toFixed(1) });
    const outline = el(doc, 'svg:rect', { class: 'treemap__group', 'data-code': code, 'data-title': title, x: box.x.toFixed(2),
                                          y: box.y.toFixed(2), width: box.w.toFixed(2), height: box.h.toFixed(2) });
    groupsLayer.append(outline, group.background, group.label);
    groups.push(group);
  }
  const current = el(doc, 'svg:rect', { class: 'treemap__current', visibility: 'hidden' });
  svg.replaceChildren(leavesLayer, groupsLayer, current);
  return { leaves, groups, current, tabStop: null, focusIndex: -1 };
}

function setFlag(node, name, on) {
  if (node.hasAttribute(name) !== on) node.toggleAttribute(name, on);
}

// The legend: the core's bands, each with the scores it covers.
function renderLegend(list, snapshot) {
  if (!snapshot.bands || list.children.length === snapshot.bands.length) return;
  const doc = list.ownerDocument;
  list.replaceChildren(...snapshot.bands.map((band) => el(doc, 'li', {},
    el(doc, 'span', { class: 'legend__swatch', 'data-band': band.key }), `${band.name}, ${band.rangeText}`)));
}

// Scored unit groups whose employees ONS does not publish: named beside the treemap, not drawn at a guessed size.
function listMissing(holder, snapshot, { roleHref, missingAs }) {
  const { units, columns } = snapshot;
  const missing = units.filter((unit, i) => columns.band[i] >= 0 && !unit.hasEmployees);
  const key = `${missingAs} ${missing.map((unit) => unit.soc).join(',')}`;
  if (holder.dataset.key === key) return;
  holder.dataset.key = key;
  if (missing.length === 0 || missingAs === 'count') {
    setText(holder, missing.length === 0 ? 'ONS publishes the employees of every scored occupation: all are drawn.'
      : `${missing.length} scored occupations are not drawn, because ONS does not publish their employees; the table lists them.`);
    return;
  }
  // A long list, folded: its summary says what it is.
  const doc = holder.ownerDocument;
  const list = el(doc, 'p');
  missing.forEach((unit, i) => {
    if (i) list.append(', ');
    list.append(el(doc, 'a', { class: 'link', href: roleHref(unit.soc), 'data-soc': unit.soc }, unit.title));
  });
  list.append('.');
  holder.replaceChildren(el(doc, 'details', {},
    el(doc, 'summary', {}, `${missing.length} scored occupations are not drawn, because ONS does not publish their employees`), list));
}

/**
 * Wires the drawing: a click or Enter on a rectangle calls `open(soc)`; the arrow keys move between rectangles
 * (largest first within each group), Home and End to the ends; hover or focus shows the tooltip with
 * `describe(index)`'s text (the figures under the snapshot drawn last).
 */
export function wireTreemap(root, { open, describe }) {
  const svg = part(root, 'svg');
  const tip = part(root, 'tip');
  svg.addEventListener('click', (event) => {
    const link = event.target.closest?.('a[data-soc]');
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    open(link.dataset.soc);
  });
  svg.addEventListener('keydown', (event) => {
    const state = drawn.get(svg);
    const link = event.target.closest?.('a[data-soc]');
    if (!state || !link || event.altKey || event.metaKey || event.ctrlKey || event.shiftKey) return;
    const at = state.leaves.findIndex((leaf) => leaf.node === link);
    const last = state.leaves.length - 1;
    const targets = { ArrowRight: at + 1, ArrowDown: at + 1, ArrowLeft: at - 1, ArrowUp: at - 1, Home: 0, End: last };
    if (!Object.hasOwn(targets, event.key)) return;
    event.preventDefault();
    state.focusIndex = Math.max(0, Math.min(last, targets[event.key]));
    const next = state.leaves[state.focusIndex];
    if (state.tabStop) state.tabStop.node.setAttribute('tabindex', '-1');
    next.node.setAttribute('tabindex', '0');
    state.tabStop = next;
    next.node.focus();
  });
  const show = (link, focused) => {
    const state = drawn.get(svg);
    const leaf = link && state?.leaves.find((candidate) => candidate.node === link);
    if (!leaf) return;
    if (focused) state.focusIndex = state.leaves.indexOf(leaf);
    const [title, figures] = tip.children;
    const { heading, text } = describe(leaf.index);
    setText(title, heading);
    setText(figures, text);
    // Placed over the rectangle, in the figure's coordinates (the SVG scales with its width).
    const scale = svg.clientWidth / TREEMAP_SIZE.width || 1;
    const left = Math.min(Math.max(0, (leaf.x + leaf.w / 2) * scale - 120), Math.max(0, svg.clientWidth - 240));
    tip.style.left = `${left}px`;
    tip.style.top = `${(leaf.y + leaf.h) * scale + 4}px`;
    setHidden(tip, false);
    link.setAttribute('aria-describedby', tip.id);
  };
  // On the figure, not the <svg>: Chromium makes an SVG element with focus listeners a tab stop of its own, where
  // the arrow keys do nothing (they work on the rectangle that holds the one tab stop).
  root.addEventListener('focusin', (event) => show(event.target.closest?.('a[data-soc]'), true));
  root.addEventListener('focusout', () => setHidden(tip, true));
  svg.addEventListener('pointerover', (event) => show(event.target.closest?.('a[data-soc]'), false));
  svg.addEventListener('pointerleave', () => setHidden(tip, true));
}
