// The chart element's CSS rules (web/ui/chart-styles.js) are the page's own (web/styles.css), word for word: the
// page needs them in its stylesheet to be styled without JavaScript, the element in its shadow root.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';

import { CHART_RULES } from '../../web/ui/chart-styles.js';

test("every rule of the chart element's stylesheet is in the page's, unchanged", async () => {
  const page = new Set((await readFile(new URL('../../web/styles.css', import.meta.url), 'utf8')).split('\n'));
  const rules = CHART_RULES.split('\n').filter((line) => line.trim());
  assert.ok(rules.length > 40, `${rules.length} rules`);
  assert.deepEqual(rules.filter((line) => !page.has(line)), []);
});
