import type { ElkExtendedEdge } from 'elkjs/lib/elk-api';
import type { ElkEngine } from './elkEngine';
import { joinInLanes, type CutEdge } from './laneRoutes';
import { layeredFallback } from './layeredFallback';
import { layering, longEdges } from './longEdges';

type Size = { width: number; height: number };
type Point = { x: number; y: number };

/**
 * One States block as a flat graph: boxes in model order (a Parallel or Map is one box of its final size) and the
 * edges between them by index, in model order (Choice rules first to last). Nothing else reaches ELK, so two
 * blocks with the same FlatGraph get the same layout.
 */
export interface FlatGraph {
  sizes: Size[];
  edges: { source: number; target: number; label?: Size }[];
}

/** The layout of a FlatGraph, relative to its top-left corner (no padding). */
export interface FlatLayout {
  width: number;
  height: number;
  nodes: Point[];
  edges: { points: Point[]; label?: Point }[];
}

/**
 * Layered, top-down, orthogonal edges, model order kept for nodes and edges. ELK's defaults otherwise
 * (Brandes-Köpf node placement: network simplex is many times slower on long machines and draws no better).
 */
const OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.padding': '[top=0,left=0,bottom=0,right=0]',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.spacing.nodeNodeBetweenLayers': '36',
  'elk.spacing.nodeNode': '28',
  'elk.spacing.edgeLabel': '4',
};
const STUB: Size = { width: 2, height: 2 };

/** The cache key of a FlatGraph: its whole structure, written out (so equal keys mean equal layouts). */
export function flatKey(graph: FlatGraph): string {
  const nodes = graph.sizes.map((s) => `${s.width}x${s.height}`).join(',');
  const edges = graph.edges.map((e) => `${e.source}>${e.target}${e.label ? `:${e.label.width}x${e.label.height}` : ''}`).join(',');
  return `${nodes}|${edges}`;
}

/**
 * Lays out a FlatGraph with ELK. Long edges (see longEdges) go to ELK cut in two, source to a stub and a stub
 * (one per target) to the target, stubs last in model order so that ELK puts them at the right of their layers;
 * joinInLanes then joins the parts through a lane at the right.
 */
export async function layoutFlat(elk: ElkEngine, graph: FlatGraph): Promise<FlatLayout> {
  // ELK's passes recurse along paths: a chain of a few thousand states overflows the stack (in Node and in the
  // webview's worker alike), after many seconds of work. Such a block, or any ELK failure, is still drawn, with a
  // plain layered layout.
  if (longestPath(graph) > MAX_ELK_LAYERS) return layeredFallback(graph);
  try {
    return await layoutWithElk(elk, graph);
  } catch {
    return layeredFallback(graph);
  }
}

/** Past this many layers ELK is not tried (3,000 took it 10-16 s; 5,000 overflowed the stack). */
const MAX_ELK_LAYERS = 2000;

function longestPath(graph: FlatGraph): number {
  let max = 0;
  for (const l of layering(graph).layer) if (l > max) max = l;
  return max;
}

async function layoutWithElk(elk: ElkEngine, graph: FlatGraph): Promise<FlatLayout> {
  const long = longEdges(graph);
  const sizes = [...graph.sizes];
  const edges: FlatGraph['edges'] = [];
  /** Where each edge went in ELK's graph: itself, or (long) its part from the source to a stub. */
  const head: number[] = [];
  const tails = new Map<number, FlatGraph['edges'][number]>();
  graph.edges.forEach((e, i) => {
    if (!long.has(i)) {
      head[i] = edges.push(e) - 1;
      return;
    }
    const stub = sizes.push(STUB) - 1;
    head[i] = edges.push({ source: e.source, target: stub, ...(e.label ? { label: e.label } : {}) }) - 1;
    if (!tails.has(e.target)) tails.set(e.target, { source: sizes.push(STUB) - 1, target: e.target });
  });
  const tailIndex = new Map([...tails.keys()].map((target, k) => [target, edges.length + k]));
  edges.push(...tails.values());
  const laid = await runElk(elk, { sizes, edges });

  const n = graph.sizes.length;
  const boxes = graph.sizes.map((s, i) => ({ ...laid.nodes[i], ...s }));
  const cut: CutEdge[] = [];
  const cutOf: number[] = [];
  graph.edges.forEach((e, i) => {
    if (!long.has(i)) return;
    cutOf[i] = cut.push({ target: e.target, head: laid.edges[head[i]].points, tail: laid.edges[tailIndex.get(e.target)!].points }) - 1;
  });
  const others = graph.edges.flatMap((_, i) => (long.has(i) ? [] : [laid.edges[head[i]].points]));
  const lanes = cut.length ? joinInLanes(cut, boxes, others, laid.width) : { points: [], width: laid.width };
  return {
    width: lanes.width,
    height: laid.height,
    nodes: laid.nodes.slice(0, n),
    edges: graph.edges.map((_, i) => {
      const own = laid.edges[head[i]];
      return { ...own, points: long.has(i) ? lanes.points[cutOf[i]] : own.points };
    }),
  };
}

/** One ELK run: nodes `n<i>`, edges `e<i>`, labels sized (ELK ignores a label without text), positions read back by index. */
async function runElk(elk: ElkEngine, graph: FlatGraph): Promise<FlatLayout> {
  const edges: ElkExtendedEdge[] = graph.edges.map((e, i) => ({
    id: `e${i}`,
    sources: [`n${e.source}`],
    targets: [`n${e.target}`],
    // Inline: the edge runs through its label (drawn on a background), so each label sits on its own edge.
    ...(e.label ? { labels: [{ id: `l${i}`, text: 'label', ...e.label, layoutOptions: { 'elk.edgeLabels.inline': 'true' } }] } : {}),
  }));
  const root = await elk.layout({ id: 'root', layoutOptions: OPTIONS, children: graph.sizes.map((s, i) => ({ id: `n${i}`, ...s })), edges });
  const byId = new Map((root.children ?? []).map((c) => [c.id, c]));
  const laidEdges = new Map(((root.edges ?? []) as ElkExtendedEdge[]).map((e) => [e.id, e]));
  return {
    width: root.width ?? 0,
    height: root.height ?? 0,
    nodes: graph.sizes.map((_, i) => {
      const node = byId.get(`n${i}`);
      return { x: node?.x ?? 0, y: node?.y ?? 0 };
    }),
    edges: graph.edges.map((e, i) => {
      const laid = laidEdges.get(`e${i}`);
      const points = (laid?.sections ?? []).flatMap((s) => [s.startPoint, ...(s.bendPoints ?? []), s.endPoint]).map((p) => ({ x: p.x, y: p.y }));
      const label = laid?.labels?.[0];
      return { points, ...(e.label && label ? { label: { x: label.x ?? 0, y: label.y ?? 0 } } : {}) };
    }),
  };
}
