/**
 * What the history costs (issue 17): `asl run` of a Map whose history has 18,000 events, end to end (a fresh
 * process as a shell starts it, CPU of the process and its execution worker), with the summary and with `--json`;
 * the difference is what printing the history costs. Target: `--json` of an 18,000-event history prints in under
 * 100 ms; events nobody reads (the summary) cost nothing.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { childCpuMs } from './childCpu';
import { median, ms } from './stats';

const root = resolve(__dirname, '../..');
const RUNS = 5;
/** A Map of 2,250 items × 3 Pass states: 8 events an item, plus 5 = 18,005 events. */
const ITEMS = 2250;

export interface ProcessTiming {
  wall: number;
  cpu: number;
}

/** Runs `node dist/cli.js ARGS` RUNS times; medians of wall and CPU (the process and its children). */
export function timeCli(args: string[], cwd: string, runs = RUNS): ProcessTiming & { stdout: string } {
  const walls: number[] = [];
  const cpus: number[] = [];
  let stdout = '';
  for (let i = 0; i < runs; i++) {
    const cpu = childCpuMs();
    const t = performance.now();
    const child = spawnSync(process.execPath, [join(root, 'dist/cli.js'), ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
    walls.push(performance.now() - t);
    cpus.push(childCpuMs() - cpu);
    if (child.status !== 0) throw new Error(`asl ${args.join(' ')} exited ${child.status}: ${child.stderr}`);
    stdout = child.stdout;
  }
  return { wall: median(walls), cpu: median(cpus), stdout };
}

export async function historyOutput(): Promise<{ events: number; extraMs: number }> {
  const dir = join(tmpdir(), 'asl-bench-history');
  mkdirSync(dir, { recursive: true });
  const states = { P0: { Type: 'Pass', Next: 'P1' }, P1: { Type: 'Pass', Next: 'P2' }, P2: { Type: 'Pass', End: true } };
  writeFileSync(join(dir, 'history.asl.json'), JSON.stringify({ StartAt: 'M', States: { M: { Type: 'Map', ItemProcessor: { StartAt: 'P0', States: states }, End: true } } }));
  writeFileSync(join(dir, 'history.input.json'), JSON.stringify(Array.from({ length: ITEMS }, (_, i) => ({ i }))));
  const summary = timeCli(['run', 'history.asl.json'], dir);
  const json = timeCli(['run', 'history.asl.json', '--json'], dir);
  const events = (JSON.parse(json.stdout) as { events: unknown[] }).events.length;
  const extra = json.wall - summary.wall;
  console.log(`\n\`asl run\` of a Map with ${events.toLocaleString('en-US')} history events, end to end (median of ${RUNS}):`);
  console.log('| output | wall | CPU (process + worker) |');
  console.log('| --- | ---: | ---: |');
  console.log(`| summary | ${ms(summary.wall)} | ${ms(summary.cpu)} |`);
  console.log(`| --json (${(json.stdout.length / 1024 / 1024).toFixed(1)} MB) | ${ms(json.wall)} | ${ms(json.cpu)} |`);
  // Negative when --json costs less than the summary: the worker sends --json's events as printed text, while the
  // summary's events are sent as JSON, parsed and walked to count the states taken.
  console.log(`--json costs ${ms(extra)} wall, ${ms(json.cpu - summary.cpu)} CPU more than the summary (negative: less) (target: prints in under 100 ms: ${extra < 100 ? 'met' : 'NOT MET'})`);
  return { events, extraMs: extra };
}
