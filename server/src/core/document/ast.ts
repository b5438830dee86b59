import { setOwn } from './ownProps';
/**
 * A front-end neutral syntax tree, built by the JSON parser and by the YAML converter alike. Every node and every key keeps
 * its span in the source text, so diagnostics, navigation and edits can point at the exact characters.
 */

/** A half-open range of the source text: [offset, offset + length). */
export interface Span {
  offset: number;
  length: number;
}

export type AstNode = ObjectNode | ArrayNode | StringNode | NumberNode | BooleanNode | NullNode;

/**
 * A node (and a property) is its own span: `offset` and `length` are its fields, and `span` is the node itself, so
 * code that takes a Span takes `node.span`, and moving a node moves what holds its span. One Span object per node
 * would be most of a big file's tree (160,000 of 450,000 objects on 5,000 states), all copied by the young-generation
 * collector while the first analysis runs. Make nodes with `ownSpan` and properties with `new Property`; copy a span
 * with `plainSpan` before keeping it apart from the tree or sending it anywhere (a node's fields include its parent).
 */
interface NodeBase extends Span {
  readonly span: Span;
  /** The property or array holding this node, if any. */
  parent?: ObjectNode | ArrayNode;
}

export interface ObjectNode extends NodeBase {
  kind: 'object';
  /** Every property in source order, duplicates included. */
  properties: PropertyNode[];
}

export interface PropertyNode extends Span {
  key: string;
  /** The key's length in the text (quotes included); it starts where the property starts. */
  keyLength: number;
  /** The key's span: made when first asked for (most never are), it reads the property, so it moves with it. */
  readonly keySpan: Span;
  /** Missing while a property is being typed (`"Next":` with nothing after it). */
  value?: AstNode;
  /** The property itself (see NodeBase): from the start of the key to the end of the value (or key, when the value is missing). */
  readonly span: Span;
  /** Offset of the ':' or -1 when absent. */
  colonOffset: number;
}

/** A property of an object node (see PropertyNode). */
export class Property implements PropertyNode {
  readonly span: Span = this;
  private keySpanOnceAsked: KeySpan | undefined = undefined;

  constructor(
    public key: string,
    public keyLength: number,
    public value: AstNode | undefined,
    public offset: number,
    public length: number,
    public colonOffset: number,
  ) {}

  get keySpan(): Span {
    return (this.keySpanOnceAsked ??= new KeySpan(this));
  }
}

/** A property's key span, read from the property; written as JSON (or copied with plainSpan) it is {offset, length}. */
class KeySpan implements Span {
  constructor(private readonly property: Property) {}

  get offset(): number {
    return this.property.offset;
  }

  get length(): number {
    return this.property.keyLength;
  }

  toJSON(): Span {
    return plainSpan(this);
  }
}

export interface ArrayNode extends NodeBase {
  kind: 'array';
  items: AstNode[];
}

export interface StringNode extends NodeBase {
  kind: 'string';
  /** The decoded string value (escapes resolved). The span includes the quotes. */
  value: string;
  /** Set by front ends whose literals are not JSON strings (YAML): how the value is written, to map offsets in it. */
  literal?: StringLiteral;
}

/**
 * How a non-JSON string literal is written: its style and where its content lies in the text (inside the quotes;
 * for a block scalar, the lines after the `|` or `>` header).
 */
export interface StringLiteral {
  style: 'plain' | 'single' | 'double' | 'block';
  contentStart: number;
  contentEnd: number;
}

export interface NumberNode extends NodeBase {
  kind: 'number';
  value: number;
  /** True when the source literal has no fraction or exponent. */
  isInteger: boolean;
}

export interface BooleanNode extends NodeBase {
  kind: 'boolean';
  value: boolean;
}

export interface NullNode extends NodeBase {
  kind: 'null';
  value: null;
}

/**
 * What a new node's literal gives `span` until `ownSpan` makes it the node itself. The field is written in the literal
 * so that V8 keeps it inside the object: added afterwards, it would cost each node a separate property store.
 */
export const OWN_SPAN = null as unknown as Span;

/** The node (or property), its `span` now itself (see NodeBase). Write `span: OWN_SPAN` in the literal. */
export function ownSpan<T extends { readonly span: Span }>(node: T): T {
  (node as { span: Span }).span = node as unknown as Span;
  return node;
}

/** A copy of a span with nothing else of the node it may be. */
export function plainSpan(span: Span): Span {
  return { offset: span.offset, length: span.length };
}

export function spanEnd(span: Span): number {
  return span.offset + span.length;
}

export function spanContains(span: Span, offset: number): boolean {
  return offset >= span.offset && offset <= span.offset + span.length;
}

/**
 * Where a problem of a whole object or array is shown: its opening bracket, or for a YAML block mapping (which has
 * none) the empty span where its first key starts.
 */
export function openingSpan(node: AstNode): Span {
  const first = node.kind === 'object' ? node.properties[0] : undefined;
  return { offset: node.span.offset, length: first && first.keySpan.offset === node.span.offset ? 0 : 1 };
}

/** The last property with this key (JSON parsers keep the last duplicate), or undefined. */
export function getProperty(node: AstNode | undefined, key: string): PropertyNode | undefined {
  if (!node || node.kind !== 'object') return undefined;
  for (let i = node.properties.length - 1; i >= 0; i--) {
    if (node.properties[i].key === key) return node.properties[i];
  }
  return undefined;
}

export function getValue(node: AstNode | undefined, key: string): AstNode | undefined {
  return getProperty(node, key)?.value;
}

export function getString(node: AstNode | undefined, key: string): string | undefined {
  const v = getValue(node, key);
  return v?.kind === 'string' ? v.value : undefined;
}

/** Converts a node back into a plain JSON value (what the interpreter and evaluators work on). */
export function toJsonValue(node: AstNode): unknown {
  switch (node.kind) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const p of node.properties) {
        if (p.value) setOwn(out, p.key, toJsonValue(p.value));
      }
      return out;
    }
    case 'array':
      return node.items.map(toJsonValue);
    default:
      return node.value;
  }
}

/** The innermost node whose span contains the offset. */
export function findNodeAt(root: AstNode | undefined, offset: number): AstNode | undefined {
  let node = root;
  if (!node || !spanContains(node.span, offset)) return undefined;
  for (;;) {
    let next: AstNode | undefined;
    if (node.kind === 'object') {
      for (const p of node.properties) {
        if (p.value && spanContains(p.value.span, offset)) next = p.value;
      }
    } else if (node.kind === 'array') {
      next = node.items.find((item) => spanContains(item.span, offset));
    }
    if (!next) return node;
    node = next;
  }
}

/** The chain of keys and indexes from the root to a node, e.g. ['States', 'A', 'Retry', 0]. */
export function pathOf(node: AstNode): (string | number)[] {
  const path: (string | number)[] = [];
  let current: AstNode = node;
  while (current.parent) {
    const parent: ObjectNode | ArrayNode = current.parent;
    if (parent.kind === 'array') {
      path.unshift(parent.items.indexOf(current));
    } else {
      const prop = parent.properties.find((p) => p.value === current);
      path.unshift(prop ? prop.key : '?');
    }
    current = parent;
  }
  return path;
}
