// The calculator, started by boot.js when a visitor first reaches for a control or the browser is idle: every page
// of the site arrives pre-rendered (the build draws the sections of ui/sections.js over the page's template); this
// module loads the shared calculator, restores the state the address carries (the role from the path,
// /occupation/1137/, the assumptions from the query), applies what the visitor did while it loaded, and from then
// on keeps one state: every input changes it and asks for a frame, in which each section on screen whose figures
// or view state changed is drawn again from the snapshot of the assumptions in force (ui/render-loop.js).
import { loadCalculator, timing } from './aiexp-loader.js';
import { copyText, download } from './ui/browser.js';
import { wireChartActions } from './ui/chart-actions.js';
import { setText } from './ui/dom.js';
import { Notices } from './ui/notices.js';
import { RenderLoop } from './ui/render-loop.js';
import { RolePicker } from './ui/role-picker.js';
import { BREAKDOWN_KINDS, CHART_TITLES } from './ui/chart-titles.js';
import { initialState, pageSections } from './ui/sections.js';
import { roleFromPath, siteLinks } from './ui/site-links.js';

const URL_WRITE_DELAY_MS = 250;  // browsers throttle history updates; a slider drag needs only the last one
// A data part a view lacks is fetched once the inputs pause this long: a slider drag needs it only where it stops,
// and its arrival, which draws the page again, does not land among the frames of the drag.
const PART_FETCH_DELAY_MS = 250;
const MEASURE_NAMES = { ilo2025: 'The ILO 2025 index', ilo2023: 'The ILO 2023 index', microsoft: "Microsoft's applicability score" };

// What a visitor can still do when a part of the calculator did not arrive: the page is pre-rendered.
const STILL_READABLE = 'The figures shown are the defaults and stay readable; reload the page to try again.';

// A link's refused parts as { kind, reason }: the core names each part's kind.
function linkProblems(decoded) {
  return decoded.rejections.map((r) => ({ kind: String(r.kind || 'invalid-value'), reason: String(r.reason) }));
}

class App {
  #calc;
  #sections;
  #links;
  #loop;
  #notices;
  #urlTimer = 0;
  #pushNext = false;
  #provenance;
  #doc = document;

  /** `sections`: pageSections() of this page, their views loaded. */
  constructor(calculator, sections, links, notices) {
    this.#calc = calculator;
    this.#sections = sections;
    this.#links = links;
    this.#notices = notices;
    const page = this.#doc.documentElement.dataset.page || 'home';
    this.#loop = new RenderLoop({
      state: initialState({ page, defaults: calculator.defaults(), links, ready: true,
                            details: calculator.hasDetails ? 'ready' : 'loading' }),
      snapshotOf: (s) => this.#snapshot(s.assumptions),
      onDrawn: (s, snapshot, needs) => this.#drawn(s, snapshot, needs),
    });
    for (const section of sections) {
      this.#loop.add(section.name, this.#doc.querySelector(section.selector), section.render,
                     { select: section.select, always: section.always });
    }
    this.#wire();
    window.addEventListener('popstate', () => this.restore(location, { fromHistory: true }));
  }

  /** Whether this page shows a role itself (a role page), rather than linking to the role's page. */
  get #showsRoles() {
    return Boolean(this.#doc.querySelector('#occupation'));
  }

  get #state() {
    return this.#loop.state;
  }

  #update(change) {
    this.#loop.update(change);
  }

  // Assumptions the core accepted once are accepted again: their snapshot is cached or made from scratch.
  #snapshot(assumptions) {
    const result = this.#calc.snapshot(assumptions);
    if (!result.ok) throw new Error(`the assumptions in force were refused: ${result.message}`);
    return result.snapshot;
  }

  /** Frames drawn so far and how long the last one's rendering took, for the in-page benchmark and the tests. */
  get renderCount() {
    return this.#loop.frames;
  }

  get lastRenderMs() {
    return this.#loop.lastFrameMs;
  }

  /** How many times the section `name` was drawn. */
  draws(name) {
    return this.#loop.draws(name);
  }

  /** Resolves once the frame asked for (if any) has been drawn. */
  settled() {
    return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  }

  // The module of this page's section `name` (its wireX functions), or null where the page has no such section.
  #view(name) {
    return this.#sections.find((section) => section.name === name)?.view ?? null;
  }

  // Wires the sections this page holds: each wireX, from the section's own view module, turns input inside its
  // root into a change of the state.
  #wire() {
    const doc = this.#doc;
    const $ = (selector) => doc.querySelector(selector);
    const when = (selector, wire) => {
      const root = $(selector);
      return root ? wire(root) : null;
    };
    const section = (name, wire) => {
      const found = this.#sections.find((candidate) => candidate.name === name);
      return found ? wire($(found.selector), found.view) : null;
    };
    const change = (fn) => this.#setAssumptions(fn(this.#state.assumptions));
    section('assumptions', (root, view) => view.wireAssumptions(root, { change, defaults: this.#calc.defaults() }));
    section('role', (root) => this.#wireRoleActions(root));
    this.#provenance = section('role-provenance', (root, view) => view.wireProvenance(root));
    section('totals-provenance', (root, view) => view.wireProvenance(root));
    section('who-provenance', (root, view) => view.wireProvenance(root));
    section('measures', (root, view) => view.wireMeasures(root, { loadIlo: () => this.#loadIlo(), redraw: () => this.#loop.invalidate('measures') }));
    section('tasks', (root, view) => view.wireTasks(root, {
      changeTask: (task, patch) => this.#changeTask(task, patch),
      edit: (key) => this.#update((s) => ({ ...s, editing: key })),
      showSource: (taskId) => {
        this.#update((s) => ({ ...s, taskId }));
        const panels = this.#sections.find((candidate) => candidate.name === 'role-provenance');
        this.#provenance.showTask(this.#snapshot(this.#state.assumptions), panels.select(this.#state));
      },
      invalidate: () => this.#loop.invalidate('tasks'),
      report: () => {
        const result = this.#snapshot(this.#state.assumptions).report(this.#state.soc);
        return result.ok ? result.report : null;
      },
    }));
    section('compare', (root, view) => view.wireCompare(root, { open: (soc) => this.open(soc, { focus: true }),
                                                                remove: (soc) => this.#removeCompared(soc) }));
    section('threshold', (root, view) => view.wireThreshold(root, { change: (patch) => this.#update((s) => ({ ...s, ...patch })) }));
    section('treemap', (root, view) => view.wireTreemap(root, {
      open: (soc) => this.open(soc, { focus: true }),
      describe: (index) => {
        const snapshot = this.#snapshot(this.#state.assumptions);
        const unit = snapshot.units[index];
        const [row] = snapshot.rows([index]);
        return { heading: unit.title, text: `${unit.employeesText} employees · exposure ${row.scoreText}${row.band ? ` (${row.band})` : ''}`
                                            + ` · wage exposure ${row.wageExposureText}` };
      },
    }));
    section('groups', (root, view) => view.wireGroupBars(root, {
      filter: (code) => {
        this.#update((s) => ({ ...s, filter: { ...s.filter, major: String(code) } }));
        $('#occupations .table-scroll').scrollIntoView({ block: 'start' });
        $('#table-major').focus({ preventScroll: true });
      },
    }));
    section('table', (root, view) => {
      view.wireTable(root, {
        change: (patch) => this.#update((s) => ({ ...s, ...patch })),
        open: (soc) => this.open(soc, { focus: true }),
        invalidate: () => this.#loop.invalidate('table'),
        sortOf: () => this.#state.sort,
        filterOf: () => this.#state.filter,
      });
      root.querySelector('#table-csv').addEventListener('click', () => {
        const snapshot = this.#snapshot(this.#state.assumptions);
        const { sort, filter, filterTable, threshold } = this.#state;
        const socs = view.tableRows(snapshot, { sort, filter, threshold: filterTable ? threshold : null }).map((i) => snapshot.units[i].soc);
        download(doc, 'uk-ai-exposure-occupations.csv', snapshot.tableCsv(socs));
      });
    });
    // The home page's example roles are what an empty search suggests.
    const examples = [...doc.querySelectorAll('#examples [data-soc]')].map((chip) => chip.dataset.soc);
    when('#picker', (root) => new RolePicker(root, this.#calc, (soc) => this.open(soc, { focus: false }), { examples }));
    // A chart is drawn with the figures in force before it is exported, wherever it is on the page.
    const chart = (name, selector) => () => this.#loop.ensure(name) ?? { svg: $(selector), title: CHART_TITLES[name] };
    wireChartActions($('#main'), {
      charts: {
        treemap: chart('treemap', '#treemap'),
        groups: chart('groups', '#groups-chart'),
        distribution: chart('distribution', '#chart'),
        compare: chart('compare', '#compare-chart'),
      },
      describe: (kind) => this.#describeChart(kind),  // resolves: the measures' source lines load with the first export
      // The snippet writer loads on the first "Embed" click: no visitor who does not embed downloads it.
      embed: async (kind) => (await import('./ui/embed-code.js')).chartEmbedSnippet(kind, kind === 'compare' ? this.#state.compare : [],
                                                                                   this.#snapshot(this.#state.assumptions).query),
      embedOnly: BREAKDOWN_KINDS,
      notices: this.#notices,
    });
    // Each breakdown downloads as CSV, its data fetched first if no view has needed them yet.
    when('#who', (root) => root.addEventListener('click', (event) => {
      const button = event.target.closest('[data-breakdown-csv]');
      if (button) this.#breakdownCsv(button.dataset.breakdownCsv);
    }));
    // The examples are links to the roles' pages; a plain click opens the role, keeping the assumptions.
    when('#examples', (root) => root.addEventListener('click', (event) => {
      const chip = event.target.closest('[data-soc]');
      if (!chip || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      this.open(chip.dataset.soc, { focus: true });
    }));
  }

  #wireRoleActions(root) {
    const doc = this.#doc;
    root.addEventListener('click', async (event) => {
      const button = event.target.closest('[data-action]');
      if (!button) return;
      const action = button.dataset.action;
      if (action === 'copy-link') {
        this.#writeUrl();
        this.#notices.notify((await copyText(location.href)) ? 'Link copied. It opens this exact view, assumptions included.'
                                                               : `Copy this link: ${location.href}`);
      } else if (action === 'compare') {
        const { soc, compare } = this.#state;
        if (compare.includes(soc)) return this.#notices.notify('This occupation is already in the comparison.');
        const most = this.#calc.grammar().maxCompared;
        if (compare.length >= most) {
          return this.#notices.notify(`Up to ${most} occupations can be compared; remove one first.`, 'warning');
        }
        this.#update((s) => ({ ...s, compare: [...compare, soc] }));
        this.#loop.invalidate('compare');  // drawn in the frame that scrolls it into view
        requestAnimationFrame(() => doc.querySelector('#compare').scrollIntoView({ block: 'nearest' }));
      } else if (action === 'tasks-csv') {
        const csv = this.#snapshot(this.#state.assumptions).tasksCsv(this.#state.soc);
        if (csv.ok) download(doc, `uk-ai-exposure-${this.#state.soc}-tasks.csv`, csv.csv);
        else this.#notices.notify(csv.message, 'warning');
      } else if (action === 'embed') {
        const box = doc.querySelector('#embed-box');
        const code = doc.querySelector('#embed-code');
        const snapshot = this.#snapshot(this.#state.assumptions);
        const report = snapshot.report(this.#state.soc).report;
        try {
          const { embedPageUrl, embedSnippet } = await import('./ui/embed-code.js');
          // Every assumption of the page, task changes and the exact wage option included (the link's query).
          box.querySelector('[data-part="embed-page"]').href = embedPageUrl(this.#state.soc, snapshot.query);
          code.value = await embedSnippet(this.#state.soc, report.title, snapshot.query);
          box.hidden = false;
          code.focus();
        } catch (error) {
          this.#notices.notify(`The embed code could not be made (${error.message}).`, 'warning');
        }
      } else if (action === 'copy-embed') {
        const code = doc.querySelector('#embed-code');
        this.#notices.notify((await copyText(code.value)) ? 'Embed code copied.' : 'Select the code and copy it.');
        code.select();
      }
    });
  }

  /**
   * Restores the state of an address (`location`): the role of its path, or of a `soc` parameter (the links of
   * the earlier single page), and the assumptions of its query. What cannot be used is reported, the rest applied.
   */
  async restore({ pathname, search }, { fromHistory = false } = {}) {
    this.#notices.clear({ scope: 'view' });  // going back or forward leaves the view the notices were about
    let query = search;
    let keepAddress = false;
    // Another measure than Eloundou, and task changes (which name task ids), come with the details: a link with
    // either waits for them, and without them opens without that part, saying why.
    const needsDetails = [
      [/(^|[?&])measure=(?!eloundou(&|$))/, /(^|[?&])measure=[^&]*/g, 'link:measure-unavailable',
       (why) => `The link's measure (measure=) was not applied: the other measures could not be downloaded (${why}). `
                + 'The page shows the Eloundou score; reload the page to try again.'],
      [/(^|[?&])(?:t|tasks)=/, /(^|[?&])(?:t|tasks)=[^&]*/g, 'link:tasks-unavailable',
       (why) => `The task changes in the link (t=) were not applied: the task details could not be downloaded (${why}). `
                + 'The other assumptions of the link are applied; reload the page to try again.'],
    ];
    for (const [asks, part, key, message] of needsDetails) {
      if (!asks.test(search)) continue;
      const details = await this.#calc.ensureDetails();
      if (details.ok) continue;
      query = query.replace(part, '$1');
      keepAddress = true;
      this.#notices.notify(message(details.detail ?? details.message), 'warning', { timeout: 0, key, scope: 'view' });
    }
    const decoded = this.#calc.decodeState(query);
    if (!decoded.ok) return;
    notifyLinkProblems(this.#notices, linkProblems(decoded));
    let assumptions = decoded.assumptions;
    const applied = this.#calc.snapshot(assumptions);
    if (!applied.ok) {
      this.#notices.notify(applied.message, 'warning', { timeout: 0, key: 'link:assumptions', scope: 'view' });
      assumptions = this.#calc.defaults();
    }
    const compare = decoded.compare;  // the core keeps at most grammar().maxCompared, and says so
    // A link of the earlier single page (/?soc=1137&..., /?cmp=2132) opens the role's own page, as the servers'
    // redirect does where there is one, by the same rule: the last soc= of the link names the page, any other stays
    // in its query for the role page to name as left out.
    if (!this.#showsRoles && (decoded.soc || compare.length)) {
      const params = search.replace(/^\?/, '').split('&');
      const last = params.findLastIndex((param) => param === `soc=${decoded.soc}`);
      const [soc, rest] = decoded.soc && last >= 0
        ? [decoded.soc, params.filter((_, i) => i !== last).join('&')]
        : [decoded.soc || compare[0], this.#snapshot(assumptions).encode('', compare)];
      location.replace(`${this.#links.role(soc)}${rest ? `?${rest}` : ''}${location.hash}`);
      return;
    }
    // A role page's role is its path; a path naming no unit group is the not-found page's, which shows no role.
    const fromPath = roleFromPath(pathname, this.#links);
    const soc = fromPath && this.#snapshot(assumptions).report(fromPath).ok ? fromPath : '';
    // The path wins over a soc= in the query, which is named as left out (written links never carry one).
    if (soc && decoded.soc && decoded.soc !== soc) {
      const title = (code) => this.#snapshot(assumptions).report(code).report?.title ?? code;
      this.#notices.notify(`The link names two occupations: this page shows ${title(soc)} (SOC 2020 ${soc}), the one in its `
        + `address; soc=${decoded.soc} (${title(decoded.soc)}) in its query was left out.`, 'warning',
      { timeout: 0, key: 'link:soc', scope: 'view' });
    }
    if (!fromHistory) this.#pushNext = false;
    this.#writeNext = !fromHistory && !keepAddress && !(fromPath && !soc);
    this.#update((s) => ({ ...s, soc, compare, assumptions, editing: '' }));
  }

  #writeNext = false;

  /**
   * Shows a role: here on a role page (the address follows), else by going to the role's page with the assumptions
   * in force.
   */
  open(soc, { focus }) {
    if (soc === this.#state.soc) return;
    if (!this.#showsRoles) {
      const query = this.#snapshot(this.#state.assumptions).query;
      location.assign(`${this.#links.role(soc)}${query ? `?${query}` : ''}`);
      return;
    }
    this.#notices.clear({ scope: 'view' });  // what was said about the link or the last view is about the view left
    this.#pushNext = true;
    this.#writeNext = true;
    this.#update((s) => ({ ...s, soc, editing: '', taskId: 0, page: s.page === 'home' || s.page === 'role' ? s.page : 'home' }));
    if (focus) {
      requestAnimationFrame(() => {
        const heading = this.#doc.querySelector('#occupation-title');
        heading.scrollIntoView({ block: 'start' });
        heading.focus({ preventScroll: true });
      });
    }
  }

  /** Draws the state now (the first render, which the page waits for). */
  drawNow() {
    this.#loop.drawNow();
  }

  /** Draws every section again in the next frame (the tests check that a redraw keeps focus and figures). */
  redrawAll() {
    this.#loop.invalidateAll();
  }

  /** Draws again: a data part arrived, so the snapshot of the same assumptions has more in it. */
  refresh() {
    this.#loop.request();
  }

  /** The details part's download ended (`status`: the calculator's): what waited for it says the outcome. */
  detailsSettled(status) {
    const details = status.ok ? 'ready' : 'failed';
    if (this.#state.details !== details) this.#update((s) => ({ ...s, details }));
    else if (status.ok) this.refresh();
  }

  async #setAssumptions(assumptions) {
    this.#notices.clear({ scope: 'view' });
    if (assumptions.measure !== 'eloundou' && !this.#calc.hasDetails) {
      // The other measures come with the details, which the home page fetches after its first view.
      const details = await this.#calc.ensureDetails();
      if (!details.ok) {
        this.#notices.notify(`${MEASURE_NAMES[assumptions.measure] ?? assumptions.measure} could not be shown: its figures could `
          + `not be downloaded (${details.detail ?? details.message}). The headline stays on the current measure; try again in a `
          + 'minute or reload the page.', 'warning', { key: 'data:measures', scope: 'view' });
        this.#loop.invalidate('assumptions');  // the form goes back to the measure in force
        return;
      }
    }
    const result = this.#calc.snapshot(assumptions);
    if (!result.ok) {
      this.#notices.notify(result.message, 'warning', { key: 'assumptions', scope: 'view' });
      this.#loop.invalidate('assumptions');
      return;
    }
    this.#writeNext = true;
    this.#update((s) => ({ ...s, assumptions }));
  }

  #changeTask(task, patch) {
    const assumptions = this.#state.assumptions;
    const existing = assumptions.overrides.find((o) => o.id === task.id) ?? { id: task.id, label: null, weight: null };
    const overrides = assumptions.overrides.filter((o) => o.id !== task.id);
    if (patch) {
      const next = { ...existing };
      if ('label' in patch) next.label = patch.label === task.sourceLabel ? null : patch.label;
      if ('weight' in patch) next.weight = patch.weight;
      if (next.label !== null || next.weight !== null) overrides.push(next);
    }
    this.#setAssumptions({ ...assumptions, overrides });
  }

  #removeCompared(soc) {
    const compare = this.#state.compare.filter((code) => code !== soc);
    this.#writeNext = true;
    this.#update((s) => ({ ...s, compare }));
    if (compare.length === 0) {
      // The section goes: focus moves to the button that adds a role (or the role search, when no role is open).
      requestAnimationFrame(() => {
        const add = this.#doc.querySelector('#occupation:not([hidden]) [data-action="compare"]');
        (add ?? this.#doc.querySelector('#role-search')).focus();
      });
    }
  }

  async #loadIlo() {
    const result = this.#snapshot(this.#state.assumptions).measures(this.#state.soc);
    const isco = result.ok ? result.measures.iloIsco : '';
    if (!isco || (this.#state.ilo?.isco === isco && this.#state.ilo.status !== 'failed')) return;
    this.#update((s) => ({ ...s, ilo: { isco, status: 'loading', slow: false } }));
    // Past the slow time the list says it is taking longer; the download itself ends within its bounded tries.
    const slow = setTimeout(() => {
      if (this.#state.ilo?.isco === isco && this.#state.ilo.status === 'loading') this.#update((s) => ({ ...s, ilo: { ...s.ilo, slow: true } }));
    }, timing.slowMs);
    const tasks = await this.#calc.iloTasks(isco);
    clearTimeout(slow);
    if (this.#state.ilo?.isco !== isco) return;  // the visitor moved on meanwhile
    this.#update((s) => ({ ...s, ilo: tasks.ok ? { isco, status: 'ready', tasks: tasks.tasks, title: tasks.title }
                                                : { isco, status: 'failed', message: tasks.detail ?? tasks.message } }));
  }

  // After every frame: the address follows the view, and the task statements the roles on screen need and the data
  // parts its views lacked (`needs`) are fetched.
  #drawn(state, snapshot, needs = new Set()) {
    if (this.#writeNext) {
      this.#writeNext = false;
      clearTimeout(this.#urlTimer);
      this.#urlTimer = setTimeout(() => this.#writeUrl(), URL_WRITE_DELAY_MS);
    }
    this.#loadTexts(state, snapshot);
    if (needs.has('breakdowns')) {
      clearTimeout(this.#breakdownsTimer);
      this.#breakdownsTimer = setTimeout(() => this.#loadBreakdowns(), PART_FETCH_DELAY_MS);
    }
  }

  #breakdownsTimer = 0;
  #breakdownsAskedFor = '';  // the key of the snapshot the breakdowns were last asked for under

  // The breakdowns' data (data/breakdowns.json), fetched when a view needs them (the inputs paused), never before the
  // first paint: their arrival makes a new snapshot, which draws them. A failure is said in each view that needs
  // them (they read the state), and the data are asked for again when the assumptions change (the calculator does
  // not fetch a failed part again for a while).
  async #loadBreakdowns() {
    const { status } = this.#state.breakdowns;
    const key = this.#snapshot(this.#state.assumptions).key;
    if (status === 'loading' || this.#breakdownsAskedFor === key) return;
    this.#breakdownsAskedFor = key;
    if (status !== 'failed') this.#update((s) => ({ ...s, breakdowns: { status: 'loading', message: '' } }));
    const loaded = await this.#calc.ensureBreakdowns();
    this.#update((s) => ({ ...s, breakdowns: loaded.ok ? { status: 'ready', message: '' }
                                                           : { status: 'failed', message: loaded.detail ?? loaded.message } }));
  }

  // One breakdown as CSV, as `ukexp breakdown <kind> --csv` writes it under the assumptions in force.
  async #breakdownCsv(kind) {
    const loaded = await this.#calc.ensureBreakdowns();
    if (!loaded.ok) {
      this.#notices.notify(`The breakdown could not be downloaded as CSV: its data did not arrive (${loaded.detail ?? loaded.message}). `
        + 'Reload the page to try again.', 'warning', { key: 'data:breakdowns' });
      return;
    }
    if (this.#state.breakdowns.status !== 'ready') this.#update((s) => ({ ...s, breakdowns: { status: 'ready', message: '' } }));
    const csv = this.#snapshot(this.#state.assumptions).breakdownCsv(kind);
    if (csv.ok) download(this.#doc, `uk-ai-exposure-${kind}.csv`, csv.csv);
    else this.#notices.notify(csv.message, 'warning');
  }

  // Fetches the task statements the roles on screen need under the assumptions drawn (a blended bridge reaches more
  // occupations); their arrival makes a new snapshot, which draws them.
  #loadTexts(state, snapshot) {
    for (const soc of [state.soc, ...state.compare].filter(Boolean)) {
      const missing = snapshot.missingTextParts(soc);
      if (!missing.ok || missing.parts.length === 0) continue;
      const textStatus = (value) => {
        if (soc === this.#state.soc && this.#state.textStatus !== value) this.#update((s) => ({ ...s, textStatus: value }));
      };
      if (state.textStatus !== 'failed') textStatus('loading');
      this.#calc.ensureText(snapshot, soc).then((status) => {
        if (!status.ok) {
          // A failure the calculator remembers (it does not fetch again for a while) is one already said.
          if (!status.cached) reportTextFailure(this.#notices, status);
          textStatus('failed');
          return;
        }
        this.#notices.clear({ key: 'data:text' });
        textStatus('ready');
        this.#loop.request();  // the statements arrived: the snapshot of the same assumptions now has them
      });
    }
  }

  // The address of the view on screen: the role's page (or the home page) and the assumptions as its query.
  #address() {
    const query = this.#snapshot(this.#state.assumptions).encode('', this.#state.compare);
    const page = this.#state.soc ? this.#links.role(this.#state.soc) : this.#links.home();
    return `${page}${query ? `?${query}` : ''}`;
  }

  // The sentences an exported chart carries: the measure and assumptions in force (as the link grammar writes
  // them, so a reader can reproduce it), the source, and the core's bands for its legend.
  async #describeChart(kind) {
    const { MEASURE_SOURCES } = await import('./widget/uk-ai-exposure-card.js');
    const snapshot = this.#snapshot(this.#state.assumptions);
    const query = snapshot.query;
    const first = snapshot.units[0];
    const measureTitle = (first && snapshot.report(first.soc).report?.measureTitle) || 'The Eloundou score';
    const threshold = kind === 'treemap' ? ` Faded: occupations below ${this.#state.threshold.toFixed(1)}.` : '';
    const address = new URL(`${this.#links.home()}${query ? `?${query}` : ''}`, location.href).href;
    return {
      assumptions: `${measureTitle}. Assumptions: ${query ? query.split('&').map(decodeURIComponent).join(', ') : 'the defaults, which reproduce the published figures'}.${threshold}`,
      source: `Source: UK AI Exposure, ${address} (data build ${snapshot.build}). ${MEASURE_SOURCES[this.#state.assumptions.measure] ?? MEASURE_SOURCES.eloundou}`,
      bands: snapshot.bands,
    };
  }

  #writeUrl() {
    clearTimeout(this.#urlTimer);
    const url = this.#address();
    if (url === `${location.pathname}${location.search}`) return;
    if (this.#pushNext) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
    this.#pushNext = false;
  }
}

// One notice per kind of problem, with a count, about the view the link opened: it goes when the visitor moves on.
function notifyLinkProblems(notices, problems) {
  const byKind = new Map();
  for (const problem of problems) byKind.set(problem.kind, [...(byKind.get(problem.kind) ?? []), problem.reason]);
  for (const [kind, reasons] of byKind) {
    const text = reasons.length === 1 ? `Part of the link was not used: ${reasons[0]}.`
                                      : `${reasons.length} parts of the link were not used: ${reasons.join('; ')}.`;
    notices.notify(text, 'warning', { timeout: 0, key: `link:${kind}`, scope: 'view' });
  }
}

// The line under the search that says how the start is going: "slow" (still waiting) or "error" (given up).
function showLoadState(state, message) {
  const loadState = document.querySelector('#load-state');
  loadState.dataset.state = state;
  loadState.setAttribute('role', state === 'error' ? 'alert' : 'status');
  setText(document.querySelector('#load-state-text'), message);
  loadState.hidden = false;
}

function hideLoadState() {
  const loadState = document.querySelector('#load-state');
  loadState.hidden = true;
  loadState.dataset.state = 'static';
}

// What a failed start means for the visitor, by its cause (aiexp-loader.js): a file that did not arrive, a
// browser that cannot run the module, or data the core refused.
function loadErrorText(loaded) {
  if (loaded.cause === 'browser') {
    return `${loaded.message} The figures shown are the defaults and stay readable; a current version of Chrome, Edge, Firefox or Safari can change them.`;
  }
  return `${loaded.message}${/[.!?]$/.test(loaded.message) ? '' : '.'} ${STILL_READABLE}`;
}

function reportDetailsFailure(notices, status) {
  notices.notify(`The task details could not be downloaded (${status.detail ?? status.message}). Every figure still computes; `
    + 'occupation descriptions, the O*NET bridge and relabelling single tasks need them. Reload the page to try again.',
  'warning', { timeout: 0, key: 'data:details' });
}

function reportTextFailure(notices, status) {
  notices.notify(`Task statements could not be downloaded (${status.detail ?? status.message}). Every figure still computes; `
    + 'the tasks whose statement is missing say so. They are asked for again when you open a role or change an '
    + 'assumption a minute from now, or reload the page.', 'warning', { timeout: 0, key: 'data:text' });
}

/**
 * Starts the calculator on this page (boot.js calls it once): loads the core, takes over the page, then applies
 * what the visitor did while it loaded (`takePending()`: the fields changed and the buttons pressed, in order).
 * Resolves when the page is live; a failure ends in a message on the page, never a spinner that stays.
 */
export async function start({ takePending = () => [] } = {}) {
  try {
    await run(takePending);
  } catch (error) {
    // A fault of the page's own code still ends in words, not a page that never becomes live (and is logged).
    // Until its modules are all in, the page is not running, and boot.js shows the static fallback instead.
    if (document.documentElement.dataset.app === 'running') {
      showLoadState('error', `The calculator stopped with an error (${error?.message ?? error}). ${STILL_READABLE}`);
    }
    throw error;
  }
}

async function run(takePending) {
  performance.mark('aiexp:start');  // these marks let the benchmark say where the time to live goes
  const loading = loadCalculator({ build: 'speed' });  // the page re-renders on every input: speed over size
  // The views of the sections this page holds: with them in, every module of the calculator is.
  const sections = await pageSections(document);
  document.documentElement.dataset.app = 'running';
  const notices = new Notices(document.querySelector('#notices'));
  const links = siteLinks(new URL('./', import.meta.url));
  const slow = setTimeout(() => showLoadState('slow', 'The calculator is taking longer than usual to load: a file it needs '
    + 'has not arrived yet. The figures shown are the defaults and stay readable; wait, or reload the page.'), timing.slowMs);
  const loaded = await loading;
  if (!loaded.ok) {
    clearTimeout(slow);
    showLoadState('error', loadErrorText(loaded));
    return;
  }
  const calculator = loaded.calculator;
  performance.mark('aiexp:calculator');
  // Descriptions, task ids, O*NET titles and the other measures: asked for now, needed by every role's view.
  const details = calculator.ensureDetails();
  // The pre-rendered role shows its task statements, ids and description: the first live render waits a moment for
  // the parts that carry them (they were preloaded with the module, so they are usually in), to draw the same page
  // instead of placeholders. Never longer than partsWaitMs: the figures do not need them, and a part still on its
  // way arrives on its own (or is said unavailable), while the controls already work.
  const preRendered = document.documentElement.dataset.page === 'role' ? roleFromPath(location.pathname, links) : '';
  if (preRendered) {
    const defaults = calculator.snapshot(calculator.defaults()).snapshot;
    const text = calculator.ensureText(defaults, preRendered);
    text.then((status) => { if (!status.ok) reportTextFailure(notices, status); });
    await Promise.race([Promise.all([details, text]), new Promise((resolve) => setTimeout(resolve, timing.partsWaitMs))]);
    performance.mark('aiexp:parts');
  }
  const app = new App(calculator, sections, links, notices);
  const pending = takePending();  // from here the app's own listeners see every event
  window.ukAiExposure = app;  // the in-page benchmark and the browser tests read renderCount and lastRenderMs
  await app.restore(location);
  app.drawNow();
  clearTimeout(slow);  // the slow note covers the parts a role page waits for too
  hideLoadState();
  document.documentElement.dataset.state = 'ready';
  performance.mark('aiexp:ready');
  // What the visitor did while the calculator loaded, now that it runs, in order: a field gets back the value they
  // gave it and its input is sent again; a button is pressed again.
  for (const [control, action] of pending) {
    if (!control.isConnected) continue;
    if (action.kind === 'click') {
      control.click();
      continue;
    }
    if (control.type === 'checkbox' || control.type === 'radio') control.checked = action.checked;
    else control.value = action.value;
    for (const type of ['input', 'change']) control.dispatchEvent(new Event(type, { bubbles: true }));
  }
  // The details, once their download ends: said if they failed, drawn if they arrived.
  const status = await details;
  if (!status.ok) reportDetailsFailure(notices, status);
  app.detailsSettled(status);
}
