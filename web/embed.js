// The iframe alternative to the widget, for hosts that cannot run scripts. embed/<soc>.html is one role's card,
// pre-rendered at site assembly and readable without JavaScript; embed.html?soc=1137 draws the card here. Either
// takes the assumptions, theme and variant from the query (the card then re-renders, live from the core when
// the assumptions are not the defaults). It reports its height to the embedding page with postMessage, so a
// host that can listen (widget/iframe-resizer.js) sizes the frame; without a listener, give the iframe a
// height (about 300px). Messages go only to the origin named by `host-origin`, or to any origin when none is
// named: they carry nothing but the card's height and the frame's id.
import './widget/uk-ai-exposure-define.js';
import { ATTRIBUTES } from './widget/uk-ai-exposure-card.js';

// This module and the ones it imports arrived: the static fallback (embed.html, start-check.js) stands down.
document.documentElement.dataset.app = 'running';
const host = document.getElementById('card-host');
for (const fallback of host.querySelectorAll('.card-fallback, noscript')) fallback.remove();
const params = new URLSearchParams(location.search);
const prerendered = host.querySelector('uk-ai-exposure');
const card = prerendered ?? document.createElement('uk-ai-exposure');
// The query takes the element's attributes under the names of the core's grammar and their older names
// (label-source, w): the same as the calculator's links. A parameter given twice, under any of its names, takes
// its last value, as a link's does. A pre-rendered page is its role's: a soc in its query does not change it.
const attributeOf = new Map(Object.entries(ATTRIBUTES).flatMap(([name, { aliases }]) => [name, ...aliases].map((n) => [n, name])));
for (const own of ['theme', 'variant']) attributeOf.set(own, own);
if (prerendered) attributeOf.delete('soc');
const attributes = new Map();
for (const [key, value] of params) if (attributeOf.has(key)) attributes.set(attributeOf.get(key), value);
for (const [name, value] of attributes) card.setAttribute(name, value);
card.setAttribute('page', new URL('index.html', import.meta.url).href);
if (!prerendered) host.append(card);

function targetOrigin() {
  const origin = params.get('host-origin');
  if (!origin) return '*';
  try {
    const url = new URL(origin);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
  } catch {
    return null;
  }
}

const frameId = (params.get('frame-id') ?? '').slice(0, 64);
let lastHeight = 0;
function reportHeight() {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  const origin = targetOrigin();
  if (height === lastHeight || origin === null || window.parent === window) return;
  lastHeight = height;
  window.parent.postMessage({ type: 'uk-ai-exposure:height', frameId, height }, origin);
}
new ResizeObserver(reportHeight).observe(document.documentElement);
card.addEventListener('uk-ai-exposure-updated', reportHeight);
