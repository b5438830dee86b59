import type { AstNode, ObjectNode, PropertyNode, Span, StringNode } from '../document/ast';

export type QueryLanguage = 'JSONPath' | 'JSONata';

export const STATE_TYPES = ['Task', 'Pass', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map'] as const;
export type StateType = (typeof STATE_TYPES)[number];

/** Where a nested `States` block lives. */
export type ScopeKind = 'root' | 'branch' | 'itemProcessor' | 'iterator';

/**
 * One `{StartAt, States}` block: the machine itself, a Parallel branch or a Map's processor.
 * Transitions never leave their scope.
 */
export interface Scope {
  id: number;
  kind: ScopeKind;
  /** The object holding StartAt and States. */
  node: ObjectNode;
  /** The Parallel or Map state owning this scope; undefined for the root. */
  owner?: StateModel;
  parent?: Scope;
  /** Index in `Branches` for a branch scope. */
  branchIndex?: number;
  startAt?: StateReference;
  statesNode?: AstNode;
  /** States of this block in source order, duplicates included. */
  states: StateModel[];
  /** First state of each name in this block. */
  byName: Map<string, StateModel>;
  /** True inside a Map whose ProcessorConfig.Mode is DISTRIBUTED (its children run as separate executions). */
  distributed: boolean;
}

export interface StateModel {
  name: string;
  /** Span of the state's key (with quotes). */
  nameSpan: Span;
  /** The property `"Name": { ... }` in its States object. */
  property: PropertyNode;
  /** The state's value; usually an object, but the model keeps whatever the user wrote. */
  node: AstNode;
  scope: Scope;
  /** Its position in `scope.states` (for per-block tables indexed by state). */
  scopeIndex: number;
  /** The `Type` value when it is one of the eight state types. */
  type?: StateType;
  /** Effective query language: the state's own, else the machine's (never the enclosing state's). */
  queryLanguage: QueryLanguage;
  /** Scopes nested in this state: Parallel branches, Map ItemProcessor or Iterator. */
  children: Scope[];
  /** Outgoing references in source order: Next, Default, Choice rule Next, Catch Next. */
  transitions: StateReference[];
  choiceRules: ChoiceRuleModel[];
  retriers: RetrierModel[];
  catchers: CatcherModel[];
}

export type ReferenceKind = 'StartAt' | 'Next' | 'Default' | 'ChoiceNext' | 'CatchNext';

/** A place where a state name is used. */
export interface StateReference {
  kind: ReferenceKind;
  name: string;
  /** The string node holding the name (span includes quotes). */
  node: StringNode;
  /** The scope in which the name must resolve. */
  scope: Scope;
  /** The state making the transition; undefined for StartAt. */
  from?: StateModel;
  /** The state it resolves to in its scope, if any. */
  target?: StateModel;
}

export interface ChoiceRuleModel {
  node: AstNode;
  index: number;
  next?: StateReference;
}

export interface RetrierModel {
  node: AstNode;
  index: number;
}

export interface CatcherModel {
  node: AstNode;
  index: number;
  next?: StateReference;
}

export interface StateMachineModel {
  /** The root value, if the document had one. */
  root: AstNode | undefined;
  /** The machine's query language (top-level `QueryLanguage`, default JSONPath). */
  queryLanguage: QueryLanguage;
  /** Undefined when the root is not an object. */
  rootScope?: Scope;
  scopes: Scope[];
  /** Every state of the machine in document order, nested ones included. */
  states: StateModel[];
  symbols: SymbolTable;
  /** Values derived from this model, computed on first use (see `memoized`). */
  memo?: Map<object, unknown>;
}

export interface SymbolTable {
  /** All states with a given name, anywhere in the machine (more than one is a duplicate). */
  definitions: Map<string, StateModel[]>;
  /** Every reference to a state name, in document order. */
  references: StateReference[];
}
