// The whole calculator page as one view over the document: the assumptions, the role (or the empty state), the
// comparison, and the UK overview, drawn from the core's figures. It is the one renderer of the page: the site
// build runs it in node over the page template (live: false) to write the HTML a visitor gets first, and the
// browser runs it over that HTML, adopting what it finds, so the first live render changes nothing on screen.
import { AssumptionsPanel } from './assumptions-panel.js';
import { renderCompareChart } from './compare-chart-view.js';
import { CompareView } from './compare-view.js';
import { element, setHidden, setText } from './dom.js';
import { GroupBarsView } from './group-bars-view.js';
import { MeasuresView } from './measures-view.js';
import { OccupationView } from './occupation-view.js';
import { Overview } from './overview.js';
import { ProvenancePanels } from './provenance-panels.js';
import { ThresholdView } from './threshold-view.js';
import { TreemapView } from './treemap-view.js';

const HOME_TITLE = 'UK AI Exposure: how exposed is each UK occupation to AI?';

/** The page's title for a role, or for none. */
export function pageTitle(report) {
  return report ? `${report.title}: exposure to AI · UK AI Exposure` : HOME_TITLE;
}

export class PageView {
  #calc;
  #live;
  #occupation;
  #measures;
  #overview;
  #compare;
  #panel;
  #links;
  #shownSoc = '';
  #roleSources;
  #totalsSources;
  #treemap;
  #groupBars;
  #threshold;

  /**
   * `calculator`: the Calculator the figures come from. `links.role(soc)` is the address of a role's page.
   * `handlers`: what the visitor's actions call (live only): `changeTask(task, change)`, `setAssumptions(change)`,
   * `open(soc)`, `removeCompared(soc)`, `openCompared(soc)`, `overviewChanged()` (the threshold or the table's
   * group filter changed: draw again). `staticRows` and `staticTasks`: rows of the
   * pre-rendered table and task list; `missingAs`: how the treemap names the occupations it cannot draw.
   */
  constructor(calculator, { live, links, handlers = {}, staticRows = Infinity, staticTasks = Infinity, missingAs = 'links' }) {
    this.#calc = calculator;
    this.#live = live;
    const defaults = calculator.defaults();
    this.#occupation = new OccupationView((task, change) => handlers.changeTask(task, change), {
      live, staticTasks, tasksFile: links.tasksFile,
      // A task's Source button: the shared task panel shows that task, under the assumptions of the last render.
      onTaskSource: (task) => {
        const soc = this.#shownSoc;
        this.#roleSources.showTask(() => this.#applied(() => this.#calc.taskProvenance(soc, task.id)));
      },
    });
    this.#measures = new MeasuresView({
      live,
      loadIloTasks: (isco) => calculator.iloTasks(isco),
      scatterData: (measure) => this.#applied(() => ({
        units: calculator.unitGroups(), columns: calculator.measureColumns(), agreement: calculator.agreement(measure),
      })),
    });
    this.#compare = new CompareView((soc) => handlers.removeCompared(soc), (soc) => handlers.openCompared(soc));
    this.#panel = new AssumptionsPanel(defaults, (change) => handlers.setAssumptions(change));
    this.#panel.setLive(live);
    // The table asks for the display strings of the rows it draws, also when it scrolls between renders.
    const rowsAt = (indices) => {
      calculator.apply(this.assumptions);
      return calculator.rowsAt(indices);
    };
    this.#overview = new Overview(calculator.unitGroups(), calculator.majorGroups(), rowsAt,
                                  (soc) => handlers.open(soc), { live, staticRows, roleHref: links.role });
    this.#treemap = new TreemapView(element('#treemap'), {
      live, roleHref: links.role, onOpen: (soc) => handlers.open(soc), rowAt: (index) => rowsAt([index])[0],
      tip: element('#treemap-tip'), missing: element('#treemap-missing'), missingAs,
    });
    this.#groupBars = new GroupBarsView(element('#groups-chart'), {
      live,
      onFilter: (code) => {
        this.#overview.filterMajor(code);
        element('#occupations-table').closest('.table-scroll').scrollIntoView({ block: 'start' });
        element('#table-major').focus({ preventScroll: true });
      },
    });
    this.#threshold = new ThresholdView(element('#threshold'), { live, onChange: () => handlers.overviewChanged() });
    this.#links = links;
    this.#roleSources = new ProvenancePanels(element('#role-provenance'), { live });
    this.#totalsSources = new ProvenancePanels(element('#totals-provenance'), { live });
    this.assumptions = defaults;
  }

  // `read()` under the assumptions of the last render (a panel may ask after another view applied others).
  #applied(read) {
    this.#calc.apply(this.assumptions);
    return read();
  }

  // The page of `soc` (or the home page) with the assumptions in force: what a citation links.
  #permalink(soc) {
    const query = this.#calc.encodeState('', []);
    return `${soc ? this.#links.role(soc) : this.#links.home()}${query ? `?${query}` : ''}`;
  }

  get occupation() {
    return this.#occupation;
  }

  get overview() {
    return this.#overview;
  }

  get treemap() {
    return this.#treemap;
  }

  /** The threshold explorer's { threshold, filterTable }. */
  get threshold() {
    return this.#threshold.state;
  }

  /**
   * Draws the state `{ soc, compare, assumptions }` (assumptions already applied to the calculator) and returns
   * the role's report, or null when no role is shown.
   */
  render({ soc, compare, assumptions }) {
    const calc = this.#calc;
    this.assumptions = assumptions;
    this.#panel.render(assumptions);
    const result = soc ? calc.report(soc) : null;
    const report = result?.ok ? result.report : null;
    this.#shownSoc = report ? soc : '';
    if (report) {
      this.#occupation.render(report);
      const measures = calc.measures(soc);
      if (measures.ok) this.#measures.render(report, measures.measures);
      this.#roleSources.render(() => this.#applied(() => calc.provenance(soc)), this.#permalink(soc));
    }
    this.#occupation.show(Boolean(report));
    setHidden(element('#empty-state'), Boolean(report));
    setHidden(element('#examples'), Boolean(report));
    const columns = calc.figureColumns();
    const totals = calc.totals();
    const summaries = calc.majorGroupSummaries();
    const { threshold, filterTable } = this.#threshold.state;
    this.#overview.setThreshold(filterTable ? threshold : null);
    this.#overview.render(columns, totals, soc);
    this.#threshold.render(calc.totalsAtOrAbove(threshold), totals);
    this.#treemap.render({ units: calc.unitGroups(), summaries, columns, selectedSoc: soc, threshold });
    this.#groupBars.render(summaries);
    this.#totalsSources.render(() => this.#applied(() => calc.totalsProvenance()), this.#permalink(''));
    const compared = compare.map((code) => calc.report(code)).filter((r) => r.ok).map((r) => r.report);
    this.#compare.render(compared);
    if (compared.length) renderCompareChart(element('#compare-chart'), compared);
    setText(element('#build-id'), calc.build);
    const title = pageTitle(report);
    if (document.title !== title) document.title = title;
    for (const button of element('#occupation').querySelectorAll('[data-action]')) {
      if (button.disabled === this.#live) button.disabled = !this.#live;
    }
    if (element('#table-csv').disabled === this.#live) element('#table-csv').disabled = !this.#live;
    return report;
  }
}
