// The buttons under each chart: download it as SVG or PNG (with its title, the assumptions in force and the
// source drawn in) and "Embed this chart", which shows the snippet of a <uk-ai-exposure-chart> of the same kind.
import { copyText, download, element, notify } from './dom.js';

/**
 * `charts[kind]()`: { svg, title } of the chart on screen; `describe(kind)`: { assumptions, source } sentences;
 * `embed(kind)`: resolves to the snippet.
 */
export function wireChartActions({ charts, describe, embed }) {
  for (const button of document.querySelectorAll('[data-export], [data-embed-chart]')) button.disabled = false;
  document.addEventListener('click', async (event) => {
    const button = event.target.closest?.('[data-export], [data-embed-chart]');
    if (!button) return;
    const kind = button.dataset.export ?? button.dataset.embedChart;
    if (!Object.hasOwn(charts, kind)) return;
    if (button.dataset.embedChart) {
      try {
        const code = element('#chart-embed-code');
        code.value = await embed(kind);
        element('#chart-embed-box').hidden = false;
        button.closest('figure')?.after(element('#chart-embed-box'));
        code.focus();
      } catch (error) {
        notify(`The embed code could not be made (${error.message}).`, 'warning');
      }
      return;
    }
    // The exporter is fetched on the first download: most visits never need it.
    const { chartSvg, svgToPng, themeOf } = await import('./chart-export.js');
    const { svg, title } = charts[kind]();
    const text = chartSvg(svg, { title, ...describe(kind), theme: themeOf(svg) });
    const name = `uk-ai-exposure-${kind}`;
    if (button.dataset.format === 'svg') return download(`${name}.svg`, text, 'image/svg+xml');
    try {
      download(`${name}.png`, await svgToPng(text), 'image/png');
    } catch (error) {
      notify(`The PNG could not be made: ${error.message}. The SVG download works in every browser.`, 'warning');
    }
  });
  element('#copy-chart-embed').addEventListener('click', async () => {
    const code = element('#chart-embed-code');
    notify((await copyText(code.value)) ? 'Embed code copied.' : 'Select the code and copy it.');
    code.select();
  });
}
