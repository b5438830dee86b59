/**
 * Graph cost as the user pays it cold (issue 17 point 1): `asl graph` of generated machines of 10, 500 and 2,000
 * states, each in a fresh Node process (start, load the CLI bundle, read, analyze, lay out, write the SVG), wall
 * time and the CPU time the process used (all threads: far steadier than wall time on a loaded machine), median
 * of RUNS; then the same work split into its phases, timed inside a fresh process. Targets: 500
 * states at most 300 ms more than 10, and 2,000 states under 1.5 s. BENCH_BASELINE=path/to/an/older/dist (or its
 * cli.js) times that build's `asl graph` too, each run next to one of this build ("before" and "after").
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyzeDocument } from '../../server/src/core/analyzeDocument';
import { buildGraph } from '../../server/src/core/graph/buildGraph';
import { graphSvg } from '../../server/src/core/graph/graphSvg';
import { layoutGraph } from '../../server/src/core/graph/layoutGraph';
import { countStates, generateMachine } from './generateMachine';
import { median, ms } from './stats';

const root = resolve(__dirname, '../..');
const RUNS = 5;
const SIZES = [10, 500, 2000];

/** Times one file's phases in this (fresh) process and prints them as JSON: called by run() in a child. */
export function phases(file: string): void {
  const t0 = performance.now();
  const analysis = analyzeDocument(readFileSync(file, 'utf8'));
  const t1 = performance.now();
  const graph = buildGraph(analysis.model, analysis.problems);
  const t2 = performance.now();
  const layout = layoutGraph(graph);
  const t3 = performance.now();
  graphSvg(graph, layout);
  const t4 = performance.now();
  console.log(JSON.stringify({ analyze: t1 - t0, graph: t2 - t1, layout: t3 - t2, svg: t4 - t3 }));
}

const CPU_PROBE = join(root, 'test/bench/cpuProbe.js');

/** Wall time of one fresh process, and the CPU time it used (all its threads, from test/bench/cpuProbe.js). */
function timed(args: string[]): { wall: number; cpu: number } {
  const t = performance.now();
  const child = spawnSync(process.execPath, ['-r', CPU_PROBE, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  const took = performance.now() - t;
  const stderr = child.stderr.toString();
  if (child.status !== 0) throw new Error(`${args.join(' ')} failed: ${stderr}`);
  const cpu = /^cpu-at-exit (\S+)$/m.exec(stderr);
  return { wall: took, cpu: cpu ? Number(cpu[1]) : NaN };
}

const wall = (args: string[]) => timed(args).wall;

function baselineCli(): string | undefined {
  const given = process.env.BENCH_BASELINE;
  if (!given) return undefined;
  const path = given.endsWith('.js') ? given : join(given, 'cli.js');
  if (!existsSync(path)) throw new Error(`BENCH_BASELINE: no ${path}`);
  return path;
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'asl-graph-cold-'));
  const cli = join(root, 'dist', 'cli.js');
  const before = baselineCli();
  const files = SIZES.map((size) => {
    const text = generateMachine(size);
    const file = join(dir, `machine-${size}.asl.json`);
    writeFileSync(file, text);
    return { size, file, states: countStates(text) };
  });
  const empty = median(Array.from({ length: RUNS }, () => wall(['-e', '0'])));
  console.log(`Cold \`asl graph\` (a fresh Node process each; an empty Node process takes ${ms(empty)}), median of ${RUNS}:`);
  console.log('| states | wall | CPU, all threads | analyze | graph model | layout | SVG | target |');
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  const walls: number[] = [];
  const beforeWalls: number[] = [];
  const cpus: number[] = [];
  const beforeCpus: number[] = [];
  for (const { size, file, states } of files) {
    const args = (bundle: string) => [bundle, 'graph', file, '--output', join(dir, `out-${size}.svg`)];
    const runs = Array.from({ length: RUNS }, () => [timed(args(cli)), before ? timed(args(before)) : { wall: 0, cpu: 0 }]);
    const total = median(runs.map((r) => r[0].wall));
    walls.push(total);
    beforeWalls.push(median(runs.map((r) => r[1].wall)));
    cpus.push(median(runs.map((r) => r[0].cpu)));
    beforeCpus.push(median(runs.map((r) => r[1].cpu)));
    const split = Array.from({ length: RUNS }, () => {
      const child = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(__filename)}).phases(${JSON.stringify(file)})`], { encoding: 'utf8' });
      return JSON.parse(child.stdout) as Record<'analyze' | 'graph' | 'layout' | 'svg', number>;
    });
    const m = (key: 'analyze' | 'graph' | 'layout' | 'svg') => ms(median(split.map((s) => s[key])));
    const target = size === 500 ? `≤ 10 states + 300 ms: ${ms(total - walls[0])} more, ${total - walls[0] <= 300 ? 'met' : 'NOT MET'}` : size === 2000 ? `< 1,500 ms: ${total < 1500 ? 'met' : 'NOT MET'}` : '';
    console.log(`| ${states} | ${ms(total)} | ${ms(cpus[cpus.length - 1])} | ${m('analyze')} | ${m('graph')} | ${m('layout')} | ${m('svg')} | ${target} |`);
  }
  if (before) {
    console.log(`\nThe same runs, each next to one of ${before} (before):`);
    console.log('| states | wall before | after | CPU before | after | 500 − 10 states, wall before | after | CPU before | after |');
    console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    files.forEach(({ states }, i) => {
      const extra = SIZES[i] === 500
        ? ` | ${ms(beforeWalls[i] - beforeWalls[0])} | ${ms(walls[i] - walls[0])} | ${ms(beforeCpus[i] - beforeCpus[0])} | ${ms(cpus[i] - cpus[0])}`
        : ' | | | | ';
      console.log(`| ${states} | ${ms(beforeWalls[i])} | ${ms(walls[i])} | ${ms(beforeCpus[i])} | ${ms(cpus[i])}${extra} |`);
    });
  }
}
