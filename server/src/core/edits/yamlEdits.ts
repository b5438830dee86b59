import { Document, isCollection, visit } from 'yaml';
import { getProperty, spanEnd, type AstNode, type ArrayNode, type ObjectNode, type Span } from '../document/ast';
import type { ParsedDocument } from '../document/parseDocument';
import { cloudFormationTags } from '../document/yamlParser';
import type { SpanEdit } from './jsonEdits';
import { lineEnd, lineStart } from '../document/lineBounds';

/** The message of an edit that would have to change an anchored value that aliases repeat. */
export const THROUGH_ALIAS = 'This would edit a value that a YAML alias (*name) or merge key (<<) repeats elsewhere: edit the anchored value (&name) itself';

/** How the file writes YAML: its indentation unit and how far a block sequence's dashes sit in from its key. */
interface YamlStyle {
  unit: number;
  seqIndent: number;
  eol: string;
}

function styleOf(text: string): YamlStyle {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  let unit = 0;
  let seqIndent: number | undefined;
  for (let i = 0; i + 1 < lines.length; i++) {
    const key = /^(\s*)(?:- )?[^\s#-][^:#]*:\s*(#.*)?$/.exec(lines[i]);
    if (!key) continue;
    const keyColumn = lines[i].search(/[^\s-]/);
    const next = /^(\s*)(-\s)?/.exec(lines[i + 1])!;
    const column = next[1].length;
    if (column > keyColumn && (unit === 0 || column - keyColumn < unit) && !next[2]) unit = column - keyColumn;
    if (next[2] && seqIndent === undefined && column >= keyColumn) seqIndent = column - keyColumn;
  }
  const u = unit >= 1 && unit <= 8 ? unit : 2;
  return { unit: u, seqIndent: seqIndent !== undefined && seqIndent <= 8 ? seqIndent : u, eol };
}

/** A string as a YAML scalar that reads back as the same string (plain when it can be, quoted when it must). */
export function yamlScalar(value: string): string {
  if (/[\n\r]/.test(value)) return JSON.stringify(value);
  return new Document(value, { version: '1.1', customTags: cloudFormationTags }).toString({ lineWidth: 0 }).replace(/\n$/, '');
}

/** A value in YAML block style (`flow`: in flow style, on one line), without a trailing newline. */
function yamlText(value: unknown, style: YamlStyle, flow: boolean): string {
  if (!flow) return blockLines(value, 0, style).join('\n');
  const doc = new Document(value, { version: '1.1', customTags: cloudFormationTags });
  visit(doc, { Node: (_, node) => void (isCollection(node) && (node.flow = true)) });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: true }).replace(/\n$/, '');
}

function scalarText(value: unknown): string {
  return typeof value === 'string' ? yamlScalar(value) : value === null || value === undefined ? 'null' : JSON.stringify(value);
}

/**
 * A value written in block style at column `at`, with the file's indentation unit and sequence indent; empty
 * collections as `{}` and `[]`.
 */
function blockLines(value: unknown, at: number, style: YamlStyle): string[] {
  const pad = (n: number) => ' '.repeat(n);
  const isBlock = (v: unknown) => typeof v === 'object' && v !== null && (Array.isArray(v) ? v.length > 0 : Object.keys(v).length > 0);
  if (!isBlock(value)) return [`${pad(at)}${scalarText(value)}`];
  const lines: string[] = [];
  if (Array.isArray(value)) {
    for (const item of value) {
      const inner = blockLines(item, at + 2, style);
      lines.push(`${pad(at)}- ${inner[0].trimStart()}`, ...inner.slice(1));
    }
  } else {
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      if (!isBlock(v)) {
        lines.push(`${pad(at)}${yamlScalar(key)}: ${scalarText(v)}`);
        continue;
      }
      lines.push(`${pad(at)}${yamlScalar(key)}:`, ...blockLines(v, at + (Array.isArray(v) ? style.seqIndent : style.unit), style));
    }
  }
  return lines;
}

function indentLines(block: string, indent: string, eol: string): string {
  return block.split('\n').map((line, i) => (i === 0 || line === '' ? line : indent + line)).join(eol);
}

function isFlow(text: string, node: AstNode): boolean {
  return text[node.span.offset] === '{' || text[node.span.offset] === '[';
}

/** An edit that goes into (or replaces) `target`, refused when `target` is repeated by an alias. */
function guarded(doc: ParsedDocument, target: Span, edit: SpanEdit): SpanEdit {
  const shared = doc.sharedSpans?.some((s) => target.offset < spanEnd(s) && s.offset < spanEnd(target) || (target.length === 0 && target.offset >= s.offset && target.offset <= spanEnd(s)));
  return shared ? { ...edit, refused: THROUGH_ALIAS } : edit;
}

/**
 * Adds `key: value` to a mapping just before the first of its keys named in `before`, or after its last one: in
 * a block mapping on a line of its own at the keys' column (a comment at the end of the line before stays there),
 * in a flow mapping inline.
 */
export function yamlInsertProperty(doc: ParsedDocument, object: ObjectNode, key: string, value: unknown, before: string[]): SpanEdit {
  const { text } = doc;
  const style = styleOf(text);
  const anchor = object.properties.find((p) => before.includes(p.key));
  const last = object.properties.at(-1);
  if (isFlow(text, object) || !last) {
    const entry = yamlText({ [key]: value }, style, true).replace(/^\{ ?|,? ?\}$/g, '');
    if (!last) return guarded(doc, object.span, { span: object.span, newText: `{ ${entry} }` });
    if (anchor) return guarded(doc, object.span, { span: { offset: anchor.keySpan.offset, length: 0 }, newText: `${entry}, ` });
    return guarded(doc, object.span, { span: { offset: spanEnd(last.span), length: 0 }, newText: `, ${entry}` });
  }
  const first = object.properties[0];
  const indent = ' '.repeat(first.keySpan.offset - lineStart(text, first.keySpan.offset));
  const entry = indentLines(yamlText({ [key]: value }, style, false), indent, style.eol);
  if (anchor) return guarded(doc, object.span, { span: { offset: anchor.keySpan.offset, length: 0 }, newText: `${entry}${style.eol}${indent}` });
  return guarded(doc, object.span, { span: { offset: lineEnd(text, spanEnd(last.span)), length: 0 }, newText: `${style.eol}${indent}${entry}` });
}

/** Adds `value` as the first (or last) item of a sequence, written like the items already there. */
export function yamlInsertArrayItem(doc: ParsedDocument, array: ArrayNode, value: unknown, atStart: boolean): SpanEdit {
  const { text } = doc;
  const style = styleOf(text);
  const first = array.items[0];
  if (!first || isFlow(text, array)) {
    const item = yamlText(value, style, true);
    if (!first) return guarded(doc, array.span, { span: array.span, newText: `[ ${item} ]` });
    if (atStart) return guarded(doc, array.span, { span: { offset: first.span.offset, length: 0 }, newText: `${item}, ` });
    return guarded(doc, array.span, { span: { offset: spanEnd(array.items.at(-1)!.span), length: 0 }, newText: `, ${item}` });
  }
  const dash = text.lastIndexOf('-', first.span.offset);
  const indent = ' '.repeat(dash - lineStart(text, dash));
  const item = indentLines(yamlText([value], style, false), indent, style.eol);
  if (atStart) return guarded(doc, array.span, { span: { offset: dash, length: 0 }, newText: `${item}${style.eol}${indent}` });
  return guarded(doc, array.span, { span: { offset: lineEnd(text, spanEnd(array.items.at(-1)!.span)), length: 0 }, newText: `${style.eol}${indent}${item}` });
}

/** Sets (or, with `undefined`, removes) the value at a path of keys, as YAML edits. */
export function yamlSetAt(doc: ParsedDocument, path: (string | number)[], value: unknown): SpanEdit[] {
  let parent: AstNode | undefined = doc.root;
  for (const segment of path.slice(0, -1)) {
    parent = typeof segment === 'number' ? (parent?.kind === 'array' ? parent.items[segment] : undefined) : getProperty(parent, segment)?.value;
  }
  const key = path.at(-1);
  if (parent?.kind !== 'object' || typeof key !== 'string') return [];
  const property = getProperty(parent, key);
  const { text } = doc;
  if (value === undefined) {
    if (!property) return [];
    if (isFlow(text, parent)) {
      const index = parent.properties.indexOf(property);
      const next = parent.properties[index + 1];
      const previous = parent.properties[index - 1];
      const span = next ? { offset: property.span.offset, length: next.span.offset - property.span.offset } : previous ? { offset: spanEnd(previous.span), length: spanEnd(property.span) - spanEnd(previous.span) } : { offset: parent.span.offset + 1, length: parent.span.length - 2 };
      return [guarded(doc, parent.span, { span, newText: '' })];
    }
    const start = lineStart(text, property.keySpan.offset);
    const onDashLine = text.slice(start, property.keySpan.offset).includes('-');
    const next = parent.properties[parent.properties.indexOf(property) + 1];
    if (onDashLine) {
      if (!next) return [];
      return [guarded(doc, parent.span, { span: { offset: property.keySpan.offset, length: next.keySpan.offset - property.keySpan.offset }, newText: '' })];
    }
    const end = lineEnd(text, spanEnd(property.span));
    const after = text[end] === '\r' ? end + 2 : end + 1;
    return [guarded(doc, parent.span, { span: { offset: start, length: Math.min(after, text.length) - start }, newText: '' })];
  }
  if (property?.value && (typeof value !== 'object' || value === null) && property.value.kind !== 'object' && property.value.kind !== 'array') {
    const written = typeof value === 'string' ? yamlScalar(value) : JSON.stringify(value);
    return [guarded(doc, property.value.span, { span: property.value.span, newText: written })];
  }
  if (property) return yamlReplaceProperty(doc, parent, key, key, value);
  return [yamlInsertProperty(doc, parent, key, value, [])];
}

/** Replaces a property (key and value) of a mapping by `key: value`, in its place. */
export function yamlReplaceProperty(doc: ParsedDocument, object: ObjectNode, oldKey: string, key: string, value: unknown): SpanEdit[] {
  const property = getProperty(object, oldKey);
  if (!property) return [];
  const { text } = doc;
  const style = styleOf(text);
  if (isFlow(text, object)) return [guarded(doc, object.span, { span: property.span, newText: yamlText({ [key]: value }, style, true).replace(/^\{ ?|,? ?\}$/g, '') })];
  const indent = ' '.repeat(property.keySpan.offset - lineStart(text, property.keySpan.offset));
  const entry = indentLines(yamlText({ [key]: value }, style, false), indent, style.eol);
  return [guarded(doc, object.span, { span: { offset: property.keySpan.offset, length: lineEnd(text, spanEnd(property.span)) - property.keySpan.offset }, newText: entry })];
}
