// The calculator page: every page of the site arrives pre-rendered (the build runs the same view code,
// ui/page-view.js); this module boots the shared calculator, restores the state the address carries (the role
// from the path, /occupation/1137/, the assumptions from the query), takes over the page without changing what
// is on screen, and from then on re-renders every figure synchronously whenever a visitor changes the role, an
// assumption or a task.
import { loadCalculator, timing } from './aiexp-loader.js';
import { MAX_COMPARED } from './ui/compare-view.js';
import { clearNotices, copyText, download, element, initNotices, notify, setText } from './ui/dom.js';
import { wireChartActions } from './ui/chart-actions.js';
import { chartEmbedSnippet, embedSnippet } from './ui/embed-code.js';
import { MEASURE_SOURCES } from './widget/uk-ai-exposure-card.js';
import { PageView } from './ui/page-view.js';
import { RolePicker } from './ui/role-picker.js';
import { initTheme } from './ui/theme.js';
import { roleFromPath, siteLinks } from './ui/site-links.js';

const URL_WRITE_DELAY_MS = 250;
const MEASURE_NAMES = { ilo2025: 'The ILO 2025 index', ilo2023: 'The ILO 2023 index', microsoft: "Microsoft's applicability score" };  // browsers throttle history updates; a slider drag needs only the last one

// What a visitor can still do when a part of the calculator did not arrive: the page is pre-rendered.
const STILL_READABLE = 'The figures shown are the defaults and stay readable; reload the page to try again.';

// A link's refused parts as { kind, reason }. The core names each part's kind (rejections); a core without them
// gives only the reasons, whose wording tells the kind.
function linkProblems(decoded) {
  if (Array.isArray(decoded.rejections) && decoded.rejections.length === decoded.rejected.length) {
    return decoded.rejections.map((r) => ({ kind: String(r.kind || 'invalid-value'), reason: String(r.reason) }));
  }
  return decoded.rejected.map((reason) => {
    const text = String(reason);
    const kind = /^the link is too long/.test(text) ? 'too-long'
      : /bad %-escape$/.test(text) ? 'bad-escape'
      : /given twice/.test(text) ? 'duplicate'
      : /(no labelled task has that id|not a SOC 2020 unit group code|not a list of SOC)/.test(text) ? 'unknown-code'
      : /(at most \d+|more than \d+)/.test(text) ? 'too-many'
      : /unknown parameter|not a known/.test(text) ? 'unknown-parameter'
      : 'invalid-value';
    return { kind, reason: text };
  });
}

// One notice per kind of problem, with a count, about the view the link opened: it goes when the visitor moves on.
function notifyLinkProblems(problems) {
  const byKind = new Map();
  for (const problem of problems) byKind.set(problem.kind, [...(byKind.get(problem.kind) ?? []), problem.reason]);
  for (const [kind, reasons] of byKind) {
    const text = reasons.length === 1 ? `Part of the link was not used: ${reasons[0]}.`
                                      : `${reasons.length} parts of the link were not used: ${reasons.join('; ')}.`;
    notify(text, 'warning', { timeout: 0, key: `link:${kind}`, scope: 'view' });
  }
}

class App {
  #calc;
  #defaults;
  #links;
  #state;
  #view;
  #urlTimer = 0;
  #pushNext = false;
  #rendering = false;
  #renderAgain = null;  // { writeUrl } of a render asked for while one was under way

  constructor(calculator, links) {
    this.#calc = calculator;
    this.#links = links;
    this.#defaults = calculator.defaults();
    this.#state = { soc: '', compare: [], assumptions: structuredClone(this.#defaults) };
    this.#view = new PageView(calculator, {
      live: true,
      links,
      handlers: {
        changeTask: (task, change) => this.#changeTask(task, change),
        setAssumptions: (change) => this.#setAssumptions(change(this.#state.assumptions)),
        open: (soc) => this.open(soc, { focus: true }),
        removeCompared: (soc) => this.#removeCompared(soc),
        openCompared: (soc) => this.open(soc, { focus: true }),
        overviewChanged: () => this.render({ writeUrl: false }),
      },
    });
    new RolePicker(calculator, (soc) => this.open(soc, { focus: false }));
    this.#wireActions();
    window.addEventListener('popstate', () => this.restore(location, { fromHistory: true }));
  }

  /** The last render's duration and the number of renders so far, for the in-page benchmark and the tests. */
  lastRenderMs = 0;
  renderCount = 0;

  /**
   * Restores the state of an address (`location`): the role of its path, or of a `soc` parameter (the links of
   * the earlier single page), and the assumptions of its query. What cannot be used is reported, the rest applied.
   */
  async restore({ pathname, search }, { fromHistory = false } = {}) {
    // Task changes name task ids, which arrive with the details: wait for them when the link has any. Without
    // the details the ids cannot be checked, so those changes are set aside, said why, and left in the address.
    clearNotices({ scope: 'view' });  // going back or forward leaves the view the notices were about
    let query = search;
    let keepAddress = false;
    // Another measure than Eloundou comes with the details too: a link naming one waits for them, and without
    // them opens under the Eloundou score, saying why.
    if (/(^|[?&])measure=(?!eloundou(&|$))/.test(search)) {
      const details = await this.#calc.ensureDetails();
      if (!details.ok) {
        query = search.replace(/(^|[?&])measure=[^&]*/g, '$1');
        keepAddress = true;
        notify(`The link's measure (measure=) was not applied: the other measures could not be downloaded (${details.detail ?? details.message}). `
               + 'The page shows the Eloundou score; reload the page to try again.', 'warning',
               { timeout: 0, key: 'link:measure-unavailable', scope: 'view' });
      }
    }
    if (/(^|[?&])(?:t|tasks)=/.test(search)) {
      const details = await this.#calc.ensureDetails();
      if (!details.ok) {
        query = search.replace(/(^|[?&])(?:t|tasks)=[^&]*/g, '$1');
        keepAddress = true;
        notify(`The task changes in the link (t=) were not applied: the task details could not be downloaded (${details.detail ?? details.message}). `
               + 'The other assumptions of the link are applied; reload the page to try again.', 'warning',
               { timeout: 0, key: 'link:tasks-unavailable', scope: 'view' });
      }
    }
    const decoded = this.#calc.decodeState(query);
    if (!decoded.ok) return;
    notifyLinkProblems(linkProblems(decoded));
    const status = this.#calc.apply(decoded.assumptions);
    if (!status.ok) notify(status.message, 'warning', { timeout: 0, key: 'link:assumptions', scope: 'view' });
    // A path naming no unit group is the not-found page's: it keeps its message and shows no role.
    const fromPath = roleFromPath(pathname, this.#links);
    this.#state = {
      soc: fromPath ? (this.#calc.report(fromPath).ok ? fromPath : '') : decoded.soc,
      compare: decoded.compare.slice(0, MAX_COMPARED),
      assumptions: status.ok ? decoded.assumptions : structuredClone(this.#defaults),
    };
    if (!fromHistory) this.#pushNext = false;
    // The not-found page keeps the address asked for, until the visitor opens a role.
    this.render({ writeUrl: !fromHistory && !keepAddress && !(fromPath && !this.#state.soc) });
  }

  /** Shows a role. */
  open(soc, { focus }) {
    if (soc === this.#state.soc) return;
    clearNotices({ scope: 'view' });  // what was said about the link or the last view is about the view left
    this.#state = { ...this.#state, soc };
    this.#pushNext = true;
    this.render();
    if (focus) {
      const heading = element('#occupation-title');
      heading.scrollIntoView({ block: 'start' });
      heading.focus({ preventScroll: true });
    }
  }

  render({ writeUrl = true } = {}) {
    // Moving a focused element makes the browser fire its blur and change events inside this render, and their
    // handlers render again: that render waits for this one to finish instead of rewriting a half-drawn view.
    if (this.#rendering) {
      this.#renderAgain = { writeUrl: writeUrl || Boolean(this.#renderAgain?.writeUrl) };
      return;
    }
    this.#rendering = true;
    let again = null;
    try {
      this.#draw(writeUrl);
    } finally {
      this.#rendering = false;
      again = this.#renderAgain;
      this.#renderAgain = null;
    }
    if (again) this.render(again);
    else this.#loadTexts();  // under the assumptions the render just applied
  }

  #draw(writeUrl) {
    const started = performance.now();
    const status = this.#calc.apply(this.#state.assumptions);
    if (!status.ok) {
      notify(status.message, 'warning', { key: 'assumptions', scope: 'view' });
      this.#state.assumptions = this.#calc.assumptions();
    }
    // Task rows whose statement could not be downloaded say so, instead of "loading".
    this.#view.occupation.textUnavailable = Boolean(this.#state.soc) && this.#calc.textUnavailable(this.#state.soc);
    this.#view.render(this.#state);
    if (writeUrl) this.#scheduleUrl();
    this.lastRenderMs = performance.now() - started;
    this.renderCount += 1;
  }

  async #setAssumptions(assumptions) {
    clearNotices({ scope: 'view' });
    if (assumptions.measure !== 'eloundou' && !this.#calc.hasDetails) {
      // The other measures come with the details, which the home page fetches after its first view.
      const details = await this.#calc.ensureDetails();
      if (!details.ok) {
        notify(`${MEASURE_NAMES[assumptions.measure] ?? assumptions.measure} could not be shown: its figures could not be downloaded `
               + `(${details.detail ?? details.message}). The headline stays on the current measure; try again in a minute or reload the page.`,
               'warning', { key: 'data:measures', scope: 'view' });
        this.render({ writeUrl: false });  // the form goes back to the measure in force
        return;
      }
    }
    this.#state = { ...this.#state, assumptions };
    this.render();
  }

  #changeTask(task, change) {
    const existing = this.#state.assumptions.overrides.find((o) => o.id === task.id) ?? { id: task.id, label: null, weight: null };
    const overrides = this.#state.assumptions.overrides.filter((o) => o.id !== task.id);
    if (change) {
      const next = { ...existing };
      if ('label' in change) next.label = change.label === task.sourceLabel ? null : change.label;
      if ('weight' in change) next.weight = change.weight;
      if (next.label !== null || next.weight !== null) overrides.push(next);
    }
    this.#setAssumptions({ ...this.#state.assumptions, overrides });
  }

  #removeCompared(soc) {
    this.#state = { ...this.#state, compare: this.#state.compare.filter((code) => code !== soc) };
    this.render();
  }

  // Fetches the task statements the roles on screen need, then renders them in. Runs at the end of every
  // render, under the assumptions it applied (a blended bridge reaches more occupations). A role with every
  // statement loaded needs nothing: the render just made shows them, and a second one would only repeat it.
  #loadTexts() {
    const socs = [this.#state.soc, ...this.#state.compare].filter(Boolean);
    for (const soc of socs) {
      if (this.#calc.hasText(soc)) continue;
      this.#calc.ensureText(soc).then((status) => {
        if (!status.ok) {
          // A failure the calculator remembers (it does not fetch again for a while) is one already said.
          if (status.cached) return;
          reportTextFailure(status);
          if (soc === this.#state.soc) this.render({ writeUrl: false });  // the rows now say "unavailable"
          return;
        }
        clearNotices({ key: 'data:text' });
        // Rendered again only when the statements did arrive, so a part that loads without them cannot loop.
        if (soc === this.#state.soc && this.#calc.hasText(soc)) this.render({ writeUrl: false });
      });
    }
  }

  // The address of the view on screen: the role's page (or the home page) and the assumptions as its query.
  #address() {
    const query = this.#calc.encodeState('', this.#state.compare);
    const page = this.#state.soc ? this.#links.role(this.#state.soc) : this.#links.home();
    return `${page}${query ? `?${query}` : ''}`;
  }

  // The sentences an exported chart carries: the measure and assumptions in force (as the link grammar writes
  // them, so a reader can reproduce it) and the source.
  #describeChart(kind) {
    this.#calc.apply(this.#state.assumptions);
    const query = this.#calc.encodeState('', []);
    const first = this.#calc.unitGroups()[0];
    const measureTitle = (first && this.#calc.report(first.soc).report?.measureTitle) || 'The Eloundou score';
    const threshold = kind === 'treemap' ? ` Faded: occupations below ${this.#view.threshold.threshold.toFixed(1)}.` : '';
    const address = new URL(`${this.#links.home()}${query ? `?${query}` : ''}`, location.href).href;
    return {
      assumptions: `${measureTitle}. Assumptions: ${query ? query.split('&').map(decodeURIComponent).join(', ') : 'the defaults, which reproduce the published figures'}.${threshold}`,
      source: `Source: UK AI Exposure, ${address} (data build ${this.#calc.build}). ${MEASURE_SOURCES[this.#state.assumptions.measure] ?? MEASURE_SOURCES.eloundou}`,
    };
  }

  #scheduleUrl() {
    clearTimeout(this.#urlTimer);
    this.#urlTimer = setTimeout(() => this.#writeUrl(), URL_WRITE_DELAY_MS);
  }

  #writeUrl() {
    clearTimeout(this.#urlTimer);
    const url = this.#address();
    if (url === `${location.pathname}${location.search}`) return;
    if (this.#pushNext) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
    this.#pushNext = false;
  }

  #wireActions() {
    const root = element('#occupation');
    root.querySelector('[data-action="copy-link"]').addEventListener('click', async () => {
      this.#writeUrl();
      notify((await copyText(location.href)) ? 'Link copied. It opens this exact view, assumptions included.'
                                             : `Copy this link: ${location.href}`);
    });
    root.querySelector('[data-action="compare"]').addEventListener('click', () => {
      const { soc, compare } = this.#state;
      if (compare.includes(soc)) return notify('This occupation is already in the comparison.');
      if (compare.length >= MAX_COMPARED) return notify(`Up to ${MAX_COMPARED} occupations can be compared; remove one first.`, 'warning');
      this.#state = { ...this.#state, compare: [...compare, soc] };
      this.render();
      element('#compare').scrollIntoView({ block: 'nearest' });
    });
    root.querySelector('[data-action="tasks-csv"]').addEventListener('click', () => {
      const csv = this.#calc.tasksCsv(this.#state.soc);
      if (csv.ok) download(`uk-ai-exposure-${this.#state.soc}-tasks.csv`, csv.csv);
      else notify(csv.message, 'warning');
    });
    root.querySelector('[data-action="embed"]').addEventListener('click', async () => {
      const box = element('#embed-box');
      const report = this.#calc.report(this.#state.soc);
      try {
        element('#embed-code').value = await embedSnippet(this.#state.soc, report.report.title, this.#state.assumptions, this.#defaults);
        box.hidden = false;
        element('#embed-code').focus();
      } catch (error) {
        notify(`The embed code could not be made (${error.message}).`, 'warning');
      }
    });
    root.querySelector('[data-action="copy-embed"]').addEventListener('click', async () => {
      const code = element('#embed-code');
      notify((await copyText(code.value)) ? 'Embed code copied.' : 'Select the code and copy it.');
      code.select();
    });
    wireChartActions({
      charts: {
        treemap: () => ({ svg: element('#treemap'), title: 'UK occupations by employees, coloured by exposure to AI' }),
        groups: () => ({ svg: element('#groups-chart'), title: 'Exposure to AI by SOC 2020 major group (employment-weighted mean)' }),
        distribution: () => ({ svg: element('#chart'), title: 'How UK occupations spread across the exposure scale' }),
        compare: () => ({ svg: element('#compare-chart'), title: 'UK occupations compared: exposure to AI' }),
      },
      describe: (kind) => this.#describeChart(kind),
      embed: (kind) => chartEmbedSnippet(kind, kind === 'compare' ? this.#state.compare : [], this.#state.assumptions, this.#defaults),
    });
    element('#table-csv').addEventListener('click', () => {
      download('uk-ai-exposure-occupations.csv', this.#calc.tableCsv(this.#view.overview.visibleSocs()));
    });
    // The examples are links to the roles' pages; a plain click opens the role here, keeping the assumptions.
    for (const chip of document.querySelectorAll('#examples [data-soc]')) {
      chip.addEventListener('click', (event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        this.open(chip.dataset.soc, { focus: true });
      });
    }
  }
}

// The line under the search that says how the start is going: "slow" (still waiting) or "error" (given up).
function showLoadState(state, message) {
  const loadState = element('#load-state');
  loadState.dataset.state = state;
  loadState.setAttribute('role', state === 'error' ? 'alert' : 'status');
  setText(element('#load-state-text'), message);
  loadState.hidden = false;
}

function hideLoadState() {
  const loadState = element('#load-state');
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

function reportDetailsFailure(status) {
  notify(`The task details could not be downloaded (${status.detail ?? status.message}). Every figure still computes; `
         + 'occupation descriptions, the O*NET bridge and relabelling single tasks need them. Reload the page to try again.',
         'warning', { timeout: 0, key: 'data:details' });
}

function reportTextFailure(status) {
  notify(`Task statements could not be downloaded (${status.detail ?? status.message}). Every figure still computes; `
         + 'the tasks whose statement is missing say so. They are asked for again when you open a role or change an '
         + 'assumption a minute from now, or reload the page.', 'warning', { timeout: 0, key: 'data:text' });
}

async function main() {
  // The page's own modules arrived and run: the static fallback (index.html, start-check.js) stands down, and
  // from here this module says what happens.
  document.documentElement.dataset.app = 'running';
  initNotices();
  initTheme();
  const links = siteLinks(new URL('./', import.meta.url));
  const loading = loadCalculator({ build: 'speed' });  // the page re-renders on every input: speed over size
  const slow = setTimeout(() => showLoadState('slow', 'The calculator is taking longer than usual to load: a file it needs '
    + 'has not arrived yet. The figures shown are the defaults and stay readable; wait, or reload the page.'), timing.slowMs);
  const loaded = await loading;
  if (!loaded.ok) {
    clearTimeout(slow);
    showLoadState('error', loadErrorText(loaded));
    return;
  }
  const calculator = loaded.calculator;
  performance.mark('aiexp:calculator');  // these marks let the benchmark say where the time to live goes
  // The pre-rendered role shows its task statements, ids and description: the first live render waits for the
  // parts that carry them, so it draws the same page instead of placeholders.
  const preRendered = document.documentElement.dataset.page === 'role' ? roleFromPath(location.pathname, links) : '';
  if (preRendered) {
    const [details, text] = await Promise.all([calculator.ensureDetails(), calculator.ensureText(preRendered)]);
    if (!details.ok) reportDetailsFailure(details);
    if (!text.ok) reportTextFailure(text);
    performance.mark('aiexp:parts');
  }
  const app = new App(calculator, links);
  window.ukAiExposure = app;  // the in-page benchmark and the browser tests read lastRenderMs
  await app.restore(location);
  clearTimeout(slow);  // the slow note covers the parts a role page waits for too
  hideLoadState();
  document.documentElement.dataset.state = 'ready';
  performance.mark('aiexp:ready');
  // Descriptions, task ids and O*NET titles for roles opened later: not needed for the first view.
  const status = await calculator.ensureDetails();
  if (!status.ok) {
    if (!status.cached) reportDetailsFailure(status);
  } else if (!preRendered) {
    app.render({ writeUrl: false });
  }
}

// A fault of the page's own code still ends in words, not a page that never becomes live (and is logged).
main().catch((error) => {
  showLoadState('error', `The calculator stopped with an error (${error?.message ?? error}). ${STILL_READABLE}`);
  throw error;
});
