// Where each figure comes from: one panel per figure (the role's, or the UK totals), opened by the figure's
// "Source" button. Panels are popovers: the buttons open them by their popovertarget attribute, so a
// pre-rendered page opens them without JavaScript, by keyboard, mouse or touch, and Escape or a tap outside
// closes them. Each names its sources, the formula with this role's own numbers, the assumptions in force and a
// plain-text citation with the permalink; the live page adds "Copy citation". Every text comes from the core
// (wasm/aiexp.d.ts Provenance), so nothing here is typed by hand.
import { fromTemplate, parts, setAttr, setText } from './dom.js';

// "1 December 2026": the citation's access date, in the page's language.
const accessed = (date) => date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

export class ProvenancePanels {
  #host;
  #live;
  #panels = new Map();  // figure -> { panel, parts, citation, drawn }
  #read = () => [];     // the entries (Provenance[]) under the assumptions of the last render
  #permalink = '';
  #generation = 0;      // renders so far: a panel drawn in an older one is stale
  #readTask = null;     // the entry of the task whose panel is shown (one panel serves every task)

  /** `host`: where the panels live; `live`: the calculator runs (the copy action works). */
  constructor(host, { live }) {
    this.#host = host;
    this.#live = live;
    // The pre-rendered panels become this view's panels.
    for (const panel of host.querySelectorAll(':scope > [data-figure]')) this.#adopt(panel);
  }

  /**
   * Shows the task panel (its id is `provenance-task`; the task's Source button opens it) for the task whose
   * entry `read()` gives (a Provenance, or null), and keeps it current while it is open.
   */
  showTask(read) {
    this.#readTask = read;
    const entry = read();
    if (entry) this.#draw(this.#panels.get('task') ?? this.#create('task'), entry);
  }

  /**
   * `read()` gives one entry per panel (Provenance[]), citing `permalink` (the page's address). The pre-rendered
   * page draws every panel. The live page draws them all once, so every Source button has its panel, and then only
   * the open one: a closed panel is drawn when it opens, so an input costs nothing for the panels nobody reads.
   */
  render(read, permalink) {
    this.#read = read;
    this.#permalink = permalink;
    this.#generation += 1;
    let figures = null;  // null: draw every panel
    if (this.#live && this.#panels.size > 0) {
      const open = [...this.#panels.values()].filter((slot) => slot.panel.matches(':popover-open'));
      if (open.length === 0) return;
      figures = new Set(open.map((slot) => slot.panel.dataset.figure));
      if (figures.delete('task') && this.#readTask) this.showTask(this.#readTask);
      if (figures.size === 0) return;  // the task panel alone: the figures' entries are not needed
    }
    for (const entry of read()) {
      if (!figures || figures.has(entry.figure)) this.#draw(this.#panels.get(entry.figure) ?? this.#create(entry.figure), entry);
    }
  }

  #draw(slot, entry) {
    const p = slot.parts;
    setText(p.title, entry.title);
    setText(p.value, entry.valueText);
    setText(p.formula, entry.formula);
    setText(p.assumptions, `Assumptions in force: ${entry.assumptions}.`);
    setText(p.citation, entry.citation);
    setAttr(p.permalink, 'href', this.#permalink);
    setText(p.permalink, this.#permalink);
    const key = JSON.stringify(entry.sources);
    if (p.sources.dataset.key !== key) {
      p.sources.dataset.key = key;
      p.sources.replaceChildren(...entry.sources.map((source) => {
        const item = document.createElement('li');
        const what = document.createElement('span');
        what.className = 'provenance__row';
        what.textContent = `${source.row}: `;
        item.append(what, source.text);
        return item;
      }));
    }
    p.copy.disabled = !this.#live;
    slot.citation = entry.citation;
    slot.drawn = this.#generation;
  }

  // A panel about to open that an input has made stale is drawn first.
  #opening(slot, event) {
    if (event.newState !== 'open' || slot.drawn === this.#generation || slot.panel.dataset.figure === 'task') return;
    setText(slot.parts.copied, '');
    const entry = this.#read().find((candidate) => candidate.figure === slot.panel.dataset.figure);
    if (entry) this.#draw(slot, entry);
  }

  #create(figure) {
    const panel = fromTemplate('provenance-template');
    panel.id = `provenance-${figure}`;
    panel.dataset.figure = figure;
    const slot = this.#adopt(panel);
    slot.parts.title.id = `provenance-${figure}-title`;
    setAttr(panel, 'aria-labelledby', slot.parts.title.id);
    setAttr(slot.parts.close, 'popovertarget', panel.id);
    this.#host.append(panel);
    return slot;
  }

  #adopt(panel) {
    // A pre-rendered panel shows the defaults, which the first live render may not be: it counts as stale.
    const slot = { panel, parts: parts(panel), citation: panel.querySelector('[data-part="citation"]').textContent, drawn: -1 };
    this.#panels.set(panel.dataset.figure, slot);
    if (this.#live) {
      slot.parts.copy.addEventListener('click', () => this.#copy(slot));
      panel.addEventListener('beforetoggle', (event) => this.#opening(slot, event));
    }
    return slot;
  }

  // The citation, the absolute permalink and today's date, to the clipboard; the panel says whether it worked.
  async #copy(slot) {
    const url = new URL(slot.parts.permalink.getAttribute('href'), document.baseURI).href;
    const text = `${slot.citation} ${url} (accessed ${accessed(new Date())})`;
    try {
      await navigator.clipboard.writeText(text);
      setText(slot.parts.copied, 'Citation copied.');
    } catch (error) {
      // A browser that refuses the clipboard still shows the citation: say so, and select it for a manual copy.
      setText(slot.parts.copied, 'The browser did not allow copying: the citation is selected, copy it with the keyboard.');
      const range = document.createRange();
      range.selectNodeContents(slot.parts.citation.parentElement);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
    }
  }
}
