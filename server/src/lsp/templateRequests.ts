import { CodeActionKind, type CodeAction, type CodeLens, type DocumentLink } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { pathToFileURL } from 'node:url';
import { UNDEFINED_SUBSTITUTION } from '../core/templates/analyzeTemplate';
import { prepareTemplateRun } from '../core/templates/prepareTemplateRun';
import { addSubstitutionEdit } from '../core/templates/substitutionFix';
import { templateKeyHover } from '../core/templates/templateKeyHover';
import { unresolvedSubstitutions } from '../core/templates/unresolvedSubstitutions';
import { SelectStateMachineRequest, StateMachinesRequest, TemplateRunRequest } from '../protocol';
import type { FeatureContext } from './featureContext';
import { isTemplateDocument, linkTarget, type TemplateDocuments } from './templateDocuments';
import { toDiagnostic, toRange } from './toDiagnostic';

/** The client command the template lenses run: `(uri, stateMachine, 'graph' | 'run' | 'debug' | 'testState', stateName?)`. */
export const TEMPLATE_ACTION = 'asl.templateAction';

/**
 * Requests about the state machines of a template: the list, which one the graph and runs act on, document links
 * to the files `DefinitionUri` / `file()` / `templatefile()` name, and the definition a run starts from.
 */
export function registerTemplateRequests(ctx: FeatureContext, templates: TemplateDocuments, documentOf: (uri: string) => TextDocument | undefined): void {
  const templateOf = (uri: string) => {
    const textDocument = documentOf(uri);
    return textDocument && isTemplateDocument(textDocument) ? { textDocument, analyzed: templates.get(textDocument) } : undefined;
  };

  ctx.connection.onRequest(
    StateMachinesRequest.method,
    ctx.guard('stateMachines', [] as StateMachinesRequest.Result, (params: StateMachinesRequest.Params) => {
      const found = templateOf(params.uri);
      if (!found?.analyzed.template) return [];
      const chosen = templates.chosen(found.textDocument);
      return found.analyzed.template.definitions.map(({ definition }) => ({
        name: definition.name,
        line: found.textDocument.positionAt(definition.nameSpan.offset).line,
        selected: definition === chosen,
      }));
    }),
  );

  ctx.connection.onRequest(
    SelectStateMachineRequest.method,
    ctx.guard('selectStateMachine', null as SelectStateMachineRequest.Result, (params: SelectStateMachineRequest.Params) => {
      const found = templateOf(params.uri);
      const definitions = found?.analyzed.template?.definitions.map((d) => d.definition) ?? [];
      if (!found || definitions.length === 0) return null;
      const offset = params.position ? found.textDocument.offsetAt(params.position) : -1;
      const byName = typeof params.name === 'string' ? definitions.find((d) => d.name === params.name) : undefined;
      const byPosition = definitions.find((d) => {
        const from = Math.min(d.nameSpan.offset, d.span.offset);
        return offset >= from && offset <= d.span.offset + d.span.length;
      });
      const picked = byName ?? byPosition ?? (definitions.length === 1 ? definitions[0] : undefined);
      if (!picked) return { choices: definitions.map((d) => d.name) };
      templates.select(params.uri, picked.name);
      const link = linkTarget(params.uri, picked);
      return { selected: picked.name, ...(link ? { link: pathToFileURL(link).toString() } : {}) };
    }),
  );

  ctx.connection.onDocumentLinks(
    ctx.guard('documentLinks', [] as DocumentLink[], (params) => {
      const found = templateOf(params.textDocument.uri);
      const links: DocumentLink[] = [];
      for (const { definition } of found?.analyzed.template?.definitions ?? []) {
        const target = linkTarget(params.textDocument.uri, definition);
        if (!target || !definition.link) continue;
        links.push({ range: toRange(found!.textDocument, definition.link.span), target: pathToFileURL(target).toString(), tooltip: `Open ${definition.link.target}` });
      }
      return links;
    }),
  );

  ctx.templateHover = (uri, position) => {
    const found = templateOf(uri);
    const template = found?.analyzed.template;
    if (!template) return undefined;
    const hover = templateKeyHover(template, found.textDocument.offsetAt(position), (d) => templates.typeOf(uri, d));
    return hover && { markdown: hover.markdown, range: toRange(found.textDocument, hover.span) };
  };

  // `Graph · Run · Test State` above each state machine of a template (file-linked ones included).
  ctx.templateLenses = (uri) => {
    const found = templateOf(uri);
    const lenses: CodeLens[] = [];
    for (const { definition } of found?.analyzed.template?.definitions ?? []) {
      const range = toRange(found!.textDocument, definition.nameSpan);
      const action = (title: string, kind: string, tooltip: string): CodeLens => ({ range, command: { title, tooltip, command: TEMPLATE_ACTION, arguments: [uri, definition.name, kind] } });
      lenses.push(
        action('Graph', 'graph', `Open the graph of ${definition.name}`),
        action('Run', 'run', `Start an execution of ${definition.name}`),
        action('Debug', 'debug', `Debug ${definition.name} (stops at breakpoints)`),
        action('Test State', 'testState', `Run one state of ${definition.name} alone`),
      );
    }
    return lenses;
  };

  // Add a `${Name}` that nothing defines to DefinitionSubstitutions.
  ctx.templateFixes = (uri, range) => {
    const found = templateOf(uri);
    const template = found?.analyzed.template;
    if (!found || !template) return [];
    const start = found.textDocument.offsetAt(range.start);
    const end = found.textDocument.offsetAt(range.end);
    const text = found.textDocument.getText();
    const actions: CodeAction[] = [];
    for (const problem of templates.problems(found.textDocument)) {
      if (problem.code !== UNDEFINED_SUBSTITUTION || problem.span.offset > end || problem.span.offset + problem.span.length < start) continue;
      const name = problem.data?.name;
      const definition = template.definitions.find((d) => d.definition.name === problem.data?.definition)?.definition;
      if (typeof name !== 'string' || !definition) continue;
      const edits = addSubstitutionEdit(text, template.template.format, definition, name);
      if (!edits) continue;
      actions.push({
        title: `Add '${name}' to DefinitionSubstitutions`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [toDiagnostic(found.textDocument, problem)],
        isPreferred: true,
        edit: { changes: { [uri]: edits.map((e) => ({ range: toRange(found.textDocument, e.span), newText: e.newText })) } },
      });
    }
    return actions;
  };

  ctx.runnable = (uri, given) => {
    const found = templateOf(uri);
    if (!found?.analyzed.template) return undefined;
    const chosen = templates.chosen(found.textDocument);
    const entry = found.analyzed.template.definitions.find((d) => d.definition === chosen);
    if (!entry) return undefined;
    const linked = templates.readLinked(uri, entry.definition);
    const type = templates.typeOf(uri, entry.definition);
    return { name: entry.definition.name, type, prepared: prepareTemplateRun(found.textDocument.getText(), entry, linked, given, type) };
  };

  ctx.connection.onRequest(
    TemplateRunRequest.method,
    ctx.guard('templateRun', null as TemplateRunRequest.Result, (params: TemplateRunRequest.Params) => {
      const run = ctx.runnable?.(params.uri, ownStrings(params.substitutions));
      if (!run) return null;
      return { name: run.name, type: run.type, unset: 'definition' in run.prepared ? unresolvedSubstitutions(run.prepared.definition) : [] };
    }),
  );
}


/** The string entries of an object a client sent (substitution values), nothing through a prototype. */
export function ownStrings(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return out;
  for (const [key, v] of Object.entries(value)) if (typeof v === 'string') Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
}
