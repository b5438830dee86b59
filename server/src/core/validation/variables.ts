import { memoized } from '../model/modelMemo';
import type { PropertyNode } from '../document/ast';
import { getValue } from '../document/ast';
import type { Scope, StateMachineModel, StateModel } from '../model/types';

export interface Assignment {
  name: string;
  key: PropertyNode;
  state: StateModel;
  /** The scope whose variables this writes: a catcher's Assign on a Map or Parallel writes the state's own scope. */
  scope: Scope;
}

/** Every variable assignment: state `Assign`, Choice rule `Assign`, Catcher `Assign` (asl-reference §4). */
export function assignments(model: StateMachineModel): Assignment[] {
  return memoized(model, assignments, () => collectAssignments(model));
}

function collectAssignments(model: StateMachineModel): Assignment[] {
  const found: Assignment[] = [];
  const collect = (state: StateModel, holder: unknown) => {
    const assign = getValue(holder as never, 'Assign');
    if (assign?.kind !== 'object') return;
    for (const key of assign.properties) {
      const name = state.queryLanguage === 'JSONPath' && key.key.endsWith('.$') ? key.key.slice(0, -2) : key.key;
      found.push({ name, key, state, scope: state.scope });
    }
  };
  for (const state of model.states) {
    if (state.node.kind !== 'object') continue;
    collect(state, state.node);
    for (const rule of state.choiceRules) collect(state, rule.node);
    for (const catcher of state.catchers) collect(state, catcher.node);
  }
  return found;
}

/** Names assigned in each scope, computed once per model. */
export function assignedByScope(model: StateMachineModel): Map<Scope, Set<string>> {
  return memoized(model, assignedByScope, () => namesByScope(model));
}

function namesByScope(model: StateMachineModel): Map<Scope, Set<string>> {
  const byScope = new Map<Scope, Set<string>>();
  for (const a of assignments(model)) {
    const names = byScope.get(a.scope);
    if (names) names.add(a.name);
    else byScope.set(a.scope, new Set([a.name]));
  }
  return byScope;
}

/** The scopes enclosing `scope`, innermost first (not including it). */
export function outerScopes(scope: Scope): Scope[] {
  const chain: Scope[] = [];
  for (let s = scope.parent; s; s = s.parent) chain.push(s);
  return chain;
}
