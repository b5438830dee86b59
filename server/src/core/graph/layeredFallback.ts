import type { FlatGraph, FlatLayout } from './flatLayout';
import { layering } from './longEdges';

const LAYER_GAP = 36;
const NODE_GAP = 28;
const LANE_GAP = 14;

/**
 * A plain layered layout of a FlatGraph for when ELK cannot lay it out (ELK's recursive passes overflow the stack
 * on a chain of a few thousand states): longest-path layers top-down, each layer centred with its boxes in model
 * order, forward edges as orthogonal elbows in the gaps between the layers, edges that go up through lanes at the
 * right.
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
  let labelRoom = 0;
  const leaving = new Array<number>(rows.length).fill(0);
  const edges = graph.edges.map((e, i) => {
    const s = nodes[e.source];
    const t = nodes[e.target];
    const ss = graph.sizes[e.source];
    const ts = graph.sizes[e.target];
    const from = { x: s.x + ss.width / 2, y: s.y + ss.height };
    // Each edge leaving a layer turns at its own height in the gap below, so that two never share a segment.
    const below = rowTop[layer[e.source]] + rows[layer[e.source]].height + 6 + (leaving[layer[e.source]]++ % 5) * 5;
    if (back.has(i) || layer[e.target] <= layer[e.source]) {
      // Up through a lane at the right, along the gaps between layers (where no box stands).
      const lane = width + LANE_GAP * (1 + (lanes++ % 8));
      const into = { x: t.x + ts.width - 8, y: t.y };
      const above = rowTop[layer[e.target]] - 6 - (lanes % 5) * 5;
      if (e.label) labelRoom = Math.max(labelRoom, e.label.width + 4);
      return {
        points: [from, { x: from.x, y: below }, { x: lane, y: below }, { x: lane, y: above }, { x: into.x, y: above }, into],
        ...(e.label ? { label: { x: lane + 4, y: (below + above) / 2 } } : {}),
      };
    }
    const to = { x: t.x + ts.width / 2, y: t.y };
    const points = from.x === to.x ? [from, to] : [from, { x: from.x, y: below }, { x: to.x, y: below }, to];
    const label = e.label && { x: from.x === to.x ? from.x + 4 : (from.x + to.x) / 2 - e.label.width / 2, y: from.x === to.x ? from.y + 2 : below + 2 };
    return { points, ...(label ? { label } : {}) };
  });
  const lanesWidth = lanes > 0 ? LANE_GAP * (1 + Math.min(lanes, 8)) + labelRoom : 0;
  return { width: width + lanesWidth, height, nodes, edges };
}
