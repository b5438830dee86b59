import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import { getProperty, spanEnd } from '../../core/document/ast';
import type { StateModel } from '../../core/model/types';
import type { SpanEdit } from '../../core/edits/jsonEdits';
import { quickFixes } from '../../core/edits/quickFixes';
import { errorHandlingRefactorings } from '../../core/edits/refactorings';
import { encodeEdits } from '../encodeForHost';
import type { AnalyzedDocument, FeatureContext } from '../featureContext';
import { toDiagnostic, toRange } from '../toDiagnostic';

/** Quick fixes for diagnostics (by rule code and data) and the Add Retry / Add Catch refactorings. */
export function registerCodeActions(ctx: FeatureContext): void {
  ctx.connection.onCodeAction(
    ctx.guard('codeAction', [] as CodeAction[], (params) => {
      const templateFixes = ctx.templateFixes?.(params.textDocument.uri, params.range) ?? [];
      const doc = ctx.getDocument(params.textDocument.uri, params.range.start);
      if (!doc) return templateFixes;
      const start = doc.textDocument.offsetAt(params.range.start);
      const end = doc.textDocument.offsetAt(params.range.end);
      return [...templateFixes, ...codeActionsFor(doc, start, end, params.context.only)];
    }),
  );
}

export function codeActionsFor(doc: AnalyzedDocument, start: number, end: number, only?: string[]): CodeAction[] {
  const { doc: parsed, model, problems } = doc.analysis;
  const uri = doc.uri;
  // In a template string, edits are written as the string writes them (escaped, indented); one that cannot be is not offered.
  const toEdit = (edits: SpanEdit[]) => {
    const encoded = encodeEdits(doc, edits.map((e) => ({ range: toRange(doc.textDocument, e.span), newText: e.newText })));
    return encoded && { changes: { [uri]: encoded } };
  };
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const actions: CodeAction[] = [];

  if (wants(CodeActionKind.QuickFix)) {
    for (const problem of problems) {
      if (spanEnd(problem.span) < start || problem.span.offset > end) continue;
      const diagnostic: Diagnostic = toDiagnostic(doc.textDocument, problem);
      for (const fix of quickFixes(parsed, model, problem)) {
        const edit = fix.disabled ? undefined : toEdit(fix.edits);
        if (fix.disabled) actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], disabled: { reason: fix.disabled } });
        else if (edit) actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.isPreferred, edit });
      }
    }
  }
  if (wants(CodeActionKind.RefactorRewrite)) {
    const state = refactoringTarget(doc, start, end);
    if (state) {
      for (const fix of errorHandlingRefactorings(parsed, model, state)) {
        const edit = fix.disabled ? undefined : toEdit(fix.edits);
        if (fix.disabled) actions.push({ title: fix.title, kind: CodeActionKind.RefactorRewrite, disabled: { reason: fix.disabled } });
        else if (edit) actions.push({ title: fix.title, kind: CodeActionKind.RefactorRewrite, edit });
      }
    }
  }
  return actions;
}

/**
 * The state whose refactorings apply: the cursor or selection touches the line of its name, its `Type` or its
 * `Resource` (not any line of its body, so the light bulb does not follow the cursor through a long Task).
 */
function refactoringTarget(doc: AnalyzedDocument, start: number, end: number) {
  const line = (offset: number) => doc.textDocument.positionAt(offset).line;
  const first = line(start);
  const last = line(end);
  const anchors = (s: StateModel) => [s.nameSpan.offset, ...['Type', 'Resource'].flatMap((k) => getProperty(s.node, k)?.keySpan.offset ?? [])].map(line);
  // A state's anchors are inside its property: only the states whose text meets those lines can be touched.
  const from = doc.textDocument.offsetAt({ line: first, character: 0 });
  const to = doc.textDocument.offsetAt({ line: last + 1, character: 0 });
  const near = doc.analysis.model.states.filter((s) => s.property.span.offset <= to && spanEnd(s.property.span) >= from);
  const touching = near.filter((s) => anchors(s).some((l) => l >= first && l <= last));
  return touching.find((s) => anchors(s).includes(first)) ?? touching[0];
}
