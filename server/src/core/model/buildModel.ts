import { getProperty, getValue, type AstNode, type ObjectNode, type PropertyNode } from '../document/ast';
import {
  STATE_TYPES,
  type CatcherModel,
  type ChoiceRuleModel,
  type QueryLanguage,
  type ReferenceKind,
  type RetrierModel,
  type Scope,
  type ScopeKind,
  type StateMachineModel,
  type StateModel,
  type StateReference,
  type StateType,
} from './types';

/**
 * The states of earlier versions by their syntax node. A node reused by an incremental parse has the same text,
 * so its state keeps everything derived from that text (type, rules, retriers, catchers, references) and only
 * what depends on its place is set again (scope, nested scopes, query language, resolved targets).
 */
export type StateModelCache = WeakMap<AstNode, StateModel>;

/**
 * Builds the typed model of a state machine from a syntax tree. Tolerates any shape; never throws. With a
 * `cache`, states whose nodes were seen before are reused (moved into this model: the earlier one is no longer
 * valid).
 */
export function buildModel(root: AstNode | undefined, cache?: StateModelCache): StateMachineModel {
  const queryLanguage: QueryLanguage = getValue(root, 'QueryLanguage')?.kind === 'string' &&
    (getValue(root, 'QueryLanguage') as { value: string }).value === 'JSONata' ? 'JSONata' : 'JSONPath';
  const model: StateMachineModel = {
    root,
    queryLanguage,
    scopes: [],
    states: [],
    symbols: { definitions: new Map(), references: [] },
  };
  if (root?.kind === 'object') {
    model.rootScope = buildScope(model, root, 'root', undefined, undefined, false, cache);
  }
  for (const scope of model.scopes) {
    if (scope.startAt) scope.startAt.target = scope.byName.get(scope.startAt.name);
  }
  for (const ref of model.symbols.references) ref.target = ref.scope.byName.get(ref.name);
  return model;
}

function buildScope(
  model: StateMachineModel,
  node: ObjectNode,
  kind: ScopeKind,
  owner: StateModel | undefined,
  branchIndex: number | undefined,
  distributed: boolean,
  cache: StateModelCache | undefined,
): Scope {
  const scope: Scope = {
    id: model.scopes.length,
    kind,
    node,
    owner,
    parent: owner?.scope,
    branchIndex,
    statesNode: getValue(node, 'States'),
    states: [],
    byName: new Map(),
    distributed,
  };
  model.scopes.push(scope);
  const startAt = getValue(node, 'StartAt');
  if (startAt?.kind === 'string') {
    scope.startAt = { kind: 'StartAt', name: startAt.value, node: startAt, scope };
    model.symbols.references.push(scope.startAt);
  }
  if (scope.statesNode?.kind === 'object') {
    for (const prop of scope.statesNode.properties) {
      if (!prop.value) continue;
      const reused = cache?.get(prop.value);
      const state = reused && reused.property === prop ? placeState(model, scope, reused, cache) : buildState(model, scope, prop.key, prop, prop.value, cache);
      state.scopeIndex = scope.states.length;
      scope.states.push(state);
      if (!scope.byName.has(state.name)) scope.byName.set(state.name, state);
    }
  }
  return scope;
}

function buildState(
  model: StateMachineModel,
  scope: Scope,
  name: string,
  property: PropertyNode,
  node: AstNode,
  cache: StateModelCache | undefined,
): StateModel {
  const typeValue = getValue(node, 'Type');
  const type =
    typeValue?.kind === 'string' && (STATE_TYPES as readonly string[]).includes(typeValue.value)
      ? (typeValue.value as StateType)
      : undefined;
  const state: StateModel = {
    name,
    nameSpan: property.keySpan,
    property,
    node,
    scope,
    scopeIndex: -1,
    type,
    queryLanguage: queryLanguageOf(node, model),
    children: [],
    transitions: [],
    choiceRules: [],
    retriers: [],
    catchers: [],
  };
  cache?.set(node, state);
  define(model, state);

  const addRef = (kind: ReferenceKind, value: AstNode | undefined): StateReference | undefined => {
    if (value?.kind !== 'string') return undefined;
    const ref: StateReference = { kind, name: value.value, node: value, scope, from: state };
    state.transitions.push(ref);
    model.symbols.references.push(ref);
    return ref;
  };

  // Source order of transitions: Choice rules, then Default, then Next, then catchers.
  const choices = getValue(node, 'Choices');
  if (choices?.kind === 'array') {
    choices.items.forEach((rule, index) => {
      const choiceRule: ChoiceRuleModel = { node: rule, index, next: addRef('ChoiceNext', getValue(rule, 'Next')) };
      state.choiceRules.push(choiceRule);
    });
  }
  addRef('Default', getValue(node, 'Default'));
  addRef('Next', getValue(node, 'Next'));
  const retry = getValue(node, 'Retry');
  if (retry?.kind === 'array') {
    retry.items.forEach((item, index) => state.retriers.push({ node: item, index } satisfies RetrierModel));
  }
  const catchers = getValue(node, 'Catch');
  if (catchers?.kind === 'array') {
    catchers.items.forEach((item, index) => {
      const catcher: CatcherModel = { node: item, index, next: addRef('CatchNext', getValue(item, 'Next')) };
      state.catchers.push(catcher);
    });
  }

  buildChildren(model, state, cache);
  return state;
}

/** Puts a state of an earlier version into this model, at its (possibly new) place. */
function placeState(model: StateMachineModel, scope: Scope, state: StateModel, cache: StateModelCache | undefined): StateModel {
  state.scope = scope;
  state.queryLanguage = queryLanguageOf(state.node, model);
  define(model, state);
  for (const ref of state.transitions) {
    ref.scope = scope;
    ref.target = undefined;
    model.symbols.references.push(ref);
  }
  if (state.children.length > 0) state.children = [];
  buildChildren(model, state, cache);
  return state;
}

function define(model: StateMachineModel, state: StateModel): void {
  model.states.push(state);
  const sameName = model.symbols.definitions.get(state.name);
  if (sameName) sameName.push(state);
  else model.symbols.definitions.set(state.name, [state]);
}

/** The state's own query language, else the machine's (never the enclosing state's). */
function queryLanguageOf(node: AstNode, model: StateMachineModel): QueryLanguage {
  const own = getValue(node, 'QueryLanguage');
  return own?.kind === 'string' && (own.value === 'JSONata' || own.value === 'JSONPath') ? own.value : model.queryLanguage;
}

/** Parallel branches, Map ItemProcessor or Iterator: the scopes nested in a state. */
function buildChildren(model: StateMachineModel, state: StateModel, cache: StateModelCache | undefined): void {
  const branches = getValue(state.node, 'Branches');
  if (branches?.kind === 'array') {
    branches.items.forEach((branch, index) => {
      if (branch.kind === 'object') {
        state.children.push(buildScope(model, branch, 'branch', state, index, false, cache));
      }
    });
  }
  for (const key of ['ItemProcessor', 'Iterator'] as const) {
    const processor = getValue(state.node, key);
    if (processor?.kind === 'object') {
      const mode = getValue(getValue(processor, 'ProcessorConfig'), 'Mode');
      const distributed = mode?.kind === 'string' && mode.value === 'DISTRIBUTED';
      state.children.push(
        buildScope(model, processor, key === 'ItemProcessor' ? 'itemProcessor' : 'iterator', state, undefined, distributed, cache),
      );
    }
  }
}

/** Whether a property with this key is present on the state (any value). */
export function hasField(state: StateModel, key: string): boolean {
  return getProperty(state.node, key) !== undefined;
}
