// The page's first and only module at load: every figure is in the HTML already, so nothing here stands between
// the visitor and the first paint. It marks the document as running (the static fallback stands down), makes the
// controls usable, keeps the links between pages on the address's assumptions, and loads the calculator
// (app.js, its modules, the WebAssembly module and the data) when the visitor first reaches for a control, or
// when the browser is idle after the page has loaded. What the visitor did before the calculator arrived (a
// slider moved, a box ticked, a button pressed, a search typed) is kept and applied as soon as it is running.
const root = document.documentElement;
// Marked at once, so start-check.js knows the page's scripts run; "running" once the calculator's modules are in.
root.dataset.app = 'waiting';

// The modules of the calculator on each kind of page (app.js's and its sections' views, dependencies first) and
// the data it starts with, written by site assembly: asked for together when the calculator is, in one round
// instead of one per import level.
const APP_MODULES = {/* aiexp:app-modules */};
const START_DATA = [/* aiexp:start-data */];

const LOADING_NOTE_MS = 300;  // a start that takes longer than this says so
const IDLE_TIMEOUT_MS = 4000;  // the browser's idle time is waited for at most this long after the load event

// What the visitor reached for: a control (a form field, a button that is not a popover's), or the assumptions'
// summary line, which opens the panel of controls.
const REACHING = 'input, select, textarea, button:not([popovertarget]), #assumptions > summary';
// What needs the calculator of what they did, in the order they did it: a changed field (with the value it was
// given, which the calculator's first drawing of the page would otherwise put back) and a pressed button (pressed
// again once the calculator is running).
const pending = new Map();  // control -> { kind: 'input', value, checked } | { kind: 'click' }
let started = null;

function controlOf(event) {
  const target = event.target;
  return target instanceof Element ? target.closest(REACHING) : null;
}

function remember(event) {
  if (started?.wired) return;  // the calculator's own listeners have it
  const control = controlOf(event);
  if (!control || !control.closest('main')) return;
  if (event.type === 'input' || event.type === 'change') {
    pending.delete(control);  // kept in the order of its last change
    pending.set(control, { kind: 'input', value: control.value, checked: control.checked });
  }
  // A field's own click (a checkbox, a radio) is its change; a summary opens by itself.
  if (event.type === 'click' && control.matches('button')) pending.set(control, { kind: 'click' });
  start({ reached: true });
}

// Hands app.js what the visitor did so far, once its own listeners are in place: from then on it sees every event.
function takePending() {
  started.wired = true;
  const taken = [...pending];
  pending.clear();
  return taken;
}

function reach(event) {
  const control = controlOf(event);
  if (control && control.closest('main')) start({ reached: true });
}

// Loads the calculator once. `reached`: a visitor is waiting for it, so a start that takes long says so.
function start({ reached = false } = {}) {
  if (!started) {
    const head = document.head;
    const site = (path) => new URL(path, import.meta.url).href;
    for (const path of APP_MODULES[root.dataset.page] ?? []) head.append(Object.assign(document.createElement('link'), { rel: 'modulepreload', href: site(path) }));
    // A role page names the parts its first live view needs besides these (its details and task statements).
    const data = [...START_DATA.map(site), ...(root.dataset.startData ?? '').split(' ').filter(Boolean)];
    for (const href of data) {
      head.append(Object.assign(document.createElement('link'), { rel: 'preload', as: 'fetch', href, crossOrigin: 'anonymous' }));
    }
    started = { done: false, wired: false };
    // Modules that never arrive never fail: past the start time of the static fallback (fallback.css, the one
    // place it is set) the page says the calculator has not started. Should they arrive after all, it starts.
    // app.js marks the document "running" once it and the views of the page are in.
    const limit = startTimeoutMs();
    const stalled = limit < Infinity ? setTimeout(() => {
      if (root.dataset.app === 'waiting') failed(new Error('its modules did not arrive in time'));
    }, limit) : 0;
    started.promise = import('./app.js')
      .then((app) => app.start({ takePending }))
      .then(() => {
        started.done = true;
        clearTimeout(stalled);
      }, (error) => {
        clearTimeout(stalled);
        // A calculator that began to run says itself what stopped it (app.js); one that never ran is said by the
        // static fallback. Either way the figures on the page stay readable.
        if (root.dataset.app !== 'running') failed(error);
        else console.warn('The calculator stopped:', error);
      });
  }
  if (reached && !started.noted) {
    started.noted = true;
    setTimeout(() => {
      if (started.done || !['waiting', 'running'].includes(root.dataset.app)) return;
      const note = document.getElementById('load-state');
      if (!note || note.dataset.state !== 'static') return;
      note.dataset.state = 'loading';
      document.getElementById('load-state-text').textContent = 'Loading the calculator…';
      note.hidden = false;
    }, LOADING_NOTE_MS);
  }
  return started.promise;
}

// The calculator's modules did not arrive or do not run here: the static fallback says so (fallback.css), the
// controls go back to what they are without it, and no "loading" note stays.
function failed(error) {
  root.dataset.app = 'noModule' in HTMLScriptElement.prototype ? 'failed' : 'unsupported';
  for (const control of document.querySelectorAll('[data-needs-core]')) control.disabled = true;
  const note = document.getElementById('load-state');
  if (note?.dataset.state === 'loading') {
    note.dataset.state = 'static';
    note.hidden = true;
  }
  console.warn('The calculator could not start:', error);
}

// The static fallback's start time, as fallback.css sets it ("15s", "500ms"); without the stylesheet there is no
// fallback to show, and no limit.
function startTimeoutMs() {
  const match = /^([\d.]+)(ms|s)$/.exec(getComputedStyle(root).getPropertyValue('--aiexp-start-timeout').trim());
  return match ? Number(match[1]) * (match[2] === 's' ? 1000 : 1) : Infinity;
}

// The controls work from the start: a reach for one starts the calculator and what it asked for waits for it.
for (const control of document.querySelectorAll('[data-needs-core][disabled]')) control.disabled = false;
for (const type of ['pointerdown', 'focusin', 'keydown']) document.addEventListener(type, reach, true);
for (const type of ['input', 'change', 'click']) document.addEventListener(type, remember, true);

// An in-page anchor of the one-page site this was (the overview's sections on every role, the methodology below
// them) now lives on another page: the address moves there, the assumptions and the anchor with it.
const MOVED_ANCHORS = {
  overview: './', 'uk-totals': './', 'totals-provenance': './', threshold: './', 'treemap-missing': './',
  'chart-embed-box': './', occupations: './', methodology: 'methodology/',
};
const anchor = decodeURIComponent(location.hash.slice(1));
if (anchor in MOVED_ANCHORS && !document.getElementById(anchor)) {
  const page = new URL(MOVED_ANCHORS[anchor], import.meta.url);
  page.search = location.search;
  page.hash = anchor === 'methodology' ? '' : location.hash;
  location.replace(page.href);
}

// Links between the pages keep the assumptions the address carries (app.js keeps them current after).
if (location.search) {
  for (const link of document.querySelectorAll('a[data-page-link]')) {
    const url = new URL(link.href);
    url.search = location.search;
    link.href = url.href;
  }
}

// Light and dark themes: the system's choice by default; the toggle overrides it and is remembered. It works at
// once (it needs no calculator), and is here rather than in a module of its own: one request fewer before the
// first paint.
const THEME_KEY = 'uk-ai-exposure-theme';
const themeToggle = document.getElementById('theme-toggle');
if (themeToggle) {
  const effectiveTheme = () => root.dataset.theme ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
  const showTheme = () => themeToggle.setAttribute('aria-pressed', String(effectiveTheme() === 'dark'));
  try {
    const saved = localStorage.getItem(THEME_KEY);
    if (saved === 'light' || saved === 'dark') root.dataset.theme = saved;
  } catch {
    // storage may be blocked; the system theme still applies
  }
  showTheme();
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', showTheme);
  themeToggle.addEventListener('click', () => {
    root.dataset.theme = effectiveTheme() === 'dark' ? 'light' : 'dark';
    try {
      localStorage.setItem(THEME_KEY, root.dataset.theme);
    } catch {
      // not remembered, still applied
    }
    showTheme();
  });
}

// Calls `fn` once the page has painted its first content: on a busy device the load event can come first.
function afterFirstPaint(fn) {
  if (performance.getEntriesByName('first-contentful-paint').length) {
    fn();
    return;
  }
  try {
    const observer = new PerformanceObserver((list) => {
      if (!list.getEntriesByName('first-contentful-paint').length) return;
      observer.disconnect();
      fn();
    });
    observer.observe({ type: 'paint', buffered: true });
  } catch {
    requestAnimationFrame(() => setTimeout(fn, 0));  // no paint timing here: the frame after the next one
  }
}

// A link of the earlier one-page site on the home page (/?cmp=2132, or /?soc=1137 where the server has no
// redirect) names a role whose page the calculator opens: it starts at once, and says so if that takes long.
// A page without controls (the methodology) never needs the calculator; the others load it when the browser is
// idle after the page has loaded and painted, never competing with its first paint.
if (root.dataset.page === 'home' && /(?:^|[?&])(?:soc|cmp)=/.test(location.search)) {
  start({ reached: true });
} else if (document.querySelector('[data-needs-core]')) {
  const whenIdle = () => afterFirstPaint(() => (globalThis.requestIdleCallback ?? ((fn) => setTimeout(fn, 1)))(() => start(), { timeout: IDLE_TIMEOUT_MS }));
  if (document.readyState === 'complete') whenIdle();
  else addEventListener('load', whenIdle, { once: true });
}
