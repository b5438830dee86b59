import type { Layout } from '../../../../server/src/core/graph/graphLayout';
import type { GraphModel } from '../../../../server/src/core/graph/graphModel';

/** How a state fared in the last run, for the execution overlay. */
export interface StateRunInfo {
  status: 'succeeded' | 'failed' | 'caught' | 'running';
  entered: number;
  retries: number;
  iterations?: number;
  input?: string;
  output?: string;
}

/** A state entered or exited in a run, in history order (`caught`: it exited through a Catch). */
export interface RunStep {
  state: string;
  exit?: true;
  caught?: true;
}

/** A run to overlay: states by name, the steps (for the edges taken), and the document version it ran. */
export interface RunOverlay {
  states: Record<string, StateRunInfo>;
  steps: RunStep[];
  version: number;
}

/**
 * A debug session of the machine: where it is paused (`paused` absent while it runs) or, once over, how it ended.
 * `thread`: the call stack's thread of the paused state (`Map "Ship" #3` inside an iteration).
 */
export interface DebugOverlay {
  paused?: { state: string; thread: string };
  ended?: string;
}

/**
 * What the preview's page is made with (webviewHtml's data): the document and its first graph, laid out by the
 * extension while the webview loaded, so the view draws without asking for it first.
 */
export interface GraphPageData {
  documentUri: string;
  graph: GraphModel;
  version: number;
  layout?: Layout;
}

export type ToGraphView =
  | { type: 'init'; documentUri: string }
  /** `layout`: the graph already laid out (the first graph of a panel: the extension lays it out while the view loads). */
  | { type: 'graph'; graph: GraphModel; version: number; layout?: Layout }
  | { type: 'cursor'; offset: number }
  | ({ type: 'execution' } & RunOverlay)
  /** After a test run with coverage: the states no test entered (drawn as untested). */
  | { type: 'coverage'; untested: string[] }
  /** A debug session's position (drawn over the run colours); `null` clears it. */
  | { type: 'debug'; debug: DebugOverlay | null }
  | { type: 'export'; format: 'svg' | 'png' };

/**
 * `rendered`: after each draw. `layouts`: how many States blocks were laid out for it (0 when an edit left the
 * structure unchanged: the layouts came from the cache); `offscreen`: names of states whose box lies outside the
 * visible area; `stale`: run colours are shown from an older version of the document;
 * `pageMs`: time since the webview's page began loading. `painted`: the animation frame after a draw, that is after the
 * frame that put it on screen (`at`: Date.now(), for timings from the extension host's clock).
 */
export type FromGraphView =
  | { type: 'ready' }
  | { type: 'reveal'; offset: number; length: number }
  | { type: 'exported'; format: 'svg' | 'png'; data: string }
  | { type: 'painted'; version: number; at: number }
  | { type: 'rendered'; nodes: number; overlaps: number; ms: number; layouts: number; version: number; offscreen: string[]; stale: boolean; taken: number; pageMs: number };

export type { LaidOutEdge, LaidOutNode, Layout } from '../../../../server/src/core/graph/graphLayout';
