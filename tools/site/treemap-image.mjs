// The pre-rendered treemap of the role pages. The home page carries the treemap inline, one link per occupation;
// a role page would carry the same 14 KB (gzip) of markup again, beyond its HTML budget, so without JavaScript it
// shows the same drawing as one shared image (charts/treemap.<hash>.svg, cached once for every role page) with
// the role's outline drawn over it; the live page draws the interactive treemap instead. The image is the home
// page's treemap as the view code drew it, with the page's light colours written in as attributes (an image
// cannot use the page's stylesheet, and the site's CSP allows no styles inside it).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { hashedName } from './headers.mjs';

// The light theme's colours, read from the first rule of styles.css that sets them (:root).
async function lightPalette(out) {
  const css = await readFile(join(out, 'styles.css'), 'utf8');
  const colour = (name) => {
    const match = new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{3,8})\\s*;`).exec(css);
    if (!match) throw new Error(`styles.css sets no --${name}`);
    return match[1];
  };
  return {
    band: { Minimal: colour('band-minimal'), Low: colour('band-low'), Moderate: colour('band-moderate'),
            High: colour('band-high'), 'Very high': colour('band-very-high') },
    bandText: colour('band-text'), surface: colour('surface'), surface2: colour('surface-2'), text: colour('text'),
    muted: colour('muted'),
  };
}

const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
const FONT = 'system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif';

function element(name, attributes, text = null) {
  const list = Object.entries(attributes).map(([key, value]) => ` ${key}="${escape(String(value))}"`).join('');
  return text === null ? `<${name}${list}/>` : `<${name}${list}>${escape(text)}</${name}>`;
}

const box = (node) => Object.fromEntries(['x', 'y', 'width', 'height'].map((key) => [key, node.getAttribute(key)]));

/** The standalone SVG of a drawn treemap (`svg`, the #treemap element) in the light colours. */
export function treemapImage(svg, palette) {
  const [, , width, height] = svg.getAttribute('viewBox').split(' ');
  const parts = [element('rect', { x: 0, y: 0, width, height, fill: palette.surface2 })];
  for (const leaf of svg.querySelectorAll('a.treemap__leaf')) {
    const rect = leaf.querySelector('rect');
    const below = leaf.hasAttribute('data-below');
    parts.push(element('rect', { ...box(rect), fill: palette.band[rect.getAttribute('data-band')] ?? palette.muted,
                                 ...(below ? { 'fill-opacity': 0.4 } : {}), stroke: palette.surface, 'stroke-width': 0.75 }));
    const label = leaf.querySelector('text');
    if (label) {
      parts.push(element('text', { x: label.getAttribute('x'), y: label.getAttribute('y'), fill: below ? palette.text : palette.bandText,
                                   'font-size': 11, 'font-family': FONT }, label.textContent));
    }
  }
  for (const node of svg.querySelectorAll('.treemap__groups > *')) {
    const kind = node.getAttribute('class');
    if (kind === 'treemap__group') parts.push(element('rect', { ...box(node), fill: 'none', stroke: palette.surface, 'stroke-width': 3 }));
    if (kind === 'treemap__group-label-bg' && node.getAttribute('width') !== '0') {
      parts.push(element('rect', { ...box(node), fill: palette.surface, 'fill-opacity': 0.88 }));
    }
    if (kind === 'treemap__group-label' && node.textContent) {
      parts.push(element('text', { x: node.getAttribute('x'), y: node.getAttribute('y'), fill: palette.text, 'font-size': 11,
                                   'font-weight': 700, 'font-family': FONT }, node.textContent));
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">`
    + `${parts.join('')}</svg>\n`;
}

/** Writes the home page's treemap (in `document`) as charts/treemap.<hash>.svg; resolves to its path in the site. */
export async function writeTreemapImage(out, document) {
  const svg = document.querySelector('#treemap');
  if (!svg.querySelector('a.treemap__leaf')) throw new Error('the home page has no treemap drawn');
  const text = treemapImage(svg, await lightPalette(out));
  const path = hashedName('charts/treemap.svg', Buffer.from(text));
  await mkdir(join(out, 'charts'), { recursive: true });
  await writeFile(join(out, path), text);
  return path;
}

/**
 * In a role page's `document`: the treemap's occupations give way to the shared image at `href` (a path from the
 * site's root), shown under the role's outline to a reader without JavaScript (a <noscript>, so a page that goes
 * live never downloads it: the live page draws the treemap itself).
 */
export function useTreemapImage(document, href) {
  const svg = document.querySelector('#treemap');
  const current = svg.querySelector('.treemap__current');
  svg.replaceChildren(...(current ? [current] : []));
  const fallback = document.createElement('noscript');
  const image = document.createElement('img');
  const alt = 'Every scored UK occupation as a rectangle sized by its employees and coloured by its exposure, by major group';
  for (const [key, value] of Object.entries({ class: 'treemap__image', src: href, alt })) image.setAttribute(key, value);
  fallback.append(image);
  svg.before(fallback);
}
