/**
 * The test worker: a Node process of its own (dist/testWorker.js) that runs many tests, one after another, for
 * `asl test` and the editor's Testing view. Like the execution worker it freezes the intrinsics before anything
 * else loads and runs under a heap limit; the host (testPool.ts) stops it when a test runs past its time, and
 * starts another for the tests left. Processes, not worker threads: a heap blow-up inside a worker thread
 * aborts the whole Node process (issue 12), and the host here is the language server or the CLI.
 */
import '../execution/freezeOnLoad';
import { configureJsonataBudget } from '../interpreter/jsonataEval';
import { JSONATA_BUDGET } from '../execution/runLimits';
import { nodeServices } from '../runtime/nodeRuntime';
import { runTestJob } from './runTestJob';
import type { TestHostMessage, TestJob, TestWorkerMessage } from './testJob';

const send = (message: TestWorkerMessage): void => {
  if (process.connected) process.send?.(message);
};
const machines = new Map<string, unknown>();
const queue: TestJob[] = [];
let running = false;

configureJsonataBudget({ ...JSONATA_BUDGET, now: () => performance.now() });

async function drain(): Promise<void> {
  if (running) return;
  running = true;
  while (queue.length > 0) {
    const job = queue.shift() as TestJob;
    const outcome = await runTestJob(job, machines.get(job.machine), nodeServices).catch((error: unknown) => ({
      id: job.id,
      observed: { status: 'FAILED', path: [], transitions: 0, durationMs: 0 },
      failures: [],
      setupError: `The test could not run: ${error instanceof Error ? error.message : String(error)}`,
      traces: [],
    }));
    send({ type: 'result', outcome });
  }
  running = false;
}

process.on('message', (message: TestHostMessage) => {
  if (message?.type === 'machines') for (const [key, definition] of Object.entries(message.machines)) machines.set(key, definition);
  else if (message?.type === 'run') {
    queue.push(...message.jobs);
    void drain();
  }
});
process.on('disconnect', () => process.exit(0));
send({ type: 'ready' });
