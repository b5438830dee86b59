import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver';
import type { AstNode } from '../../core/document/ast';
import type { Scope } from '../../core/model/types';
import type { AnalyzedDocument, FeatureContext } from '../featureContext';
import { toRange, type PositionMapper } from '../toDiagnostic';

const KIND: Record<string, SymbolKind> = {
  Task: SymbolKind.Function,
  Pass: SymbolKind.Field,
  Choice: SymbolKind.Enum,
  Wait: SymbolKind.Event,
  Succeed: SymbolKind.Boolean,
  Fail: SymbolKind.Null,
  Parallel: SymbolKind.Module,
  Map: SymbolKind.Array,
};

/** Document symbols (states as a tree, with branches and item processors) and folding ranges. */
export function registerOutline(ctx: FeatureContext): void {
  const { connection } = ctx;

  // VS Code asks for the symbols of a version several times (outline, breadcrumbs, sticky scroll): the last
  // answer is kept for the next ask of the same version, and only while its analysis lives (the document store
  // decides how many analyses stay in memory).
  const kept = new WeakMap<AnalyzedDocument, { docs: AnalyzedDocument[]; symbols: DocumentSymbol[] }>();
  let last: WeakRef<AnalyzedDocument> | undefined;
  connection.onDocumentSymbol(
    ctx.guard('documentSymbol', [] as DocumentSymbol[], (params) => {
      const docs = ctx.getDocuments(params.textDocument.uri);
      const hit = docs.length > 0 ? kept.get(docs[0]) : undefined;
      if (hit && hit.docs.length === docs.length && hit.docs.every((doc, i) => doc === docs[i])) return hit.symbols;
      const symbols = docs.flatMap((doc) => {
        const root = doc.analysis.model.rootScope;
        const states = root ? scopeSymbols(root, doc.textDocument) : [];
        const definition = doc.definition;
        // In a template, each state machine is a symbol holding its states.
        if (!definition?.doc?.root) return states;
        const range = toRange(doc.textDocument, definition.doc.root.span);
        return [{ name: definition.name, detail: 'state machine', kind: SymbolKind.Module, range, selectionRange: range, children: states }];
      });
      const previous = last?.deref();
      if (previous) kept.delete(previous);
      if (docs.length > 0) {
        kept.set(docs[0], { docs, symbols });
        last = new WeakRef(docs[0]);
      }
      return symbols;
    }),
  );

  connection.onFoldingRanges(
    ctx.guard('foldingRanges', [] as FoldingRange[], (params) => {
      const ranges: FoldingRange[] = [];
      for (const doc of ctx.getDocuments(params.textDocument.uri)) if (doc.analysis.doc.root) foldingOf(doc, ranges);
      return ranges;
    }),
  );
}

function foldingOf(doc: AnalyzedDocument, ranges: FoldingRange[]): void {
  const stack: AstNode[] = [doc.analysis.doc.root!];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.kind !== 'object' && node.kind !== 'array') continue;
    const start = doc.textDocument.positionAt(node.span.offset).line;
    const end = doc.textDocument.positionAt(node.span.offset + node.span.length).line;
    if (end > start) ranges.push({ startLine: start, endLine: end - 1, kind: FoldingRangeKind.Region });
    if (node.kind === 'object') {
      for (const p of node.properties) if (p.value) stack.push(p.value);
    } else {
      stack.push(...node.items);
    }
  }
}

// Leaves carry no `children` (optional in LSP): a 5,000-state outline is a megabyte of JSON both sides handle.
function scopeSymbols(scope: Scope, text: PositionMapper): DocumentSymbol[] {
  return scope.states.map((state) => {
    const symbol: DocumentSymbol = {
      name: state.name || '(empty name)',
      detail: state.type ?? 'unknown type',
      kind: KIND[state.type ?? ''] ?? SymbolKind.Object,
      range: toRange(text, state.property.span),
      selectionRange: toRange(text, state.nameSpan),
    };
    if (state.children.length > 0) {
      symbol.children = state.children.map((child) => {
        const states = scopeSymbols(child, text);
        return {
          name: child.kind === 'branch' ? `Branch ${(child.branchIndex ?? 0) + 1}` : child.kind === 'iterator' ? 'Iterator' : 'Item processor',
          kind: SymbolKind.Namespace,
          range: toRange(text, child.node.span),
          selectionRange: toRange(text, { offset: child.node.span.offset, length: 1 }),
          ...(states.length > 0 ? { children: states } : {}),
        };
      });
    }
    return symbol;
  });
}
