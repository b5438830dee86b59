/**
 * The execution worker: a Node process of its own (bundled as dist/executionWorker.js) that runs one execution
 * or Test State and exits. The language server and the CLI start one per run (see isolatedRun.ts), so nothing a
 * run does (an endless expression, a handler, memory exhaustion, a V8 abort) reaches them, and no run sees what
 * an earlier one left behind. The intrinsics are frozen before any other module loads.
 */
import './freezeOnLoad';
import { runJob, type DebugLink } from './runJob';
import type { DebugHostMessage } from '../debug/debugMessages';
import type { TaskAnswer, TaskTokens } from '../interpreter/taskTokens';
import type { HostMessage, RunJob, WorkerMessage } from './workerMessages';

const send = (message: WorkerMessage): void => {
  if (process.connected) process.send?.(message);
};
const controller = new AbortController();
const pending = new Map<string, number>();
let job: RunJob | undefined;
let finished = false;
let tokens: TaskTokens | undefined;
/** Callback tasks waiting for their token, by token. */
const waiting = new Map<string, string>();

const post = (message: WorkerMessage): void => {
  if (message.type === 'task') pending.set(message.stateName, (pending.get(message.stateName) ?? 0) + (message.pending ? 1 : -1));
  if (message.type === 'callback') {
    if (message.task.waiting) waiting.set(message.task.token, message.task.stateName);
    else waiting.delete(message.task.token);
    keepAlive();
  }
  if (message.type === 'done' || message.type === 'invalid') finished = true;
  send(message);
};

/**
 * While the user may answer a waiting task, or a debugger holds the run (paused, or waiting for the host to read its
 * history), the host's channel keeps this process alive.
 */
let holds = 0;
const keepAlive = (): void => {
  if (holds > 0 || (job?.userAnswers === true && waiting.size > 0)) process.channel?.ref();
  else process.channel?.unref();
};

/** Debug requests that came before the run's debugger listened. */
let debugHandler: ((message: DebugHostMessage) => void) | undefined;
const debugQueue: DebugHostMessage[] = [];
let eventsRead: (() => void) | undefined;
const debugLink: DebugLink = {
  listen(handler) {
    debugHandler = handler;
    for (const message of debugQueue.splice(0)) handler(message);
  },
  hold(on) {
    holds = Math.max(0, holds + (on ? 1 : -1));
    keepAlive();
  },
  onEventsRead(handler) {
    eventsRead = handler;
  },
};

const stop = (message: WorkerMessage): void => {
  if (finished) return;
  finished = true;
  if (process.connected) process.send?.(message, () => process.exit(1));
  else process.exit(1);
};

// Handler code may reject or throw after its promise settled, or from a timer: the run is then over.
process.on('unhandledRejection', (reason) => stop({ type: 'crash', cause: `Unhandled rejection in handler code: ${describe(reason)}` }));
process.on('uncaughtException', (error) => stop({ type: 'crash', cause: `Uncaught exception in handler code: ${describe(error)}` }));

// The IPC channel does not keep this process alive once the run started, so when the run waits on nothing but a
// handler's promise that no timer or I/O can settle, the event loop empties and this fires.
process.on('beforeExit', () => {
  if (!job || finished) return;
  stop({ type: 'unsettled', tasks: [...pending].filter(([, n]) => n > 0).map(([name]) => name), tokens: [...waiting.values()] });
});

process.on('message', (message: HostMessage) => {
  if (message?.type === 'abort') return controller.abort();
  if (message?.type === 'eventsRead') return eventsRead?.();
  if (message?.type === 'debug') {
    if (debugHandler) debugHandler(message);
    else if (debugQueue.length < 1000) debugQueue.push(message);
    return;
  }
  if (message?.type === 'answer') {
    if (typeof message.token === 'string' && isAnswer(message.answer)) tokens?.answer(message.token, message.answer);
    return;
  }
  if (message?.type !== 'run' || job) return;
  job = message.job;
  process.channel?.unref();
  // Once `done` is sent the host stops this process; until then nothing here exits on its own.
  runJob(job, controller.signal, post, (t) => (tokens = t), debugLink).catch(
    (error: unknown) => stop({ type: 'crash', cause: `The execution worker failed: ${describe(error)}` }),
  );
});

// The host went away (the server or the CLI ended): so does this run.
process.on('disconnect', () => process.exit(0));

send({ type: 'ready' });

function describe(value: unknown): string {
  if (value instanceof Error) return value.stack ?? value.message;
  try {
    return String(value);
  } catch {
    return 'an unprintable value';
  }
}

/** An answer from the host, checked field by field (the host passes on what the user typed). */
function isAnswer(value: unknown): value is TaskAnswer {
  if (!value || typeof value !== 'object') return false;
  const answer = value as Record<string, unknown>;
  if (answer.kind === 'heartbeat') return true;
  if (answer.kind === 'success') return Object.hasOwn(answer, 'output');
  return answer.kind === 'failure' && (answer.error === undefined || typeof answer.error === 'string') && (answer.cause === undefined || typeof answer.cause === 'string');
}
