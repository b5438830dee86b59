import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import type { RunLimits } from '../execution/runLimits';
import { workerExecArgv } from '../execution/spareWorker';
import type { TestJob, TestOutcome, TestWorkerMessage } from './testJob';

export interface PoolOptions {
  /** Per worker process: its heap; per test: its wall-clock seconds (0: none). */
  limits: RunLimits;
  /** How many worker processes (default: the cores, at most 4, at most the tests). */
  workers?: number;
  /** Stop handing out tests (those not started get no outcome). */
  signal?: AbortSignal;
  onOutcome?(outcome: TestOutcome): void;
}

/** dist/testWorker.js beside the running bundle, or the repository's dist/ from the TypeScript sources (tests). */
export function testWorkerScript(): string {
  const candidates = [join(__dirname, 'testWorker.js'), join(__dirname, '..', 'testWorker.js'), resolve(__dirname, '../../../dist/testWorker.js')];
  return candidates.find((path) => existsSync(path)) ?? candidates[0];
}

/**
 * Runs tests in a small pool of isolated worker processes, each running many tests in turn (starting a process
 * per test would cost more than the tests). The workers start at once, while the caller is still reading the test
 * files (`work` settles when it has them), since a cold Node process takes as long as many tests. A test that runs
 * past its time or exhausts the heap gets a failing outcome that says so; its worker is replaced and the tests it
 * had not started go to the others.
 */
export async function runTestPool(work: Promise<{ jobs: TestJob[]; machines: Record<string, unknown> }> | { jobs: TestJob[]; machines: Record<string, unknown> }, options: PoolOptions): Promise<TestOutcome[]> {
  const outcomes: TestOutcome[] = [];
  const wanted = Math.max(1, options.workers ?? Math.min(availableParallelism(), 4));
  const ready = Promise.resolve(work);
  const queue: TestJob[] = [];
  void ready.then(({ jobs }) => queue.push(...jobs), () => undefined);
  return new Promise((done) => {
    let live = 0;
    const record = (outcome: TestOutcome) => {
      outcomes.push(outcome);
      options.onOutcome?.(outcome);
    };
    const finish = () => {
      if (live === 0) done(outcomes);
    };
    const start = () => {
      live++;
      const worker = spawnWorker(ready, options.limits, queue, record, options.signal, () => {
        live--;
        if (queue.length > 0 && !options.signal?.aborted) start();
        else finish();
      });
      if (!worker) {
        live--;
        void ready.then(() => {
          for (const job of queue.splice(0)) record(stoppedOutcome(job, 'The test worker could not start'));
          finish();
        });
      }
    };
    void ready.then(({ jobs }) => {
      // More workers than tests would only cost their start; those already started stop when the queue is empty.
      if (jobs.length === 0 && live === 0) finish();
    });
    for (let i = 0; i < wanted; i++) start();
  });
}

function spawnWorker(ready: Promise<{ machines: Record<string, unknown> }>, limits: RunLimits, queue: TestJob[], record: (o: TestOutcome) => void, signal: AbortSignal | undefined, onEnd: () => void): ChildProcess | undefined {
  let child: ChildProcess;
  try {
    child = fork(testWorkerScript(), [], {
      execArgv: workerExecArgv(limits.memoryMb),
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
  } catch {
    return undefined;
  }
  const inFlight: TestJob[] = [];
  let timer: NodeJS.Timeout | undefined;
  let stopReason: string | undefined;
  let stderrTail = '';
  let ended = false;
  child.stderr?.setEncoding('utf8').on('data', (text: string) => (stderrTail = (stderrTail + text).slice(-4096)));
  const armTimer = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (limits.timeoutSeconds > 0 && inFlight.length > 0) {
      timer = setTimeout(() => {
        stopReason = `The test ran longer than the limit of ${limits.timeoutSeconds} seconds and was stopped`;
        child.kill('SIGKILL');
      }, limits.timeoutSeconds * 1000);
    }
  };
  const feed = () => {
    if (signal?.aborted || queue.length === 0) {
      if (inFlight.length === 0) child.disconnect?.();
      return;
    }
    // Small batches: few messages, and the tests still spread evenly over the workers.
    const batch = queue.splice(0, Math.max(1, Math.min(20, Math.ceil(queue.length / 8))));
    inFlight.push(...batch);
    child.send({ type: 'run', jobs: batch });
    if (inFlight.length === batch.length) armTimer();
  };
  child.on('message', (message: TestWorkerMessage) => {
    if (message?.type === 'ready') {
      void ready.then(({ machines }) => {
        if (!child.connected) return;
        child.send({ type: 'machines', machines });
        feed();
      });
    } else if (message?.type === 'result') {
      const index = inFlight.findIndex((j) => j.id === message.outcome.id);
      if (index >= 0) inFlight.splice(index, 1);
      record(message.outcome);
      armTimer();
      if (inFlight.length === 0) feed();
    }
  });
  const end = () => {
    if (ended) return;
    ended = true;
    if (timer) clearTimeout(timer);
    const [current, ...rest] = inFlight.splice(0);
    if (current) {
      const memory = /heap out of memory|Allocation failed|invalid (array |table )?size/i.test(stderrTail);
      record(stoppedOutcome(current, stopReason ?? (memory ? `The test ran out of memory (limit ${limits.memoryMb} MB) and was stopped` : `The test worker stopped unexpectedly: ${stderrTail.trim().split('\n').slice(-3).join(' ') || 'no message'}`)));
    }
    queue.unshift(...rest);
    onEnd();
  };
  child.on('exit', end);
  child.on('error', end);
  return child;
}

function stoppedOutcome(job: TestJob, cause: string): TestOutcome {
  return { id: job.id, observed: { status: 'FAILED', error: 'States.Runtime', cause, path: [], transitions: 0, durationMs: 0 }, failures: [], stopped: cause, traces: [] };
}
