// <uk-ai-exposure-chart>: one of the calculator's charts for an article, on any host page.
//   kind="treemap"       every scored occupation by its employees, coloured by exposure (soc= outlines one)
//   kind="groups"        the nine major groups' employment-weighted means
//   kind="distribution"  how the occupations spread across the score (soc= marks one)
//   kind="compare"       socs="1137,2132,..." (up to 6) side by side
// Assumptions as <uk-ai-exposure> takes them (labels, e1, e2, weights, bridge, measure), theme (auto, light,
// dark) and page (the calculator the chart links to). The charts are drawn by the page's own views
// (web/ui/*-view.js) from the shared core, in the page's build (the charts need every occupation's figures),
// loaded once for every chart on the page; the class has no side effects (uk-ai-exposure-chart-define.js
// registers it). Each render ends in the chart or a message saying what failed, and fires
// uk-ai-exposure-chart-updated.
import { loadCalculator, timing } from '../aiexp-loader.js';
import { compareChartHeight, renderCompareChart } from '../ui/compare-chart-view.js';
import { renderDistribution } from '../ui/distribution-view.js';
import { el } from '../ui/dom.js';
import { renderGroupBars } from '../ui/group-bars-view.js';
import { renderTreemap, wireTreemap } from '../ui/treemap-view.js';
import { CHART_CSS } from './styles-chart.js';
import { ATTRIBUTES, DEFAULT_ASSUMPTIONS, MEASURE_SOURCES, numberIn, pageUrl } from './uk-ai-exposure-card.js';

export const CHART_TAG = 'uk-ai-exposure-chart';
export const CHART_UPDATED_EVENT = 'uk-ai-exposure-chart-updated';
export const CHART_KINDS = Object.freeze(['treemap', 'groups', 'distribution', 'compare']);
export const MAX_CHART_SOCS = 6;

const TITLES = {
  treemap: 'UK occupations by employees, coloured by exposure to AI',
  groups: 'Exposure to AI by major group (employment-weighted mean)',
  distribution: 'How UK occupations spread across the exposure scale',
  compare: 'UK occupations compared: exposure to AI',
};
const VIEW_BOXES = { treemap: '0 0 960 540', groups: '0 0 480 370', distribution: '0 0 640 220', compare: '0 0 520 74' };

let sharedSheet = null;
function styleSheet() {
  if (!sharedSheet) {
    sharedSheet = new CSSStyleSheet();
    sharedSheet.replaceSync(CHART_CSS);
  }
  return sharedSheet;
}

const SITE = new URL('../', import.meta.url);

export class UkAiExposureChartElement extends HTMLElement {
  static observedAttributes = ['kind', 'socs', 'soc', 'theme', 'page',
    ...Object.entries(ATTRIBUTES).filter(([name]) => name !== 'soc').flatMap(([name, { aliases }]) => [name, ...aliases])];

  /** Registers the element (under `tag`, in `registry`) unless that name is already taken. */
  static define(tag = CHART_TAG, registry = globalThis.customElements) {
    if (!registry.get(tag)) registry.define(tag, this);
    return registry.get(tag);
  }

  #frame;
  #queued = false;
  #latest = 0;
  #renders = 0;

  constructor() {
    super();
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [styleSheet()];
    this.#frame = el(document, 'figure', { class: 'frame', part: 'chart' });
    root.replaceChildren(this.#frame);
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

  get theme() {
    const value = this.getAttribute('theme');
    return ['auto', 'light', 'dark'].includes(value) ? value : 'auto';
  }
  set theme(value) { this.setAttribute('theme', String(value)); }

  /** The calculator the chart links to; defaults to the one beside the widget. */
  get page() {
    return pageUrl(this.getAttribute('page'), document.baseURI, new URL('index.html', SITE).href);
  }
  set page(value) { this.setAttribute('page', String(value)); }

  get renderCount() {
    return this.#renders;
  }

  /** The assumptions the attributes give, each invalid one at its default (as <uk-ai-exposure> reads them). */
  get assumptions() {
    const read = (name) => [name, ...ATTRIBUTES[name].aliases].map((n) => this.getAttribute(n)).find((v) => v !== null) ?? null;
    const choice = (name) => (ATTRIBUTES[name].choices.includes(read(name)) ? read(name) : DEFAULT_ASSUMPTIONS[name]);
    const number = (name) => numberIn(read(name), name, DEFAULT_ASSUMPTIONS[name]);
    return { labels: choice('labels'), e1: number('e1'), e2: number('e2'), weights: choice('weights'),
             bridge: choice('bridge'), measure: choice('measure'), overrides: [] };
  }

  connectedCallback() {
    this.#queue();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue !== newValue) this.#queue();
  }

  #queue() {
    if (this.#queued || !this.isConnected) return;
    this.#queued = true;
    queueMicrotask(() => {
      this.#queued = false;
      this.#render();
    });
  }

  #status(state, message) {
    this.dataset.state = state;
    const frame = this.#frame;
    const paragraph = el(document, 'p', { class: 'status', 'data-state': state, role: state === 'error' ? 'alert' : 'status' }, message);
    frame.replaceChildren(el(document, 'figcaption', { class: 'title' }, TITLES[this.kind] ?? 'UK AI Exposure'), paragraph);
  }

  async #render() {
    const token = ++this.#latest;
    const current = () => token === this.#latest && this.isConnected;
    this.#frame.setAttribute('data-theme', this.theme);
    const kind = this.kind;
    if (!CHART_KINDS.includes(kind)) {
      return this.#status('error', `Unknown chart kind "${kind}": use one of ${CHART_KINDS.join(', ')}.`);
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
      const calculator = loaded.calculator;
      const assumptions = this.assumptions;
      if (assumptions.measure !== 'eloundou') {
        const details = await calculator.ensureDetails();
        if (!current()) return;
        if (!details.ok) {
          return this.#status('error', `The figures of the measure "${assumptions.measure}" could not be downloaded (${details.detail ?? details.message}). Reload the page to try again.`);
        }
      }
      const made = calculator.snapshot(assumptions);
      if (!made.ok) return this.#status('error', made.message);
      const snapshot = made.snapshot;
      const reports = [];
      for (const soc of kind === 'compare' ? socs : []) {
        const result = snapshot.report(soc);
        if (!result.ok) return this.#status('error', `${result.message} (${soc})`);
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

  // The role's page (or the calculator's home) under the chart's assumptions.
  #link(snapshot, soc) {
    const url = new URL(soc ? `occupation/${soc}/` : '', this.page);
    url.search = snapshot.query;
    return url.href;
  }

  #draw(kind, snapshot, reports) {
    const doc = document;
    const frame = this.#frame;
    const title = el(doc, 'figcaption', { class: 'title', id: 'title' }, TITLES[kind]);
    const svg = el(doc, 'svg:svg', {
      viewBox: VIEW_BOXES[kind], 'data-part': 'svg', part: 'svg', 'aria-labelledby': 'title',
      class: kind === 'treemap' ? 'treemap__svg' : kind === 'groups' ? 'groups-chart__svg' : kind === 'compare' ? 'compare-chart__svg' : 'chart__svg',
      role: kind === 'treemap' || kind === 'groups' ? 'group' : 'img',
    });
    const soc = (this.getAttribute('soc') ?? '').trim();
    const open = (code) => window.open(this.#link(snapshot, code), '_blank', 'noopener');
    const nodes = [title];
    let note = '';
    if (kind === 'treemap') {
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
    const source = el(doc, 'p', { class: 'source' }, `${MEASURE_SOURCES[assumptions.measure] ?? MEASURE_SOURCES.eloundou} `);
    source.append(el(doc, 'a', { class: 'link', href: this.#link(snapshot, kind === 'compare' ? '' : soc), target: '_blank', rel: 'noopener', part: 'link' },
                       'Open UK AI Exposure'));
    nodes.push(source);
    frame.replaceChildren(...nodes);
    this.#renders++;
    this.dataset.state = 'ready';
    this.dispatchEvent(new CustomEvent(CHART_UPDATED_EVENT, {
      bubbles: true, composed: true, detail: { kind, socs: reports.map((r) => r.soc), assumptions, build: snapshot.build },
    }));
  }
}
