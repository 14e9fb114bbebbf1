// Shared setup of the node suites: the built module (wasmBinary read from disk, NOTES-toolchain.md #4), the
// committed data and the check values.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const wasmDir = process.env.AIEXP_WASM_DIR ?? 'build/wasm/wasm';
// Which build of the module: "aiexp" (size, the widget's) or "aiexp-speed" (speed, the page's).
export const wasmModule = process.env.AIEXP_WASM_MODULE ?? 'aiexp';
export const dataDir = process.env.AIEXP_DATA_DIR ?? 'data';
export const fixturesDir = process.env.AIEXP_FIXTURES_DIR ?? 'tests/fixtures';

export const checkValues = JSON.parse(readFileSync(join(fixturesDir, 'check_values.json'), 'utf8'));

export function dataText(path) {
  return readFileSync(join(dataDir, path), 'utf8');
}

export async function loadModule() {
  const { default: createAiexpModule } = await import(pathToFileURL(join(wasmDir, `${wasmModule}.js`)).href);
  return createAiexpModule({ wasmBinary: readFileSync(join(wasmDir, `${wasmModule}.wasm`)) });
}

/** An engine with the bundle (and, unless told otherwise, the details and every text part) loaded. */
export function loadedEngine(module, { details = true, text = true } = {}) {
  const engine = new module.Engine();
  const must = (status, what) => {
    if (!status.ok) throw new Error(`${what}: ${status.message}`);
  };
  must(engine.loadBundle(dataText('bundle.json')), 'bundle.json');
  if (details) must(engine.loadDetails(dataText('details.json')), 'details.json');
  if (text) {
    for (const soc of ['1137', '2132']) {
      for (const part of engine.missingTextParts(soc).parts) must(engine.loadTextPart(dataText(`text/${part}.json`)), part);
    }
  }
  return engine;
}
