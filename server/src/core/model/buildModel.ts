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

/** Builds the typed model of a state machine from a syntax tree. Tolerates any shape; never throws. */
export function buildModel(root: AstNode | undefined): StateMachineModel {
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
    model.rootScope = buildScope(model, root, 'root', undefined, undefined, false);
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
      const state = buildState(model, scope, prop.key, prop, prop.value);
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
): StateModel {
  const typeValue = getValue(node, 'Type');
  const type =
    typeValue?.kind === 'string' && (STATE_TYPES as readonly string[]).includes(typeValue.value)
      ? (typeValue.value as StateType)
      : undefined;
  const ownLanguage = getValue(node, 'QueryLanguage');
  const queryLanguage: QueryLanguage =
    ownLanguage?.kind === 'string' && (ownLanguage.value === 'JSONata' || ownLanguage.value === 'JSONPath')
      ? ownLanguage.value
      : model.queryLanguage;
  const state: StateModel = {
    name,
    nameSpan: property.keySpan,
    property,
    node,
    scope,
    type,
    queryLanguage,
    children: [],
    transitions: [],
    choiceRules: [],
    retriers: [],
    catchers: [],
  };
  model.states.push(state);
  const sameName = model.symbols.definitions.get(name);
  if (sameName) sameName.push(state);
  else model.symbols.definitions.set(name, [state]);

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

  const branches = getValue(node, 'Branches');
  if (branches?.kind === 'array') {
    branches.items.forEach((branch, index) => {
      if (branch.kind === 'object') {
        state.children.push(buildScope(model, branch, 'branch', state, index, false));
      }
    });
  }
  for (const key of ['ItemProcessor', 'Iterator'] as const) {
    const processor = getValue(node, key);
    if (processor?.kind === 'object') {
      const mode = getValue(getValue(processor, 'ProcessorConfig'), 'Mode');
      const distributed = mode?.kind === 'string' && mode.value === 'DISTRIBUTED';
      state.children.push(
        buildScope(model, processor, key === 'ItemProcessor' ? 'itemProcessor' : 'iterator', state, undefined, distributed),
      );
    }
  }
  return state;
}

/** Whether a property with this key is present on the state (any value). */
export function hasField(state: StateModel, key: string): boolean {
  return getProperty(state.node, key) !== undefined;
}
