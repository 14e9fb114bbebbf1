// The site's styles have one source each (tools/site/styles.mjs): every colour is a design token
// (web/styles/tokens.css), light and dark written once; the card's and the chart element's shadow roots and the
// images drawn at assembly take them from there; a band is selected by the core's stable key.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';

import { lightPalette, lightToken } from '../../tools/site/palette.mjs';
import { compactCss, parseTokens, shadowTokens } from '../../tools/site/styles.mjs';

const root = new URL('../../', import.meta.url).pathname;
const tokensCss = readFileSync(join(root, 'web/styles/tokens.css'), 'utf8');

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

// A colour written as a literal: a hex code, or an rgb()/hsl() function.
const COLOUR = /#[0-9a-fA-F]{3,8}\b(?![-\w])|\b(?:rgba?|hsla?)\(/;

test('no colour is written anywhere in the page, the widget or the site build but in the design tokens', () => {
  // The demo host pages are hostile hosts on purpose, and the favicon is an image of its own.
  const allowed = new Set(['web/styles/tokens.css', 'web/embed-demo.css', 'web/favicon.svg']);
  const offenders = [];
  for (const path of [...filesUnder(join(root, 'web')), ...filesUnder(join(root, 'tools'))]) {
    const name = relative(root, path);
    if (allowed.has(name) || !/\.(css|js|mjs|html)$/.test(name)) continue;
    readFileSync(path, 'utf8').split('\n').forEach((line, i) => {
      // Ids in selectors and links (#occupation, href="#main") are not colours: only what looks like one counts.
      const code = line.replace(/(["'`(\s,>])#[a-z][\w-]*[a-z_-][\w-]*/gi, '$1');
      if (COLOUR.test(code)) offenders.push(`${name}:${i + 1}: ${line.trim()}`);
    });
  }
  assert.deepEqual(offenders, []);
});

test('the tokens write each colour once, as a light and a dark value', () => {
  const { tokens } = parseTokens(tokensCss);
  for (const name of ['bg', 'surface', 'surface-2', 'text', 'muted', 'border', 'accent', 'band-minimal', 'band-low',
                      'band-moderate', 'band-high', 'band-very-high', 'band-text']) {
    assert.match(tokens[name], /^light-dark\(#[0-9a-f]{6}, #[0-9a-f]{6}\)$/, name);
  }
  assert.equal((tokensCss.match(/--band-minimal:/g) ?? []).length, 1, 'one definition');
});

test('a band is selected by the core\'s stable key, never by its display text', () => {
  const { bands } = parseTokens(tokensCss);
  assert.deepEqual(bands.map((rule) => /data-band="([^"]+)"/.exec(rule)[1]), ['minimal', 'low', 'moderate', 'high', 'very_high']);
  for (const path of filesUnder(join(root, 'web'))) {
    if (!/\.(css|js|html)$/.test(path)) continue;
    assert.doesNotMatch(readFileSync(path, 'utf8'), /data-band="(Minimal|Low|Moderate|High|Very high)"/, relative(root, path));
  }
});

test('a shadow root gets every token on its frame, the host\'s --aiexp-* first, and the theme of its attribute', () => {
  const css = shadowTokens(tokensCss, '.card');
  const { tokens } = parseTokens(tokensCss);
  for (const [name, value] of Object.entries(tokens)) assert.ok(css.includes(value), `--${name}`);
  assert.ok(css.includes('--surface: var(--aiexp-bg, light-dark('));
  assert.ok(css.includes('--accent: var(--aiexp-accent, light-dark('));
  assert.ok(css.includes('--band-minimal: light-dark('), 'band colours are not the host\'s to change');
  assert.match(css, /^\.card \{\n {2}color-scheme: light dark;/);
  assert.ok(css.includes('.card[data-theme="dark"] { color-scheme: dark; }'));
  assert.ok(css.includes('[data-band="very_high"] { --band: var(--band-very-high); }'));
});

test('the images drawn at assembly take the light tokens', () => {
  const palette = lightPalette();
  assert.equal(palette.band.minimal, lightToken(tokensCss, 'band-minimal'));
  assert.equal(palette.surface, '#ffffff');
  assert.equal(lightToken('--x: light-dark(#123456, #654321);', 'x'), '#123456');
  assert.throws(() => lightToken(tokensCss, 'no-such-token'), /--no-such-token/);
});

test('the served stylesheets keep every rule and drop the comments, indentation and blank lines', () => {
  const css = '/* a note\n   over two lines */\n.a > .b {\n  color: var(--text); /* why */\n\n  content: "x";\n}\n@media (width < 40rem) { .a { gap: 0; } }\n';
  assert.equal(compactCss(css), '.a > .b {\ncolor: var(--text);\ncontent: "x";\n}\n@media (width < 40rem) { .a { gap: 0; } }');
  assert.throws(() => compactCss('.a::before { content: "/* not a comment */"; }'), /a CSS string holds/);
  const tokensRules = compactCss(tokensCss);
  assert.deepEqual(parseTokens(tokensRules).tokens, parseTokens(tokensCss).tokens, 'the tokens survive');
});
