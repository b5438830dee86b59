import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TaskAnswer, WaitingTask } from '../interpreter/taskTokens';
import type { HistoryEvent } from '../interpreter/types';
import type { RunLimits } from './runLimits';
import { forkWorker, scheduleSpare, takeSpareWorker } from './spareWorker';
import type { DebugHostMessage, DebugWorkerMessage } from '../debug/debugMessages';
import type { RunJob, WorkerMessage } from './workerMessages';

/** After an abort, a run that does not stop by itself within this long is killed. */
export const ABORT_GRACE_MS = 1000;

export type StopReason = 'aborted' | 'timeout' | 'memory' | 'unsettled' | 'crash';

export type IsolatedOutcome =
  | { type: 'done'; result: unknown }
  | { type: 'invalid'; error: string; message: string }
  | { type: 'stopped'; reason: StopReason; cause: string };

export interface IsolatedRunHooks {
  /** A promise: the batch is passed on when it settles (a debugged run waits for its host; see runJob). */
  onEvents?(events: HistoryEvent[]): void | Promise<void>;
  /** A batch of events as text (a job with eventDetail 'text'). */
  onEventTexts?(text: string): void;
  /** A callback or Activity task started or stopped waiting for its task token. */
  onCallback?(task: WaitingTask): void;
  /** What handler code printed (console.log / console.error in the worker). */
  onOutput?(text: string, stream: 'stdout' | 'stderr'): void;
  /** A debugged run's replies, stops and logpoint output (server/src/debug). */
  onDebug?(message: DebugWorkerMessage): void;
}

export interface IsolatedRun {
  readonly outcome: Promise<IsolatedOutcome>;
  /** The worker process's id (tests check that each run has a process of its own). */
  readonly pid?: number;
  /** Asks the run to stop; kills the worker if it has not stopped within ABORT_GRACE_MS. */
  abort(): void;
  /** Passes an answer to a task token (SendTaskSuccess/Failure/Heartbeat) to the run. */
  answer(token: string, answer: TaskAnswer): void;
  /** Sends a debug request to a debugged run. */
  debug(message: DebugHostMessage): void;
}

/**
 * The worker bundle beside the running bundle (dist/server.js and dist/cli.js sit beside dist/executionWorker.js,
 * also inside the packaged extension); from dist/bench/ its parent; from the TypeScript sources (tests), the
 * repository's dist/.
 */
export function workerScript(): string {
  const candidates = [join(__dirname, 'executionWorker.js'), join(__dirname, '..', 'executionWorker.js'), resolve(__dirname, '../../../dist/executionWorker.js')];
  return candidates.find((path) => existsSync(path)) ?? candidates[0];
}

const STDERR_KEPT = 16 * 1024;
/** How long a finished run waits for the rest of its worker's output. */
const OUTPUT_DRAIN_MS = 500;

/** Starts one run in a fresh worker process (the spare one started ahead, if one is kept: see spareWorker). */
export function startIsolatedRun(job: RunJob, limits: RunLimits, hooks: IsolatedRunHooks = {}): IsolatedRun {
  let child: ChildProcess;
  let settle!: (outcome: IsolatedOutcome) => void;
  const outcome = new Promise<IsolatedOutcome>((done) => (settle = done));
  let over = false;
  let stopping: StopReason | undefined;
  let reported: IsolatedOutcome | undefined;
  let stderrTail = '';
  const pending = new Map<string, number>();
  const timers: NodeJS.Timeout[] = [];

  let closed = false;
  const finish = (result: IsolatedOutcome) => {
    if (over) return;
    over = true;
    for (const t of timers) clearTimeout(t);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    scheduleSpare();
    // What handler code printed just before the end may still be in the pipes when the result message comes:
    // settle once the worker's output has been read to its end, so it comes before the result (briefly bounded).
    if (closed || (!child.stdout && !child.stderr)) return settle(result);
    const cap = setTimeout(() => settle(result), OUTPUT_DRAIN_MS);
    child.once('close', () => {
      clearTimeout(cap);
      settle(result);
    });
  };
  const kill = (reason: StopReason) => {
    if (over || stopping) return;
    stopping = reason;
    child.kill('SIGKILL');
  };

  const spare = takeSpareWorker(limits.memoryMb);
  try {
    child = spare?.child ?? forkWorker(workerScript(), limits.memoryMb);
  } catch (error) {
    return { outcome: Promise.resolve({ type: 'stopped', reason: 'crash', cause: `The execution worker could not start: ${(error as Error).message}` }), abort: () => undefined, answer: () => undefined, debug: () => undefined };
  }
  child.once('close', () => (closed = true));
  child.stdout?.setEncoding('utf8').on('data', (text: string) => hooks.onOutput?.(text, 'stdout'));
  child.stderr?.setEncoding('utf8').on('data', (text: string) => {
    stderrTail = (stderrTail + text).slice(-STDERR_KEPT);
    if (!/heap out of memory|Last few GCs|JS stacktrace|Native stack trace|^\s*\d+: 0x/m.test(text)) hooks.onOutput?.(text, 'stderr');
  });

  child.on('message', (raw: unknown) => {
    if (over || !raw || typeof raw !== 'object') return;
    const message = raw as WorkerMessage;
    switch (message.type) {
      case 'ready':
        return start();
      case 'events': {
        if (typeof message.json !== 'string') return;
        let events: unknown;
        try {
          events = JSON.parse(message.json);
        } catch {
          return;
        }
        const read = Array.isArray(events) ? hooks.onEvents?.(events as HistoryEvent[]) : undefined;
        if (job.debug) {
          const ack = () => {
            if (!over && child.connected) child.send({ type: 'eventsRead' });
          };
          if (read) void read.then(ack, ack);
          else ack();
        }
        return;
      }
      case 'eventTexts':
        if (typeof message.text === 'string') hooks.onEventTexts?.(message.text);
        return;
      case 'callback':
        if (message.task && typeof message.task === 'object') hooks.onCallback?.(message.task);
        return;
      case 'task':
        if (typeof message.stateName === 'string') pending.set(message.stateName, (pending.get(message.stateName) ?? 0) + (message.pending ? 1 : -1));
        return;
      case 'debugReply':
      case 'debugStopped':
      case 'debugOutput':
        hooks.onDebug?.(message);
        return;
      case 'done':
        return finish({ type: 'done', result: message.result });
      case 'invalid':
        return finish({ type: 'invalid', error: String(message.error), message: String(message.message) });
      case 'crash':
      case 'unsettled':
        reported = message.type === 'crash'
          ? { type: 'stopped', reason: 'crash', cause: String(message.cause) }
          : { type: 'stopped', reason: 'unsettled', cause: Array.isArray(message.tokens) && message.tokens.length > 0 ? unansweredCause(message.tokens.map(String)) : unsettledCause(Array.isArray(message.tasks) ? message.tasks.map(String) : []) };
        return;
    }
  });
  const start = () => {
    child.send({ type: 'run', job });
    if (limits.timeoutSeconds > 0) timers.push(setTimeout(() => kill('timeout'), limits.timeoutSeconds * 1000));
  };
  // A spare worker said `ready` before this run took it.
  if (spare?.ready) start();
  child.on('error', (error) => {
    if (!over && child.pid === undefined) finish({ type: 'stopped', reason: 'crash', cause: `The execution worker could not start: ${error.message}` });
  });
  child.on('exit', (code, signal) => {
    if (over) return;
    if (stopping === 'aborted') return finish({ type: 'stopped', reason: 'aborted', cause: `The execution was aborted (it did not stop within ${ABORT_GRACE_MS} ms, so its worker was stopped)` });
    if (stopping === 'timeout') return finish({ type: 'stopped', reason: 'timeout', cause: `The execution ran longer than the local limit of ${limits.timeoutSeconds} seconds and was stopped` });
    if (reported) return finish(reported);
    if (/heap out of memory|Allocation failed|invalid (array |table )?size/i.test(stderrTail) || signal === 'SIGABRT' || signal === 'SIGTRAP') {
      return finish({ type: 'stopped', reason: 'memory', cause: `The execution ran out of memory (limit ${limits.memoryMb} MB) and was stopped` });
    }
    const stuck = [...pending].filter(([, n]) => n > 0).map(([name]) => name);
    if (code === 0 && stuck.length > 0) return finish({ type: 'stopped', reason: 'unsettled', cause: unsettledCause(stuck) });
    const tail = stderrTail.trim().split('\n').slice(-5).join('\n');
    finish({ type: 'stopped', reason: 'crash', cause: `The execution worker stopped unexpectedly (${signal ?? `exit code ${code}`})${tail ? `: ${tail}` : ''}` });
  });

  return {
    outcome,
    pid: child.pid,
    abort: () => {
      if (over || stopping) return;
      if (child.connected) child.send({ type: 'abort' });
      timers.push(setTimeout(() => kill('aborted'), ABORT_GRACE_MS));
    },
    answer: (token, answer) => {
      if (!over && !stopping && child.connected) child.send({ type: 'answer', token, answer });
    },
    debug: (message) => {
      if (!over && !stopping && child.connected) child.send(message);
    },
  };
}

function unsettledCause(tasks: string[]): string {
  if (tasks.length === 0) return 'The execution stopped with nothing left to run (a promise that nothing can settle)';
  return `${tasks.map((t) => `Task '${t}'`).join(', ')}: the handler did not settle (its promise never resolved or rejected, and nothing else was left to run)`;
}

function unansweredCause(tasks: string[]): string {
  return `${tasks.map((t) => `Task '${t}'`).join(', ')}: its task token was never answered, and nothing was left that could answer it`;
}
