// The card's view, shared by the <uk-ai-exposure> element in the browser and the site build (tools/site/cards.mjs,
// run under a DOM in node), so a pre-rendered card and a live one are drawn by the same code from the same
// figures. It touches no global document and imports nothing, so a default card can paint without the core.

/** The assumptions the build pre-computes cards under (SCORING.md defaults), in the core's Assumptions form. */
export const DEFAULT_ASSUMPTIONS = Object.freeze({ labels: 'gpt4', e1: 1, e2: 0, weights: 'core', bridge: 'modal',
  wage: 'displayed', measure: 'eloundou' });

const frozen = (spec) => Object.freeze({ ...spec, aliases: Object.freeze(spec.aliases),
  ...(spec.choices ? { choices: Object.freeze(spec.choices) } : {}) });
/**
 * The card's attributes for its role and assumptions, named and bounded as in the core's grammar
 * (core/include/aiexp/grammar.h, the module's grammar(): the same names as the calculator's links and ukexp's
 * options; tests/wasm/engine.test.mjs checks the two agree). Aliases are older names still read; when an
 * attribute is set under its name and an alias, the name wins.
 */
export const ATTRIBUTES = Object.freeze({
  soc: frozen({ aliases: [], kind: 'soc' }),
  labels: frozen({ aliases: ['label-source'], kind: 'choice', choices: ['gpt4', 'human', 'gpt4_alt'] }),
  e1: frozen({ aliases: [], kind: 'number', min: 0, max: 1 }),
  e2: frozen({ aliases: [], kind: 'number', min: 0, max: 1 }),
  weights: frozen({ aliases: ['w'], kind: 'choice', choices: ['core', 'importance', 'equal'] }),
  bridge: frozen({ aliases: [], kind: 'choice', choices: ['modal', 'blend'] }),
  wage: frozen({ aliases: [], kind: 'choice', choices: ['displayed', 'exact'] }),
  measure: frozen({ aliases: [], kind: 'choice', choices: ['eloundou', 'ilo2025', 'ilo2023', 'microsoft'] }),
  tasks: frozen({ aliases: ['t'], kind: 'task-changes' }),
});

/** An attribute's plain decimal within the grammar's bounds of `name` ("0.5", ".5", "1"), else `fallback`. */
export function numberIn(text, name, fallback) {
  if (text === null || !/^(\d+\.?\d*|\.\d+)$/.test(text.trim())) return fallback;
  const value = Number(text);
  return value >= ATTRIBUTES[name].min && value <= ATTRIBUTES[name].max ? value : fallback;
}

/** The calculator page an element links to: its `page` attribute as an http(s) URL against `base`, else `fallback`. */
export function pageUrl(attribute, base, fallback) {
  try {
    const url = new URL(attribute ?? fallback, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : fallback;
  } catch {
    return fallback;
  }
}

/** The fields of the core's Report a card shows; a pre-computed card holds exactly these. */
export const CARD_FIELDS = Object.freeze(['soc', 'title', 'scored', 'scoreText', 'band', 'bandKey', 'directText', 'withToolsText',
  'wageExposureText', 'employeesText', 'medianPayText', 'rankText', 'canDoText', 'bandMeaning', 'rangeText']);

/** What a card shows of a Report (wasm/aiexp.d.ts). */
export function cardView(report) {
  return Object.fromEntries(CARD_FIELDS.map((field) => [field, report[field]]));
}

// Everything is written through attributes, not reflecting properties: the build's DOM (linkedom) lacks some.
function child(parent, tag, className, text) {
  const node = parent.ownerDocument.createElement(tag);
  if (className) node.setAttribute('class', className);
  if (text !== undefined) node.textContent = text;
  parent.append(node);
  return node;
}

/** Makes `card` (an <article>) the card's frame, in `theme` ("auto", "light" or "dark"). */
export function prepareCard(card, theme) {
  card.setAttribute('class', 'card');
  card.setAttribute('part', 'card');
  card.setAttribute('data-theme', theme);
}

// The level of the card's title where its caller does not say: on an iframe card page (embed.html,
// embed/<soc>.html: the element in main#card-host) the card is the document and its title the document's h1;
// in a host's page, a section's heading.
function titleLevel(card) {
  return card.getRootNode?.()?.host?.parentElement?.id === 'card-host' ? 1 : 3;
}

// The credit line of each headline measure (SOURCES-measures.md words the two independent ones).
export const MEASURE_SOURCES = {
  eloundou: 'Eloundou et al. (2023) task labels via O*NET; ONS ASHE 2025. Employees only.',
  ilo2025: 'ILO WP 140 (Gmyrek et al. 2025), © ILO, CC BY 4.0, adapted, not endorsed by the ILO; ONS ASHE 2025.',
  ilo2023: 'ILO WP 96 scores as published with WP 140, © ILO, CC BY 4.0, adapted, not endorsed by the ILO; ONS ASHE 2025.',
  microsoft: 'Microsoft "Working with AI" (Tomlinson et al. 2025), CC BY 4.0; ONS ASHE 2025.',
};

/**
 * Draws one card's figures (a cardView) into `card`; `href` is the full calculator's page for the role;
 * `headingLevel` (1 to 6) the level of its title. Under another measure than Eloundou's, `measure` names it and
 * `measureTitle` is its title: the card shows it in place of the direct and with-tools figures (the Eloundou
 * score's) and credits its source.
 */
export function renderCard(card, view, { variant = 'compact', href, headingLevel = titleLevel(card), measure = 'eloundou',
                                         measureTitle = '' }) {
  const eloundou = measure === 'eloundou' || !Object.hasOwn(MEASURE_SOURCES, measure);
  card.replaceChildren();
  card.setAttribute('aria-label', `${view.title}: exposure to AI`);
  child(card, 'p', 'eyebrow', `UK AI exposure · SOC 2020 ${view.soc}`);
  const level = [1, 2, 3, 4, 5, 6].includes(headingLevel) ? headingLevel : 3;
  child(card, `h${level}`, 'title', view.title).setAttribute('part', 'title');
  const score = child(card, 'p', 'score');
  score.setAttribute('part', 'score');
  const value = child(score, 'span', 'value', view.scoreText);
  if (view.scored) {
    child(value, 'small', '', '/10');
    const band = child(score, 'span', 'band', view.band);
    band.setAttribute('data-band', view.bandKey);
    band.setAttribute('part', 'band');
  }
  const sub = eloundou ? `direct ${view.directText} · with tools ${view.withToolsText}` : `measure: ${measureTitle}`;
  child(card, 'p', 'sub', view.scored ? sub : view.rankText);
  const figures = child(card, 'dl', 'figures');
  for (const [label, text] of [['Wage exposure', view.wageExposureText], ['Employees', view.employeesText],
                               ['Median pay', view.medianPayText]]) {
    const item = child(figures, 'div');
    child(item, 'dt', '', label);
    child(item, 'dd', '', text);
  }
  if (variant === 'expanded' && view.scored) {
    child(card, 'p', 'more', view.canDoText);
    child(card, 'p', 'more', view.bandMeaning);
    child(card, 'p', 'more', view.rankText);
    if (eloundou) child(card, 'p', 'more range', `Under other label sources, weightings and bridges it spans ${view.rangeText}.`);
  }
  const link = child(card, 'a', 'link', 'See every task and change the assumptions');
  link.setAttribute('href', href);
  link.setAttribute('target', '_blank');
  link.setAttribute('rel', 'noopener');
  link.setAttribute('part', 'link');
  child(card, 'p', 'source', MEASURE_SOURCES[eloundou ? 'eloundou' : measure]);
}

/** Replaces the card's content with a status line ("loading") or a readable error ("error"). */
export function renderStatus(card, state, message) {
  const status = card.ownerDocument.createElement('p');
  status.setAttribute('class', 'status');
  status.setAttribute('part', 'status');
  status.setAttribute('role', state === 'error' ? 'alert' : 'status');
  status.textContent = state === 'error' ? `UK AI Exposure: ${message}` : message;
  card.replaceChildren(status);
  card.setAttribute('aria-label', 'UK AI Exposure');
}
