import { LineIndex } from '../core/document/lineIndex';
import type { Scope, StateMachineModel } from '../core/model/types';
import { PROCESSOR, stateKey, type BlockPath } from './stateKey';

/** A state's place in its file: the line of its key (1-based) and the lines its definition spans. */
export interface StateLine {
  key: string;
  name: string;
  line: number;
  first: number;
  last: number;
}

function blockPath(scope: Scope): BlockPath {
  const owner = scope.owner;
  if (!owner) return [];
  return [...blockPath(owner.scope), owner.name, scope.kind === 'branch' ? (scope.branchIndex ?? 0) : PROCESSOR];
}

/**
 * Where the states of a machine are in the file the user sets breakpoints in. `toHost` maps the model's offsets
 * to that file's (the identity for an ASL file; a template's offset map for a definition inside a template).
 */
export class StateLines {
  private readonly byKey = new Map<string, StateLine>();
  private readonly states: StateLine[] = [];

  constructor(model: StateMachineModel, fileText: string, toHost: (offset: number) => number = (o) => o) {
    const lines = new LineIndex(fileText);
    const lineOf = (offset: number) => lines.positionAt(toHost(offset)).line + 1;
    for (const state of model.states) {
      const span = state.property.span;
      const entry: StateLine = {
        key: stateKey(blockPath(state.scope), state.name),
        name: state.name,
        line: lineOf(state.nameSpan.offset),
        first: lineOf(span.offset),
        last: lineOf(span.offset + Math.max(0, span.length - 1)),
      };
      if (this.byKey.has(entry.key)) continue;
      this.byKey.set(entry.key, entry);
      this.states.push(entry);
    }
  }

  /** The innermost state whose definition holds the line (a breakpoint there stops before that state runs). */
  stateAt(line: number): StateLine | undefined {
    let best: StateLine | undefined;
    for (const s of this.states) {
      if (line < s.first || line > s.last) continue;
      if (!best || s.last - s.first < best.last - best.first) best = s;
    }
    return best;
  }

  lineOf(key: string): number | undefined {
    return this.byKey.get(key)?.line;
  }

  byName(name: string): StateLine[] {
    return this.states.filter((s) => s.name === name);
  }
}
