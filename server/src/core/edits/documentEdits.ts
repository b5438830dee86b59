import type { ArrayNode, ObjectNode, Span } from '../document/ast';
import type { ParsedDocument } from '../document/parseDocument';
import { insertArrayItem, insertProperty } from './insertInto';
import { setAt, type SpanEdit } from './jsonEdits';
import type { JsonStyle } from './jsonStyle';
import { hclInsertArrayItem, hclInsertProperty, hclNameAt, hclSetAt, hclString } from './hclEdits';
import { yamlInsertArrayItem, yamlInsertProperty, yamlScalar, yamlSetAt } from './yamlEdits';

/**
 * Edits in the document's own syntax: the quick fixes and refactorings say what to change in the tree, and these
 * write it as JSON or as YAML. `style` (the JSON layout to copy) is read only for JSON: YAML edits take the
 * file's indentation from the file.
 */
export function setValueAt(doc: ParsedDocument, path: (string | number)[], value: unknown): SpanEdit[] {
  if (doc.format === 'hcl') return hclSetAt(doc, path, value);
  return doc.format === 'yaml' ? yamlSetAt(doc, path, value) : setAt(doc.text, path, value);
}

/** A string written as a literal of the document's syntax (a quoted JSON or HCL string, a YAML scalar). */
export function literalText(doc: ParsedDocument, value: string): string {
  if (doc.format === 'hcl') return hclString(value);
  return doc.format === 'yaml' ? yamlScalar(value) : JSON.stringify(value);
}

/** A key or name written where `span` holds one (HCL keeps a bare key bare), else as `literalText`. */
export function literalAt(doc: ParsedDocument, span: Span, value: string): string {
  return doc.format === 'hcl' ? hclNameAt(doc, span, value) : literalText(doc, value);
}

export function addProperty(doc: ParsedDocument, object: ObjectNode, key: string, value: unknown, style: JsonStyle, before: string[]): SpanEdit[] {
  if (doc.format === 'hcl') return hclInsertProperty(doc, object, key, value, before);
  return [doc.format === 'yaml' ? yamlInsertProperty(doc, object, key, value, before) : insertProperty(doc.text, object, key, value, style, before)];
}

export function addArrayItem(doc: ParsedDocument, array: ArrayNode, value: unknown, style: JsonStyle, atStart: boolean): SpanEdit[] {
  if (doc.format === 'hcl') return hclInsertArrayItem(doc, array, value, atStart);
  return [doc.format === 'yaml' ? yamlInsertArrayItem(doc, array, value, atStart) : insertArrayItem(doc.text, array, value, style, atStart)];
}

/** Why a set of edits cannot be made (one goes through a YAML alias), or undefined. */
export function refusal(edits: SpanEdit[]): string | undefined {
  return edits.find((e) => e.refused)?.refused;
}
