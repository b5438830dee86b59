import { FoldingRangeKind, SymbolKind, type CodeLens, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver';
import type { AstNode } from '../../core/document/ast';
import type { Scope, StateModel } from '../../core/model/types';
import type { FeatureContext } from '../featureContext';
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

/** Document symbols (states as a tree, with branches and item processors), folding ranges, and "N states lead here" lenses. */
export function registerOutline(ctx: FeatureContext): void {
  const { connection } = ctx;

  connection.onDocumentSymbol(
    ctx.guard('documentSymbol', [] as DocumentSymbol[], (params) => {
      const doc = ctx.getDocument(params.textDocument.uri);
      const root = doc?.analysis.model.rootScope;
      return doc && root ? scopeSymbols(root, doc.textDocument) : [];
    }),
  );

  connection.onFoldingRanges(
    ctx.guard('foldingRanges', [] as FoldingRange[], (params) => {
      const doc = ctx.getDocument(params.textDocument.uri);
      if (!doc?.analysis.doc.root) return [];
      const ranges: FoldingRange[] = [];
      const stack: AstNode[] = [doc.analysis.doc.root];
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
      return ranges;
    }),
  );

  connection.onCodeLens(
    ctx.guard('codeLens', [] as CodeLens[], (params) => {
      const doc = ctx.getDocument(params.textDocument.uri);
      if (!doc) return [];
      const model = doc.analysis.model;
      const incoming = new Map<StateModel, number>();
      for (const ref of model.symbols.references) {
        if (ref.target && ref.kind !== 'StartAt') incoming.set(ref.target, (incoming.get(ref.target) ?? 0) + 1);
      }
      return model.states.flatMap((state) => {
        const n = incoming.get(state) ?? 0;
        const start = state.scope.startAt?.target === state ? 'start · ' : '';
        const title = `${start}${n === 0 ? 'no state leads here' : n === 1 ? '1 transition leads here' : `${n} transitions lead here`}`;
        const range = toRange(doc.textDocument, state.nameSpan);
        const lenses: CodeLens[] = [{ range, command: { title, command: '' } }];
        // Runs this state alone in the Test State view (the client's asl.testState command).
        if (state.type) lenses.push({ range, command: { title: 'Test State', command: 'asl.testState', arguments: [params.textDocument.uri, state.name] } });
        return lenses;
      });
    }),
  );
}

function scopeSymbols(scope: Scope, text: PositionMapper): DocumentSymbol[] {
  return scope.states.map((state) => {
    const children: DocumentSymbol[] = state.children.map((child) => ({
      name: child.kind === 'branch' ? `Branch ${(child.branchIndex ?? 0) + 1}` : child.kind === 'iterator' ? 'Iterator' : 'Item processor',
      kind: SymbolKind.Namespace,
      range: toRange(text, child.node.span),
      selectionRange: toRange(text, { offset: child.node.span.offset, length: 1 }),
      children: scopeSymbols(child, text),
    }));
    return {
      name: state.name || '(empty name)',
      detail: state.type ?? 'unknown type',
      kind: KIND[state.type ?? ''] ?? SymbolKind.Object,
      range: toRange(text, state.property.span),
      selectionRange: toRange(text, state.nameSpan),
      children,
    };
  });
}
