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

function analyze(scope: Scope): ScopeReachability {
  const reached = new Set<StateModel>();
  const start = scope.startAt?.target;
  if (start) {
    const stack = [start];
    reached.add(start);
    while (stack.length > 0) {
      for (const ref of stack.pop()!.transitions) {
        if (ref.target && !reached.has(ref.target)) {
          reached.add(ref.target);
          stack.push(ref.target);
        }
      }
    }
  }
  const unresolved: StateReference[] = scope.startAt && !scope.startAt.target ? [scope.startAt] : [];
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
  const terminals = scope.states.filter(isTerminal);
  const canEnd = new Set<StateModel>(terminals);
  const stack = [...terminals];
  while (stack.length > 0) {
    for (const from of incoming.get(stack.pop()!) ?? []) {
      if (!canEnd.has(from)) {
        canEnd.add(from);
        stack.push(from);
      }
    }
  }
  return { scope, reached, canEnd, terminals, unresolved };
}
