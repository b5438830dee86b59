/** A picture-ready model of a state machine: what to draw, not where (layout happens in the webview). */
export interface GraphNode {
  id: string;
  label: string;
  /** The state type; 'start' / 'end' for the markers; 'missing' for a name nothing defines; 'unknown' for a bad Type. */
  kind: string;
  /** Span of the state's key (offset, length), to reveal it in the editor. */
  span?: { offset: number; length: number };
  /** The group (Parallel branch or Map processor) this node sits in. */
  parent?: string;
  /** Set on Parallel and Map nodes: the groups they contain. */
  groups?: string[];
  errors?: number;
  warnings?: number;
  /** How many retriers the state's Retry has (drawn as ↻N before any run). */
  retriers?: number;
}

export interface GraphGroup {
  id: string;
  label: string;
  /** The Parallel or Map node containing it. */
  owner: string;
}

export type GraphEdgeKind = 'next' | 'default' | 'choice' | 'catch' | 'start' | 'end';

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  kind: GraphEdgeKind;
  label?: string;
}

export interface GraphModel {
  nodes: GraphNode[];
  groups: GraphGroup[];
  edges: GraphEdge[];
}
