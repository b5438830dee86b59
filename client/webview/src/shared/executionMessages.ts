import type { ExecutionCallbackNotification } from '../../../../server/src/protocol';

/** Messages between the execution panel (extension host) and its webview. Data only, never HTML. */
export interface ExecutionEventData {
  id: number;
  previousEventId: number;
  timestamp: string;
  type: string;
  [details: string]: unknown;
}

/** A callback or Activity task of the running execution that waits for its task token's answer (or stopped waiting). */
export type WaitingTaskData = Omit<ExecutionCallbackNotification.Params, 'executionId'>;

/** What the user sends for a waiting task: SendTaskSuccess (output as JSON text), SendTaskFailure or SendTaskHeartbeat. */
export type TaskAnswerData = { token: string } & ({ kind: 'success'; output: string } | { kind: 'failure'; error: string; cause: string } | { kind: 'heartbeat' });

export type ToExecutionView =
  | { type: 'started'; machine: string; input: string; testCase?: string }
  /** Events as they come, in batches (a long run sends thousands). */
  | { type: 'events'; events: ExecutionEventData[] }
  | { type: 'waiting'; task: WaitingTaskData }
  /** The server's reply to an answer the view sent. */
  | { type: 'answered'; token: string; kind: TaskAnswerData['kind']; ok: boolean; message?: string }
  /** Show this event: unfold the groups it is in, scroll to it and show its details (a click in the history tree). */
  | { type: 'select'; id: number }
  | { type: 'finished'; status: string; output?: unknown; error?: string; cause?: string; durationMs?: number; problems?: { line: number; column: number; code: string; message: string }[] };

/** `drawn`: the view drew a finished run: how many events, and when (ms since its page began loading). */
export type FromExecutionView = { type: 'rerun' } | { type: 'ready' } | { type: 'drawn'; events: number; pageMs: number } | { type: 'sendTaskAnswer'; answer: TaskAnswerData };
