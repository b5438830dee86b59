import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { GraphModel, GraphNode } from '../../../../server/src/core/graph/graphModel';
import type { Layout } from '../shared/graphMessages';

const CHAR = 7.2;
const LABEL_CHAR = 6.2;

export function nodeSize(node: GraphNode): { width: number; height: number } {
  if (node.kind === 'start' || node.kind === 'end') return { width: 56, height: 26 };
  return { width: Math.max(90, Math.min(260, node.label.length * CHAR + 28)), height: 38 };
}

/** Our graph as an ELK graph: layered, top-down, orthogonal, compound Parallel/Map nodes, model order kept. */
export function toElkGraph(graph: GraphModel): ElkNode {
  const byParent = new Map<string | undefined, GraphNode[]>();
  for (const n of graph.nodes) {
    const list = byParent.get(n.parent);
    if (list) list.push(n);
    else byParent.set(n.parent, [n]);
  }
  const groupsOf = new Map(graph.nodes.filter((n) => n.groups).map((n) => [n.id, n.groups!]));
  const groupLabel = new Map(graph.groups.map((g) => [g.id, g.label]));
  const build = (n: GraphNode): ElkNode => {
    const groups = groupsOf.get(n.id);
    if (!groups) return { id: n.id, ...nodeSize(n) };
    return {
      id: n.id,
      layoutOptions: {
        'elk.padding': '[top=34,left=12,bottom=12,right=12]',
        'elk.direction': n.kind === 'Parallel' ? 'RIGHT' : 'DOWN',
        'elk.algorithm': 'layered',
      },
      children: groups.map((g) => ({
        id: g,
        layoutOptions: { 'elk.padding': '[top=26,left=10,bottom=10,right=10]', 'elk.direction': 'DOWN' },
        labels: [{ text: groupLabel.get(g) ?? '' }],
        children: (byParent.get(g) ?? []).map(build),
      })),
    };
  };
  const edges: ElkExtendedEdge[] = graph.edges.map((e) => ({
    id: e.id,
    sources: [e.source],
    targets: [e.target],
    ...(e.label ? { labels: [{ text: e.label, width: Math.min(e.label.length, 48) * LABEL_CHAR + 8, height: 16 }] } : {}),
  }));
  return {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      'elk.layered.spacing.nodeNodeBetweenLayers': '36',
      'elk.spacing.nodeNode': '28',
      'elk.spacing.edgeLabel': '4',
      'elk.edgeLabels.inline': 'false',
    },
    children: (byParent.get(undefined) ?? []).map(build),
    edges,
  };
}

/** ELK positions are relative to the parent; ours are absolute. */
export function fromElkLayout(graph: GraphModel, root: ElkNode): Layout {
  const layout: Layout = { width: root.width ?? 0, height: root.height ?? 0, nodes: {}, edges: {} };
  const offsets = new Map<string, { x: number; y: number }>();
  const visit = (node: ElkNode, dx: number, dy: number) => {
    const x = dx + (node.x ?? 0);
    const y = dy + (node.y ?? 0);
    offsets.set(node.id, { x, y });
    layout.nodes[node.id] = { id: node.id, x, y, width: node.width ?? 0, height: node.height ?? 0 };
    for (const child of node.children ?? []) visit(child, x, y);
  };
  for (const child of root.children ?? []) visit(child, 0, 0);
  const labels = new Map(graph.edges.map((e) => [e.id, e.label]));
  for (const edge of (root.edges ?? []) as (ElkExtendedEdge & { container?: string })[]) {
    const base = edge.container && edge.container !== 'root' ? (offsets.get(edge.container) ?? { x: 0, y: 0 }) : { x: 0, y: 0 };
    const points = (edge.sections ?? []).flatMap((s) => [s.startPoint, ...(s.bendPoints ?? []), s.endPoint]).map((p) => ({ x: p.x + base.x, y: p.y + base.y }));
    const label = edge.labels?.[0];
    layout.edges[edge.id] = {
      id: edge.id,
      points,
      ...(label && labels.get(edge.id)
        ? { label: { text: labels.get(edge.id)!, x: (label.x ?? 0) + base.x, y: (label.y ?? 0) + base.y, width: label.width ?? 0, height: label.height ?? 0 } }
        : {}),
    };
  }
  keepBranchOrder(graph, layout);
  return layout;
}

/**
 * ELK may place a Parallel's branches in any order; put them back in Branches order, left to right, by moving
 * each branch (its box, its states and its edges) into the slots the layout already made.
 */
function keepBranchOrder(graph: GraphModel, layout: Layout): void {
  const groupOfNode = new Map<string, string>();
  for (const n of graph.nodes) if (n.parent) groupOfNode.set(n.id, n.parent);
  const inGroup = (id: string, group: string): boolean => {
    for (let g = groupOfNode.get(id); g; g = groupOfNode.get(graph.groups.find((x) => x.id === g)?.owner ?? '')) if (g === group) return true;
    return false;
  };
  for (const owner of graph.nodes.filter((n) => n.kind === 'Parallel' && n.groups && n.groups.length > 1)) {
    const boxes = owner.groups!.map((g) => layout.nodes[g]).filter(Boolean);
    if (boxes.length !== owner.groups!.length) continue;
    const byX = [...boxes].sort((a, b) => a.x - b.x);
    const left = byX[0].x;
    const span = byX.at(-1)!.x + byX.at(-1)!.width - left;
    const gap = boxes.length > 1 ? (span - boxes.reduce((sum, b) => sum + b.width, 0)) / (boxes.length - 1) : 0;
    let x = left;
    owner.groups!.forEach((group, i) => {
      const dx = x - boxes[i].x;
      x += boxes[i].width + gap;
      if (Math.abs(dx) < 0.5) return;
      for (const node of Object.values(layout.nodes)) if (node.id === group || inGroup(node.id, group)) node.x += dx;
      for (const e of graph.edges) {
        const laid = layout.edges[e.id];
        if (!laid || !inGroup(e.source, group)) continue;
        for (const p of laid.points) p.x += dx;
        if (laid.label) laid.label.x += dx;
      }
    });
  }
}
