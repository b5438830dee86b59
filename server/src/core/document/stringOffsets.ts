import type { Span, StringNode } from './ast';
import { offsetInYamlString } from './yamlStringOffsets';

/**
 * Maps an index into a string node's decoded value to an offset in the document text, walking the raw
 * literal so that escapes (`\"`, `\\`, `\u0041`) are counted at their source width.
 */
export function offsetInString(text: string, node: StringNode, index: number): number {
  if (node.literal) return offsetInYamlString(text, node.literal, node.value, index);
  let raw = node.span.offset + 1;
  const end = node.span.offset + node.span.length - 1;
  let decoded = 0;
  while (decoded < index && raw < end) {
    if (text.charCodeAt(raw) === 92 /* \ */) {
      raw += text.charCodeAt(raw + 1) === 117 /* u */ ? 6 : 2;
    } else {
      raw += 1;
    }
    decoded += 1;
  }
  return Math.min(raw, Math.max(end, node.span.offset));
}

/** Where the string's content starts and ends in the text: inside the quotes, or a YAML literal's content. */
export function stringContentSpan(node: StringNode): Span {
  if (node.literal) return { offset: node.literal.contentStart, length: Math.max(0, node.literal.contentEnd - node.literal.contentStart) };
  return { offset: node.span.offset + 1, length: Math.max(0, node.span.length - 2) };
}

/** The document span of `value.slice(start, start + length)` for a string node. */
export function spanInString(text: string, node: StringNode, start: number, length: number): Span {
  const from = offsetInString(text, node, start);
  const to = offsetInString(text, node, start + length);
  return { offset: from, length: Math.max(to - from, 0) };
}
