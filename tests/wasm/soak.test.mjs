// 100,000 recomputes with random assumptions under node keep the module's heap flat: nothing leaks per call.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { loadedEngine, loadModule } from './support.mjs';

function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

test('100,000 recomputes with random assumptions keep the WebAssembly heap flat', () => {
  return loadModule().then((module) => {
    const engine = loadedEngine(module);
    const next = random(42);
    const ids = engine.report('1137').report.tasks.map((t) => t.id);
    const labels = ['gpt4', 'human', 'gpt4_alt'];
    const weights = ['core', 'importance', 'equal'];
    const socs = engine.unitGroups().map((g) => g.soc);
    const round = (count) => {
      for (let i = 0; i < count; i++) {
        const overrides = next() < 0.3 ? [{ id: ids[Math.floor(next() * ids.length)], label: 'E1', weight: next() * 3 }] : [];
        const status = engine.setAssumptions({
          labels: labels[Math.floor(next() * 3)], e1: next(), e2: next(), weights: weights[Math.floor(next() * 3)],
          bridge: next() < 0.5 ? 'modal' : 'blend', wage: next() < 0.5 ? 'displayed' : 'exact', overrides,
        });
        assert.equal(status.ok, true);
        if (i % 50 === 0) engine.rows();
        if (i % 10 === 0) engine.report(socs[Math.floor(next() * socs.length)]);
        if (i % 500 === 0) engine.decodeState(engine.encodeState('1137', ['2132']));
      }
    };
    const heap = () => module.HEAP8.buffer.byteLength;
    round(5_000);  // let the allocator reach its working size
    const before = heap();
    round(95_000);
    const afterBytes = heap();
    engine.delete();
    assert.equal(afterBytes, before, `heap grew from ${before} to ${afterBytes} bytes`);
  });
});
