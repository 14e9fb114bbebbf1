// The light theme's colours as the site's design tokens define them, for what cannot use a stylesheet: the
// share images. Read from web/styles/tokens.css, never typed here.
import { readFileSync } from 'node:fs';

const TOKENS = new URL('../../web/styles/tokens.css', import.meta.url);
const BAND_KEYS = ['minimal', 'low', 'moderate', 'high', 'very_high'];

/** The light value of the custom property `--name` in `css` (a colour, or the first of a light-dark() pair). */
export function lightToken(css, name) {
  const match = new RegExp(`--${name}:\\s*([^;]+);`).exec(css);
  if (!match) throw new Error(`the design tokens set no --${name}`);
  const value = match[1].trim();
  const pair = /^light-dark\(\s*([^,]+?)\s*,/.exec(value);
  return pair ? pair[1] : value;
}

let palette = null;

/**
 * The light palette: { band: key -> colour, bandText, bg, surface, surface2, text, muted, border, accent }
 * (band keys as the core's band_key).
 */
export function lightPalette() {
  if (palette) return palette;
  const css = readFileSync(TOKENS, 'utf8');
  const colour = (name) => lightToken(css, name);
  palette = Object.freeze({
    band: Object.freeze(Object.fromEntries(BAND_KEYS.map((key) => [key, colour(`band-${key.replace('_', '-')}`)]))),
    bandText: colour('band-text'), bg: colour('bg'), surface: colour('surface'), surface2: colour('surface-2'),
    text: colour('text'), muted: colour('muted'), border: colour('border'), accent: colour('accent'),
  });
  return palette;
}
