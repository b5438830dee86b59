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
  | { type: 'rendered'; nodes: number; overlaps: number; ms: number };

/** A laid-out graph: absolute coordinates, ready to draw. */
export interface LaidOutNode {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LaidOutEdge {
  id: string;
  points: { x: number; y: number }[];
  label?: { text: string; x: number; y: number; width: number; height: number };
}

export interface Layout {
  width: number;
  height: number;
  nodes: Record<string, LaidOutNode>;
  edges: Record<string, LaidOutEdge>;
}

export type ToLayoutWorker = { id: number; graph: GraphModel };
export type FromLayoutWorker = { id: number; layout?: Layout; error?: string };
