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

export type ToGraphView =
  | { type: 'init'; workerUri: string; documentUri: string }
  | { type: 'graph'; graph: GraphModel; version: number }
  | { type: 'cursor'; offset: number }
  | { type: 'execution'; states: Record<string, StateRunInfo> }
  | { type: 'export'; format: 'svg' | 'png' };

export type FromGraphView =
  | { type: 'ready' }
  | { type: 'reveal'; offset: number; length: number }
  | { type: 'exported'; format: 'svg' | 'png'; data: string }
  | { type: 'rendered'; nodes: number; overlaps: number; ms: number; elkRuns: number };

export type { LaidOutEdge, LaidOutNode, Layout } from '../../../../server/src/core/graph/graphLayout';

export type ToLayoutWorker = { id: number; graph: GraphModel };
/** `elkRuns`: how many States blocks ELK laid out for this answer (0 when the structure was unchanged). */
export type FromLayoutWorker = { id: number; layout?: Layout; elkRuns?: number; error?: string };
