// The digest test.sh prints after a failed run: each failing node test with its error, each failed Catch2 check
// with its place, and nothing of the tests that passed.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';

const run = promisify(execFile);

test('a failed run is summed up by its failing tests and their errors', async () => {
  const buildDir = await mkdtemp(join(tmpdir(), 'aiexp-digest-'));
  await mkdir(join(buildDir, 'Testing', 'Temporary'), { recursive: true });
  await copyFile('tests/fixtures/ctest-last-test.log', join(buildDir, 'Testing', 'Temporary', 'LastTest.log'));
  const { stdout } = await run(process.execPath, ['tools/failure-digest.mjs', buildDir]);
  assert.match(stdout, /^== node fail$/m);
  assert.match(stdout, /not ok 2 - a thing differs/);
  assert.match(stdout, /\+ {3}'b'\n.*- {3}'c'/);
  assert.doesNotMatch(stdout, /stack:|duration_ms|ok 1 - passes/);
  assert.match(stdout, /^== catch fail$/m);
  assert.match(stdout, /foo\.cpp:47: FAILED:\n\s+CHECK\( a == b \)\n.*with expansion:\n\s+1 == 2/);
  assert.doesNotMatch(stdout, /^== ok$/m);
});

test('a run without failures prints nothing, and a missing log is no error', async () => {
  const empty = await mkdtemp(join(tmpdir(), 'aiexp-digest-'));
  const { stdout } = await run(process.execPath, ['tools/failure-digest.mjs', empty]).catch((error) => error);
  assert.equal(stdout, '');
});
