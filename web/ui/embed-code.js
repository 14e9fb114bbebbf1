// "Embed this card": builds the snippet a writer pastes into an article. It preloads, with their Subresource
// Integrity hashes, the modules a default card needs before its first paint (embed-integrity.json); one of them,
// widget/cards.js, pins the pre-computed figures and the modules of the core, which the card imports only for
// other assumptions, and the core checks the data and the WebAssembly binary against its manifest.
import { assetUrl } from '../aiexp-loader.js';
import { ATTRIBUTES } from '../widget/uk-ai-exposure-card.js';

let integrityPromise = null;

function loadIntegrity() {
  integrityPromise ??= fetch(assetUrl('embed-integrity.json'))
    .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`HTTP ${response.status}`))))
    .catch((error) => {
      integrityPromise = null;
      throw error;
    });
  return integrityPromise;
}

function attribute(name, value) {
  return ` ${name}="${String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}"`;
}

/** The widget attributes for `soc` under `assumptions`, defaults left out. */
export function widgetAttributes(soc, assumptions, defaults) {
  // Every assumption the widget takes (the core's grammar, ATTRIBUTES), in its order.
  const attributes = [['soc', soc]];
  for (const name of Object.keys(ATTRIBUTES)) {
    if (name !== 'soc' && assumptions[name] !== defaults[name]) attributes.push([name, assumptions[name]]);
  }
  return attributes;
}

/** Resolves to the HTML snippet for one card. */
export async function embedSnippet(soc, title, assumptions, defaults) {
  const manifest = await loadIntegrity();
  const lines = [`<!-- UK AI Exposure card: ${title.replace(/--/g, '-')} (data build ${manifest.build}) -->`];
  for (const path of manifest.preload) {
    lines.push(`<link rel="modulepreload"${attribute('href', assetUrl(path))}${attribute('integrity', manifest.integrity[path])} crossorigin="anonymous">`);
  }
  lines.push(`<script type="module"${attribute('src', assetUrl(manifest.entry))}${attribute('integrity', manifest.integrity[manifest.entry])} crossorigin="anonymous"></script>`);
  const pairs = widgetAttributes(soc, assumptions, defaults);
  const attributes = pairs.map(([name, value]) => attribute(name, value)).join('');
  // What a reader sees where the card's modules never arrive (the element stays undefined and shows its content);
  // a defined card draws in its shadow root, which has no slot, so the link is not shown beside it. The link
  // opens the same role under the same assumptions: the attributes are the link grammar's names.
  const query = new URLSearchParams(pairs.filter(([name]) => name !== 'soc')).toString();
  const role = assetUrl(`occupation/${soc}/${query ? `?${query}` : ''}`);
  const text = `${title}: how exposed this work is to AI, on UK AI Exposure`.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  lines.push(`<uk-ai-exposure${attributes}><a${attribute('href', role)}>${text}</a></uk-ai-exposure>`);
  return lines.join('\n');
}

/**
 * Resolves to the HTML snippet for one chart element of `kind` (the roles `socs` for kind="compare") under
 * `assumptions`, followed by its iframe form for hosts that cannot run scripts.
 */
export async function chartEmbedSnippet(kind, socs, assumptions, defaults) {
  const manifest = await loadIntegrity();
  const chart = manifest.chart;
  const lines = [`<!-- UK AI Exposure chart: ${kind} (data build ${manifest.build}) -->`];
  for (const path of chart.preload) {
    lines.push(`<link rel="modulepreload"${attribute('href', assetUrl(path))}${attribute('integrity', manifest.integrity[path])} crossorigin="anonymous">`);
  }
  lines.push(`<script type="module"${attribute('src', assetUrl(chart.entry))}${attribute('integrity', manifest.integrity[chart.entry])} crossorigin="anonymous"></script>`);
  const pairs = [['kind', kind], ...(kind === 'compare' ? [['socs', socs.join(',')]] : []),
                 ...widgetAttributes('', assumptions, defaults).filter(([name]) => name !== 'soc')];
  const query = new URLSearchParams(pairs.filter(([name]) => name !== 'kind' && name !== 'socs')).toString();
  const fallback = assetUrl(query ? `?${query}` : '');
  lines.push(`<uk-ai-exposure-chart${pairs.map(([name, value]) => attribute(name, value)).join('')}><a${attribute('href', fallback)}>UK AI Exposure: the chart of UK occupations' exposure to AI</a></uk-ai-exposure-chart>`);
  lines.push('<!-- Or, where the page cannot run scripts, the same chart in a frame: -->');
  const frame = assetUrl(`embed-chart.html?${new URLSearchParams(pairs).toString()}`);
  lines.push(`<iframe${attribute('src', frame)} data-uk-ai-exposure title="UK AI Exposure chart" loading="lazy" width="100%" height="640"></iframe>`);
  return lines.join('\n');
}
