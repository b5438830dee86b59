import { modify, type FormattingOptions, type JSONPath } from 'jsonc-parser';
import { pathOf, type AstNode, type Span } from '../document/ast';

/** A text replacement in core terms; the LSP layer turns spans into ranges. */
export interface SpanEdit {
  span: Span;
  newText: string;
  /** Set when the edit must not be made (it would go through a YAML alias): why, to show instead. */
  refused?: string;
}

/** Indentation the document already uses (two spaces when it cannot tell). */
export function detectFormatting(text: string): FormattingOptions {
  const m = /\n([ \t]+)"/.exec(text);
  const indent = m?.[1] ?? '  ';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return indent.startsWith('\t') ? { insertSpaces: false, tabSize: 4, eol } : { insertSpaces: true, tabSize: indent.length, eol };
}

/**
 * Sets (or, with `undefined`, removes) the value at a JSON path, keeping the formatting and everything else in
 * the file as it is (jsonc-parser's modify). `insertAt` inserts into an array at that index.
 */
export function setAt(text: string, path: JSONPath, value: unknown, insertAt?: number): SpanEdit[] {
  const edits = modify(text, path, value, {
    formattingOptions: detectFormatting(text),
    ...(insertAt !== undefined ? { isArrayInsertion: true } : {}),
  });
  return edits.map((e) => ({ span: { offset: e.offset, length: e.length }, newText: e.content }));
}

/** The JSON path of a node, for setAt. */
export function jsonPathOf(node: AstNode): JSONPath {
  return pathOf(node);
}

/** Applies edits (non-overlapping) to a text: used by tests and by edits computed in several steps. */
export function applyEdits(text: string, edits: SpanEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.span.offset - a.span.offset)) {
    out = out.slice(0, e.span.offset) + e.newText + out.slice(e.span.offset + e.span.length);
  }
  return out;
}

/** The one edit that turns `before` into `after` (their differing middle). */
export function minimalEdit(before: string, after: string): SpanEdit {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endOld = before.length;
  let endNew = after.length;
  while (endOld > start && endNew > start && before[endOld - 1] === after[endNew - 1]) {
    endOld--;
    endNew--;
  }
  return { span: { offset: start, length: endOld - start }, newText: after.slice(start, endNew) };
}
