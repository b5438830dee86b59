import assert from 'node:assert/strict';
import type { AstNode, PropertyNode } from '../../server/src/core/document/ast';

/**
 * The tree as plain data (spans, keys, values, string literals), for comparing a reparsed tree with a fresh parse;
 * on the way, checks every parent link and that every node and property is its own span (ast.ts: a copy or a
 * replaced span would not move with the node).
 */
export function treeSnapshot(node: AstNode | undefined, parent?: AstNode): unknown {
  if (!node) return null;
  assert.equal(node.parent, parent, `parent link of the ${node.kind} at ${node.span.offset}`);
  assert.equal(node.span, node, `span of the ${node.kind} at ${node.offset}`);
  const base = { kind: node.kind, offset: node.span.offset, length: node.span.length };
  if (node.kind === 'object') {
    for (const p of node.properties) assert.equal(p.span, p, `span of the property ${p.key} at ${p.offset}`);
    return { ...base, properties: node.properties.map((p: PropertyNode) => [p.key, p.keySpan.offset, p.keySpan.length, p.span.offset, p.span.length, p.colonOffset, treeSnapshot(p.value, node)]) };
  }
  if (node.kind === 'array') return { ...base, items: node.items.map((item) => treeSnapshot(item, node)) };
  return { ...base, value: node.value, ...(node.kind === 'number' ? { isInteger: node.isInteger } : {}), ...(node.kind === 'string' ? { literal: node.literal } : {}) };
}
