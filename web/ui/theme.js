// Light and dark themes: the system's choice by default; the toggle overrides it and is remembered.
const STORAGE_KEY = 'uk-ai-exposure-theme';

function storedTheme() {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;  // storage may be blocked; the system theme still applies
  }
}

function effectiveTheme(root) {
  return root.dataset.theme ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
}

function show(button) {
  const dark = effectiveTheme(button.ownerDocument.documentElement) === 'dark';
  button.setAttribute('aria-pressed', String(dark));
}

/** Applies the remembered theme and wires the toggle `button`. */
export function initTheme(button) {
  const root = button.ownerDocument.documentElement;
  const saved = storedTheme();
  if (saved === 'light' || saved === 'dark') root.dataset.theme = saved;
  show(button);
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => show(button));
  button.addEventListener('click', () => {
    const next = effectiveTheme(root) === 'dark' ? 'light' : 'dark';
    root.dataset.theme = next;
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // not remembered, still applied
    }
    show(button);
  });
}
