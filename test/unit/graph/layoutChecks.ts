import type { Layout } from '../../../server/src/core/graph/graphLayout';
import type { GraphModel } from '../../../server/src/core/graph/graphModel';

type Box = { x: number; y: number; width: number; height: number };

const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 0.5 && inner.y >= outer.y - 0.5 && inner.x + inner.width <= outer.x + outer.width + 0.5 && inner.y + inner.height <= outer.y + outer.height + 0.5;

/** The ids of a node's enclosing groups and compound states, innermost first. */
function ancestors(graph: GraphModel): Map<string, string[]> {
  const parent = new Map<string, string | undefined>();
  for (const n of graph.nodes) parent.set(n.id, n.parent);
  for (const g of graph.groups) parent.set(g.id, g.owner);
  const result = new Map<string, string[]>();
  for (const id of parent.keys()) {
    const chain: string[] = [];
    for (let p = parent.get(id); p && !chain.includes(p); p = parent.get(p)) chain.push(p);
    result.set(id, chain);
  }
  return result;
}

/** Problems with a layout that a reader would see: each as a sentence naming what is wrong. */
export function layoutProblems(graph: GraphModel, layout: Layout): string[] {
  const problems: string[] = [];
  const label = (id: string) => graph.nodes.find((n) => n.id === id)?.label ?? graph.groups.find((g) => g.id === id)?.label ?? id;
  const chains = ancestors(graph);
  for (const [id, chain] of chains) {
    const box = layout.nodes[id];
    if (!box) {
      problems.push(`${label(id)} is not laid out`);
      continue;
    }
    if (chain[0] && layout.nodes[chain[0]] && !inside(box, layout.nodes[chain[0]])) problems.push(`${label(id)} sticks out of ${label(chain[0])}`);
  }
  const boxes = [...chains.keys()].filter((id) => layout.nodes[id] && !graph.groups.some((g) => g.id === id));
  for (const e of graph.edges) {
    const points = layout.edges[e.id]?.points ?? [];
    if (points.length < 2) {
      problems.push(`edge ${label(e.source)} -> ${label(e.target)} has no route`);
      continue;
    }
    const exempt = new Set([e.source, e.target, ...chains.get(e.source)!, ...chains.get(e.target)!]);
    for (let i = 1; i < points.length; i++) {
      const [a, b] = [points[i - 1], points[i]];
      if (Math.abs(a.x - b.x) > 0.01 && Math.abs(a.y - b.y) > 0.01) problems.push(`edge ${label(e.source)} -> ${label(e.target)} has a slanted segment`);
      const seg = { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y) };
      for (const id of boxes) {
        if (exempt.has(id)) continue;
        const n = layout.nodes[id];
        if (seg.x < n.x + n.width - 1 && seg.x + seg.width > n.x + 1 && seg.y < n.y + n.height - 1 && seg.y + seg.height > n.y + 1) {
          problems.push(`edge ${label(e.source)} -> ${label(e.target)} runs through ${label(id)}`);
        }
      }
    }
  }
  return problems;
}

const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Labels that do not sit on their own edge, or that cover a state box or another label. */
export function labelProblems(graph: GraphModel, layout: Layout): string[] {
  const problems: string[] = [];
  const states = graph.nodes.filter((n) => !n.groups).map((n) => ({ name: n.label, box: layout.nodes[n.id] }));
  const labelled = graph.edges.filter((e) => layout.edges[e.id]?.label);
  for (const [k, e] of labelled.entries()) {
    const { label, points } = layout.edges[e.id];
    const on = points.some((p, i) => {
      if (i === 0) return false;
      const q = points[i - 1];
      const seg = { x: Math.min(p.x, q.x), y: Math.min(p.y, q.y), width: Math.abs(p.x - q.x) + 0.01, height: Math.abs(p.y - q.y) + 0.01 };
      return overlap(seg, label!);
    });
    if (!on) problems.push(`label ${label!.text} is off its edge`);
    for (const s of states) if (overlap(label!, s.box)) problems.push(`label ${label!.text} covers ${s.name}`);
    for (const other of labelled.slice(k + 1)) if (overlap(label!, layout.edges[other.id].label!)) problems.push(`label ${label!.text} covers label ${layout.edges[other.id].label!.text}`);
  }
  return problems;
}
