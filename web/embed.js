// The iframe alternative to the widget, for hosts that cannot run scripts. embed/<soc>.html is one role's card,
// pre-rendered at site assembly and readable without JavaScript; embed.html?soc=1137 draws the card here. Either
// takes the assumptions, theme and variant from the query (the card then re-renders, live from the core when
// the assumptions are not the defaults) and reports its height to the embedding page (embed-frame.js); without a
// listener, give the iframe a height (about 300px).
import './widget/uk-ai-exposure-define.js';
import { applyQuery, keepHeading, reportHeight } from './embed-frame.js';

// This module and the ones it imports arrived: the static fallback (embed.html, start-check.js) stands down.
document.documentElement.dataset.app = 'running';
const host = document.getElementById('card-host');
for (const fallback of host.querySelectorAll('.card-fallback, noscript')) fallback.remove();
const params = new URLSearchParams(location.search);
const prerendered = host.querySelector('uk-ai-exposure');
const card = prerendered ?? document.createElement('uk-ai-exposure');
// A pre-rendered page is its role's: a soc in its query does not change it.
applyQuery(card, params, { own: ['theme', 'variant'], skip: prerendered ? ['soc'] : [] });
card.setAttribute('page', new URL('index.html', import.meta.url).href);
if (!prerendered) host.append(card);
// The card's title is the page's heading; a card that has not drawn, or shows an error, has none of its own.
keepHeading(host, card, 'UK AI Exposure card');
reportHeight(params, card, 'uk-ai-exposure-updated');
