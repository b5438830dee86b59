import { spanEnd, type Span } from '../document/ast';
import type { ParsedDocument } from '../document/parseDocument';
import type { SpanEdit } from './jsonEdits';
import { hclNameAt, hclString } from './hclEdits';
import { THROUGH_ALIAS, yamlScalar } from './yamlEdits';

/** The part of a name's literal a rename replaces: inside the quotes, or a whole plain YAML scalar. */
export function nameSpan(text: string, span: Span): Span {
  const quote = text[span.offset];
  if ((quote === '"' || quote === "'") && span.length >= 2 && text[spanEnd(span) - 1] === quote) return { offset: span.offset + 1, length: span.length - 2 };
  return span;
}

/**
 * Edits that write `name` at each literal (a state's key, a reference) in the document's syntax: escaped
 * inside double quotes (JSON and YAML alike), with `''` inside YAML single quotes, and as a YAML scalar where
 * it was plain (quoted if the new name needs it). Refused (a string) when one of them is repeated by an alias.
 */
export function renameEdits(doc: ParsedDocument, spans: Span[], name: string): SpanEdit[] | string {
  const { text } = doc;
  const shared = doc.sharedSpans ?? [];
  if (spans.some((s) => shared.some((a) => s.offset < spanEnd(a) && a.offset < spanEnd(s)))) return THROUGH_ALIAS;
  return spans.map((span) => {
    const inner = nameSpan(text, span);
    const quote = inner === span ? '' : text[span.offset];
    if (doc.format === 'hcl') return { span: quote === '"' ? inner : span, newText: quote === '"' ? hclString(name).slice(1, -1) : hclNameAt(doc, span, name) };
    if (quote === '"') return { span: inner, newText: JSON.stringify(name).slice(1, -1) };
    if (quote === "'") return { span: inner, newText: name.replace(/'/g, "''") };
    return { span, newText: doc.format === 'yaml' ? yamlScalar(name) : JSON.stringify(name) };
  });
}
