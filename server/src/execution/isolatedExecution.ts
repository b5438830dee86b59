import type { TestStateResult } from '../interpreter/testState';
import { eventsJson, lastEventOf } from './historyJson';
import type { ExecutionResult, HistoryEvent } from '../interpreter/types';
import { startIsolatedRun, type IsolatedOutcome, type IsolatedRun, type IsolatedRunHooks } from './isolatedRun';
import { JSONATA_BUDGET, type RunLimits } from './runLimits';
import type { RunJob } from './workerMessages';

/** The run could not start (handlers that do not load, a wrong mock file or test case, no such state). */
export interface SetupFailure {
  invalid: true;
  error: string;
  message: string;
}

export type JobSpec = Omit<RunJob, 'kind' | 'jsonata'>;

export interface ExecutionHooks {
  /** A promise: the batch is passed on when it settles (a debugged run waits for its host; see runJob). */
  onEvents?(events: HistoryEvent[]): void | Promise<void>;
  /** eventDetail 'text' (`asl run --json`): each batch of events as printed (historyJson.ts), as the worker sends it. */
  onEventTexts?(text: string): void;
  onCallback?: IsolatedRunHooks['onCallback'];
  onOutput?: IsolatedRunHooks['onOutput'];
  onDebug?: IsolatedRunHooks['onDebug'];
}

/**
 * Runs an execution in a fresh execution worker. The history is what the worker streamed; a run the host had
 * to stop (abort that did not yield, time or memory limit, a handler that never settled, a crash) ends with an
 * ExecutionAborted or ExecutionFailed event saying why, and the host lives on.
 */
export function startExecution(spec: JobSpec, limits: RunLimits, hooks: ExecutionHooks = {}): { result: Promise<ExecutionResult | SetupFailure>; abort(): void; pid?: number; answer: IsolatedRun['answer']; debug: IsolatedRun['debug'] } {
  const events: HistoryEvent[] = [];
  // eventDetail 'text' (`asl run --json`): the worker sends the events as printed; they are passed on as they come,
  // and only the last batch is kept (a stopped run's closing event follows its last event).
  const asText = spec.eventDetail === 'text';
  let lastText = '';
  const run = startIsolatedRun({ ...spec, kind: 'execution', jsonata: JSONATA_BUDGET }, limits, {
    onEvents: (batch) => {
      for (const event of batch) events.push(event);
      return hooks.onEvents?.(batch);
    },
    onEventTexts: (text) => {
      if (!asText || text === '') return;
      lastText = text;
      hooks.onEventTexts?.(text);
    },
    onOutput: hooks.onOutput,
    onCallback: hooks.onCallback,
    onDebug: hooks.onDebug,
  });
  const result = run.outcome.then((outcome): ExecutionResult | SetupFailure => {
    if (outcome.type === 'invalid') return { invalid: true, error: outcome.error, message: outcome.message };
    if (outcome.type === 'done') return { ...(outcome.result as Omit<ExecutionResult, 'events'>), events };
    return stoppedExecution(outcome, events, spec.startTime, hooks, asText ? lastText : undefined);
  });
  return { result, abort: run.abort, pid: run.pid, answer: run.answer, debug: run.debug };
}

/** `lastText`: the last batch of a run that sent its events as text. */
function stoppedExecution(outcome: Extract<IsolatedOutcome, { type: 'stopped' }>, events: HistoryEvent[], startTime: number, hooks: ExecutionHooks, lastText?: string): ExecutionResult {
  const last = lastText !== undefined ? lastEventOf(lastText) : events[events.length - 1];
  const aborted = outcome.reason === 'aborted';
  const error = aborted ? 'States.Aborted' : 'States.Runtime';
  const timestamp = last?.timestamp ?? new Date(startTime).toISOString();
  const terminal: HistoryEvent = aborted
    ? { id: (last?.id ?? 0) + 1, previousEventId: last?.id ?? 0, timestamp, type: 'ExecutionAborted', executionAbortedEventDetails: { error, cause: outcome.cause } }
    : { id: (last?.id ?? 0) + 1, previousEventId: last?.id ?? 0, timestamp, type: 'ExecutionFailed', executionFailedEventDetails: { error, cause: outcome.cause } };
  if (lastText !== undefined) {
    hooks.onEventTexts?.(eventsJson([terminal]));
  } else {
    events.push(terminal);
    void hooks.onEvents?.([terminal]);
  }
  return { status: aborted ? 'ABORTED' : 'FAILED', error, cause: outcome.cause, events, durationMs: Date.parse(timestamp) - startTime };
}

/** Runs one state alone (AWS's TestState) in a fresh execution worker. */
export async function runTestState(spec: JobSpec & { stateName: string }, limits: RunLimits, hooks: Pick<ExecutionHooks, 'onOutput'> = {}): Promise<TestStateResult | SetupFailure> {
  const outcome = await startIsolatedRun({ ...spec, kind: 'testState', jsonata: JSONATA_BUDGET }, limits, hooks).outcome;
  if (outcome.type === 'invalid') return { invalid: true, error: outcome.error, message: outcome.message };
  if (outcome.type === 'done') return outcome.result as TestStateResult;
  return { status: 'FAILED', error: 'States.Runtime', cause: outcome.cause, inspectionData: { input: spec.input, variables: spec.variables ?? {} }, steps: [{ step: 'Input', value: spec.input, reached: true }] };
}

export function isSetupFailure(value: object): value is SetupFailure {
  return Object.hasOwn(value, 'invalid');
}
