// How the occupations spread across the exposure scale: a histogram of the scored unit groups' headlines in
// half-point bins, coloured by band, with the open role marked, and the core's sentence on how they spread.
// Root: the chart's <figure>, holding the <svg data-part="svg"> and, if it has one, its summary (data-part).
import { el, part, setAttr, setText } from './dom.js';

const BINS = 20;  // half-point bins over 0-10
export const DISTRIBUTION_SIZE = { width: 640, height: 220, left: 36, right: 12, top: 14, bottom: 34 };

/** Draws the headlines of `snapshot` with the role `selectedSoc` marked ('' for none). */
export function renderDistribution(root, snapshot, { selectedSoc = '' } = {}) {
  const svg = part(root, 'svg');
  const summary = root.querySelector('[data-part="summary"]');
  if (summary) setText(summary, snapshot.totals.distributionText);
  const marks = svg.querySelector('.chart__bar') ? adopt(svg) : axes(svg, snapshot);
  const { score10, band } = snapshot.columns;
  const counts = new Array(BINS).fill(0);
  for (let i = 0; i < score10.length; i++) if (band[i] >= 0) counts[Math.min(BINS - 1, Math.floor(score10[i] * 2))]++;
  const { width, height, left, right, top, bottom } = DISTRIBUTION_SIZE;
  const plotHeight = height - top - bottom;
  const plotWidth = width - left - right;
  const highest = Math.max(1, ...counts);
  setText(marks.topTick, String(highest));
  counts.forEach((count, bin) => {
    const barHeight = (count / highest) * plotHeight;
    setAttr(marks.bars[bin], 'y', String(height - bottom - barHeight));
    setAttr(marks.bars[bin], 'height', String(barHeight));
  });
  const selected = snapshot.units.findIndex((unit) => unit.soc === selectedSoc);
  const selectedScore = selected >= 0 && band[selected] >= 0 ? score10[selected] : null;
  const visible = selectedScore !== null;
  const x = left + (Math.min(10, selectedScore ?? 0) / 10) * plotWidth;
  for (const node of [marks.marker, marks.markerLabel]) setAttr(node, 'visibility', visible ? 'visible' : 'hidden');
  setAttr(marks.marker, 'x1', String(x));
  setAttr(marks.marker, 'x2', String(x));
  setAttr(marks.markerLabel, 'x', String(Math.max(left + 24, Math.min(width - right - 24, x))));
}

function adopt(svg) {
  return { bars: [...svg.querySelectorAll('.chart__bar')], topTick: svg.querySelector('[data-part="top-tick"]'),
           marker: svg.querySelector('.chart__marker'), markerLabel: svg.querySelector('.chart__marker-label') };
}

// The axes, the empty bars (each coloured by the band of its bin's lower end, as the core draws bands) and the marker.
function axes(svg, snapshot) {
  const doc = svg.ownerDocument;
  const { width, height, left, right, top, bottom } = DISTRIBUTION_SIZE;
  const plotWidth = width - left - right;
  const barWidth = plotWidth / BINS;
  const middle = top + (height - top - bottom) / 2;
  const nodes = [el(doc, 'svg:line', { x1: left, y1: height - bottom, x2: width - right, y2: height - bottom, class: 'chart__axis' })];
  for (let tick = 0; tick <= 10; tick += 2) {
    const x = left + (tick / 10) * plotWidth;
    nodes.push(el(doc, 'svg:line', { x1: x, y1: height - bottom, x2: x, y2: height - bottom + 5, class: 'chart__axis' }),
               el(doc, 'svg:text', { x, y: height - bottom + 18, class: 'chart__tick', 'text-anchor': 'middle' }, String(tick)));
  }
  const topTick = el(doc, 'svg:text', { x: left - 5, y: top + 4, class: 'chart__tick', 'text-anchor': 'end', 'data-part': 'top-tick' });
  nodes.push(el(doc, 'svg:text', { x: left + plotWidth / 2, y: height - 2, class: 'chart__tick', 'text-anchor': 'middle' }, 'Exposure score (0-10)'),
             el(doc, 'svg:line', { x1: left, y1: top, x2: left, y2: height - bottom, class: 'chart__axis' }),
             el(doc, 'svg:text', { x: 12, y: middle, class: 'chart__tick', 'text-anchor': 'middle', transform: `rotate(-90 12 ${middle})` }, 'occupations'),
             topTick,
             el(doc, 'svg:text', { x: left - 5, y: height - bottom, class: 'chart__tick', 'text-anchor': 'end' }, '0'));
  const bars = [];
  for (let bin = 0; bin < BINS; bin++) {
    bars.push(el(doc, 'svg:rect', { x: left + bin * barWidth + 1, width: barWidth - 2, y: height - bottom, height: 0, class: 'chart__bar',
                                    'data-band': snapshot.bandOf(bin / 2) }));
  }
  const marker = el(doc, 'svg:line', { y1: top, y2: height - bottom, class: 'chart__marker', visibility: 'hidden' });
  const markerLabel = el(doc, 'svg:text', { y: top - 2, class: 'chart__marker-label', 'text-anchor': 'middle', visibility: 'hidden' }, 'This role');
  svg.replaceChildren(...nodes, ...bars, marker, markerLabel);
  return { bars, topTick, marker, markerLabel };
}
