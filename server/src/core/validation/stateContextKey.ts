import { getValue } from '../document/ast';
import { insideDistributedMap } from '../model/insideDistributedMap';
import type { Scope, StateMachineModel, StateModel } from '../model/types';
import { assignedByScope } from './variables';

const raisedCache = new WeakMap<StateMachineModel, Set<string>>();

/** Error names the machine raises itself in Fail states, computed once per model. */
export function raisedErrorNames(model: StateMachineModel): Set<string> {
  const cached = raisedCache.get(model);
  if (cached) return cached;
  const names = new Set<string>();
  raisedCache.set(model, names);
  for (const state of model.states) {
    const error = state.type === 'Fail' ? getValue(state.node, 'Error') : undefined;
    if (error?.kind === 'string') names.add(error.value);
  }
  return names;
}

/**
 * For one version of a machine: the key of everything outside a state's own syntax tree that state rules read.
 * Two versions of a state with the same text and the same key get the same problems.
 */
export function stateContextKeys(model: StateMachineModel): (state: StateModel) => string {
  const byScope = assignedByScope(model);
  // Only 'States.' names change what error-equals-names says about a name.
  const raised = [...raisedErrorNames(model)].filter((n) => n.startsWith('States.')).sort().join(',');
  const machine = `${model.queryLanguage}\u0000${raised}`;
  const ofScope = new Map<Scope, string>();
  const scopeKey = (scope: Scope): string => {
    let key = ofScope.get(scope);
    if (key === undefined) {
      const names = [...(byScope.get(scope) ?? [])].sort().join(',');
      key = `${scope.parent ? scopeKey(scope.parent) : ''}${scope.distributed ? '|D:' : '|'}${names}`;
      ofScope.set(scope, key);
    }
    return key;
  };
  return (state) => `${state.name}\u0000${state.queryLanguage}\u0000${insideDistributedMap(state.scope)}\u0000${machine}\u0000${scopeKey(state.scope)}`;
}
