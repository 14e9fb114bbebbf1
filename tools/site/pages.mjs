// Pre-renders the calculator's pages at site assembly: the home page, a page per unit group at
// occupation/<soc>/, the not-found and the too-long pages, each with every default figure in its HTML. The views
// are the page's own (web/ui/*-view.js), each given its root in the page template, here a DOM without layout
// (linkedom), and the snapshot of the default assumptions from the same core the browser runs
// (tools/site/core.mjs); the live page runs them again over this HTML (web/app.js). Only the head's sharing tags
// are written here. Deterministic: the same inputs give the same bytes.
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { parseHTML } from 'linkedom';

import { el } from '../../web/ui/dom.js';

import { hashedName, MAX_REQUEST_LINE_BYTES } from './headers.mjs';
import { lightPalette } from './palette.mjs';

// Rows of the all-occupations table in a role page's HTML: a first look (the live page draws the rest). The
// home page carries every row, so a reader without JavaScript reaches every role from it.
export const ROLE_PAGE_TABLE_ROWS = 10;
// Tasks listed in a role page's HTML, most exposed first: half the roles have more than 60, and the widest bridges
// reach hundreds (2311: 866), which would make the HTML several times its 30 KB (gzip) budget beside the figures'
// provenance panels. The rest are in the role's tasks file (data/tasks/<soc>.csv), and the live page lists them all.
export const ROLE_PAGE_TASKS = 90;

// The licences of the sources the dataset is derived from (data/SOURCES.md names which file carries which).
const DATA_LICENCES = [
  'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
  'https://creativecommons.org/licenses/by/4.0/',
  'https://opensource.org/license/mit',
];

// Template attributes that hold a site-relative address, rewritten to a path from the server's root.
const ADDRESS_ATTRIBUTES = [['a', 'href'], ['link', 'href'], ['script', 'src'], ['img', 'src']];

function isRelative(address) {
  return address !== '' && !/^([a-z][a-z0-9+.-]*:|\/|#)/i.test(address);
}

function rootedAddresses(document, rootPath) {
  for (const [tag, attribute] of ADDRESS_ATTRIBUTES) {
    for (const node of document.querySelectorAll(`${tag}[${attribute}]`)) {
      const address = node.getAttribute(attribute);
      if (!isRelative(address)) continue;
      const url = new URL(address, `http://site.invalid${rootPath}`);
      node.setAttribute(attribute, `${url.pathname}${url.search}${url.hash}`);
    }
  }
}

// The live page takes over a role's page once its task statements are in (web/app.js): they download with the
// page. The text parts are named by the first two digits of the O*NET codes they hold (data/text/tasks-11.json).
async function preloadTextParts(document, { out, rootPath, report }) {
  const parts = [...new Set(report.onets.map((onet) => `data/text/tasks-${onet.code.slice(0, 2)}.json`))].sort();
  const anchor = document.head.querySelector('script[type="module"]');
  for (const part of parts) {
    await access(join(out, part)).catch(() => {
      throw new Error(`${part}, the task statements of unit group ${report.soc}, is not in the site`);
    });
    document.head.insertBefore(el(document, 'link', { rel: 'preload', href: `${rootPath}${part}`, as: 'fetch',
                                                               crossorigin: 'anonymous' }), anchor);
  }
}


// Title, description, canonical address and the Open Graph and Twitter card tags; `image` is absolute or null.
function sharingTags(document, { title, description, url, image, imageAlt, type }) {
  const head = document.head;
  head.querySelector('title').textContent = title;
  head.querySelector('meta[name="description"]').setAttribute('content', description);
  const tags = [
    el(document, 'link', { rel: 'canonical', href: url }),
    el(document, 'meta', { property: 'og:type', content: type }),
    el(document, 'meta', { property: 'og:site_name', content: 'UK AI Exposure' }),
    el(document, 'meta', { property: 'og:title', content: title }),
    el(document, 'meta', { property: 'og:description', content: description }),
    el(document, 'meta', { property: 'og:url', content: url }),
    el(document, 'meta', { property: 'og:locale', content: 'en_GB' }),
    el(document, 'meta', { name: 'twitter:card', content: image ? 'summary_large_image' : 'summary' }),
    el(document, 'meta', { name: 'twitter:title', content: title }),
    el(document, 'meta', { name: 'twitter:description', content: description }),
  ];
  if (image) {
    tags.push(el(document, 'meta', { property: 'og:image', content: image }),
              el(document, 'meta', { property: 'og:image:type', content: 'image/png' }),
              el(document, 'meta', { property: 'og:image:width', content: '1200' }),
              el(document, 'meta', { property: 'og:image:height', content: '630' }),
              el(document, 'meta', { property: 'og:image:alt', content: imageAlt }),
              el(document, 'meta', { name: 'twitter:image', content: image }),
              el(document, 'meta', { name: 'twitter:image:alt', content: imageAlt }));
  }
  const anchor = head.querySelector('meta[name="color-scheme"]');
  for (const tag of tags) head.insertBefore(tag, anchor);
}

// schema.org Dataset: a data block, which the CSP does not treat as script. `<` is escaped so no text in it can
// close the element.
function datasetJsonLd(document, { siteUrl, name, description, url, build, sources }) {
  const data = {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    name,
    description,
    url,
    isAccessibleForFree: true,
    license: DATA_LICENCES,
    version: build,
    inLanguage: 'en-GB',
    spatialCoverage: { '@type': 'Place', name: 'United Kingdom' },
    temporalCoverage: '2025',
    creator: { '@type': 'Organization', name: 'UK AI Exposure', url: siteUrl },
    // As the pipeline recorded them in the bundle (data/SOURCES.md): nothing here is typed by hand.
    isBasedOn: sources.map((source) => `${source.publisher}, ${source.title} (${source.version}); ${source.licence}`),
    distribution: [
      { '@type': 'DataDownload', encodingFormat: 'application/json', contentUrl: new URL('data/bundle.json', siteUrl).href },
      { '@type': 'DataDownload', encodingFormat: 'text/markdown', contentUrl: new URL('data/SOURCES.md', siteUrl).href },
    ],
  };
  const script = el(document, 'script', { type: 'application/ld+json' });
  script.textContent = JSON.stringify(data).replace(/</g, '\\u003c');
  document.head.append(script);
}

function roleDescription(report) {
  const score = report.scored
    ? `AI exposure ${report.scoreText}/10 (${report.band}): direct ${report.directText}, with tools ${report.withToolsText}`
    : 'not scored: no O*NET occupation with labelled tasks';
  const figures = [`employees ${report.employeesText}`, `median pay ${report.medianPayText}`,
                   `wage exposure ${report.wageExposureText}`].join(', ');
  return `${report.title} (SOC 2020 ${report.soc}): ${score}. ${figures}. ${report.canDoText}`;
}

/**
 * Writes index.html (over the assembled template of the same name), occupation/<soc>/index.html for every unit
 * group, 404.html and 414.html into `out`, and the treemap image the role pages show without JavaScript.
 * `calculator`: tools/site/core.mjs's. `siteUrl`: the public address of the site's root. `shareImages`: soc ->
 * the share image's path in the site, or an empty map. Resolves to the list of role page paths written.
 */
export async function writePages({ out, calculator, siteUrl, shareImages = new Map() }) {
  const template = await readFile(join(out, 'index.html'), 'utf8');
  const load = (file) => import(pathToFileURL(join(out, 'ui', file)).href);
  const views = {
    ...(await load('layout-view.js')), ...(await load('head-view.js')), ...(await load('assumptions-view.js')),
    ...(await load('role-view.js')), ...(await load('measures-view.js')), ...(await load('tasks-view.js')),
    ...(await load('start-view.js')), ...(await load('bridge-view.js')), ...(await load('provenance-view.js')),
    ...(await load('totals-view.js')), ...(await load('threshold-view.js')), ...(await load('treemap-view.js')),
    ...(await load('group-bars-view.js')), ...(await load('distribution-view.js')), ...(await load('table-view.js')),
  };
  const { siteLinks } = await load('site-links.js');
  const links = siteLinks(siteUrl);
  const defaults = calculator.defaults();
  const snapshot = calculator.snapshot(defaults);
  if (!snapshot.ok) throw new Error(`the default assumptions do not apply: ${snapshot.message}`);
  const figures = snapshot.snapshot;

  // The treemap image of the role pages: the treemap view drawn into a standalone SVG, its colours the light theme's.
  const treemapHref = `${links.rootPath}${await writeTreemapImage({ out, views, snapshot: figures, links })}`;

  // One page: the views over their roots in a fresh copy of the template, from the defaults' snapshot and the
  // page's state. `staticRows` and `staticTasks`: how many rows of the table and tasks its HTML holds.
  const render = ({ page, soc = '', staticRows, staticTasks = ROLE_PAGE_TASKS }) => {
    const { document } = parseHTML(template);
    rootedAddresses(document, links.rootPath);
    document.documentElement.setAttribute('data-page', page);
    const $ = (selector) => {
      const found = document.querySelector(selector);
      if (!found) throw new Error(`the page template has no ${selector}`);
      return found;
    };
    const ready = false;  // the build's controls wait for the calculator
    const threshold = views.DEFAULT_THRESHOLD;
    const permalink = (code) => (code ? links.role(code) : links.home());
    views.renderLayout(document.body, figures, { page, soc, compare: [], homeHref: links.home(), maxLinkBytes: MAX_REQUEST_LINE_BYTES });
    views.renderHead(document.head, figures, { page, soc });
    views.renderAssumptions($('#assumptions'), figures, { defaults, ready });
    if (soc) {
      views.renderRole($('#role-head'), figures, { soc, ready });
      views.renderProvenance($('#role-provenance'), figures, { kind: 'role', soc, taskId: 0, permalink: permalink(soc), ready });
      views.renderMeasures($('#measures'), figures, { soc, ready, ilo: null });
      views.renderTasks($('#tasks'), figures, { soc, ready, textStatus: 'ready', editing: '', staticTasks, tasksFile: links.tasksFile });
      views.renderStart($('#start'), figures, { soc, textStatus: 'ready' });
      views.renderBridge($('#bridge'), figures, { soc });
    }
    views.renderTotals($('#uk-totals'), figures);
    views.renderProvenance($('#totals-provenance'), figures, { kind: 'totals', permalink: permalink(''), ready });
    views.renderThreshold($('#threshold'), figures, { threshold, filterTable: false, ready });
    // A page that lists every row lists the occupations the treemap cannot draw too; the others say how many,
    // and show the treemap as the shared image (its 14 KB of markup would double a role page's HTML).
    const everyRow = staticRows === Infinity;
    views.renderTreemap($('#treemap-figure'), figures, { selectedSoc: soc, threshold, roleHref: links.role,
                                                         missingAs: everyRow ? 'links' : 'count', image: everyRow ? '' : treemapHref });
    views.renderGroupBars($('#groups-chart'), figures, { tableHref: '#occupations-table' });
    views.renderDistribution($('#distribution-figure'), figures, { selectedSoc: soc });
    views.renderTable($('#occupations'), figures, { selectedSoc: soc, sort: { key: 'score', descending: true },
                                                     filter: { text: '', major: '', range: '', bridge: '' }, threshold: null,
                                                     ready, measureColumns: false, roleHref: links.role, staticRows });
    return { document, report: soc ? figures.report(soc).report : null };
  };
  const serialize = (document) => `<!doctype html>\n${document.documentElement.outerHTML}\n`;
  const absolute = (path) => new URL(path.replace(/^\//, ''), new URL(links.rootPath, siteUrl)).href;
  const build = calculator.build;
  const siteDescription = 'For every UK occupation (SOC 2020 unit group): how much of its work large language ' +
    'models can do, how many people do it, what they earn and how much pay is exposed.';

  const home = render({ page: 'home', staticRows: Infinity });
  sharingTags(home.document, {
    title: views.pageTitle(null), description: home.document.head.querySelector('meta[name="description"]').getAttribute('content'),
    url: siteUrl, image: null, imageAlt: '', type: 'website',
  });
  datasetJsonLd(home.document, { siteUrl, name: 'UK AI Exposure: AI exposure of UK occupations', description: siteDescription,
                                 url: siteUrl, build, sources: calculator.sources() });
  await writeFile(join(out, 'index.html'), serialize(home.document));

  const written = [];
  await mkdir(join(out, 'data', 'tasks'), { recursive: true });
  for (const group of calculator.unitGroups()) {
    const { document, report } = render({ page: 'role', soc: group.soc, staticRows: ROLE_PAGE_TABLE_ROWS });
    if (!report) throw new Error(`no report for unit group ${group.soc}`);
    const url = absolute(links.role(group.soc));
    const image = shareImages.get(group.soc);
    sharingTags(document, {
      title: views.pageTitle(report), description: roleDescription(report), url,
      image: image ? absolute(`/${image}`) : null,
      imageAlt: `${report.title}: AI exposure ${report.scored ? `${report.scoreText}/10, ${report.band}` : 'not scored'}`,
      type: 'article',
    });
    datasetJsonLd(document, { siteUrl, name: `AI exposure of UK ${report.title} (SOC 2020 ${report.soc})`,
                              description: roleDescription(report), url, build, sources: calculator.sources() });
    await preloadTextParts(document, { out, rootPath: links.rootPath, report });
    const path = join('occupation', group.soc, 'index.html');
    await mkdir(join(out, 'occupation', group.soc), { recursive: true });
    await writeFile(join(out, path), serialize(document));
    if (report.tasks.length > ROLE_PAGE_TASKS) {  // the page links the file for the tasks it does not list
      const tasks = figures.tasksCsv(group.soc);
      if (!tasks.ok) throw new Error(`the tasks of unit group ${group.soc}: ${tasks.message}`);
      await writeFile(join(out, 'data', 'tasks', `${group.soc}.csv`), tasks.csv);
    }
    written.push(path);
  }

  // Served for any address that names no file (404) and, with status 414, for a link longer than the servers
  // take (MAX_REQUEST_LINE_BYTES): every link in them is a path from the root already.
  await writeFile(join(out, '404.html'), serialize(render({ page: 'not-found', staticRows: ROLE_PAGE_TABLE_ROWS }).document));
  await writeFile(join(out, '414.html'), serialize(render({ page: 'too-long', staticRows: ROLE_PAGE_TABLE_ROWS }).document));
  return written;
}

// The home page's treemap as a standalone image (charts/treemap.<hash>.svg, cached once for every role page): the
// same view over an <svg> of its own, its colours the light theme's written as attributes (an image cannot use
// the page's stylesheet, and the site's CSP allows no styles inside it). Resolves to its path in the site.
async function writeTreemapImage({ out, views, snapshot, links }) {
  const { width, height } = views.TREEMAP_SIZE;
  const { document } = parseHTML(`<!doctype html><html><body><svg viewBox="0 0 ${width} ${height}"></svg></body></html>`);
  const svg = document.querySelector('svg');
  views.renderTreemap(svg, snapshot, { threshold: views.DEFAULT_THRESHOLD, roleHref: links.role,
                                       palette: await lightPalette(out) });
  // An image needs no links, tab stops, labels or classes, and outlines no role: its rectangles are drawn as they are.
  svg.querySelector('.treemap__current')?.remove();
  for (const leaf of [...svg.querySelectorAll('a')]) leaf.replaceWith(...leaf.childNodes);
  for (const node of [svg, ...svg.querySelectorAll('*')]) {
    for (const { name } of [...node.attributes]) {
      if (name === 'class' || name === 'aria-hidden' || name.startsWith('data-')) node.removeAttribute(name);
    }
  }
  const text = `${svg.outerHTML.replace(/viewbox=/i, 'viewBox=')}\n`;
  const path = hashedName('charts/treemap.svg', Buffer.from(text));
  await mkdir(join(out, 'charts'), { recursive: true });
  await writeFile(join(out, path), text);
  return path;
}
