import { spanContains, type Span } from '../document/ast';
import type { StateMachineModel, StateModel, StateReference } from '../model/types';

export type SymbolAt =
  | { kind: 'definition'; state: StateModel; span: Span }
  | { kind: 'reference'; reference: StateReference; state?: StateModel; span: Span };

/** The state name under the cursor: a state's key, or a StartAt/Next/Default/Catch reference. */
export function symbolAt(model: StateMachineModel, offset: number): SymbolAt | undefined {
  for (const state of model.states) {
    if (spanContains(state.nameSpan, offset)) return { kind: 'definition', state, span: state.nameSpan };
  }
  for (const reference of model.symbols.references) {
    if (spanContains(reference.node.span, offset)) {
      return { kind: 'reference', reference, state: reference.target, span: reference.node.span };
    }
  }
  return undefined;
}

/** Every reference that resolves to this state. */
export function referencesTo(model: StateMachineModel, state: StateModel): StateReference[] {
  return model.symbols.references.filter((r) => r.target === state);
}

export const MAX_STATE_NAME_LENGTH = 80;

/** Why a state cannot be renamed to `name`, or undefined when it can. */
export function renameProblem(model: StateMachineModel, state: StateModel, name: string): string | undefined {
  if (name.length === 0) return 'A state name cannot be empty';
  if ([...name].length > MAX_STATE_NAME_LENGTH) return `State names are at most ${MAX_STATE_NAME_LENGTH} characters long`;
  if (name !== state.name && model.symbols.definitions.has(name)) {
    return `A state named '${name}' already exists (names are unique in the whole machine)`;
  }
  return undefined;
}
