/**
 * Interpreter speed and memory (issue 17, point 2) against aws-local-stepfunctions 3 on four workloads (see
 * engineWorkloads.ts). Each run is a fresh Node process; an engine's time is the process's wall (and CPU) time
 * less that of an empty run of the same engine, so start-up and module loading do not count; peak memory is the
 * process's peak RSS. Both engines run in the same bench, interleaved (ours, theirs, theirs, ours, ...), so a
 * loaded machine weighs on both alike; medians of BENCH_ROUNDS rounds (default 3). Ours prints what `asl run
 * --json` prints (status, output and the full history); the outputs must be identical.
 * Targets: at least 10× aws-local-stepfunctions' engine time on each workload, at most half its peak memory, and
 * a Map iteration's state within 2× of a plain loop's cost per transition.
 * aws-local-stepfunctions is not a dependency: install it with `npm i --prefix /tmp/als aws-local-stepfunctions@3`
 * (or point ALS_MODULE at it); without it only our figures are printed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ALS_MODULE, engineRun, type Engine, type RunReport } from './engineRun';
import { EMPTY, WORKLOADS, type Workload } from './engineWorkloads';
import { historyOutput } from './historyOutput';
import { mb, median, ms } from './stats';

export { engineRun };

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

function runChild(engine: Engine, key: string): RunReport {
  const child = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(__filename)}).engineRun(${JSON.stringify(engine)}, ${JSON.stringify(key)}).catch((e) => { console.error(e); process.exit(1); })`], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (child.status !== 0) throw new Error(`${engine} ${key} failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as RunReport;
}

interface Figures {
  wall: number;
  cpu: number;
  peak: number;
  growth: number;
  hash: string;
}

function measure(engine: Engine, workload: Workload, empties: RunReport[], runs: RunReport[]): Figures {
  const empty = { wall: median(empties.map((r) => r.wallMs)), cpu: median(empties.map((r) => r.cpuMs)), peak: median(empties.map((r) => r.peakRssBytes)) };
  const hashes = new Set(runs.map((r) => r.outputHash));
  if (hashes.size !== 1) throw new Error(`${engine} ${workload.key}: outputs differ between rounds`);
  return {
    wall: median(runs.map((r) => r.wallMs)) - empty.wall,
    cpu: median(runs.map((r) => r.cpuMs)) - empty.cpu,
    peak: median(runs.map((r) => r.peakRssBytes)),
    growth: median(runs.map((r) => r.peakRssBytes)) - empty.peak,
    hash: [...hashes][0],
  };
}

export async function run(): Promise<void> {
  const withAls = existsSync(ALS_MODULE);
  if (!withAls) console.log(`(aws-local-stepfunctions not found at ${ALS_MODULE}: npm i --prefix /tmp/als aws-local-stepfunctions@3 to compare)\n`);
  const engines: Engine[] = withAls ? ['ours', 'als'] : ['ours'];
  const reports = new Map<string, RunReport[]>();
  const add = (engine: Engine, key: string) => {
    const list = reports.get(`${engine}/${key}`) ?? [];
    list.push(runChild(engine, key));
    reports.set(`${engine}/${key}`, list);
  };
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? engines : [...engines].reverse();
    for (const engine of order) add(engine, EMPTY.key);
    for (const workload of WORKLOADS) for (const engine of order) add(engine, workload.key);
  }
  const figures = (engine: Engine, w: Workload) => measure(engine, w, reports.get(`${engine}/empty`)!, reports.get(`${engine}/${w.key}`)!);

  console.log(`Engine time = wall (CPU) of a fresh process running the workload, less an empty run's; median of ${ROUNDS} interleaved rounds.`);
  console.log(withAls
    ? '| workload | transitions | ours: engine wall | CPU | peak RSS | aws-local-stepfunctions: wall | CPU | peak RSS | speed-up wall (CPU) | target ≥ 10× | memory ratio | target ≤ 0.5 | same output |'
    : '| workload | transitions | ours: engine wall | CPU | peak RSS |');
  console.log(withAls ? '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | --- | --- |' : '| --- | ---: | ---: | ---: | ---: |');
  const perTransition: Record<string, number> = {};
  for (const w of WORKLOADS) {
    const ours = figures('ours', w);
    perTransition[w.key] = ours.cpu / w.transitions;
    const cells = [w.name, w.transitions.toLocaleString('en-US'), ms(ours.wall), ms(ours.cpu), mb(ours.peak)];
    if (withAls) {
      const als = figures('als', w);
      const speedWall = als.wall / ours.wall;
      const speedCpu = als.cpu / ours.cpu;
      const memory = ours.peak / als.peak;
      cells.push(ms(als.wall), ms(als.cpu), mb(als.peak), `${speedWall.toFixed(1)}× (${speedCpu.toFixed(1)}×)`, Math.min(speedWall, speedCpu) >= 10 ? 'met' : 'NOT MET',
        memory.toFixed(2), memory <= 0.5 ? 'met' : 'NOT MET', ours.hash === als.hash ? 'yes' : 'NO');
    }
    console.log(`| ${cells.join(' | ')} |`);
  }
  const ratio = perTransition.map / perTransition.loop;
  console.log(`\nMap iteration vs plain loop, CPU per transition: ${(perTransition.map * 1000).toFixed(2)} µs vs ${(perTransition.loop * 1000).toFixed(2)} µs = ${ratio.toFixed(2)}× (target ≤ 2×: ${ratio <= 2 ? 'met' : 'NOT MET'})`);
  await historyOutput();
}
