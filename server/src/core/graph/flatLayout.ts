import { layeredLayout } from './layeredLayout';

type Size = { width: number; height: number };
type Point = { x: number; y: number };

/**
 * One States block as a flat graph: boxes in model order (a Parallel or Map is one box of its final size) and the
 * edges between them by index, in model order (Choice rules first to last). Nothing else reaches the layout, so
 * two blocks with the same FlatGraph get the same layout.
 */
export interface FlatGraph {
  sizes: Size[];
  edges: { source: number; target: number; label?: Size }[];
}

/** The layout of a FlatGraph, relative to its top-left corner (no padding); label positions are top-left corners. */
export interface FlatLayout {
  width: number;
  height: number;
  nodes: Point[];
  edges: { points: Point[]; label?: Point }[];
}

/** The cache key of a FlatGraph: its whole structure, written out (so equal keys mean equal layouts). */
export function flatKey(graph: FlatGraph): string {
  const nodes = graph.sizes.map((s) => `${s.width}x${s.height}`).join(',');
  const edges = graph.edges.map((e) => `${e.source}>${e.target}${e.label ? `:${e.label.width}x${e.label.height}` : ''}`).join(',');
  return `${nodes}|${edges}`;
}

/** Lays out a FlatGraph (layeredLayout: linear time, no recursion, any size). */
export function layoutFlat(graph: FlatGraph): FlatLayout {
  return layeredLayout(graph);
}
