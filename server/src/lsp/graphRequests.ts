import { buildGraph } from '../core/graph/buildGraph';
import { GraphRequest } from '../protocol';
import type { FeatureContext } from './featureContext';

/** `asl/graph`: the graph of the document's current version, from the same cached analysis as diagnostics. */
export function registerGraphRequests(ctx: FeatureContext): void {
  ctx.connection.onRequest(
    GraphRequest.method,
    ctx.guard('graph', null as GraphRequest.Result | null, (params: GraphRequest.Params) => {
      const doc = ctx.getDocument(params.uri);
      if (!doc) return null;
      return { uri: doc.uri, version: doc.version, ...buildGraph(doc.analysis.model, doc.analysis.problems) };
    }),
  );
}
