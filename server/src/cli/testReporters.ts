import { relative } from 'node:path';
import type { TestRun } from '../testing/runTests';
import { countResults, fileProblems } from './testReport';

/** Text safe inside XML: markup escaped, characters XML 1.0 forbids dropped. */
function xml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** JUnit XML as CI systems read it: a testsuite per test file, a testcase per test, failure/error with details. */
export function junitReport(run: TestRun, cwd: string, ms: number): string {
  const c = countResults(run);
  const out = [`<?xml version="1.0" encoding="UTF-8"?>`, `<testsuites name="asl test" tests="${c.passed + c.failed + c.errors}" failures="${c.failed}" errors="${c.errors}" time="${(ms / 1000).toFixed(3)}">`];
  const problems = fileProblems(run.files);
  for (const file of run.files) {
    const name = relative(cwd, file.path) || file.path;
    const results = run.results.filter((r) => r.file === file.path);
    const own = problems.filter((p) => p.file === file.path);
    const failures = results.filter((r) => r.state === 'failed').length;
    const errors = results.filter((r) => r.state === 'error').length + own.length;
    const time = results.reduce((t, r) => t + r.ms, 0) / 1000;
    out.push(`  <testsuite name="${xml(name)}" tests="${results.length + own.length}" failures="${failures}" errors="${errors}" time="${time.toFixed(3)}">`);
    for (const p of own) out.push(`    <testcase name="${xml(`${name}:${p.line}`)}" classname="${xml(name)}" time="0"><error message="${xml(p.message)}" type="file">${xml(`${name}:${p.line}: ${p.message}`)}</error></testcase>`);
    for (const r of results) {
      const open = `    <testcase name="${xml(r.name)}" classname="${xml(name)}" file="${xml(name)}" line="${r.line}" time="${(r.ms / 1000).toFixed(3)}"`;
      if (r.state === 'passed') {
        out.push(`${open}/>`);
        continue;
      }
      const details = [
        ...(r.message ? [`${name}:${r.line}: ${r.message}`] : []),
        ...r.failures.map((f) => `${name}:${f.line}: ${f.message}${f.diff ? `\n${f.diff}` : ''}`),
        ...(r.observed ? [`path taken: ${r.observed.path.join(' → ') || '(no state)'}`] : []),
      ].join('\n');
      const tag = r.state === 'error' ? 'error' : 'failure';
      const message = r.message ?? r.failures[0]?.message ?? r.state;
      out.push(`${open}>`, `      <${tag} message="${xml(message)}" type="${r.state === 'error' ? 'setup' : 'expectation'}">${xml(details)}</${tag}>`, '    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}

/** Everything as JSON: summary, file problems, each test with its failures and what the run did. */
export function jsonReport(run: TestRun, cwd: string, ms: number, coverage?: unknown): string {
  const c = countResults(run);
  return `${JSON.stringify({
    summary: { ...c, total: c.passed + c.failed + c.errors, durationMs: Math.round(ms) },
    problems: fileProblems(run.files).map((p) => ({ ...p, file: relative(cwd, p.file) || p.file })),
    tests: run.results.map((r) => ({
      file: relative(cwd, r.file) || r.file, name: r.name, line: r.line, state: r.state, ...(r.message ? { message: r.message } : {}),
      failures: r.failures.map((f) => ({ line: f.line, kind: f.kind, message: f.message, ...(Object.hasOwn(f, 'expected') ? { expected: f.expected } : {}), ...(Object.hasOwn(f, 'actual') ? { actual: f.actual } : {}) })),
      ...(r.observed ? { observed: r.observed } : {}),
    })),
    ...(coverage ? { coverage } : {}),
  }, null, 2)}\n`;
}
