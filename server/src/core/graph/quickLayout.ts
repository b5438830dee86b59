import type { FlatGraph, FlatLayout } from './flatLayout';
import type { Layout } from './graphLayout';
import type { GraphModel } from './graphModel';
import { arrangeLayout } from './layoutGraph';
import { layering } from './longEdges';

type Point = { x: number; y: number };

const NODE_GAP = 28;
const LAYER_GAP = 36;
const LANE_GAP = 12;
const LABEL_GAP = 3;

/**
 * The first picture, drawn while ELK (a few seconds cold in a fresh worker) works: the same bottom-up blocks as
 * layoutGraph, each laid out without ELK in linear time by quickFlat. Only the look is rougher (edges may cross
 * boxes); ELK's layout replaces it as soon as it comes.
 */
export function quickLayout(graph: GraphModel): Promise<Layout> {
  return arrangeLayout(graph, quickFlat);
}

/**
 * One block as rows: a longest-path layering, each layer a centred row in model order; an edge goes down from its
 * source's bottom to its target's top with one horizontal jog (its label on the last segment, stacked with the
 * other labels into that row), an edge going up (a loop) runs in a lane on the right.
 */
export function quickFlat(graph: FlatGraph): FlatLayout {
  const { layer } = layering(graph);
  const rows: number[][] = [];
  layer.forEach((l, i) => (rows[l] ??= []).push(i));
  // Labels of the edges into a row are stacked above it, each on its edge's last, vertical, segment.
  const labelRoom = new Array<number>(rows.length).fill(0);
  const slot = graph.edges.map((e) => {
    if (!e.label || layer[e.target] <= layer[e.source]) return 0;
    const at = labelRoom[layer[e.target]];
    labelRoom[layer[e.target]] += e.label.height + LABEL_GAP;
    return at;
  });
  const rowTop: number[] = [];
  const widths = rows.map((r) => (r ?? []).reduce((w, i) => w + graph.sizes[i].width, 0) + NODE_GAP * Math.max(0, (r ?? []).length - 1));
  const width = Math.max(0, ...widths);
  const nodes: Point[] = graph.sizes.map(() => ({ x: 0, y: 0 }));
  let y = 0;
  rows.forEach((row, l) => {
    if (!row) return;
    y += labelRoom[l];
    rowTop[l] = y;
    let x = (width - widths[l]) / 2;
    const height = Math.max(...row.map((i) => graph.sizes[i].height));
    for (const i of row) {
      nodes[i] = { x, y: y + (height - graph.sizes[i].height) / 2 };
      x += graph.sizes[i].width + NODE_GAP;
    }
    y += height + LAYER_GAP;
  });
  let lane = width + LANE_GAP;
  const edges = graph.edges.map((e, i) => {
    const [s, t] = [graph.sizes[e.source], graph.sizes[e.target]];
    const [a, b] = [nodes[e.source], nodes[e.target]];
    if (layer[e.target] > layer[e.source]) {
      const from = { x: a.x + s.width / 2, y: a.y + s.height };
      const to = { x: b.x + t.width / 2, y: b.y };
      const room = labelRoom[layer[e.target]];
      const jog = rowTop[layer[e.target]] - room - LAYER_GAP / 2;
      const points = [from, { x: from.x, y: jog }, { x: to.x, y: jog }, to];
      return { points, ...(e.label ? { label: { x: to.x - e.label.width / 2, y: rowTop[layer[e.target]] - room + slot[i] } } : {}) };
    }
    const x = lane;
    lane += LANE_GAP;
    const from = { x: a.x + s.width, y: a.y + s.height / 2 };
    const to = { x: b.x + t.width, y: b.y + t.height / 2 };
    return { points: [from, { x, y: from.y }, { x, y: to.y }, to], ...(e.label ? { label: { x: x - e.label.width / 2, y: (from.y + to.y) / 2 - e.label.height / 2 } } : {}) };
  });
  return { width: lane > width + LANE_GAP ? lane : width, height: Math.max(0, y - LAYER_GAP), nodes, edges };
}
