import { analyzeDocument, type DocumentAnalysis } from '../core/analyzeDocument';
import type { DocumentFormat } from '../core/document/documentFormat';
import { LineIndex } from '../core/document/lineIndex';
import { toJsonValue } from '../core/document/ast';
import { DEFAULT_VALIDATION_SETTINGS, type StateMachineType } from '../core/validation/types';

export interface DefinitionProblem {
  line: number;
  column: number;
  code: string;
  message: string;
}

/**
 * Validates a definition before running it: AWS refuses a definition with errors, so do we. An EXPRESS machine is
 * checked for what Express refuses too.
 */
export function prepareDefinition(text: string, format: DocumentFormat = 'json', stateMachineType: StateMachineType = 'STANDARD'): { definition: unknown } | { problems: DefinitionProblem[] } {
  return preparedDefinition(analyzeDocument(text, { ...DEFAULT_VALIDATION_SETTINGS, stateMachineType }, format), text);
}

/** prepareDefinition from an analysis already made (with the machine type's settings) of `text`. */
export function preparedDefinition(analysis: DocumentAnalysis, text: string): { definition: unknown } | { problems: DefinitionProblem[] } {
  const errors = analysis.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0 || !analysis.doc.root) {
    const lines = new LineIndex(text);
    return {
      problems: errors.map((p) => {
        const at = lines.positionAt(p.span.offset);
        return { line: at.line + 1, column: at.character + 1, code: p.code, message: p.message };
      }),
    };
  }
  return { definition: toJsonValue(analysis.doc.root) };
}
