import { DocumentHighlightKind, type DocumentHighlight, type Location, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { ResponseError } from 'vscode-languageserver';
import { nameSpan, renameEdits } from '../../core/edits/renameEdits';
import { referencesTo, renameProblem, symbolAt } from '../../core/navigation/symbolAt';
import { encodeEdits } from '../encodeForHost';
import type { FeatureContext } from '../featureContext';
import { toRange } from '../toDiagnostic';

/** Go to definition, find references, rename (with prepareRename) and document highlights of state names. */
export function registerNavigation(ctx: FeatureContext): void {
  const { connection } = ctx;
  const at = (uri: string, position: { line: number; character: number }) => {
    const doc = ctx.getDocument(uri, position);
    if (!doc) return undefined;
    const symbol = symbolAt(doc.analysis.model, doc.textDocument.offsetAt(position));
    return symbol ? { doc, symbol } : undefined;
  };

  connection.onDefinition(
    ctx.guard('definition', null as Location[] | null, (params) => {
      const found = at(params.textDocument.uri, params.position);
      const target = found?.symbol.state;
      if (!found || !target) return null;
      return [{ uri: params.textDocument.uri, range: toRange(found.doc.textDocument, target.nameSpan) }];
    }),
  );

  connection.onReferences(
    ctx.guard('references', [] as Location[], (params) => {
      const found = at(params.textDocument.uri, params.position);
      const state = found?.symbol.state;
      if (!found || !state) return [];
      const spans = referencesTo(found.doc.analysis.model, state).map((r) => r.node.span);
      if (params.context.includeDeclaration) spans.unshift(state.nameSpan);
      return spans.map((span) => ({ uri: params.textDocument.uri, range: toRange(found.doc.textDocument, span) }));
    }),
  );

  connection.onDocumentHighlight(
    ctx.guard('documentHighlight', [] as DocumentHighlight[], (params): DocumentHighlight[] => {
      const found = at(params.textDocument.uri, params.position);
      const state = found?.symbol.state;
      if (!found || !state) return [];
      const text = found.doc.textDocument;
      return [
        { range: toRange(text, state.nameSpan), kind: DocumentHighlightKind.Write },
        ...referencesTo(found.doc.analysis.model, state).map((r) => ({ range: toRange(text, r.node.span), kind: DocumentHighlightKind.Read })),
      ];
    }),
  );

  connection.onPrepareRename(
    ctx.guard('prepareRename', null as { range: Range; placeholder: string } | null, (params) => {
      const found = at(params.textDocument.uri, params.position);
      const state = found?.symbol.state;
      if (!found || !state) return null;
      return { range: toRange(found.doc.textDocument, nameSpan(found.doc.analysis.doc.text, found.symbol.span)), placeholder: state.name };
    }),
  );

  connection.onRenameRequest(async (params, token) => {
    const found = at(params.textDocument.uri, params.position);
    const state = found?.symbol.state;
    if (!found || !state) return null;
    const problem = renameProblem(found.doc.analysis.model, state, params.newName);
    // A refused rename is an error the editor shows to the user, not an empty edit.
    if (problem) throw new ResponseError(1, problem);
    const spans = [state.nameSpan, ...referencesTo(found.doc.analysis.model, state).map((r) => r.node.span)];
    const edits = renameEdits(found.doc.analysis.doc, spans, params.newName);
    if (typeof edits === 'string') throw new ResponseError(1, edits);
    // Inside a template string the names are written as the string writes them.
    const changes = encodeEdits(found.doc, edits.map((e): TextEdit => ({ range: toRange(found.doc.textDocument, e.span), newText: e.newText })));
    if (!changes) throw new ResponseError(1, 'This name cannot be written inside the template string here');
    const guarded = ctx.guard('rename', null as WorkspaceEdit | null, () => ({ changes: { [params.textDocument.uri]: changes } }));
    return guarded(params, token);
  });
}
