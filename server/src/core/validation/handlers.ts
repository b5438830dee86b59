import { getValue, type AstNode, type StringNode } from '../document/ast';
import { memoized } from '../model/modelMemo';
import type { StateMachineModel, StateModel } from '../model/types';

/** One retrier or catcher with its ErrorEquals entries. */
export interface ErrorHandler {
  state: StateModel;
  kind: 'Retrier' | 'Catcher';
  node: AstNode;
  index: number;
  errorEquals?: AstNode;
  names: StringNode[];
}

/** The retriers and catchers of every state, each list in order; computed once per model (three rules read them). */
export function errorHandlers(model: StateMachineModel): ErrorHandler[][] {
  return memoized(model, errorHandlers, () => collectHandlers(model));
}

function collectHandlers(model: StateMachineModel): ErrorHandler[][] {
  const lists: ErrorHandler[][] = [];
  const toHandler = (state: StateModel, kind: ErrorHandler['kind'], node: AstNode, index: number): ErrorHandler => {
    const errorEquals = getValue(node, 'ErrorEquals');
    const names = errorEquals?.kind === 'array' ? errorEquals.items.filter((i): i is StringNode => i.kind === 'string') : [];
    return { state, kind, node, index, errorEquals, names };
  };
  for (const state of model.states) {
    if (state.retriers.length) lists.push(state.retriers.map((r) => toHandler(state, 'Retrier', r.node, r.index)));
    if (state.catchers.length) lists.push(state.catchers.map((c) => toHandler(state, 'Catcher', c.node, c.index)));
  }
  return lists;
}
