import type { CodeLens, Location } from 'vscode-languageserver';
import type { StateMachineModel, StateModel, StateReference } from '../../core/model/types';
import type { AnalyzedDocument, FeatureContext } from '../featureContext';
import { TEMPLATE_ACTION } from '../templateRequests';
import { toRange } from '../toDiagnostic';

/** The client command a transitions lens runs: `(uri, position, locations)`; one location reveals it, more peek. */
export const SHOW_TRANSITION_SOURCES = 'asl.showTransitionSources';

interface LensContext {
  doc: AnalyzedDocument;
  /** Transitions into each state (StartAt excluded), in document order. */
  incoming: Map<StateModel, StateReference[]>;
}

/** One kind of lens shown above every state; a new kind (say, "Test State") is one more entry in STATE_LENSES. */
type StateLens = (state: StateModel, ctx: LensContext) => CodeLens | undefined;

const STATE_LENSES: StateLens[] = [transitionsLens, testStateLens];

export function registerCodeLens(ctx: FeatureContext): void {
  ctx.connection.onCodeLens(
    ctx.guard('codeLens', [] as CodeLens[], (params) => {
      const uri = params.textDocument.uri;
      return [...(ctx.templateLenses?.(uri) ?? []), ...ctx.getDocuments(uri).flatMap(codeLenses)];
    }),
  );
}

export function codeLenses(doc: AnalyzedDocument): CodeLens[] {
  const context: LensContext = { doc, incoming: incomingTransitions(doc.analysis.model) };
  return doc.analysis.model.states.flatMap((state) => STATE_LENSES.flatMap((lens) => lens(state, context) ?? []));
}

function incomingTransitions(model: StateMachineModel): Map<StateModel, StateReference[]> {
  const incoming = new Map<StateModel, StateReference[]>();
  for (const ref of model.symbols.references) {
    if (ref.target && ref.kind !== 'StartAt') incoming.set(ref.target, [...(incoming.get(ref.target) ?? []), ref]);
  }
  return incoming;
}

/** "from 'Fetch' and 'Decide'": a click goes to the source state, or peeks at them all when there are several. */
function transitionsLens(state: StateModel, { doc, incoming }: LensContext): CodeLens {
  const refs = incoming.get(state) ?? [];
  const sources = [...new Set(refs.flatMap((r) => r.from ?? []))];
  const start = state.scope.startAt?.target === state ? 'start' : '';
  const range = toRange(doc.textDocument, state.nameSpan);
  if (sources.length === 0) return { range, command: { title: start || 'no state leads here', command: '' } };
  const names = sources.map((s) => `'${s.name}'${refs.every((r) => r.from !== s || r.kind === 'CatchNext') ? ' on error' : ''}`);
  const listed = names.length <= 3 ? names.join(', ').replace(/, ([^,]*)$/, ' and $1') : `${names.slice(0, 2).join(', ')} and ${names.length - 2} more`;
  const locations: Location[] = sources.map((s) => ({ uri: doc.uri, range: toRange(doc.textDocument, s.nameSpan) }));
  return {
    range,
    command: {
      title: `${start ? `${start} · ` : ''}from ${listed}`,
      tooltip: sources.length === 1 ? `Go to '${sources[0].name}'` : 'Show the states that lead here',
      command: SHOW_TRANSITION_SOURCES,
      arguments: [doc.uri, range.start, locations],
    },
  };
}

/** Runs this state alone in the Test State view (the client's asl.testState command). */
function testStateLens(state: StateModel, { doc }: LensContext): CodeLens | undefined {
  if (!state.type) return undefined;
  const range = toRange(doc.textDocument, state.nameSpan);
  // In a template the lens also says which state machine the state is in.
  if (doc.definition) return { range, command: { title: 'Test State', command: TEMPLATE_ACTION, arguments: [doc.uri, doc.definition.name, 'testState', state.name] } };
  return { range, command: { title: 'Test State', command: 'asl.testState', arguments: [doc.uri, state.name] } };
}
