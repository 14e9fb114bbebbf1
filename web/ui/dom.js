// Small DOM helpers for the page. Data always reaches the document as text (textContent, attribute values),
// never as markup.

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

/** Shows a short message in the page's polite notice area; `kind` is "info" or "warning". */
export function notify(message, kind = 'info', { timeout = 6000 } = {}) {
  const area = element('#notices');
  const note = document.createElement('p');
  note.className = `notice notice--${kind}`;
  note.textContent = message;
  area.append(note);
  if (timeout) setTimeout(() => note.remove(), timeout);
  return note;
}
