import type { GraphEdge, GraphModel } from '../../../../server/src/core/graph/graphModel';
import type { RunStep } from '../shared/graphMessages';

/**
 * The edges a run took, from its steps in history order. Within each States block, a state entered right after
 * another exited took the edge between them (a Catch edge if that state exited through a Catch, otherwise the
 * others); a state entered with no such edge was the block's start; a state exiting normally (or a Fail state
 * entered) took its edge to the end. Parallel branches and Map iterations that interleave can only mark edges
 * that exist, never invent one.
 */
export function takenEdges(graph: GraphModel, steps: RunStep[]): Set<string> {
  const byName = new Map(graph.nodes.filter((n) => n.span).map((n) => [n.label, n]));
  const out = new Map<string, GraphEdge[]>();
  for (const e of graph.edges) {
    const list = out.get(e.source);
    if (list) list.push(e);
    else out.set(e.source, [e]);
  }
  const startOf = new Map(graph.edges.filter((e) => e.kind === 'start').map((e) => [e.target, e]));
  const lastExit = new Map<string, RunStep & { id: string }>();
  const taken = new Set<string>();
  for (const step of steps) {
    const node = byName.get(step.state);
    if (!node) continue;
    const scope = node.parent ?? '';
    const from = out.get(node.id) ?? [];
    if (step.exit) {
      lastExit.set(scope, { ...step, id: node.id });
      if (!step.caught) for (const e of from) if (e.kind === 'end') taken.add(e.id);
      continue;
    }
    const previous = lastExit.get(scope);
    lastExit.delete(scope);
    const into = (out.get(previous?.id ?? '') ?? []).filter((e) => e.target === node.id);
    const preferred = into.filter((e) => (e.kind === 'catch') === Boolean(previous?.caught));
    for (const e of preferred.length ? preferred : into) taken.add(e.id);
    if (into.length === 0) {
      const start = startOf.get(node.id);
      if (start) taken.add(start.id);
    }
    if (node.kind === 'Fail') for (const e of from) if (e.kind === 'end') taken.add(e.id);
  }
  return taken;
}
