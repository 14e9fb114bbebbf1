// The share image of every unit group (the og:image of its page, issue 14 item 3): a 1200×630 PNG with the
// figures of SCORING.md section 4 as the core displays them, drawn as SVG here and rasterised by Debian's
// rsvg-convert in DejaVu Sans, so the bytes depend on those two packages and nothing else on the machine.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { hashedName } from './headers.mjs';
import { lightPalette } from './palette.mjs';

export const SHARE_WIDTH = 1200;
export const SHARE_HEIGHT = 630;
export const SHARE_DIR = 'share';
const SOURCE_LINE = 'Eloundou et al. (2023) task labels via O*NET; ONS ASHE 2025 (employees only).';
const FONT_FAMILY = 'DejaVu Sans';
// Widths are measured from the very files fontconfig hands rsvg for "DejaVu Sans", so wrapping and pill sizes
// match what is drawn; a missing file means the package is missing and rsvg would silently pick another font.
const FONT_FILES = {
  regular: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  bold: '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
};
// 2 cores on the build machines: one rasteriser each.
const CONVERSIONS_AT_ONCE = 2;

// The page's light theme (web/styles/tokens.css), as the image names its colours.
const theme = lightPalette();
const COLOURS = {
  background: theme.surface,
  footer: theme.bg,
  rule: theme.border,
  text: theme.text,
  muted: theme.muted,
  accent: theme.accent,
  pillText: theme.bandText,
  notScored: theme.muted,
  blank: theme.border,
};
const BAND_COLOURS = theme.band;

const MARGIN = 72;
const CONTENT_WIDTH = SHARE_WIDTH - 2 * MARGIN;
// Kerning (applied by rsvg, not by measureText) only narrows DejaVu text; this keeps hinting from pushing a
// line that measured as fitting past its box.
const FIT_SLACK = 0.97;
// Largest first; the title takes the first size whose lines fit, else the last size ellipsised.
const TITLE_SIZES = [
  { size: 58, lines: 2 },
  { size: 50, lines: 2 },
  { size: 42, lines: 3 },
  { size: 36, lines: 3 },
];
// The title is centred in the band between the header and the score, so one line does not leave a hole.
const TITLE_BAND_TOP = 94;
const TITLE_BAND_BOTTOM = 292;
const TITLE_LINE_HEIGHT = 1.16;

function readFont(path) {
  let bytes;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new Error(`share images: ${path} is missing; install the Debian package fonts-dejavu-core`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = {};
  for (let i = 0, count = view.getUint16(4); i < count; i++) {
    const record = 12 + 16 * i;
    tables[bytes.toString('latin1', record, record + 4)] = view.getUint32(record + 8);
  }
  const unitsPerEm = view.getUint16(tables.head + 18);
  const metricCount = view.getUint16(tables.hhea + 34);
  const advance = (glyph) => view.getUint16(tables.hmtx + 4 * Math.min(glyph, metricCount - 1));
  // The Unicode BMP subtable (platform 3, encoding 1, format 4) covers every character a title or figure uses.
  let segments = null;
  for (let i = 0, count = view.getUint16(tables.cmap + 2); i < count; i++) {
    const record = tables.cmap + 4 + 8 * i;
    const subtable = tables.cmap + view.getUint32(record + 4);
    if (view.getUint16(record) === 3 && view.getUint16(record + 2) === 1 && view.getUint16(subtable) === 4) {
      segments = subtable;
      break;
    }
  }
  if (segments === null) throw new Error(`share images: ${path} has no Unicode character map`);
  const segCount = view.getUint16(segments + 6) / 2;
  const ends = segments + 14;
  const starts = ends + 2 * segCount + 2;
  const deltas = starts + 2 * segCount;
  const offsets = deltas + 2 * segCount;
  const glyphOf = (code) => {
    for (let s = 0; s < segCount; s++) {
      if (code > view.getUint16(ends + 2 * s)) continue;
      const start = view.getUint16(starts + 2 * s);
      if (code < start) return 0;
      const delta = view.getInt16(deltas + 2 * s);
      const rangeOffset = view.getUint16(offsets + 2 * s);
      if (rangeOffset === 0) return (code + delta) & 0xffff;
      const glyph = view.getUint16(offsets + 2 * s + rangeOffset + 2 * (code - start));
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
  const widths = new Map();
  return (text, size) => {
    let units = 0;
    for (const character of text) {
      const code = character.codePointAt(0);
      if (!widths.has(code)) widths.set(code, advance(code > 0xffff ? 0 : glyphOf(code)));
      units += widths.get(code);
    }
    return (units / unitsPerEm) * size;
  };
}

let fonts = null;
function loadFonts() {
  fonts ??= { regular: readFont(FONT_FILES.regular), bold: readFont(FONT_FILES.bold) };
  return fonts;
}

function measure(text, size, weight = 'regular') {
  return loadFonts()[weight](text, size);
}

function escapeXml(text) {
  return String(text).replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]);
}

function fits(text, size, weight, width) {
  return measure(text, size, weight) <= width * FIT_SLACK;
}

// The longest start of `text` that fits with an ellipsis, cut at a word where one leaves most of the line.
function ellipsise(text, size, weight, width) {
  if (fits(text, size, weight, width)) return text;
  const characters = [...text];
  let keep = characters.length;
  while (keep > 0 && !fits(characters.slice(0, keep).join('').trimEnd() + '…', size, weight, width)) keep--;
  let cut = characters.slice(0, keep).join('');
  const lastSpace = cut.lastIndexOf(' ');
  if (lastSpace > cut.length * 0.6) cut = cut.slice(0, lastSpace);
  return cut.replace(/[\s,;:]+$/, '') + '…';
}

// Greedy word wrap into at most `maxLines`; the last line is ellipsised when words are left over.
function wrap(text, size, weight, width, maxLines) {
  const words = text.split(/\s+/).filter(Boolean);
  const lines = [];
  let i = 0;
  while (i < words.length && lines.length < maxLines) {
    let line = words[i++];
    while (i < words.length && fits(`${line} ${words[i]}`, size, weight, width)) line += ` ${words[i++]}`;
    lines.push(line);
  }
  const complete = i === words.length && lines.every((line) => fits(line, size, weight, width));
  if (!complete) {
    const last = lines.length - 1;
    lines[last] = ellipsise([lines[last], ...words.slice(i)].join(' '), size, weight, width);
  }
  return { lines, complete };
}

function titleLayout(title) {
  for (const { size, lines: maxLines } of TITLE_SIZES) {
    const { lines, complete } = wrap(title, size, 'bold', CONTENT_WIDTH, maxLines);
    if (complete) return { size, lines };
  }
  const { size, lines: maxLines } = TITLE_SIZES[TITLE_SIZES.length - 1];
  return { size, lines: wrap(title, size, 'bold', CONTENT_WIDTH, maxLines).lines };
}

function text(x, y, content, { size, weight = 'regular', fill = COLOURS.text, anchor = 'start', spacing = 0 }) {
  const attributes = [
    `x="${x.toFixed(1)}"`, `y="${y.toFixed(1)}"`, `font-size="${size}"`,
    weight === 'bold' ? 'font-weight="bold"' : '', `fill="${fill}"`,
    anchor === 'start' ? '' : `text-anchor="${anchor}"`, spacing ? `letter-spacing="${spacing}"` : '',
  ].filter(Boolean);
  return `<text ${attributes.join(' ')}>${escapeXml(content)}</text>`;
}

// A figure: its label, then the value large when the core has one ("£649m"), or the reason there is none in
// smaller, muted type on up to two lines ("needs employees, not published: sample too small").
function figure(x, width, label, value, published) {
  const parts = [text(x, 506, label.toUpperCase(), { size: 17, weight: 'bold', fill: COLOURS.muted, spacing: 1.5 })];
  if (published && fits(value, 38, 'bold', width)) {
    parts.push(text(x, 552, value, { size: 38, weight: 'bold' }));
  } else {
    const { lines } = wrap(value, 21, 'regular', width, 2);
    lines.forEach((line, i) => parts.push(text(x, 536 + 26 * i, line, { size: 21, fill: COLOURS.muted })));
  }
  return parts.join('');
}

function requireFields(card) {
  const strings = ['soc', 'title', 'scoreText', 'band', 'directText', 'withToolsText', 'wageExposureText',
                   'employeesText', 'medianPayText'];
  const booleans = ['scored', 'hasWageExposure', 'hasEmployees', 'hasMedianPay'];
  for (const field of strings) {
    if (typeof card[field] !== 'string') throw new Error(`share images: card ${card.soc} lacks the text ${field}`);
  }
  for (const field of booleans) {
    if (typeof card[field] !== 'boolean') throw new Error(`share images: card ${card.soc} lacks the flag ${field}`);
  }
}

/**
 * The SVG source of `card`'s share image. `card` has the fields of the core's Report that the image shows (the
 * texts, `scored`, `band`, and `hasWageExposure`/`hasEmployees`/`hasMedianPay`); throws naming a missing one.
 */
export function shareImageSvg(card) {
  requireFields(card);
  const bandColour = card.scored ? BAND_COLOURS[card.bandKey] : COLOURS.notScored;
  if (!bandColour) throw new Error(`share images: ${card.soc} has an unknown band "${card.bandKey}"`);
  const parts = [];
  parts.push(`<rect width="${SHARE_WIDTH}" height="${SHARE_HEIGHT}" fill="${COLOURS.background}"/>`);
  parts.push(`<rect width="${SHARE_WIDTH}" height="10" fill="${bandColour}"/>`);

  // The product's mark (web/favicon.svg) and name, and the code on the right.
  parts.push(`<g transform="translate(72 46) scale(1.25)"><rect width="32" height="32" rx="7" fill="${COLOURS.accent}"/>` +
             `<rect x="6" y="18" width="5" height="8" rx="1" fill="${COLOURS.background}"/><rect x="13.5" y="12" width="5" height="14" rx="1" fill="${COLOURS.background}"/>` +
             `<rect x="21" y="6" width="5" height="20" rx="1" fill="${COLOURS.background}"/></g>`);
  parts.push(text(MARGIN + 54, 78, 'UK AI Exposure', { size: 28, weight: 'bold', fill: COLOURS.accent }));
  parts.push(text(SHARE_WIDTH - MARGIN, 78, `SOC 2020 ${card.soc}`, { size: 26, fill: COLOURS.muted, anchor: 'end' }));

  const title = titleLayout(card.title);
  const lineHeight = title.size * TITLE_LINE_HEIGHT;
  // Line boxes from ascender to descender of DejaVu (0.93 and 0.24 em), the gaps between them from line height.
  const blockHeight = title.size * (0.93 + 0.24) + (title.lines.length - 1) * lineHeight;
  const titleTop = (TITLE_BAND_TOP + TITLE_BAND_BOTTOM - blockHeight) / 2;
  title.lines.forEach((line, i) => {
    parts.push(text(MARGIN, titleTop + title.size * 0.93 + i * lineHeight, line, { size: title.size, weight: 'bold' }));
  });

  // The score: "1.2" and "/10" on one baseline, the band pill centred on the digits' height.
  const scoreBaseline = 394;
  const scoreSize = 116;
  let x = MARGIN;
  parts.push(text(x, scoreBaseline, card.scoreText, { size: scoreSize, weight: 'bold', fill: card.scored ? COLOURS.text : COLOURS.blank }));
  x += measure(card.scoreText, scoreSize, 'bold');
  parts.push(text(x + 4, scoreBaseline, '/10', { size: 50, weight: 'bold', fill: COLOURS.muted }));
  x += 4 + measure('/10', 50, 'bold');
  const pillText = card.scored ? card.band : 'Not scored';
  const pillSize = 30;
  const pillHeight = 58;
  const pillWidth = measure(pillText, pillSize, 'bold') + 2 * 28;
  const pillX = x + 32;
  const pillMiddle = scoreBaseline - scoreSize * 0.729 / 2;
  parts.push(`<rect x="${pillX.toFixed(1)}" y="${(pillMiddle - pillHeight / 2).toFixed(1)}" width="${pillWidth.toFixed(1)}" ` +
             `height="${pillHeight}" rx="${pillHeight / 2}" fill="${bandColour}"/>`);
  parts.push(text(pillX + pillWidth / 2, pillMiddle + pillSize * 0.36, pillText,
                  { size: pillSize, weight: 'bold', fill: COLOURS.pillText, anchor: 'middle' }));

  parts.push(`<text x="${MARGIN}" y="446" font-size="30" fill="${COLOURS.muted}">direct ` +
             `<tspan font-weight="bold" fill="${COLOURS.text}">${escapeXml(card.directText)}</tspan> · with tools ` +
             `<tspan font-weight="bold" fill="${COLOURS.text}">${escapeXml(card.withToolsText)}</tspan></text>`);

  parts.push(`<rect x="${MARGIN}" y="474" width="${CONTENT_WIDTH}" height="2" fill="${COLOURS.rule}"/>`);
  const gap = 36;
  const columnWidth = (CONTENT_WIDTH - 2 * gap) / 3;
  [['Wage exposure', card.wageExposureText, card.hasWageExposure], ['Employees', card.employeesText, card.hasEmployees],
   ['Median pay', card.medianPayText, card.hasMedianPay]]
    .forEach(([label, value, published], i) => {
      parts.push(figure(MARGIN + i * (columnWidth + gap), columnWidth, label, value, published));
    });

  parts.push(`<rect y="582" width="${SHARE_WIDTH}" height="48" fill="${COLOURS.footer}"/>`);
  parts.push(`<rect y="582" width="${SHARE_WIDTH}" height="1" fill="${COLOURS.rule}"/>`);
  parts.push(text(MARGIN, 613, ellipsise(SOURCE_LINE, 19, 'regular', CONTENT_WIDTH), { size: 19, fill: COLOURS.muted }));

  return `<svg xmlns="http://www.w3.org/2000/svg" width="${SHARE_WIDTH}" height="${SHARE_HEIGHT}" ` +
         `viewBox="0 0 ${SHARE_WIDTH} ${SHARE_HEIGHT}" font-family="${FONT_FAMILY}">${parts.join('')}</svg>\n`;
}

function runRsvg(args, input) {
  return new Promise((resolve, reject) => {
    const child = spawn('rsvg-convert', args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const stdout = [];
    const stderr = [];
    child.stdout.on('data', (chunk) => stdout.push(chunk));
    child.stderr.on('data', (chunk) => stderr.push(chunk));
    child.on('error', (error) => {
      reject(error.code === 'ENOENT'
        ? new Error('share images: rsvg-convert was not found; install the Debian package librsvg2-bin')
        : error);
    });
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(stdout));
      else reject(new Error(`share images: rsvg-convert exited with ${code}: ${Buffer.concat(stderr).toString().trim()}`));
    });
    child.stdin.on('error', () => {});
    child.stdin.end(input);
  });
}

// Keeps only the chunks that make the picture. rsvg 2.54 adds just bKGD, but a PNG writer is free to add tIME
// or text chunks, and a rebuild must give the same bytes (and so the same hashed name).
const KEPT_CHUNKS = new Set(['IHDR', 'PLTE', 'tRNS', 'IDAT', 'IEND']);
function withoutAncillaryChunks(png) {
  const kept = [png.subarray(0, 8)];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const end = at + 12 + length;
    if (KEPT_CHUNKS.has(png.toString('latin1', at + 4, at + 8))) kept.push(png.subarray(at, end));
    at = end;
  }
  return Buffer.concat(kept);
}

/** The PNG bytes of `card`'s share image. Rejects when rsvg-convert or the DejaVu fonts are missing. */
export async function renderShareImage(card) {
  return withoutAncillaryChunks(await runRsvg(['--format=png'], shareImageSvg(card)));
}

/**
 * Writes the share image of every card into `out`/share/ (which it empties first: its files are named by their
 * content) and resolves to a Map soc -> the image's path from the site root ("share/1137.<16 hex>.png").
 */
export async function writeShareImages({ out, cards }) {
  // Fail before the first image, with the package to install, rather than once per image.
  await runRsvg(['--version'], '');
  loadFonts();
  const dir = join(out, SHARE_DIR);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const paths = new Map();
  let next = 0;
  const convertNext = async () => {
    while (next < cards.length) {
      const card = cards[next++];
      if (!/^\d{4}$/.test(card.soc)) throw new Error(`share images: "${card.soc}" is not a SOC 2020 unit group code`);
      if (paths.has(card.soc)) throw new Error(`share images: ${card.soc} appears twice`);
      paths.set(card.soc, null);
      const png = await renderShareImage(card);
      const path = hashedName(`${SHARE_DIR}/${card.soc}.png`, png);
      await writeFile(join(out, path), png);
      paths.set(card.soc, path);
    }
  };
  await Promise.all(Array.from({ length: CONVERSIONS_AT_ONCE }, convertNext));
  return paths;
}
