import type { FlatGraph, FlatLayout } from './flatLayout';
import type { LaidOutEdge, LaidOutNode, Layout } from './graphLayout';
import type { GraphEdge, GraphModel, GraphNode } from './graphModel';
import { arrangeGroups } from './arrangeGroups';
import { LayoutCache } from './layoutCache';
import { edgeLabelSize, nodeSize, textWidth } from './nodeSize';

/** The margin around the whole picture. */
const MARGIN = 12;

/** A laid-out States block (or the inside of a compound), relative to its own top-left corner. */
interface Placed {
  width: number;
  height: number;
  nodes: LaidOutNode[];
  edges: LaidOutEdge[];
}

/** Lays out one States block. */
export type FlatLayouter = (flat: FlatGraph) => FlatLayout;

/**
 * Lays out a graph bottom-up: every States block (the machine, each Parallel branch, each Map processor) is its
 * own flat graph in which a Parallel or Map is one box, sized from the layouts of its blocks, which are done
 * first (the graph model never has an edge between blocks). Flat layouts come from `cache` when a block's
 * structure is unchanged.
 */
export function layoutGraph(graph: GraphModel, cache = new LayoutCache()): Layout {
  return arrangeLayout(graph, (flat) => cache.layout(flat));
}

/** layoutGraph's bottom-up arrangement with any flat layouter. */
export function arrangeLayout(graph: GraphModel, layoutFlat: FlatLayouter): Layout {
  const nodesIn = new Map<string | undefined, GraphNode[]>();
  const parentOf = new Map<string, string | undefined>();
  for (const n of graph.nodes) {
    parentOf.set(n.id, n.parent);
    const list = nodesIn.get(n.parent);
    if (list) list.push(n);
    else nodesIn.set(n.parent, [n]);
  }
  const edgesIn = new Map<string | undefined, GraphEdge[]>();
  for (const e of graph.edges) {
    const scope = parentOf.get(e.source);
    // buildGraph keeps every edge inside its States block; anything else has no place in a flat layout.
    if (!parentOf.has(e.source) || !parentOf.has(e.target) || parentOf.get(e.target) !== scope) continue;
    const list = edgesIn.get(scope);
    if (list) list.push(e);
    else edgesIn.set(scope, [e]);
  }
  const groupLabels = new Map(graph.groups.map((g) => [g.id, g.label]));

  const layoutScope = (scope: string | undefined, seen: Set<string>): Placed => {
    const nodes = nodesIn.get(scope) ?? [];
    const inner = nodes.map((n) => (n.groups ? layoutCompound(n, seen) : undefined));
    const index = new Map(nodes.map((n, i) => [n.id, i]));
    const edges = edgesIn.get(scope) ?? [];
    const flat: FlatGraph = {
      sizes: nodes.map((n, i) => (inner[i] ? { width: inner[i].width, height: inner[i].height } : nodeSize(n))),
      edges: edges.map((e) => ({ source: index.get(e.source)!, target: index.get(e.target)!, ...(e.label ? { label: edgeLabelSize(e.label) } : {}) })),
    };
    const laid = layoutFlat(flat);
    const placed: Placed = { width: laid.width, height: laid.height, nodes: [], edges: [] };
    nodes.forEach((n, i) => {
      const { x, y } = laid.nodes[i];
      placed.nodes.push({ id: n.id, x, y, ...flat.sizes[i] });
      const sub = inner[i];
      if (sub) {
        for (const c of sub.nodes) placed.nodes.push({ ...c, x: c.x + x, y: c.y + y });
        for (const e of sub.edges) placed.edges.push(moveEdge(e, x, y));
      }
    });
    edges.forEach((e, i) => {
      const { points, label } = laid.edges[i];
      placed.edges.push({
        id: e.id,
        points: points.map((p) => ({ x: p.x, y: p.y })),
        ...(label && e.label ? { label: { text: e.label, x: label.x, y: label.y, ...flat.edges[i].label! } } : {}),
      });
    });
    return placed;
  };

  /** A Parallel or Map: its blocks laid out, then framed as group boxes side by side in Branches order. */
  const layoutCompound = (node: GraphNode, seen: Set<string>): Placed | undefined => {
    const groups = node.groups!.filter((g) => !seen.has(g));
    const inside = new Set([...seen, ...groups]);
    const blocks = groups.map((g) => layoutScope(g, inside));
    const labelWidths = groups.map((g) => textWidth(groupLabels.get(g) ?? '', 6.2) + 16);
    const arranged = arrangeGroups(blocks, labelWidths, Math.min(textWidth(`${node.label} · ${node.kind}`, 7.2) + 28, 320));
    const placed: Placed = { width: arranged.width, height: arranged.height, nodes: [], edges: [] };
    groups.forEach((g, i) => {
      const frame = arranged.groups[i];
      placed.nodes.push({ id: g, ...frame });
      for (const c of blocks[i].nodes) placed.nodes.push({ ...c, x: c.x + frame.x + frame.padX, y: c.y + frame.y + frame.padY });
      for (const e of blocks[i].edges) placed.edges.push(moveEdge(e, frame.x + frame.padX, frame.y + frame.padY));
    });
    return placed;
  };

  const root = layoutScope(undefined, new Set());
  const layout: Layout = { width: root.width + 2 * MARGIN, height: root.height + 2 * MARGIN, nodes: {}, edges: {} };
  for (const n of root.nodes) layout.nodes[n.id] = { ...n, x: n.x + MARGIN, y: n.y + MARGIN };
  for (const e of root.edges) layout.edges[e.id] = moveEdge(e, MARGIN, MARGIN);
  return layout;
}

function moveEdge(edge: LaidOutEdge, dx: number, dy: number): LaidOutEdge {
  return {
    id: edge.id,
    points: edge.points.map((p) => ({ x: p.x + dx, y: p.y + dy })),
    ...(edge.label ? { label: { ...edge.label, x: edge.label.x + dx, y: edge.label.y + dy } } : {}),
  };
}
