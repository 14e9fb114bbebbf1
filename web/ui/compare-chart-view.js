// The roles compared as bars on one 0-10 scale: each role's headline (coloured by band) and, under the Eloundou
// score, its direct and with-tools figures as ticks on the bar. For the compare section and the chart element
// (kind="compare"); drawn whole, as it has a few bars only.
import { el } from './dom.js';

const ROW = 46;
const LEFT = 8;
const BAR_WIDTH = 420;
export const COMPARE_CHART_WIDTH = 520;

/** The chart's height for `count` roles (its viewBox is 0 0 COMPARE_CHART_WIDTH height). */
export function compareChartHeight(count) {
  return 28 + Math.max(1, count) * ROW;
}

/** Draws `reports` (the core's reports of the roles compared) into `svg`. */
export function renderCompareChart(svg, reports) {
  const doc = svg.ownerDocument;
  const height = compareChartHeight(reports.length);
  svg.setAttribute('viewBox', `0 0 ${COMPARE_CHART_WIDTH} ${height}`);
  const nodes = [];
  const at = (score10) => LEFT + (Math.max(0, Math.min(10, score10)) / 10) * BAR_WIDTH;
  for (let tick = 0; tick <= 10; tick += 2) {
    nodes.push(el(doc, 'svg:line', { class: 'chart__axis', x1: at(tick), x2: at(tick), y1: height - 22, y2: height - 17 }),
               el(doc, 'svg:text', { class: 'chart__tick', x: at(tick), y: height - 4, 'text-anchor': 'middle' }, String(tick)));
  }
  nodes.push(el(doc, 'svg:line', { class: 'chart__axis', x1: LEFT, x2: at(10), y1: height - 22, y2: height - 22 }));
  reports.forEach((report, i) => {
    const y = 4 + i * ROW;
    const row = el(doc, 'svg:g', { class: 'compare-chart__role', 'data-soc': report.soc },
                   el(doc, 'svg:text', { class: 'compare-chart__title', x: LEFT, y: y + 12 }, `${report.title} (${report.soc})`));
    if (report.scored) {
      row.append(el(doc, 'svg:rect', { class: 'chart__bar', 'data-band': report.bandKey, x: LEFT, y: y + 18, height: 14,
                                       width: (at(report.score10) - LEFT).toFixed(1) }),
                 el(doc, 'svg:text', { class: 'compare-chart__value', x: (at(report.score10) + 5).toFixed(1), y: y + 30 }, report.scoreText));
      if (report.measure === 'eloundou') {
        for (const [name, value] of [['direct', report.direct10], ['with tools', report.withTools10]]) {
          if (!Number.isFinite(value)) continue;
          row.append(el(doc, 'svg:line', { class: 'compare-chart__tick', x1: at(value).toFixed(1), x2: at(value).toFixed(1),
                                           y1: y + 15, y2: y + 35, 'data-kind': name }));
        }
      }
    } else {
      row.append(el(doc, 'svg:text', { class: 'compare-chart__value', x: LEFT, y: y + 30 }, 'not scored'));
    }
    nodes.push(row);
  });
  svg.replaceChildren(...nodes);
}
