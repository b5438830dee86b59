import type { FlatGraph, FlatLayout } from './flatLayout';
import { layering } from './longEdges';

const LAYER_GAP = 36;
const NODE_GAP = 28;
const LANE_GAP = 14;

/**
 * A plain layered layout of a FlatGraph for when ELK cannot lay it out (ELK's recursive passes overflow the stack
 * on a chain of a few thousand states): longest-path layers top-down, each layer centred with its boxes in model
 * order, forward edges as orthogonal elbows between the layers, edges that go up through lanes at the right.
 * Linear time, no recursion; the picture stays readable if not as tidy as ELK's.
 */
export function layeredFallback(graph: FlatGraph): FlatLayout {
  const { layer, back } = layering(graph);
  const layers: number[][] = [];
  graph.sizes.forEach((_, i) => (layers[layer[i]] ??= []).push(i));
  const rows = layers.map((members = []) => ({
    members,
    width: members.reduce((sum, i) => sum + graph.sizes[i].width, 0) + NODE_GAP * Math.max(0, members.length - 1),
    height: members.reduce((max, i) => Math.max(max, graph.sizes[i].height), 0),
  }));
  const width = rows.reduce((max, r) => Math.max(max, r.width), 0);
  const nodes = graph.sizes.map(() => ({ x: 0, y: 0 }));
  const rowTop: number[] = [];
  let y = 0;
  rows.forEach((row, k) => {
    rowTop[k] = y;
    let x = (width - row.width) / 2;
    for (const i of row.members) {
      nodes[i] = { x, y: y + (row.height - graph.sizes[i].height) / 2 };
      x += graph.sizes[i].width + NODE_GAP;
    }
    y += row.height + LAYER_GAP;
  });
  const height = Math.max(0, y - LAYER_GAP);

  let lanes = 0;
  const edges = graph.edges.map((e, i) => {
    const s = nodes[e.source];
    const t = nodes[e.target];
    const ss = graph.sizes[e.source];
    const ts = graph.sizes[e.target];
    if (back.has(i) || layer[e.target] <= layer[e.source]) {
      const lane = width + LANE_GAP * (1 + (lanes++ % 8));
      const from = { x: s.x + ss.width, y: s.y + ss.height / 2 };
      const to = { x: t.x + ts.width, y: t.y + ts.height / 2 };
      return { points: [from, { x: lane, y: from.y }, { x: lane, y: to.y }, to], ...(e.label ? { label: { x: lane + 4, y: (from.y + to.y) / 2 } } : {}) };
    }
    const from = { x: s.x + ss.width / 2, y: s.y + ss.height };
    const to = { x: t.x + ts.width / 2, y: t.y };
    const bend = rowTop[layer[e.source]] + rows[layer[e.source]].height + LAYER_GAP / 2;
    const points = from.x === to.x ? [from, to] : [from, { x: from.x, y: bend }, { x: to.x, y: bend }, to];
    return { points, ...(e.label ? { label: { x: from.x + 4, y: from.y + 2 } } : {}) };
  });
  return { width: lanes > 0 ? width + LANE_GAP * (1 + Math.min(lanes, 8)) : width, height, nodes, edges };
}
