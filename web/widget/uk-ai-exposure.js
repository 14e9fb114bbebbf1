// <uk-ai-exposure>: a compact card of one UK occupation's exposure to AI, for any host page. The class has
// no side effects; uk-ai-exposure-define.js registers it. Figures and their text come from the core: under the
// default assumptions as the site build pre-computed them (widget/cards.js names the shards), otherwise live
// from the WebAssembly module, loaded on first need and shared by every card on the page (aiexp-loader.js).
import cards from './cards.js';
import { ATTRIBUTES, DEFAULT_ASSUMPTIONS, cardView, numberIn, pageUrl, prepareCard, renderCard, renderStatus } from './uk-ai-exposure-card.js';
import { CARD_CSS } from './styles-card.js';

export const TAG = 'uk-ai-exposure';
export const UPDATED_EVENT = 'uk-ai-exposure-updated';

// The assumptions' defaults are the ones the build pre-computes cards under.
const DEFAULTS = Object.freeze({
  soc: '',
  labels: DEFAULT_ASSUMPTIONS.labels,
  e1: DEFAULT_ASSUMPTIONS.e1,
  e2: DEFAULT_ASSUMPTIONS.e2,
  weights: DEFAULT_ASSUMPTIONS.weights,
  bridge: DEFAULT_ASSUMPTIONS.bridge,
  measure: DEFAULT_ASSUMPTIONS.measure,
  theme: 'auto',
  variant: 'compact',
});
// The assumptions' names, aliases and values are the core's (ATTRIBUTES); theme and variant are the card's own.
const ALLOWED = {
  labels: ATTRIBUTES.labels.choices,
  weights: ATTRIBUTES.weights.choices,
  bridge: ATTRIBUTES.bridge.choices,
  measure: ATTRIBUTES.measure.choices,
  theme: ['auto', 'light', 'dark'],
  variant: ['compact', 'expanded'],
};

// Shared by every card through adoptedStyleSheets: applied under a strict style-src CSP, parsed once.
let sharedSheet = null;
function styleSheet() {
  if (!sharedSheet) {
    sharedSheet = new CSSStyleSheet();
    sharedSheet.replaceSync(CARD_CSS);
  }
  return sharedSheet;
}

// The site the widget belongs to: shards, the core's modules and the full calculator sit beside widget/.
const SITE = new URL('../', import.meta.url);

// How long a card waits before it says it is still loading, for a shard before it asks the core instead, and
// for each of the core's modules (RELIABILITY.md). The browser tests shorten them through an init script
// (globalThis.aiexpTestTiming, as aiexp-loader.js reads it); no attribute reaches them.
function waitMs(name, fallback) {
  const value = globalThis.aiexpTestTiming?.[name];
  return Number.isFinite(value) && value >= 0 ? value : fallback;
}
const SLOW_MS = waitMs('slowMs', 15000);
const MODULE_MS = waitMs('attemptMs', 45000);

// One download per shard (SOC major group, the first digit) for every card on the page; null when the role is
// not pre-computed or the shard cannot be had (the card then asks the core, which also words the error).
const shardDownloads = new Map();
async function precomputedView(soc) {
  const entry = cards.shards[soc[0]];
  if (!entry) return null;
  let pending = shardDownloads.get(entry.file);
  if (!pending) {
    // A shard that fails or stalls is not retried: the card computes the same figures with the core instead.
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), SLOW_MS);
    pending = fetch(new URL(entry.file, import.meta.url), { integrity: entry.integrity, signal: controller.signal })
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`HTTP ${response.status}`))))
      .then((shard) => shard.cards)
      .finally(() => clearTimeout(timer));
    pending.catch(() => shardDownloads.delete(entry.file));
    shardDownloads.set(entry.file, pending);
  }
  try {
    return (await pending)[soc] ?? null;
  } catch {
    return null;
  }
}

// A dynamic import() carries no integrity, so each of the core's modules is first fetched through a
// modulepreload link with the integrity cards.js pins; the import then takes the checked module from the
// module map. A module that fails its check is never imported.
// A module that neither loads nor fails (a server that never answers) is given up after MODULE_MS.
function preloadModule(href, integrity) {
  return new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error(`${href} did not arrive within ${Math.round(MODULE_MS / 1000)} s`)), MODULE_MS);
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = href;
    link.integrity = integrity;
    link.crossOrigin = 'anonymous';
    link.addEventListener('load', resolve, { once: true });
    link.addEventListener('error', () => reject(new Error(`${href} could not be loaded or does not match its integrity`)),
                          { once: true });
    (document.head ?? document.documentElement).append(link);
  });
}

let corePromise = null;
// The shared Calculator ({ ok, calculator } or { ok: false, code, message }), loaded on first need.
function loadCore() {
  corePromise ??= (async () => {
    // In the order cards.js lists them, dependencies before the modules that import them.
    await Promise.all(Object.entries(cards.modules).map(([path, integrity]) => preloadModule(new URL(path, SITE).href, integrity)));
    const { loadCalculator } = await import('../aiexp-loader.js');
    return loadCalculator();
  })().catch((error) => {
    corePromise = null;  // a later render may retry
    return { ok: false, code: 'data-unavailable', message: `The calculator could not be loaded (${error.message}).` };
  });
  return corePromise;
}

function isDefault(assumptions) {
  return Object.entries(DEFAULT_ASSUMPTIONS).every(([key, value]) => assumptions[key] === value);
}

// The role's own page of the full calculator, with the assumptions that differ from the defaults as its query.
function roleUrl(page, soc, query) {
  const url = new URL(`occupation/${soc}/`, page);
  url.search = query;
  return url.href;
}

export class UkAiExposureElement extends HTMLElement {
  static observedAttributes = [...Object.entries(ATTRIBUTES).flatMap(([name, { aliases }]) => [name, ...aliases]),
    'theme', 'variant', 'page'];

  /** Registers the element (under `tag`, in `registry`) unless that name is already taken. */
  static define(tag = TAG, registry = globalThis.customElements) {
    if (!registry.get(tag)) registry.define(tag, this);
    return registry.get(tag);
  }

  #card;
  #renderQueued = false;
  #renders = 0;
  #latest = 0;  // the newest render started: an older one that finishes later draws nothing

  constructor() {
    super();
    // A pre-rendered card (embed/<soc>.html) arrives with its declarative shadow root: it is kept, not redrawn
    // blank, so the figures already on screen stay until the same figures replace them.
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [styleSheet()];
    this.#card = root.querySelector('article.card');
    if (!this.#card) {
      this.#card = document.createElement('article');
      root.append(this.#card);
    }
    prepareCard(this.#card, this.theme);
  }

  // Properties: each validates its attribute and falls back to its default.
  get soc() {
    const value = (this.#attribute('soc') ?? '').trim();
    return /^\d{4}$/.test(value) ? value : DEFAULTS.soc;
  }
  set soc(value) { this.setAttribute('soc', String(value)); }

  get labels() { return this.#choice('labels'); }
  set labels(value) { this.setAttribute('labels', String(value)); }
  /** The older name of `labels` (attribute `label-source`). */
  get labelSource() { return this.labels; }
  set labelSource(value) { this.labels = value; }

  get e1() { return numberIn(this.#attribute('e1'), 'e1', DEFAULTS.e1); }
  set e1(value) { this.setAttribute('e1', String(value)); }

  get e2() { return numberIn(this.#attribute('e2'), 'e2', DEFAULTS.e2); }
  set e2(value) { this.setAttribute('e2', String(value)); }

  get weights() { return this.#choice('weights'); }
  set weights(value) { this.setAttribute('weights', String(value)); }

  get bridge() { return this.#choice('bridge'); }
  set bridge(value) { this.setAttribute('bridge', String(value)); }

  /** The headline's measure: eloundou (the default), ilo2025, ilo2023 or microsoft. */
  get measure() { return this.#choice('measure'); }
  set measure(value) { this.setAttribute('measure', String(value)); }

  get theme() { return this.#choice('theme'); }
  set theme(value) { this.setAttribute('theme', String(value)); }

  get variant() { return this.#choice('variant'); }
  set variant(value) { this.setAttribute('variant', String(value)); }

  /** The full calculator page the card links to; defaults to the one beside the widget. */
  get page() {
    return pageUrl(this.getAttribute('page'), document.baseURI, new URL('index.html', SITE).href);
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

  // The attribute `name`, or else the first of its older names (ATTRIBUTES) that is set.
  #attribute(name) {
    for (const attribute of [name, ...(ATTRIBUTES[name]?.aliases ?? [])]) {
      const value = this.getAttribute(attribute);
      if (value !== null) return value;
    }
    return null;
  }

  #choice(name) {
    const value = this.#attribute(name);
    return ALLOWED[name].includes(value) ? value : DEFAULTS[name];
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
    const token = ++this.#latest;
    const card = this.#card;
    prepareCard(card, this.theme);
    const soc = this.soc;
    if (!soc) return this.#showStatus('error', 'No occupation: set the soc attribute to a SOC 2020 code, such as 1137.');
    const assumptions = {
      labels: this.labels, e1: this.e1, e2: this.e2, weights: this.weights, bridge: this.bridge, measure: this.measure,
      overrides: [],
    };
    const current = () => token === this.#latest && this.isConnected;
    if (!card.firstChild) this.#showStatus('loading', 'Loading…');
    // Whatever is slow to arrive, the card says so in time, instead of a "Loading…" (or figures of other
    // assumptions) that stays; the loads themselves are bounded and end in figures or an error.
    const slow = setTimeout(() => {
      if (current()) this.#showStatus('loading', 'Still loading: a file the card needs has not arrived yet. Reload the page to try again.');
    }, SLOW_MS);
    try {
      return await this.#draw(card, soc, assumptions, current);
    } finally {
      clearTimeout(slow);
    }
  }

  async #draw(card, soc, assumptions, current) {
    let view = isDefault(assumptions) ? await precomputedView(soc) : null;
    if (!current()) return;
    let href = roleUrl(this.page, soc, '');
    let measureTitle = '';
    if (!view) {
      const loaded = await loadCore();
      if (!current()) return;
      if (!loaded.ok) return this.#showFailure(loaded, roleUrl(this.page, soc, ''));
      const calculator = loaded.calculator;
      // Another measure than Eloundou's comes with the details part: only such a card downloads it.
      if (assumptions.measure !== 'eloundou') {
        const details = await calculator.ensureDetails();
        if (!current()) return;
        if (!details.ok) {
          return this.#showStatus('error', `the figures of the measure "${assumptions.measure}" could not be downloaded (${details.detail ?? details.message}). Reload the page to try again.`);
        }
      }
      const made = calculator.snapshot(assumptions);
      if (!made.ok) return this.#showStatus('error', made.message);
      const result = made.snapshot.report(soc);
      if (!result.ok) return this.#showStatus('error', `${result.message} (${soc})`);
      view = cardView(result.report);
      measureTitle = result.report.measureTitle;
      href = roleUrl(this.page, soc, made.snapshot.query);
    }
    renderCard(card, view, { variant: this.variant, href, measure: assumptions.measure, measureTitle });
    this.#renders++;
    this.dataset.state = 'ready';
    this.dispatchEvent(new CustomEvent(UPDATED_EVENT, {
      bubbles: true,
      composed: true,
      detail: {
        soc: view.soc, title: view.title, scored: view.scored, scoreText: view.scoreText, band: view.band, bandKey: view.bandKey,
        directText: view.directText, withToolsText: view.withToolsText, wageExposureText: view.wageExposureText,
        employeesText: view.employeesText, medianPayText: view.medianPayText, rangeText: view.rangeText, url: href,
        assumptions,
      },
    }));
  }

  #showStatus(state, message) {
    this.dataset.state = state;
    renderStatus(this.#card, state, message);
  }

  // The core could not be had: what failed, then what still works (the calculator's own page for the role is
  // pre-rendered, so it reads even when scripts do not arrive) and what to do.
  #showFailure(loaded, href) {
    this.#showStatus('error', `${loaded.message}${/[.!?]$/.test(loaded.message) ? '' : '.'}`);
    const help = this.#card.ownerDocument.createElement('p');
    help.setAttribute('class', 'status');
    help.textContent = loaded.cause === 'browser' ? 'This browser cannot compute it; ' : 'Reload the page to try again, or ';
    const link = this.#card.ownerDocument.createElement('a');
    link.setAttribute('class', 'link');
    link.setAttribute('part', 'link');
    link.setAttribute('href', href);
    link.setAttribute('target', '_blank');
    link.setAttribute('rel', 'noopener');
    link.textContent = 'see this occupation on the calculator';
    help.append(link, '.');
    this.#card.append(help);
  }
}
