import type { FlatGraph, FlatLayout } from './flatLayout';
import type { Layout } from './graphLayout';
import type { GraphModel } from './graphModel';
import { arrangeLayout } from './layoutGraph';
import { layering } from './longEdges';

type Point = { x: number; y: number };

const NODE_GAP = 28;
const LAYER_GAP = 36;
const LANE_GAP = 12;

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
 * source's bottom to its target's top with one horizontal jog (its label at the jog), an edge going up (a loop)
 * runs in a lane on the right.
 */
export function quickFlat(graph: FlatGraph): FlatLayout {
  const { layer } = layering(graph);
  const rows: number[][] = [];
  layer.forEach((l, i) => (rows[l] ??= []).push(i));
  const labelRoom = new Array<number>(rows.length).fill(0);
  for (const e of graph.edges) if (e.label && layer[e.target] > layer[e.source]) labelRoom[layer[e.target]] = Math.max(labelRoom[layer[e.target]], e.label.height + 4);
  const widths = rows.map((r) => (r ?? []).reduce((w, i) => w + graph.sizes[i].width, 0) + NODE_GAP * Math.max(0, (r ?? []).length - 1));
  const width = Math.max(0, ...widths);
  const nodes: Point[] = graph.sizes.map(() => ({ x: 0, y: 0 }));
  let y = 0;
  rows.forEach((row, l) => {
    if (!row) return;
    y += labelRoom[l];
    let x = (width - widths[l]) / 2;
    const height = Math.max(...row.map((i) => graph.sizes[i].height));
    for (const i of row) {
      nodes[i] = { x, y: y + (height - graph.sizes[i].height) / 2 };
      x += graph.sizes[i].width + NODE_GAP;
    }
    y += height + LAYER_GAP;
  });
  let lane = width + LANE_GAP;
  const edges = graph.edges.map((e) => {
    const [s, t] = [graph.sizes[e.source], graph.sizes[e.target]];
    const [a, b] = [nodes[e.source], nodes[e.target]];
    if (layer[e.target] > layer[e.source]) {
      const from = { x: a.x + s.width / 2, y: a.y + s.height };
      const to = { x: b.x + t.width / 2, y: b.y };
      const jog = to.y - LAYER_GAP / 2;
      const points = [from, { x: from.x, y: jog }, { x: to.x, y: jog }, to];
      return { points, ...(e.label ? { label: { x: (from.x + to.x) / 2 - e.label.width / 2, y: jog - e.label.height / 2 } } : {}) };
    }
    const x = lane;
    lane += LANE_GAP;
    const from = { x: a.x + s.width, y: a.y + s.height / 2 };
    const to = { x: b.x + t.width, y: b.y + t.height / 2 };
    return { points: [from, { x, y: from.y }, { x, y: to.y }, to], ...(e.label ? { label: { x: x - e.label.width / 2, y: (from.y + to.y) / 2 - e.label.height / 2 } } : {}) };
  });
  return { width: lane > width + LANE_GAP ? lane : width, height: Math.max(0, y - LAYER_GAP), nodes, edges };
}
