import type { FlatGraph } from './flatLayout';

/** A forward edge is drawn in a lane beside the layout, not through the layers, when it spans more layers than this. */
export const LONG_SPAN = 8;

/** A box in a layer: a state (`real`: its index in the FlatGraph), an edge's label, or a bend point of a long edge. */
export interface LayerNode {
  layer: number;
  width: number;
  height: number;
  real?: number;
  /** Set on a label's or bend point's node: the edge passing through it. */
  edge?: number;
  /** The edges' hops leaving it (downwards to the next layer) and arriving at it (from the layer above). */
  out: Hop[];
  in: Hop[];
}

/** One edge's step from a node in one layer to a node in the next. */
export interface Hop {
  from: number;
  to: number;
  edge: number;
}

/** The graph in layers: every edge either a chain of hops (one per layer crossed) or laned (back and long edges). */
export interface Layered {
  nodes: LayerNode[];
  /** Node indices per layer, in their order left to right once `orderLayers` has run. */
  layers: number[][];
  /** Per edge: the layer nodes it passes, source first, target last (empty for a laned edge). */
  chains: number[][];
  laned: Set<number>;
}

/**
 * Layers a FlatGraph top-down: edges that close a cycle (a depth-first search in model order, from the nodes
 * nothing leads to first) are set aside, then each node goes to the layer below its lowest predecessor (longest
 * path; two layers below for a labelled edge, whose label takes the layer in between, as a box of its own).
 * Edges spanning more layers get a bend node in each layer crossed, unless they span more than LONG_SPAN:
 * those and the back edges are laned. Linear time, no recursion (blocks can be thousands of states long).
 */
export function layerGraph(graph: FlatGraph): Layered {
  const n = graph.sizes.length;
  const out: number[][] = Array.from({ length: n }, () => []);
  const indegree = new Array<number>(n).fill(0);
  graph.edges.forEach((e, i) => {
    out[e.source].push(i);
    indegree[e.target]++;
  });
  const back = backEdges(graph, out, indegree);
  const layer = new Array<number>(n).fill(0);
  const pending = new Array<number>(n).fill(0);
  graph.edges.forEach((e, i) => {
    if (!back.has(i)) pending[e.target]++;
  });
  const queue: number[] = [];
  for (let v = 0; v < n; v++) if (pending[v] === 0) queue.push(v);
  for (let q = 0; q < queue.length; q++) {
    const v = queue[q];
    for (const i of out[v]) {
      if (back.has(i)) continue;
      const e = graph.edges[i];
      layer[e.target] = Math.max(layer[e.target], layer[v] + (e.label ? 2 : 1));
      if (--pending[e.target] === 0) queue.push(e.target);
    }
  }

  const nodes: LayerNode[] = graph.sizes.map((s, i) => ({ layer: layer[i], width: s.width, height: s.height, real: i, out: [], in: [] }));
  const laned = new Set<number>();
  const chains: number[][] = graph.edges.map((e, i) => {
    const [from, to] = [layer[e.source], layer[e.target]];
    if (back.has(i) || to - from > LONG_SPAN || to <= from) {
      laned.add(i);
      return [];
    }
    const chain = [e.source];
    const middle = Math.floor((from + to) / 2);
    for (let l = from + 1; l < to; l++) {
      const size = l === middle && e.label ? e.label : { width: 0, height: 0 };
      chain.push(nodes.push({ layer: l, ...size, edge: i, out: [], in: [] }) - 1);
    }
    chain.push(e.target);
    for (let k = 1; k < chain.length; k++) {
      const hop = { from: chain[k - 1], to: chain[k], edge: i };
      nodes[hop.from].out.push(hop);
      nodes[hop.to].in.push(hop);
    }
    return chain;
  });
  const layers: number[][] = [];
  nodes.forEach((node, i) => (layers[node.layer] ??= []).push(i));
  for (let l = 0; l < layers.length; l++) layers[l] ??= [];
  return { nodes, layers, chains, laned };
}

/**
 * Edges that close a cycle, in a depth-first search in model order, started from nodes with no incoming edge
 * first (the block's start marker), then from any node not yet reached. Iterative: blocks can be very deep.
 */
function backEdges(graph: FlatGraph, out: number[][], indegree: number[]): Set<number> {
  const n = graph.sizes.length;
  const state = new Uint8Array(n); // 0 new, 1 on the stack, 2 done
  const back = new Set<number>();
  const roots = [...Array.from({ length: n }, (_, v) => v).filter((v) => indegree[v] === 0), ...Array.from({ length: n }, (_, v) => v)];
  for (const root of roots) {
    if (state[root]) continue;
    const stack: [number, number][] = [[root, 0]];
    state[root] = 1;
    while (stack.length) {
      const top = stack[stack.length - 1];
      const [v, k] = top;
      if (k === out[v].length) {
        state[v] = 2;
        stack.pop();
        continue;
      }
      top[1]++;
      const i = out[v][k];
      const t = graph.edges[i].target;
      if (state[t] === 1) back.add(i);
      else if (state[t] === 0) {
        state[t] = 1;
        stack.push([t, 0]);
      }
    }
  }
  return back;
}
