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
import { CHART_RULES } from '../ui/chart-styles.js';
import { compareChartHeight, renderCompareChart } from '../ui/compare-chart-view.js';
import { DistributionView } from '../ui/distribution-view.js';
import { GroupBarsView } from '../ui/group-bars-view.js';
import { TreemapView } from '../ui/treemap-view.js';
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

const PALETTE = `--surface: var(--aiexp-bg, #ffffff); --surface-2: var(--aiexp-surface-2, #eef1f5); --text: var(--aiexp-text, #15191f);
  --muted: var(--aiexp-muted, #505a67); --border: var(--aiexp-border, #d5dbe3); --accent: var(--aiexp-accent, #1d4ed8);
  --band-minimal: #15803d; --band-low: #0e7490; --band-moderate: #a16207; --band-high: #c2410c; --band-very-high: #b91c1c; --band-text: #ffffff;`;
const DARK = `--surface: var(--aiexp-bg, #171c24); --surface-2: var(--aiexp-surface-2, #222a35); --text: var(--aiexp-text, #e8ecf2);
  --muted: var(--aiexp-muted, #a7b1bf); --border: var(--aiexp-border, #2f3947); --accent: var(--aiexp-accent, #7aa2ff);
  --band-minimal: #4ade80; --band-low: #22d3ee; --band-moderate: #facc15; --band-high: #fb923c; --band-very-high: #f87171; --band-text: #0b1020;`;
const STYLES = `
:host { all: initial; display: block; contain: content; max-width: var(--aiexp-chart-max-width, 60rem); }
:host([hidden]) { display: none; }
.frame { ${PALETTE}
  --font: var(--aiexp-font, system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif);
  box-sizing: border-box; display: block; margin: 0; padding: 0.9rem 1rem; border: 1px solid var(--border);
  border-radius: var(--aiexp-radius, 12px); background: var(--surface); color: var(--text); font: 15px/1.45 var(--font);
  text-align: left; letter-spacing: normal; text-transform: none; white-space: normal; visibility: visible; direction: ltr; }
.frame[data-theme="dark"] { ${DARK} }
@media (prefers-color-scheme: dark) { .frame[data-theme="auto"] { ${DARK} } }
.title { margin: 0 0 0.2rem; font-size: 17px; font-weight: 700; color: var(--text); }
.note, .source, .status { margin: 0.35rem 0 0; font-size: 12px; color: var(--muted); }
.status[data-state="error"] { color: var(--text); }
.link { color: var(--accent); font-weight: 600; text-decoration: underline; }
.link:focus-visible, a:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
${CHART_RULES}`;

let sharedSheet = null;
function styleSheet() {
  if (!sharedSheet) {
    sharedSheet = new CSSStyleSheet();
    sharedSheet.replaceSync(STYLES);
  }
  return sharedSheet;
}

const SITE = new URL('../', import.meta.url);

function make(doc, tag, attributes = {}, text = null) {
  const node = doc.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (text !== null) node.textContent = text;
  return node;
}

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
    this.#frame = make(document, 'figure', { class: 'frame', part: 'chart' });
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
    const paragraph = make(document, 'p', { class: 'status', 'data-state': state, role: state === 'error' ? 'alert' : 'status' }, message);
    frame.replaceChildren(make(document, 'figcaption', { class: 'title' }, TITLES[this.kind] ?? 'UK AI Exposure'), paragraph);
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
      const status = calculator.apply(assumptions);
      if (!status.ok) return this.#status('error', status.message);
      const reports = [];
      for (const soc of kind === 'compare' ? socs : []) {
        const result = calculator.report(soc);
        if (!result.ok) return this.#status('error', `${result.message} (${soc})`);
        reports.push(result.report);
      }
      this.#draw(kind, calculator, reports, assumptions);
    } catch (error) {
      // A fault of this code still ends in words, not a "Loading…" that stays (and is logged).
      if (current()) this.#status('error', `The chart could not be drawn (${error?.message ?? error}). Reload the page to try again.`);
      throw error;
    } finally {
      clearTimeout(slow);
    }
  }

  // The role's page (or the calculator's home) under the chart's assumptions.
  #link(calculator, soc) {
    const url = new URL(soc ? `occupation/${soc}/` : '', this.page);
    url.search = calculator.encodeState('', []);
    return url.href;
  }

  #draw(kind, calculator, reports, assumptions) {
    const doc = document;
    const frame = this.#frame;
    const title = make(doc, 'figcaption', { class: 'title', id: 'title' }, TITLES[kind]);
    const svg = doc.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('viewBox', VIEW_BOXES[kind]);
    svg.setAttribute('class', kind === 'treemap' ? 'treemap__svg' : kind === 'groups' ? 'groups-chart__svg'
      : kind === 'compare' ? 'compare-chart__svg' : 'chart__svg');
    svg.setAttribute('role', kind === 'treemap' || kind === 'groups' ? 'group' : 'img');
    svg.setAttribute('aria-labelledby', 'title');
    svg.setAttribute('part', 'svg');
    const columns = calculator.figureColumns();
    const units = calculator.unitGroups();
    const soc = (this.getAttribute('soc') ?? '').trim();
    const open = (code) => window.open(this.#link(calculator, code), '_blank', 'noopener');
    const nodes = [title];
    let note = '';
    if (kind === 'treemap') {
      const holder = make(doc, 'div', { class: 'treemap__frame' });
      const tip = make(doc, 'div', { class: 'treemap__tip', id: 'tip', role: 'tooltip', hidden: '' });
      tip.append(make(doc, 'strong'), make(doc, 'span'));
      holder.append(svg, tip);
      nodes.push(holder);
      const view = new TreemapView(svg, { live: true, roleHref: (code) => this.#link(calculator, code), onOpen: open,
                                          rowAt: (index) => calculator.rowsAt([index])[0], tip });
      view.render({ units, summaries: calculator.majorGroupSummaries(), columns, selectedSoc: soc, threshold: null });
      note = 'Area: employees (ASHE 2025); colour: the band of the score; each major group named with its employment-weighted mean.';
    } else if (kind === 'groups') {
      nodes.push(svg);
      new GroupBarsView(svg, { live: true, onFilter: () => open(''), tableHref: this.#link(calculator, '') })
        .render(calculator.majorGroupSummaries());
      note = 'Mean score of each SOC 2020 major group, weighted by employees, with its employees and wage exposure.';
    } else if (kind === 'distribution') {
      nodes.push(svg);
      const index = units.findIndex((unit) => unit.soc === soc);
      new DistributionView(svg).render(columns.score10, index >= 0 ? columns.score10[index] : NaN);
      note = calculator.totals().distributionText;
    } else {
      nodes.push(svg);
      svg.setAttribute('viewBox', `0 0 520 ${compareChartHeight(reports.length)}`);
      renderCompareChart(svg, reports);
      note = reports.map((report) => `${report.title}: ${report.scoreText}`).join('; ');
    }
    const measureTitle = calculator.report(units[0]?.soc ?? '').report?.measureTitle ?? '';
    nodes.push(make(doc, 'p', { class: 'note' }, `${note} ${measureTitle}.`));
    const source = make(doc, 'p', { class: 'source' }, `${MEASURE_SOURCES[assumptions.measure] ?? MEASURE_SOURCES.eloundou} `);
    source.append(make(doc, 'a', { class: 'link', href: this.#link(calculator, kind === 'compare' ? '' : soc), target: '_blank', rel: 'noopener', part: 'link' },
                       'Open UK AI Exposure'));
    nodes.push(source);
    frame.replaceChildren(...nodes);
    this.#renders++;
    this.dataset.state = 'ready';
    this.dispatchEvent(new CustomEvent(CHART_UPDATED_EVENT, {
      bubbles: true, composed: true, detail: { kind, socs: reports.map((r) => r.soc), assumptions, build: calculator.build },
    }));
  }
}
