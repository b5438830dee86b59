import { buildGraph } from '../core/graph/buildGraph';
import { toJsonText, toYamlText } from '../core/document/convertFormat';
import { ConvertDocumentRequest, GraphRequest } from '../protocol';
import type { FeatureContext } from './featureContext';

/**
 * `asl/graph`: the graph of the document's current version, from the same cached analysis as diagnostics; and
 * `asl/convertDocument`: the document written in the other syntax, from the same tree.
 */
export function registerGraphRequests(ctx: FeatureContext): void {
  ctx.connection.onRequest(
    GraphRequest.method,
    ctx.guard('graph', null as GraphRequest.Result | null, (params: GraphRequest.Params) => {
      const doc = ctx.getDocument(params.uri);
      if (!doc) return null;
      return { uri: doc.uri, version: doc.version, ...buildGraph(doc.analysis.model, doc.analysis.problems), ...(doc.definition ? { stateMachine: doc.definition.name } : {}) };
    }),
  );
  ctx.connection.onRequest(
    ConvertDocumentRequest.method,
    ctx.guard('convertDocument', { error: 'The document could not be converted' } as ConvertDocumentRequest.Result, (params: ConvertDocumentRequest.Params) => {
      const doc = ctx.getDocument(params.uri);
      if (!doc) return { error: 'The document is not open' };
      const parsed = doc.analysis.doc;
      // A text that does not parse would lose what the parser skipped: the conversion must not change the machine.
      if (!parsed.root || parsed.syntaxProblems.some((p) => p.severity !== 'warning')) return { error: 'Fix the syntax errors first: converting would lose what cannot be read' };
      const eol = parsed.text.includes('\r\n') ? '\r\n' : '\n';
      if (params.to === 'yaml') return { text: toYamlText(parsed.root).replace(/\n/g, eol), lostComments: false };
      return { text: toJsonText(parsed.root, eol), lostComments: parsed.format === 'yaml' && /(^|\s)#/.test(parsed.text) };
    }),
  );
}
