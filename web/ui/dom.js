// Small DOM helpers for the page. Data always reaches the document as text (textContent, attribute values),
// never as markup.

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A new SVG element with these attributes (values as strings) and, if given, this text. */
export function svgElement(name, attributes = {}, text = null) {
  const node = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (text !== null) node.textContent = text;
  return node;
}

/** The first element matching `selector`, or an error naming it (a missing element is a page bug). */
export function element(selector, root = document) {
  const found = root.querySelector(selector);
  if (!found) throw new Error(`page element ${selector} is missing`);
  return found;
}

/** Sets text only when it changed, so unchanged nodes cost no layout. */
export function setText(node, text) {
  const value = text ?? '';
  if (node.textContent !== value) node.textContent = value;
}

/** Sets an attribute only when it changed: rewriting one, even to the same value, invalidates style. */
export function setAttr(node, name, value) {
  if (node.getAttribute(name) !== value) node.setAttribute(name, value);
}

/**
 * Checks or unchecks a radio button or checkbox: the live state and the `checked` attribute, which is what the
 * pre-rendered HTML carries (the property alone never reaches the markup).
 */
export function setChecked(input, checked) {
  if (input.checked !== checked) input.checked = checked;
  if (input.hasAttribute('checked') !== checked) {
    if (checked) input.setAttribute('checked', '');
    else input.removeAttribute('checked');
  }
}

/** Sets an input's value and its `value` attribute (what the pre-rendered HTML carries). */
export function setValue(input, value) {
  setAttr(input, 'value', value);
  if (input.value !== value) input.value = value;
}

/** Selects the option of `select` with this value, through the options' `selected` attributes too. */
export function setSelected(select, value) {
  for (const option of select.querySelectorAll('option')) {
    const selected = option.getAttribute('value') === value;
    if (option.hasAttribute('selected') !== selected) {
      if (selected) option.setAttribute('selected', '');
      else option.removeAttribute('selected');
    }
    if (option.selected !== selected) option.selected = selected;
  }
}

/** Shows or hides an element through its `hidden` attribute, only when that changes. */
export function setHidden(node, hidden) {
  if (node.hidden !== hidden) node.hidden = hidden;
}

/**
 * Makes `items` the element children of `parent`, in order, without ever taking out the child that holds focus:
 * a removed element loses focus, and the browser fires its blur and change events in the middle of the update.
 * Does nothing when the children are already these.
 */
export function placeChildren(parent, items) {
  const current = [...parent.children];
  if (current.length === items.length && current.every((item, i) => item === items[i])) return;
  const focused = items.find((item) => item.parentNode === parent && item.contains(document.activeElement));
  if (!focused) {
    parent.replaceChildren(...items);
    return;
  }
  for (const item of current) if (!items.includes(item)) item.remove();
  const at = items.indexOf(focused);
  focused.before(...items.slice(0, at));
  focused.after(...items.slice(at + 1));
}

/** Fills every [data-<attribute>] descendant of `root` from the same-named property of `values`. */
export function fillFields(root, values, attribute = 'field') {
  for (const node of root.querySelectorAll(`[data-${attribute}]`)) {
    const key = node.dataset[attribute];
    if (key in values) setText(node, String(values[key] ?? ''));
  }
}

/** A fresh copy of a <template>'s first element. */
export function fromTemplate(id) {
  const template = element(`#${id}`);
  return template.content.firstElementChild.cloneNode(true);
}

/**
 * A short fingerprint of a string (32-bit FNV-1a, hex): what a pre-rendered element records of the content it
 * shows, so the live page can tell it is current without the content itself in the markup.
 */
export function fingerprint(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** The focused element, or null (a document without focus, as at build time, has none). */
export function focusedElement() {
  return document.activeElement ?? null;
}

/** The [data-part] descendants of a cloned template, by name. */
export function parts(root) {
  const found = {};
  for (const node of root.querySelectorAll('[data-part]')) found[node.dataset.part] = node;
  return found;
}

/** Offers `text` as a file download. */
export function download(filename, text, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Copies text to the clipboard; resolves to true when it worked. */
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

// The notice area's close buttons work by delegation, so notices the build pre-rendered (414.html) close too.
let noticesWired = false;
function noticeArea() {
  const area = element('#notices');
  if (!noticesWired) {
    noticesWired = true;
    area.addEventListener('click', (event) => {
      const button = event.target.closest('.notice__close');
      if (button) dismiss(button.closest('.notice'));
    });
  }
  return area;
}

// Removes a notice; focus on its close button moves to the next notice's (or the previous one's), else to main.
function dismiss(note) {
  if (!note) return;
  const hadFocus = note.contains(document.activeElement);
  const next = note.nextElementSibling ?? note.previousElementSibling;
  note.remove();
  if (hadFocus) (next?.querySelector('.notice__close') ?? document.querySelector('#main'))?.focus({ preventScroll: true });
}

/** Makes the notice area ready (its pre-rendered notices' close buttons). */
export function initNotices() {
  noticeArea();
}

/**
 * Shows a message in the page's polite notice area; `kind` is "info" or "warning". Each notice has a close
 * button. `key`: a notice with the same key is replaced, not repeated (a failure met on every render is one
 * notice). `scope: "view"`: the notice is about the view on screen (a link's refused parts, an assumption that
 * could not be applied) and goes when the visitor moves on (clearNotices). `timeout`: ms until it goes by
 * itself; 0 keeps it until dismissed or cleared.
 */
export function notify(message, kind = 'info', { timeout = 6000, key = '', scope = '' } = {}) {
  const area = noticeArea();
  const note = document.createElement('div');
  note.className = `notice notice--${kind}`;
  if (key) note.dataset.key = key;
  if (scope) note.dataset.scope = scope;
  const text = document.createElement('p');
  text.className = 'notice__text';
  text.textContent = message;
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'notice__close';
  close.setAttribute('aria-label', 'Dismiss this notice');  // the cross is drawn by CSS, so the text stays the message
  note.append(text, close);
  const existing = key ? [...area.children].find((child) => child.dataset.key === key) : null;
  if (existing) existing.replaceWith(note);
  else area.append(note);
  if (timeout) setTimeout(() => note.remove(), timeout);
  return note;
}

/** Removes the notices of `scope` ("view": those about the view the visitor is leaving), or one by its key. */
export function clearNotices({ scope = '', key = '' } = {}) {
  for (const note of [...element('#notices').children]) {
    if ((scope && note.dataset.scope === scope) || (key && note.dataset.key === key)) dismiss(note);
  }
}

/** Whether a notice with this key is on screen. */
export function hasNotice(key) {
  return [...element('#notices').children].some((child) => child.dataset.key === key);
}
