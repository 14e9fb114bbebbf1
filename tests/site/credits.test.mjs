// The page's footer credits every source as the pipeline words it in data/SOURCES.md (from the core's
// measure_attribution and the ILO's adaptation notice), so the two cannot drift apart.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const sources = readFileSync('data/SOURCES.md', 'utf8');
const page = readFileSync('web/pages/partials/footer.html', 'utf8');  // every page's footer

function footerText(html) {
  const footer = html.slice(html.indexOf('<footer'), html.indexOf('</footer>'));
  return footer.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/\s+/g, ' ');
}

test('the footer carries the ILO and Microsoft credit lines of data/SOURCES.md word for word', () => {
  const lines = sources.split('\n').filter((line) => /^- (ILO|Microsoft): /.test(line)).map((line) => line.slice(2));
  assert.equal(lines.length, 2, 'SOURCES.md has both credit lines');
  assert.match(lines[0], /not be considered an official ILO adaptation\.$/);  // with the ILO's adaptation notice
  const footer = footerText(page);
  for (const line of lines) assert.ok(footer.includes(line), `the footer lacks: ${line}`);
});
