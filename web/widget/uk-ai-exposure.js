// <uk-ai-exposure>: a compact card of one UK occupation's exposure to AI, for any host page. The class has
// no side effects; uk-ai-exposure-define.js registers it. Figures and their text come from the core: under the
// default assumptions as the site build pre-computed them (widget/cards.js names the shards), otherwise live
// from the WebAssembly module, loaded on first need and shared by every card on the page (aiexp-loader.js).
import cards from './cards.js';
import { UkAiExposureBase, defineOwnProperties } from './uk-ai-exposure-base.js';
import { cardView, prepareCard, renderCard, renderStatus } from './uk-ai-exposure-card.js';
import { CARD_CSS } from './styles-card.js';

export const TAG = 'uk-ai-exposure';
export const UPDATED_EVENT = 'uk-ai-exposure-updated';

// The site the widget belongs to: the core's modules sit beside widget/ (in a release, beside its widget/).
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

// The role's own page of the full calculator, with the assumptions that differ from the defaults as its query.
function roleUrl(page, soc, query) {
  const url = new URL(`occupation/${soc}/`, page);
  url.search = query;
  return url.href;
}

/**
 * A card of one UK occupation's exposure to AI.
 * @tag uk-ai-exposure
 * @summary One occupation's exposure score, band and figures, under the assumptions its attributes give.
 * @attr {"compact"|"expanded"} variant - `expanded` adds "K of T tasks", what the band means and the rank.
 * @fires uk-ai-exposure-updated - After each render; `detail` carries the figures shown and the assumptions.
 * @csspart card - The card's frame.
 * @csspart title - The occupation's title.
 * @csspart score - The score and its band.
 * @csspart band - The band.
 * @csspart link - The link to the role's page of the calculator.
 * @csspart status - A loading line or an error.
 * @cssprop --aiexp-bg - The card's background.
 * @cssprop --aiexp-text - Its text colour.
 * @cssprop --aiexp-muted - Secondary text.
 * @cssprop --aiexp-border - The border.
 * @cssprop --aiexp-accent - Links and focus rings.
 * @cssprop --aiexp-font - The font family.
 * @cssprop --aiexp-radius - The corner radius.
 * @cssprop --aiexp-max-width - The card's widest (34rem).
 */
export class UkAiExposureElement extends UkAiExposureBase {
  static tag = TAG;
  static updatedEvent = UPDATED_EVENT;
  static ownAttributes = { variant: ['compact', 'expanded'] };
  static ownDefaults = { variant: 'compact' };
  static css = CARD_CSS;

  #card;

  constructor() {
    super();
    this.#card = this.shadowRoot.querySelector('article.card');
    if (!this.#card) {
      this.#card = document.createElement('article');
      this.shadowRoot.append(this.#card);
    }
    prepareCard(this.#card, this.theme);
  }

  async render(current) {
    const card = this.#card;
    prepareCard(card, this.theme);
    const soc = this.soc;
    if (!soc) return this.#showStatus('error', 'No occupation: set the soc attribute to a SOC 2020 code, such as 1137.');
    if (!card.firstChild) this.#showStatus('loading', 'Loading…');
    // Whatever is slow to arrive, the card says so in time, instead of a "Loading…" (or figures of other
    // assumptions) that stays; the loads themselves are bounded and end in figures or an error.
    const slow = setTimeout(() => {
      if (current()) this.#showStatus('loading', 'Still loading: a file the card needs has not arrived yet. Reload the page to try again.');
    }, SLOW_MS);
    try {
      return await this.#draw(card, soc, current);
    } finally {
      clearTimeout(slow);
    }
  }

  async #draw(card, soc, current) {
    const published = this.publishedAssumptions;
    let assumptions = this.assumptions;
    let view = published ? await precomputedView(soc) : null;
    if (!current()) return;
    let href = roleUrl(this.page, soc, '');
    let measureTitle = '';
    if (!view) {
      const loaded = await loadCore();
      if (!current()) return;
      if (!loaded.ok) return this.#showFailure(loaded, roleUrl(this.page, soc, ''));
      const made = await this.snapshotOf(loaded.calculator);
      if (!current()) return;
      if (!made.ok) return this.#showStatus('error', made.message);
      const result = made.snapshot.report(soc);
      // The core's message names the code already.
      if (!result.ok) return this.#showStatus('error', result.message);
      view = cardView(result.report);
      measureTitle = result.report.measureTitle;
      href = roleUrl(this.page, soc, made.snapshot.query);
      assumptions = made.snapshot.assumptions;
    }
    renderCard(card, view, { variant: this.variant, href, measure: assumptions.measure, measureTitle });
    this.rendered({
      soc: view.soc, title: view.title, scored: view.scored, scoreText: view.scoreText, band: view.band, bandKey: view.bandKey,
      directText: view.directText, withToolsText: view.withToolsText, wageExposureText: view.wageExposureText,
      employeesText: view.employeesText, medianPayText: view.medianPayText, rangeText: view.rangeText, url: href,
      assumptions,
    });
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
defineOwnProperties(UkAiExposureElement);
