import type { AstNode, Span, StringNode } from '../document/ast';

/** A `${Name}` (or `${!Name}`) in a string: the name and its place in the string's value. */
export interface SubstitutionUse {
  name: string;
  /** `${!Name}`: Fn::Sub writes it as the literal `${Name}`. */
  escaped: boolean;
  /** Index of `$` in the value and length of `${...}`. */
  index: number;
  length: number;
}

const USE = /\$\{([^{}]*)\}/g;

/** The `${...}` uses of a string value, left to right. */
export function substitutionUses(value: string): SubstitutionUse[] {
  const uses: SubstitutionUse[] = [];
  if (!value.includes('${')) return uses;
  for (const m of value.matchAll(USE)) {
    const inner = m[1].trim();
    const escaped = inner.startsWith('!');
    uses.push({ name: escaped ? inner.slice(1) : inner, escaped, index: m.index, length: m[0].length });
  }
  return uses;
}

/** Every string node of a tree, keys excluded, in document order (iteratively: trees may be deep). */
export function stringNodes(root: AstNode | undefined): StringNode[] {
  const out: StringNode[] = [];
  const stack: AstNode[] = root ? [root] : [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.kind === 'string') out.push(node);
    else if (node.kind === 'object') for (let i = node.properties.length - 1; i >= 0; i--) { const v = node.properties[i].value; if (v) stack.push(v); }
    else if (node.kind === 'array') for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
  }
  return out;
}

/** Whether a span lies within another. */
export function spanWithin(inner: Span, outer: Span): boolean {
  return inner.offset >= outer.offset && inner.offset + inner.length <= outer.offset + outer.length;
}
