import type { CodeLens, Command, Location } from 'vscode-languageserver';
import type { StateMachineModel, StateModel, StateReference } from '../../core/model/types';
import { CodeLensesRequest } from '../../protocol';
import type { AnalyzedDocument, FeatureContext } from '../featureContext';
import { RawJson, writerOfLastDocument } from '../rawJson';
import { TEMPLATE_ACTION } from '../templateRequests';
import { toRange } from '../toDiagnostic';
import { LensesJson } from './lensesJson';

/** The client command a transitions lens runs: `(uri, position, locations)`; one location reveals it, more peek. */
export const SHOW_TRANSITION_SOURCES = 'asl.showTransitionSources';

interface LensContext {
  doc: AnalyzedDocument;
  /** Transitions into each state (StartAt excluded), in document order. */
  incoming: Map<StateModel, StateReference[]>;
}

/**
 * One kind of lens shown above every state; a new kind (say, "Test State") is one more entry in STATE_LENSES. The
 * lenses are sent without their command (a 5,000-state file has 10,000 of them) and VS Code resolves those it shows.
 */
interface StateLens {
  /** Whether the state gets this lens (cheap: asked for every state). */
  shows(state: StateModel): boolean;
  command(state: StateModel, ctx: LensContext): Command;
}

const STATE_LENSES: StateLens[] = [
  { shows: () => true, command: transitionsCommand },
  { shows: (state) => state.type !== undefined, command: testStateCommand },
];

/** Numbers for document uris, so that each of thousands of lenses does not carry its uri. */
class LensUris {
  private readonly ids = new Map<string, number>();
  private readonly uris: string[] = [];
  id(uri: string): number {
    let id = this.ids.get(uri);
    if (id === undefined) this.ids.set(uri, (id = this.uris.push(uri) - 1));
    return id;
  }
  uri(id: unknown): string | undefined {
    return typeof id === 'number' ? this.uris[id] : undefined;
  }
}

export function registerCodeLens(ctx: FeatureContext): void {
  const uris = new LensUris();
  // Over stdio the answer is JSON written from the last one of the same document (the transport sends it as is).
  const jsonWriter = writerOfLastDocument(() => new LensesJson());
  ctx.connection.onCodeLens(
    ctx.guard('codeLens', [] as CodeLens[], (params) => {
      const uri = params.textDocument.uri;
      const compact = compactLenses(ctx, uris, uri);
      if (!ctx.rawJson) return CodeLensesRequest.expand(compact);
      return new RawJson(jsonWriter(uri).write(compact)) as unknown as CodeLens[];
    }),
  );
  ctx.connection.onRequest(
    CodeLensesRequest.method,
    ctx.guard('codeLenses', { lenses: [], byDefinition: [] } as CodeLensesRequest.Result, (params: CodeLensesRequest.Params) => compactLenses(ctx, uris, params.uri)),
  );
  const resolve = ctx.guard('codeLensResolve', undefined as CodeLens | undefined, (lens: CodeLens) => {
    const [id, version, definition, state, kind] = Array.isArray(lens.data) ? (lens.data as CodeLensesRequest.LensData) : [];
    const uri = uris.uri(id);
    const doc = uri === undefined ? undefined : ctx.getDocuments(uri)[definition ?? -1];
    const target = doc?.analysis.model.states[state ?? -1];
    const lensKind = STATE_LENSES[kind ?? -1];
    // A lens of an older version (the new ones are on their way) or one we did not make: nothing to run.
    if (!doc || doc.version !== version || !target || !lensKind) return { range: lens.range, command: { title: '', command: '' } };
    return { range: lens.range, command: lensKind.command(target, { doc, incoming: incomingTransitions(doc.analysis.model) }) };
  });
  ctx.connection.onCodeLensResolve(async (lens, token) => (await resolve(lens, token)) ?? lens);
}

function compactLenses(ctx: FeatureContext, uris: LensUris, uri: string): CodeLensesRequest.Result {
  const id = uris.id(uri);
  const result: CodeLensesRequest.Result = { lenses: [...(ctx.templateLenses?.(uri) ?? [])], byDefinition: [] };
  ctx.getDocuments(uri).forEach((doc, definition) => {
    // Run · Debug come with their command (two per machine); the state lenses are resolved when shown.
    result.lenses.push(...machineLenses(doc));
    result.byDefinition.push({ data: [id, doc.version, definition], states: stateLenses(doc) });
  });
  return result;
}

/** Per state: its name's range, its index and the kinds of lens it shows (see CodeLensesRequest). */
function stateLenses(doc: AnalyzedDocument): CodeLensesRequest.StateCell[] {
  const cells: CodeLensesRequest.StateCell[] = [];
  doc.analysis.model.states.forEach((state, index) => {
    let kinds = 0;
    STATE_LENSES.forEach((lens, kind) => {
      if (lens.shows(state)) kinds |= 1 << kind;
    });
    if (kinds === 0) return;
    const { start, end } = toRange(doc.textDocument, state.nameSpan);
    cells.push([start.line, start.character, end.line, end.character, index, kinds]);
  });
  return cells;
}

/** `Run · Debug` on the machine's StartAt line (a template has its own above each machine: templateRequests.ts). */
function machineLenses(doc: AnalyzedDocument): CodeLens[] {
  const startAt = doc.analysis.model.rootScope?.startAt;
  if (doc.definition || !startAt) return [];
  const range = toRange(doc.textDocument, startAt.node.span);
  return [
    { range, command: { title: 'Run', tooltip: 'Start an execution of this state machine', command: 'asl.startExecution', arguments: [doc.uri] } },
    { range, command: { title: 'Debug', tooltip: 'Debug this state machine (stops at breakpoints)', command: 'asl.debugMachine', arguments: [doc.uri] } },
  ];
}

const incomingCache = new WeakMap<StateMachineModel, Map<StateModel, StateReference[]>>();

function incomingTransitions(model: StateMachineModel): Map<StateModel, StateReference[]> {
  const cached = incomingCache.get(model);
  if (cached) return cached;
  const incoming = new Map<StateModel, StateReference[]>();
  for (const ref of model.symbols.references) {
    if (!ref.target || ref.kind === 'StartAt') continue;
    const refs = incoming.get(ref.target);
    if (refs) refs.push(ref);
    else incoming.set(ref.target, [ref]);
  }
  incomingCache.set(model, incoming);
  return incoming;
}

/** "from 'Fetch' and 'Decide'": a click goes to the source state, or peeks at them all when there are several. */
function transitionsCommand(state: StateModel, { doc, incoming }: LensContext): Command {
  const refs = incoming.get(state) ?? [];
  const sources = [...new Set(refs.flatMap((r) => r.from ?? []))];
  const start = state.scope.startAt?.target === state ? 'start' : '';
  if (sources.length === 0) return { title: start || 'no state leads here', command: '' };
  const names = sources.map((s) => `'${s.name}'${refs.every((r) => r.from !== s || r.kind === 'CatchNext') ? ' on error' : ''}`);
  const listed = names.length <= 3 ? names.join(', ').replace(/, ([^,]*)$/, ' and $1') : `${names.slice(0, 2).join(', ')} and ${names.length - 2} more`;
  const locations: Location[] = sources.map((s) => ({ uri: doc.uri, range: toRange(doc.textDocument, s.nameSpan) }));
  return {
    title: `${start ? `${start} · ` : ''}from ${listed}`,
    tooltip: sources.length === 1 ? `Go to '${sources[0].name}'` : 'Show the states that lead here',
    command: SHOW_TRANSITION_SOURCES,
    arguments: [doc.uri, doc.textDocument.positionAt(state.nameSpan.offset), locations],
  };
}

/** Runs this state alone in the Test State view (the client's asl.testState command). */
function testStateCommand(state: StateModel, { doc }: LensContext): Command {
  // In a template the lens also says which state machine the state is in.
  if (doc.definition) return { title: 'Test State', command: TEMPLATE_ACTION, arguments: [doc.uri, doc.definition.name, 'testState', state.name] };
  return { title: 'Test State', command: 'asl.testState', arguments: [doc.uri, state.name] };
}
