// The package shape the web-components world reads: custom-elements.json (the Custom Elements Manifest of
// <uk-ai-exposure> and <uk-ai-exposure-chart>) generated at site assembly by @custom-elements-manifest/analyzer
// from the widget's source, and TypeScript declarations written from that manifest (widget/uk-ai-exposure.d.ts).
// The attributes the core's grammar gives (web/widget/uk-ai-exposure-card.js ATTRIBUTES, checked against the
// module's grammar()) are defined in a loop by the shared base class, which no static analysis can read: a plugin
// adds them from that same table, so the manifest lists exactly the attributes the elements observe.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { create, ts } from '@custom-elements-manifest/analyzer';

const SOURCES = ['widget/uk-ai-exposure-base.js', 'widget/uk-ai-exposure.js', 'widget/uk-ai-exposure-define.js',
                 'widget/uk-ai-exposure-chart.js', 'widget/uk-ai-exposure-chart-define.js'];
const TAGS = { UkAiExposureElement: 'uk-ai-exposure', UkAiExposureChartElement: 'uk-ai-exposure-chart' };

// Members besides the attributes' properties, with their types (the analyzer cannot infer them from JavaScript).
const PUBLIC_MEMBERS = {
  renderCount: 'number',
  assumptions: '{ labels: string; e1: number; e2: number; weights: string; bridge: string; wage: string; measure: string; overrides: unknown[] }',
};

const camel = (name) => name.replace(/-([a-z])/g, (_, letter) => letter.toUpperCase());

// The attributes every element shares, from the grammar table and the base class's own (theme, page).
function sharedAttributes(ATTRIBUTES, DEFAULT_ASSUMPTIONS) {
  const typeOf = (spec) => (spec.kind === 'choice' ? spec.choices.map((c) => `"${c}"`).join(' | ')
    : spec.kind === 'number' ? 'number' : 'string');
  const describe = {
    soc: 'A SOC 2020 unit group code, such as 1137.',
    labels: 'The task labels: the paper\'s GPT-4 ratings, its human ratings, or the alternative GPT-4 rubric.',
    e1: 'The weight of tasks a model can do alone, 0 to 1.',
    e2: 'The weight of tasks a model can do with tools, 0 to 1.',
    weights: 'How tasks are weighted: core (Core 2, Supplemental 1), importance (O*NET IM) or equal.',
    bridge: 'How a unit group reaches O*NET: its modal ISCO-08 code, or every code by share.',
    wage: 'Wage exposure from the displayed score, or from the exact one.',
    measure: 'The headline\'s measure.',
    tasks: 'Task changes as the calculator\'s links write them ("968.E1,971.w0"); checked by the core.',
  };
  const attributes = Object.entries(ATTRIBUTES).map(([name, spec]) => ({
    name, fieldName: camel(name), type: { text: typeOf(spec) }, description: `${describe[name] ?? ''}${spec.aliases.length ? ` Older names, still read: ${spec.aliases.join(', ')}.` : ''}`.trim(),
    ...(DEFAULT_ASSUMPTIONS[name] !== undefined ? { default: JSON.stringify(DEFAULT_ASSUMPTIONS[name]) } : {}),
  }));
  attributes.push({ name: 'theme', fieldName: 'theme', type: { text: '"auto" | "light" | "dark"' }, default: '"auto"',
                    description: 'The colour scheme; auto follows the reader\'s setting.' });
  attributes.push({ name: 'page', fieldName: 'page', type: { text: 'string' },
                    description: 'An http(s) URL of the full calculator the element links to; by default the site the widget comes from.' });
  return attributes;
}

function grammarPlugin(ATTRIBUTES, DEFAULT_ASSUMPTIONS) {
  return {
    name: 'uk-ai-exposure-grammar',
    packageLinkPhase({ customElementsManifest }) {
      const shared = sharedAttributes(ATTRIBUTES, DEFAULT_ASSUMPTIONS);
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (!TAGS[declaration.name]) {
            // The shared base is a class, not an element of its own: it has no tag and is never registered.
            if (declaration.kind === 'class') delete declaration.customElement;
            continue;
          }
          // The base fires the element's event under a name each class sets: the named ones are the class's.
          declaration.events = (declaration.events ?? []).filter((event) => event.name);
          declaration.customElement = true;
          declaration.tagName = TAGS[declaration.name];
          const own = (declaration.attributes ?? []).filter((a) => !shared.some((o) => o.name === a.name))
            .map((a) => ({ ...a, fieldName: a.fieldName ?? camel(a.name) }));
          declaration.attributes = [...shared, ...own];
          const members = declaration.members ?? [];
          for (const attribute of declaration.attributes) {
            if (members.some((member) => member.name === attribute.fieldName)) continue;
            members.push({ kind: 'field', name: attribute.fieldName, type: attribute.type, description: attribute.description,
                           attribute: attribute.name, ...(attribute.default ? { default: attribute.default } : {}) });
          }
          // The public surface: a property per attribute, the render count and the assumptions read.
          const byField = new Map(declaration.attributes.map((a) => [a.fieldName, a]));
          declaration.members = members.filter((member) => member.attribute || PUBLIC_MEMBERS[member.name] || byField.has(member.name))
            .map((member) => (byField.has(member.name) && !member.attribute
              ? { ...member, attribute: byField.get(member.name).name, type: byField.get(member.name).type ?? { text: 'string' } } : member))
            .map((member) => (PUBLIC_MEMBERS[member.name] ? { ...member, type: { text: PUBLIC_MEMBERS[member.name] }, readonly: true } : member));
        }
      }
    },
  };
}

// The events' detail, as web/widget/README.md describes it.
const EVENT_DETAILS = {
  'uk-ai-exposure-updated': `{
  soc: string; title: string; scored: boolean; scoreText: string; band: string;
  bandKey: 'minimal' | 'low' | 'moderate' | 'high' | 'very_high' | '';
  directText: string; withToolsText: string; wageExposureText: string; employeesText: string; medianPayText: string;
  rangeText: string; url: string; assumptions: Record<string, unknown>;
}`,
  'uk-ai-exposure-chart-updated': '{ kind: string; socs: string[]; assumptions: Record<string, unknown>; build: string }',
};

/** TypeScript declarations of the elements, their attributes (as properties) and events, from the manifest. */
export function declarationsOf(manifest) {
  const elements = manifest.modules.flatMap((module) => module.declarations ?? []).filter((d) => d.customElement);
  const lines = ['// Generated by tools/site/elements-manifest.mjs from custom-elements.json: the widget\'s elements and',
                 '// their events, for TypeScript users (the modules themselves are plain JavaScript).', ''];
  for (const element of elements) {
    const events = element.events ?? [];
    lines.push(`/** ${element.summary ?? element.description ?? element.tagName} */`);
    lines.push(`export declare class ${element.name} extends HTMLElement {`);
    lines.push(`  static define(tag?: string, registry?: CustomElementRegistry): CustomElementConstructor;`);
    for (const member of element.members ?? []) {
      if (member.kind !== 'field' || member.static) continue;
      const type = member.type?.text ?? 'string';
      lines.push(`  /** ${member.description ?? ''}${member.attribute ? ` (attribute \`${member.attribute}\`)` : ''} */`);
      lines.push(`  ${member.readonly ? 'readonly ' : ''}${member.name}: ${type};`);
    }
    lines.push('}', '');
    for (const event of events) {
      const name = `${element.name.replace(/Element$/, '')}UpdatedEvent`;
      lines.push(`/** \`${event.name}\`: ${event.description ?? ''} */`);
      lines.push(`export type ${name} = CustomEvent<${EVENT_DETAILS[event.name] ?? 'Record<string, unknown>'}>;`, '');
    }
  }
  lines.push('declare global {', '  interface HTMLElementTagNameMap {');
  for (const element of elements) lines.push(`    '${element.tagName}': ${element.name};`);
  lines.push('  }', '  interface HTMLElementEventMap {');
  for (const element of elements) {
    for (const event of element.events ?? []) lines.push(`    '${event.name}': ${element.name.replace(/Element$/, '')}UpdatedEvent;`);
  }
  lines.push('  }', '}', '');
  return lines.join('\n');
}

/** Writes custom-elements.json at the root of the site `out` and widget/uk-ai-exposure.d.ts, from the sources in `web`. */
export async function writeElementsManifest({ web, out }) {
  const modules = [];
  for (const path of SOURCES) {
    modules.push(ts.createSourceFile(path, await readFile(join(web, path), 'utf8'), ts.ScriptTarget.ES2022, true));
  }
  const { ATTRIBUTES, DEFAULT_ASSUMPTIONS } = await import(pathToFileURL(join(web, 'widget', 'uk-ai-exposure-card.js')).href);
  const manifest = create({ modules, plugins: [grammarPlugin(ATTRIBUTES, DEFAULT_ASSUMPTIONS)] });
  await writeFile(join(out, 'custom-elements.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  await writeFile(join(out, 'widget', 'uk-ai-exposure.d.ts'), declarationsOf(manifest));
  return manifest;
}
