// The DOM helpers every view writes through. A view is given its root element and reaches its document through
// root.ownerDocument, never a global, so the same view writes the build's HTML (a DOM without layout, in node)
// and updates the live page. Data always reaches the document as text (textContent, attribute values), never as
// markup. Every setter writes only when the value differs: an unchanged write still costs style work.
//
// The one hydration rule: a view finds what it draws inside its root, by `data-part` for fixed parts and by
// `data-key` for the items of a list (reconcile()), updates what is there and creates only what is missing. The
// build runs a view over the page template; the browser runs it again over the built HTML, where it finds every
// part already drawn from the same figures, so the first live render changes nothing on screen.

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * A new element of `doc` named `name` ("svg:rect" for the SVG namespace) with these attributes (values as
 * strings; null or false leaves one out, true writes it empty) and children (nodes or text).
 */
export function el(doc, name, attributes = {}, ...children) {
  const node = name.startsWith('svg:') ? doc.createElementNS(SVG_NS, name.slice(4)) : doc.createElement(name);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children) if (child !== null && child !== undefined && child !== '') node.append(child);
  return node;
}

/** The descendant of `root` marked data-part="`name`", or an error naming it (a missing part is a page bug). */
export function part(root, name) {
  const found = root.querySelector(`[data-part="${name}"]`);
  if (!found) throw new Error(`${root.id ? `#${root.id}` : root.tagName.toLowerCase()} has no part ${name}`);
  return found;
}

/** The [data-part] descendants of `root`, by name (the first of each). */
export function parts(root) {
  const found = {};
  for (const node of root.querySelectorAll('[data-part]')) found[node.dataset.part] ??= node;
  return found;
}

/** Sets text only when it changed. */
export function setText(node, text) {
  const value = text ?? '';
  if (node.textContent !== value) node.textContent = value;
}

/** Sets an attribute only when it changed; null removes it. */
export function setAttr(node, name, value) {
  if (value === null || value === undefined) {
    if (node.hasAttribute(name)) node.removeAttribute(name);
  } else if (node.getAttribute(name) !== String(value)) {
    node.setAttribute(name, String(value));
  }
}

/** Sets or removes a boolean attribute (hidden, disabled, checked, selected) only when that changes. */
export function setFlag(node, name, on) {
  if (node.hasAttribute(name) !== Boolean(on)) node.toggleAttribute(name, Boolean(on));
}

/** Shows or hides an element through its `hidden` attribute. */
export function setHidden(node, hidden) {
  setFlag(node, 'hidden', hidden);
}

/** Enables or disables a control through its `disabled` attribute. */
export function setDisabled(node, disabled) {
  setFlag(node, 'disabled', disabled);
}

/**
 * A control that works once the calculator runs (`ready`) and `enabled` holds. Until then (the build's HTML) it is
 * disabled and marked data-needs-core when only the calculator is missing: boot.js makes such controls usable at
 * once, and a reach for one starts the calculator; a reader without JavaScript finds them disabled.
 */
export function setReady(control, ready, enabled = true) {
  setDisabled(control, !(ready && enabled));
  setFlag(control, 'data-needs-core', !ready && enabled);
}

/**
 * Checks or unchecks a radio button or checkbox: its `checked` attribute, which the pre-rendered HTML carries,
 * and its live state, which the attribute no longer sets once the visitor has used the control.
 */
export function setChecked(input, checked) {
  setFlag(input, 'checked', checked);
  if (input.checked !== checked) input.checked = checked;
}

/** Sets an input's `value` attribute (what the pre-rendered HTML carries) and its live value. */
export function setValue(input, value) {
  setAttr(input, 'value', value);
  if (input.value !== value) input.value = value;
}

/** Selects the option of `select` with this value, through the options' `selected` attributes too. */
export function setSelected(select, value) {
  for (const option of select.querySelectorAll('option')) {
    const selected = option.getAttribute('value') === value;
    setFlag(option, 'selected', selected);
    if (option.selected !== selected) option.selected = selected;
  }
}

/** Fills every [data-`attribute`] descendant of `root` from the same-named property of `values`. */
export function fillFields(root, values, attribute = 'field') {
  for (const node of root.querySelectorAll(`[data-${attribute}]`)) {
    const key = node.getAttribute(`data-${attribute}`);
    if (key in values) setText(node, String(values[key] ?? ''));
  }
}

/** The element in `doc` that has focus, or null (a document without focus, as at build time, has none). */
export function focusedIn(doc) {
  return doc.activeElement ?? null;
}

/**
 * Makes `items` the element children of `parent`, in order, without ever taking out the child that holds focus:
 * a removed element loses focus, and the browser fires its blur and change events in the middle of the update.
 * Does nothing when the children are already these.
 */
export function placeChildren(parent, items) {
  const current = [...parent.children];
  if (current.length === items.length && current.every((item, i) => item === items[i])) return;
  const active = focusedIn(parent.ownerDocument);
  const focused = active ? items.find((item) => item.parentNode === parent && item.contains(active)) : undefined;
  if (!focused) {
    parent.replaceChildren(...items);
    return;
  }
  for (const item of current) if (!items.includes(item)) item.remove();
  const at = items.indexOf(focused);
  focused.before(...items.slice(0, at));
  focused.after(...items.slice(at + 1));
}

/**
 * The keyed list of the hydration rule: makes the children of `parent` one element per item of `items`, in
 * order, each found by its data-key (`key(item)`) among the children there, or made by `create(item)`, then
 * brought up to date by `update(node, item)`. Children whose key is gone are removed; focus stays put.
 * Returns the nodes in order.
 */
export function reconcile(parent, items, { key, create, update }) {
  const existing = new Map();
  for (const child of parent.children) if (child.dataset.key !== undefined) existing.set(child.dataset.key, child);
  const nodes = items.map((item) => {
    const k = String(key(item));
    let node = existing.get(k);
    if (!node) {
      node = create(item);
      node.setAttribute('data-key', k);
    }
    existing.delete(k);
    update(node, item);
    return node;
  });
  placeChildren(parent, nodes);
  return nodes;
}

/** A copy of the first element of the <template> marked data-template="`name`" inside `root`. */
export function fromTemplate(root, name) {
  const template = root.querySelector(`template[data-template="${name}"]`);
  if (!template) throw new Error(`${root.id ? `#${root.id}` : root.tagName.toLowerCase()} has no template ${name}`);
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

/** A text as part of an element's id: lower case, each run of other characters than letters and digits one "-". */
export function idPart(text) {
  return String(text).toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

/** Whether a click is a plain one, which the page handles itself (a modified click opens the link as usual). */
export function plainClick(event) {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}
