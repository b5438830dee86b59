import type { AstNode, Span } from '../../server/src/core/document/ast';
import { offsetInString } from '../../server/src/core/document/stringOffsets';

/**
 * Where a span sits in a document tree, in terms that do not depend on the syntax: the path of keys and indexes
 * to the innermost node (or key) that holds it, and for a span strictly inside a string, the decoded character
 * indexes it covers. Two documents with the same tree give the same location for the same place.
 */
export function locateSpan(text: string, root: AstNode | undefined, span: Span): unknown[] {
  const start = span.offset;
  const end = span.offset + span.length;
  const within = (s: Span) => start >= s.offset && end <= s.offset + s.length;
  const path: unknown[] = [];
  let node = root;
  while (node && within(node.span)) {
    // A whole object's or array's problem sits on its opening: a bracket, or the start of a YAML block mapping.
    if (start === node.span.offset && (span.length === 1 ? /[[{]/.test(text[start]) : span.length === 0 && node.kind !== 'string')) return [...path, 'opening'];
    let next: AstNode | undefined;
    if (node.kind === 'object') {
      for (const p of node.properties) {
        if (within(p.keySpan) && p.keySpan.length > 0) return [...path, p.key, 'key'];
        if (p.value && within(p.value.span)) {
          next = p.value;
          path.push(p.key);
        }
      }
    } else if (node.kind === 'array') {
      const index = node.items.findIndex((item) => within(item.span));
      if (index >= 0) {
        next = node.items[index];
        path.push(index);
      }
    }
    if (!next) {
      if (node.kind === 'string' && (start !== node.span.offset || end !== node.span.offset + node.span.length)) {
        return [...path, 'chars', indexAt(text, node, start), indexAt(text, node, end)];
      }
      return [...path, start === node.span.offset && end === node.span.offset + node.span.length ? 'whole' : 'inside'];
    }
    node = next;
  }
  return [...path, 'outside'];
}

function indexAt(text: string, node: AstNode & { kind: 'string' }, offset: number): number {
  for (let i = 0; i <= node.value.length; i++) if (offsetInString(text, node, i) >= offset) return i;
  return node.value.length;
}
