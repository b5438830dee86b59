import { getProperty, getValue, spanEnd, toJsonValue, type AstNode, type ObjectNode } from '../document/ast';
import type { ParsedDocument } from '../document/parseDocument';
import type { Scope, StateMachineModel, StateModel } from '../model/types';
import type { Problem } from '../validation/types';
import { addProperty, literalAt, literalText, refusal, setValueAt } from './documentEdits';
import { hclReplaceProperty } from './hclEdits';
import { applyEdits, jsonPathOf, minimalEdit, setAt, type SpanEdit } from './jsonEdits';
import { isOneLine, styleFrom } from './jsonStyle';
import { yamlReplaceProperty } from './yamlEdits';
import { templateToJsonata, pathToJsonata } from './toJsonata';

export interface Fix {
  title: string;
  edits: SpanEdit[];
  isPreferred?: boolean;
  /** Why the fix cannot be applied here (shown greyed out, with the reason, instead of editing). */
  disabled?: string;
}

interface FixContext {
  doc: ParsedDocument;
  model: StateMachineModel;
  problem: Problem;
}

type FixProvider = (ctx: FixContext) => Fix[];

/** Quick fixes by rule code: each reads the problem's span and `data`, never its message. */
const PROVIDERS: Record<string, FixProvider> = {
  'unknown-state': ({ doc, model, problem }) => {
    const suggestions = (problem.data?.suggestions as string[] | undefined) ?? [];
    const name = problem.data?.name as string | undefined;
    const fixes: Fix[] = suggestions.map((s, i) => ({
      title: `Change to '${s}'`,
      edits: [{ span: problem.span, newText: literalText(doc, s) }],
      isPreferred: i === 0,
    }));
    const ref = model.symbols.references.find((r) => r.node.span.offset === problem.span.offset);
    if (name && ref && !model.symbols.definitions.has(name)) {
      const stub = addStateEdit(doc, ref.scope, name, { Type: 'Pass', End: true });
      if (stub) fixes.push({ title: `Create state '${name}'`, edits: stub });
    }
    return fixes;
  },
  'unknown-field': ({ doc, problem }) => {
    const field = problem.data?.field as string;
    const property = propertyAtKey(doc, problem.span.offset);
    const fixes: Fix[] = ((problem.data?.suggestions as string[] | undefined) ?? []).map((s, i) => ({
      title: `Change to '${s}'`,
      edits: [{ span: problem.span, newText: literalAt(doc, problem.span, s) }],
      isPreferred: i === 0,
    }));
    if (property) fixes.push({ title: `Remove '${field}'`, edits: setValueAt(doc, [...jsonPathOf(property.object), field], undefined) });
    return fixes;
  },
  'next-or-end': ({ doc, model, problem }) => {
    const state = model.states.find((s) => s.nameSpan.offset === problem.span.offset || (s.node.kind === 'object' && spanContains(s.node, problem.span.offset)));
    if (!state || !problem.data?.missing) return [];
    const path = jsonPathOf(state.node);
    const fixes: Fix[] = [{ title: 'Add "End": true', edits: setValueAt(doc, [...path, 'End'], true) }];
    const following = nextInSource(state);
    if (following) fixes.unshift({ title: `Add "Next": "${following.name}"`, edits: setValueAt(doc, [...path, 'Next'], following.name) });
    return fixes;
  },
  'states-all-position': ({ doc, model, problem }) => {
    const kind = problem.data?.kind as string | undefined;
    const index = problem.data?.index as number | undefined;
    if (!kind || index === undefined) return [];
    const state = model.states.find((s) => spanContains(s.node, problem.span.offset));
    const array = state && getValue(state.node, kind === 'Retrier' ? 'Retry' : 'Catch');
    if (array?.kind !== 'array') return [];
    return [{ title: `Move the States.ALL ${kind.toLowerCase()} to the end`, edits: moveToEnd(doc.text, array.items, index), isPreferred: true }];
  },
  'heartbeat-below-timeout': ({ problem }) => {
    const timeout = problem.data?.timeoutSeconds as number | undefined;
    if (!timeout || timeout < 2) return [];
    const value = Math.max(1, Math.floor(timeout / 2));
    return [{ title: `Set HeartbeatSeconds to ${value}`, edits: [{ span: problem.span, newText: String(value) }], isPreferred: true }];
  },
  'deprecated-field': ({ doc, problem }) => {
    const replacement = problem.data?.replacement as string;
    return [{ title: `Rename to '${replacement}'`, edits: [{ span: problem.span, newText: literalAt(doc, problem.span, replacement) }], isPreferred: true }];
  },
  'query-language-field': ({ doc, problem }) => {
    const replacement = problem.data?.replacement as string | undefined;
    const property = propertyAtKey(doc, problem.span.offset);
    if (!replacement || !property?.prop.value || getProperty(property.object, replacement)) return [];
    const value = toJsonValue(property.prop.value);
    const converted = property.prop.key === 'Parameters' ? templateToJsonata(value)
      : typeof value === 'string' && value.startsWith('$') ? pathToJsonata(value)
      : property.prop.key === 'Result' ? value
      : undefined;
    if (converted === undefined) return [];
    const path = jsonPathOf(property.object);
    const edits = doc.format === 'yaml'
      ? yamlReplaceProperty(doc, property.object, property.prop.key, replacement, converted)
      : doc.format === 'hcl'
        ? hclReplaceProperty(doc, property.object, property.prop.key, replacement, converted)
        : insertThenRemove(doc.text, setAt(doc.text, [...path, replacement], converted), [...path, property.prop.key]);
    return [{ title: `Replace '${property.prop.key}' with '${replacement}' (JSONata)`, edits, isPreferred: true }];
  },
};

export function quickFixes(doc: ParsedDocument, model: StateMachineModel, problem: Problem): Fix[] {
  const provider = PROVIDERS[problem.code];
  return provider ? withRefusals(provider({ doc, model, problem })) : [];
}

/** A fix with an edit that would go through a YAML alias is kept, disabled, with the reason. */
export function withRefusals(fixes: Fix[]): Fix[] {
  return fixes.map((fix) => {
    const reason = refusal(fix.edits);
    return reason ? { title: fix.title, edits: [], disabled: reason } : fix;
  });
}

function spanContains(node: AstNode, offset: number): boolean {
  return offset >= node.span.offset && offset <= spanEnd(node.span);
}

/** The property whose key starts at `offset`, with its object. */
function propertyAtKey(doc: ParsedDocument, offset: number) {
  const stack: AstNode[] = doc.root ? [doc.root] : [];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.kind === 'array') stack.push(...node.items);
    if (node.kind !== 'object' || !spanContains(node, offset)) continue;
    for (const prop of node.properties) {
      if (prop.keySpan.offset === offset) return { object: node as ObjectNode, prop };
      if (prop.value) stack.push(prop.value);
    }
  }
  return undefined;
}

function nextInSource(state: StateModel): StateModel | undefined {
  const list = state.scope.states;
  return list[list.indexOf(state) + 1];
}

/** Adds `"name": body` at the end of a States block, written on one line or expanded like the state before it. */
export function addStateEdit(doc: ParsedDocument, scope: Scope, name: string, body: object): SpanEdit[] | undefined {
  const states = scope.statesNode;
  if (states?.kind !== 'object') return undefined;
  const last = states.properties.at(-1)?.value;
  const style = styleFrom(doc.text, undefined, states);
  style.oneLineFrom = !last || isOneLine(doc.text, last.span) ? 0 : Infinity;
  return addProperty(doc, states, name, body, style, []);
}

/** Rotates array item `index` to the end by rewriting item slots with the original item texts. */
function moveToEnd(text: string, items: AstNode[], index: number): SpanEdit[] {
  const slices = items.map((i) => text.slice(i.span.offset, spanEnd(i.span)));
  const order = [...slices.slice(0, index), ...slices.slice(index + 1), slices[index]];
  return items
    .map((item, j) => ({ span: item.span, newText: order[j] }))
    .filter((e, j) => e.newText !== slices[j]);
}

/** Insert a field, then remove another, as one edit (both computed by jsonc-parser on the current text). */
function insertThenRemove(text: string, insert: SpanEdit[], removePath: (string | number)[]): SpanEdit[] {
  const inserted = applyEdits(text, insert);
  return [minimalEdit(text, applyEdits(inserted, setAt(inserted, removePath, undefined)))];
}
