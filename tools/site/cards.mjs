// The widget's default cards, pre-computed at site assembly: the figures and texts every <uk-ai-exposure> card
// shows under the default assumptions (SCORING.md section 4), from the same core the browser runs, so a default
// card paints without the WebAssembly module; and a pre-rendered iframe card page per role, drawn by the
// element's own view code (web/widget/uk-ai-exposure-card.js) under a DOM in node.
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { parseHTML } from 'linkedom';
import { minify } from 'terser';

import { hashedName } from './headers.mjs';
import { pagePins, pinScripts, preloadLinks } from './widget-release.mjs';

// What a card imports only when its assumptions differ from the defaults: widget/cards.js pins these,
// dependencies before the modules that import them, and the element preloads them with that integrity. (What
// each snippet preloads is the module graph of its entry: tools/site/widget-release.mjs.)
export const CORE_MODULES = ['manifest.js', 'snapshot.js', 'calculator.js', 'wasm/aiexp.js', 'aiexp-loader.js'];
// The widget's own modules and the core's loader as they ship: minified, as the module's glue is, because every
// card on every host downloads them (their source, with its comments, is web/widget/, web/aiexp-loader.js and
// web/calculator.js). The site build has imported calculator.js already: it runs the source.
const MINIFIED_MODULES = ['widget/uk-ai-exposure-card.js', 'widget/uk-ai-exposure-base.js', 'widget/uk-ai-exposure.js',
  'widget/uk-ai-exposure-define.js',
  'aiexp-loader.js', 'calculator.js', 'snapshot.js'];

function integrity(bytes) {
  return 'sha384-' + createHash('sha384').update(bytes).digest('base64');
}

function escapeHtml(text) {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

// Cards are sharded by SOC major group (the code's first digit): a card downloads only its group's figures.
function shardOf(soc) {
  return soc[0];
}

// The iframe card of one role, readable without JavaScript: the card's shadow root is declarative, styled by
// the widget's own CSS as a same-origin file. embed.js sizes the frame and re-renders only for other assumptions.
// Every script it runs is pinned with its integrity (`pinned`, pagePins of embed.js).
function embedPage({ soc, title, stylesheet, shadowHtml, pinned }) {
  const preloads = preloadLinks(pinned, '../');
  const role = `../occupation/${escapeHtml(soc)}/`;
  return pinScripts(`<!doctype html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="icon" href="../favicon.svg" type="image/svg+xml">
  <title>UK AI Exposure: ${escapeHtml(title)}</title>
  <link rel="stylesheet" href="../embed.css">
  <!-- Also here, where it blocks rendering, so the shadow root's copy comes from the cache with the first paint. -->
  <link rel="stylesheet" href="../${stylesheet}">
  ${preloads.join('\n  ')}
  <script type="module" src="../embed.js"></script>
  <script async src="../start-check.js"></script>
</head>
<body>
  <main id="card-host" aria-label="UK AI Exposure: ${escapeHtml(title)}">
    <div class="card-fallback" role="alert">
      <p class="card-fallback__failed">This card's script did not load: it shows the figures under the default assumptions. <a href="${role}" target="_blank" rel="noopener">Open this occupation in the calculator</a>.</p>
      <p class="card-fallback__unsupported">This browser cannot change this card: it shows the figures under the default assumptions. <a href="${role}" target="_blank" rel="noopener">Open this occupation in the calculator</a>.</p>
    </div>
    <noscript><p class="card-note">JavaScript is off: this card shows the figures under the default assumptions.</p></noscript>
    <uk-ai-exposure soc="${escapeHtml(soc)}">${shadowHtml}</uk-ai-exposure>
  </main>
</body>
</html>
`, pinned, '../');
}

/**
 * Minifies the widget's modules in the assembled site `out` and writes there the default cards of every unit group: widget/cards/<major group>.<hash>.json,
 * widget/cards.js (the shards' names and integrity, the integrity of CORE_MODULES and the data build id),
 * the card stylesheet (`cardCss`, tools/site/styles.mjs) and embed/<soc>.html. `calculator` is the site build's
 * (tools/site/core.mjs), every data part loaded. Throws when the widget's defaults are not the core's.
 */
export async function writeCards({ out, calculator, cardCss }) {
  for (const path of MINIFIED_MODULES) {
    const source = await readFile(join(out, path), 'utf8');
    const minified = await minify(source, { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } });
    await writeFile(join(out, path), minified.code);
  }
  const view = await import(pathToFileURL(join(out, 'widget', 'uk-ai-exposure-card.js')).href);
  const defaults = calculator.defaults();
  for (const [key, value] of Object.entries(view.DEFAULT_ASSUMPTIONS)) {
    if (defaults[key] !== value) throw new Error(`the widget's default ${key} is ${value}, the core's ${defaults[key]}`);
  }
  const made = calculator.snapshot(defaults);
  if (!made.ok) throw new Error(`default assumptions: ${made.message}`);

  const shards = new Map();
  const views = [];
  for (const { soc } of calculator.unitGroups()) {
    const result = made.snapshot.report(soc);
    if (!result.ok) throw new Error(`unit group ${soc}: ${result.message}`);
    const card = view.cardView(result.report);
    views.push(card);
    if (!shards.has(shardOf(soc))) shards.set(shardOf(soc), {});
    shards.get(shardOf(soc))[soc] = card;
  }

  await mkdir(join(out, 'widget', 'cards'), { recursive: true });
  const shardIndex = {};
  for (const [shard, cards] of [...shards].sort(([a], [b]) => a.localeCompare(b))) {
    const bytes = Buffer.from(JSON.stringify({ build: calculator.build, cards }));
    const file = hashedName(`cards/${shard}.json`, bytes);
    await writeFile(join(out, 'widget', file), bytes);
    shardIndex[shard] = { file, integrity: integrity(bytes) };
  }
  const modules = {};
  for (const path of CORE_MODULES) modules[path] = integrity(await readFile(join(out, path)));
  await writeFile(join(out, 'widget', 'cards.js'),
                  '// Generated by tools/site/cards.mjs: the default cards\' shards and the integrity of the modules a card\n' +
                  '// imports for other assumptions. Pinned by the embed snippet, so it vouches for both.\n' +
                  `export default Object.freeze(${JSON.stringify({ build: calculator.build, shards: shardIndex, modules })});\n`);

  const cssBytes = Buffer.from(cardCss);
  const stylesheet = hashedName('widget/uk-ai-exposure.css', cssBytes);
  await writeFile(join(out, stylesheet), cssBytes);

  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  await mkdir(join(out, 'embed'), { recursive: true });
  const pinned = await pagePins(out, 'embed.js');
  for (const card of views) {
    const article = document.createElement('article');
    view.prepareCard(article, 'auto');
    view.renderCard(article, card, { variant: 'compact', href: `../occupation/${card.soc}/`, headingLevel: 1 });
    const shadowHtml = `<template shadowrootmode="open"><link rel="stylesheet" href="../${stylesheet}">${article.outerHTML}</template>`;
    await writeFile(join(out, 'embed', `${card.soc}.html`), embedPage({ soc: card.soc, title: card.title, stylesheet, shadowHtml, pinned }));
  }
  return { shards: shards.size, cards: views.length };
}
