import { spanEnd, type ArrayNode, type ObjectNode } from '../document/ast';
import type { SpanEdit } from './jsonEdits';
import { formatValue, isOneLine, lineIndent, type JsonStyle } from './jsonStyle';

/**
 * Adds `"key": value` to `object` just before the first of its properties named in `before` (so Retry lands
 * before Catch, and both before Next/End), or after its last property; on the object's own line when the object
 * is written on one line, else on a line of its own indented like its siblings.
 */
export function insertProperty(text: string, object: ObjectNode, key: string, value: unknown, style: JsonStyle, before: string[]): SpanEdit {
  const oneLine = isOneLine(text, object.span);
  const anchor = object.properties.find((p) => before.includes(p.key));
  const sibling = anchor ?? object.properties.at(-1);
  if (!sibling) {
    const indent = lineIndent(text, object.span.offset);
    const inner = indent + style.unit;
    const entry = `${JSON.stringify(key)}: ${formatValue(value, style, oneLine ? indent : inner)}`;
    const newText = oneLine ? ` ${entry} ` : `${style.eol}${inner}${entry}${style.eol}${indent}`;
    return { span: { offset: object.span.offset + 1, length: object.span.length - 2 }, newText };
  }
  const indent = lineIndent(text, sibling.keySpan.offset);
  const entry = `${JSON.stringify(key)}: ${formatValue(value, style, indent)}`;
  const gap = oneLine ? ' ' : `${style.eol}${indent}`;
  if (anchor) return { span: { offset: anchor.keySpan.offset, length: 0 }, newText: `${entry},${gap}` };
  return { span: { offset: spanEnd(sibling.span), length: 0 }, newText: `,${gap}${entry}` };
}

/** Adds `value` as the first (or last) item of `array`, laid out like the items already there. */
export function insertArrayItem(text: string, array: ArrayNode, value: unknown, style: JsonStyle, atStart: boolean): SpanEdit {
  const first = array.items[0];
  if (!first) return { span: array.span, newText: formatValue([value], style, lineIndent(text, array.span.offset)) };
  const ownLines = text.slice(array.span.offset, first.span.offset).includes('\n');
  const indent = ownLines ? lineIndent(text, first.span.offset) : lineIndent(text, array.span.offset);
  const item = formatValue(value, style, indent, 1);
  const gap = ownLines ? `${style.eol}${indent}` : ' ';
  if (atStart) return { span: { offset: first.span.offset, length: 0 }, newText: `${item},${gap}` };
  return { span: { offset: spanEnd(array.items.at(-1)!.span), length: 0 }, newText: `,${gap}${item}` };
}
