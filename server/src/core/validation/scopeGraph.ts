import { memoized } from '../model/modelMemo';
import { getValue } from '../document/ast';
import type { Scope, StateMachineModel, StateModel, StateReference } from '../model/types';

export interface ScopeReachability {
  scope: Scope;
  /** States reached from StartAt (empty when StartAt does not resolve). */
  reached: Set<StateModel>;
  /** States from which some terminal state (Succeed, Fail, End: true) can be reached. */
  canEnd: Set<StateModel>;
  terminals: StateModel[];
  /**
   * References of this block that name no state of it (StartAt included), in document order: a misspelled or
   * misplaced name, or a `${Placeholder}` filled in at deploy time. While there is one, what the block cannot
   * reach or finish is a consequence of it, not a problem of its own.
   */
  unresolved: StateReference[];
}

export function isTerminal(state: StateModel): boolean {
  if (state.type === 'Succeed' || state.type === 'Fail') return true;
  const end = getValue(state.node, 'End');
  return end?.kind === 'boolean' && end.value;
}

/** Forward and backward reachability of each States block (indexed by `scope.id`), computed once per model in linear time. */
export function scopeReachability(model: StateMachineModel): ScopeReachability[] {
  return memoized(model, scopeReachability, () => model.scopes.map((scope) => analyze(scope)));
}

// Each walk is a function of its own: V8 compiles a long loop while it runs (on-stack replacement), and code
// compiled so inside one big function stopped at the first line after the loop that had not run yet, once per
// States block (275 deoptimizations in the first analysis of a 5,000-state machine).
function analyze(scope: Scope): ScopeReachability {
  const start = scope.startAt?.target;
  const reached = start ? reachedFrom(start) : new Set<StateModel>();
  const unresolved: StateReference[] = scope.startAt && !scope.startAt.target ? [scope.startAt] : [];
  const incoming = predecessors(scope, unresolved);
  const terminals = scope.states.filter(isTerminal);
  return { scope, reached, canEnd: reachingAny(terminals, incoming), terminals, unresolved };
}

/** Each state's predecessors in the block; references that name no state go to `unresolved`. */
function predecessors(scope: Scope, unresolved: StateReference[]): Map<StateModel, StateModel[]> {
  const incoming = new Map<StateModel, StateModel[]>();
  for (const state of scope.states) {
    for (const ref of state.transitions) {
      if (!ref.target) {
        unresolved.push(ref);
        continue;
      }
      const list = incoming.get(ref.target);
      if (list) list.push(state);
      else incoming.set(ref.target, [state]);
    }
  }
  return incoming;
}

/** The states reached from `start` by transitions. */
function reachedFrom(start: StateModel): Set<StateModel> {
  const reached = new Set<StateModel>([start]);
  const stack = [start];
  while (stack.length > 0) {
    for (const ref of stack.pop()!.transitions) {
      if (ref.target && !reached.has(ref.target)) {
        reached.add(ref.target);
        stack.push(ref.target);
      }
    }
  }
  return reached;
}

/** The states from which one of `targets` can be reached, given each state's predecessors. */
function reachingAny(targets: StateModel[], incoming: Map<StateModel, StateModel[]>): Set<StateModel> {
  const found = new Set<StateModel>(targets);
  const stack = [...targets];
  while (stack.length > 0) {
    for (const from of incoming.get(stack.pop()!) ?? []) {
      if (!found.has(from)) {
        found.add(from);
        stack.push(from);
      }
    }
  }
  return found;
}
