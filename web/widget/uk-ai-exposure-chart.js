// <uk-ai-exposure-chart>: one of the calculator's charts for an article, on any host page.
//   kind="treemap"       every scored occupation by its employees, coloured by exposure (soc= outlines one)
//   kind="groups"        the nine major groups' employment-weighted means
//   kind="distribution"  how the occupations spread across the score (soc= marks one)
//   kind="compare"       socs="1137,2132,..." (up to 6) side by side
//   kind="sex", "pattern", "industry", "region", "pay"   who holds the exposed work: the breakdowns (their data,
//                        data/breakdowns.json, are fetched for these kinds only)
// Assumptions as <uk-ai-exposure> takes them (labels, e1, e2, weights, bridge, wage, measure, tasks), theme (auto, light,
// dark) and page (the calculator the chart links to). The charts are drawn by the page's own views
// (web/ui/*-view.js) from the shared core, in the page's build (the charts need every occupation's figures),
// loaded once for every chart on the page; the class has no side effects (uk-ai-exposure-chart-define.js
// registers it). Each render ends in the chart or a message saying what failed, and fires
// uk-ai-exposure-chart-updated.
import { loadCalculator, timing } from '../aiexp-loader.js';
import { renderBreakdownBars } from '../ui/breakdown-bars-view.js';
import { BREAKDOWN_SOURCES, scoreCredit } from '../ui/breakdown-parts.js';
import { BREAKDOWN_KINDS, CHART_KINDS, CHART_TITLES } from '../ui/chart-titles.js';
import { renderBreakdownTiles } from '../ui/breakdown-tiles-view.js';
import { compareChartHeight, renderCompareChart } from '../ui/compare-chart-view.js';
import { renderDistribution } from '../ui/distribution-view.js';
import { el } from '../ui/dom.js';
import { renderGroupBars } from '../ui/group-bars-view.js';
import { renderTreemap, wireTreemap } from '../ui/treemap-view.js';
import { CHART_CSS } from './styles-chart.js';
import { UkAiExposureBase, cut, defineOwnProperties } from './uk-ai-exposure-base.js';
import { MEASURE_SOURCES } from './uk-ai-exposure-card.js';

export const CHART_TAG = 'uk-ai-exposure-chart';
export const CHART_UPDATED_EVENT = 'uk-ai-exposure-chart-updated';
export const MAX_CHART_SOCS = 6;

const VIEW_BOXES = { treemap: '0 0 960 540', groups: '0 0 480 370', distribution: '0 0 640 220', compare: '0 0 520 74' };

/**
 * One of the calculator's charts of UK occupations, for an article.
 * @tag uk-ai-exposure-chart
 * @summary The treemap, the major groups' bars, the distribution, a comparison or a breakdown of who holds the exposed work
 * (by sex, working pattern, industry, nation and region, or pay), under the attributes' assumptions.
 * @attr {"treemap"|"groups"|"distribution"|"compare"|"sex"|"pattern"|"industry"|"region"|"pay"} kind - Which chart (an unknown kind is an error the chart says).
 * @attr {string} socs - `compare` only: 1 to 6 SOC 2020 codes, comma-separated.
 * @fires uk-ai-exposure-chart-updated - After each render; `detail` carries kind, socs, assumptions and the data build.
 * @csspart chart - The chart's frame.
 * @csspart svg - The drawing.
 * @csspart link - The link to the calculator.
 * @cssprop --aiexp-bg - The chart's background.
 * @cssprop --aiexp-text - Its text colour.
 * @cssprop --aiexp-muted - Secondary text.
 * @cssprop --aiexp-border - The border.
 * @cssprop --aiexp-accent - Links and focus rings.
 * @cssprop --aiexp-font - The font family.
 * @cssprop --aiexp-radius - The corner radius.
 * @cssprop --aiexp-chart-max-width - The chart's widest.
 */
export class UkAiExposureChartElement extends UkAiExposureBase {
  static tag = CHART_TAG;
  static updatedEvent = CHART_UPDATED_EVENT;
  static ownAttributes = { kind: null, socs: null };
  static css = CHART_CSS;

  #frame;

  constructor() {
    super();
    this.#frame = el(document, 'figure', { class: 'frame', part: 'chart' });
    this.shadowRoot.replaceChildren(this.#frame);
  }

  /** The chart's kind; an unknown kind is an error the chart says. */
  get kind() {
    return (this.getAttribute('kind') ?? 'treemap').trim();
  }
  set kind(value) { this.setAttribute('kind', String(value)); }

  /** The SOC 2020 codes of a compare chart (at most MAX_CHART_SOCS, duplicates dropped). */
  get socs() {
    const codes = (this.getAttribute('socs') ?? '').split(',').map((code) => code.trim()).filter(Boolean);
    return [...new Set(codes)];
  }
  set socs(value) { this.setAttribute('socs', Array.isArray(value) ? value.join(',') : String(value)); }

  #status(state, message) {
    this.dataset.state = state;
    const frame = this.#frame;
    const paragraph = el(document, 'p', { class: 'status', 'data-state': state, role: state === 'error' ? 'alert' : 'status' }, message);
    frame.replaceChildren(el(document, 'figcaption', { class: 'title' }, CHART_TITLES[this.kind] ?? 'UK AI Exposure'), paragraph);
  }

  async render(current) {
    this.#frame.setAttribute('data-theme', this.theme);
    const kind = this.kind;
    if (!CHART_KINDS.includes(kind)) {
      return this.#status('error', `Unknown chart kind "${cut(kind)}": use one of ${CHART_KINDS.join(', ')}.`);
    }
    const socs = this.socs;
    if (kind === 'compare' && (socs.length === 0 || socs.length > MAX_CHART_SOCS)) {
      return this.#status('error', `A compare chart needs 1 to ${MAX_CHART_SOCS} SOC 2020 codes in socs, such as socs="1137,2132".`);
    }
    if (!this.#frame.querySelector('svg')) this.#status('loading', 'Loading the chart…');
    const slow = setTimeout(() => {
      if (current()) this.#status('loading', 'Still loading: a file the chart needs has not arrived yet. Reload the page to try again.');
    }, timing.slowMs);
    try {
      const loaded = await loadCalculator({ build: 'speed' });
      if (!current()) return;
      if (!loaded.ok) return this.#status('error', `${loaded.message}${/[.!?]$/.test(loaded.message) ? '' : '.'} Reload the page to try again.`);
      if (BREAKDOWN_KINDS.includes(kind)) {
        // Their own data file, fetched once for every breakdown chart of the page, before the snapshot that reads it.
        const breakdowns = await loaded.calculator.ensureBreakdowns();
        if (!current()) return;
        if (!breakdowns.ok) {
          return this.#status('error', `The figures of this chart could not be downloaded (${breakdowns.detail ?? breakdowns.message}). `
                                       + 'Reload the page to try again.');
        }
      }
      const made = await this.snapshotOf(loaded.calculator);
      if (!current()) return;
      if (!made.ok) return this.#status('error', made.message);
      const snapshot = made.snapshot;
      const reports = [];
      for (const soc of kind === 'compare' ? socs : []) {
        const result = snapshot.report(soc);
        // The core's message names the code (cut: an attribute may hold anything, at any length).
        if (!result.ok) return this.#status('error', cut(result.message, 120));
        reports.push(result.report);
      }
      this.#draw(kind, snapshot, reports);
    } catch (error) {
      // A fault of this code still ends in words, not a "Loading…" that stays (and is logged).
      if (current()) this.#status('error', `The chart could not be drawn (${error?.message ?? error}). Reload the page to try again.`);
      throw error;
    } finally {
      clearTimeout(slow);
    }
  }

  // The role's page (or the calculator's home, at `hash`) under the chart's assumptions.
  #link(snapshot, soc, hash = '') {
    const url = new URL(soc ? `occupation/${soc}/` : '', this.page);
    url.search = snapshot.query;
    url.hash = hash;
    return url.href;
  }

  #draw(kind, snapshot, reports) {
    const doc = document;
    const frame = this.#frame;
    const title = el(doc, 'figcaption', { class: 'title', id: 'title' }, CHART_TITLES[kind]);
    const svg = el(doc, 'svg:svg', {
      viewBox: VIEW_BOXES[kind], 'data-part': 'svg', part: 'svg', 'aria-labelledby': 'title',
      class: kind === 'treemap' ? 'treemap__svg' : kind === 'groups' ? 'groups-chart__svg' : kind === 'compare' ? 'compare-chart__svg' : 'chart__svg',
      role: kind === 'treemap' || kind === 'groups' ? 'group' : 'img',
    });
    const soc = (this.getAttribute('soc') ?? '').trim();
    const open = (code) => window.open(this.#link(snapshot, code), '_blank', 'noopener');
    const nodes = [title];
    let note = '';
    if (BREAKDOWN_KINDS.includes(kind)) {
      // The page's view, in a frame of the parts it fills: the caption (what the counts are), the bars or tiles and
      // the note; no Source buttons (their panels are the page's), the source line below instead.
      const holder = el(doc, 'div', { class: 'breakdown', 'data-part': 'svg', part: 'svg' },
                        el(doc, 'p', { class: 'breakdown__caption', 'data-part': 'caption' }),
                        el(doc, 'p', { class: 'breakdown__note', 'data-part': 'note' }));
      nodes.push(holder);
      const view = kind === 'region' ? renderBreakdownTiles : renderBreakdownBars;
      view(holder, snapshot, { kind, sources: false });
      note = `${BREAKDOWN_SOURCES[kind]} Scores:`;
    } else if (kind === 'treemap') {
      const tip = el(doc, 'div', { class: 'treemap__tip', id: 'tip', 'data-part': 'tip', role: 'tooltip', hidden: true },
                     el(doc, 'strong'), el(doc, 'span'));
      const holder = el(doc, 'div', { class: 'treemap__frame' }, svg, tip);
      nodes.push(holder);
      renderTreemap(holder, snapshot, { selectedSoc: soc, threshold: null, roleHref: (code) => this.#link(snapshot, code) });
      wireTreemap(holder, {
        open,
        describe: (index) => {
          const unit = snapshot.units[index];
          const [row] = snapshot.rows([index]);
          return { heading: unit.title, text: `${unit.employeesText} employees · exposure ${row.scoreText}${row.band ? ` (${row.band})` : ''}`
                                              + ` · wage exposure ${row.wageExposureText}` };
        },
      });
      note = 'Area: employees (ASHE 2025); colour: the band of the score; each major group named with its employment-weighted mean.';
    } else if (kind === 'groups') {
      nodes.push(svg);
      renderGroupBars(svg, snapshot, { tableHref: this.#link(snapshot, '') });
      svg.addEventListener('click', (event) => {
        if (!event.target.closest?.('a[data-major]') || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
        event.preventDefault();
        open('');
      });
      note = 'Mean score of each SOC 2020 major group, weighted by employees, with its employees and wage exposure.';
    } else if (kind === 'distribution') {
      const holder = el(doc, 'div', {}, svg);
      nodes.push(holder);
      renderDistribution(holder, snapshot, { selectedSoc: soc });
      note = snapshot.totals.distributionText;
    } else {
      nodes.push(svg);
      svg.setAttribute('viewBox', `0 0 520 ${compareChartHeight(reports.length)}`);
      renderCompareChart(svg, reports);
      note = reports.map((report) => `${report.title}: ${report.scoreText}`).join('; ');
    }
    const measureTitle = snapshot.report(snapshot.units[0]?.soc ?? '').report?.measureTitle ?? '';
    nodes.push(el(doc, 'p', { class: 'note' }, `${note} ${measureTitle}.`));
    const assumptions = snapshot.assumptions;
    const measureSource = MEASURE_SOURCES[assumptions.measure] ?? MEASURE_SOURCES.eloundou;
    const breakdown = BREAKDOWN_KINDS.includes(kind);
    const source = el(doc, 'p', { class: 'source' }, `${breakdown ? scoreCredit(measureSource) : measureSource} `);
    const href = breakdown ? this.#link(snapshot, '', 'who') : this.#link(snapshot, kind === 'compare' ? '' : soc);
    source.append(el(doc, 'a', { class: 'link', href, target: '_blank', rel: 'noopener', part: 'link' },
                       'Open UK AI Exposure'));
    nodes.push(source);
    frame.replaceChildren(...nodes);
    this.rendered({ kind, socs: reports.map((r) => r.soc), assumptions, build: snapshot.build });
  }
}
defineOwnProperties(UkAiExposureChartElement);
