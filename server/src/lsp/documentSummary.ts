import { DocumentSummaryRequest } from '../protocol';
import type { FeatureContext } from './featureContext';

export function registerDocumentSummary(ctx: FeatureContext): void {
  ctx.connection.onRequest(
    DocumentSummaryRequest.method,
    ctx.guard('documentSummary', { states: 0, errors: 0, warnings: 0 } as DocumentSummaryRequest.Result, (params: DocumentSummaryRequest.Params) => {
      const docs = ctx.getDocuments(params.uri);
      const problems = docs.flatMap((doc) => doc.analysis.problems);
      return {
        states: docs.reduce((n, doc) => n + doc.analysis.model.states.length, 0),
        errors: problems.filter((p) => p.severity === 'error').length,
        warnings: problems.filter((p) => p.severity === 'warning').length,
      };
    }),
  );
}
