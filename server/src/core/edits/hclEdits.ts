import { getProperty, spanEnd, type ArrayNode, type AstNode, type ObjectNode, type PropertyNode, type Span } from '../document/ast';
import type { ParsedDocument } from '../document/parseDocument';
import { lineEnd, lineStart } from '../document/lineBounds';
import type { SpanEdit } from './jsonEdits';

/**
 * Edits inside a Terraform `jsonencode({...})` body, written as HCL (not JSON): `key = value` attributes, bare keys
 * where HCL allows them, strings with `${` and `%{` escaped, tuple items separated by commas, and new lines at the
 * indentation of their neighbours. What cannot be written safely (a value Terraform computes, a key already set,
 * a body with a syntax error) is refused with the reason.
 */

const IDENT = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const WORDS = new Set(['true', 'false', 'null', 'for', 'in', 'if']);

/** A string as an HCL quoted string: JSON escapes, and `${` / `%{` doubled so Terraform reads them as text. */
export function hclString(value: string): string {
  return JSON.stringify(value).replace(/[$%]\{/g, (m) => m[0] + m);
}

/** An object key as HCL writes it: bare when it is an identifier, else quoted. */
export function hclKey(key: string): string {
  return IDENT.test(key) && !WORDS.has(key) ? key : hclString(key);
}

/** A name written where `span` holds one: bare if it was bare and may stay so, else quoted. */
export function hclNameAt(doc: ParsedDocument, span: Span, name: string): string {
  return doc.text[span.offset] !== '"' && IDENT.test(name) && !WORDS.has(name) ? name : hclString(name);
}

function refused(at: Span, reason: string): SpanEdit[] {
  return [{ span: { offset: at.offset, length: 0 }, newText: '', refused: reason }];
}

function bodyRefusal(doc: ParsedDocument, at: Span): SpanEdit[] | undefined {
  return doc.syntaxProblems.some((p) => p.severity !== 'warning')
    ? refused(at, 'The jsonencode() body has a syntax error: fix it first, then apply this change')
    : undefined;
}

/** Whether a node is a Terraform expression read as a `${...}` placeholder, not a literal of the body. */
function isExpression(doc: ParsedDocument, node: AstNode | undefined): boolean {
  return node?.kind === 'string' && doc.text[node.span.offset] !== '"';
}

function expressionRefusal(doc: ParsedDocument, node: AstNode, what: string): SpanEdit[] {
  const written = doc.text.slice(node.span.offset, spanEnd(node.span)).replace(/\s+/g, ' ').slice(0, 60);
  return refused(node.span, `${what} is the Terraform expression \`${written}\` here, computed when Terraform plans: change it in Terraform`);
}

interface Layout {
  /** One line (`{ a = 1, b = 2 }`) or one member a line. */
  oneLine: boolean;
  /** The members' indentation (multi-line). */
  indent: string;
  /** One level of indentation in this file. */
  unit: string;
}

function indentOf(text: string, offset: number): string {
  return /^[ \t]*/.exec(text.slice(lineStart(text, offset), offset))![0];
}

function layoutOf(text: string, container: Span, members: Span[]): Layout {
  const open = container.offset;
  const lineIndent = indentOf(text, open);
  const first = members[0];
  const oneLine = first ? !text.slice(open + 1, first.offset).includes('\n') : !text.slice(open, spanEnd(container)).includes('\n');
  const indent = first && !oneLine ? indentOf(text, first.offset) : `${lineIndent}  `;
  const unit = indent.length > lineIndent.length ? indent.slice(lineIndent.length) : '  ';
  return { oneLine, indent, unit };
}

/** A value as HCL text; multi-line values start at the current column and continue at `indent`. */
export function hclValue(value: unknown, indent: string, unit: string, oneLine: boolean): string {
  if (typeof value === 'string') return hclString(value);
  if (value === null || value === undefined) return 'null';
  if (typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const scalars = value.every((v) => v === null || typeof v !== 'object');
    if (oneLine || scalars) return `[${value.map((v) => hclValue(v, indent, unit, true)).join(', ')}]`;
    // A tuple of objects: `[{` ... `}, {` ... `}]`, each object one attribute a line.
    return `[${value.map((v) => hclValue(v, indent, unit, false)).join(', ')}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  if (oneLine) return `{ ${entries.map(([k, v]) => `${hclKey(k)} = ${hclValue(v, indent, unit, true)}`).join(', ')} }`;
  const inner = indent + unit;
  return `{\n${entries.map(([k, v]) => `${inner}${hclKey(k)} = ${hclValue(v, inner, unit, false)}`).join('\n')}\n${indent}}`;
}

/** Where a new member goes after `last`: after its comma if one follows, and after a comment on its line. */
function afterMember(text: string, last: Span, closing: number): number {
  let at = spanEnd(last);
  const comma = /^[ \t]*,/.exec(text.slice(at, closing));
  if (comma) at += comma[0].length;
  const eol = lineEnd(text, at);
  return eol < closing && /^[ \t]*(#|\/\/)/.test(text.slice(at, eol)) ? eol : at;
}

/** Adds `key = value` to an object, before the first of `before` it has, else last. */
export function hclInsertProperty(doc: ParsedDocument, object: ObjectNode, key: string, value: unknown, before: string[]): SpanEdit[] {
  const bad = bodyRefusal(doc, object.span);
  if (bad) return bad;
  const existing = getProperty(object, key);
  if (existing?.value && isExpression(doc, existing.value)) return expressionRefusal(doc, existing.value, `'${key}'`);
  if (existing) return refused(existing.keySpan, `'${key}' is already set here: edit it instead`);
  const { text } = doc;
  const layout = layoutOf(text, object.span, object.properties.map((p) => p.span));
  const entry = `${hclKey(key)} = ${hclValue(value, layout.indent, layout.unit, layout.oneLine)}`;
  const target = object.properties.find((p) => before.includes(p.key));
  const closing = spanEnd(object.span) - 1;
  if (object.properties.length === 0) {
    const outer = indentOf(text, object.span.offset);
    const newText = layout.oneLine ? `{ ${entry} }` : `{\n${layout.indent}${entry}\n${outer}}`;
    return [{ span: object.span, newText }];
  }
  if (layout.oneLine) {
    if (target) return [{ span: { offset: target.keySpan.offset, length: 0 }, newText: `${entry}, ` }];
    return [{ span: { offset: spanEnd(object.properties.at(-1)!.span), length: 0 }, newText: `, ${entry}` }];
  }
  if (target && lineStart(text, target.keySpan.offset) + layout.indent.length === target.keySpan.offset) {
    return [{ span: { offset: lineStart(text, target.keySpan.offset), length: 0 }, newText: `${layout.indent}${entry}\n` }];
  }
  const last = target ? previousMember(object.properties, target) : object.properties.at(-1)!;
  if (!last) return [{ span: { offset: object.span.offset + 1, length: 0 }, newText: `\n${layout.indent}${entry}` }];
  return [{ span: { offset: afterMember(text, last.span, closing), length: 0 }, newText: `\n${layout.indent}${entry}` }];
}

function previousMember(properties: PropertyNode[], target: PropertyNode): PropertyNode | undefined {
  return properties[properties.indexOf(target) - 1];
}

/** Adds an item to a tuple, first or last, written like the items there. */
export function hclInsertArrayItem(doc: ParsedDocument, array: ArrayNode, value: unknown, atStart: boolean): SpanEdit[] {
  const bad = bodyRefusal(doc, array.span);
  if (bad) return bad;
  const { text } = doc;
  const layout = layoutOf(text, array.span, array.items.map((i) => i.span));
  if (array.items.length === 0) return [{ span: array.span, newText: `[${hclValue(value, indentOf(text, array.span.offset), layout.unit, false)}]` }];
  if (layout.oneLine) {
    // `[{ ... }]`: a new object written as the one beside it is (one line, or one attribute a line).
    const neighbour = atStart ? array.items[0] : array.items.at(-1)!;
    const flat = !text.slice(neighbour.span.offset, spanEnd(neighbour.span)).includes('\n');
    const item = hclValue(value, indentOf(text, array.span.offset), layout.unit, flat);
    return atStart
      ? [{ span: { offset: array.items[0].span.offset, length: 0 }, newText: `${item}, ` }]
      : [{ span: { offset: spanEnd(array.items.at(-1)!.span), length: 0 }, newText: `, ${item}` }];
  }
  const item = hclValue(value, layout.indent, layout.unit, false);
  if (atStart) return [{ span: { offset: lineStart(text, array.items[0].span.offset), length: 0 }, newText: `${layout.indent}${item},\n` }];
  const last = array.items.at(-1)!;
  const end = spanEnd(last.span);
  const comma = /^[ \t]*,/.exec(text.slice(end));
  return comma
    ? [{ span: { offset: end + comma[0].length, length: 0 }, newText: `\n${layout.indent}${item},` }]
    : [{ span: { offset: end, length: 0 }, newText: `,\n${layout.indent}${item}` }];
}

/** Sets (or, with `undefined`, removes) the value at a path of the body. */
export function hclSetAt(doc: ParsedDocument, path: (string | number)[], value: unknown): SpanEdit[] {
  const root = doc.root;
  if (!root) return refused({ offset: 0, length: 0 }, 'The jsonencode() body could not be read');
  let node: AstNode = root;
  for (const step of path.slice(0, -1)) {
    const next: AstNode | undefined = node.kind === 'object' && typeof step === 'string' ? getProperty(node, step)?.value : node.kind === 'array' && typeof step === 'number' ? node.items[step] : undefined;
    if (!next) return refused(node.span, `There is no '${String(step)}' here to change`);
    if (isExpression(doc, next)) return expressionRefusal(doc, next, `'${String(step)}'`);
    node = next;
  }
  const key = path.at(-1);
  if (node.kind !== 'object' || typeof key !== 'string') return refused(node.span, 'Only attributes of an object can be set here');
  const prop = getProperty(node, key);
  if (value === undefined) return prop ? hclRemoveProperty(doc, node, prop) : [];
  if (!prop) return hclInsertProperty(doc, node, key, value, []);
  const bad = bodyRefusal(doc, node.span);
  if (bad) return bad;
  if (!prop.value) return refused(prop.keySpan, `'${key}' has no value to replace`);
  const layout = layoutOf(doc.text, node.span, node.properties.map((p) => p.span));
  return [{ span: prop.value.span, newText: hclValue(value, indentOf(doc.text, prop.keySpan.offset), layout.unit, layout.oneLine) }];
}

/** Replaces an attribute by another (its key and value), where it stands. */
export function hclReplaceProperty(doc: ParsedDocument, object: ObjectNode, key: string, newKey: string, value: unknown): SpanEdit[] {
  const bad = bodyRefusal(doc, object.span);
  if (bad) return bad;
  const prop = getProperty(object, key);
  if (!prop) return [];
  const layout = layoutOf(doc.text, object.span, object.properties.map((p) => p.span));
  return [{ span: prop.span, newText: `${hclKey(newKey)} = ${hclValue(value, indentOf(doc.text, prop.keySpan.offset), layout.unit, layout.oneLine)}` }];
}

function hclRemoveProperty(doc: ParsedDocument, object: ObjectNode, prop: PropertyNode): SpanEdit[] {
  const bad = bodyRefusal(doc, object.span);
  if (bad) return bad;
  const { text } = doc;
  const start = prop.keySpan.offset;
  let end = spanEnd(prop.span);
  const comma = /^[ \t]*,?/.exec(text.slice(end))![0];
  end += comma.length;
  const from = lineStart(text, start);
  const to = lineEnd(text, end);
  // Alone on its line (a comment after it goes too): the whole line.
  if (/^[ \t]*$/.test(text.slice(from, start)) && /^[ \t]*((#|\/\/).*)?$/.test(text.slice(end, to))) {
    const next = text[to] === '\r' ? to + 2 : to + 1;
    return [{ span: { offset: from, length: Math.min(next, text.length) - from }, newText: '' }];
  }
  if (comma.includes(',')) return [{ span: { offset: start, length: end - start + (/^[ \t]*/.exec(text.slice(end))![0].length) }, newText: '' }];
  // The last on a line of several: take the comma before it.
  const before = /,[ \t]*$/.exec(text.slice(object.span.offset, start));
  return [{ span: { offset: before ? start - before[0].length : start, length: end - (before ? start - before[0].length : start) }, newText: '' }];
}
