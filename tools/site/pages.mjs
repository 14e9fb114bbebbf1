// Pre-renders the calculator's pages at site assembly from the templates of web/pages/ (with the shared parts they
// include): the home page (the UK at a glance), a page per unit group at occupation/<soc>/ (the role), the
// methodology at methodology/, and the pages of a wrong address (not found, too long), each with every default
// figure in its HTML. The sections drawn are the page's own (web/ui/sections.js), each view given its root in the
// template, here a DOM without layout (linkedom), and the snapshot of the default assumptions from the same core
// the browser runs (tools/site/core.mjs); the live page runs them again over this HTML (web/app.js). Only the
// head's sharing tags are written here. Deterministic: the same inputs give the same bytes.
import { access, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { parseHTML } from 'linkedom';

import { el } from '../../web/ui/dom.js';

import { MAX_REQUEST_LINE_BYTES } from './headers.mjs';

// Tasks listed in a role page's HTML, most exposed first: half the roles have more than 60, and the widest bridges
// reach hundreds (2311: 866), which would make a role page several times the size a phone should wait for. The
// rest are in the role's tasks file (data/tasks/<soc>.csv), and the live page lists them all. The home page's
// treemap and /occupations/ link every role, so a reader without JavaScript reaches each of them.
export const ROLE_PAGE_TASKS = 50;
// The home page's table as the build draws it: the most exposed rows, so the page stays light; every row is in
// the live table and, for a reader without JavaScript, on /occupations/.
export const HOME_TABLE_ROWS = 30;

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

// A template with its shared parts in place: each <!-- include: partials/x.html --> is that file (templates/). An
// include may give the part values, <!-- include: partials/x.html kind=sex -->, for the part's {{kind}}: every
// value must be used and every {{name}} given, so a part written once serves each of its copies.
export async function expandIncludes(dir, text, depth = 0, values = {}, name = 'a page template') {
  if (depth > 3) throw new Error('templates include each other too deep');
  const filled = text.replace(/\{\{(\w+)\}\}/g, (whole, key) => {
    if (!(key in values)) throw new Error(`${name} needs a value for {{${key}}}`);
    return values[key];
  });
  for (const key of Object.keys(values)) {
    if (!text.includes(`{{${key}}}`)) throw new Error(`${name} has no {{${key}}}, though an include gives it`);
  }
  const parts = [];
  let at = 0;
  for (const match of filled.matchAll(/^<!-- include: ([\w/.-]+)((?: [\w-]+=[\w-]+)*) -->\n/gm)) {
    const given = Object.fromEntries([...match[2].matchAll(/ ([\w-]+)=([\w-]+)/g)].map((pair) => [pair[1], pair[2]]));
    const part = await readFile(join(dir, match[1]), 'utf8');
    parts.push(filled.slice(at, match.index), await expandIncludes(dir, part, depth + 1, given, match[1]));
    at = match.index + match[0].length;
  }
  parts.push(filled.slice(at));
  return parts.join('');
}

// The data a role page's calculator starts with besides the bundle (the details and its task statements, named
// by the first two digits of the O*NET codes they hold: data/text/tasks-11.json), as boot.js asks for them when
// it starts the calculator.
async function startData({ out, rootPath, report }) {
  const parts = [...new Set(report.onets.map((onet) => `data/text/tasks-${onet.code.slice(0, 2)}.json`))].sort();
  for (const part of parts) {
    await access(join(out, part)).catch(() => {
      throw new Error(`${part}, the task statements of unit group ${report.soc}, is not in the site`);
    });
  }
  return ['data/details.json', ...parts].map((path) => `${rootPath}${path}`).join(' ');
}

/**
 * Writes index.html, occupations/index.html, methodology/index.html, occupation/<soc>/index.html for every unit group, 404.html and
 * 414.html into `out` from the templates in `out`/pages/ (removed once used). `calculator`: tools/site/core.mjs's.
 * `siteUrl`: the public address of the site's root. `shareImages`: soc -> the share image's path in the site, or an
 * empty map. Resolves to { written: the role page paths, viewModules: page kind -> the view modules its sections use }.
 */
export async function writePages({ out, calculator, siteUrl, shareImages = new Map() }) {
  const templatesDir = join(out, 'pages');
  const templates = {};
  for (const name of ['home', 'role', 'occupations', 'methodology', 'message']) {
    templates[name] = await expandIncludes(templatesDir, await readFile(join(templatesDir, `${name}.html`), 'utf8'));
  }
  const { renderPage, initialState, pageSections } = await import(pathToFileURL(join(out, 'ui', 'sections.js')).href);
  const { pageTitle } = await import(pathToFileURL(join(out, 'ui', 'head-view.js')).href);
  const { siteLinks } = await import(pathToFileURL(join(out, 'ui', 'site-links.js')).href);
  const links = siteLinks(siteUrl);
  const defaults = calculator.defaults();
  const made = calculator.snapshot(defaults);
  if (!made.ok) throw new Error(`the default assumptions do not apply: ${made.message}`);
  const snapshot = made.snapshot;

  // One page: its template's sections drawn from the defaults' snapshot and the page's state. The build's controls
  // wait for the calculator (ready: false); boot.js makes them usable in the browser.
  // Also notes the view modules each kind of page draws with: the browser loads those, and only those.
  const viewModules = {};
  const render = async (template, { page, soc = '', staticRows = Infinity }) => {
    const { document } = parseHTML(template);
    rootedAddresses(document, links.rootPath);
    document.documentElement.setAttribute('data-page', page);
    const state = { ...initialState({ page, defaults, links, ready: false, staticRows, staticTasks: ROLE_PAGE_TASKS,
                                      maxLinkBytes: MAX_REQUEST_LINE_BYTES }), soc };
    const sections = await pageSections(document);
    viewModules[page] ??= [...new Set(sections.map((section) => `ui/${section.module}`))];
    renderPage(document, sections, snapshot, state);
    return { document, report: soc ? snapshot.report(soc).report : null };
  };
  const serialize = (document) => `<!doctype html>\n${document.documentElement.outerHTML}\n`;
  const absolute = (path) => new URL(path.replace(/^\//, ''), new URL(links.rootPath, siteUrl)).href;
  const build = calculator.build;
  const siteDescription = 'For every UK occupation (SOC 2020 unit group): how much of its work large language ' +
    'models can do, how many people do it, what they earn and how much pay is exposed.';

  const home = await render(templates.home, { page: 'home', staticRows: HOME_TABLE_ROWS });
  sharingTags(home.document, {
    title: pageTitle(null), description: home.document.head.querySelector('meta[name="description"]').getAttribute('content'),
    url: siteUrl, image: null, imageAlt: '', type: 'website',
  });
  datasetJsonLd(home.document, { siteUrl, name: 'UK AI Exposure: AI exposure of UK occupations', description: siteDescription,
                                 url: siteUrl, build, sources: calculator.sources() });
  await writeFile(join(out, 'index.html'), serialize(home.document));

  const occupations = await render(templates.occupations, { page: 'occupations' });
  sharingTags(occupations.document, {
    title: occupations.document.title, description: occupations.document.head.querySelector('meta[name="description"]').getAttribute('content'),
    url: absolute(links.occupations()), image: null, imageAlt: '', type: 'website',
  });
  await mkdir(join(out, 'occupations'), { recursive: true });
  await writeFile(join(out, 'occupations', 'index.html'), serialize(occupations.document));

  const methodology = await render(templates.methodology, { page: 'methodology' });
  sharingTags(methodology.document, {
    title: methodology.document.title, description: methodology.document.head.querySelector('meta[name="description"]').getAttribute('content'),
    url: absolute(links.methodology()), image: null, imageAlt: '', type: 'article',
  });
  await mkdir(join(out, 'methodology'), { recursive: true });
  await writeFile(join(out, 'methodology', 'index.html'), serialize(methodology.document));

  const written = [];
  await mkdir(join(out, 'data', 'tasks'), { recursive: true });
  for (const group of calculator.unitGroups()) {
    const { document, report } = await render(templates.role, { page: 'role', soc: group.soc });
    if (!report) throw new Error(`no report for unit group ${group.soc}`);
    const url = absolute(links.role(group.soc));
    const image = shareImages.get(group.soc);
    sharingTags(document, {
      title: pageTitle(report), description: roleDescription(report), url,
      image: image ? absolute(`/${image}`) : null,
      imageAlt: `${report.title}: AI exposure ${report.scored ? `${report.scoreText}/10, ${report.band}` : 'not scored'}`,
      type: 'article',
    });
    datasetJsonLd(document, { siteUrl, name: `AI exposure of UK ${report.title} (SOC 2020 ${report.soc})`,
                              description: roleDescription(report), url, build, sources: calculator.sources() });
    document.documentElement.setAttribute('data-start-data', await startData({ out, rootPath: links.rootPath, report }));
    const path = join('occupation', group.soc, 'index.html');
    await mkdir(join(out, 'occupation', group.soc), { recursive: true });
    await writeFile(join(out, path), serialize(document));
    if (report.tasks.length > ROLE_PAGE_TASKS) {  // the page links the file for the tasks it does not list
      const tasks = snapshot.tasksCsv(group.soc);
      if (!tasks.ok) throw new Error(`the tasks of unit group ${group.soc}: ${tasks.message}`);
      await writeFile(join(out, 'data', 'tasks', `${group.soc}.csv`), tasks.csv);
    }
    written.push(path);
  }

  // Served for any address that names no file (404) and, with status 414, for a link longer than the servers
  // take (MAX_REQUEST_LINE_BYTES): every link in them is a path from the root already.
  await writeFile(join(out, '404.html'), serialize((await render(templates.message, { page: 'not-found' })).document));
  await writeFile(join(out, '414.html'), serialize((await render(templates.message, { page: 'too-long' })).document));
  await rm(templatesDir, { recursive: true });
  return { written, viewModules };
}
