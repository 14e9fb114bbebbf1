// The page's sections: each a view over the element its selector finds, drawn from a snapshot and its part of
// the page's state. The one list both renderers read: the site build draws every section a page template holds
// (tools/site/pages.mjs), and the browser registers the same sections with its render loop (app.js), so a page's
// HTML and its live drawing come from the same views under the same rule. A view's module is loaded only by a
// page that holds its section: a role page never downloads the treemap's.

import { BREAKDOWN_KINDS } from './chart-titles.js';

/**
 * The page's state, as both renderers hold it: `page` ('home', 'role', 'occupations', 'methodology', 'not-found',
 * 'too-long'),
 * `soc` (the role shown, or ''), `compare`, `assumptions`, `defaults`, `ready` (the calculator runs: controls
 * work), `textStatus`, `details` ('loading', 'ready' or 'failed': the details part, which carries the other
 * measures, as far as the page knows), `editing`, `taskId`, `ilo`, `threshold`, `filterTable`, `sort`, `filter`, `links`
 * (site-links.js), `staticRows` and `staticTasks` (the build: how many table rows and tasks the HTML holds;
 * Infinity live, where only those in view are drawn), `maxLinkBytes` (what the too-long page says), `breakdowns`
 * (the state of the breakdowns' data, fetched when a view first needs them: { status: 'idle' | 'loading' | 'ready'
 * | 'failed', message }).
 */
export function initialState({ page, defaults, links, ready, details = 'ready', staticRows = Infinity, staticTasks = Infinity,
                               maxLinkBytes = 0 }) {
  return {
    page, soc: '', compare: [], assumptions: defaults, defaults, ready, textStatus: 'ready', details, editing: '', taskId: 0, ilo: null,
    threshold: 6, filterTable: false, sort: { key: 'score', descending: true }, filter: { text: '', major: '', range: '', bridge: '' },
    links, staticRows, staticTasks, maxLinkBytes, breakdowns: { status: 'idle', message: '' },
  };
}

// The address of a page of the site with the assumptions of `snapshot` as its query.
const withQuery = (href, snapshot) => (snapshot.query ? `${href}?${snapshot.query}` : href);

/**
 * Every section: `name`, `selector` (its root; a page without it has no such section), `module` and `render`
 * (the view: its module, beside this one, and the function in it), `select(state)` (the view's state; compared key by key, so a section whose part did not change is not drawn
 * again) and `always` (drawn in every frame where it is stale, on screen or not: the first screen, and the
 * layout, which shows and hides the others).
 */
export const SECTIONS = [
  { name: 'layout', selector: 'body', module: 'layout-view.js', render: 'renderLayout', always: true,
    select: (s) => ({ page: s.page, soc: s.soc, compare: s.compare, homeHref: s.links.home(), maxLinkBytes: s.maxLinkBytes }) },
  { name: 'head', selector: 'head', module: 'head-view.js', render: 'renderHead', always: true, select: (s) => ({ page: s.page, soc: s.soc }) },
  { name: 'site-links', selector: 'body', module: 'site-links-view.js', render: 'renderSiteLinks', always: true,
    select: (s) => ({ page: s.page, home: s.links.home(), methodology: s.links.methodology(), withQuery }) },
  { name: 'assumptions', selector: '#assumptions', module: 'assumptions-view.js', render: 'renderAssumptions', always: true,
    select: (s) => ({ defaults: s.defaults, ready: s.ready }) },
  { name: 'role', selector: '#role-head', module: 'role-view.js', render: 'renderRole', always: true,
    select: (s) => ({ soc: s.soc, ready: s.ready, details: s.details }) },
  { name: 'role-provenance', selector: '#role-provenance', module: 'provenance-view.js', render: 'renderProvenance', always: true,
    select: (s) => ({ kind: 'role', soc: s.soc, taskId: s.taskId, href: s.links.role(s.soc), ready: s.ready }) },
  { name: 'role-who', selector: '#role-who', module: 'role-who-view.js', render: 'renderRoleWho',
    select: (s) => ({ soc: s.soc, breakdowns: s.breakdowns }) },
  { name: 'measures', selector: '#measures', module: 'measures-view.js', render: 'renderMeasures',
    select: (s) => ({ soc: s.soc, ready: s.ready, details: s.details, ilo: s.ilo }) },
  { name: 'tasks', selector: '#tasks', module: 'tasks-view.js', render: 'renderTasks',
    select: (s) => ({ soc: s.soc, ready: s.ready, textStatus: s.textStatus, editing: s.editing, staticTasks: s.staticTasks,
                      tasksFile: s.links.tasksFile }) },
  { name: 'start', selector: '#start', module: 'start-view.js', render: 'renderStart', select: (s) => ({ soc: s.soc, textStatus: s.textStatus }) },
  { name: 'bridge', selector: '#bridge', module: 'bridge-view.js', render: 'renderBridge', select: (s) => ({ soc: s.soc }) },
  { name: 'compare', selector: '#compare', module: 'compare-view.js', render: 'renderCompare', select: (s) => ({ compare: s.compare }) },
  { name: 'treemap', selector: '#treemap-figure', module: 'treemap-view.js', render: 'renderTreemap',
    select: (s) => ({ selectedSoc: s.soc, threshold: s.threshold, roleHref: s.links.role, missingAs: 'links' }) },
  { name: 'totals', selector: '#uk-totals', module: 'totals-view.js', render: 'renderTotals', select: () => ({}) },
  { name: 'totals-provenance', selector: '#totals-provenance', module: 'provenance-view.js', render: 'renderProvenance', always: true,
    select: (s) => ({ kind: 'totals', href: s.links.home(), ready: s.ready }) },
  { name: 'threshold', selector: '#threshold', module: 'threshold-view.js', render: 'renderThreshold',
    select: (s) => ({ threshold: s.threshold, filterTable: s.filterTable, ready: s.ready }) },
  { name: 'groups', selector: '#groups-chart', module: 'group-bars-view.js', render: 'renderGroupBars', select: () => ({ tableHref: '#occupations-table' }) },
  { name: 'distribution', selector: '#distribution-figure', module: 'distribution-view.js', render: 'renderDistribution', select: (s) => ({ selectedSoc: s.soc }) },
  { name: 'table', selector: '#occupations', module: 'table-view.js', render: 'renderTable',
    select: (s) => ({ selectedSoc: s.soc, sort: s.sort, filter: s.filter, threshold: s.filterTable ? s.threshold : null,
                      ready: s.ready, measureColumns: s.staticRows === Infinity, roleHref: s.links.role, staticRows: s.staticRows,
                      allHref: s.links.occupations() }) },
  // Who is exposed: the breakdowns, each drawn from the core's figures once their data are in (breakdown-parts.js).
  ...BREAKDOWN_KINDS.filter((kind) => kind !== 'region').map((kind) => ({
    name: `who-${kind}`, selector: `#who-${kind}`, module: 'breakdown-bars-view.js', render: 'renderBreakdownBars',
    select: (s) => ({ kind, breakdowns: s.breakdowns, ready: s.ready }),
  })),
  { name: 'who-region', selector: '#who-region', module: 'breakdown-tiles-view.js', render: 'renderBreakdownTiles',
    select: (s) => ({ breakdowns: s.breakdowns, ready: s.ready }) },
  { name: 'who-provenance', selector: '#who-provenance', module: 'provenance-view.js', render: 'renderProvenance', always: true,
    select: (s) => ({ kind: 'breakdowns', kinds: BREAKDOWN_KINDS, href: s.links.home(), ready: s.ready }) },
];

/**
 * The sections `doc` holds, in order, each with its view's module loaded: the section's fields, `view` (the
 * module, whose wireX functions the page uses) and `render` (the function).
 */
export async function pageSections(doc) {
  const present = SECTIONS.filter((section) => doc.querySelector(section.selector));
  const modules = await Promise.all(present.map((section) => import(new URL(section.module, import.meta.url).href)));
  return present.map((section, i) => Object.freeze({ ...section, view: modules[i], render: modules[i][section.render] }));
}

/** Draws `sections` (pageSections' of `doc`) from `snapshot` and `state`, in order (the build's one render of a page). */
export function renderPage(doc, sections, snapshot, state) {
  for (const section of sections) section.render(doc.querySelector(section.selector), snapshot, section.select(state));
}
