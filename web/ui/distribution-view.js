// How the occupations spread across the exposure scale: a histogram of the scored unit groups' headlines in
// half-point bins, coloured by band, with the open role marked. Draws into the <svg> it is given (the page's, or
// a chart element's); a pre-rendered chart's marks are adopted.
import { bandOf } from './bands.js';
import { setAttr, setText, svgElement as svg } from './dom.js';

const BINS = 20;  // half-point bins over 0-10
export const DISTRIBUTION_SIZE = { width: 640, height: 220, left: 36, right: 12, top: 14, bottom: 34 };

export class DistributionView {
  #bars = [];
  #marker;
  #markerLabel;
  #topTick;

  constructor(chart) {
    if (chart.querySelector('.chart__bar')) {  // pre-rendered: adopt its marks
      this.#bars = [...chart.querySelectorAll('.chart__bar')];
      this.#topTick = chart.querySelector('[data-part="top-tick"]');
      this.#marker = chart.querySelector('.chart__marker');
      this.#markerLabel = chart.querySelector('.chart__marker-label');
      return;
    }
    const { width, height, left, right, top, bottom } = DISTRIBUTION_SIZE;
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
    this.#topTick = svg('text', { x: left - 5, y: top + 4, class: 'chart__tick', 'text-anchor': 'end', 'data-part': 'top-tick' });
    const zeroTick = svg('text', { x: left - 5, y: height - bottom, class: 'chart__tick', 'text-anchor': 'end' });
    zeroTick.textContent = '0';
    chart.append(countTitle, this.#topTick, zeroTick);
    for (let bin = 0; bin < BINS; bin++) {
      const bar = svg('rect', { x: left + bin * barWidth + 1, width: barWidth - 2, y: height - bottom, height: 0,
                                class: 'chart__bar', 'data-band': bandOf(bin / 2) });
      chart.append(bar);
      this.#bars.push(bar);
    }
    this.#marker = svg('line', { y1: top, y2: height - bottom, class: 'chart__marker', visibility: 'hidden' });
    this.#markerLabel = svg('text', { y: top - 2, class: 'chart__marker-label', 'text-anchor': 'middle', visibility: 'hidden' });
    this.#markerLabel.textContent = 'This role';
    chart.append(this.#marker, this.#markerLabel);
  }

  /** Draws the headlines `score10` (NaN where not scored) with the open role's `selectedScore10` (NaN: none). */
  render(score10s, selectedScore10) {
    const counts = new Array(BINS).fill(0);
    for (const score10 of score10s) {
      if (!Number.isNaN(score10)) counts[Math.min(BINS - 1, Math.floor(score10 * 2))]++;
    }
    const selectedScore = Number.isNaN(selectedScore10) ? null : selectedScore10;
    const { width, height, left, right, top, bottom } = DISTRIBUTION_SIZE;
    const plotHeight = height - top - bottom;
    const plotWidth = width - left - right;
    const highest = Math.max(1, ...counts);
    setText(this.#topTick, String(highest));
    counts.forEach((count, bin) => {
      const barHeight = (count / highest) * plotHeight;
      setAttr(this.#bars[bin], 'y', String(height - bottom - barHeight));
      setAttr(this.#bars[bin], 'height', String(barHeight));
    });
    const visible = selectedScore !== null;
    const x = left + (Math.min(10, selectedScore ?? 0) / 10) * plotWidth;
    for (const node of [this.#marker, this.#markerLabel]) setAttr(node, 'visibility', visible ? 'visible' : 'hidden');
    setAttr(this.#marker, 'x1', String(x));
    setAttr(this.#marker, 'x2', String(x));
    setAttr(this.#markerLabel, 'x', String(Math.max(left + 24, Math.min(width - right - 24, x))));
  }
}
