// The page templates' shared parts (tools/site/pages.mjs expandIncludes): a part written once fills each of its
// copies with the values its include gives, and a missing or unused value is an error at assembly, never a page
// with "{{kind}}" in it.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import { expandIncludes } from '../../tools/site/pages.mjs';

const pagesDir = new URL('../../web/pages/', import.meta.url).pathname;

async function withParts(parts, body) {
  const dir = await mkdtemp(join(tmpdir(), 'aiexp-templates-'));
  try {
    for (const [name, text] of Object.entries(parts)) await writeFile(join(dir, name), text);
    return await body(dir);
  } finally {
    await rm(dir, { recursive: true });
  }
}

test('an include fills its part with the values it gives, once per copy', async () => {
  await withParts({ 'part.html': '<p id="who-{{kind}}" class="x--{{shape}}">{{kind}}</p>\n' }, async (dir) => {
    const page = 'a\n<!-- include: part.html kind=sex shape=split -->\n<!-- include: part.html kind=pay shape=bars -->\nb\n';
    assert.equal(await expandIncludes(dir, page),
                 'a\n<p id="who-sex" class="x--split">sex</p>\n<p id="who-pay" class="x--bars">pay</p>\nb\n');
  });
});

test('a value a part needs and is not given, or one given and not used, stops the build', async () => {
  await withParts({ 'part.html': '<p>{{kind}} {{shape}}</p>\n' }, async (dir) => {
    await assert.rejects(expandIncludes(dir, '<!-- include: part.html kind=sex -->\n'), /part\.html needs a value for \{\{shape\}\}/);
    await assert.rejects(expandIncludes(dir, '<!-- include: part.html kind=sex shape=bars colour=red -->\n'),
                         /part\.html has no \{\{colour\}\}, though an include gives it/);
  });
});

test('every page template expands, with no placeholder left', async () => {
  const expand = async (name) => expandIncludes(pagesDir, await readFile(join(pagesDir, name), 'utf8'));
  for (const name of (await readdir(pagesDir)).filter((file) => file.endsWith('.html'))) {
    assert.doesNotMatch(await expand(name), /\{\{|<!-- include:/, name);
  }
  const home = await expand('home.html');
  assert.deepEqual([...home.matchAll(/id="(who-[a-z]+)" aria-labelledby="\1-title"/g)].map((m) => m[1]),
                   ['who-sex', 'who-pattern', 'who-industry', 'who-region', 'who-pay']);
});
