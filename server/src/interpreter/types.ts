import type { DebugHooks } from './debugHooks';
import type { IntrinsicServices } from './intrinsicsEval';
import type { TaskTokenApi, TaskTokens } from './taskTokens';

export type ExecutionStatus = 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

/** One history event in the shape of AWS's GetExecutionHistory. */
export interface HistoryEvent {
  id: number;
  previousEventId: number;
  timestamp: string;
  type: string;
  [details: string]: unknown;
}

export interface ExecutionResult {
  status: ExecutionStatus;
  output?: unknown;
  error?: string;
  cause?: string;
  events: HistoryEvent[];
  /** Virtual (or real) milliseconds from start to end. */
  durationMs: number;
}

/** Time, injected: the virtual clock jumps instantly; the real clock waits. */
export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** True when timeouts can fire (a real clock); with a virtual clock tasks take no time. */
  readonly real: boolean;
}

/** Real time, for the waits a person or a handler answers (see RunOptions.realClock). */
export interface RealClock {
  now(): number;
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

/** A decision the run made that the history does not name: rule/retrier/catcher index, -1 for a Choice's Default. */
export interface RunTrace {
  kind: 'choice' | 'retry' | 'catch';
  state: string;
  index: number;
}

export interface TaskRequest {
  stateName: string;
  resource: string;
  /** The effective input: after InputPath/Parameters or Arguments. */
  input: unknown;
  context: unknown;
  /** 0 for the first attempt, then 1, 2... across retries. */
  attempt: number;
  /**
   * For a `.waitForTaskToken` or Activity task: how to answer its token (`context.Task.Token`). A mock answers
   * with its response; a handler through its context, now or later.
   */
  callback?: TaskTokenApi;
}

/** Runs a Task: returns the service's result or throws a StatesError (its name is the error, its message the cause). */
export type TaskInvoker = (request: TaskRequest) => Promise<unknown>;

export interface RunOptions {
  definition: unknown;
  input: unknown;
  invokeTask: TaskInvoker;
  clock: Clock;
  services: IntrinsicServices;
  onEvent?: (event: HistoryEvent) => void;
  /** Which Choice rule, retrier and catcher each decision used (for test coverage); not called when absent. */
  onTrace?: (trace: RunTrace) => void;
  /** 'full' (default) puts state inputs/outputs in the events like AWS; 'summary' leaves them out (faster). */
  eventDetail?: 'full' | 'summary';
  /** Keep every event in the result (default true); a benchmark may turn it off. */
  recordEvents?: boolean;
  /** The history cap; an execution past it fails (default 25,000, AWS's limit for Standard; none for Express). */
  maxEvents?: number;
  /**
   * STANDARD (default) or EXPRESS (developer guide, "Choosing workflow type"; service quotas): an Express
   * execution has no 25,000-event history limit and runs at most five minutes (on the run's clock).
   */
  stateMachineType?: 'STANDARD' | 'EXPRESS';
  signal?: AbortSignal;
  /** Where a Distributed Map's ResultWriter writes locally (relative path, text); without it nothing is written. */
  writeResult?: (path: string, content: string) => Promise<void>;
  executionName?: string;
  stateMachineName?: string;
  /** The task tokens of the run (the host keeps them to deliver the user's answers); one is made if absent. */
  tokens?: TaskTokens;
  /**
   * Real time (injected: the interpreter reads no clock). With a virtual clock, a task waiting for its token's
   * answer waits in real time when this is given (a person or a handler answers in real time): its TimeoutSeconds
   * and HeartbeatSeconds count real seconds, and the virtual clock moves on by the time the wait took. Without it,
   * the wait is virtual: an answer already there takes no time, an unanswered token times out at once.
   */
  realClock?: RealClock;
  /** A debugger attached to the run (server/src/debug/runtime); absent, nothing is called. */
  debug?: DebugHooks;
}
