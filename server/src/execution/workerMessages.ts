import type { DebugHostMessage, DebugJobOptions, DebugWorkerMessage } from '../debug/debugMessages';
import type { TaskAnswer, WaitingTask } from '../interpreter/taskTokens';

/** One run for the execution worker: everything it needs, as data (no function, no path chosen by user data). */
export interface RunJob {
  kind: 'execution' | 'testState';
  definition: unknown;
  input: unknown;
  stateMachineName: string;
  executionName: string;
  /** Where the virtual clock starts (epoch milliseconds). */
  startTime: number;
  /** STANDARD (default) or EXPRESS: Express has no history cap and a five-minute limit. */
  stateMachineType?: 'STANDARD' | 'EXPRESS';
  /** Wait for real in Wait states and retries (`asl run --real-time`). */
  realTime: boolean;
  /** A parsed MockConfigFile and the test case to use. */
  mocks?: { config: unknown; testCase: string };
  /** The absolute path of a handlers module, as the client or the command line gave it for this run. */
  handlersPath?: string;
  /** The absolute folder a Distributed Map's ResultWriter writes under. */
  resultsDir?: string;
  /** Test State: the state to run and the variables in scope. */
  stateName?: string;
  variables?: Record<string, unknown>;
  /**
   * 'summary' leaves the states' input and output out of the events (`asl run` prints only a summary); 'text'
   * sends the full events as `asl run --json` prints them (eventTexts messages).
   */
  eventDetail?: 'full' | 'summary' | 'text';
  /**
   * Someone (the user, in the execution view) may answer task tokens: a callback or Activity task that no mock and
   * no handler answers waits for them instead of being a setup error.
   */
  userAnswers?: boolean;
  /** A debugger drives the run (server/src/debug): it starts once the adapter says the configuration is done. */
  debug?: DebugJobOptions;
  /** The budget of each JSONata evaluation. */
  jsonata: { timeoutMs: number; maxDepth: number };
}

/** From the host to the worker. */
export type HostMessage =
  | { type: 'run'; job: RunJob }
  | { type: 'abort' }
  | { type: 'answer'; token: string; answer: TaskAnswer }
  /** A debugged run's host has passed on one more `events` batch (a debugged run waits when too many are unread). */
  | { type: 'eventsRead' }
  | DebugHostMessage;

/** From the worker to the host. */
export type WorkerMessage =
  | { type: 'ready' }
  /** A batch of history events as one JSON array. */
  | { type: 'events'; json: string }
  /** A batch of history events as `asl run --json` prints them (eventDetail 'text'; historyJson.ts). */
  | { type: 'eventTexts'; text: string }
  /** A handler call started (`pending`) or settled. */
  | { type: 'task'; stateName: string; pending: boolean }
  /** A callback or Activity task started (`waiting`) or stopped waiting for its task token. */
  | { type: 'callback'; task: WaitingTask }
  /** The run ended: an ExecutionResult without its events (they were streamed), or a TestStateResult. */
  | { type: 'done'; result: unknown }
  /** The run could not start: handlers that do not load, a mock file or test case that is wrong, no such state. */
  | { type: 'invalid'; error: string; message: string }
  /** An uncaught exception or unhandled rejection (from handler code) stopped the worker. */
  | { type: 'crash'; cause: string }
  /** Nothing was left to run while these handler calls were pending (or these tasks waited for their token). */
  | { type: 'unsettled'; tasks: string[]; tokens?: string[] }
  | DebugWorkerMessage;
