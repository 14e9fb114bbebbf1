// custom-elements.json (generated at site assembly by @custom-elements-manifest/analyzer, tools/site/elements-
// manifest.mjs) and the type declarations written from it, against the elements' real attributes: the core's
// grammar for the widget (the module's grammar()), the elements' own, and what the registered classes observe.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { loadModule } from '../wasm/support.mjs';

const siteDir = process.env.AIEXP_SITE_DIR ?? 'build/wasm/site';
const manifest = JSON.parse(readFileSync(join(siteDir, 'custom-elements.json'), 'utf8'));
const elements = Object.fromEntries(manifest.modules.flatMap((module) => module.declarations ?? [])
  .filter((declaration) => declaration.customElement).map((declaration) => [declaration.tagName, declaration]));
const OWN = { 'uk-ai-exposure': ['variant'], 'uk-ai-exposure-chart': ['kind', 'socs'] };

test('the manifest describes both elements, each with its event, parts and custom properties', () => {
  assert.deepEqual(Object.keys(elements).sort(), ['uk-ai-exposure', 'uk-ai-exposure-chart']);
  assert.equal(manifest.schemaVersion, '1.0.0');
  assert.deepEqual(elements['uk-ai-exposure'].events.map((e) => e.name), ['uk-ai-exposure-updated']);
  assert.deepEqual(elements['uk-ai-exposure-chart'].events.map((e) => e.name), ['uk-ai-exposure-chart-updated']);
  for (const element of Object.values(elements)) {
    assert.ok(element.cssParts.some((p) => p.name === 'link'), element.tagName);
    assert.ok(element.cssProperties.some((p) => p.name === '--aiexp-bg'), element.tagName);
  }
});

test('each element lists exactly the grammar\'s widget attributes, its own, theme and page', async () => {
  const module = await loadModule();
  const grammar = module.grammar().params.filter((p) => p.doors.includes('widget'));
  assert.ok(grammar.some((p) => p.name === 'tasks') && grammar.some((p) => p.name === 'wage'), 'the card takes task changes and the wage option');
  for (const [tag, element] of Object.entries(elements)) {
    const names = element.attributes.map((a) => a.name);
    assert.deepEqual(names.sort(), [...grammar.map((p) => p.name), ...OWN[tag], 'theme', 'page'].sort(), tag);
    for (const spec of grammar.filter((p) => p.kind === 'choice')) {
      const attribute = element.attributes.find((a) => a.name === spec.name);
      assert.equal(attribute.type.text, spec.choices.map((c) => `"${c}"`).join(' | '), `${tag} ${spec.name}`);
    }
    for (const spec of grammar.filter((p) => p.aliases.length)) {
      assert.match(element.attributes.find((a) => a.name === spec.name).description, new RegExp(spec.aliases.join(', ')), spec.name);
    }
  }
});

test('the type declarations name both elements, their attributes as properties, and their events', () => {
  const types = readFileSync(join(siteDir, 'widget', 'uk-ai-exposure.d.ts'), 'utf8');
  assert.match(types, /'uk-ai-exposure': UkAiExposureElement;/);
  assert.match(types, /'uk-ai-exposure-chart': UkAiExposureChartElement;/);
  assert.match(types, /'uk-ai-exposure-updated': UkAiExposureUpdatedEvent;/);
  assert.match(types, /'uk-ai-exposure-chart-updated': UkAiExposureChartUpdatedEvent;/);
  for (const property of ['soc', 'labels', 'e1', 'e2', 'weights', 'bridge', 'wage', 'measure', 'tasks', 'theme', 'variant']) {
    assert.match(types, new RegExp(`\\n  ${property}: `), property);
  }
});
