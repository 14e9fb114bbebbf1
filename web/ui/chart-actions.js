// The buttons under each chart: download it as SVG or PNG (with its title, the assumptions in force, the bands'
// legend and the source drawn in) and "Embed this chart", which shows the snippet of a <uk-ai-exposure-chart> of
// the same kind. Wired on the page's root, by delegation.
import { copyText, download } from './browser.js';

/**
 * `charts[kind]()`: { svg, title } of the chart on screen; `describe(kind)`: resolves to { assumptions, source, bands }
 * (the sentences drawn in and the core's bands); `embed(kind)`: resolves to the snippet; `embedOnly`: the kinds that
 * are embedded but not downloaded as images (the breakdowns, which download as CSV); `notices`: where a failure is said.
 */
export function wireChartActions(root, { charts, describe, embed, embedOnly = [], notices }) {
  const doc = root.ownerDocument;
  const box = root.querySelector('#chart-embed-box');
  const code = root.querySelector('#chart-embed-code');
  root.addEventListener('click', async (event) => {
    if (event.target.closest('#copy-chart-embed')) {
      notices.notify((await copyText(code.value)) ? 'Embed code copied.' : 'Select the code and copy it.');
      code.select();
      return;
    }
    const button = event.target.closest?.('[data-export], [data-embed-chart]');
    if (!button) return;
    const kind = button.dataset.export ?? button.dataset.embedChart;
    const embedded = button.dataset.embedChart && embedOnly.includes(kind);
    if (!Object.hasOwn(charts, kind) && !embedded) return;
    if (button.dataset.embedChart) {
      try {
        code.value = await embed(kind);
        box.hidden = false;
        button.closest('figure')?.after(box);
        code.focus();
      } catch (error) {
        notices.notify(`The embed code could not be made (${error.message}).`, 'warning');
      }
      return;
    }
    // The exporter is fetched on the first download: most visits never need it.
    const { chartSvg, svgToPng, themeOf } = await import('./chart-export.js');
    const { svg, title } = charts[kind]();
    const { bands, ...sentences } = await describe(kind);
    const text = chartSvg(svg, { title, ...sentences, bands, theme: themeOf(svg, bands) });
    const name = `uk-ai-exposure-${kind}`;
    if (button.dataset.format === 'svg') return download(doc, `${name}.svg`, text, 'image/svg+xml');
    try {
      download(doc, `${name}.png`, await svgToPng(text), 'image/png');
    } catch (error) {
      notices.notify(`The PNG could not be made: ${error.message}. The SVG download works in every browser.`, 'warning');
    }
  });
}
