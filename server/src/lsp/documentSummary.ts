import { DocumentSummaryRequest } from '../protocol';
import type { FeatureContext } from './featureContext';

export function registerDocumentSummary(ctx: FeatureContext): void {
  ctx.connection.onRequest(
    DocumentSummaryRequest.method,
    ctx.guard('documentSummary', { states: 0, errors: 0, warnings: 0 } as DocumentSummaryRequest.Result, (params: DocumentSummaryRequest.Params) => {
      const doc = ctx.getDocument(params.uri);
      if (!doc) return { states: 0, errors: 0, warnings: 0 };
      const problems = doc.analysis.problems;
      return {
        states: doc.analysis.model.states.length,
        errors: problems.filter((p) => p.severity === 'error').length,
        warnings: problems.filter((p) => p.severity === 'warning').length,
      };
    }),
  );
}
