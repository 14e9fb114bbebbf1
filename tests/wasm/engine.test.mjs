// The WebAssembly module under node: the published check values, errors as values, the JS <-> C++ conversions,
// and the declared surface (aiexp.d.ts) against the registered one (bindings.cpp).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { checkValues, dataDir, dataText, loadedEngine, loadModule, wasmModule } from './support.mjs';

let module;
let engine;

before(async () => {
  module = await loadModule();
  engine = loadedEngine(module);
});

after(() => engine?.delete());

describe('published check values', () => {
  for (const expected of checkValues.unit_groups) {
    test(`${expected.soc} shows ${expected.exposure_text}, direct ${expected.direct_text}, with tools ${expected.with_tools_text}, ${expected.wage_exposure_text}`, () => {
      assert.equal(engine.setAssumptions(engine.defaultAssumptions()).ok, true);
      const result = engine.report(expected.soc);
      assert.equal(result.ok, true, result.message);
      const r = result.report;
      assert.equal(r.title, expected.title);
      assert.equal(r.employeesText, expected.employees_text);
      assert.equal(r.employees, expected.employees);
      assert.equal(r.medianPayText, expected.median_pay_text);
      assert.equal(r.scoreText, expected.exposure_text);
      assert.equal(r.band, expected.band);
      assert.equal(r.directText, expected.direct_text);
      assert.equal(r.withToolsText, expected.with_tools_text);
      assert.equal(r.wageExposureText, expected.wage_exposure_text);
      assert.ok(Math.abs(r.wageExposureGbp - expected.wage_exposure_gbp) < 0.5);
      assert.equal(r.taskCount, expected.task_count);
      assert.equal(r.canDo, expected.can_do);
      assert.equal(r.canDoText, expected.can_do_text);
      assert.deepEqual(r.onets.map((o) => o.code), [expected.onet]);
      assert.equal(r.onets[0].title, expected.onet_title);
      assert.ok(Math.abs(r.direct10 - 10 * expected.alpha) < 1e-9);
      assert.ok(Math.abs(r.withTools10 - 10 * expected.zeta) < 1e-9);
    });
  }

  test('the 17 tasks of 11-3021.00 carry the published importances, E1 marks and where-to-start order', () => {
    const r = engine.report('1137').report;
    const expected = checkValues.onet_11_3021;
    assert.equal(r.tasks.length, expected.tasks.length);
    for (const task of expected.tasks) {
      const line = r.tasks.find((t) => t.id === task.id);
      assert.ok(line, `task ${task.id}`);
      assert.equal(line.importanceText, `importance ${task.importance_text}/5`);
      if (task.label) assert.equal(line.label, task.label);
      else assert.notEqual(line.label, 'E1');
      assert.ok(line.text.length > 10);
    }
    assert.deepEqual(r.whereToStart.map((s) => s.task.id), expected.where_to_start);
  });
});

describe('assumptions', () => {
  test('e2 = 1 makes the headline equal with tools, and wage exposure follows', () => {
    assert.equal(engine.setAssumptions({ e2: 1 }).ok, true);
    const r = engine.report('1137').report;
    assert.equal(r.scoreText, '9.4');
    assert.equal(r.wageExposureText, '£5.08bn');  // 60,000 x £90,081 x 0.94
    assert.equal(engine.setAssumptions({}).ok, true);
    assert.equal(engine.report('1137').report.scoreText, '1.2');
  });

  test('relabelling one task moves the score by what the formula gives', () => {
    assert.equal(engine.setAssumptions({ overrides: [{ id: 975, label: 'E1' }] }).ok, true);
    const r = engine.report('1137').report;
    assert.ok(Math.abs(r.score10 - 10 * 6 / 33) < 1e-12);  // Core weight 2 moves from E0 to E1: (4 + 2) / 33
    const line = r.tasks.find((t) => t.id === 975);
    assert.equal(line.label, 'E1');
    assert.equal(line.sourceLabel, 'E0');
    assert.equal(line.labelOverridden, true);
    engine.setAssumptions({});
  });

  test('assumptions read back as given', () => {
    const given = { labels: 'human', e1: 0.75, e2: 0.25, weights: 'importance', bridge: 'blend', wage: 'exact',
                    measure: 'ilo2025', overrides: [{ id: 968, label: 'E0', weight: null }, { id: 971, label: null, weight: 0 }] };
    assert.equal(engine.setAssumptions(given).ok, true);
    assert.deepEqual(engine.assumptions(), given);
    engine.setAssumptions({});
    assert.deepEqual(engine.assumptions(), engine.defaultAssumptions());
  });

  test('bad input from JavaScript is a status, never a throw', () => {
    const cases = [
      [{ e2: 'half' }, 'invalid-label-value'],
      [{ e1: NaN }, 'invalid-label-value'],
      [{ e2: 2 }, 'invalid-label-value'],
      [{ weights: 'heavy' }, 'invalid-option'],
      [{ measure: 'ilo' }, 'invalid-option'],
      [{ labels: 42 }, 'invalid-option'],
      [{ overrides: 'all' }, 'invalid-state'],
      [{ overrides: [{ id: 'x' }] }, 'unknown-task'],
      [{ overrides: [{ id: 123456789, label: 'E1' }] }, 'unknown-task'],
      [{ overrides: [{ id: 968, label: 'E9' }] }, 'invalid-label'],
      [{ overrides: [{ id: 968, weight: -1 }] }, 'invalid-weight'],
      [{ overrides: [{ id: 968, weight: Infinity }] }, 'invalid-weight'],
      [null, 'invalid-state'],
      ['e2=1', 'invalid-state'],
    ];
    for (const [input, code] of cases) {
      const status = engine.setAssumptions(input);
      assert.equal(status.ok, false, JSON.stringify(input));
      assert.equal(status.code, code, JSON.stringify(input));
      assert.ok(status.message.length > 10);
    }
    assert.equal(engine.report('1137').report.scoreText, '1.2');  // nothing changed
  });
});

describe('ONS precision of employees and pay', () => {
  test('the report carries each CV, ONS\'s reading and the 95% interval', () => {
    assert.equal(engine.setAssumptions({}).ok, true);
    const it = engine.report('1137').report;  // ASHE 2025: 60k employees CV 7.1%, £90,081 CV 5.3%
    assert.deepEqual(it.employeesPrecision, {
      cvPct: 7.1, quality: 'reasonably_precise', hasInterval: true, intervalLow: 52000, intervalHigh: 68000,
      intervalText: '52k–68k', intervalLabel: '95% interval 52k–68k', readingText: 'CV 7.1%: reasonably precise',
      text: 'CV 7.1%: reasonably precise; 95% interval 52k–68k' });
    assert.equal(it.medianPayPrecision.intervalText, '£80,700–£99,400');
    assert.equal(it.employeesReadingText, 'CV 7.1%: reasonably precise');
    assert.equal(it.medianPayIntervalLabel, '95% interval £80,700–£99,400');
    assert.equal(engine.report('2132').report.employeesPrecision.quality, 'precise');       // CV 4%
    assert.equal(engine.report('5111').report.employeesPrecision.quality, 'acceptable');    // CV 20%, the last published
    const withheld = engine.report('1163').report.employeesPrecision;                       // CV 27.8%, withheld
    assert.equal(withheld.quality, 'unreliable');
    assert.equal(withheld.hasInterval, false);
    assert.equal(withheld.readingText, 'CV 27.8%: above 20%, ONS does not publish it');
    const none = engine.report('1161').report.employeesPrecision;                           // no figure, no CV
    assert.equal(none.cvPct, null);
    assert.equal(none.quality, '');
    assert.equal(none.text, '');
  });
});

describe('provenance', () => {
  test('the sources, each figure\'s panel and a task\'s come from the core, with the role\'s numbers',
       { skip: wasmModule !== 'aiexp-speed' && 'the page\'s build only' }, () => {
    assert.equal(engine.setAssumptions({}).ok, true);
    const sources = engine.sources();
    assert.equal(sources.length, 19);  // with the ILO's task scores, Microsoft's four files and the breakdowns' four
    const ashe = sources.find((source) => source.id === 'ashe');
    assert.equal(ashe.path, 'uk/ashe_2025_prov_table14_7a.csv');
    assert.equal(ashe.licence, 'Open Government Licence v3.0');
    const panels = engine.provenance('1137');
    assert.deepEqual(panels.map((p) => p.figure), ['employees', 'median_pay', 'score', 'direct', 'with_tools', 'wage_exposure', 'rank']);
    const wage = panels.find((p) => p.figure === 'wage_exposure');
    assert.match(wage.formula, /^60,000 × £90,081 × 0\.12 = £648\.6m/);
    assert.deepEqual(wage.sources.map((source) => source.id), ['ashe', 'labels', 'coding_index', 'isco_soc2010', 'soc2010_soc2018', 'onet_soc2018']);
    assert.deepEqual(engine.provenance('9999'), []);
    assert.deepEqual(engine.totalsProvenance().map((p) => p.figure), ['total_employees', 'total_mean_score', 'total_wage_exposure']);
    const task = engine.report('1137').report.tasks[0];
    const taskPanel = engine.taskProvenance('1137', task.id);
    assert.equal(taskPanel.figure, 'task');
    assert.equal(taskPanel.title, `Task ${task.id}: its label and weight`);
    assert.equal(engine.taskProvenance('1137', 1), null);
  });
});

describe('bridge quality', () => {
  test('every unit group has the grade of its facts, and the report gives them', () => {
    const groups = engine.unitGroups();
    const counts = { good: 0, partial: 0, weak: 0 };
    for (const group of groups) counts[group.bridgeGrade]++;
    assert.equal(counts.good + counts.partial + counts.weak, 412);
    for (const soc of ['1137', '2132', '2311', '1161', '5111']) {
      const { bridgeQuality: q, bridgeQualityText } = engine.report(soc).report;
      assert.equal(q.grade, groups.find((group) => group.soc === soc).bridgeGrade, soc);
      assert.equal(bridgeQualityText, q.text);
      // The documented rule, from the facts the report gives.
      const expected = q.onetCount === 0 || q.iscoShare < 0.5 || q.onetCount > 10 ? 'weak'
        : q.iscoShare >= 0.75 && q.onetCount <= 3 ? 'good' : 'partial';
      assert.equal(q.grade, expected, soc);
    }
    const it = engine.report('1137').report.bridgeQuality;
    assert.deepEqual({ ...it, iscoShare: Number(it.iscoShare.toFixed(4)) }, {
      grade: 'good', hasIsco: true, isco: '1330', iscoEntries: 42, codedEntries: 45, iscoShare: 0.9333, onetCount: 1,
      taskCount: 17, ratedCount: 17, ratedShare: 1,
      text: 'Good: ISCO-08 1330 carries 93% of this group\'s coded index entries and reaches 1 O*NET occupation; '
        + 'O*NET rates the importance of 17 of 17 tasks (100%).' });
    assert.equal(engine.report('2311').report.bridgeQuality.grade, 'weak');  // 35 US occupations
  });
});

describe('sensitivity band', () => {
  const SOURCES = ['gpt4', 'human', 'gpt4_alt'];
  const WEIGHTS = ['core', 'importance', 'equal'];
  const BRIDGES = ['modal', 'blend'];
  const SAMPLE = ['1137', '2132', '2311', '3544', '4122', '6135', '8211', '9111', '1161'];

  // Every combination applied with setAssumptions, on top of `base`, for the sample.
  function explicitRecomputes(base) {
    const seen = [];
    for (const labels of SOURCES) for (const weights of WEIGHTS) for (const bridge of BRIDGES) {
      assert.equal(engine.setAssumptions({ ...base, labels, weights, bridge }).ok, true);
      const columns = engine.figureColumns();
      seen.push({ combination: { labels, weights, bridge },
                  scores: Object.fromEntries(SAMPLE.map((soc) => [soc, engine.report(soc).report])) });
      assert.equal(columns.score10.length, 412);
    }
    return seen;
  }

  for (const [name, base] of [['the defaults', {}], ['e2 = 0.5', { e2: 0.5 }],
                               ['a task of 1137 relabelled', { overrides: [{ id: 975, label: 'E1' }] }]]) {
    test(`its ends are the lowest and highest of the 18 recomputes, under ${name}`, () => {
      const seen = explicitRecomputes(base);
      assert.equal(engine.setAssumptions(base).ok, true);
      const columns = engine.figureColumns();
      const socs = engine.unitGroups().map((group) => group.soc);
      for (const soc of SAMPLE) {
        const scored = seen.filter((entry) => entry.scores[soc].scored);
        const values = scored.map((entry) => entry.scores[soc].score10);
        const { sensitivity, score10 } = engine.report(soc).report;
        assert.equal(sensitivity.scored, values.length > 0, soc);
        if (!sensitivity.scored) continue;
        const low = Math.min(...values);
        const high = Math.max(...values);
        assert.ok(Math.abs(sensitivity.min10 - low) < 1e-12, `${soc} min ${sensitivity.min10} vs ${low}`);
        assert.ok(Math.abs(sensitivity.max10 - high) < 1e-12, `${soc} max ${sensitivity.max10} vs ${high}`);
        // Each end names a combination whose recompute gives it (two may tie to within rounding).
        const at = (wanted) => scored.find((entry) => JSON.stringify(entry.combination) === JSON.stringify(wanted));
        assert.ok(Math.abs(at(sensitivity.atMin).scores[soc].score10 - low) < 1e-12, `${soc} at its min`);
        assert.ok(Math.abs(at(sensitivity.atMax).scores[soc].score10 - high) < 1e-12, `${soc} at its max`);
        assert.ok(sensitivity.min10 <= score10 + 1e-12 && score10 <= sensitivity.max10 + 1e-12, soc);
        const index = socs.indexOf(soc);
        assert.equal(columns.rangeMin10[index], sensitivity.min10);
        assert.equal(columns.rangeMax10[index], sensitivity.max10);
        const row = engine.rowsAt([index])[0];
        assert.equal(row.rangeText, sensitivity.rangeText);
        assert.match(sensitivity.lowText, /^\d+\.\d with .+ and the (modal|blended) bridge$/);
      }
    });
  }
});

describe('loading', () => {
  test('data files load from their bytes as from their text, and nothing else is taken', () => {
    const fromBytes = new module.Engine();
    const fromText = new module.Engine();
    try {
      const bytes = (path) => new Uint8Array(readFileSync(join(dataDir, path)));
      assert.equal(fromBytes.loadBundle(42).code, 'invalid-option');
      assert.equal(fromBytes.loadBundle(null).code, 'invalid-option');
      assert.equal(fromBytes.loadBundle(new Uint8Array(0)).code, 'bundle-parse');
      assert.equal(fromBytes.loadBundle(bytes('bundle.json').subarray(0, 5000)).code, 'bundle-parse');
      assert.equal(fromBytes.loadBundle(bytes('bundle.json')).ok, true);
      assert.equal(fromBytes.loadDetails(bytes('details.json')).ok, true);
      assert.equal(fromBytes.loadTitles(bytes('titles.json')).ok, true);
      for (const part of fromBytes.missingTextParts('1137').parts) {
        assert.equal(fromBytes.loadTextPart(bytes(`text/${part}.json`)).ok, true);
      }
      assert.equal(fromText.loadBundle(dataText('bundle.json')).ok, true);
      assert.equal(fromText.loadDetails(dataText('details.json')).ok, true);
      assert.equal(fromText.loadTitles(dataText('titles.json')).ok, true);
      for (const part of fromText.missingTextParts('1137').parts) fromText.loadTextPart(dataText(`text/${part}.json`));
      // Non-ASCII text (task statements, titles) arrives intact either way.
      assert.deepEqual(fromBytes.report('1137'), fromText.report('1137'));
      const decor = fromBytes.search('décor designer', 5);
      assert.ok(decor.some((match) => match.matchedTitle === 'Décor designer'), JSON.stringify(decor));
      assert.deepEqual(decor, fromText.search('décor designer', 5));
    } finally {
      fromBytes.delete();
      fromText.delete();
    }
  });

  test('a corrupt, truncated or foreign bundle is refused with its code', () => {
    const fresh = new module.Engine();
    try {
      assert.equal(fresh.report('1137').code, 'not-loaded');
      assert.equal(fresh.loadBundle('').code, 'bundle-parse');
      assert.equal(fresh.loadBundle(dataText('bundle.json').slice(0, 5000)).code, 'bundle-parse');
      assert.equal(fresh.loadBundle('{"schema":7,"kind":"bundle","build":"x"}').code, 'bundle-version');
      const { schema } = JSON.parse(dataText('bundle.json'));  // the version this build reads
      assert.equal(fresh.loadBundle(`{"schema":${schema},"kind":"bundle","build":"x"}`).code, 'bundle-schema');
      assert.equal(fresh.loadBundle(dataText('details.json')).code, 'bundle-schema');
      assert.equal(fresh.loadDetails(dataText('details.json')).code, 'not-loaded');
      assert.equal(fresh.loadBundle(dataText('bundle.json')).ok, true);
      const otherBuild = dataText('details.json').replace(/"build":"[0-9a-f]+"/, '"build":"0123456789abcdef"');
      assert.equal(fresh.loadDetails(otherBuild).code, 'bundle-mismatch');
      assert.equal(fresh.hasDetails(), false);
    } finally {
      fresh.delete();
    }
  });

  test('figures come from the compact bundle alone; ids and texts arrive with their parts', () => {
    const compact = loadedEngine(module, { details: false, text: false });
    try {
      const r = compact.report('2132').report;
      assert.equal(r.wageExposureText, '£1.42bn');
      assert.equal(r.tasks[0].id, 0);
      assert.equal(r.tasks[0].text, '');
      assert.deepEqual(compact.missingTextParts('2132').parts, ['tasks-11']);
      assert.equal(compact.missingTextParts('9999').code, 'unknown-soc');
    } finally {
      compact.delete();
    }
  });
});

describe('other measures', () => {
  const pageOnly = { skip: wasmModule !== 'aiexp-speed' && 'the page\'s build only' };

  test('the measure can be the headline: the score, rank, wage exposure and totals follow it', () => {
    try {
      assert.equal(engine.setAssumptions({}).ok, true);
      const r = engine.report('1137').report;
      assert.equal(r.measure, 'eloundou');
      assert.equal(r.measureTitle, 'Eloundou et al. (2023)');
      const eloundouTotals = engine.totals();
      assert.equal(engine.setAssumptions({ measure: 'microsoft' }).ok, true);
      const m = engine.report('1137').report;
      assert.equal(m.scoreText, '1.5');  // SCORING.md s.7: 10 x 0.1519, via SOC 11-3021
      assert.equal(m.measure, 'microsoft');
      assert.notEqual(m.rankPercent, r.rankPercent);
      assert.equal(m.wageExposureText, '£811m');  // 60,000 x £90,081 x 0.15
      assert.equal(m.sensitivity.scored, false);  // the band is the Eloundou score's
      assert.notEqual(engine.totals().wageExposureText, eloundouTotals.wageExposureText);
      assert.equal(engine.setAssumptions({ measure: 'ilo2025' }).ok, true);
      assert.equal(engine.report('2132').report.scoreText, '4.4');  // modal ISCO-08 1330 too
      assert.equal(engine.encodeState('1137', []), 'soc=1137&measure=ilo2025');
      const decoded = engine.decodeState('measure=ilo2023');
      assert.equal(decoded.assumptions.measure, 'ilo2023');
      assert.equal(engine.setAssumptions({ measure: 'nope' }).code, 'invalid-option');
      assert.equal(engine.assumptions().measure, 'ilo2025');  // a refused change changes nothing
    } finally {
      engine.setAssumptions({});
    }
  });

  test('a role under every measure side by side, with the ILO code, gradient and agreement', pageOnly, () => {
    try {
      assert.equal(engine.setAssumptions({}).ok, true);
      const m = engine.measures('1137').measures;
      assert.equal(m.loaded, true);
      assert.deepEqual(m.lines.map((line) => line.measure), ['eloundou', 'ilo2025', 'ilo2023', 'microsoft']);
      assert.deepEqual(m.lines.map((line) => line.scoreText), ['1.2', '4.4', '3.1', '1.5']);
      assert.equal(m.lines[0].headline, true);
      assert.equal(m.iloIsco, '1330');
      assert.equal(m.iloGradientText, 'Exposed: Gradient 2');
      assert.match(m.agreementText, /percentile/);
      assert.equal(engine.setAssumptions({ measure: 'microsoft' }).ok, true);
      const other = engine.measures('1137').measures;
      assert.equal(other.lines[3].headline, true);
      assert.equal(engine.report('1137').report.rankPercent, other.lines[3].rankPercent);
      assert.deepEqual(other.lines.map((line) => line.scoreText), ['1.2', '4.4', '3.1', '1.5']);
      assert.equal(engine.measures('9999').code, 'unknown-soc');
    } finally {
      engine.setAssumptions({});
    }
  });

  test('without the details another measure is refused with its own code', () => {
    const compact = loadedEngine(module, { details: false, text: false });
    try {
      const status = compact.setAssumptions({ measure: 'ilo2025' });
      assert.equal(status.code, 'measure-not-loaded');
      assert.equal(compact.assumptions().measure, 'eloundou');
      assert.equal(compact.loadDetails(dataText('details.json')).ok, true);
      assert.equal(compact.setAssumptions({ measure: 'ilo2025' }).ok, true);  // the measures arrive with them
      assert.equal(compact.report('1137').report.scoreText, '4.4');
    } finally {
      compact.delete();
    }
  });

  test('measure columns, rank agreement and the ILO tasks of an occupation', pageOnly, () => {
    const columns = engine.measureColumns();
    assert.deepEqual(Object.keys(columns), ['eloundou', 'ilo2025', 'ilo2023', 'microsoft']);
    const index = engine.unitGroups().findIndex((g) => g.soc === '1137');
    assert.ok(Math.abs(columns.ilo2025[index] - 4.402) < 5e-4);
    assert.ok(Math.abs(columns.microsoft[index] - 1.519) < 5e-4);
    for (const [name, column] of Object.entries(columns)) {
      assert.equal(column.length, engine.unitGroups().length, name);
      for (const value of column) assert.ok(Number.isNaN(value) || (value >= 0 && value <= 10), name);
    }
    const agreement = engine.agreement('ilo2025');
    assert.ok(agreement.pairs > 350 && agreement.rho > 0 && agreement.rho < 1, JSON.stringify(agreement));
    assert.equal(agreement.text, agreement.rho.toFixed(2));
    assert.equal(engine.agreement('eloundou').rho.toFixed(6), '1.000000');
    const part = engine.iloTasks(readFileSync(join(dataDir, 'ilo', 'tasks-1330.json')));
    assert.equal(part.ok, true);
    assert.equal(part.isco, '1330');
    assert.ok(part.tasks.length > 5);
    const mean = part.tasks.reduce((sum, t) => sum + t.score10, 0) / part.tasks.length;
    assert.equal(mean.toFixed(1), '4.4');  // the occupation's score is the mean of its tasks'
    assert.ok(part.tasks.every((t) => t.text && /^\d+\.\d$/.test(t.scoreText)));
    assert.ok(part.tasks.some((t) => t.reasonGpt4o.length > 40 && t.reasonGemini.length > 40));
    assert.equal(engine.iloTasks('{"schema":4,"kind":"ilo-tasks","build":"other"}').code, 'bundle-mismatch');
    assert.equal(engine.iloTasks('not json').code, 'bundle-parse');
    assert.equal(engine.iloTasks(42).code, 'invalid-option');
  });
});

describe('lists, search, CSV and links', () => {
  test('unit groups, rows and totals cover every occupation', () => {
    engine.setAssumptions({});
    const groups = engine.unitGroups();
    const rows = engine.rows();
    assert.equal(groups.length, checkValues.coverage.unit_groups);
    assert.equal(rows.length, groups.length);
    assert.deepEqual(rows.map((r) => r.soc), groups.map((g) => g.soc));
    assert.equal(engine.majorGroups().length, 9);
    const totals = engine.totals();
    assert.ok(totals.rankSet >= checkValues.coverage.min_scored_with_ashe);
    assert.match(totals.wageExposureText, /^£\d/);
    assert.match(totals.distributionText, /^Of \d+ scored occupations/);
    const row = rows.find((r) => r.soc === '1137');
    assert.equal(row.scoreText, '1.2');
    assert.equal(row.band, 'Minimal');
  });

  test('figure columns and rowsAt agree with rows(), under changed assumptions too', () => {
    for (const assumptions of [{}, { e2: 0.5, weights: 'equal' }, { labels: 'human', bridge: 'blend' }]) {
      assert.equal(engine.setAssumptions(assumptions).ok, true);
      const rows = engine.rows();
      const columns = engine.figureColumns();
      assert.ok(columns.score10 instanceof Float64Array && columns.wageExposureGbp instanceof Float64Array);
      assert.equal(columns.score10.length, rows.length);
      assert.equal(columns.wageExposureGbp.length, rows.length);
      rows.forEach((row, i) => {
        assert.equal(Number.isNaN(columns.score10[i]), !row.scored, row.soc);
        if (row.scored) assert.equal(columns.score10[i], row.score10, row.soc);
        assert.equal(Number.isNaN(columns.wageExposureGbp[i]), !row.hasWageExposure, row.soc);
        if (row.hasWageExposure) assert.equal(columns.wageExposureGbp[i], row.wageExposureGbp, row.soc);
      });
      assert.ok(rows.some((row) => !row.hasWageExposure), 'some unit group has no wage exposure');
      const last = rows.length - 1;
      assert.deepEqual(engine.rowsAt([5, 0, last, 5]), [rows[5], rows[0], rows[last], rows[5]]);
    }
    // An element that is not a whole number in range is skipped; none makes the call throw.
    const odd = [-1, 412, 1.5, NaN, Infinity, -0.5, 1e300, 'x', '3', null, true, undefined, {}, [], 1n, Symbol('s'),
                 { valueOf() { throw new Error('read'); } }];
    assert.deepEqual(engine.rowsAt(odd), []);
    assert.deepEqual(engine.rowsAt([...odd, 7, -0]).map((row) => row.soc), [engine.rows()[7].soc, engine.rows()[0].soc]);
    // What is not an array gives no rows.
    for (const notArray of [undefined, null, 3, '3', { length: 2 }, new Int32Array([1])]) {
      assert.deepEqual(engine.rowsAt(notArray), []);
    }
    engine.setAssumptions(engine.defaultAssumptions());
  });

  test('"data analyst" finds its unit groups and the job title that matched', () => {
    assert.equal(engine.loadTitles(dataText('titles.json')).ok, true);
    const results = engine.search('data analyst', 8);
    assert.equal(results[0].soc, '3544');
    const programmers = results.find((r) => r.soc === '2134');
    assert.equal(programmers.matchedTitle, 'Data analyst');
    assert.equal(programmers.qualifier, 'computing/IT');
    assert.deepEqual(engine.search('', 8), []);
    assert.equal(engine.search('nurse', 500).length <= 100, true);  // the binding caps the limit
  });

  test('CSV exports have their header and one line per row', { skip: wasmModule !== 'aiexp-speed' && 'the page\'s build only' }, () => {
    const table = engine.tableCsv(['1137', '2132', 'nope']).trim().split('\r\n');
    assert.equal(table[0], 'soc,title,major_group,employees,median_pay_gbp,exposure,direct,with_tools,band,wage_exposure_gbp,rank_percent,range_min,range_max,employees_cv_pct,median_pay_cv_pct,bridge_grade,bridge_isco,bridge_isco_share,bridge_onets,bridge_rated_share,measure,eloundou,ilo2025,ilo2023,microsoft');
    assert.equal(table.length, 3);
    // ONS's CVs of 1137's employees and pay; its bridge: 1330 (42 of 45 titles) to one O*NET occupation, all rated.
    assert.match(table[1], /,7\.1,5\.3,good,1330,0\.933333333,1,1,eloundou,1\.212121212,4\.40227273,3\.13636364,1\.51893514$/);
    assert.match(table[1], /^1137,Information technology directors,1,60000,90081,1\.212121212,/);
    const tasks = engine.tasksCsv('1137');
    assert.equal(tasks.ok, true);
    assert.equal(tasks.csv.trim().split('\r\n').length, 18);
    assert.equal(engine.tasksCsv('0000').code, 'unknown-soc');
  });

  test('permalink state round-trips and refuses hostile values', () => {
    engine.setAssumptions({ e2: 0.5, overrides: [{ id: 968, label: 'E1' }] });
    const query = engine.encodeState('1137', ['2132']);
    assert.equal(query, 'soc=1137&cmp=2132&e2=0.5&t=968.E1');
    engine.setAssumptions({});
    const decoded = engine.decodeState(`?${query}`);
    assert.equal(decoded.ok, true);
    assert.equal(decoded.soc, '1137');
    assert.deepEqual(decoded.compare, ['2132']);
    assert.equal(decoded.assumptions.e2, 0.5);
    assert.deepEqual(decoded.rejected, []);
    const hostile = engine.decodeState('soc=<script>&e2=9e999&t=999999999.E1');
    assert.equal(hostile.soc, '');
    assert.equal(hostile.rejected.length, 3);
    assert.ok(hostile.rejected.every((why) => !why.includes('<')));
  });

  test('links take the grammar\'s names and aliases, the last of a repeated parameter, and name unknown ones', () => {
    const canonical = engine.decodeState('soc=1137&compare=2132&weights=importance&label-source=human&tasks=968.E1');
    const short = engine.decodeState('soc=1137&cmp=2132&w=importance&labels=human&t=968.E1');
    assert.deepEqual(canonical.rejected, []);
    assert.deepEqual(canonical.rejections, []);
    assert.deepEqual(canonical.assumptions, short.assumptions);
    assert.deepEqual(canonical.compare, ['2132']);
    assert.equal(canonical.assumptions.weights, 'importance');
    const messy = engine.decodeState('e2=0.5&e2=1&wieghts=core&utm_source=news&fbclid=x&e1=7');
    assert.equal(messy.assumptions.e2, 1);
    assert.deepEqual(messy.rejections.map((r) => r.kind), ['unknown-parameter', 'duplicate', 'invalid-value']);
    assert.deepEqual(messy.rejections.map((r) => r.parameter), ['wieghts', 'e2', 'e1']);
    assert.equal(messy.rejections[0].reason, 'unknown parameter "wieghts": did you mean "weights"?');
    assert.deepEqual(messy.rejected, messy.rejections.map((r) => r.reason));
  });

  test('grammar() lists every parameter with its names, values and bounds', () => {
    const grammar = module.grammar();
    assert.deepEqual(grammar.params.map((p) => p.name), ['soc', 'compare', 'labels', 'e1', 'e2', 'weights', 'bridge', 'wage', 'measure', 'tasks']);
    assert.deepEqual(grammar.params.map((p) => p.linkName), ['soc', 'cmp', 'labels', 'e1', 'e2', 'w', 'bridge', 'wage', 'measure', 't']);
    const byName = Object.fromEntries(grammar.params.map((p) => [p.name, p]));
    assert.deepEqual(byName.measure.choices, ['eloundou', 'ilo2025', 'ilo2023', 'microsoft']);
    assert.deepEqual(byName.labels.aliases, ['label-source']);
    assert.deepEqual(byName.weights.choices, ['core', 'importance', 'equal']);
    assert.deepEqual([byName.e2.min, byName.e2.max], [0, 1]);
    assert.deepEqual(byName.compare.doors, ['link']);
    assert.deepEqual(byName.e1.doors, ['link', 'widget', 'cli']);
    assert.equal(grammar.maxTaskWeight, 1000);
    assert.equal(grammar.maxCompared, 3);
    // The defaults the module reports are among each parameter's values.
    const defaults = engine.defaultAssumptions();
    for (const name of ['labels', 'weights', 'bridge', 'wage', 'measure']) assert.ok(byName[name].choices.includes(defaults[name]), name);
  });

  test('the widget\'s attribute table (uk-ai-exposure-card.js) equals the core\'s grammar for the widget', async () => {
    const { ATTRIBUTES, DEFAULT_ASSUMPTIONS } = await import('../../web/widget/uk-ai-exposure-card.js');
    const params = module.grammar().params.filter((p) => p.doors.includes('widget'));
    assert.deepEqual(Object.keys(ATTRIBUTES), params.map((p) => p.name));
    for (const spec of params) {
      const attribute = ATTRIBUTES[spec.name];
      assert.deepEqual([...attribute.aliases], spec.aliases, spec.name);
      assert.equal(attribute.kind, spec.kind, spec.name);
      if (spec.kind === 'choice') {
        assert.deepEqual([...attribute.choices], spec.choices, spec.name);
        assert.ok(spec.choices.includes(DEFAULT_ASSUMPTIONS[spec.name]), spec.name);
      }
      if (spec.kind === 'number') assert.deepEqual([attribute.min, attribute.max], [spec.min, spec.max], spec.name);
    }
  });

  test('errorStatus gives the core message for a named code', () => {
    const status = module.errorStatus('data-unavailable', 'data/bundle.json: HTTP 404');
    assert.deepEqual(status, { ok: false, code: 'data-unavailable', message: 'The occupation data could not be downloaded: data/bundle.json: HTTP 404' });
    assert.equal(module.errorStatus('no-such-code', '').code, 'invalid-option');
  });
});

describe('the UK at a glance', () => {
  const pageOnly = { skip: wasmModule !== 'aiexp-speed' && 'the page\'s build only' };

  test('the major groups add up to the UK, and a threshold takes the displayed scores at or above it', pageOnly, () => {
    assert.equal(engine.setAssumptions({}).ok, true);
    const uk = engine.totals();
    const groups = engine.majorGroupSummaries();
    assert.deepEqual(groups.map((g) => g.code), [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    assert.equal(groups.reduce((sum, g) => sum + g.unitGroups, 0), uk.unitGroups);
    assert.equal(groups.reduce((sum, g) => sum + g.scored, 0), uk.scored);
    assert.equal(groups.reduce((sum, g) => sum + g.employees, 0), uk.employees);
    const weighted = groups.reduce((sum, g) => sum + g.employees * g.meanScore10, 0) / uk.employees;
    assert.ok(Math.abs(weighted - uk.meanScore10) < 1e-9);
    assert.ok(groups.every((g) => g.title && /^£/.test(g.payText) && g.wageExposureGbp < g.payGbp));
    const columns = engine.figureColumns();
    const all = engine.totalsAtOrAbove(0);
    assert.equal(all.scored, uk.scored);
    assert.equal(all.employees, uk.employees);
    assert.equal(all.wageExposureText, uk.wageExposureText);
    const atFive = engine.totalsAtOrAbove(5);
    assert.equal(atFive.minScore10, 5);
    assert.equal(atFive.scored, [...columns.displayed10].filter((v) => v >= 5).length);
    for (let i = 0; i < columns.displayed10.length; i++) {
      const score = columns.score10[i];
      if (Number.isNaN(score)) assert.ok(Number.isNaN(columns.displayed10[i]));
      else assert.ok(Math.abs(columns.displayed10[i] - score) <= 0.05 + 1e-9);
    }
    assert.equal(engine.totalsAtOrAbove(10.1).scored, 0);
    assert.equal(engine.totalsAtOrAbove(Number.NaN).scored, 0);
  });

  test('bands come from the core by stable key: columns, rows, reports, group means and the threshold members', (t) => {
    if (wasmModule !== 'aiexp-speed') return t.skip('page build only');
    assert.equal(engine.setAssumptions(engine.defaultAssumptions()).ok, true);
    const bands = module.bands();
    assert.deepEqual(bands.map((b) => b.key), ['minimal', 'low', 'moderate', 'high', 'very_high']);
    assert.deepEqual(bands.map((b) => b.name), ['Minimal', 'Low', 'Moderate', 'High', 'Very high']);
    assert.deepEqual(bands.map((b) => b.rangeText), ['under 2', '2 to 4', '4 to 6', '6 to 8', '8 and over']);
    assert.deepEqual([0, 1.9, 2, 5.95, 6, 7.9, 8, 10].map((v) => module.bandOf(v)),
                     ['minimal', 'minimal', 'low', 'moderate', 'high', 'high', 'very_high', 'very_high']);
    assert.equal(module.bandOf(Number.NaN), '');
    const columns = engine.figureColumns();
    const units = engine.unitGroups();
    const rows = engine.rowsAt(units.map((_, i) => i));
    rows.forEach((row, i) => {
      assert.equal(row.bandKey, columns.band[i] < 0 ? '' : bands[columns.band[i]].key, row.soc);
      assert.equal(row.bandKey, Number.isNaN(columns.displayed10[i]) ? '' : module.bandOf(columns.displayed10[i]));
      if (row.scored) assert.equal(bands.find((b) => b.key === row.bandKey).name, row.band);
    });
    assert.equal(engine.report('1137').report.bandKey, 'minimal');
    for (const group of engine.majorGroupSummaries()) {
      assert.equal(group.bandKey, module.bandOf(Number(group.meanScoreText)), `major group ${group.code}`);
    }
    for (const threshold of [0, 0.7, 5, 6, 10.1]) {
      const part = engine.totalsAtOrAbove(threshold);
      assert.equal(part.members.length, units.length);
      assert.equal(part.members.reduce((sum, m) => sum + m, 0), part.scored, `threshold ${threshold}`);
      part.members.forEach((member, i) => assert.equal(member === 1, columns.displayed10[i] >= threshold - 1e-9));
    }
  });
});

describe('declared surface', () => {
  // Names registered in bindings.cpp, in order, and the names declared in aiexp.d.ts, in order.
  const bindings = readFileSync(new URL('../../wasm/bindings.cpp', import.meta.url), 'utf8');
  const declarations = readFileSync(new URL('../../wasm/aiexp.d.ts', import.meta.url), 'utf8');

  test('every Engine method of aiexp.d.ts exists on the module, in the order bindings.cpp registers them', () => {
    const registered = [...bindings.matchAll(/\.function\("(\w+)"/g)].map((m) => m[1]);
    const engineBlock = declarations.slice(declarations.indexOf('export interface Engine {'));
    const declared = [...engineBlock.slice(0, engineBlock.indexOf('\n}')).matchAll(/^\s{2}(\w+)\(/gm)].map((m) => m[1])
      .filter((name) => name !== 'delete');
    assert.deepEqual(declared, registered);
    // The calls bindings.cpp registers for the page's build only: the widget's build must leave them out.
    const pageStart = bindings.lastIndexOf('#ifdef AIEXP_PAGE_BUILD', bindings.indexOf('engine.function("tableCsv"'));
    const pageBlock = bindings.slice(pageStart, bindings.indexOf('#endif', pageStart));
    const pageOnly = [...pageBlock.matchAll(/\.?function\("(\w+)"/g)].map((m) => m[1]);
    assert.deepEqual(pageOnly, ['tableCsv', 'tasksCsv', 'sources', 'provenance', 'taskProvenance', 'totalsProvenance',
                                'measures', 'measureColumns', 'agreement', 'iloTasks', 'majorGroupSummaries', 'totalsAtOrAbove',
                                'loadBreakdowns', 'hasBreakdowns', 'sexBreakdown', 'patternBreakdown', 'industryBreakdown',
                                'regionBreakdown', 'payBreakdown', 'roleBreakdown', 'breakdownProvenance', 'breakdownCsv']);
    const instance = new module.Engine();
    try {
      for (const name of [...declared, 'delete']) {
        const expected = pageOnly.includes(name) && wasmModule !== 'aiexp-speed' ? 'undefined' : 'function';
        assert.equal(typeof instance[name], expected, `${name} in the ${wasmModule} build`);
      }
    } finally {
      instance.delete();
    }
  });

  test('every value_object field of bindings.cpp is declared, and every free function exists', () => {
    for (const [, name, body] of bindings.matchAll(/value_object<\w+>\("(\w+)"\)([\s\S]*?);/g)) {
      const fields = [...body.matchAll(/\.field\("(\w+)"/g)].map((m) => m[1]);
      const block = declarations.slice(declarations.indexOf(`export interface ${name} `));
      const declared = [...block.slice(0, block.indexOf('\n}')).matchAll(/^\s{2}(\w+)\??:/gm)].map((m) => m[1]);
      assert.deepEqual(declared, fields, `interface ${name}`);
    }
    // Free functions registered under #ifdef AIEXP_PAGE_BUILD exist in the page's build only.
    const freeBlock = bindings.slice(bindings.indexOf('function("errorStatus"'), bindings.indexOf('class_<Engine>'));
    const pageStart = freeBlock.indexOf('#ifdef AIEXP_PAGE_BUILD');
    const pageOnly = pageStart < 0 ? [] : [...freeBlock.slice(pageStart, freeBlock.indexOf('#endif', pageStart))
      .matchAll(/function\("(\w+)"/g)].map((m) => m[1]);
    for (const [, name] of bindings.matchAll(/^\s+function\("(\w+)"/gm)) {
      const expected = pageOnly.includes(name) && wasmModule !== 'aiexp-speed' ? 'undefined' : 'function';
      assert.equal(typeof module[name], expected, `${name} in the ${wasmModule} build`);
      assert.match(declarations, new RegExp(`export function ${name}\\(`));
    }
  });
});
