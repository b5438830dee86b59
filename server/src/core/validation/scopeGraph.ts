import { memoized } from '../model/modelMemo';
import { getValue } from '../document/ast';
import type { Scope, StateMachineModel, StateModel, StateReference } from '../model/types';

/** A set of the states of one States block, as a table by `scopeIndex` (a Set of thousands of states costs more). */
export class BlockStates {
  private readonly marks: Uint8Array;
  size = 0;

  constructor(private readonly scope: Scope) {
    this.marks = new Uint8Array(scope.states.length);
  }

  /** Whether the state is in the set; a state of another block never is (it is not the one at its index here). */
  has(state: StateModel): boolean {
    return this.scope.states[state.scopeIndex] === state && this.marks[state.scopeIndex] === 1;
  }

  /** Adds the state; false when it was there already. */
  add(state: StateModel): boolean {
    if (this.marks[state.scopeIndex] === 1) return false;
    this.marks[state.scopeIndex] = 1;
    this.size++;
    return true;
  }
}

export interface ScopeReachability {
  scope: Scope;
  /** States reached from StartAt (empty when StartAt does not resolve). */
  reached: BlockStates;
  /** States from which some terminal state (Succeed, Fail, End: true) can be reached. */
  canEnd: BlockStates;
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
  const reached = new BlockStates(scope);
  if (start) reachFrom(start, reached);
  const unresolved: StateReference[] = scope.startAt && !scope.startAt.target ? [scope.startAt] : [];
  const incoming = predecessors(scope, unresolved);
  const terminals = scope.states.filter(isTerminal);
  return { scope, reached, canEnd: reachingAny(scope, terminals, incoming), terminals, unresolved };
}

/** Each state's predecessors in the block, by `scopeIndex`; references that name no state go to `unresolved`. */
function predecessors(scope: Scope, unresolved: StateReference[]): (StateModel[] | undefined)[] {
  const incoming: (StateModel[] | undefined)[] = new Array(scope.states.length);
  for (const state of scope.states) {
    for (const ref of state.transitions) {
      if (!ref.target) {
        unresolved.push(ref);
        continue;
      }
      const list = incoming[ref.target.scopeIndex];
      if (list) list.push(state);
      else incoming[ref.target.scopeIndex] = [state];
    }
  }
  return incoming;
}

/** Adds to `reached` the states reached from `start` by transitions. */
function reachFrom(start: StateModel, reached: BlockStates): void {
  reached.add(start);
  const stack = [start];
  while (stack.length > 0) {
    for (const ref of stack.pop()!.transitions) {
      if (ref.target && reached.add(ref.target)) stack.push(ref.target);
    }
  }
}

/** The states from which one of `targets` can be reached, given each state's predecessors. */
function reachingAny(scope: Scope, targets: StateModel[], incoming: (StateModel[] | undefined)[]): BlockStates {
  const found = new BlockStates(scope);
  const stack: StateModel[] = [];
  for (const target of targets) if (found.add(target)) stack.push(target);
  while (stack.length > 0) {
    for (const from of incoming[stack.pop()!.scopeIndex] ?? []) {
      if (found.add(from)) stack.push(from);
    }
  }
  return found;
}
