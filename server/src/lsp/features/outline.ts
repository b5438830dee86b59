import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { Scope } from '../../core/model/types';
import { DocumentSymbolsRequest } from '../../protocol';
import type { AnalyzedDocument, FeatureContext } from '../featureContext';
import { RawJson, writerOfLastDocument } from '../rawJson';
import { toRange, type PositionMapper } from '../toDiagnostic';
import { SymbolsJson } from './symbolsJson';

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

/** Document symbols: the states as a tree, with branches and item processors. */
export function registerOutline(ctx: FeatureContext): void {
  const { connection } = ctx;

  // VS Code asks for the symbols of a version several times (outline, breadcrumbs, sticky scroll): the last
  // answer is kept for the next ask of the same version, and only while its analysis lives (the document store
  // decides how many analyses stay in memory). It is made in the compact form our client asks for; the LSP answer
  // is its expansion, or over stdio its JSON, written from the last one of the same document.
  interface Kept {
    docs: AnalyzedDocument[];
    compact: DocumentSymbolsRequest.Result;
    symbols?: DocumentSymbol[];
    json?: RawJson;
  }
  const jsonWriter = writerOfLastDocument(() => new SymbolsJson());
  const jsonOf = (uri: string, entry: Kept): RawJson => (entry.json ??= new RawJson(jsonWriter(uri).write(entry.compact)));
  const kept = new WeakMap<AnalyzedDocument, Kept>();
  let last: WeakRef<AnalyzedDocument> | undefined;
  const symbolsOf = (uri: string): Kept => {
    const docs = ctx.getDocuments(uri);
    const hit = docs.length > 0 ? kept.get(docs[0]) : undefined;
    if (hit && hit.docs.length === docs.length && hit.docs.every((doc, i) => doc === docs[i])) return hit;
    const writer = new DocumentSymbolsRequest.Writer();
    for (const doc of docs) {
      const root = doc.analysis.model.rootScope;
      const definition = doc.definition;
      // In a template, each state machine is a symbol holding its states.
      if (definition?.doc?.root) {
        const range = toRange(doc.textDocument, definition.doc.root.span);
        const machine = writer.add(definition.name, 'state machine', SymbolKind.Module, range, range);
        writer.close(machine, root ? writeScope(writer, root, doc.textDocument) : 0);
      } else if (root) {
        writeScope(writer, root, doc.textDocument);
      }
    }
    const previous = last?.deref();
    if (previous) kept.delete(previous);
    const entry: Kept = { docs, compact: writer.result };
    if (docs.length > 0) {
      kept.set(docs[0], entry);
      last = new WeakRef(docs[0]);
    }
    return entry;
  };
  connection.onDocumentSymbol(
    ctx.guard('documentSymbol', [] as DocumentSymbol[], (params) => {
      const entry = symbolsOf(params.textDocument.uri);
      // The transport writes a RawJson as the symbols it holds.
      if (ctx.rawJson) return jsonOf(params.textDocument.uri, entry) as unknown as DocumentSymbol[];
      entry.symbols ??= DocumentSymbolsRequest.expand(entry.compact);
      return entry.symbols;
    }),
  );
  connection.onRequest(
    DocumentSymbolsRequest.method,
    ctx.guard('documentSymbols', DocumentSymbolsRequest.encode([]), (params: DocumentSymbolsRequest.Params) => symbolsOf(params.uri).compact),
  );
}

// Leaves carry no `children` (optional in LSP): a 5,000-state outline is a megabyte of JSON both sides handle.
/** Writes the scope's states (and theirs, nested) and returns how many it wrote at its level. */
function writeScope(writer: DocumentSymbolsRequest.Writer, scope: Scope, text: PositionMapper): number {
  for (const state of scope.states) {
    const symbol = writer.add(state.name || '(empty name)', state.type ?? 'unknown type', KIND[state.type ?? ''] ?? SymbolKind.Object, toRange(text, state.property.span), toRange(text, state.nameSpan));
    if (state.children.length === 0) continue;
    for (const child of state.children) {
      const name = child.kind === 'branch' ? `Branch ${(child.branchIndex ?? 0) + 1}` : child.kind === 'iterator' ? 'Iterator' : 'Item processor';
      const group = writer.add(name, undefined, SymbolKind.Namespace, toRange(text, child.node.span), toRange(text, { offset: child.node.span.offset, length: 1 }));
      const states = writeScope(writer, child, text);
      if (states > 0) writer.close(group, states);
    }
    writer.close(symbol, state.children.length);
  }
  return scope.states.length;
}
