// The role picker: a combobox (WAI-ARIA 1.2 pattern) that searches unit group codes, titles and the coding
// index's job titles as you type, and says which job title matched. Arrow keys move (and open the list: in the
// empty field, on the example roles), Enter picks, Escape closes.
import { el, setText } from './dom.js';

const RESULT_LIMIT = 12;
// After this long without the job titles (or at their first failure, which the calculator retries), the search
// says it looks at the occupations' own titles and codes only, until they arrive.
const TITLES_NOTE_MS = 1000;

export class RolePicker {
  #input;
  #list;
  #status;
  #calculator;
  #onPick;
  #results = [];
  #active = -1;
  #titlesPending = false;

  #root;
  #examples;

  /** `root`: the picker (#picker), holding the field, its list and its hint; `examples`: the SOC codes an empty search suggests. */
  constructor(root, calculator, onPick, { examples = [] } = {}) {
    this.#root = root;
    this.#examples = examples;
    this.#calculator = calculator;
    this.#onPick = onPick;
    this.#input = root.querySelector('#role-search');
    this.#list = root.querySelector('#role-results');
    this.#status = root.querySelector('#role-search-status');
    this.#input.disabled = false;
    this.#input.removeAttribute('data-needs-core');
    this.#input.addEventListener('input', () => this.#search());
    this.#input.addEventListener('keydown', (event) => this.#key(event));
    // The job titles download on first use; after a failure, a later use asks again (the calculator waits a
    // while between tries).
    this.#input.addEventListener('focus', () => this.#loadTitles());
    this.#input.addEventListener('input', () => this.#loadTitles());
    this.#input.addEventListener('blur', () => setTimeout(() => this.#close(), 150));
    this.#list.addEventListener('mousedown', (event) => event.preventDefault());  // keep focus on the input
    this.#list.addEventListener('click', (event) => {
      const option = event.target.closest('[role="option"]');
      if (option) this.#pick(Number(option.dataset.index));
    });
  }

  async #loadTitles() {
    if (this.#calculator.hasTitles || this.#titlesPending) return;
    this.#titlesPending = true;
    const waiting = setTimeout(() => this.#showTitlesState('waiting'), TITLES_NOTE_MS);
    const status = await this.#calculator.ensureTitles();
    clearTimeout(waiting);
    this.#titlesPending = false;
    const said = this.#titlesState;
    this.#showTitlesState(status.ok ? 'ready' : 'failed');
    if (status.ok && this.#input.value.trim()) {
      this.#search();  // redo with the job titles now loaded
      if (said) setText(this.#status, `The job titles have arrived: ${this.#status.textContent}`);
    }
  }

  #titlesState = '';  // '' (the job titles searched, or not yet asked for long), 'waiting' or 'failed'

  // Without the job-title index the search still finds occupations by their own titles and codes: from the first
  // second of waiting the hint says so (and, after a failure, that the index is asked for again later); it says
  // the usual again when the index arrives.
  #showTitlesState(state) {
    const hint = this.#root.querySelector('#role-search-hint');
    this.#titlesState = state === 'ready' ? '' : state;
    if (!hint) return;
    hint.dataset.defaultText ??= hint.textContent;
    hint.dataset.state = state === 'ready' ? '' : 'degraded';
    setText(hint, state === 'ready' ? hint.dataset.defaultText : state === 'waiting'
      ? 'The 32,000 job titles are still downloading, so for now the search looks only at the titles and codes of the '
        + '412 occupations.'
      : 'The 32,000 job titles could not be downloaded, so the search looks only at the titles and codes of '
        + 'the 412 occupations for now. It tries again when you search a minute from now.');
  }

  #search() {
    const query = this.#input.value;
    this.#results = query.trim() ? this.#calculator.search(query, RESULT_LIMIT) : [];
    this.#list.setAttribute('aria-label', 'Matching occupations');
    this.#active = this.#results.length ? 0 : -1;
    this.#render();
    if (query.trim()) {
      setText(this.#status, this.#results.length
        ? `${this.#results.length === RESULT_LIMIT ? 'At least ' : ''}${this.#results.length} matching occupations. Use the arrow keys to choose.`
        : this.#titlesState ? 'No occupation title or code matches (the job titles are not searched yet).' : 'No occupation matches.');
    }
  }

  // With nothing typed, the list suggests the page's example roles (else the first occupations).
  #suggest() {
    const groups = this.#calculator.unitGroups();
    const titles = new Map(groups.map((group) => [group.soc, group.title]));
    const examples = this.#examples.filter((soc) => titles.has(soc));
    const socs = examples.length ? examples : groups.slice(0, RESULT_LIMIT).map((group) => group.soc);
    this.#results = socs.map((soc) => ({ soc, title: titles.get(soc), matchedTitle: '', qualifier: '' }));
    this.#active = this.#results.length ? 0 : -1;
    this.#list.setAttribute('aria-label', 'Suggested occupations');
    this.#render();
    setText(this.#status, `${this.#results.length} suggested occupations. Use the arrow keys to choose, or type to search.`);
  }

  #render() {
    const doc = this.#root.ownerDocument;
    const items = this.#results.map((result, index) => el(doc, 'li', {
      id: `role-option-${index}`, class: 'picker__option', role: 'option', 'data-index': index,
      'aria-selected': String(index === this.#active),
    }, el(doc, 'span', { class: 'picker__option-title' }, result.title), el(doc, 'span', { class: 'picker__option-code' }, result.soc),
    result.matchedTitle ? el(doc, 'span', { class: 'picker__option-match' },
                             `job title: ${result.matchedTitle}${result.qualifier ? ` (${result.qualifier})` : ''}`) : null));
    this.#list.replaceChildren(...items);
    const open = items.length > 0;
    this.#list.hidden = !open;
    this.#input.setAttribute('aria-expanded', String(open));
    if (this.#active >= 0) {
      this.#input.setAttribute('aria-activedescendant', `role-option-${this.#active}`);
      items[this.#active].scrollIntoView({ block: 'nearest' });
    } else {
      this.#input.removeAttribute('aria-activedescendant');
    }
  }

  #key(event) {
    const count = this.#results.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!count) {
        // A closed list opens: on the matches of what is typed, or on suggestions when nothing is.
        if (this.#input.value.trim()) this.#search();
        else this.#suggest();
        if (event.key === 'ArrowUp' && this.#results.length) {
          this.#active = this.#results.length - 1;
          this.#render();
        }
        return;
      }
      const step = event.key === 'ArrowDown' ? 1 : -1;
      this.#active = (this.#active + step + count) % count;
      this.#render();
    } else if (event.key === 'Enter') {
      if (this.#active >= 0) {
        event.preventDefault();
        this.#pick(this.#active);
      }
    } else if (event.key === 'Escape') {
      if (count) event.preventDefault();
      this.#close();
    }
  }

  #pick(index) {
    const result = this.#results[index];
    if (!result) return;
    this.#input.value = result.title;
    this.#close();
    setText(this.#status, `Showing ${result.title}.`);
    this.#onPick(result.soc);
  }

  #close() {
    this.#results = [];
    this.#active = -1;
    this.#render();
  }
}
