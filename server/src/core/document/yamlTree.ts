import { isAlias, isMap, isScalar, isSeq, type Alias, type Node as YamlNode, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { OWN_SPAN, ownSpan, Property, type ArrayNode, type AstNode, type BooleanNode, type NullNode, type NumberNode, type ObjectNode, type Span, type StringLiteral, type StringNode } from './ast';
import { MAX_NESTING_DEPTH, type SyntaxProblem } from './parseDocument';
import { aliasSizes } from './yamlAliasSizes';
import type { YamlSource } from './yamlParser';

/** CloudFormation's short-form intrinsic function tags, read as their long form (`!Sub x` → `{"Fn::Sub": x}`). */
export const CLOUDFORMATION_TAGS: ReadonlySet<string> = new Set([
  'Ref', 'Condition', 'Base64', 'Cidr', 'FindInMap', 'GetAtt', 'GetAZs', 'ImportValue', 'Join', 'Select', 'Split', 'Sub',
  'Transform', 'And', 'Equals', 'If', 'Not', 'Or', 'ToJsonString', 'Length',
]);

/** Nodes that aliases and merge keys may add beyond the text's own: a YAML bomb stops here. */
export const MAX_ALIAS_NODES = 100_000;

export interface YamlTree {
  root: AstNode | undefined;
  /** The YAML problems inside the converted node, then the conversion's own, in text order. */
  problems: SyntaxProblem[];
  /** Anchored nodes repeated by aliases or merge keys, and the aliases themselves (see ParsedDocument.sharedSpans). */
  sharedSpans: Span[];
}

/**
 * Converts a node of a YAML document into the syntax tree the JSON parser builds, with offsets into the YAML
 * text: the whole document, or a sub-node (a `Definition:` inside a template), whose positions stay the
 * template's. An alias is read through (checked as the anchored value); its copy has every span on the alias
 * itself, so each place in the text belongs to one node. Never throws.
 */
export function yamlNodeToTree(source: YamlSource, node: unknown): YamlTree {
  const builder = new TreeBuilder(source);
  const root = builder.build(node);
  const range = isNodeWithRange(node) ? node.range : undefined;
  const inside = range ? source.problems.filter((p) => p.span.offset >= range[0] && p.span.offset <= range[2]) : [...source.problems];
  const problems = [...inside, ...builder.problems].sort((a, b) => a.span.offset - b.span.offset);
  return { root, problems, sharedSpans: builder.sharedSpans };
}

/** An alias being read through: every node built under it takes the alias's span. */
interface Copy {
  span: Span;
}

class TreeBuilder {
  readonly problems: SyntaxProblem[] = [];
  readonly sharedSpans: Span[] = [];
  private readonly anchors = new Map<string, YamlNode>();
  private readonly expanding = new Set<YamlNode>();
  private readonly sharedNodes = new Set<YamlNode>();
  private copiedNodes = 0;
  private exhausted = false;
  private sizes: Map<YamlNode, number> | undefined;

  constructor(private readonly source: YamlSource) {}

  build(node: unknown): AstNode | undefined {
    return this.value(node, undefined, 0, undefined);
  }

  private value(node: unknown, parent: ObjectNode | ArrayNode | undefined, depth: number, copy: Copy | undefined): AstNode | undefined {
    if (node === null || node === undefined) return undefined;
    if (depth > MAX_NESTING_DEPTH) {
      this.problem(copy?.span ?? spanOfNode(node as YamlNode), `The document is nested more than ${MAX_NESTING_DEPTH} levels deep`);
      return undefined;
    }
    if (copy && !this.countCopy(copy.span)) return undefined;
    if (isAlias(node)) return this.alias(node, parent, depth, copy);
    const yamlNode = node as YamlNode;
    if (!copy && yamlNode.anchor) this.anchors.set(yamlNode.anchor, yamlNode);
    const tag = cloudFormationTag(yamlNode.tag);
    if (tag) return this.intrinsic(yamlNode, tag, parent, depth, copy);
    return this.plainValue(yamlNode, parent, depth, copy);
  }

  private plainValue(node: YamlNode, parent: ObjectNode | ArrayNode | undefined, depth: number, copy: Copy | undefined): AstNode | undefined {
    if (isMap(node)) return this.map(node, parent, depth, copy);
    if (isSeq(node)) return this.seq(node, parent, depth, copy);
    if (isScalar(node)) return this.scalar(node, parent, copy);
    return undefined;
  }

  private alias(alias: Alias, parent: ObjectNode | ArrayNode | undefined, depth: number, copy: Copy | undefined): AstNode | undefined {
    const target = this.anchors.get(alias.source);
    const span = copy?.span ?? spanOfNode(alias);
    if (!target) return nullAt(span, parent);
    if (this.expanding.has(target)) {
      this.problem(span, `The alias *${alias.source} refers to a value that contains it`);
      return nullAt(span, parent);
    }
    if (!copy && !this.affordable(target, span, alias.source)) return nullAt(span, parent);
    this.share(target, copy ? undefined : span);
    this.expanding.add(target);
    try {
      return this.value(target, parent, depth + 1, copy ?? { span });
    } finally {
      this.expanding.delete(target);
    }
  }

  private intrinsic(node: YamlNode, tag: string, parent: ObjectNode | ArrayNode | undefined, depth: number, copy: Copy | undefined): ObjectNode {
    const tagSpan = copy?.span ?? tagSpanBefore(this.source.text, node, tag);
    const inner = spanOfNode(node);
    const span = copy?.span ?? { offset: tagSpan.offset, length: Math.max(spanEnd(inner), spanEnd(tagSpan)) - tagSpan.offset };
    const object = ownSpan<ObjectNode>({ kind: 'object', properties: [], offset: span.offset, length: span.length, span: OWN_SPAN, parent });
    const key = tag === 'Ref' || tag === 'Condition' ? tag : `Fn::${tag}`;
    const value = this.plainValue(node, object, depth + 1, copy);
    if (value?.kind === 'string' && isScalar(node) && typeof node.value !== 'string') value.value = String(node.source ?? node.value);
    object.properties.push(new Property(key, tagSpan.length, value, span.offset, span.length, -1));
    return object;
  }

  private map(map: YAMLMap, parent: ObjectNode | ArrayNode | undefined, depth: number, copy: Copy | undefined): ObjectNode {
    const span = copy?.span ?? collectionSpan(map);
    const object = ownSpan<ObjectNode>({ kind: 'object', properties: [], offset: span.offset, length: span.length, span: OWN_SPAN, parent });
    const items = map.items as Pair[];
    const own = new Set<string>();
    for (const pair of items) if (!isMergeKey(pair)) own.add(this.keyText(pair));
    const merged = new Set<string>();
    for (const pair of items) {
      if (isMergeKey(pair)) {
        this.merge(object, pair, own, merged, depth, copy);
        continue;
      }
      if (!isScalar(pair.key) && pair.key !== null) {
        this.problem(copy?.span ?? spanOfNode(pair.key as YamlNode), 'A key must be a string, not a collection');
        continue;
      }
      const key = this.keyText(pair);
      const keySpan = copy?.span ?? (pair.key ? spanOfNode(pair.key as YamlNode) : { offset: span.offset, length: 0 });
      const value = this.value(pair.value, object, depth + 1, copy);
      const end = value && !copy ? Math.max(spanEnd(value.span), spanEnd(keySpan)) : spanEnd(keySpan);
      const propSpan = copy?.span ?? { offset: keySpan.offset, length: end - keySpan.offset };
      const prop = new Property(key, keySpan.length, value, propSpan.offset, propSpan.length, copy ? -1 : colonAfter(this.source.text, spanEnd(keySpan)));
      if (!copy && isAlias(pair.value)) prop.length = spanEnd(spanOfNode(pair.value)) - keySpan.offset;
      object.properties.push(prop);
    }
    if (!copy && !map.flow) object.length = blockEnd(object.properties.map((p) => p.span), object.offset) - object.offset;
    return object;
  }

  /** `<<: *base` or `<<: [*a, *b]`: the merged maps' keys that this map does not set, the first map winning. */
  private merge(object: ObjectNode, pair: Pair, own: Set<string>, merged: Set<string>, depth: number, copy: Copy | undefined): void {
    const sources = isSeq(pair.value) ? (pair.value.items as unknown[]) : [pair.value];
    for (const item of sources) {
      const converted = this.value(item, object, depth + 1, copy);
      if (!isAlias(item) || converted?.kind !== 'object') {
        this.problem(copy?.span ?? spanOfNode((item ?? pair.key) as YamlNode), 'A merge key (<<) takes an alias of a mapping, or a list of them');
        continue;
      }
      for (const prop of converted.properties) {
        if (own.has(prop.key) || merged.has(prop.key)) continue;
        merged.add(prop.key);
        object.properties.push(prop);
      }
    }
  }

  private seq(seq: YAMLSeq, parent: ObjectNode | ArrayNode | undefined, depth: number, copy: Copy | undefined): ArrayNode {
    const span = copy?.span ?? collectionSpan(seq);
    const array = ownSpan<ArrayNode>({ kind: 'array', items: [], offset: span.offset, length: span.length, span: OWN_SPAN, parent });
    for (const item of seq.items) {
      const value = this.value(item, array, depth + 1, copy);
      if (value) array.items.push(value);
      else if (item === null && !copy) array.items.push(nullAt({ offset: array.offset, length: 0 }, array));
    }
    if (!copy && !seq.flow) array.length = blockEnd(array.items.map((i) => i.span), array.offset) - array.offset;
    return array;
  }

  private scalar(scalar: Scalar, parent: ObjectNode | ArrayNode | undefined, copy: Copy | undefined): AstNode {
    const span = copy?.span ?? scalarSpan(scalar, this.source.text);
    const value = scalar.value;
    const { offset, length } = span;
    if (value === null || value === undefined) return nullAt(span, parent);
    if (typeof value === 'boolean') return ownSpan<BooleanNode>({ kind: 'boolean', value, offset, length, span: OWN_SPAN, parent });
    if (typeof value === 'number' || typeof value === 'bigint') {
      const source = scalar.source ?? String(value);
      const isInteger = Number.isInteger(Number(value)) && (/^[-+]?0[xob]/i.test(source) || !/[.eE]/.test(source));
      return ownSpan<NumberNode>({ kind: 'number', value: Number(value), isInteger, offset, length, span: OWN_SPAN, parent });
    }
    const literal: StringLiteral = copy ? { style: 'plain', contentStart: span.offset, contentEnd: span.offset } : stringLiteral(scalar, this.source.text);
    return ownSpan<StringNode>({ kind: 'string', value: typeof value === 'string' ? value : String(scalar.source ?? value), offset, length, span: OWN_SPAN, parent, literal });
  }

  private keyText(pair: Pair): string {
    const key = pair.key;
    if (key === null || key === undefined) return '';
    if (!isScalar(key)) return '';
    if (typeof key.value === 'string') return key.value;
    return key.source ?? String(key.value);
  }

  /**
   * Whether an alias written in the text can be read through within what is left of the budget. One that cannot
   * (a YAML bomb) is refused alone, before any copy is made: the aliases and values after it are still read.
   */
  private affordable(target: YamlNode, at: Span, name: string): boolean {
    this.sizes ??= aliasSizes(this.source.document);
    const size = this.sizes.get(target) ?? 1;
    if (this.copiedNodes + size <= MAX_ALIAS_NODES) return true;
    this.problem(at, `The alias *${name} repeats more than ${MAX_ALIAS_NODES.toLocaleString('en-US')} values (aliases of aliases?): it is not read`);
    return false;
  }

  private countCopy(at: Span): boolean {
    if (this.exhausted) return false;
    if (++this.copiedNodes <= MAX_ALIAS_NODES) return true;
    this.exhausted = true;
    this.problem(at, `Aliases here repeat more than ${MAX_ALIAS_NODES.toLocaleString('en-US')} values (aliases of aliases?): the rest is not read`);
    return false;
  }

  private share(node: YamlNode, aliasSpan: Span | undefined): void {
    if (aliasSpan) this.sharedSpans.push(aliasSpan);
    if (this.sharedNodes.has(node)) return;
    this.sharedNodes.add(node);
    const range = node.range;
    if (range) this.sharedSpans.push({ offset: range[0], length: range[1] - range[0] });
  }

  private problem(span: Span, message: string): void {
    this.problems.push({ message, span });
  }
}

function nullAt(span: Span, parent: ObjectNode | ArrayNode | undefined): NullNode {
  return ownSpan<NullNode>({ kind: 'null', value: null, offset: span.offset, length: span.length, span: OWN_SPAN, parent });
}

function isNodeWithRange(node: unknown): node is YamlNode & { range: [number, number, number] } {
  return typeof node === 'object' && node !== null && Array.isArray((node as YamlNode).range);
}

function spanEnd(span: Span): number {
  return span.offset + span.length;
}

function spanOfNode(node: YamlNode | null | undefined): Span {
  const range = node?.range;
  return range ? { offset: range[0], length: range[1] - range[0] } : { offset: 0, length: 0 };
}

function isMergeKey(pair: Pair): boolean {
  return isScalar(pair.key) && pair.key.type === 'PLAIN' && pair.key.source === '<<';
}

function cloudFormationTag(tag: string | undefined): string | undefined {
  if (!tag || !tag.startsWith('!') || tag.startsWith('!!')) return undefined;
  const name = tag.slice(1);
  return CLOUDFORMATION_TAGS.has(name) ? name : undefined;
}

/** The `!Tag` written before a node (after any anchor), or the node's start when it cannot be found. */
function tagSpanBefore(text: string, node: YamlNode, tag: string): Span {
  const start = node.range?.[0] ?? 0;
  const written = `!${tag}`;
  const from = text.lastIndexOf(written, start);
  if (from >= 0 && /^[\s]*(&\S+\s+)?$/.test(text.slice(from + written.length, start).replace(/#[^\n]*/g, ''))) {
    return { offset: from, length: written.length };
  }
  return { offset: start, length: 0 };
}

/** A collection's span: a flow collection's to its closing bracket; a block one's is set to its members' end. */
function collectionSpan(node: YAMLMap | YAMLSeq): Span {
  const range = node.range ?? [0, 0, 0];
  return { offset: range[0], length: node.flow ? range[1] - range[0] : 0 };
}

/** Where a block collection ends: at the end of its last member (not at the comments and blank lines after it). */
function blockEnd(members: Span[], start: number): number {
  let end = start;
  for (const m of members) end = Math.max(end, spanEnd(m));
  return end;
}

function scalarSpan(scalar: Scalar, text: string): Span {
  const range = scalar.range ?? [0, 0, 0];
  const end = scalar.type === 'BLOCK_LITERAL' || scalar.type === 'BLOCK_FOLDED' ? trimEnd(text, range[0], range[1]) : range[1];
  return { offset: range[0], length: end - range[0] };
}

/** The end of `[start, end)` without trailing whitespace. */
function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1])) e--;
  return e;
}

function colonAfter(text: string, from: number): number {
  let i = from;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '"' || text[i] === "'")) i++;
  return text[i] === ':' ? i : -1;
}

function stringLiteral(scalar: Scalar, text: string): StringLiteral {
  const [start, end] = scalar.range ?? [0, 0, 0];
  switch (scalar.type) {
    case 'QUOTE_SINGLE':
      return { style: 'single', contentStart: start + 1, contentEnd: Math.max(start + 1, end - 1) };
    case 'QUOTE_DOUBLE':
      return { style: 'double', contentStart: start + 1, contentEnd: Math.max(start + 1, end - 1) };
    case 'BLOCK_LITERAL':
    case 'BLOCK_FOLDED': {
      const header = text.indexOf('\n', start);
      const contentEnd = trimEnd(text, start, end);
      return { style: 'block', contentStart: header < 0 || header >= contentEnd ? contentEnd : header + 1, contentEnd };
    }
    default:
      return { style: 'plain', contentStart: start, contentEnd: end };
  }
}
