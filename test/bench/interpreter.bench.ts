/**
 * Interpreter speed and memory (issue 17, point 2) against aws-local-stepfunctions 3 on four workloads (see
 * engineWorkloads.ts). Each run is a fresh Node process, started as each engine's users run it: ours with the Node
 * options of `asl run`'s execution worker (workerExecArgv: its heap limit and, on a machine of few cores, fewer V8
 * background threads), aws-local-stepfunctions with Node's defaults. An engine's time is its wall (and CPU) time
 * inside the process, from the call into the engine (its module loaded, the workload made) to the printed text made,
 * less that of an empty run of the same engine: start-up and module loading do not count, nor does their noise (on
 * a busy machine a process's start varies by a hundred milliseconds from one run to the next, more than some
 * workloads take; subtracting whole processes' times gave negative engine times). Peak memory is the process's peak
 * RSS. Both engines run in the same bench, interleaved (ours, theirs, theirs, ours, ...), so a loaded machine weighs
 * on both alike; medians of BENCH_ROUNDS rounds (default 3). Ours prints what `asl run --json` prints (status,
 * output and the full history), its events written in batches as the run makes them, by the execution worker's own
 * code (EventBatches, eventsJson, RunJsonWriter), and none held once written; the outputs must be identical.
 * Targets: at least 10× aws-local-stepfunctions' engine time on each workload, at most half its peak memory, and
 * a Map iteration's state within 2× of a plain loop's cost per transition (compared at the same number of
 * transitions, so that a cold engine's start-up weighs the same on both). The workloads that keep a history also
 * run printing only their output (no history), as aws-local-stepfunctions does, to show what the history costs.
 * aws-local-stepfunctions is not a dependency: install it with `npm i --prefix /tmp/als aws-local-stepfunctions@3`
 * (or point ALS_MODULE at it); without it only our figures are printed. BENCH_BASELINE=path/to/an older
 * dist/bench/interpreter.bench.js adds that build's engine ("before") to the same interleaved rounds.
 * BENCH_INSTRUCTIONS=1 also counts each engine's instructions with valgrind's callgrind (one run each, less an empty
 * run's): slow (minutes), but the same on a loaded machine as on a quiet one.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ALS_MODULE, engineRun, type Engine, type RunReport } from './engineRun';
import { EMPTY, LOOP_LIKE_MAP, WORKLOADS, type Workload } from './engineWorkloads';
import { DEFAULT_LIMITS } from '../../server/src/execution/runLimits';
import { workerExecArgv } from '../../server/src/execution/spareWorker';
import { historyOutput } from './historyOutput';
import { countInstructions, hasCallgrind } from './instructionCount';
import { mb, median, ms } from './stats';

export { engineRun };

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const BASELINE = process.env.BENCH_BASELINE;
/** The Node options `asl run` runs an execution with (its worker process's): our engine's processes get them. */
const OUR_NODE_OPTIONS = workerExecArgv(DEFAULT_LIMITS.memoryMb);
type Runner = Engine | 'before';

function childArgs(runner: Runner, key: string): string[] {
  const bundle = runner === 'before' ? BASELINE! : __filename;
  const engine = runner === 'before' ? 'ours' : runner;
  return [...(engine === 'als' ? [] : OUR_NODE_OPTIONS), '-e', `require(${JSON.stringify(bundle)}).engineRun(${JSON.stringify(engine)}, ${JSON.stringify(key)}).catch((e) => { console.error(e); process.exit(1); })`];
}

function runChild(runner: Runner, key: string): RunReport {
  const engine = runner === 'before' ? 'ours' : runner;
  const child = spawnSync(process.execPath, childArgs(runner, key), {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (child.status !== 0) throw new Error(`${engine} ${key} failed: ${child.stderr}`);
  const report = JSON.parse(child.stdout.trim().split('\n').pop()!) as RunReport;
  if (typeof report.engineWallMs !== 'number') throw new Error(`${runner === 'before' ? BASELINE : 'this build'} does not time its engine inside the process (engineWallMs): a baseline must be a build that reports it`);
  return report;
}

interface Figures {
  wall: number;
  cpu: number;
  peak: number;
  growth: number;
  hash: string;
}

function measure(engine: Runner, workload: Workload, empties: RunReport[], runs: RunReport[]): Figures {
  const empty = { wall: median(empties.map((r) => r.engineWallMs)), cpu: median(empties.map((r) => r.engineCpuMs)), peak: median(empties.map((r) => r.peakRssBytes)) };
  const hashes = new Set(runs.map((r) => r.outputHash));
  if (hashes.size !== 1) throw new Error(`${engine} ${workload.key}: outputs differ between rounds`);
  return {
    wall: median(runs.map((r) => r.engineWallMs)) - empty.wall,
    cpu: median(runs.map((r) => r.engineCpuMs)) - empty.cpu,
    peak: median(runs.map((r) => r.peakRssBytes)),
    growth: median(runs.map((r) => r.peakRssBytes)) - empty.peak,
    hash: [...hashes][0],
  };
}

export async function run(): Promise<void> {
  const withAls = existsSync(ALS_MODULE);
  if (!withAls) console.log(`(aws-local-stepfunctions not found at ${ALS_MODULE}: npm i --prefix /tmp/als aws-local-stepfunctions@3 to compare)\n`);
  const engines: Runner[] = [...(BASELINE ? ['before' as const] : []), 'ours', ...(withAls ? ['als' as const] : [])];
  // The workloads that keep a history also run printing only their output, as aws-local-stepfunctions does.
  const withHistory = WORKLOADS.filter((w) => !w.express);
  const reports = new Map<string, RunReport[]>();
  const add = (engine: Runner, key: string) => {
    const list = reports.get(`${engine}/${key}`) ?? [];
    list.push(runChild(engine, key));
    reports.set(`${engine}/${key}`, list);
  };
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? engines : [...engines].reverse();
    for (const engine of order) add(engine, EMPTY.key);
    add('ours-output', EMPTY.key);
    for (const workload of WORKLOADS) for (const engine of order) add(engine, workload.key);
    for (const workload of withHistory) add('ours-output', workload.key);
    add('ours', LOOP_LIKE_MAP.key);
  }
  const figures = (engine: Runner, w: Workload) => measure(engine, w, reports.get(`${engine}/empty`)!, reports.get(`${engine}/${w.key}`)!);
  const verdict = (met: boolean) => (met ? 'met' : 'NOT MET');
  const targets: string[] = [];

  console.log(`Each engine runs as its users run it: ours with the Node options of \`asl run\`'s execution worker (${OUR_NODE_OPTIONS.join(' ')}), aws-local-stepfunctions with Node's defaults.`);
  console.log(`Engine time = wall (CPU) in a fresh process from the call into the engine to the printed text made, less an empty run's (a one-Pass machine; Node's start-up, loading the engine and making the workload's definition and input do not count); peak RSS of that process (engine: above the empty run's); median of ${ROUNDS} interleaved rounds.`);
  console.log('Ours prints what `asl run --json` prints (status, output and every history event, 2-space indented), the events written in batches as the run makes them, as the execution worker streams them; aws-local-stepfunctions keeps no history and prints its output.');
  const emptyPeak = (engine: Runner) => median(reports.get(`${engine}/${EMPTY.key}`)!.map((r) => r.peakRssBytes));
  console.log(`Peak RSS of the empty run: ours ${mb(emptyPeak('ours'))}${withAls ? `, aws-local-stepfunctions ${mb(emptyPeak('als'))} (a process-level ratio ≤ 0.5 needs theirs above twice our empty process)` : ''}.`);
  console.log(withAls
    ? '| workload | transitions | ours: engine wall | CPU | peak RSS (engine) | aws-local-stepfunctions: wall | CPU | peak RSS (engine) | speed-up wall (CPU) | target ≥ 10× | peak ratio (engine) | target ≤ 0.5 | same output |'
    : '| workload | transitions | ours: engine wall | CPU | peak RSS (engine) |');
  console.log(withAls ? '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | --- | --- |' : '| --- | ---: | ---: | ---: | ---: |');
  const memory = (f: Figures) => `${mb(f.peak)} (+${mb(Math.max(0, f.growth))})`;
  for (const w of WORKLOADS) {
    const ours = figures('ours', w);
    const cells = [w.name, w.transitions.toLocaleString('en-US'), ms(ours.wall), ms(ours.cpu), memory(ours)];
    if (withAls) {
      const als = figures('als', w);
      const speedWall = als.wall / ours.wall;
      const speedCpu = als.cpu / ours.cpu;
      const peakRatio = ours.peak / als.peak;
      const engineRatio = Math.max(0, ours.growth) / Math.max(1, als.growth);
      const speedMet = Math.min(speedWall, speedCpu) >= 10;
      const memoryVerdict = peakRatio <= 0.5 ? 'met' : engineRatio <= 0.5 ? 'met by the engine, not the process' : 'NOT MET';
      cells.push(ms(als.wall), ms(als.cpu), memory(als), `${speedWall.toFixed(1)}× (${speedCpu.toFixed(1)}×)`, verdict(speedMet),
        `${peakRatio.toFixed(2)} (${engineRatio.toFixed(2)})`, memoryVerdict, ours.hash === als.hash ? 'yes' : 'NO');
      targets.push(`${w.name}: speed ≥ 10× ${verdict(speedMet)} (${Math.min(speedWall, speedCpu).toFixed(1)}×); peak memory ≤ ½ ${memoryVerdict} (${peakRatio.toFixed(2)}, engine ${engineRatio.toFixed(2)}); same output ${ours.hash === als.hash ? 'yes' : 'NO'}`);
    }
    console.log(`| ${cells.join(' | ')} |`);
  }
  if (BASELINE) {
    console.log(`\nThe same rounds, the baseline build (${BASELINE}) against this one:`);
    console.log('| workload | before: engine wall | CPU | peak RSS | now: engine wall | CPU | peak RSS |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const w of WORKLOADS) {
      const before = figures('before', w);
      const now = figures('ours', w);
      console.log(`| ${w.name} | ${ms(before.wall)} | ${ms(before.cpu)} | ${mb(before.peak)} | ${ms(now.wall)} | ${ms(now.cpu)} | ${mb(now.peak)} |`);
    }
  }

  // What the history costs: the same engine printing only the output (no history kept), as aws-local-stepfunctions
  // does. The targets above count the history, as `asl run --json` prints it; this says how much of our time it is.
  console.log('\nThe history\'s share: ours printing only the output (no history kept), as aws-local-stepfunctions does:');
  console.log(withAls ? '| workload | history events | --json printed | ours, output only: engine wall | CPU | peak RSS | the history\'s share of ours (wall) | speed-up without the history, wall (CPU) |' : '| workload | history events | --json printed | ours, output only: engine wall | CPU | peak RSS | the history\'s share of ours (wall) |');
  console.log(withAls ? '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |' : '| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const w of withHistory) {
    const ours = figures('ours', w);
    const bare = figures('ours-output', w);
    const full = reports.get(`ours/${w.key}`)!;
    const cells = [w.name, String(full[0].events ?? 0), `${(full[0].printed / 1024 / 1024).toFixed(1)} MB`, ms(bare.wall), ms(bare.cpu), mb(bare.peak), `${Math.round((100 * Math.max(0, ours.wall - bare.wall)) / ours.wall)}%`];
    if (withAls) {
      const als = figures('als', w);
      cells.push(`${(als.wall / bare.wall).toFixed(1)}× (${(als.cpu / bare.cpu).toFixed(1)}×)`);
    }
    console.log(`| ${cells.join(' | ')} |`);
  }

  // A Map's state against a plain loop's, per transition, at the same number of transitions: a cold engine's
  // start-up (compiling its hot paths, growing its heap) is then the same share of both.
  const map = WORKLOADS.find((w) => w.key === 'map')!;
  const loop = WORKLOADS.find((w) => w.key === 'loop')!;
  const perTransition = (w: Workload) => figures('ours', w).cpu / w.transitions;
  const ratio = perTransition(map) / perTransition(LOOP_LIKE_MAP);
  console.log(`\nMap iteration vs plain loop, CPU per transition at the same number of transitions (${map.transitions.toLocaleString('en-US')} and ${LOOP_LIKE_MAP.transitions.toLocaleString('en-US')}): ` +
    `${(perTransition(map) * 1000).toFixed(2)} µs vs ${(perTransition(LOOP_LIKE_MAP) * 1000).toFixed(2)} µs = ${ratio.toFixed(2)}× (target ≤ 2×: ${verdict(ratio <= 2)}); ` +
    `the ${loop.transitions.toLocaleString('en-US')}-transition loop: ${(perTransition(loop) * 1000).toFixed(2)} µs a transition`);
  targets.push(`Map iteration within 2× of a plain loop per transition: ${verdict(ratio <= 2)} (${ratio.toFixed(2)}×)`);
  if (process.env.BENCH_INSTRUCTIONS === '1') {
    if (!hasCallgrind()) console.log('\n(BENCH_INSTRUCTIONS=1 needs valgrind on the PATH)');
    else instructionTable(engines, withAls, targets);
  }

  const history = await historyOutput();
  targets.push(`--json of an ${history.events.toLocaleString('en-US')}-event history under 100 ms: ${verdict(history.extraMs < 100)} (${ms(history.extraMs)})`);
  console.log('\nTargets (issue 17, point 2):');
  for (const t of targets) console.log(`- ${t}`);
}

/** Each engine's instructions on each workload (callgrind, one run, less an empty run's), and the ratio to ours. */
function instructionTable(engines: Runner[], withAls: boolean, targets: string[]): void {
  const counted = new Map<string, number>();
  const engineIns = (engine: Runner, key: string) => {
    const count = (k: string) => {
      const id = `${engine}/${k}`;
      if (!counted.has(id)) counted.set(id, countInstructions(childArgs(engine, k)));
      return counted.get(id)!;
    };
    return count(key) - count(EMPTY.key);
  };
  const m = (n: number) => `${(n / 1e6).toFixed(0)}M`;
  console.log('\nInstructions (valgrind callgrind, V8 single-threaded so that its compilers and GC are counted on the main thread and the count repeats), one run each, less the same engine\'s empty run:');
  console.log(`| workload | ${engines.map((e) => (e === 'als' ? 'aws-local-stepfunctions' : e)).join(' | ')} |${withAls ? ' speed-up (instructions) | target ≥ 10× |' : ''}`);
  console.log(`| --- |${engines.map(() => ' ---: |').join('')}${withAls ? ' ---: | --- |' : ''}`);
  for (const w of WORKLOADS) {
    const figures = engines.map((e) => engineIns(e, w.key));
    const cells = [w.name, ...figures.map(m)];
    if (withAls) {
      const ratio = engineIns('als', w.key) / engineIns('ours', w.key);
      cells.push(`${ratio.toFixed(1)}×`, ratio >= 10 ? 'met' : 'NOT MET');
      targets.push(`${w.name}: speed ≥ 10× by instructions ${ratio >= 10 ? 'met' : 'NOT MET'} (${ratio.toFixed(1)}×)`);
    }
    console.log(`| ${cells.join(' | ')} |`);
  }
}
