import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type Range } from 'vscode-languageserver';
import type { Span } from '../core/document/ast';
import type { Problem, Severity } from '../core/validation/types';

export const RULES_DOC_URL = 'https://github.com/asl-workbench/asl-workbench/blob/main/docs/rules.md';

/** Codes the editor renders specially: faded (unnecessary) or struck through (deprecated). */
const TAGS: Record<string, DiagnosticTag[]> = {
  'unreachable-state': [DiagnosticTag.Unnecessary],
  'unreachable-handler': [DiagnosticTag.Unnecessary],
  'deprecated-field': [DiagnosticTag.Deprecated],
};

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Anything that maps offsets to positions: a TextDocument or a LineIndex. With a uri, related places are kept. */
export interface PositionMapper {
  positionAt(offset: number): { line: number; character: number };
  readonly uri?: string;
}

export function toRange(lines: PositionMapper, span: Span): Range {
  return { start: lines.positionAt(span.offset), end: lines.positionAt(span.offset + span.length) };
}

export function toDiagnostic(lines: PositionMapper, problem: Problem): Diagnostic {
  return {
    range: toRange(lines, problem.span),
    severity: SEVERITY[problem.severity],
    source: 'asl',
    code: problem.code,
    codeDescription: { href: `${RULES_DOC_URL}#${problem.code}` },
    message: problem.message,
    ...(TAGS[problem.code] ? { tags: TAGS[problem.code] } : {}),
    ...(problem.data ? { data: problem.data } : {}),
    ...(problem.related?.length && lines.uri !== undefined
      ? { relatedInformation: problem.related.map((r) => ({ location: { uri: lines.uri!, range: toRange(lines, r.span) }, message: r.message })) }
      : {}),
  };
}
