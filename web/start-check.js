// Whether the page's own module started, for the static fallback of index.html: app.js marks the document
// (data-app="running") as soon as it runs, which is before DOMContentLoaded, so a document still unmarked then
// lost app.js or a module it imports (not found, refused, damaged). A classic script, loaded async, so it runs in
// browsers without modules too and never holds the page up; the fallback's text is in the HTML, shown by CSS.
(function startCheck() {
  const root = document.documentElement;
  const check = () => {
    if (root.dataset.app) return;
    root.dataset.app = 'noModule' in HTMLScriptElement.prototype ? 'failed' : 'unsupported';
  };
  const navigation = performance.getEntriesByType?.('navigation')?.[0];
  if (navigation && navigation.domContentLoadedEventEnd > 0) check();
  else document.addEventListener('DOMContentLoaded', check, { once: true });
})();
