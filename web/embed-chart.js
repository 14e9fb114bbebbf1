// The iframe form of <uk-ai-exposure-chart>, for hosts that cannot run scripts:
//   <iframe src="https://.../embed-chart.html?kind=treemap&e2=0.5" data-uk-ai-exposure title="..."></iframe>
// takes the chart's kind, socs, soc, theme and assumptions from the query and reports its height to the embedding
// page (embed-frame.js); without a listener, give the iframe a height (about 640px for a treemap).
import './widget/uk-ai-exposure-chart-define.js';
import { applyQuery, keepHeading, reportHeight } from './embed-frame.js';
import { CHART_UPDATED_EVENT } from './widget/uk-ai-exposure-chart.js';

document.documentElement.dataset.app = 'running';
const host = document.getElementById('card-host');
for (const fallback of host.querySelectorAll('.card-fallback, noscript')) fallback.remove();
const params = new URLSearchParams(location.search);
const chart = document.createElement('uk-ai-exposure-chart');
applyQuery(chart, params, { own: ['kind', 'socs', 'theme'] });
chart.setAttribute('page', new URL('index.html', import.meta.url).href);
host.append(chart);
keepHeading(host, chart, 'UK AI Exposure chart', { always: true });
reportHeight(params, chart, CHART_UPDATED_EVENT);
