import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import { spanEnd } from '../../core/document/ast';
import type { SpanEdit } from '../../core/edits/jsonEdits';
import { quickFixes } from '../../core/edits/quickFixes';
import { errorHandlingRefactorings } from '../../core/edits/refactorings';
import type { AnalyzedDocument, FeatureContext } from '../featureContext';
import { toDiagnostic, toRange } from '../toDiagnostic';

/** Quick fixes for diagnostics (by rule code and data) and the Add Retry / Add Catch refactorings. */
export function registerCodeActions(ctx: FeatureContext): void {
  ctx.connection.onCodeAction(
    ctx.guard('codeAction', [] as CodeAction[], (params) => {
      const doc = ctx.getDocument(params.textDocument.uri);
      if (!doc) return [];
      const start = doc.textDocument.offsetAt(params.range.start);
      const end = doc.textDocument.offsetAt(params.range.end);
      return codeActionsFor(doc, start, end, params.context.only);
    }),
  );
}

export function codeActionsFor(doc: AnalyzedDocument, start: number, end: number, only?: string[]): CodeAction[] {
  const { doc: parsed, model, problems } = doc.analysis;
  const uri = doc.uri;
  const toEdit = (edits: SpanEdit[]) => ({ changes: { [uri]: edits.map((e) => ({ range: toRange(doc.textDocument, e.span), newText: e.newText })) } });
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const actions: CodeAction[] = [];

  if (wants(CodeActionKind.QuickFix)) {
    for (const problem of problems) {
      if (spanEnd(problem.span) < start || problem.span.offset > end) continue;
      const diagnostic: Diagnostic = toDiagnostic(doc.textDocument, problem);
      for (const fix of quickFixes(parsed, model, problem)) {
        actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.isPreferred, edit: toEdit(fix.edits) });
      }
    }
  }
  if (wants(CodeActionKind.RefactorRewrite)) {
    const state = [...model.states].reverse().find((s) => start >= s.property.span.offset && start <= spanEnd(s.property.span));
    if (state) {
      for (const fix of errorHandlingRefactorings(parsed, model, state)) {
        actions.push({ title: fix.title, kind: CodeActionKind.RefactorRewrite, edit: toEdit(fix.edits) });
      }
    }
  }
  return actions;
}
