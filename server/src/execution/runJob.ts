import { handlerInvoker } from '../interpreter/handlers';
import { EventBatches } from './eventBatches';
import { eventsJson } from './historyJson';
import { configureJsonataBudget } from '../interpreter/jsonataEval';
import { findTestCase, mockInvoker, readMockConfig, unmockedInvoker } from '../interpreter/mocks';
import { runExecution } from '../interpreter/runExecution';
import { TaskTokens } from '../interpreter/taskTokens';
import { findState, testState } from '../interpreter/testState';
import type { TaskInvoker } from '../interpreter/types';
import { VirtualClock } from '../interpreter/virtualClock';
import { loadHandlers, nodeServices, realClock } from '../runtime/nodeRuntime';
import { DebugController } from '../debug/runtime/debugController';
import type { DebugHostMessage } from '../debug/debugMessages';
import type { RunJob, WorkerMessage } from './workerMessages';

/** How a debugged run hears the adapter, and keeps its process alive while paused. */
export interface DebugLink {
  listen(handler: (message: DebugHostMessage) => void): void;
  /** Holds (true) or lets go (false) of the process: holds are counted. */
  hold(on: boolean): void;
  /** The host passed on one more events batch. */
  onEventsRead(handler: () => void): void;
}

/**
 * A debugged run waits when this many events batches are sent and not yet passed on by the host: without that, a
 * fast loop queues megabytes of history ahead of the answer to `pause` (2.3 s to pause a 100,000-transition loop).
 */
const UNREAD_BATCHES = 8;

/** Reads an optional field of the job only if the job itself has it (never through a prototype). */
function own<K extends keyof RunJob>(job: RunJob, key: K): RunJob[K] | undefined {
  return Object.hasOwn(job, key) ? job[key] : undefined;
}

/**
 * Runs one job inside the execution worker and reports through `post`: streamed events, the handler calls in
 * flight, then `done` (or `invalid` when the run cannot start).
 */
export async function runJob(job: RunJob, signal: AbortSignal, post: (message: WorkerMessage) => void, onTokens?: (tokens: TaskTokens) => void, debugLink?: DebugLink): Promise<void> {
  configureJsonataBudget({ ...job.jsonata, now: () => performance.now() });
  let flushEvents = (): void => undefined;
  let unread = 0;
  let drained: (() => void) | undefined;
  const backlog = (): Promise<void> | undefined => {
    if (unread < UNREAD_BATCHES || signal.aborted) return undefined;
    debugLink!.hold(true);
    return new Promise<void>((resolve) => (drained = resolve)).finally(() => debugLink!.hold(false));
  };
  const debugOptions = own(job, 'debug');
  const debug = debugOptions && debugLink && job.kind === 'execution'
    ? new DebugController(job.definition, job.stateMachineName, { stopOnEntry: debugOptions.stopOnEntry === true, stopBetweenSteps: debugOptions.stopBetweenSteps !== false }, { post, flush: () => flushEvents(), hold: (paused) => debugLink.hold(paused), backlog, services: nodeServices }, signal)
    : undefined;
  if (debug) {
    const wake = () => {
      const resolve = drained;
      drained = undefined;
      resolve?.();
    };
    debugLink!.onEventsRead(() => {
      unread = Math.max(0, unread - 1);
      if (unread < UNREAD_BATCHES) wake();
    });
    signal.addEventListener('abort', wake);
    debugLink!.listen((message) => {
      debug.handle(message.request).then(
        (body) => post({ type: 'debugReply', id: message.id, body }),
        (error: unknown) => post({ type: 'debugReply', id: message.id, error: error instanceof Error ? error.message : String(error) }),
      );
    });
  }
  const clock = job.realTime ? realClock : new VirtualClock(job.startTime);
  const tokens = new TaskTokens((task) => post({ type: 'callback', task }));
  onTokens?.(tokens);
  // With someone to answer (the execution view), a callback task nothing else answers waits for them.
  let invoke: TaskInvoker = own(job, 'userAnswers') === true ? async (request) => (request.callback ? undefined : unmockedInvoker(request)) : unmockedInvoker;
  try {
    const mocks = own(job, 'mocks');
    if (mocks) {
      const config = readMockConfig(mocks.config);
      invoke = mockInvoker(config, findTestCase(config, job.stateMachineName, mocks.testCase), invoke);
    }
  } catch (error) {
    return post({ type: 'invalid', error: 'InvalidMocks', message: (error as Error).message });
  }
  const handlersPath = own(job, 'handlersPath');
  if (typeof handlersPath === 'string') {
    try {
      invoke = handlerInvoker(await loadHandlers(handlersPath, '/'), invoke, {
        signal,
        // With a real clock the interpreter itself enforces TimeoutSeconds; with virtual time the handler still
        // runs in real time, so its TimeoutSeconds is real seconds.
        timeoutSecondsOf: job.realTime ? undefined : (name) => literalTimeout(job.definition, name),
        realSleep: realClock.sleep,
        onPending: (stateName, pending) => post({ type: 'task', stateName, pending }),
      });
    } catch (error) {
      return post({ type: 'invalid', error: 'InvalidHandlers', message: `The handlers module could not be loaded: ${(error as Error).message}` });
    }
  }

  if (job.kind === 'testState') {
    const stateName = String(own(job, 'stateName'));
    if (!findState(job.definition, stateName)) return post({ type: 'invalid', error: 'InvalidRequest', message: `No state named '${stateName}' in this definition` });
    const result = await testState({ definition: job.definition, stateName, input: job.input, variables: own(job, 'variables') ?? {}, invokeTask: invoke, clock, services: nodeServices, signal });
    return post({ type: 'done', result });
  }

  // `asl run --json` (eventDetail 'text'): the events as it prints them, so the host prints them as they come
  // instead of parsing them and serializing them again.
  const asText = job.eventDetail === 'text';
  const events = new EventBatches((batch) => {
    // One JSON text per batch: Node's 'advanced' IPC deserializes large object graphs slowly (most of an
    // 18,000-event `asl run --json` went there); the host parses the text in a fraction of that.
    post(asText ? { type: 'eventTexts', text: eventsJson(batch) } : { type: 'events', json: JSON.stringify(batch) });
    if (debug && !asText) unread++;
  });
  flushEvents = events.flush;
  if (debug) {
    // The adapter sends the breakpoints, then says the configuration is done: only then does the run start.
    debugLink!.hold(true);
    await debug.configured;
    debugLink!.hold(false);
  }
  const resultsDir = own(job, 'resultsDir');
  // Loaded only for a run that writes results (it brings node:fs/promises into the worker's start-up).
  const writeResult = typeof resultsDir === 'string' ? (await import('../cli/resultWriter')).resultWriter(resultsDir) : undefined;
  const result = await runExecution({
    definition: job.definition,
    input: job.input,
    invokeTask: invoke,
    clock,
    services: nodeServices,
    signal,
    executionName: job.executionName,
    stateMachineName: job.stateMachineName,
    stateMachineType: own(job, 'stateMachineType') === 'EXPRESS' ? 'EXPRESS' : 'STANDARD',
    tokens,
    realClock,
    recordEvents: false,
    eventDetail: job.eventDetail === 'summary' ? 'summary' : 'full',
    onEvent: events.push,
    ...(writeResult ? { writeResult } : {}),
    ...(debug ? { debug } : {}),
  });
  events.flush();
  post({ type: 'done', result: { status: result.status, output: result.output, error: result.error, cause: result.cause, durationMs: result.durationMs } });
}

/** A state's TimeoutSeconds when it is a literal number (TimeoutSecondsPath and JSONata ones are left to the run budget). */
function literalTimeout(definition: unknown, stateName: string): number | undefined {
  const found = findState(definition, stateName);
  const seconds = found && Object.hasOwn(found.state, 'TimeoutSeconds') ? found.state.TimeoutSeconds : undefined;
  return typeof seconds === 'number' && seconds > 0 ? seconds : undefined;
}
