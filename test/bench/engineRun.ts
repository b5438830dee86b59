/**
 * One workload run in a fresh process (the child side of interpreter.bench.ts): loads the engine, runs the
 * workload, makes the output a CI user reads, and prints one JSON line with the engine's wall and CPU time and the
 * process's peak RSS, so the parent can subtract an empty run's.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { runExecution } from '../../server/src/interpreter/runExecution';
import { VirtualClock } from '../../server/src/interpreter/virtualClock';
import { EventBatches } from '../../server/src/execution/eventBatches';
import { eventsJson, RunJsonWriter } from '../../server/src/execution/historyJson';
import { nodeServices } from '../../server/src/runtime/nodeRuntime';
import { EMPTY, flakyTask, LOOP_LIKE_MAP, WORKLOADS } from './engineWorkloads';

/**
 * `ours` prints what `asl run --json` prints (the output and the whole history); `ours-output` keeps no history
 * and prints only the output, as aws-local-stepfunctions does: the difference is what the history costs.
 */
export type Engine = 'ours' | 'ours-output' | 'als';

export interface RunReport {
  /**
   * The engine's own work, timed inside the process: from just before the engine is called (its module loaded, the
   * workload made) to the printed text made. Free of the process's start-up and loading, which vary by tens of
   * milliseconds from one process to the next on a busy machine.
   */
  engineWallMs: number;
  engineCpuMs: number;
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
  // Making the workload's definition and input is not the engine's work: done before the engine's clock starts.
  void workload.definition;
  void workload.input;
  let output: unknown;
  /** Characters of the text printed. */
  let printed: number;
  let events: number | undefined;
  let engineStart = 0;
  let engineCpuStart = process.cpuUsage();
  const startEngine = () => {
    engineCpuStart = process.cpuUsage();
    engineStart = performance.now();
  };
  if (engine === 'ours' || engine === 'ours-output') {
    // As `asl run --json` prints it: {events, status, output, error, cause}. A workload too long for Standard's
    // 25,000 events runs as Express would: the cap lifted, no history kept. Neither engine validates here (the
    // engines are compared; `asl run` also validates, timed by validation.bench.ts).
    const task = workload.flakyTask ? flakyTask() : undefined;
    const history = engine === 'ours' && !workload.express;
    // As the execution worker streams them to `asl run --json` (runJob.ts): in batches as the run makes them, each
    // batch written as the CLI prints it, and none held once written.
    let printedLength = 0;
    const writer = new RunJsonWriter((text) => (printedLength += text.length));
    let eventCount = 0;
    const batches = history ? new EventBatches((batch) => {
      eventCount += batch.length;
      writer.events(eventsJson(batch));
    }) : undefined;
    startEngine();
    const result = await runExecution({
      definition: workload.definition,
      input: workload.input,
      invokeTask: async (request) => (task ? task(request.input) : {}),
      clock: new VirtualClock(Date.now()),
      services: nodeServices,
      maxEvents: workload.express ? Number.MAX_SAFE_INTEGER : undefined,
      recordEvents: false,
      ...(batches ? { onEvent: batches.push } : {}),
    });
    batches?.flush();
    if (result.status !== 'SUCCEEDED') throw new Error(`${key}: ${result.error} ${result.cause}`);
    output = result.output;
    events = eventCount;
    if (engine === 'ours') {
      writer.end(result);
      printed = printedLength;
    } else {
      printed = `${JSON.stringify(output, null, 2)}\n`.length;
    }
  } else {
    // aws-local-stepfunctions 3 declares Node 22 for Promise.withResolvers (Task states); Node 20 gets it here.
    (Promise as { withResolvers?: unknown }).withResolvers ??= function withResolvers() {
      let resolve!: (value: unknown) => void;
      let reject!: (reason: unknown) => void;
      const promise = new Promise((a, b) => ((resolve = a), (reject = b)));
      return { promise, resolve, reject };
    };
    const { StateMachine } = createRequire(__filename)(ALS_MODULE) as AlsModule;
    const task = workload.flakyTask ? flakyTask() : undefined;
    startEngine();
    const machine = new StateMachine(workload.definition, { validationOptions: { noValidate: true } });
    const overrides = task ? { taskResourceLocalHandlers: { [workload.flakyTask!]: task }, retryIntervalOverrides: { [workload.flakyTask!]: 0 } } : {};
    output = await machine.run(workload.input, { overrides }).result;
    printed = `${JSON.stringify(output, null, 2)}\n`.length;
  }
  const engineWallMs = performance.now() - engineStart;
  const engineCpu = process.cpuUsage(engineCpuStart);
  const report: RunReport = {
    engineWallMs,
    engineCpuMs: (engineCpu.user + engineCpu.system) / 1000,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    outputHash: createHash('sha1').update(JSON.stringify(output)).digest('hex'),
    printed,
    events,
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}
