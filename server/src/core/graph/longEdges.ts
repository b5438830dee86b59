import type { FlatGraph } from './flatLayout';

/** An edge is long when it jumps over more layers than this (in a first, cheap layering). */
export const LONG_SPAN = 8;

/**
 * The edges that ELK should not route: those spanning more than LONG_SPAN layers of a longest-path layering
 * (back edges, found by a depth-first search in model order, counted by their span too), whose target keeps
 * another incoming edge that is not long, so that ELK still places the target where its other predecessors
 * put it. ELK turns a long edge into a dummy node per layer crossed, and a few Catch edges to a handler at the
 * bottom of a long machine make it several times slower; layoutFlat draws these in lanes beside the layout.
 */
export function longEdges(graph: FlatGraph, minSpan = LONG_SPAN): Set<number> {
  const n = graph.sizes.length;
  const { layer } = layering(graph);
  const long = new Set<number>();
  graph.edges.forEach((e, i) => {
    if (Math.abs(layer[e.target] - layer[e.source]) > minSpan) long.add(i);
  });
  // Keep, for every target, at least one incoming edge that ELK routes (the shortest), unless it has none other.
  const kept = new Array<boolean>(n).fill(false);
  graph.edges.forEach((e, i) => {
    if (!long.has(i)) kept[e.target] = true;
  });
  for (const i of [...long]) if (!kept[graph.edges[i].target]) long.delete(i);
  return long;
}

/**
 * A longest-path layering of the graph without its back edges (found by a depth-first search in model order):
 * each node's layer, and which edges close a cycle. Linear time, no recursion.
 */
export function layering(graph: FlatGraph): { layer: number[]; back: Set<number> } {
  const n = graph.sizes.length;
  const out: number[][] = Array.from({ length: n }, () => []);
  graph.edges.forEach((e, i) => out[e.source].push(i));
  const back = backEdges(graph, out);
  const layer = new Array<number>(n).fill(0);
  const indegree = new Array<number>(n).fill(0);
  graph.edges.forEach((e, i) => {
    if (!back.has(i)) indegree[e.target]++;
  });
  const queue: number[] = [];
  for (let v = 0; v < n; v++) if (indegree[v] === 0) queue.push(v);
  for (let q = 0; q < queue.length; q++) {
    const v = queue[q];
    for (const i of out[v]) {
      if (back.has(i)) continue;
      const t = graph.edges[i].target;
      layer[t] = Math.max(layer[t], layer[v] + 1);
      if (--indegree[t] === 0) queue.push(t);
    }
  }
  return { layer, back };
}

/** Edges that close a cycle, in a depth-first search from each node in model order (iterative: graphs can be deep). */
function backEdges(graph: FlatGraph, out: number[][]): Set<number> {
  const state = new Uint8Array(graph.sizes.length); // 0 new, 1 on the stack, 2 done
  const back = new Set<number>();
  for (let root = 0; root < graph.sizes.length; root++) {
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
