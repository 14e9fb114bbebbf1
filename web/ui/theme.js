// Light and dark themes: the system's choice by default; the toggle overrides it and is remembered.
import { element } from './dom.js';

const STORAGE_KEY = 'uk-ai-exposure-theme';

function storedTheme() {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;  // storage may be blocked; the system theme still applies
  }
}

function effectiveTheme() {
  return document.documentElement.dataset.theme ??
         (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
}

function show(button) {
  const dark = effectiveTheme() === 'dark';
  button.setAttribute('aria-pressed', String(dark));
}

export function initTheme() {
  const saved = storedTheme();
  if (saved === 'light' || saved === 'dark') document.documentElement.dataset.theme = saved;
  const button = element('#theme-toggle');
  show(button);
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => show(button));
  button.addEventListener('click', () => {
    const next = effectiveTheme() === 'dark' ? 'light' : 'dark';
    document.documentElement.dataset.theme = next;
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // not remembered, still applied
    }
    show(button);
  });
}
