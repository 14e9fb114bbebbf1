// The calculator page: loads the shared calculator, restores the state a link carries, and re-renders every
// figure synchronously whenever a visitor changes the role, an assumption or a task.
import { loadCalculator } from './aiexp-loader.js';
import { AssumptionsPanel } from './ui/assumptions-panel.js';
import { CompareView, MAX_COMPARED } from './ui/compare-view.js';
import { copyText, download, element, notify, setText } from './ui/dom.js';
import { embedSnippet } from './ui/embed-code.js';
import { OccupationView } from './ui/occupation-view.js';
import { Overview } from './ui/overview.js';
import { RolePicker } from './ui/role-picker.js';
import { initTheme } from './ui/theme.js';

const URL_WRITE_DELAY_MS = 250;  // browsers throttle history updates; a slider drag needs only the last one

class App {
  #calc;
  #defaults;
  #state;
  #occupation;
  #overview = null;  // built by showRest(), after the role's figures are on screen
  #restShown = false;  // until showRest(), a render draws the role's figures and not its task list
  #compare;
  #panel;
  #urlTimer = 0;
  #pushNext = false;
  #rendering = false;
  #renderAgain = null;  // { writeUrl } of a render asked for while one was under way

  constructor(calculator) {
    this.#calc = calculator;
    this.#defaults = calculator.defaults();
    this.#state = { soc: '', compare: [], assumptions: structuredClone(this.#defaults) };
    this.#occupation = new OccupationView((task, change) => this.#changeTask(task, change));
    this.#compare = new CompareView((soc) => this.#removeCompared(soc), (soc) => this.open(soc, { focus: true }));
    this.#panel = new AssumptionsPanel(this.#defaults, (change) => this.#setAssumptions(change(this.#state.assumptions)));
    new RolePicker(calculator, (soc) => this.open(soc, { focus: false }));
    this.#wireActions();
    window.addEventListener('popstate', () => this.restore(location.search, { fromHistory: true }));
  }

  /** The last render's duration and the number of renders so far, for the in-page benchmark and the tests. */
  lastRenderMs = 0;
  renderCount = 0;

  /**
   * Draws what lies below the role's figures: its task list, where to start and the bridge, and the
   * all-occupations table, chart and UK totals. The first load shows the figures one frame before these.
   */
  showRest() {
    // The table asks for the display strings of the rows it draws, also when it scrolls between renders.
    const rowsAt = (indices) => {
      this.#calc.apply(this.#state.assumptions);
      return this.#calc.rowsAt(indices);
    };
    this.#overview ??= new Overview(this.#calc.unitGroups(), this.#calc.majorGroups(), rowsAt,
                                    (soc) => this.open(soc, { focus: true }));
    this.#restShown = true;
    this.render({ writeUrl: false });
  }

  /** Restores the state of a query string; what cannot be used is reported, the rest applied. */
  async restore(query, { fromHistory = false } = {}) {
    // Task changes name task ids, which arrive with the details: wait for them when the link has any.
    if (/(^|[?&])t=/.test(query)) await this.#calc.ensureDetails();
    const decoded = this.#calc.decodeState(query);
    if (!decoded.ok) return;
    for (const reason of decoded.rejected) notify(`Part of the link was not used: ${reason}.`, 'warning', { timeout: 0 });
    const status = this.#calc.apply(decoded.assumptions);
    if (!status.ok) notify(status.message, 'warning', { timeout: 0 });
    this.#state = {
      soc: decoded.soc,
      compare: decoded.compare.slice(0, MAX_COMPARED),
      assumptions: status.ok ? decoded.assumptions : structuredClone(this.#defaults),
    };
    if (!fromHistory) this.#pushNext = false;
    this.render({ writeUrl: !fromHistory });
  }

  /** Shows a role. */
  open(soc, { focus }) {
    if (soc === this.#state.soc) return;
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
    const { soc, compare, assumptions } = this.#state;
    const status = this.#calc.apply(assumptions);
    if (!status.ok) {
      notify(status.message, 'warning');
      this.#state.assumptions = this.#calc.assumptions();
    }
    this.#panel.render(this.#state.assumptions);
    const report = soc ? this.#calc.report(soc) : null;
    const shown = report?.ok ? report.report : null;
    if (shown) this.#occupation.render(shown, { figuresOnly: !this.#restShown });
    this.#occupation.show(Boolean(shown));
    element('#empty-state').hidden = Boolean(shown);
    element('#examples').hidden = Boolean(shown);
    this.#overview?.render(this.#calc.figureColumns(), this.#calc.totals(), soc);
    this.#compare.render(compare.map((code) => this.#calc.report(code)).filter((r) => r.ok).map((r) => r.report));
    document.title = shown ? `${shown.title}: exposure to AI · UK AI Exposure` : 'UK AI Exposure: how exposed is each UK occupation to AI?';
    if (writeUrl) this.#scheduleUrl();
    this.lastRenderMs = performance.now() - started;
    this.renderCount += 1;
  }

  #setAssumptions(assumptions) {
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
        if (!status.ok) notify(status.message, 'warning');
        // Rendered again only when the statements did arrive, so a part that loads without them cannot loop.
        else if (soc === this.#state.soc && this.#calc.hasText(soc)) this.render({ writeUrl: false });
      });
    }
  }

  #query() {
    return this.#calc.encodeState(this.#state.soc, this.#state.compare);
  }

  #scheduleUrl() {
    clearTimeout(this.#urlTimer);
    this.#urlTimer = setTimeout(() => this.#writeUrl(), URL_WRITE_DELAY_MS);
  }

  #writeUrl() {
    clearTimeout(this.#urlTimer);
    const query = this.#query();
    const url = `${location.pathname}${query ? `?${query}` : ''}`;
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
    element('#table-csv').addEventListener('click', () => {
      if (this.#overview) download('uk-ai-exposure-occupations.csv', this.#calc.tableCsv(this.#overview.visibleSocs()));
    });
    for (const chip of document.querySelectorAll('#examples [data-soc]')) {
      chip.addEventListener('click', () => this.open(chip.dataset.soc, { focus: true }));
    }
  }
}

// Resolves once the next frame has been produced: what was rendered before it is on screen.
function afterNextFrame() {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

async function main() {
  initTheme();
  const loadState = element('#load-state');
  const loaded = await loadCalculator({ build: 'speed' });  // the page re-renders on every input: speed over size
  if (!loaded.ok) {
    loadState.dataset.state = 'error';
    loadState.setAttribute('role', 'alert');
    setText(element('#load-state-text'), `${loaded.message} Reload the page to try again.`);
    return;
  }
  const calculator = loaded.calculator;
  setText(element('#build-id'), calculator.build);
  const app = new App(calculator);
  window.ukAiExposure = app;  // the in-page benchmark and the browser tests read lastRenderMs
  // First the role a link names, painted on its own; then what lies below it, and the details (task ids,
  // descriptions, bridge titles), which the first view can do without.
  await app.restore(location.search);
  loadState.hidden = true;
  loadState.dataset.state = 'ready';
  await afterNextFrame();
  app.showRest();
  document.documentElement.dataset.state = 'ready';
  const status = await calculator.ensureDetails();
  if (!status.ok) notify(status.message, 'warning', { timeout: 0 });
  app.render({ writeUrl: false });  // descriptions, task ids and O*NET titles are in now
}

main();
