import { memoized } from '../model/modelMemo';
import { getValue } from '../document/ast';
import { insideDistributedMap } from '../model/insideDistributedMap';
import type { Scope, StateMachineModel, StateModel } from '../model/types';
import { assignedByScope } from './variables';

/** Error names the machine raises itself in Fail states, computed once per model. */
export function raisedErrorNames(model: StateMachineModel): Set<string> {
  return memoized(model, raisedErrorNames, () => collectRaised(model));
}

function collectRaised(model: StateMachineModel): Set<string> {
  const names = new Set<string>();
  for (const state of model.states) {
    const error = state.type === 'Fail' ? getValue(state.node, 'Error') : undefined;
    if (error?.kind === 'string') names.add(error.value);
  }
  return names;
}

/** Everything outside a state's own syntax tree that state rules read. */
export interface StateContext {
  name: string;
  queryLanguage: string;
  insideDistributedMap: boolean;
  /** The machine's query language and the `States.*` names its Fail states raise. */
  machine: string;
  /** The variables each enclosing scope assigns, and where a Distributed Map stands between them. */
  scopes: string;
}

export function sameContext(a: StateContext, b: StateContext): boolean {
  return (
    a.name === b.name &&
    a.queryLanguage === b.queryLanguage &&
    a.insideDistributedMap === b.insideDistributedMap &&
    a.machine === b.machine &&
    a.scopes === b.scopes
  );
}

/**
 * For one version of a machine: the context of each state. Two versions of a state with the same text and the
 * same context get the same problems. The parts shared by many states are computed once per version.
 */
export function stateContexts(model: StateMachineModel): (state: StateModel) => StateContext {
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
  return (state) => ({
    name: state.name,
    queryLanguage: state.queryLanguage,
    insideDistributedMap: insideDistributedMap(state.scope),
    machine,
    scopes: scopeKey(state.scope),
  });
}
