import type { GraphModel } from '../../../../server/src/core/graph/graphModel';
import type { Layout } from '../../../../server/src/core/graph/graphLayout';

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

export type ToGraphView =
  | { type: 'init'; workerUri?: string; documentUri: string }
  | { type: 'graph'; graph: GraphModel; version: number }
  | { type: 'cursor'; offset: number }
  | ({ type: 'execution' } & RunOverlay)
  | { type: 'export'; format: 'svg' | 'png' };

/**
 * `rendered`: after each draw. `quick`: the first picture, before ELK's layout; `offscreen`: names of states whose
 * box lies outside the visible area; `stale`: run colours are shown from an older version of the document;
 * `pageMs`: time since the webview's page began loading.
 */
export type FromGraphView =
  | { type: 'ready'; earlyWorker?: boolean }
  | { type: 'reveal'; offset: number; length: number }
  | { type: 'exported'; format: 'svg' | 'png'; data: string }
  | { type: 'rendered'; nodes: number; overlaps: number; ms: number; elkRuns: number; quick: boolean; version: number; offscreen: string[]; stale: boolean; taken: number; pageMs: number };

export type { LaidOutEdge, LaidOutNode, Layout } from '../../../../server/src/core/graph/graphLayout';

export type ToLayoutWorker = { id: number; graph: GraphModel };
/** `elkRuns`: how many States blocks ELK laid out for this answer (0 when the structure was unchanged). */
export type FromLayoutWorker = { id: number; layout?: Layout; elkRuns?: number; error?: string };
