/**
 * `asl test` at scale (issue 15): the examples' tests copied until there are at least 1,000, run end to end by
 * the CLI in a new Node process, as CI runs it (start, load the files, a pool of isolated test workers, report).
 * Target: under 5 s on a 2-core machine. Median of 3 runs, with the worker count the CLI picks.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parse } from 'yaml';
import { median } from './stats';

const root = resolve(__dirname, '../..');
const TARGET = 1000;

export async function run(): Promise<void> {
  const examples = join(root, 'examples');
  const dir = mkdtempSync(join(tmpdir(), 'asl-bench-tests-'));
  try {
    for (const f of readdirSync(examples)) if (!/\.tests\.(json|ya?ml)$|\.inputs$/.test(f) && f.includes('.')) copyFileSync(join(examples, f), join(dir, f));
    execFileSync('cp', ['-r', join(examples, 'donut-shop.inputs'), dir]);
    const files = readdirSync(examples).filter((f) => /\.tests\.(json|ya?ml)$/.test(f));
    const suites = files.map((f) => ({ name: f.replace(/\.tests\.(json|ya?ml)$/, ''), tests: (parse(readFileSync(join(examples, f), 'utf8')) as { tests: { name: string }[] }).tests }));
    const perRound = suites.reduce((n, s) => n + s.tests.length, 0);
    const rounds = Math.ceil(TARGET / perRound);
    for (const s of suites) {
      const tests = Array.from({ length: rounds }, (_, r) => s.tests.map((t) => ({ ...t, name: `${t.name} #${r}` }))).flat();
      writeFileSync(join(dir, `${s.name}.tests.json`), JSON.stringify({ tests }));
    }
    const total = rounds * perRound;
    const times: number[] = [];
    let summary = '';
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      const out = execFileSync(process.execPath, [join(root, 'dist/cli.js'), 'test', '.'], { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      times.push(performance.now() - t);
      summary = out.trim().split('\n').pop() ?? '';
    }
    const m = median(times);
    console.log(`| tests | workers | median of 3 (end to end) | per test | target |`);
    console.log(`| ---: | ---: | ---: | ---: | --- |`);
    console.log(`| ${total} | ${Math.min(availableParallelism(), 4)} | ${(m / 1000).toFixed(2)} s | ${(m / total).toFixed(2)} ms | < 5 s: ${m < 5000 ? 'met' : 'NOT met'} |`);
    console.log(`last run: ${summary}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
