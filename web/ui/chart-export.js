// A chart on screen as a standalone SVG or PNG file: the chart as drawn (its colours and fonts copied from the
// styles in force, so the file needs no stylesheet), under its title and the assumptions in force, over the
// source line. The PNG is the same SVG drawn onto a canvas at twice its size.
import { el } from './dom.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
// The style properties a chart's look depends on, copied onto every element of the copy.
const STYLE_PROPERTIES = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'opacity', 'font-family',
                          'font-size', 'font-weight', 'visibility', 'display', 'text-anchor', 'dominant-baseline'];
const MIN_WIDTH = 720;
const MAX_WIDTH = 960;
const MARGIN = 24;

// Words of `text` in lines of at most `chars` characters.
function wrap(text, chars) {
  const lines = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > chars) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

const node = (doc, name, attributes, text) => el(doc, `svg:${name}`, attributes, text);

// A copy of `svg` whose every element carries the computed values of STYLE_PROPERTIES as attributes.
function inlinedCopy(svg) {
  const copy = svg.cloneNode(true);
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [copy, ...copy.querySelectorAll('*')];
  const view = svg.ownerDocument.defaultView;
  originals.forEach((original, i) => {
    const style = view.getComputedStyle(original);
    for (const property of STYLE_PROPERTIES) {
      const value = style.getPropertyValue(property);
      if (value) copies[i].setAttribute(property, value);
    }
    copies[i].removeAttribute('class');
    copies[i].removeAttribute('tabindex');
    copies[i].removeAttribute('aria-describedby');
  });
  return copy;
}

/**
 * The SVG file's text of `svg` (a chart whose viewBox gives its size) with `title`, the `assumptions` sentence and
 * the `source` line drawn into it, and the legend of `bands` (the core's); colours from `theme` (themeOf).
 */
export function chartSvg(svg, { title, assumptions, source, theme, bands }) {
  const doc = svg.ownerDocument;
  const [, , viewWidth, viewHeight] = (svg.getAttribute('viewBox') ?? '0 0 640 220').split(/[\s,]+/).map(Number);
  // A narrow chart (the group bars) keeps its text near its size on screen instead of filling the widest file.
  const width = Math.round(Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, viewWidth * 1.5 + 2 * MARGIN)));
  const chartWidth = width - 2 * MARGIN;
  const chartHeight = (chartWidth * viewHeight) / viewWidth;
  const headLines = wrap(assumptions, Math.floor(chartWidth / 7));
  const footLines = wrap(source, Math.floor(chartWidth / 6));
  const legendY = MARGIN + 26 + headLines.length * 16 + 22;
  const top = legendY + 16;
  const height = Math.ceil(top + chartHeight + 16 + footLines.length * 14 + MARGIN);
  const out = node(doc, 'svg', { xmlns: SVG_NS, width, height, viewBox: `0 0 ${width} ${height}` });
  out.append(node(doc, 'rect', { x: 0, y: 0, width, height, fill: theme.background }));
  const font = 'DejaVu Sans, Verdana, Arial, sans-serif';
  out.append(node(doc, 'text', { x: MARGIN, y: MARGIN + 18, fill: theme.text, 'font-family': font, 'font-size': 20, 'font-weight': 700 }, title));
  headLines.forEach((line, i) => {
    out.append(node(doc, 'text', { x: MARGIN, y: MARGIN + 42 + i * 16, fill: theme.muted, 'font-family': font, 'font-size': 13 }, line));
  });
  // The bands' colours, as every chart draws them.
  let x = MARGIN;
  for (const band of bands) {
    out.append(node(doc, 'rect', { x, y: legendY - 10, width: 11, height: 11, rx: 2, fill: theme.bands[band.key] }));
    const label = `${band.name} ${band.rangeText}`;
    out.append(node(doc, 'text', { x: x + 15, y: legendY, fill: theme.muted, 'font-family': font, 'font-size': 12 }, label));
    x += 15 + label.length * 7 + 14;
  }
  const chart = inlinedCopy(svg);
  for (const [key, value] of Object.entries({ x: MARGIN, y: top, width: chartWidth, height: chartHeight.toFixed(1) })) {
    chart.setAttribute(key, String(value));
  }
  chart.removeAttribute('id');
  chart.removeAttribute('role');
  chart.removeAttribute('aria-labelledby');
  out.append(chart);
  footLines.forEach((line, i) => {
    out.append(node(doc, 'text', { x: MARGIN, y: top + chartHeight + 24 + i * 14, fill: theme.muted, 'font-family': font, 'font-size': 11 }, line));
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(out)}\n`;
}

/** The PNG of an SVG file's text, at `scale` times its size: resolves to a Blob, or rejects saying why. */
export function svgToPng(svgText, scale = 2) {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
    const image = new Image();
    image.addEventListener('load', () => {
      const canvas = globalThis.document.createElement('canvas');
      canvas.width = Math.round(image.naturalWidth * scale);
      canvas.height = Math.round(image.naturalHeight * scale);
      const context = canvas.getContext('2d');
      context.scale(scale, scale);
      context.drawImage(image, 0, 0);
      URL.revokeObjectURL(url);
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the browser could not encode the PNG'))), 'image/png');
    }, { once: true });
    image.addEventListener('error', () => {
      URL.revokeObjectURL(url);
      reject(new Error("the browser would not draw the chart's image (a page's security policy may forbid blob: images)"));
    }, { once: true });
    image.src = url;
  });
}

/**
 * The theme colours an export takes from the element's styles (its custom properties, as the page sets them), with
 * the colour of each of `bands` (the core's) by its key.
 */
export function themeOf(element, bands) {
  // A custom property holds what was written (a light-dark() pair, say): the colour in force is read from a probe
  // that takes it as its colour.
  const view = element.ownerDocument.defaultView;
  const probe = element.ownerDocument.createElementNS(SVG_NS, 'g');
  element.append(probe);
  const read = (name) => {
    probe.style.color = `var(${name})`;
    return view.getComputedStyle(probe).color;
  };
  const colours = Object.fromEntries(bands.map((band) => [band.key, read(`--band-${band.key.replace('_', '-')}`)]));
  const theme = { background: read('--surface'), text: read('--text'), muted: read('--muted'), bands: colours };
  probe.remove();
  return theme;
}
