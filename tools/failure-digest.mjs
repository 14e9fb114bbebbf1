#!/usr/bin/env node
// After a failed ctest run: what failed and why, in a few lines, printed last so that it is the part of a long
// log a reader sees first. Reads ctest's LastTest.log: for a node --test suite, each failing test and its error;
// for a Catch2 suite, each failed check with its place; for anything else, the end of its output.
// Usage: node tools/failure-digest.mjs <build dir>
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const MAX_LINES_PER_TEST = 40;
const MAX_LINES = 160;

function* testBlocks(log) {
  const starts = [...log.matchAll(/^\d+\/\d+ Testing: (.+)$/gm)];
  for (const [index, start] of starts.entries()) {
    const end = starts[index + 1]?.index ?? log.length;
    const body = log.slice(start.index, end);
    // What the test printed: after "Output:" and its rule, up to "<end of output>" (or "Test time").
    const output = body.replace(/^[\s\S]*?^Output:\n-{20,}\n/m, '').replace(/^(<end of output>|Test time)[\s\S]*$/m, '');
    yield { name: start[1], failed: /^Test Failed/m.test(body), output };
  }
}

// node --test (TAP): each "not ok" with the error text of its YAML block; the stack and the machine-readable
// copies of expected and actual are left out.
const TAP_SKIPPED_KEYS = /^(stack|duration_ms|type|failureType|code|name|expected|actual|operator|location):/;

function tapFailures(lines) {
  const picked = [];
  const indentOf = (line) => line.length - line.trimStart().length;
  for (let i = 0; i < lines.length; i += 1) {
    if (!/^\s*not ok \d+/.test(lines[i])) continue;
    picked.push(lines[i].trim());
    const blockIndent = indentOf(lines[i]) + 2;
    for (let j = i + 1; j < lines.length && !/^\s*\.\.\.\s*$/.test(lines[j]); j += 1) {
      const line = lines[j];
      if (/^\s*---\s*$/.test(line) || !line.trim()) continue;
      if (TAP_SKIPPED_KEYS.test(line.trimStart())) {
        const keyIndent = indentOf(line);
        while (j + 1 < lines.length && lines[j + 1].trim() && indentOf(lines[j + 1]) > keyIndent) j += 1;
        continue;
      }
      picked.push(`  ${line.slice(Math.min(indentOf(line), blockIndent)).trimEnd()}`);
    }
  }
  return picked;
}

// Catch2: from each "FAILED:" back to its file:line header and on to the end of the expansion.
function catchFailures(lines) {
  const picked = [];
  for (let i = 0; i < lines.length; i += 1) {
    if (!/FAILED:|failed with an exception|fatal error condition/.test(lines[i])) continue;
    let from = i;
    while (from > 0 && !/^\S.*:\d+(: |$)/.test(lines[from - 1]) && i - from < 4) from -= 1;
    if (from > 0 && /^\S.*:\d+/.test(lines[from - 1])) from -= 1;
    let to = i + 1;
    while (to < lines.length && !/^(=|-){10,}/.test(lines[to]) && to - i < 12) to += 1;
    picked.push(...lines.slice(from, to).map((line) => line.trimEnd()).filter(Boolean));
  }
  return picked;
}

function digest(output) {
  const lines = output.split('\n');
  const found = /^TAP version/m.test(output) ? tapFailures(lines) : catchFailures(lines);
  const chosen = found.length ? found : lines.filter((line) => line.trim()).slice(-15);
  return chosen.length > MAX_LINES_PER_TEST ? [...chosen.slice(0, MAX_LINES_PER_TEST), '  […]'] : chosen;
}

const buildDir = process.argv[2];
if (!buildDir) {
  console.error('usage: node tools/failure-digest.mjs <build dir>');
  process.exit(2);
}
let log;
try {
  log = readFileSync(join(buildDir, 'Testing', 'Temporary', 'LastTest.log'), 'utf8');
} catch (error) {
  console.error(`failure digest: ${error.message}`);
  process.exit(0);
}
const report = [];
for (const block of testBlocks(log)) {
  if (!block.failed) continue;
  report.push(`== ${block.name}`, ...digest(block.output).map((line) => `   ${line}`));
}
if (report.length) {
  console.log('\nWhat failed (from the test log):');
  console.log((report.length > MAX_LINES ? [...report.slice(0, MAX_LINES), '[…]'] : report).join('\n'));
}
