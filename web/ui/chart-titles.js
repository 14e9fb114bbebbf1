// The charts, in one place: their kinds and titles, which the page's exports and headings, the chart element
// (its kinds and captions) and the oEmbed answers (tools/site/oembed.mjs) all read.
export const CHART_TITLES = Object.freeze({
  treemap: 'UK occupations by employees, coloured by exposure to AI',
  groups: 'Exposure to AI by SOC 2020 major group (employment-weighted mean)',
  distribution: 'How UK occupations spread across the exposure scale',
  compare: 'UK occupations compared: exposure to AI',
  sex: 'Exposure to AI by sex',
  pattern: 'Exposure to AI by working pattern',
  industry: 'Exposure to AI by industry',
  region: 'Exposure to AI by nation and region',
  pay: 'Exposure to AI by pay',
});


/** Every kind of chart, in the order the element's documentation lists them. */
export const CHART_KINDS = Object.freeze(Object.keys(CHART_TITLES));
/** The charts of who holds the exposed work (web/ui/breakdown-*-view.js), over data/breakdowns.json. */
export const BREAKDOWN_KINDS = Object.freeze(['sex', 'pattern', 'industry', 'region', 'pay']);
