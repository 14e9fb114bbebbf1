// Assembles the deployable site in the build tree from its three sources: the page and widget (web/), the
// data bundle (data/) and the WebAssembly module (the wasm build). It writes manifest.js and
// data/integrity.json (the data build id and the SHA-384 integrity of every file the loader fetches) and
// embed-integrity.json (the integrity of the modules a host page's embed snippet pins), then runs the core in
// node (tools/site/core.mjs) to pre-render what a visitor sees first: a page per unit group and the home page
// (tools/site/pages.mjs), their share images and the sitemap, the widget's default cards. Run by the wasm
// build's `site` target:
//   node tools/assemble-site.mjs --web web --data data --wasm build/wasm/wasm --out build/wasm/site \
//        [--site-url https://calculator.example/]
// --site-url is the public address the site is served at: canonical links, share tags and the sitemap name it,
// and its path is the prefix of every link between pages.
import { createHash } from 'node:crypto';
import { cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

import { minify } from 'terser';

import { writeCards } from './site/cards.mjs';
import { loadSiteCalculator } from './site/core.mjs';
import { writePages } from './site/pages.mjs';
import { writeShareImages } from './site/share-images.mjs';
import { writeSitemap } from './site/sitemap.mjs';
import { writeStyles } from './site/styles.mjs';
import { listFiles, precompress, writeDeployFiles } from './site/deploy.mjs';
import { writeElementsManifest } from './site/elements-manifest.mjs';
import { writeOembed } from './site/oembed.mjs';
import { CHART_ENTRY, pagePins, pinScripts, preloadLinks, writeRelease } from './site/widget-release.mjs';

const DATA_FILES = ['bundle.json', 'details.json', 'titles.json', 'breakdowns.json', 'SOURCES.md', 'COVERAGE.md'];
// Two builds of the module: aiexp (size, the widget's) and aiexp-speed (speed, the page's).
const MODULE_BUILDS = ['aiexp', 'aiexp-speed'];
// What the page's calculator starts with, asked for by boot.js when it starts the calculator (its marker), beside
// the module graph of app.js (a role page adds its details and task statements: tools/site/pages.mjs).
const START_DATA = ['wasm/aiexp-speed.wasm', 'data/bundle.json', 'data/integrity.json'];
const APP_MODULES_MARKER = '/* aiexp:app-modules */';
const START_DATA_MARKER = '/* aiexp:start-data */';
// data/ilo/tasks-1330.json is pinned by data/ilo-integrity-1.json (aiexp-loader.js reads the same names).
const ILO_PARTS = 'data/ilo/';
const iloIntegrityList = (path) => `data/ilo-integrity-${path.slice(`${ILO_PARTS}tasks-`.length)[0]}.json`;
// Where the pages that show cards (the demo host, the iframe card) get their module graph as modulepreload links
// pinned with integrity, and the module (page) that graph starts from...
const WIDGET_PRELOAD_MARKER = '<!-- aiexp:preload-widget -->';
const WIDGET_PAGES = { 'embed-demo.html': 'widget/uk-ai-exposure-define.js', 'embed.html': 'embed.js' };
// ...and the pages that show charts, whose graph includes the glue of the page's build of the core.
const CHART_PRELOAD_MARKER = '<!-- aiexp:preload-chart -->';
const CHART_PAGES = { 'embed-charts-demo.html': CHART_ENTRY, 'embed-chart.html': 'embed-chart.js' };
// The editor's embed page (web/embed-editor.html), at embed/ beside the iframe card pages embed/<soc>.html.
const EDITOR_PAGE = 'embed-editor.html';

// Where the site is served when the build is not told: a placeholder origin at the root path.
export const DEFAULT_SITE_URL = 'https://calculator.example/';

function parseArguments(argv) {
  const options = { 'site-url': process.env.AIEXP_SITE_URL || DEFAULT_SITE_URL };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i]?.replace(/^--/, '');
    if (!['web', 'data', 'wasm', 'out', 'site-url'].includes(key) || argv[i + 1] === undefined) {
      throw new Error(`usage: assemble-site.mjs --web DIR --data DIR --wasm DIR --out DIR [--site-url URL] (bad: ${argv[i]})`);
    }
    options[key] = argv[i + 1];
  }
  for (const key of ['web', 'data', 'wasm', 'out']) if (!options[key]) throw new Error(`--${key} is required`);
  let siteUrl;
  try {
    siteUrl = new URL(options['site-url']);
  } catch {
    throw new Error(`--site-url must be an absolute http(s) URL (got ${options['site-url']})`);
  }
  if (!/^https?:$/.test(siteUrl.protocol) || !siteUrl.pathname.endsWith('/') || siteUrl.search || siteUrl.hash) {
    throw new Error(`--site-url must be an http(s) URL of a folder, ending in "/" (got ${options['site-url']})`);
  }
  return { web: options.web, data: options.data, wasm: options.wasm, out: options.out, siteUrl: siteUrl.href };
}

function integrity(bytes) {
  return 'sha384-' + createHash('sha384').update(bytes).digest('base64');
}


// The npm libraries the page's modules import, as ES modules under vendor/ (each keeps its licence beside it).
// d3-hierarchy ships a UMD build: given a CommonJS `module` to fill, it runs as a module and sets no global.
const D3_HIERARCHY = new URL('../node_modules/d3-hierarchy/', import.meta.url);
async function writeVendorModules(out) {
  await mkdir(join(out, 'vendor'), { recursive: true });
  const umd = await readFile(new URL('dist/d3-hierarchy.min.js', D3_HIERARCHY), 'utf8');
  const { version } = JSON.parse(await readFile(new URL('package.json', D3_HIERARCHY), 'utf8'));
  const wrapped = `// d3-hierarchy ${version} (ISC licence, vendor/d3-hierarchy.LICENSE.txt) as an ES module.\n`
    + `const module = { exports: {} };\nconst exports = module.exports;\n${umd}\n`
    + 'export const { hierarchy, treemap, treemapSquarify } = module.exports;\n';
  await writeFile(join(out, 'vendor', 'd3-hierarchy.js'), wrapped);
  await cp(new URL('LICENSE', D3_HIERARCHY), join(out, 'vendor', 'd3-hierarchy.LICENSE.txt'));
}

// The static imports of the module `entry` (a path in `out`), recursively, dependencies before the modules that
// import them, `entry` last: the module graph a page downloads when it imports the entry.
async function moduleGraph(out, entry, seen = new Set()) {
  if (seen.has(entry)) return [];
  seen.add(entry);
  const source = await readFile(join(out, entry), 'utf8');
  const order = [];
  for (const match of source.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+'(\.{1,2}\/[^']+)'/gm)) {
    const path = new URL(match[1], `http://site.invalid/${entry}`).pathname.slice(1);
    order.push(...await moduleGraph(out, path, seen));
  }
  return [...order, entry];
}

// Puts `lines` (one per line, at the marker's indentation) in place of `marker` in the site's `file`.
async function replaceMarker(out, file, marker, lines) {
  const path = join(out, file);
  const html = await readFile(path, 'utf8');
  if (!html.includes(marker)) throw new Error(`${file} lacks the marker ${marker}`);
  await writeFile(path, html.replace(marker, lines.join('\n  ')));
}

async function assemble({ web, data, wasm, out, siteUrl }) {
  // Each step's time is printed: the whole build has a budget (two minutes on two cores, BENCHMARKS.md).
  let stepStarted = performance.now();
  const timed = (step) => {
    const now = performance.now();
    console.log(`  ${step}: ${((now - stepStarted) / 1000).toFixed(1)} s`);
    stepStarted = now;
  };
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  await cp(web, out, { recursive: true });
  const styles = await writeStyles(out);
  await writeVendorModules(out);
  await mkdir(join(out, 'data', 'text'), { recursive: true });
  for (const file of DATA_FILES) await cp(join(data, file), join(out, 'data', file));
  for (const parts of ['text', 'ilo']) {
    await mkdir(join(out, 'data', parts), { recursive: true });
    for (const file of await readdir(join(data, parts))) {
      if (file.endsWith('.json')) await cp(join(data, parts, file), join(out, 'data', parts, file));
    }
  }
  await mkdir(join(out, 'wasm'), { recursive: true });
  for (const name of MODULE_BUILDS) {
    await cp(join(wasm, `${name}.wasm`), join(out, 'wasm', `${name}.wasm`));
    // Emscripten 3.1.6 cannot run Closure here, so its glue keeps long local names: minifying them saves about
    // a third of its gzip size, which every widget download pays. Names the module exposes are strings and
    // properties, which terser leaves alone without property mangling.
    const glue = await readFile(join(wasm, `${name}.js`), 'utf8');
    const minified = await minify(glue, { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } });
    await writeFile(join(out, 'wasm', `${name}.js`), minified.code);
  }

  // Integrity of every fetched file. manifest.js (imported by the loader, so pinned with it) names what a
  // widget needs, both module binaries (the page's starts downloading before integrity.json could arrive) and
  // data/integrity.json, which names the rest: the widget does not download those hashes.
  const bundle = JSON.parse(await readFile(join(data, 'bundle.json'), 'utf8'));
  const dataFiles = (await listFiles(join(out, 'data')))
    .map((path) => relative(out, path).split('\\').join('/'))
    .filter((path) => path.endsWith('.json'))
    .sort();
  const hashOf = async (path) => integrity(await readFile(join(out, path)));
  // The ILO's task parts (over 400, opened one at a time) have lists of their own, one per ISCO-08 major group
  // (data/ilo-integrity-<digit>.json, pinned by data/integrity.json): the page's first download does not carry
  // their hashes, and opening one part fetches one short list.
  const iloLists = new Map();
  for (const path of dataFiles) {
    if (!path.startsWith(ILO_PARTS)) continue;
    const list = iloIntegrityList(path);
    if (!iloLists.has(list)) iloLists.set(list, {});
    iloLists.get(list)[path] = await hashOf(path);
  }
  for (const [list, pins] of iloLists) {
    await writeFile(join(out, list), JSON.stringify({ build: bundle.build, integrity: pins }, null, 1) + '\n');
  }
  const rest = {};
  for (const path of dataFiles) if (path !== 'data/bundle.json' && !path.startsWith(ILO_PARTS)) rest[path] = await hashOf(path);
  for (const list of iloLists.keys()) rest[list] = await hashOf(list);
  await writeFile(join(out, 'data', 'integrity.json'), JSON.stringify({ build: bundle.build, integrity: rest }, null, 1) + '\n');
  const pinned = {
    'wasm/aiexp.wasm': await hashOf('wasm/aiexp.wasm'),
    'wasm/aiexp-speed.wasm': await hashOf('wasm/aiexp-speed.wasm'),
    'data/bundle.json': await hashOf('data/bundle.json'),
    'data/integrity.json': await hashOf('data/integrity.json'),
  };
  const manifest =
    '// Generated by tools/assemble-site.mjs: the data build and the integrity of the files a widget fetches.\n' +
    `export default Object.freeze(${JSON.stringify({ build: bundle.build, integrity: pinned })});\n`;
  await writeFile(join(out, 'manifest.js'), manifest);


  // What a visitor sees first, computed by the same core and drawn by the same view code as in the browser.
  // The order matters: pages name the share images, and the deploy files and compressed copies come last.
  timed('copies, minified glue and modules, integrity');
  const calculator = await loadSiteCalculator({ wasmDir: join(out, 'wasm'), dataDir: data, webDir: out });
  await writeCards({ out, calculator, cardCss: styles.card });
  // The pages that show cards and charts preload their module graph, so it arrives in one round as with the embed
  // snippet, and pin every script with its integrity, as the snippets do (the modules are final by now).
  const pinPage = async (page, marker, entry, lazy) => {
    const pinned = await pagePins(out, entry, { lazy });
    await replaceMarker(out, page, marker, preloadLinks(pinned));
    await writeFile(join(out, page), pinScripts(await readFile(join(out, page), 'utf8'), pinned));
  };
  for (const [page, entry] of Object.entries(WIDGET_PAGES)) await pinPage(page, WIDGET_PRELOAD_MARKER, entry, []);
  for (const [page, entry] of Object.entries(CHART_PAGES)) await pinPage(page, CHART_PRELOAD_MARKER, entry, ['wasm/aiexp-speed.js']);
  // The release a snippet names (releases/<id>/), the unpinned widget/latest/ entries and embed-integrity.json.
  const release = await writeRelease({ out, build: bundle.build });
  console.log(`widget release ${release.id}: ${release.files.length} files`);
  // The editor's embed page, and the manifest and type declarations of the two elements.
  await mkdir(join(out, 'embed'), { recursive: true });
  await cp(join(out, EDITOR_PAGE), join(out, 'embed', 'index.html'));
  await rm(join(out, EDITOR_PAGE));
  await writeElementsManifest({ web, out });
  const groups = calculator.unitGroups();
  timed('the core in node and the widget\'s cards');
  const defaults = calculator.snapshot(calculator.defaults()).snapshot;
  const shareImages = await writeShareImages({ out, cards: groups.map((group) => defaults.report(group.soc).report) });
  timed('share images');
  const { written: rolePages, viewModules } = await writePages({ out, calculator, siteUrl, shareImages });
  // When boot.js starts the calculator it asks at once for the module graph the page runs (app.js's, and the views
  // of the sections that kind of page holds) and the data it starts with. Chromium ignores (and warns about)
  // integrity on fetch preloads; the loader's own requests carry it and are checked when they take the preloaded
  // response.
  const appGraph = await moduleGraph(out, 'app.js');
  const pageGraphs = [];
  for (const [page, views] of Object.entries(viewModules)) {
    const seen = new Set();
    const graph = [];
    for (const entry of [...views, 'app.js']) graph.push(...await moduleGraph(out, entry, seen));
    if (!appGraph.every((path) => graph.includes(path))) throw new Error(`the ${page} page's modules miss part of app.js's graph`);
    pageGraphs.push(`'${page}': [${graph.map((path) => `'${path}'`).join(', ')}]`);
  }
  await replaceMarker(out, 'boot.js', APP_MODULES_MARKER, [pageGraphs.join(', ')]);
  await replaceMarker(out, 'boot.js', START_DATA_MARKER, [START_DATA.map((path) => `'${path}'`).join(', ')]);
  // oEmbed: a JSON per role (and per chart), and the discovery link in each role page and the home page.
  await writeOembed({ out, siteUrl, reports: groups.map((group) => defaults.report(group.soc).report), shareImages });
  await writeSitemap({ out, siteUrl, socs: groups.map((group) => group.soc) });
  timed('pages and sitemap');
  console.log(`pre-rendered the home page, ${rolePages.length} role pages with their share images, and the not-found page`);
  await writeDeployFiles({ out, deployDir: join(out, '..', 'deploy') });
  await precompress(out);
  timed('deploy files and compressed copies');
  return { files: (await listFiles(out)).length, build: bundle.build };
}

try {
  const result = await assemble(parseArguments(process.argv.slice(2)));
  console.log(`site assembled: ${result.files} files, data build ${result.build}`);
} catch (error) {
  console.error(`assemble-site: ${error.message}`);
  process.exit(1);
}
