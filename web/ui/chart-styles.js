// The charts' own CSS rules (treemap, group bars, distribution, compare), as the page's styles.css has them: the
// chart element adopts them in its shadow root (a constructable stylesheet, which a strict style-src allows).
// styles.css keeps the same lines for the pre-rendered page, which must be styled without JavaScript;
// tests/site/chart-styles.test.mjs checks that every line here is in it, word for word.
export const CHART_RULES = `
.chart__svg { width: 100%; height: auto; display: block; }
.chart__bar { fill: var(--muted); }
.chart__bar[data-band="Minimal"] { fill: var(--band-minimal); }
.chart__bar[data-band="Low"] { fill: var(--band-low); }
.chart__bar[data-band="Moderate"] { fill: var(--band-moderate); }
.chart__bar[data-band="High"] { fill: var(--band-high); }
.chart__bar[data-band="Very high"] { fill: var(--band-very-high); }
.chart__axis { stroke: var(--muted); stroke-width: 1; }
.chart__tick, .chart__marker-label { fill: var(--muted); font-size: 12px; font-family: var(--font); }
.chart__marker { stroke: var(--text); stroke-width: 2.5; stroke-dasharray: 4 3; }
.chart__marker-label { fill: var(--text); font-weight: 700; }
.treemap__frame { position: relative; contain: layout paint; }
.treemap__svg, .groups-chart__svg, .compare-chart__svg { width: 100%; height: auto; display: block; }
.groups-chart__svg, .compare-chart__svg { max-width: 44rem; }
.treemap__svg { background: var(--surface-2); }
.treemap__leaf rect { fill: var(--muted); stroke: var(--surface); stroke-width: 0.75; }
.treemap__leaf rect[data-band="Minimal"] { fill: var(--band-minimal); }
.treemap__leaf rect[data-band="Low"] { fill: var(--band-low); }
.treemap__leaf rect[data-band="Moderate"] { fill: var(--band-moderate); }
.treemap__leaf rect[data-band="High"] { fill: var(--band-high); }
.treemap__leaf rect[data-band="Very high"] { fill: var(--band-very-high); }
.treemap__leaf[data-below] rect { fill-opacity: 0.4; }
.treemap__leaf[data-below] .treemap__label { fill: var(--text); }
.treemap__leaf:hover rect, .treemap__leaf:focus rect { stroke: var(--text); stroke-width: 2.5; }
.treemap__leaf:focus { outline: none; }
.treemap__label { fill: var(--band-text); font-size: 11px; font-family: var(--font); pointer-events: none; }
.treemap__groups { pointer-events: none; }
.treemap__group { fill: none; stroke: var(--surface); stroke-width: 3; }
.treemap__group-label-bg { fill: var(--surface); fill-opacity: 0.88; }
.treemap__group-label { fill: var(--text); font-size: 11px; font-weight: 700; font-family: var(--font); }
.treemap__current { fill: none; stroke: var(--text); stroke-width: 3.5; pointer-events: none; }
.treemap__tip { position: absolute; z-index: 2; width: 15rem; padding: 0.45rem 0.6rem; border: 1px solid var(--border); border-radius: 8px; background: var(--surface); box-shadow: var(--shadow); font-size: 0.85rem; pointer-events: none; }
.treemap__tip strong { display: block; }
.treemap__missing { color: var(--muted); font-size: 0.9rem; }
.legend { display: flex; flex-wrap: wrap; gap: 0.3rem 1rem; list-style: none; padding: 0; margin: 0.5rem 0; font-size: 0.85rem; color: var(--muted); }
.legend li { display: inline-flex; align-items: center; gap: 0.35rem; }
.legend__swatch { width: 0.9rem; height: 0.9rem; border-radius: 3px; }
.group-bar__hit { fill: transparent; }
.group-bar:hover .group-bar__hit, .group-bar:focus .group-bar__hit { fill: var(--surface-2); }
.group-bar:focus { outline: none; }
.group-bar:focus .group-bar__hit { stroke: var(--focus); stroke-width: 2; }
.group-bar__title { fill: var(--text); font-size: 13px; font-weight: 600; font-family: var(--font); }
.group-bar__detail, .group-bar__value, .compare-chart__value { fill: var(--muted); font-size: 12px; font-family: var(--font); }
.group-bar__value, .compare-chart__value { fill: var(--text); font-weight: 700; }
.group-bar__bar { fill: var(--muted); }
.group-bar__bar[data-band="Minimal"] { fill: var(--band-minimal); }
.group-bar__bar[data-band="Low"] { fill: var(--band-low); }
.group-bar__bar[data-band="Moderate"] { fill: var(--band-moderate); }
.group-bar__bar[data-band="High"] { fill: var(--band-high); }
.group-bar__bar[data-band="Very high"] { fill: var(--band-very-high); }
.compare-chart__title { fill: var(--text); font-size: 13px; font-weight: 600; font-family: var(--font); }
.compare-chart__tick { stroke: var(--text); stroke-width: 2; }
`;
