// The embed page's preview frame (embed-preview.html): puts the very code the editor would paste into a host page
// with hostile styles, so the preview is what a reader of the article sees. Its query names the form and what the
// snippet writer needs (embed-editor.js writes it); the snippet is parsed and its elements, scripts included,
// recreated in the page (a parsed <script> never runs), pinned with the same integrity.
import { PREVIEW_SETTLED, cardSnippet, chartSnippet, iframeSnippet, loadManifest } from './ui/embed-code.js';

const params = new URLSearchParams(location.search);
const host = document.getElementById('preview-host');

function show(html) {
  const parsed = new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
  for (const node of [...parsed.body.childNodes]) {
    if (node.nodeName === 'SCRIPT' || node.nodeName === 'LINK') {
      const copy = document.createElement(node.nodeName.toLowerCase());
      for (const { name, value } of node.attributes) copy.setAttribute(name, value);
      (node.nodeName === 'LINK' ? document.head : host).append(copy);
    } else {
      host.append(document.importNode(node, true));
    }
  }
}

try {
  const manifest = await loadManifest();
  const form = params.get('form') ?? 'card';
  const options = {
    soc: params.get('soc') ?? '', title: params.get('title') ?? '', query: params.get('q') ?? '', kind: params.get('kind') ?? 'treemap',
    socs: (params.get('socs') ?? '').split(',').filter(Boolean), variant: params.get('variant') ?? 'compact',
    theme: params.get('theme') ?? 'auto', pinned: params.get('pinned') !== 'latest',
  };
  if (form === 'card') show(cardSnippet(manifest, options));
  else if (form === 'chart') show(chartSnippet(manifest, options));
  else if (form === 'iframe-card') show(iframeSnippet(manifest, { ...options, kind: '' }));
  else show(iframeSnippet(manifest, { ...options, soc: '' }));
} catch (error) {
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.textContent = error.message;
  host.append(message);
}
tellWhenSettled();

// Says to the embed page when every card and chart shown, in the frame forms' own pages too, has drawn or failed:
// the page moves the preview on only then (embed-editor.js).
function tellWhenSettled() {
  const ELEMENTS = 'uk-ai-exposure, uk-ai-exposure-chart';
  const done = (element) => element.dataset.state === 'ready' || element.dataset.state === 'error';
  const settled = () => [...host.querySelectorAll(ELEMENTS)].every(done)
    && [...host.querySelectorAll('iframe')].every((frame) => {
      const inner = frame.contentDocument;  // null for a page of another origin, which cannot be followed
      if (!inner) return true;
      const elements = [...inner.querySelectorAll(ELEMENTS)];
      return elements.length > 0 && elements.every(done);
    });
  const poll = setInterval(() => {
    if (!settled()) return;
    clearInterval(poll);
    window.parent.postMessage({ type: PREVIEW_SETTLED, href: location.href }, location.origin);
  }, 100);
}
