import type { AstNode, Span } from '../document/ast';
import { sameContext, type StateContext } from './stateContext';
import type { Problem, ValidationSettings } from './types';

interface Entry {
  context: StateContext;
  base: number;
  problems: Problem[];
}

/**
 * The problems state rules found for each state, by the state's syntax node. A node reused by an incremental
 * parse has the same text as when it was checked, so in the same context its problems are the same, moved by
 * however far the state moved. Entries go with their nodes (a WeakMap), and all of them with a change of settings.
 */
export class StateProblemCache {
  private entries = new WeakMap<AstNode, Entry>();
  private settings?: ValidationSettings;

  beginVersion(settings: ValidationSettings): void {
    if (settings !== this.settings) this.entries = new WeakMap();
    this.settings = settings;
  }

  take(node: AstNode, context: StateContext, base: number): Problem[] | undefined {
    const entry = this.entries.get(node);
    if (!entry || !sameContext(entry.context, context)) return undefined;
    entry.context = context;
    if (entry.base === base) return entry.problems;
    const shift = base - entry.base;
    entry.base = base;
    if (entry.problems.length === 0) return entry.problems;
    const move = (span: Span): Span => ({ offset: span.offset + shift, length: span.length });
    entry.problems = entry.problems.map((p) => ({
      ...p,
      span: move(p.span),
      ...(p.related ? { related: p.related.map((r) => ({ ...r, span: move(r.span) })) } : {}),
    }));
    return entry.problems;
  }

  store(node: AstNode, context: StateContext, base: number, problems: Problem[]): void {
    this.entries.set(node, { context, base, problems });
  }
}
