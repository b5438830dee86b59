import { spanEnd, type AstNode, type Span } from '../document/ast';
import { detectFormatting } from './jsonEdits';

/** How the file writes JSON, so inserted blocks read like their neighbours. */
export interface JsonStyle {
  /** One indentation step (two spaces, four, a tab...). */
  unit: string;
  eol: string;
  /** Depth from which objects and arrays go on one line: 0 = the whole value, 1 = its items, Infinity = never. */
  oneLineFrom: number;
  /** Arrays of scalars on one line (`["a", "b"]`) even when deeper values are expanded. */
  inlineScalarArrays: boolean;
  /** `[ "a" ]` rather than `["a"]` (arrays of scalars). */
  padArrays: boolean;
  /** `[ { ... } ]` rather than `[{ ... }]` (arrays holding objects or arrays). */
  padBlocks: boolean;
  /** `{ "a": 1 }` rather than `{"a": 1}`. */
  padObjects: boolean;
}

export function isOneLine(text: string, span: Span): boolean {
  return !text.slice(span.offset, spanEnd(span)).includes('\n');
}

/**
 * The style of a new array-of-objects value like `sample` (an existing Retry or Catch array, say), or, with no
 * sample, of the object it goes into: one-line objects get a one-line value.
 */
export function styleFrom(text: string, sample: AstNode | undefined, holder: AstNode): JsonStyle {
  const formatting = detectFormatting(text);
  const unit = formatting.insertSpaces ? ' '.repeat(formatting.tabSize ?? 2) : '\t';
  const base = {
    unit,
    eol: formatting.eol ?? '\n',
    padArrays: padded(text, sample, (n) => n.kind === 'array' && n.items.every(isScalar)) ?? false,
    padBlocks: padded(text, sample, (n) => n.kind === 'array' && !n.items.every(isScalar)) ?? true,
    padObjects: padded(text, sample, (n) => n.kind === 'object') ?? true,
  };
  if (!sample || sample.kind !== 'array') return { ...base, oneLineFrom: isOneLine(text, holder.span) ? 0 : Infinity, inlineScalarArrays: true };
  const item = sample.items.find((i) => i.kind === 'object');
  const scalars = item?.kind === 'object' ? item.properties.find((p) => p.value?.kind === 'array')?.value : undefined;
  return {
    ...base,
    oneLineFrom: isOneLine(text, sample.span) ? 0 : item && isOneLine(text, item.span) ? 1 : Infinity,
    inlineScalarArrays: !scalars || isOneLine(text, scalars.span),
  };
}

const isScalar = (n: AstNode) => n.kind !== 'object' && n.kind !== 'array';

/** Whether the first one-line, non-empty array or object of a kind inside `sample` has spaces inside its brackets. */
function padded(text: string, sample: AstNode | undefined, wanted: (node: AstNode) => boolean): boolean | undefined {
  const stack: AstNode[] = sample ? [sample] : [];
  while (stack.length > 0) {
    const node = stack.shift()!;
    if (wanted(node) && isOneLine(text, node.span) && node.span.length > 2) return text[node.span.offset + 1] === ' ';
    if (node.kind === 'array') stack.push(...node.items);
    if (node.kind === 'object') for (const p of node.properties) if (p.value) stack.push(p.value);
  }
  return undefined;
}

/** `value` as JSON text in `style`, for a position whose line is indented by `indent`. */
export function formatValue(value: unknown, style: JsonStyle, indent: string, depth = 0): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const entries: [string | undefined, unknown][] = Array.isArray(value) ? value.map((v) => [undefined, v]) : Object.entries(value);
  const scalars = entries.every(([, v]) => v === null || typeof v !== 'object');
  const [open, close, pad] = Array.isArray(value) ? ['[', ']', scalars ? style.padArrays : style.padBlocks] : ['{', '}', style.padObjects];
  if (entries.length === 0) return `${open}${close}`;
  const inner = indent + style.unit;
  const item = ([k, v]: [string | undefined, unknown], at: string) => `${k === undefined ? '' : `${JSON.stringify(k)}: `}${formatValue(v, style, at, depth + 1)}`;
  if (depth >= style.oneLineFrom || (Array.isArray(value) && scalars && style.inlineScalarArrays)) {
    const space = pad ? ' ' : '';
    return `${open}${space}${entries.map((e) => item(e, indent)).join(', ')}${space}${close}`;
  }
  return `${open}${style.eol}${entries.map((e) => inner + item(e, inner)).join(`,${style.eol}`)}${style.eol}${indent}${close}`;
}

/** The whitespace that starts the line holding `offset`. */
export function lineIndent(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start, offset))?.[0] ?? '';
}
