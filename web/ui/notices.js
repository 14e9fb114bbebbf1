// The page's polite notice area: messages about downloads, links and assumptions, each with a close button.
// Notices the build pre-rendered (the too-long page's) close the same way: the buttons work by delegation.
import { el } from './dom.js';

export class Notices {
  #area;

  /** `area`: the notice area (#notices). */
  constructor(area) {
    this.#area = area;
    area.addEventListener('click', (event) => {
      const button = event.target.closest('.notice__close');
      if (button) this.#dismiss(button.closest('.notice'));
    });
  }

  /**
   * Shows `message`; `kind` is "info" or "warning". `key`: a notice with the same key is replaced, not repeated
   * (a failure met on every render is one notice). `scope: "view"`: the notice is about the view on screen (a
   * link's refused parts, an assumption that could not be applied) and goes when the visitor moves on
   * (clear({ scope: 'view' })). `timeout`: ms until it goes by itself; 0 keeps it until dismissed or cleared.
   */
  notify(message, kind = 'info', { timeout = 6000, key = '', scope = '' } = {}) {
    const doc = this.#area.ownerDocument;
    // The cross is drawn by CSS, so the text stays the message.
    const note = el(doc, 'div', { class: `notice notice--${kind}`, 'data-key': key || null, 'data-scope': scope || null },
      el(doc, 'p', { class: 'notice__text' }, message),
      el(doc, 'button', { type: 'button', class: 'notice__close', 'aria-label': 'Dismiss this notice' }));
    const existing = key ? this.#find(key) : null;
    if (existing) existing.replaceWith(note);
    else this.#area.append(note);
    if (timeout) setTimeout(() => note.remove(), timeout);
    return note;
  }

  /** Removes the notices of `scope` ("view": those about the view the visitor is leaving), or one by its key. */
  clear({ scope = '', key = '' } = {}) {
    for (const note of [...this.#area.children]) {
      if ((scope && note.dataset.scope === scope) || (key && note.dataset.key === key)) this.#dismiss(note);
    }
  }

  /** Whether a notice with this key is on screen. */
  has(key) {
    return Boolean(this.#find(key));
  }

  #find(key) {
    return [...this.#area.children].find((child) => child.dataset.key === key) ?? null;
  }

  // Removes a notice; focus on its close button moves to the next notice's (or the previous one's), else to main.
  #dismiss(note) {
    const doc = this.#area.ownerDocument;
    const hadFocus = note.contains(doc.activeElement);
    const next = note.nextElementSibling ?? note.previousElementSibling;
    note.remove();
    if (hadFocus) (next?.querySelector('.notice__close') ?? doc.querySelector('#main'))?.focus({ preventScroll: true });
  }
}
