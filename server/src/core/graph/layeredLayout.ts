import { assignTracks, placePorts, type PortWish } from './edgePorts';
import type { FlatGraph, FlatLayout } from './flatLayout';
import { layerGraph } from './layerGraph';
import { orderLayers, placeLayers } from './placeLayers';

type Point = { x: number; y: number };

/** Height of the gap between two layers of state boxes, and next to a layer of labels only. */
const LAYER_GAP = 36;
const LABEL_GAP = 20;
/** Tracks in a gap: this far apart, and this far from the boxes above and below (room for an arrowhead). */
const TRACK_STEP = 6;
const TRACK_MARGIN = 10;
/** Lanes beside the layout (back edges, long edges): this far from what they pass and from each other. */
const LANE_GAP = 14;

/** A lane: the vertical part shared by the back or long edges into one target, right of all it passes. */
interface Lane {
  target: number;
  edges: number[];
  /** The gaps (-1: above the first layer) its vertical part runs between. */
  top: number;
  bottom: number;
  /** Half the widest label on it (labels sit on the lane, centred). */
  half: number;
  x: number;
}

/** A horizontal segment in a gap, given a track there. */
interface Segment {
  gap: number;
  from: number;
  to: number;
  y: number;
}

/**
 * The layout of one States block, written for the shape of state machines: layers top-down (layerGraph), each
 * in an order that keeps Choice rules left to right and a position that keeps chains straight (placeLayers);
 * edges leave a box at its bottom and enter at its top, bend only in the gaps between layers (each bend on its
 * own track there), pass a layer through a slot of their own, and carry their label in that slot. Back edges
 * (loops) and long forward edges run up or down in lanes at the right of everything they pass. Edges thus never
 * cross a box. Linear in the size of the block, apart from lanes (each checks the layers it passes).
 */
export function layeredLayout(graph: FlatGraph): FlatLayout {
  const layered = layerGraph(graph);
  orderLayers(layered);
  const x = placeLayers(layered);
  const { nodes, layers, chains, laned } = layered;
  const L = layers.length;
  const rowHeight = layers.map((layer) => layer.reduce((h, v) => Math.max(h, nodes[v].height), 0));
  const rowRight = layers.map((layer) => layer.reduce((r, v) => Math.max(r, x[v] + nodes[v].width / 2), 0));
  const hasBoxes = layers.map((layer) => layer.some((v) => nodes[v].real !== undefined));
  const left = (v: number) => x[v] - nodes[v].width / 2;

  // Lanes, one per target, innermost (shortest) first so that longer ones go round them.
  const lanesByTarget = new Map<number, Lane>();
  for (const i of laned) {
    const e = graph.edges[i];
    const [from, to] = [nodes[e.source].layer, nodes[e.target].layer];
    const lane = lanesByTarget.get(e.target) ?? { target: e.target, edges: [], top: to - 1, bottom: to - 1, half: 0, x: 0 };
    lane.edges.push(i);
    lane.top = Math.min(lane.top, from);
    lane.bottom = Math.max(lane.bottom, from);
    lane.half = Math.max(lane.half, (e.label?.width ?? 0) / 2);
    lanesByTarget.set(e.target, lane);
  }
  const lanes = [...lanesByTarget.values()].sort((a, b) => a.bottom - a.top - (b.bottom - b.top) || a.target - b.target);
  let width = rowRight.reduce((w, r) => Math.max(w, r), 0);
  const placed: Lane[] = [];
  for (const lane of lanes) {
    let at = 0;
    for (let r = Math.max(0, lane.top); r <= Math.min(L - 1, lane.bottom + 1); r++) at = Math.max(at, rowRight[r]);
    at += LANE_GAP + lane.half;
    for (const p of placed) if (p.top <= lane.bottom && p.bottom >= lane.top) at = Math.max(at, p.x + p.half + LANE_GAP + lane.half);
    lane.x = at;
    placed.push(lane);
    width = Math.max(width, at + lane.half + LANE_GAP / 2);
  }

  // Ports: where each edge leaves its source's bottom and enters its target's top (bend points: their centre).
  const exitX = new Map<number, number>();
  const entryX = new Map<number, number>();
  const exits: { edge: number; wish: PortWish }[][] = nodes.map(() => []);
  for (const [v, node] of nodes.entries()) for (const hop of node.out) exits[v].push({ edge: hop.edge, wish: { want: x[hop.to], order: hop.edge } });
  for (const i of laned) exits[graph.edges[i].source].push({ edge: i, wish: { want: Infinity, order: i } });
  for (let v = 0; v < graph.sizes.length; v++) {
    const xs = placePorts(left(v), nodes[v].width, exits[v].map((p) => p.wish));
    exits[v].forEach((p, k) => exitX.set(p.edge, xs[k]));
  }
  const laneEntry = new Map<number, number>();
  for (let v = 0; v < graph.sizes.length; v++) {
    const wishes = nodes[v].in.map((hop) => ({ edge: hop.edge, wish: { want: nodes[hop.from].real === undefined ? x[hop.from] : exitX.get(hop.edge)!, order: hop.edge } }));
    const lane = lanesByTarget.get(v);
    if (lane) wishes.push({ edge: -1, wish: { want: Infinity, order: Infinity } });
    const xs = placePorts(left(v), nodes[v].width, wishes.map((p) => p.wish));
    wishes.forEach((p, k) => (p.edge < 0 ? laneEntry.set(v, xs[k]) : entryX.set(p.edge, xs[k])));
  }
  const hopOf = (chain: number[], k: number, edge: number) => nodes[chain[k - 1]].out.find((h) => h.to === chain[k] && h.edge === edge)!;
  const exitOf = (hop: { from: number; edge: number }) => (nodes[hop.from].real === undefined ? x[hop.from] : exitX.get(hop.edge)!);
  const entryOf = (hop: { to: number; edge: number }) => (nodes[hop.to].real === undefined ? x[hop.to] : entryX.get(hop.edge)!);

  // Horizontal segments per gap: a hop's bend (when its ends are not in line), a lane's way in and out.
  const segments: Segment[] = [];
  const bends = new Map<string, Segment>();
  chains.forEach((chain, i) => {
    for (let k = 1; k < chain.length; k++) {
      const hop = hopOf(chain, k, i);
      const [a, b] = [exitOf(hop), entryOf(hop)];
      if (Math.abs(a - b) < 1) continue;
      const s = { gap: nodes[hop.from].layer, from: a, to: b, y: 0 };
      bends.set(`${i}:${k}`, s);
      segments.push(s);
    }
  });
  const laneOut = new Map<number, Segment>();
  const laneIn = new Map<Lane, Segment>();
  for (const lane of lanes) {
    for (const i of lane.edges) {
      const s = { gap: nodes[graph.edges[i].source].layer, from: exitX.get(i)!, to: lane.x, y: 0 };
      laneOut.set(i, s);
      segments.push(s);
    }
    const s = { gap: nodes[lane.target].layer - 1, from: laneEntry.get(lane.target)!, to: lane.x, y: 0 };
    laneIn.set(lane, s);
    segments.push(s);
  }

  // Gap heights from their tracks, then each layer's top (boxes centred in their layer's height).
  const inGap: Segment[][] = Array.from({ length: L + 1 }, () => []);
  for (const s of segments) inGap[s.gap + 1].push(s);
  const gapTracks = inGap.map((list) => {
    const { track, tracks } = assignTracks(list);
    return { track, tracks };
  });
  const gapHeight = inGap.map((_, g) => {
    const tracks = gapTracks[g].tracks;
    const needed = tracks > 0 ? (tracks - 1) * TRACK_STEP + 2 * TRACK_MARGIN : 0;
    const inner = g > 0 && g < L;
    return Math.max(needed, !inner ? 0 : hasBoxes[g - 1] && hasBoxes[g] ? LAYER_GAP : LABEL_GAP);
  });
  const rowTop: number[] = [];
  let y = gapHeight[0];
  for (let l = 0; l < L; l++) {
    rowTop[l] = y;
    y += rowHeight[l] + gapHeight[l + 1];
  }
  const height = y;
  inGap.forEach((list, g) => {
    const top = g === 0 ? 0 : rowTop[g - 1] + rowHeight[g - 1];
    const first = top + (gapHeight[g] - (gapTracks[g].tracks - 1) * TRACK_STEP) / 2;
    list.forEach((s, k) => (s.y = first + gapTracks[g].track[k] * TRACK_STEP));
  });
  const topOf = (v: number) => rowTop[nodes[v].layer] + (rowHeight[nodes[v].layer] - nodes[v].height) / 2;
  // An edge passes a bend point's or label's layer from its top to its bottom.
  const upper = (v: number) => (nodes[v].real === undefined ? rowTop[nodes[v].layer] : topOf(v));
  const lower = (v: number) => (nodes[v].real === undefined ? rowTop[nodes[v].layer] + rowHeight[nodes[v].layer] : topOf(v) + nodes[v].height);

  const edges = graph.edges.map((e, i) => {
    if (laned.has(i)) {
      const lane = lanesByTarget.get(e.target)!;
      const [out, into] = [laneOut.get(i)!, laneIn.get(lane)!];
      const [ex, nx] = [exitX.get(i)!, laneEntry.get(e.target)!];
      const points = [{ x: ex, y: lower(e.source) }, { x: ex, y: out.y }, { x: lane.x, y: out.y }, { x: lane.x, y: into.y }, { x: nx, y: into.y }, { x: nx, y: upper(e.target) }];
      const down = into.y > out.y;
      const label = e.label && { x: lane.x - e.label.width / 2, y: down ? out.y + 4 : out.y - 4 - e.label.height };
      return { points: tidy(points), ...(label ? { label } : {}) };
    }
    const chain = chains[i];
    const points: Point[] = [];
    let label: Point | undefined;
    for (let k = 1; k < chain.length; k++) {
      const hop = hopOf(chain, k, i);
      // Through a bend point, go on at the x the edge came in (an end snapped into line may be off by under 1).
      const a = k > 1 ? points[points.length - 1].x : exitOf(hop);
      const bend = bends.get(`${i}:${k}`);
      const b = bend ? entryOf(hop) : a;
      points.push({ x: a, y: lower(hop.from) });
      if (bend) points.push({ x: a, y: bend.y }, { x: b, y: bend.y });
      points.push({ x: b, y: upper(hop.to) });
      const v = chain[k];
      if (e.label && nodes[v].real === undefined && nodes[v].width > 0) label = { x: left(v), y: topOf(v) };
    }
    return { points: tidy(points), ...(label ? { label } : {}) };
  });
  return { width, height, nodes: graph.sizes.map((_, v) => ({ x: left(v), y: topOf(v) })), edges };
}

/** Drops repeated points and the middle of three in a line. */
function tidy(points: Point[]): Point[] {
  const result: Point[] = [];
  for (const p of points) {
    const last = result[result.length - 1];
    if (last && Math.abs(last.x - p.x) < 0.01 && Math.abs(last.y - p.y) < 0.01) continue;
    const before = result[result.length - 2];
    if (before && last && ((Math.abs(before.x - last.x) < 0.01 && Math.abs(last.x - p.x) < 0.01) || (Math.abs(before.y - last.y) < 0.01 && Math.abs(last.y - p.y) < 0.01))) result.pop();
    result.push(p);
  }
  return result;
}
