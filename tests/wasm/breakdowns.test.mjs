// The breakdowns by sex, working pattern, industry, region and pay (issue 26) through the page's build of the module:
// their data file, one call per kind with the {ok, code, message} head, the check values, the live recompute, the
// provenance panels and the CSV. The widget's build leaves these calls out (engine.test.mjs checks it).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { checkValues, dataDir, dataText, loadedEngine, loadModule, wasmModule } from './support.mjs';

const pageBuild = { skip: wasmModule !== 'aiexp-speed' && 'the page\'s build only (AIEXP_WASM_MODULE=aiexp-speed)' };
const expected = checkValues.breakdowns;
const KINDS = ['sex', 'pattern', 'industry', 'region', 'pay'];
const call = (engine, kind) => engine[`${kind}Breakdown`]();

let module;
let engine;

before(async () => {
  module = await loadModule();
  if (wasmModule !== 'aiexp-speed') return;
  engine = loadedEngine(module);
  const status = engine.loadBreakdowns(dataText('breakdowns.json'));
  if (!status.ok) throw new Error(`breakdowns.json: ${status.message}`);
});

after(() => engine?.delete());

describe('the breakdowns\' data file', pageBuild, () => {
  test('before it is loaded every kind answers breakdown-not-loaded with its kind and caption', () => {
    const fresh = new module.Engine();
    try {
      assert.equal(fresh.sexBreakdown().code, 'not-loaded');
      assert.equal(fresh.loadBreakdowns(dataText('breakdowns.json')).code, 'not-loaded');
      assert.equal(fresh.loadBundle(dataText('bundle.json')).ok, true);
      assert.equal(fresh.hasBreakdowns(), false);
      for (const kind of KINDS) {
        const result = call(fresh, kind);
        assert.deepEqual(Object.keys(result).slice(0, 5), ['ok', 'code', 'message', 'kind', 'caption']);
        assert.equal(result.ok, false);
        assert.equal(result.code, 'breakdown-not-loaded');
        assert.equal(result.kind, kind);
        assert.match(result.caption, /\w/);
        assert.equal(result.rows, undefined);
        assert.deepEqual(fresh.breakdownProvenance(kind), []);
        assert.equal(fresh.breakdownCsv(kind).code, 'breakdown-not-loaded');
      }
    } finally {
      fresh.delete();
    }
  });

  test('it loads from bytes or text beside the compact bundle alone, and a bad file changes nothing', () => {
    const fresh = new module.Engine();
    try {
      assert.equal(fresh.loadBundle(dataText('bundle.json')).ok, true);
      assert.equal(fresh.loadBreakdowns(42).code, 'invalid-option');
      assert.equal(fresh.loadBreakdowns('{').code, 'bundle-parse');
      const other = dataText('breakdowns.json').replace(/"build":"[0-9a-f]+"/, '"build":"0123456789abcdef"');
      assert.equal(fresh.loadBreakdowns(other).code, 'bundle-mismatch');
      assert.equal(fresh.loadBreakdowns(dataText('details.json')).code, 'bundle-schema');
      assert.equal(fresh.hasBreakdowns(), false);
      assert.equal(fresh.loadBreakdowns(new Uint8Array(readFileSync(join(dataDir, 'breakdowns.json')))).ok, true);
      assert.equal(fresh.hasBreakdowns(), true);
      assert.equal(fresh.loadBreakdowns(other).code, 'bundle-mismatch');
      assert.equal(fresh.hasBreakdowns(), true);
      // Without the details the figures are the compact bundle's: the same as the fully loaded engine's.
      assert.deepEqual(fresh.payBreakdown(), engine.payBreakdown());
    } finally {
      fresh.delete();
    }
  });
});

describe('one call per kind', pageBuild, () => {
  test('with the default assumptions they reach the issue\'s check values', () => {
    assert.equal(engine.setAssumptions({}).ok, true);
    const near = (actual, wanted, tolerance, what) =>
      assert.ok(Math.abs(actual - wanted) <= tolerance, `${what}: ${actual} against ${wanted} ± ${tolerance}`);
    const sex = engine.sexBreakdown();
    assert.equal(sex.ok, true, sex.message);
    assert.equal(sex.unitGroups, expected.unit_groups);
    assert.deepEqual(Object.values(sex.levels), expected.sex.levels);
    for (const side of sex.sides) {
      const want = expected.sex[side.group];
      near(side.employees, want.employees, want.employees * expected.total_tolerance, `${side.group} employees`);
      near(side.meanScore10, want.mean_score, expected.mean_tolerance, `${side.group} mean`);
      near(side.highShare, want.high_share, expected.share_tolerance, `${side.group} share at 6.0+`);
      assert.equal(side.hasWageExposure, true);
      assert.match(side.wageExposureText, /^£[\d.]+bn$/);
    }
    assert.deepEqual(sex.sides.map((s) => s.meanScoreText), ['1.82', '1.59']);
    const pattern = engine.patternBreakdown();
    assert.deepEqual(Object.values(pattern.levels), expected.pattern.levels);
    for (const side of pattern.sides) {
      near(side.meanScore10, expected.pattern[side.group].mean_score, expected.mean_tolerance, side.group);
      assert.equal(side.hasWageExposure, false);
      assert.equal(side.wageExposureText, '');
    }
    const byGroup = (result) => Object.fromEntries(result.rows.map((row) => [row.group, row]));
    const industry = byGroup(engine.industryBreakdown());
    for (const [letter, want] of Object.entries(expected.industry)) {
      near(industry[letter].meanScore10, want.mean_score, want.tolerance ?? expected.mean_tolerance, `industry ${letter}`);
    }
    const region = byGroup(engine.regionBreakdown());
    for (const [name, want] of Object.entries(expected.region)) {
      near(region[name].meanScore10, want.mean_score, expected.mean_tolerance, name);
    }
    const pay = byGroup(engine.payBreakdown());
    for (const [tenth, want] of Object.entries(expected.pay)) {
      near(pay[tenth].meanScore10, want.mean_score, expected.mean_tolerance, `pay tenth ${tenth}`);
    }
  });

  test('each returns plain objects and Float64Array columns in row order, NaN where a group has no mean', () => {
    assert.equal(engine.setAssumptions({}).ok, true);
    for (const kind of ['industry', 'region', 'pay']) {
      const result = call(engine, kind);
      assert.deepEqual(Object.keys(result).slice(0, 5), ['ok', 'code', 'message', 'kind', 'caption']);
      assert.equal(result.ok, true);
      assert.equal(result.code, 'ok');
      assert.equal(result.kind, kind);
      assert.ok(result.employees instanceof Float64Array && result.meanScore10 instanceof Float64Array, kind);
      assert.equal(result.employees.length, result.rows.length);
      result.rows.forEach((row, i) => {
        assert.equal(Object.getPrototypeOf(row), Object.prototype);
        assert.equal(result.employees[i], row.employees);
        if (row.scored) assert.equal(result.meanScore10[i], row.meanScore10);
        else assert.ok(Number.isNaN(result.meanScore10[i]));
        assert.match(row.meanScoreText, row.scored ? /^\d+\.\d\d$/ : /^—$/);
      });
    }
    const industry = engine.industryBreakdown();
    assert.deepEqual(industry.rows.map((row) => row.group), [...'ABCDEFGHIJKLMNOPQRS']);
    const j = industry.rows[9];
    assert.equal(j.title, 'Information and communication');
    assert.equal(j.coveredText, '96.4%');
    assert.ok(j.smallSampleCells > 0 && j.smallSampleCells <= j.cells);
    assert.match(j.smallSampleText, /^\d+ of its \d+ cells are small samples \(use with caution\)$/);
    const region = engine.regionBreakdown();
    assert.equal(region.rows.length, 12);
    assert.ok(region.rows.some((row) => row.group === 'Yorkshire and The Humber'));
    const pay = engine.payBreakdown();
    assert.deepEqual(pay.rows.map((row) => row.group), ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    assert.ok(pay.rows.every((row, i) => i === 0 || row.payLowGbp >= pay.rows[i - 1].payHighGbp));
    assert.ok(Math.abs(pay.rows.reduce((sum, row) => sum + row.wageShare, 0) - 1) < 1e-12);
    assert.match(pay.rows[0].payRangeText, /^£[\d,]+–£[\d,]+$/);
  });

  test('they follow the assumptions: label values, measure, and one task\'s relabel only where it reaches', () => {
    assert.equal(engine.setAssumptions({}).ok, true);
    const before = Object.fromEntries(KINDS.map((kind) => [kind, call(engine, kind)]));
    assert.equal(engine.setAssumptions({ e2: 1 }).ok, true);
    assert.ok(engine.sexBreakdown().sides[0].meanScore10 > before.sex.sides[0].meanScore10 + 1);
    assert.equal(engine.setAssumptions({ measure: 'ilo2025' }).ok, true);
    assert.notEqual(engine.industryBreakdown().rows[9].meanScoreText, before.industry.rows[9].meanScoreText);

    // Task 975 of 11-3021.00 made E1: IT directors and managers move, so do the cells holding them, and no others.
    assert.equal(engine.setAssumptions({ overrides: [{ id: 975, label: 'E1' }] }).ok, true);
    const changed = (kind) => {
      const now = call(engine, kind);
      const rows = (result) => result.rows ?? result.sides;
      return rows(now).filter((row, i) => row.meanScore10 !== rows(before[kind])[i].meanScore10).map((row) => row.group);
    };
    assert.deepEqual(changed('sex'), ['female', 'male']);
    const industry = changed('industry');
    assert.ok(industry.includes('J') && industry.length < 19, industry.join());
    const region = changed('region');
    assert.ok(region.includes('London'), region.join());
    const pay = changed('pay');
    assert.ok(pay.length > 0 && pay.length < 10, pay.join());
    assert.equal(engine.setAssumptions({}).ok, true);
    for (const kind of KINDS) assert.deepEqual(changed(kind), [], kind);
  });
});

describe('provenance and CSV', pageBuild, () => {
  test('each group has its panel from the core: sources, the formula with its numbers, a citation', () => {
    assert.equal(engine.setAssumptions({}).ok, true);
    const counts = { sex: 2, pattern: 2, industry: 19, region: 12, pay: 10 };
    for (const kind of KINDS) {
      const panels = engine.breakdownProvenance(kind);
      assert.equal(panels.length, counts[kind], kind);
      for (const panel of panels) {
        assert.equal(panel.figure, `breakdown_${kind}`);
        assert.ok(panel.sources.length >= 3 && panel.sources.every((s) => s.id && s.text && s.row), kind);
        assert.match(panel.formula, /\d/);
        assert.match(panel.citation, /UK AI Exposure, under GPT-4/);
      }
    }
    const [women] = engine.breakdownProvenance('sex');
    assert.match(women.formula, /an estimate \(2024 shares applied to 2025 employees\), not a count ONS publishes/);
    assert.match(women.formula, /shown as 1\.82/);
    assert.deepEqual(engine.breakdownProvenance('ages'), []);
  });

  test('each kind\'s CSV starts with group,employees,mean_score and has one line per group', () => {
    assert.equal(engine.setAssumptions({}).ok, true);
    for (const kind of KINDS) {
      const result = engine.breakdownCsv(kind);
      assert.equal(result.ok, true, kind);
      const lines = result.csv.trimEnd().split('\r\n');
      assert.match(lines[0], /^group,employees,mean_score(,|$)/);
      const rows = call(engine, kind).rows ?? call(engine, kind).sides;
      assert.equal(lines.length, rows.length + 1, kind);
      assert.deepEqual(lines.slice(1).map((line) => line.split(',')[0]), rows.map((row) => row.group));
    }
    assert.equal(engine.breakdownCsv('ages').code, 'invalid-option');
  });
});

describe('a role\'s line', pageBuild, () => {
  test('says how its jobs split by sex and where its largest industry stands, following the assumptions', () => {
    assert.equal(engine.setAssumptions({}).ok, true);
    const line = engine.roleBreakdown('2132');
    assert.deepEqual(Object.keys(line).slice(0, 4), ['ok', 'code', 'message', 'soc']);
    assert.equal(line.ok, true);
    assert.equal(line.industry, 'J');
    assert.equal(line.industryRank, 1);
    assert.equal(line.industryCount, 19);
    assert.equal(line.industryMeanText, engine.industryBreakdown().rows[9].meanScoreText);
    assert.match(line.text, /^Women hold an estimated \d+% of its employee jobs and men \d+% \(ASHE 2024 shares of this occupation's jobs\); its largest industry, Information and communication, ranks 1st of 19 by mean exposure, at 3\.38 \(APS 2024\)\.$/);
    // Midwifery nurses' jobs are split by the shares of their minor group, 223.
    assert.match(engine.roleBreakdown('2231').text, /^Women hold an estimated \d+% of its employee jobs and men \d+% \(ASHE 2024 shares of its minor group 223\); /);
    assert.equal(engine.setAssumptions({ e2: 1 }).ok, true);
    const withTools = engine.roleBreakdown('2132');
    assert.equal(withTools.femalePercent, line.femalePercent);
    assert.equal(withTools.industryMeanScore10, engine.industryBreakdown().rows[9].meanScore10);
    assert.notEqual(withTools.industryMeanText, line.industryMeanText);
    assert.equal(engine.roleBreakdown('9998').code, 'unknown-soc');
    assert.equal(engine.setAssumptions({}).ok, true);
  });
});
