/** Messages between the execution panel (extension host) and its webview. Data only, never HTML. */
export interface ExecutionEventData {
  id: number;
  previousEventId: number;
  timestamp: string;
  type: string;
  [details: string]: unknown;
}

export type ToExecutionView =
  | { type: 'started'; machine: string; input: string; testCase?: string }
  /** Events as they come, in batches (a long run sends thousands). */
  | { type: 'events'; events: ExecutionEventData[] }
  | { type: 'finished'; status: string; output?: unknown; error?: string; cause?: string; durationMs?: number; problems?: { line: number; column: number; code: string; message: string }[] };

/** `drawn`: the view drew a finished run: how many events, and when (ms since its page began loading). */
export type FromExecutionView = { type: 'rerun' } | { type: 'ready' } | { type: 'drawn'; events: number; pageMs: number };
