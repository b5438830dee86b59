import { getValue, plainSpan, spanEnd, type AstNode } from '../document/ast';
import type { Scope, StateMachineModel, StateModel } from '../model/types';
import type { Problem } from '../validation/types';
import { isTerminal } from '../validation/scopeGraph';
import { describeRule } from './describeRule';
import type { GraphEdge, GraphGroup, GraphModel, GraphNode } from './graphModel';

/**
 * The graph of a machine: a node per state (Parallel and Map as containers of their branch/processor
 * groups), edges for Next, Default, each Choice rule (labelled), Catch (labelled with the error names), a
 * start marker and an end marker per States block. Broken references point at 'missing' nodes.
 */
export function buildGraph(model: StateMachineModel, problems: Problem[] = []): GraphModel {
  const nodes: GraphNode[] = [];
  const groups: GraphGroup[] = [];
  const edges: GraphEdge[] = [];
  const ids = new Map<StateModel, string>();
  model.states.forEach((s, i) => ids.set(s, `s${i}`));
  const groupId = (scope: Scope) => (scope.owner ? `g${scope.id}` : undefined);
  let edgeCount = 0;
  const edge = (source: string, target: string, kind: GraphEdge['kind'], label?: string) =>
    edges.push({ id: `e${edgeCount++}`, source, target, kind, ...(label ? { label } : {}) });

  for (const scope of model.scopes) {
    const parent = groupId(scope);
    if (scope.owner) {
      const label = scope.kind === 'branch' ? `Branch ${(scope.branchIndex ?? 0) + 1}` : scope.kind === 'iterator' ? 'Iterator' : scope.distributed ? 'Item processor (distributed)' : 'Item processor';
      groups.push({ id: parent!, label, owner: ids.get(scope.owner)! });
    }
    const start = `start${scope.id}`;
    const end = `end${scope.id}`;
    nodes.push({ id: start, label: 'Start', kind: 'start', ...(parent ? { parent } : {}) });
    nodes.push({ id: end, label: 'End', kind: 'end', ...(parent ? { parent } : {}) });
    const missing = new Map<string, string>();
    const targetOf = (name: string, found: StateModel | undefined) => {
      if (found) return ids.get(found)!;
      let id = missing.get(name);
      if (!id) {
        id = `m${scope.id}_${missing.size}`;
        missing.set(name, id);
        nodes.push({ id, label: name, kind: 'missing', ...(parent ? { parent } : {}) });
      }
      return id;
    };
    if (scope.startAt) edge(start, targetOf(scope.startAt.name, scope.startAt.target), 'start');
    for (const state of scope.states) {
      const id = ids.get(state)!;
      nodes.push({
        id,
        label: state.name,
        kind: state.type ?? 'unknown',
        span: plainSpan(state.nameSpan),
        ...(parent ? { parent } : {}),
        ...(state.children.length ? { groups: state.children.map((c) => `g${c.id}`) } : {}),
        ...(state.retriers.length ? { retriers: state.retriers.length } : {}),
      });
      state.choiceRules.forEach((rule) => {
        if (rule.next) edge(id, targetOf(rule.next.name, rule.next.target), 'choice', describeRule(rule.node));
      });
      for (const ref of state.transitions) {
        if (ref.kind === 'Next') edge(id, targetOf(ref.name, ref.target), 'next');
        if (ref.kind === 'Default') edge(id, targetOf(ref.name, ref.target), 'default', 'Default');
      }
      for (const catcher of state.catchers) {
        if (catcher.next) edge(id, targetOf(catcher.next.name, catcher.next.target), 'catch', errorNames(catcher.node));
      }
      if (isTerminal(state)) edge(id, end, 'end');
    }
  }
  countProblems(model, nodes, ids, problems);
  return { nodes, groups, edges };
}

function errorNames(catcher: AstNode): string {
  const names = getValue(catcher, 'ErrorEquals');
  if (names?.kind !== 'array') return 'Catch';
  const list = names.items.filter((n) => n.kind === 'string').map((n) => (n as { value: string }).value);
  return list.length > 2 ? `${list.slice(0, 2).join(', ')} +${list.length - 2}` : list.join(', ') || 'Catch';
}

/** Puts each problem on the innermost state whose text holds it. */
function countProblems(model: StateMachineModel, nodes: GraphNode[], ids: Map<StateModel, string>, problems: Problem[]): void {
  if (problems.length === 0) return;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const sorted = [...model.states].sort((a, b) => a.property.span.offset - b.property.span.offset);
  for (const problem of problems) {
    if (problem.severity !== 'error' && problem.severity !== 'warning') continue;
    let owner: StateModel | undefined;
    for (const state of sorted) {
      if (state.property.span.offset > problem.span.offset) break;
      if (problem.span.offset <= spanEnd(state.property.span)) owner = state;
    }
    const node = owner && byId.get(ids.get(owner)!);
    if (!node) continue;
    if (problem.severity === 'error') node.errors = (node.errors ?? 0) + 1;
    else node.warnings = (node.warnings ?? 0) + 1;
  }
}
