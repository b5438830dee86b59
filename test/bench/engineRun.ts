/**
 * One workload run in a fresh process (the child side of interpreter.bench.ts): loads the engine, runs the
 * workload, makes the output a CI user reads, and prints one JSON line with the process's own wall time, CPU
 * time and peak RSS, so the parent can subtract an empty run's.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { runExecution } from '../../server/src/interpreter/runExecution';
import { VirtualClock } from '../../server/src/interpreter/virtualClock';
import { nodeServices } from '../../server/src/runtime/nodeRuntime';
import { EMPTY, flakyTask, LOOP_LIKE_MAP, WORKLOADS } from './engineWorkloads';

/**
 * `ours` prints what `asl run --json` prints (the output and the whole history); `ours-output` keeps no history
 * and prints only the output, as aws-local-stepfunctions does: the difference is what the history costs.
 */
export type Engine = 'ours' | 'ours-output' | 'als';

export interface RunReport {
  wallMs: number;
  cpuMs: number;
  peakRssBytes: number;
  /** sha1 of the execution's output as JSON: both engines must agree. */
  outputHash: string;
  /** Characters of what was printed (`asl run --json` for ours, the output for aws-local-stepfunctions). */
  printed: number;
  events?: number;
}

/** Where aws-local-stepfunctions 3 is installed: ALS_MODULE, else /tmp/als (`npm i --prefix /tmp/als aws-local-stepfunctions@3`). */
export const ALS_MODULE = process.env.ALS_MODULE ?? '/tmp/als/node_modules/aws-local-stepfunctions';

type AlsModule = {
  StateMachine: new (definition: unknown, options?: unknown) => { run(input: unknown, options?: unknown): { result: Promise<unknown> } };
};

export async function engineRun(engine: Engine, key: string): Promise<void> {
  const workload = [EMPTY, LOOP_LIKE_MAP, ...WORKLOADS].find((w) => w.key === key);
  if (!workload) throw new Error(`no workload ${key}`);
  // Making the workload's definition and input is not the engine's work: its time is left out of the report.
  const makeStart = performance.now();
  const makeCpu = process.cpuUsage();
  void workload.definition;
  void workload.input;
  const makeCpuUsed = process.cpuUsage(makeCpu);
  const makeMs = performance.now() - makeStart;
  let output: unknown;
  let printed: string;
  let events: number | undefined;
  if (engine === 'ours' || engine === 'ours-output') {
    // As `asl run --json` prints it: {events, status, output, error, cause}. A workload too long for Standard's
    // 25,000 events runs as Express would: the cap lifted, no history kept. Neither engine validates here (the
    // engines are compared; `asl run` also validates, timed by validation.bench.ts).
    const task = workload.flakyTask ? flakyTask() : undefined;
    const history = engine === 'ours' && !workload.express;
    const result = await runExecution({
      definition: workload.definition,
      input: workload.input,
      invokeTask: async (request) => (task ? task(request.input) : {}),
      clock: new VirtualClock(Date.now()),
      services: nodeServices,
      maxEvents: workload.express ? Number.MAX_SAFE_INTEGER : undefined,
      recordEvents: history,
    });
    if (result.status !== 'SUCCEEDED') throw new Error(`${key}: ${result.error} ${result.cause}`);
    output = result.output;
    events = result.events.length;
    printed = engine === 'ours'
      ? `${JSON.stringify({ events: result.events, status: result.status, output: result.output, error: result.error, cause: result.cause }, null, 2)}\n`
      : `${JSON.stringify(output, null, 2)}\n`;
  } else {
    // aws-local-stepfunctions 3 declares Node 22 for Promise.withResolvers (Task states); Node 20 gets it here.
    (Promise as { withResolvers?: unknown }).withResolvers ??= function withResolvers() {
      let resolve!: (value: unknown) => void;
      let reject!: (reason: unknown) => void;
      const promise = new Promise((a, b) => ((resolve = a), (reject = b)));
      return { promise, resolve, reject };
    };
    const { StateMachine } = createRequire(__filename)(ALS_MODULE) as AlsModule;
    const machine = new StateMachine(workload.definition, { validationOptions: { noValidate: true } });
    const task = workload.flakyTask ? flakyTask() : undefined;
    const overrides = task ? { taskResourceLocalHandlers: { [workload.flakyTask!]: task }, retryIntervalOverrides: { [workload.flakyTask!]: 0 } } : {};
    output = await machine.run(workload.input, { overrides }).result;
    printed = `${JSON.stringify(output, null, 2)}\n`;
  }
  const cpu = process.cpuUsage();
  const report: RunReport = {
    wallMs: performance.now() - makeMs,
    cpuMs: (cpu.user + cpu.system - makeCpuUsed.user - makeCpuUsed.system) / 1000,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    outputHash: createHash('sha1').update(JSON.stringify(output)).digest('hex'),
    printed: printed.length,
    events,
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}
