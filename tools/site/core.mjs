// The calculator in node, for site assembly: the same WebAssembly module and Calculator (web/calculator.js) the
// page and the widget run, with every data part read from the assembled site's folder, so what the build
// pre-renders is what the browser computes.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Resolves to a Calculator over `module` ("aiexp" or "aiexp-speed") from `wasmDir`, with the bundle, the details,
 * every task-text part, the job titles and (the speed build) the breakdowns of `dataDir` loaded, under the default assumptions. Rejects, naming
 * the file, when one does not load.
 */
export async function loadSiteCalculator({ wasmDir, dataDir, webDir, module = 'aiexp-speed' }) {
  const { default: createAiexpModule } = await import(pathToFileURL(join(wasmDir, `${module}.js`)).href);
  const { Calculator } = await import(pathToFileURL(join(webDir, 'calculator.js')).href);
  const wasm = await createAiexpModule({ wasmBinary: await readFile(join(wasmDir, `${module}.wasm`)) });
  const read = async (path) => new Uint8Array(await readFile(join(dataDir, path.replace(/^data\//, ''))));
  const must = (status, path) => {
    if (!status.ok) throw new Error(`${path}: ${status.message}`);
  };
  const engine = new wasm.Engine();
  const bundleBytes = await read('data/bundle.json');
  must(engine.loadBundle(bundleBytes), 'data/bundle.json');
  const { build } = JSON.parse(new TextDecoder().decode(bundleBytes));
  const fetchBytes = async (path) => {
    try {
      return { ok: true, bytes: await read(path) };
    } catch (error) {
      return { ok: false, detail: `${path}: ${error.message}` };
    }
  };
  const calculator = new Calculator(wasm, engine, { build, fetchBytes });
  must(await calculator.ensureDetails(), 'data/details.json');
  must(await calculator.ensureTitles(), 'data/titles.json');
  if (module === 'aiexp-speed') must(await calculator.ensureBreakdowns(), 'data/breakdowns.json');
  for (const file of (await readdir(join(dataDir, 'text'))).filter((name) => name.endsWith('.json')).sort()) {
    must(engine.loadTextPart(await read(`data/text/${file}`)), `data/text/${file}`);
  }
  return calculator;
}
