import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList } from 'vscode-languageserver';
import { cursorContext } from '../../core/completion/cursorContext';
import { jsonSnippetToHcl } from '../../core/completion/hclSnippet';
import { jsonSnippetToYaml } from '../../core/completion/yamlSnippet';
import { yamlCursorContext } from '../../core/completion/yamlCursorContext';
import { literalAt, literalText } from '../../core/edits/documentEdits';
import { literalSpan, separatorAfter } from '../../core/completion/replaceSpan';
import { getValue, type AstNode, type ObjectNode, type Span } from '../../core/document/ast';
import { STATE_TYPES, type Scope, type StateMachineModel, type StateModel } from '../../core/model/types';
import { CHOICE_OPERATORS } from '../../core/spec/choiceOperators';
import { STATES_ERRORS } from '../../core/spec/errorNames';
import type { FieldSpec } from '../../core/spec/fieldSpec';
import { COMMON_RESOURCES } from '../../core/spec/resourceArns';
import { STATE_TYPE_DOCS } from '../../core/spec/stateTypeDocs';
import { encodeCompletions } from '../encodeForHost';
import type { AnalyzedDocument, FeatureContext } from '../featureContext';
import { toRange } from '../toDiagnostic';
import { expressionCompletions, isExpressionString } from './completionExpressions';
import { choiceRuleItems, machineSnippetItems, newStateEdit, stateSnippetItems, valueSnippet } from './completionSnippets';

const SERVICE_ERRORS = ['Lambda.ServiceException', 'Lambda.AWSLambdaException', 'Lambda.SdkClientException', 'Lambda.TooManyRequestsException', 'Lambda.Unknown', 'Sandbox.Timedout'];

export function registerCompletion(ctx: FeatureContext): void {
  ctx.connection.onCompletion(
    ctx.guard('completion', { isIncomplete: false, items: [] } as CompletionList, (params) => {
      const doc = ctx.getDocument(params.textDocument.uri, params.position);
      return doc ? encodeCompletions(doc, completionsAt(doc, doc.textDocument.offsetAt(params.position))) : { isIncomplete: false, items: [] };
    }),
  );
}

/**
 * Every item replaces a span that contains the cursor and carries a filter text that starts like the text from
 * the span's start to the cursor, so editors that filter by that text (VS Code does) keep the item whether the
 * user is inside `""`, after a typed prefix or has typed no quote yet; accepting it leaves one pair of quotes.
 */
export function completionsAt(doc: AnalyzedDocument, offset: number): CompletionList {
  const list: CompletionList = { isIncomplete: false, items: [] };
  list.items = itemsAt(doc, offset, list);
  return list;
}

function itemsAt(doc: AnalyzedDocument, offset: number, list: CompletionList): CompletionItem[] {
  const model = doc.analysis.model;
  if (!model.root) return machineSnippetItems(doc, literalSpan(doc.analysis.doc.text, offset));
  const parsed = doc.analysis.doc;
  const context = parsed.format === 'yaml' ? yamlCursorContext(model, parsed.text, offset) : cursorContext(model, offset);

  if (context.kind === 'key') {
    const span = literalSpan(doc.analysis.doc.text, offset, context.property?.keySpan, 'key');
    const scope = model.scopes.find((s) => s.statesNode === context.object);
    if (scope) return stateSnippetItems(doc, span, scope, !parsed.format || parsed.format === 'json' ? separatorAfter(parsed.text, span.offset + span.length) : '');
    return keyCompletions(doc, context.object, context.property?.keySpan, span, context.site?.schema.fields, context.site?.queryLanguage);
  }

  if (context.kind === 'value') {
    const { property, node } = context;
    const key = property.key;
    if (node?.kind === 'string' && offset > node.span.offset && isExpressionString(key, node.value)) {
      return expressionCompletions(doc, node, offset, key);
    }
    const literal = new LiteralItems(doc, literalSpan(doc.analysis.doc.text, offset, node));
    // A word typed without quotes inside `[ ]` leaves the cursor on the array itself.
    if (key === 'ErrorEquals' && node?.kind === 'array') return errorNameItems(doc, literal, node, undefined);
    const spec = context.site?.schema.fields[key];
    if (key === 'Next' || key === 'Default' || key === 'StartAt') {
      const scope = scopeFor(model, context.object, key);
      // "New state…" is named after what is typed, so the editor must ask again as typing goes on.
      list.isIncomplete = key !== 'StartAt';
      return scope ? stateNameItems(doc, literal, scope, node, key !== 'StartAt') : [];
    }
    if (key === 'Type') return STATE_TYPES.map((t) => literal.item(t, CompletionItemKind.EnumMember, literalText(parsed, t), { documentation: STATE_TYPE_DOCS[t].doc }));
    if (key === 'Resource') return COMMON_RESOURCES.map((r) => literal.item(r, CompletionItemKind.Value, literalText(parsed, r)));
    if (spec?.enum) return spec.enum.map((v) => literal.item(v, CompletionItemKind.EnumMember, literalText(parsed, v)));
    if (spec?.kind === 'boolean' || (key in CHOICE_OPERATORS && CHOICE_OPERATORS[key] === 'boolean')) {
      return ['true', 'false'].map((v) => literal.item(v, CompletionItemKind.Value, v));
    }
    return [];
  }

  if (context.kind === 'arrayItem' && context.property?.key === 'ErrorEquals') {
    return errorNameItems(doc, new LiteralItems(doc, literalSpan(doc.analysis.doc.text, offset, context.node)), context.array, context.node);
  }
  // A plain word being typed after the dash is a string item until it gets its colon.
  if (context.kind === 'arrayItem' && parsed.format === 'yaml' && (!context.node || context.node.kind === 'string') && context.property) {
    return newRuleItems(doc, context.array, context.property.key, offset);
  }
  return [];
}

/** After `- ` in a YAML list of Choice rules: a new rule (with Next in Choices, without in And/Or). */
function newRuleItems(doc: AnalyzedDocument, array: AstNode, key: string, offset: number): CompletionItem[] {
  const text = doc.analysis.doc.text;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const dash = /^(\s*)(-\s+)[\w]*$/.exec(text.slice(lineStart, offset));
  if (!dash || !['Choices', 'And', 'Or'].includes(key)) return [];
  // The Choice state holding the list (And/Or lists sit in its rules, at any depth).
  let state: StateModel | undefined;
  for (let node: AstNode | undefined = array.parent; node && !state; node = node.parent) state = doc.analysis.model.states.find((s) => s.node === node && s.type === 'Choice');
  if (!state) return [];
  const from = lineStart + dash[1].length + dash[2].length;
  const span = { offset: from, length: offset - from };
  return choiceRuleItems(doc, span, state.queryLanguage === 'JSONata' ? 'JSONata' : 'JSONPath', key !== 'Choices', dash[2].length);
}

/** Items that replace one literal span; their filter text is the literal they insert (`"Name"` with quotes). */
class LiteralItems {
  constructor(
    private readonly doc: AnalyzedDocument,
    readonly span: Span,
  ) {}

  item(label: string, kind: CompletionItemKind, literal: string, extra: Partial<CompletionItem> = {}): CompletionItem {
    return { label, kind, filterText: literal, ...extra, textEdit: { range: toRange(this.doc.textDocument, this.span), newText: literal } };
  }
}

function errorNameItems(doc: AnalyzedDocument, literal: LiteralItems, array: AstNode, current: AstNode | undefined): CompletionItem[] {
  const model = doc.analysis.model;
  const raised = model.states.flatMap((s) => {
    const error = s.type === 'Fail' ? getValue(s.node, 'Error') : undefined;
    return error?.kind === 'string' ? [error.value] : [];
  });
  const listed = new Set(array.kind === 'array' ? array.items.flatMap((i) => (i !== current && i.kind === 'string' ? [i.value] : [])) : []);
  const names = [...new Set([...Object.keys(STATES_ERRORS).filter((n) => n !== 'States.Runtime' && n !== 'States.DataLimitExceeded'), ...raised, ...SERVICE_ERRORS])];
  return names
    .filter((name) => !listed.has(name))
    .map((name, i) =>
      literal.item(name, CompletionItemKind.EnumMember, literalText(doc.analysis.doc, name), {
        documentation: STATES_ERRORS[name] ?? (raised.includes(name) ? 'Raised by a Fail state of this machine.' : 'Service error.'),
        sortText: String(i).padStart(3, '0'),
      }),
    );
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

function stateNameItems(doc: AnalyzedDocument, literal: LiteralItems, scope: Scope, node: AstNode | undefined, offerNew: boolean): CompletionItem[] {
  const items = scope.states
    .filter((s) => scope.byName.get(s.name) === s)
    .map((s) => literal.item(s.name, CompletionItemKind.Reference, literalText(doc.analysis.doc, s.name), { detail: s.type ? `${s.type} state` : 'state' }));
  if (!offerNew) return items;
  // A name typed that no state starts with is offered as the new state's name; while it still prefixes an
  // existing name, that name is what the user wants, and "New state…" waits (the list is incomplete).
  const typed = node?.kind === 'string' ? node.value.trim() : '';
  const prefixes = typed !== '' && scope.states.some((s) => s.name.toLowerCase().startsWith(typed.toLowerCase()));
  const stub = prefixes || typed.length > 80 ? undefined : newStateEdit(doc, scope, typed || undefined);
  if (!stub) return items;
  items.push({
    ...literal.item('New state…', CompletionItemKind.Snippet, literalText(doc.analysis.doc, stub.name), { detail: `Adds '${stub.name}' (a Pass state) to this States block`, sortText: '~' }),
    additionalTextEdits: [stub.edit],
  });
  return items;
}

function keyCompletions(
  doc: AnalyzedDocument,
  object: ObjectNode,
  keySpan: Span | undefined,
  span: Span,
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
  const range = toRange(doc.textDocument, span);
  const parsed = doc.analysis.doc;
  const hcl = parsed.format === 'hcl';
  const hasValue = (hcl ? /^[ \t]*[:=]/ : /^[ \t]*:/).test(parsed.text.slice(span.offset + span.length, span.offset + span.length + 100));
  const comma = hasValue || parsed.format === 'yaml' || hcl ? '' : separatorAfter(parsed.text, span.offset + span.length);
  // In a jsonencode() body a key is written bare or quoted as the user began it (`Reso` or `"Reso`).
  const keyText = (name: string) => (hcl ? literalAt(parsed, span, name) : literalText(parsed, name));
  const entry = (name: string) => {
    const value = valueSnippet(name, fields?.[name], queryLanguage);
    if (hcl) return `${keyText(name)} = ${jsonSnippetToHcl(value) ?? '$1'}`;
    const json = `${JSON.stringify(name)}: ${value}`;
    return parsed.format === 'yaml' ? (jsonSnippetToYaml(json) ?? `${literalText(parsed, name)}: $1`) : `${json}${comma}`;
  };
  return candidates
    .filter(([name]) => !present.has(name))
    .map(([name, documentation]) => ({
      label: name,
      kind: CompletionItemKind.Property,
      documentation,
      filterText: keyText(name),
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range, newText: hasValue ? keyText(name) : entry(name) },
    }));
}

function isNestedRule(rules: AstNode[], object: ObjectNode): boolean {
  for (let node: AstNode | undefined = object.parent; node; node = node.parent) if (rules.includes(node)) return true;
  return false;
}
