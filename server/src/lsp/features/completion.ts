import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Range, type TextEdit } from 'vscode-languageserver';
import { cursorContext } from '../../core/completion/cursorContext';
import { getValue, type AstNode, type ObjectNode, type Span } from '../../core/document/ast';
import { INTRINSIC_SIGNATURES } from '../../core/expressions/intrinsicSignatures';
import { AWS_JSONATA_FUNCTIONS } from '../../core/expressions/jsonata';
import { STATE_TYPES, type Scope, type StateMachineModel } from '../../core/model/types';
import { CHOICE_OPERATORS } from '../../core/spec/choiceOperators';
import { CONTEXT_FIELDS } from '../../core/spec/contextObject';
import { STATES_ERRORS } from '../../core/spec/errorNames';
import type { FieldSpec } from '../../core/spec/fieldSpec';
import { COMMON_RESOURCES } from '../../core/spec/resourceArns';
import { STATE_TYPE_DOCS } from '../../core/spec/stateTypeDocs';
import { assignments } from '../../core/validation/variables';
import type { AnalyzedDocument, FeatureContext } from '../featureContext';
import { toRange } from '../toDiagnostic';
import { newStateEdit, valueSnippet } from './completionSnippets';

const SERVICE_ERRORS = ['Lambda.ServiceException', 'Lambda.AWSLambdaException', 'Lambda.SdkClientException', 'Lambda.TooManyRequestsException', 'Lambda.Unknown', 'Sandbox.Timedout'];

export function registerCompletion(ctx: FeatureContext): void {
  ctx.connection.onCompletion(
    ctx.guard('completion', [] as CompletionItem[], (params) => {
      const doc = ctx.getDocument(params.textDocument.uri);
      return doc ? completionsAt(doc, doc.textDocument.offsetAt(params.position)) : [];
    }),
  );
}

export function completionsAt(doc: AnalyzedDocument, offset: number): CompletionItem[] {
  const model = doc.analysis.model;
  const context = cursorContext(model, offset);
  const text = doc.textDocument;
  const replace = (node: AstNode | undefined): Range => (node ? toRange(text, node.span) : toRange(text, { offset, length: 0 }));

  if (context.kind === 'key') return keyCompletions(doc, context.object, context.property?.keySpan, offset, context.site?.schema.fields, context.site?.queryLanguage);

  if (context.kind === 'value') {
    const { property, node } = context;
    const key = property.key;
    const range = replace(node);
    const spec = context.site?.schema.fields[key];
    if (node?.kind === 'string' && offset > node.span.offset && offset < node.span.offset + node.span.length) {
      const inString = stringCompletions(doc, node.value, node.span, offset, key);
      if (inString.length || !isNameField(key, spec)) return inString;
    }
    if (key === 'Next' || key === 'Default' || key === 'StartAt') {
      const scope = scopeFor(model, context.object, key);
      return scope ? stateNameItems(doc, scope, range, key === 'StartAt' ? undefined : offset) : [];
    }
    if (key === 'Type') return STATE_TYPES.map((t) => ({ label: t, kind: CompletionItemKind.EnumMember, documentation: STATE_TYPE_DOCS[t].doc, textEdit: { range, newText: JSON.stringify(t) } }));
    if (key === 'Resource') return COMMON_RESOURCES.map((r) => ({ label: r, kind: CompletionItemKind.Value, textEdit: { range, newText: JSON.stringify(r) } }));
    if (spec?.enum) return spec.enum.map((v) => ({ label: v, kind: CompletionItemKind.EnumMember, textEdit: { range, newText: JSON.stringify(v) } }));
    if (spec?.kind === 'boolean' || key in CHOICE_OPERATORS && CHOICE_OPERATORS[key] === 'boolean') {
      return ['true', 'false'].map((v) => ({ label: v, kind: CompletionItemKind.Value, textEdit: { range, newText: v } }));
    }
    return [];
  }

  if (context.kind === 'arrayItem' && context.property?.key === 'ErrorEquals') {
    const range = replace(context.node);
    const raised = model.states.flatMap((s) => {
      const error = s.type === 'Fail' ? getValue(s.node, 'Error') : undefined;
      return error?.kind === 'string' ? [error.value] : [];
    });
    const names = [...Object.keys(STATES_ERRORS).filter((n) => n !== 'States.Runtime' && n !== 'States.DataLimitExceeded'), ...new Set(raised), ...SERVICE_ERRORS];
    return names.map((name, i) => ({
      label: name,
      kind: CompletionItemKind.EnumMember,
      documentation: STATES_ERRORS[name] ?? (raised.includes(name) ? 'Raised by a Fail state of this machine.' : 'Service error.'),
      sortText: String(i).padStart(3, '0'),
      textEdit: { range, newText: JSON.stringify(name) },
    }));
  }
  return [];
}

function isNameField(key: string, spec: FieldSpec | undefined): boolean {
  return key === 'Next' || key === 'Default' || key === 'StartAt' || key === 'Type' || key === 'Resource' || !!spec?.enum;
}

/** The States block in which a Next/Default/StartAt in `object` must resolve. */
function scopeFor(model: StateMachineModel, object: ObjectNode, key: string): Scope | undefined {
  if (key === 'StartAt') return model.scopes.find((s) => s.node === object);
  for (const state of model.states) {
    if (state.node === object) return state.scope;
    if (state.choiceRules.some((r) => r.node === object) || state.catchers.some((c) => c.node === object)) return state.scope;
  }
  return undefined;
}

function stateNameItems(doc: AnalyzedDocument, scope: Scope, range: Range, offset: number | undefined): CompletionItem[] {
  const items: CompletionItem[] = scope.states
    .filter((s) => scope.byName.get(s.name) === s)
    .map((s) => ({
      label: s.name,
      kind: CompletionItemKind.Reference,
      detail: s.type ? `${s.type} state` : 'state',
      textEdit: { range, newText: JSON.stringify(s.name) },
    }));
  if (offset !== undefined) {
    const stub = newStateEdit(doc, scope);
    if (stub) {
      items.push({
        label: 'New state…',
        kind: CompletionItemKind.Snippet,
        detail: `Adds '${stub.name}' (a Pass state) to this States block`,
        sortText: '~',
        textEdit: { range, newText: JSON.stringify(stub.name) },
        additionalTextEdits: [stub.edit],
      });
    }
  }
  return items;
}

function keyCompletions(
  doc: AnalyzedDocument,
  object: ObjectNode,
  keySpan: Span | undefined,
  offset: number,
  fields: Record<string, FieldSpec> | undefined,
  queryLanguage: 'JSONPath' | 'JSONata' | undefined,
): CompletionItem[] {
  const model = doc.analysis.model;
  const present = new Set(object.properties.filter((p) => p.keySpan !== keySpan).map((p) => p.key));
  let candidates: [string, string | undefined][];
  if (fields) {
    candidates = Object.entries(fields)
      .filter(([, spec]) => !spec.queryLanguage || spec.queryLanguage === queryLanguage)
      .filter(([, spec]) => !spec.deprecatedBy)
      .map(([name, spec]) => [name, spec.doc]);
  } else if (model.states.some((s) => s.queryLanguage === 'JSONPath' && s.choiceRules.some((r) => r.node === object) || isNestedRule(s.choiceRules.map((r) => r.node), object))) {
    candidates = ['Variable', 'Next', 'And', 'Or', 'Not', 'Assign', 'Comment', ...Object.keys(CHOICE_OPERATORS)].map((k) => [k, undefined]);
  } else {
    return [];
  }
  const range = keySpan ? toRange(doc.textDocument, keySpan) : toRange(doc.textDocument, { offset, length: 0 });
  const hasValue = keySpan !== undefined && object.properties.some((p) => p.keySpan === keySpan && p.colonOffset >= 0);
  return candidates
    .filter(([name]) => !present.has(name))
    .map(([name, documentation]) => ({
      label: name,
      kind: CompletionItemKind.Property,
      documentation,
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range, newText: hasValue ? JSON.stringify(name) : `${JSON.stringify(name)}: ${valueSnippet(name, fields?.[name], queryLanguage)}` } satisfies TextEdit,
    }));
}

function isNestedRule(rules: AstNode[], object: ObjectNode): boolean {
  for (let node: AstNode | undefined = object.parent; node; node = node.parent) if (rules.includes(node)) return true;
  return false;
}

/** Inside a string: intrinsics, `$$.` context fields, variables, `$states.` fields and JSONata functions. */
function stringCompletions(doc: AnalyzedDocument, value: string, span: Span, offset: number, key: string): CompletionItem[] {
  const raw = doc.analysis.doc.text.slice(span.offset + 1, offset);
  const word = /[$\w.]*$/.exec(raw)?.[0] ?? '';
  const range = toRange(doc.textDocument, { offset: offset - word.length, length: word.length });
  const item = (label: string, kind: CompletionItemKind, documentation?: string, insert = label): CompletionItem => ({
    label, kind, documentation, textEdit: { range, newText: insert }, filterText: label,
  });
  const variables = [...new Set(assignments(doc.analysis.model).map((a) => a.name))];
  const jsonata = value.startsWith('{%');
  if (jsonata) {
    return [
      ...['input', 'result', 'errorOutput', 'context'].map((f) => item(`$states.${f}`, CompletionItemKind.Field)),
      ...Object.keys(CONTEXT_FIELDS).map((f) => item(`$states.context.${f}`, CompletionItemKind.Field, CONTEXT_FIELDS[f])),
      ...Object.entries(AWS_JSONATA_FUNCTIONS).map(([n, f]) => item(`$${n}`, CompletionItemKind.Function, `${f.signature}: ${f.doc}`, `$${n}($1)`)),
      ...variables.map((v) => item(`$${v}`, CompletionItemKind.Variable, 'Variable')),
    ];
  }
  if (!key.endsWith('.$') && !key.endsWith('Path') && key !== 'Variable') return [];
  return [
    ...Object.values(INTRINSIC_SIGNATURES).map((s) => ({
      ...item(s.name, CompletionItemKind.Function, `${s.doc}\n\nExample: ${s.example}`),
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range, newText: `${s.name}(${s.params.map((p, i) => `\${${i + 1}:${p.name}}`).join(', ')})` },
    })),
    ...Object.keys(CONTEXT_FIELDS).map((f) => item(`$$.${f}`, CompletionItemKind.Field, CONTEXT_FIELDS[f])),
    ...variables.map((v) => item(`$${v}`, CompletionItemKind.Variable, 'Variable')),
  ];
}
