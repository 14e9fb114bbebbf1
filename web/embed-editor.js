// The editors' embed page (embed/, from web/embed-editor.html): pick a role with the calculator's own search, a
// form, the assumptions and a theme; the preview frame (embed-preview.html) shows the pinned code on a hostile
// host page; the code comes from the same writer as "Embed this card" (ui/embed-code.js). The assumptions are
// read by the core (decodeState), as a link's are, so the code shows what the calculator shows. A role page's
// "Embed this card" opens this page with its role and query (?soc=1137&e2=0.5&t=969.E0).
import { loadCalculator } from './aiexp-loader.js';
import { copyText } from './ui/browser.js';
import {
  LATEST_TRADE_OFF, PREVIEW_SETTLED, cardSnippet, chartSnippet, hostPolicy, iframeSnippet, loadManifest, roleLink,
} from './ui/embed-code.js';
import { RolePicker } from './ui/role-picker.js';
import { cut } from './widget/uk-ai-exposure-base.js';

const $ = (selector) => document.querySelector(selector);
const form = $('#editor-form');
const status = $('#editor-status');
const ASSUMPTIONS = ['labels', 'e1', 'e2', 'weights', 'bridge', 'wage', 'measure', 'tasks'];

function say(text, state = '') {
  status.textContent = text;
  status.dataset.state = state;
}

const state = { soc: '', title: '' };
let calculator = null;
let manifest = null;

// The preview moves on to the latest choice once what it shows has settled (each card and chart drawn or failed:
// embed-preview.js says so), or after PREVIEW_SETTLE_MS. A page left while a pinned download is in flight has the
// browser report the cancelled download as an error, and a visitor arrowing through the forms need not have each
// one on the way loaded.
const PREVIEW_SETTLE_MS = 8000;
const preview = { frame: $('#editor-preview'), busy: false, next: '', timer: 0 };

function showPreview(src) {
  preview.next = src;
  if (!preview.busy) movePreview();
}

function movePreview() {
  clearTimeout(preview.timer);
  const src = preview.next;
  preview.next = '';
  if (!src || preview.frame.src === src) {
    preview.busy = false;
    return;
  }
  preview.busy = true;
  preview.frame.src = src;
  preview.timer = setTimeout(movePreview, PREVIEW_SETTLE_MS);
}

// The frame's window stays the same across its pages: the message names the page that settled, so a late word
// from the page before moves nothing on.
window.addEventListener('message', (event) => {
  if (event.origin !== location.origin || event.source !== preview.frame.contentWindow || event.data?.type !== PREVIEW_SETTLED
      || event.data.href !== preview.frame.src) return;
  movePreview();
});

// The assumptions of the form as a link's query, read by the core: { query } (as the calculator writes it) or
// { error } naming the part it refused (cut: a field may hold anything).
async function readAssumptions() {
  const params = new URLSearchParams();
  for (const name of ASSUMPTIONS) {
    const value = form.elements[name].value.trim();
    if (value !== '') params.set(name, value);
  }
  if (params.has('tasks') || params.get('measure') !== 'eloundou') {
    const details = await calculator.ensureDetails();
    if (!details.ok) return { error: `The task list could not be downloaded (${details.detail ?? details.message}).` };
  }
  const decoded = calculator.decodeState(params.toString());
  if (decoded.rejected.length) return { error: `Not used: ${cut(decoded.rejected[0], 160)}` };
  const made = calculator.snapshot(decoded.assumptions);
  if (!made.ok) return { error: made.message };
  return { query: made.snapshot.query, snapshot: made.snapshot };
}

function setOutput(name, text) {
  $(`#out-${name}`).value = text;
}

// Shows the fields of the chosen form only: a card's variant, a chart's kind, and the roles of a comparison.
function showFields(isCard) {
  const show = (id, visible) => {
    for (const node of [$(`#${id}`), $(`label[for="${id}"]`), $(`#${id}-hint`)]) if (node) node.hidden = !visible;
  };
  show('editor-variant', isCard);
  show('editor-kind', !isCard);
  show('editor-socs', !isCard && form.elements.kind.value === 'compare');
}

async function update() {
  const chosen = form.elements.form.value;
  const isCard = chosen === 'card' || chosen === 'iframe-card';
  showFields(isCard);
  if (!calculator || !manifest) return;
  if (isCard && !state.soc) {
    say('Pick an occupation to embed its card.');
    return;
  }
  const read = await readAssumptions();
  if (read.error) {
    say(read.error, 'error');
    return;
  }
  const options = {
    soc: state.soc, title: state.title, query: read.query, variant: form.elements.variant.value, theme: form.elements.theme.value,
    kind: form.elements.kind.value, socs: form.elements.socs.value.split(',').map((s) => s.trim()).filter(Boolean),
  };
  if (!isCard && options.kind === 'compare' && (options.socs.length < 1 || options.socs.length > 6 || options.socs.some((s) => !/^\d{4}$/.test(s)))) {
    say('A comparison needs 1 to 6 SOC 2020 codes, such as 1137,2132.', 'error');
    return;
  }
  const chart = !isCard;
  const element = chart ? chartSnippet : cardSnippet;
  setOutput('pinned', chosen.startsWith('iframe') ? iframeSnippet(manifest, { ...options, ...(chart ? { soc: '' } : { kind: '' }) })
                                                  : element(manifest, { ...options, pinned: true }));
  setOutput('latest', chosen.startsWith('iframe') ? iframeSnippet(manifest, { ...options, ...(chart ? { soc: '' } : { kind: '' }), pinned: false })
                                                  : element(manifest, { ...options, pinned: false }));
  setOutput('iframe', iframeSnippet(manifest, { ...options, ...(chart ? { soc: '' } : { kind: '' }) }));
  setOutput('link', chart ? new URL(`../${read.query ? `?${read.query}` : ''}`, location.href).href : roleLink(state.soc, read.query));
  setOutput('csp', hostPolicy(chosen.startsWith('iframe') ? 'iframe' : chosen));
  $('[data-output="iframe"]').hidden = chosen.startsWith('iframe');
  const preview = new URLSearchParams({ form: chosen, soc: state.soc, title: state.title, q: read.query, kind: options.kind,
                                        socs: options.socs.join(','), variant: options.variant, theme: options.theme });
  const src = new URL(`../embed-preview.html?${preview}`, location.href).href;
  showPreview(src);
  say(isCard ? `The card of ${state.title} (SOC 2020 ${state.soc}), widget release ${manifest.release}.`
             : `The chart, widget release ${manifest.release}.`);
}

function choose(soc) {
  const unit = calculator.unitGroups().find((group) => group.soc === soc);
  if (!unit) return false;
  state.soc = soc;
  state.title = unit.title;
  $('#editor-role').textContent = `${unit.title} (SOC 2020 ${soc})`;
  if (!form.elements.socs.value) form.elements.socs.value = soc;
  return true;
}

// The role and assumptions this page was opened with (a role page's "Embed this card" link), read as a link's.
function restore() {
  const decoded = calculator.decodeState(location.search.replace(/^\?/, ''));
  if (decoded.soc) choose(decoded.soc);
  const defaults = calculator.defaults();
  for (const name of ASSUMPTIONS) {
    if (name === 'tasks') continue;
    const value = decoded.assumptions[name] ?? defaults[name];
    if (value !== undefined) form.elements[name].value = String(value);
  }
  const tasks = new URLSearchParams(location.search).get('t') ?? new URLSearchParams(location.search).get('tasks');
  if (tasks) form.elements.tasks.value = tasks.slice(0, 4000);
  return decoded.rejected.length ? `Part of the address was not used: ${cut(decoded.rejected[0], 160)}` : '';
}

$('#editor-trade-off').textContent = LATEST_TRADE_OFF;
document.addEventListener('click', async (event) => {
  const button = event.target.closest('[data-copy]');
  if (!button) return;
  const area = document.getElementById(button.dataset.copy);
  const copied = await copyText(area.value);
  $('#editor-copied').textContent = copied ? 'Copied.' : 'Select the code and copy it.';
  if (!copied) area.select();
});
form.addEventListener('submit', (event) => event.preventDefault());
form.addEventListener('change', () => update());
form.addEventListener('input', (event) => {
  if (event.target.type !== 'text' && event.target.id !== 'role-search') update();
});

update();  // the fields of the form chosen, while the calculator loads

const [loaded, listed] = await Promise.all([loadCalculator(), loadManifest().then((m) => ({ ok: true, manifest: m }), (error) => ({ ok: false, error }))]);
if (!loaded.ok) {
  say(`${loaded.message} Reload the page to try again.`, 'error');
} else if (!listed.ok) {
  say(listed.error.message, 'error');
} else {
  calculator = loaded.calculator;
  manifest = listed.manifest;
  document.documentElement.dataset.app = 'running';
  new RolePicker($('#picker'), calculator, (soc) => {
    choose(soc);
    update();
  });
  const notice = restore();
  await update();
  if (notice) say(notice, 'error');
}
