import { relative } from 'node:path';
import { summarize, type MachineCoverage } from '../testing/coverage';
import { readSource } from '../testing/readSource';
import type { LoadedFile } from '../testing/loadTests';
import type { TestResult, TestRun } from '../testing/runTests';

export interface Counts {
  passed: number;
  failed: number;
  errors: number;
  skipped: number;
}

export function countResults(run: TestRun): Counts {
  const counts = { passed: 0, failed: 0, errors: 0, skipped: run.skipped };
  for (const r of run.results) {
    if (r.state === 'passed') counts.passed++;
    else if (r.state === 'failed') counts.failed++;
    else counts.errors++;
  }
  counts.errors += fileProblems(run.files).length;
  return counts;
}

/** Problems of a whole file (not of one test): the file or its machine could not be used. */
export function fileProblems(files: LoadedFile[]): { file: string; line: number; message: string }[] {
  return files.flatMap((f) => f.problems.filter((p) => p.test === undefined && p.testName === undefined).map((p) => ({ file: f.path, line: p.line, message: p.message })));
}

const indent = (text: string, by: string) => text.split('\n').map((l) => by + l).join('\n');

/** The text report: each file with its tests, each failed expectation with file:line, a diff, and the path taken. */
export function textReport(run: TestRun, cwd: string, ms: number): string {
  const out: string[] = [];
  const shown = (path: string) => relative(cwd, path) || path;
  const problems = fileProblems(run.files);
  for (const file of run.files) {
    const results = run.results.filter((r) => r.file === file.path);
    const own = problems.filter((p) => p.file === file.path);
    if (results.length === 0 && own.length === 0) continue;
    out.push(shown(file.path));
    for (const p of own) out.push(`  ! ${shown(file.path)}:${p.line}: ${p.message}`);
    for (const r of results) out.push(resultLines(r, shown(file.path)));
  }
  const c = countResults(run);
  out.push('', `${c.passed} passed, ${c.failed} failed${c.errors ? `, ${c.errors} error${c.errors === 1 ? '' : 's'}` : ''}${c.skipped ? `, ${c.skipped} not run` : ''} (${(ms / 1000).toFixed(2)} s)`);
  return `${out.join('\n')}\n`;
}

function resultLines(r: TestResult, file: string): string {
  if (r.state === 'passed') return `  ✓ ${r.name}`;
  const lines = [`  ${r.state === 'error' ? '!' : '✗'} ${r.name}`];
  if (r.message) lines.push(`      ${file}:${r.line}: ${r.message}`);
  for (const f of r.failures) {
    lines.push(`      ${file}:${f.line}: ${f.message}`);
    if (f.diff) lines.push(indent(f.diff, '          '));
  }
  if (r.observed && r.state === 'failed') {
    lines.push(`      path taken: ${r.observed.path.join(' → ') || '(no state)'}`);
    lines.push(`      ended: ${r.observed.status}${r.observed.error ? ` ${r.observed.error}${r.observed.cause ? `: ${r.observed.cause}` : ''}` : ''}`);
  }
  return lines.join('\n');
}

/** Where each coverage item is in its machine file (1-based line). */
export function coverageLines(coverage: MachineCoverage[], files: LoadedFile[]): Map<MachineCoverage, number[]> {
  const lines = new Map<MachineCoverage, number[]>();
  for (const c of coverage) {
    const machine = files.find((f) => f.machine?.path === c.machine)?.machine;
    const source = readSource(machine?.text ?? '', 'json');
    lines.set(c, c.items.map((i) => source.lineOf(i.at)));
  }
  return lines;
}

export function coverageText(coverage: MachineCoverage[], files: LoadedFile[], cwd: string): string {
  const lines = coverageLines(coverage, files);
  const out = ['', 'Coverage'];
  for (const c of coverage) {
    const s = summarize(c.items);
    const part = (name: string, v: { covered: number; total: number }) => `${name} ${v.covered}/${v.total}`;
    out.push(`  ${relative(cwd, c.machine) || c.machine}  ${part('states', s.state)}  ${part('choice rules', s.choice)}  ${part('catchers', s.catch)}  ${part('retriers', s.retry)}`);
    c.items.forEach((item, i) => {
      if (item.hits === 0) out.push(`    not covered: ${item.kind === 'state' ? `state '${item.state}'` : item.label} (line ${lines.get(c)?.[i] ?? '?'})`);
    });
  }
  return `${out.join('\n')}\n`;
}

/** lcov-like JSON: per machine file, each item with its line and hit count, and the totals per kind. */
export function coverageJson(coverage: MachineCoverage[], files: LoadedFile[]): unknown {
  const lines = coverageLines(coverage, files);
  return {
    machines: coverage.map((c) => ({
      file: c.machine,
      summary: summarize(c.items),
      items: c.items.map((item, i) => ({ kind: item.kind, state: item.state, ...(item.index !== undefined ? { index: item.index } : {}), label: item.label, line: lines.get(c)?.[i], hits: item.hits })),
    })),
  };
}
