// What the iframe pages (embed.html for a card, embed-chart.html for a chart) share: the element's attributes
// from the page's query, and the page's height sent to the embedding page with postMessage, so a host that
// listens (widget/iframe-resizer.js) sizes the frame. Messages go only to the origin named by `host-origin`, or
// to any origin when none is named: they carry nothing but the height and the frame's id.
import { ATTRIBUTES } from './widget/uk-ai-exposure-card.js';

/**
 * Sets on `element` the attributes the query gives under the core's grammar names and their older names (as the
 * calculator's links take them), and `own` (the element's own attributes). A parameter given twice, under any of
 * its names, takes its last value, as a link's does. `skip`: names not taken from the query.
 */
export function applyQuery(element, params, { own = [], skip = [] } = {}) {
  const attributeOf = new Map(Object.entries(ATTRIBUTES).flatMap(([name, { aliases }]) => [name, ...aliases].map((n) => [n, name])));
  for (const name of own) attributeOf.set(name, name);
  for (const name of skip) attributeOf.delete(name);
  const attributes = new Map();
  for (const [key, value] of params) if (attributeOf.has(key)) attributes.set(attributeOf.get(key), value);
  for (const [name, value] of attributes) element.setAttribute(name, value);
}

function targetOrigin(params) {
  const origin = params.get('host-origin');
  if (!origin) return '*';
  try {
    const url = new URL(origin);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
  } catch {
    return null;
  }
}

/** Reports the page's height to the embedding page whenever it changes, and when `element` fires `updatedEvent`. */
export function reportHeight(params, element, updatedEvent) {
  const frameId = (params.get('frame-id') ?? '').slice(0, 64);
  let lastHeight = 0;
  const report = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    const origin = targetOrigin(params);
    if (height === lastHeight || origin === null || window.parent === window) return;
    lastHeight = height;
    window.parent.postMessage({ type: 'uk-ai-exposure:height', frameId, height }, origin);
  };
  new ResizeObserver(report).observe(document.documentElement);
  element.addEventListener(updatedEvent, report);
}

/**
 * Keeps a level-one heading in the frame's page: the card's own title is one once it has drawn; before that, for
 * an error, and for a chart (whose title is its caption) the page carries `text` as a heading of its own.
 */
export function keepHeading(host, element, text, { always = false } = {}) {
  const heading = document.createElement('h1');
  heading.className = 'frame-heading';
  heading.textContent = text;
  const update = () => {
    const state = element.dataset.state;
    const needed = always || state === 'error' || (state !== 'ready' && !element.shadowRoot?.querySelector('h1'));
    if (needed && !heading.isConnected) host.prepend(heading);
    else if (!needed && heading.isConnected) heading.remove();
  };
  new MutationObserver(update).observe(element, { attributes: true, attributeFilter: ['data-state'] });
  update();
}
