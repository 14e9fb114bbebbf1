// <uk-ai-exposure>: a compact card of one UK occupation's exposure to AI, for any host page. The class has
// no side effects; uk-ai-exposure-define.js registers it. Every card on a page shares one WebAssembly module
// and one data download (aiexp-loader.js); figures and their text come from the core.
import { assetUrl, loadCalculator } from '../aiexp-loader.js';

export const TAG = 'uk-ai-exposure';
export const UPDATED_EVENT = 'uk-ai-exposure-updated';

const DEFAULTS = Object.freeze({
  soc: '',
  labelSource: 'gpt4',
  e1: 1,
  e2: 0,
  weights: 'core',
  bridge: 'modal',
  theme: 'auto',
  variant: 'compact',
});
const ALLOWED = {
  labelSource: ['gpt4', 'human', 'gpt4_alt'],
  weights: ['core', 'importance', 'equal'],
  bridge: ['modal', 'blend'],
  theme: ['auto', 'light', 'dark'],
  variant: ['compact', 'expanded'],
};

// Shared by every card through adoptedStyleSheets: applied under a strict style-src CSP, parsed once.
const STYLES = `
:host { all: initial; display: block; contain: content; max-width: var(--aiexp-max-width, 34rem); }
:host([hidden]) { display: none; }
.card {
  --bg: var(--aiexp-bg, #ffffff); --text: var(--aiexp-text, #15191f); --muted: var(--aiexp-muted, #505a67);
  --border: var(--aiexp-border, #d5dbe3); --accent: var(--aiexp-accent, #1d4ed8);
  --minimal: #15803d; --low: #0e7490; --moderate: #a16207; --high: #c2410c; --very-high: #b91c1c; --band-text: #fff;
  box-sizing: border-box; display: block; margin: 0; padding: 1rem 1.1rem; border: 1px solid var(--border);
  border-radius: var(--aiexp-radius, 12px); background: var(--bg); color: var(--text);
  font: 15px/1.45 var(--aiexp-font, system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif);
  text-align: left; letter-spacing: normal; word-spacing: normal; text-transform: none; text-indent: 0;
  text-shadow: none; white-space: normal; visibility: visible; direction: ltr; cursor: auto;
}
.card[data-theme="dark"] {
  --bg: var(--aiexp-bg, #171c24); --text: var(--aiexp-text, #e8ecf2); --muted: var(--aiexp-muted, #a7b1bf);
  --border: var(--aiexp-border, #2f3947); --accent: var(--aiexp-accent, #7aa2ff);
  --minimal: #4ade80; --low: #22d3ee; --moderate: #facc15; --high: #fb923c; --very-high: #f87171; --band-text: #0b1020;
}
@media (prefers-color-scheme: dark) {
  .card[data-theme="auto"] {
    --bg: var(--aiexp-bg, #171c24); --text: var(--aiexp-text, #e8ecf2); --muted: var(--aiexp-muted, #a7b1bf);
    --border: var(--aiexp-border, #2f3947); --accent: var(--aiexp-accent, #7aa2ff);
    --minimal: #4ade80; --low: #22d3ee; --moderate: #facc15; --high: #fb923c; --very-high: #f87171; --band-text: #0b1020;
  }
}
.eyebrow { margin: 0; font-size: 12px; font-weight: 700; letter-spacing: 0.06em; text-transform: uppercase; color: var(--muted); }
.title { margin: 0.2rem 0 0.6rem; font-size: 20px; line-height: 1.25; font-weight: 700; color: var(--text); }
.score { display: flex; flex-wrap: wrap; align-items: center; gap: 0.35rem 0.6rem; margin: 0 0 0.25rem; }
.value { font-size: 30px; font-weight: 800; font-variant-numeric: tabular-nums; color: var(--text); }
.value small { font-size: 15px; font-weight: 600; color: var(--muted); }
.band { display: inline-block; padding: 0.1rem 0.6rem; border-radius: 999px; font-size: 13px; font-weight: 700; color: var(--band-text); background: var(--muted); }
.band[data-band="Minimal"] { background: var(--minimal); }
.band[data-band="Low"] { background: var(--low); }
.band[data-band="Moderate"] { background: var(--moderate); }
.band[data-band="High"] { background: var(--high); }
.band[data-band="Very high"] { background: var(--very-high); }
.sub { margin: 0 0 0.75rem; font-size: 13px; color: var(--muted); }
.figures { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 0.5rem; margin: 0 0 0.75rem; padding: 0; }
.figures div { margin: 0; }
.figures dt { font-size: 12px; color: var(--muted); }
.figures dd { margin: 0; font-size: 16px; font-weight: 700; font-variant-numeric: tabular-nums; color: var(--text); }
.more { margin: 0 0 0.75rem; font-size: 14px; color: var(--muted); }
.link { color: var(--accent); font-weight: 600; font-size: 14px; text-decoration: underline; text-underline-offset: 2px; }
.link:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; border-radius: 3px; }
.status { margin: 0; font-size: 14px; color: var(--muted); }
.source { margin: 0.6rem 0 0; font-size: 11px; color: var(--muted); }
@media (max-width: 360px) { .figures { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
`;

let sharedSheet = null;
function styleSheet() {
  if (!sharedSheet) {
    sharedSheet = new CSSStyleSheet();
    sharedSheet.replaceSync(STYLES);
  }
  return sharedSheet;
}

function child(parent, tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  parent.append(node);
  return node;
}

function numberIn01(text, fallback) {
  if (text === null || text === '' || !/^\d*\.?\d+$/.test(text.trim())) return fallback;
  const value = Number(text);
  return value >= 0 && value <= 1 ? value : fallback;
}

export class UkAiExposureElement extends HTMLElement {
  static observedAttributes = ['soc', 'label-source', 'e1', 'e2', 'weights', 'bridge', 'theme', 'variant', 'page'];

  /** Registers the element (under `tag`, in `registry`) unless that name is already taken. */
  static define(tag = TAG, registry = globalThis.customElements) {
    if (!registry.get(tag)) registry.define(tag, this);
    return registry.get(tag);
  }

  #card;
  #renderQueued = false;
  #renders = 0;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [styleSheet()];
    this.#card = document.createElement('article');
    this.#card.className = 'card';
    this.#card.setAttribute('part', 'card');
    root.append(this.#card);
  }

  // Properties: each validates its attribute and falls back to its default.
  get soc() {
    const value = (this.getAttribute('soc') ?? '').trim();
    return /^\d{4}$/.test(value) ? value : DEFAULTS.soc;
  }
  set soc(value) { this.setAttribute('soc', String(value)); }

  get labelSource() { return this.#choice('label-source', 'labelSource'); }
  set labelSource(value) { this.setAttribute('label-source', String(value)); }

  get e1() { return numberIn01(this.getAttribute('e1'), DEFAULTS.e1); }
  set e1(value) { this.setAttribute('e1', String(value)); }

  get e2() { return numberIn01(this.getAttribute('e2'), DEFAULTS.e2); }
  set e2(value) { this.setAttribute('e2', String(value)); }

  get weights() { return this.#choice('weights', 'weights'); }
  set weights(value) { this.setAttribute('weights', String(value)); }

  get bridge() { return this.#choice('bridge', 'bridge'); }
  set bridge(value) { this.setAttribute('bridge', String(value)); }

  get theme() { return this.#choice('theme', 'theme'); }
  set theme(value) { this.setAttribute('theme', String(value)); }

  get variant() { return this.#choice('variant', 'variant'); }
  set variant(value) { this.setAttribute('variant', String(value)); }

  /** The full calculator page the card links to; defaults to the one beside the widget. */
  get page() {
    const value = this.getAttribute('page');
    try {
      const url = new URL(value ?? assetUrl('index.html'), document.baseURI);
      return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : assetUrl('index.html');
    } catch {
      return assetUrl('index.html');
    }
  }
  set page(value) { this.setAttribute('page', String(value)); }

  /** How many times the card has rendered (each attribute batch renders once). */
  get renderCount() {
    return this.#renders;
  }

  connectedCallback() {
    this.#queueRender();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue) return;
    this.#queueRender();
  }

  #choice(attribute, key) {
    const value = this.getAttribute(attribute);
    return ALLOWED[key].includes(value) ? value : DEFAULTS[key];
  }

  // Several attribute changes in one task render once, in a microtask.
  #queueRender() {
    if (this.#renderQueued || !this.isConnected) return;
    this.#renderQueued = true;
    queueMicrotask(() => {
      this.#renderQueued = false;
      this.#render();
    });
  }

  async #render() {
    const card = this.#card;
    card.dataset.theme = this.theme;
    if (!card.firstChild) this.#showStatus('loading', 'Loading…');
    const loaded = await loadCalculator();
    if (!this.isConnected) return;
    if (!loaded.ok) return this.#showStatus('error', loaded.message);
    const calculator = loaded.calculator;
    if (!this.soc) return this.#showStatus('error', 'No occupation: set the soc attribute to a SOC 2020 code, such as 1137.');
    const assumptions = {
      labels: this.labelSource, e1: this.e1, e2: this.e2, weights: this.weights, bridge: this.bridge, overrides: [],
    };
    const status = calculator.apply(assumptions);
    if (!status.ok) return this.#showStatus('error', status.message);
    const result = calculator.report(this.soc);
    if (!result.ok) return this.#showStatus('error', `${result.message} (${this.soc})`);
    const link = new URL(this.page);
    link.search = calculator.encodeState(this.soc);
    this.#fill(result.report, link.href);
    this.#renders++;
    this.dataset.state = 'ready';
    const r = result.report;
    this.dispatchEvent(new CustomEvent(UPDATED_EVENT, {
      bubbles: true,
      composed: true,
      detail: {
        soc: r.soc, title: r.title, scored: r.scored, scoreText: r.scoreText, band: r.band, directText: r.directText,
        withToolsText: r.withToolsText, wageExposureText: r.wageExposureText, employeesText: r.employeesText,
        medianPayText: r.medianPayText, url: link.href, assumptions,
      },
    }));
  }

  #showStatus(state, message) {
    this.dataset.state = state;
    const status = document.createElement('p');
    status.className = 'status';
    status.setAttribute('part', 'status');
    status.setAttribute('role', state === 'error' ? 'alert' : 'status');
    status.textContent = state === 'error' ? `UK AI Exposure: ${message}` : message;
    this.#card.replaceChildren(status);
    this.#card.setAttribute('aria-label', 'UK AI Exposure');
  }

  #fill(report, href) {
    const card = this.#card;
    card.replaceChildren();
    card.setAttribute('aria-label', `${report.title}: exposure to AI`);
    child(card, 'p', 'eyebrow', `UK AI exposure · SOC 2020 ${report.soc}`);
    const title = child(card, 'h3', 'title', report.title);
    title.setAttribute('part', 'title');
    const score = child(card, 'p', 'score');
    score.setAttribute('part', 'score');
    const value = child(score, 'span', 'value', report.scoreText);
    if (report.scored) child(value, 'small', '', '/10');
    if (report.scored) {
      const band = child(score, 'span', 'band', report.band);
      band.dataset.band = report.band;
      band.setAttribute('part', 'band');
    }
    child(card, 'p', 'sub', report.scored ? `direct ${report.directText} · with tools ${report.withToolsText}` : report.rankText);
    const figures = child(card, 'dl', 'figures');
    for (const [label, text] of [['Wage exposure', report.wageExposureText], ['Employees', report.employeesText],
                                 ['Median pay', report.medianPayText]]) {
      const item = child(figures, 'div');
      child(item, 'dt', '', label);
      child(item, 'dd', '', text);
    }
    if (this.variant === 'expanded' && report.scored) {
      child(card, 'p', 'more', report.canDoText);
      child(card, 'p', 'more', report.bandMeaning);
      child(card, 'p', 'more', report.rankText);
    }
    const link = child(card, 'a', 'link', 'See every task and change the assumptions');
    link.href = href;
    link.target = '_blank';
    link.rel = 'noopener';
    link.setAttribute('part', 'link');
    child(card, 'p', 'source', 'Eloundou et al. (2023) task labels via O*NET; ONS ASHE 2025. Employees only.');
  }
}
