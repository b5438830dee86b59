/** A laid-out graph: absolute coordinates, ready to draw (made by layoutGraph, drawn by the webview and the CLI). */
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
