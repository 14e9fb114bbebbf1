// Pre-renders the calculator's pages at site assembly: the home page, a page per unit group at
// occupation/<soc>/ and the not-found page, each with every default figure in its HTML. The view code is the
// page's own (web/ui/page-view.js), run here over a DOM without layout (linkedom) with the same core the
// browser runs (tools/site/core.mjs); only the head's sharing tags are written here. Deterministic: the same
// inputs give the same bytes.
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { parseHTML } from 'linkedom';

import { MAX_REQUEST_LINE_BYTES } from './headers.mjs';
import { useTreemapImage, writeTreemapImage } from './treemap-image.mjs';

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
    document.head.insertBefore(headElement(document, 'link', { rel: 'preload', href: `${rootPath}${part}`, as: 'fetch',
                                                               crossorigin: 'anonymous' }), anchor);
  }
}

function headElement(document, tag, attributes) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

// Title, description, canonical address and the Open Graph and Twitter card tags; `image` is absolute or null.
function sharingTags(document, { title, description, url, image, imageAlt, type }) {
  const head = document.head;
  head.querySelector('title').textContent = title;
  head.querySelector('meta[name="description"]').setAttribute('content', description);
  const tags = [
    headElement(document, 'link', { rel: 'canonical', href: url }),
    headElement(document, 'meta', { property: 'og:type', content: type }),
    headElement(document, 'meta', { property: 'og:site_name', content: 'UK AI Exposure' }),
    headElement(document, 'meta', { property: 'og:title', content: title }),
    headElement(document, 'meta', { property: 'og:description', content: description }),
    headElement(document, 'meta', { property: 'og:url', content: url }),
    headElement(document, 'meta', { property: 'og:locale', content: 'en_GB' }),
    headElement(document, 'meta', { name: 'twitter:card', content: image ? 'summary_large_image' : 'summary' }),
    headElement(document, 'meta', { name: 'twitter:title', content: title }),
    headElement(document, 'meta', { name: 'twitter:description', content: description }),
  ];
  if (image) {
    tags.push(headElement(document, 'meta', { property: 'og:image', content: image }),
              headElement(document, 'meta', { property: 'og:image:type', content: 'image/png' }),
              headElement(document, 'meta', { property: 'og:image:width', content: '1200' }),
              headElement(document, 'meta', { property: 'og:image:height', content: '630' }),
              headElement(document, 'meta', { property: 'og:image:alt', content: imageAlt }),
              headElement(document, 'meta', { name: 'twitter:image', content: image }),
              headElement(document, 'meta', { name: 'twitter:image:alt', content: imageAlt }));
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
  const script = headElement(document, 'script', { type: 'application/ld+json' });
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
 * group and 404.html into `out`. `calculator`: tools/site/core.mjs's, under the defaults. `siteUrl`: the public
 * address of the site's root. `shareImages`: soc -> the share image's path in the site, or an empty map.
 * Resolves to the list of role page paths written.
 */
export async function writePages({ out, calculator, siteUrl, shareImages = new Map() }) {
  const template = await readFile(join(out, 'index.html'), 'utf8');
  const { PageView, pageTitle } = await import(pathToFileURL(join(out, 'ui/page-view.js')).href);
  const { siteLinks } = await import(pathToFileURL(join(out, 'ui/site-links.js')).href);
  const links = siteLinks(siteUrl);
  const defaults = calculator.defaults();
  const status = calculator.apply(defaults);
  if (!status.ok) throw new Error(`the default assumptions do not apply: ${status.message}`);

  // The views reach the document through the `document` global, as in the browser: it is this page's, one page
  // at a time.
  const render = (soc, { staticRows, page }) => {
    // A page that lists every row lists the occupations the treemap cannot draw too; the others say how many.
    const missingAs = staticRows === Infinity ? 'links' : 'count';
    const { document } = parseHTML(template);
    globalThis.document = document;
    try {
      rootedAddresses(document, links.rootPath);
      document.documentElement.setAttribute('data-page', page);
      const view = new PageView(calculator, { live: false, links, staticRows, staticTasks: ROLE_PAGE_TASKS, missingAs });
      const report = view.render({ soc, compare: [], assumptions: defaults });
      return { document, report };
    } finally {
      delete globalThis.document;
    }
  };
  const serialize = (document) => `<!doctype html>\n${document.documentElement.outerHTML}\n`;
  const absolute = (path) => new URL(path.replace(/^\//, ''), new URL(links.rootPath, siteUrl)).href;
  const build = calculator.build;
  const siteDescription = 'For every UK occupation (SOC 2020 unit group): how much of its work large language ' +
    'models can do, how many people do it, what they earn and how much pay is exposed.';

  const home = render('', { staticRows: Infinity, page: 'home' });
  sharingTags(home.document, {
    title: pageTitle(null), description: home.document.head.querySelector('meta[name="description"]').getAttribute('content'),
    url: siteUrl, image: null, imageAlt: '', type: 'website',
  });
  datasetJsonLd(home.document, { siteUrl, name: 'UK AI Exposure: AI exposure of UK occupations', description: siteDescription,
                                 url: siteUrl, build, sources: calculator.sources() });
  await writeFile(join(out, 'index.html'), serialize(home.document));
  const treemapHref = `${links.rootPath}${await writeTreemapImage(out, home.document)}`;

  const written = [];
  await mkdir(join(out, 'data', 'tasks'), { recursive: true });
  for (const group of calculator.unitGroups()) {
    const { document, report } = render(group.soc, { staticRows: ROLE_PAGE_TABLE_ROWS, page: 'role' });
    if (!report) throw new Error(`no report for unit group ${group.soc}`);
    useTreemapImage(document, treemapHref);
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
    await preloadTextParts(document, { out, rootPath: links.rootPath, report });
    const path = join('occupation', group.soc, 'index.html');
    await mkdir(join(out, 'occupation', group.soc), { recursive: true });
    await writeFile(join(out, path), serialize(document));
    if (report.tasks.length > ROLE_PAGE_TASKS) {  // the page links the file for the tasks it does not list
      const tasks = calculator.tasksCsv(group.soc);
      if (!tasks.ok) throw new Error(`the tasks of unit group ${group.soc}: ${tasks.message}`);
      await writeFile(join(out, 'data', 'tasks', `${group.soc}.csv`), tasks.csv);
    }
    written.push(path);
  }

  // Served for any address that names no file, at any depth: every link in it is a path from the root already.
  const notFound = render('', { staticRows: ROLE_PAGE_TABLE_ROWS, page: 'not-found' });
  const { document } = notFound;
  useTreemapImage(document, treemapHref);
  document.head.querySelector('title').textContent = 'Page not found · UK AI Exposure';
  document.head.querySelector('meta[name="description"]').setAttribute('content', 'This page does not exist.');
  document.head.append(headElement(document, 'meta', { name: 'robots', content: 'noindex' }));
  const empty = document.querySelector('#empty-state');
  empty.setAttribute('aria-label', 'Page not found');
  empty.querySelector('h2').textContent = 'No page here';
  empty.querySelector('p').textContent = 'This address names no page of the calculator: an occupation code may be ' +
    'mistyped (SOC 2020 unit groups have four digits, such as 1137). Search for an occupation above, or pick one ' +
    'from the table of all UK occupations below.';
  await writeFile(join(out, '404.html'), serialize(document));
  const tooLong = render('', { staticRows: ROLE_PAGE_TABLE_ROWS, page: 'too-long' }).document;
  useTreemapImage(tooLong, treemapHref);
  await writeFile(join(out, '414.html'), serialize(tooLongPage(tooLong, links)));
  return written;
}

// Served with status 414, at any address, for a link longer than the servers take (MAX_REQUEST_LINE_BYTES of
// headers.mjs): the home page's form with the notice the live page shows for a link past the core's own limit,
// readable without JavaScript. It has that notice's key, so the live page's notice takes its place.
function tooLongPage(document, links) {
  document.head.querySelector('title').textContent = 'Link too long · UK AI Exposure';
  document.head.querySelector('meta[name="description"]').setAttribute('content', 'This link is too long to open.');
  document.head.append(headElement(document, 'meta', { name: 'robots', content: 'noindex' }));
  const notice = headElement(document, 'div', { class: 'notice notice--warning', 'data-key': 'link:too-long', 'data-scope': 'view' });
  const text = headElement(document, 'p', { class: 'notice__text' });
  text.append('The link is too long for the server (more than ' +
    `${MAX_REQUEST_LINE_BYTES.toLocaleString('en-GB')} characters), so none of it was used: the calculator shows ` +
    'the default assumptions. ');
  const home = headElement(document, 'a', { class: 'link', href: links.home() });
  home.textContent = 'Go to the home page';
  text.append(home, '.');
  notice.append(text, headElement(document, 'button', { type: 'button', class: 'notice__close needs-js',
                                                        'aria-label': 'Dismiss this notice' }));
  document.querySelector('#notices').append(notice);
  const empty = document.querySelector('#empty-state');
  empty.setAttribute('aria-label', 'Link too long');
  empty.querySelector('h2').textContent = 'This link is too long to open';
  empty.querySelector('p').textContent = 'A link to the calculator carries its assumptions; this one is longer than any ' +
    'the calculator makes, so none of it was used. Search for an occupation above, or pick one from the table of all ' +
    'UK occupations below.';
  return document;
}
