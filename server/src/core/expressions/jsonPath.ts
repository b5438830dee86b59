import { memoByText } from './memoByText';
import type { ParseResult } from './parseResult';

/**
 * JSONPath as Step Functions reads it (Jayway syntax; asl-reference §3.2): `$` (the data), `$$` (the Context
 * object) or `$name` (a variable), then `.name`, `['name']`, `[0]`, `[*]`, `..name`, `[1,2]`, `[0:5:2]`,
 * `[?(@.x > 1)]` and `.length()` style functions.
 */
export type JsonPathRoot = 'data' | 'context' | 'variable';

export type JsonPathSegment =
  | { kind: 'name'; name: string; offset: number }
  | { kind: 'names'; names: string[]; offset: number }
  | { kind: 'index'; indices: number[]; offset: number }
  | { kind: 'wildcard'; offset: number }
  | { kind: 'slice'; start?: number; end?: number; step?: number; offset: number }
  | { kind: 'filter'; expression: string; offset: number }
  | { kind: 'function'; name: string; offset: number }
  | { kind: 'descendant'; inner: JsonPathSegment; offset: number };

export interface JsonPath {
  text: string;
  root: JsonPathRoot;
  /** For a variable root: its name. */
  variable?: string;
  segments: JsonPathSegment[];
}

const NAME_STOP = new Set(['.', '[', ']', '(', ')', ' ', '\t', '\n', '\r', "'", '"', ',', '?', '@']);
const IDENTIFIER_START = /[\p{ID_Start}_]/u;
const IDENTIFIER_PART = /[\p{ID_Continue}$\u200c\u200d]/u;

/** Parses a path; the result is shared by every parse of the same text (read-only). */
export const parseJsonPath: (text: string) => ParseResult<JsonPath> = memoByText((text) => new Parser(text).parse());

/** A path that selects at most one node (no wildcards, filters, slices, unions or descendants). */
export function isDefinitePath(path: JsonPath): boolean {
  return path.segments.every(
    (s) => s.kind === 'name' || (s.kind === 'names' && s.names.length === 1) || (s.kind === 'index' && s.indices.length === 1),
  );
}

/** A Reference Path: definite, no functions (asl-reference §3.2). */
export function isReferencePath(path: JsonPath): boolean {
  return isDefinitePath(path);
}

class Parser {
  private pos = 0;
  constructor(private readonly text: string) {}

  parse(): ParseResult<JsonPath> {
    const t = this.text;
    if (!t.startsWith('$')) return this.fail("A path must start with '$'", 0, Math.min(t.length, 1));
    let root: JsonPathRoot = 'data';
    let variable: string | undefined;
    this.pos = 1;
    if (t[1] === '$') {
      root = 'context';
      this.pos = 2;
    } else if (t[1] !== undefined && IDENTIFIER_START.test(t[1])) {
      root = 'variable';
      let end = 2;
      while (end < t.length && IDENTIFIER_PART.test(t[end])) end++;
      variable = t.slice(1, end);
      this.pos = end;
    }
    const segments: JsonPathSegment[] = [];
    while (this.pos < t.length) {
      const segment = this.segment();
      if ('error' in segment) return { ok: false, error: segment.error };
      segments.push(segment);
    }
    return { ok: true, value: { text: t, root, variable, segments } };
  }

  private segment(): JsonPathSegment | { error: { message: string; offset: number; length: number } } {
    const t = this.text;
    const start = this.pos;
    if (t.startsWith('..', this.pos)) {
      this.pos += 2;
      if (t[this.pos] === '[') {
        const inner = this.bracket();
        return 'error' in inner ? inner : { kind: 'descendant', inner, offset: start };
      }
      const inner = this.dotMember(start);
      return 'error' in inner ? inner : { kind: 'descendant', inner, offset: start };
    }
    if (t[this.pos] === '.') {
      this.pos++;
      // Jayway accepts `.['name']`.
      if (t[this.pos] === '[') return this.bracket();
      return this.dotMember(start);
    }
    if (t[this.pos] === '[') return this.bracket();
    return this.error(`Unexpected '${t[this.pos]}': expected '.' or '['`, this.pos, 1);
  }

  private dotMember(segmentStart: number): JsonPathSegment | { error: { message: string; offset: number; length: number } } {
    const t = this.text;
    if (t[this.pos] === '*') {
      this.pos++;
      return { kind: 'wildcard', offset: segmentStart };
    }
    const nameStart = this.pos;
    while (this.pos < t.length && !NAME_STOP.has(t[this.pos])) this.pos++;
    const name = t.slice(nameStart, this.pos);
    if (!name) return this.error('Expected a field name after the dot', segmentStart, Math.max(1, this.pos - segmentStart + 1));
    if (t.startsWith('()', this.pos)) {
      this.pos += 2;
      return { kind: 'function', name, offset: segmentStart };
    }
    return { kind: 'name', name, offset: segmentStart };
  }

  private bracket(): JsonPathSegment | { error: { message: string; offset: number; length: number } } {
    const t = this.text;
    const open = this.pos;
    this.pos++;
    this.skipSpaces();
    let segment: JsonPathSegment;
    if (t[this.pos] === '*') {
      this.pos++;
      segment = { kind: 'wildcard', offset: open };
    } else if (t[this.pos] === '?' || t[this.pos] === '(') {
      const filter = t[this.pos] === '?';
      if (filter) this.pos++;
      if (t[this.pos] !== '(') return this.error("Expected '(' after '?' in a filter", this.pos, 1);
      const close = this.matchParen(this.pos);
      if (close < 0) return this.error('Unclosed parenthesis in filter expression', this.pos, t.length - this.pos);
      const expression = t.slice(this.pos + 1, close).trim();
      if (!expression) return this.error('Empty filter expression', this.pos, close - this.pos + 1);
      this.pos = close + 1;
      segment = { kind: 'filter', expression, offset: open };
    } else if (t[this.pos] === "'" || t[this.pos] === '"') {
      const names: string[] = [];
      for (;;) {
        const name = this.quoted();
        if (typeof name !== 'string') return name;
        names.push(name);
        this.skipSpaces();
        if (t[this.pos] !== ',') break;
        this.pos++;
        this.skipSpaces();
      }
      segment = { kind: 'names', names, offset: open };
    } else {
      const numbers = this.indexOrSlice(open);
      if ('error' in numbers) return numbers;
      segment = numbers;
    }
    this.skipSpaces();
    if (t[this.pos] !== ']') return this.error("Expected ']'", this.pos < t.length ? this.pos : open, this.pos < t.length ? 1 : t.length - open);
    this.pos++;
    return segment;
  }

  private indexOrSlice(open: number): JsonPathSegment | { error: { message: string; offset: number; length: number } } {
    const t = this.text;
    const end = t.indexOf(']', this.pos);
    if (end < 0) return this.error("Expected ']'", open, t.length - open);
    const body = t.slice(this.pos, end).trim();
    if (/^-?\d+(\s*,\s*-?\d+)*$/.test(body)) {
      this.pos = end;
      return { kind: 'index', indices: body.split(',').map((n) => Number(n.trim())), offset: open };
    }
    const slice = /^(-?\d+)?\s*:\s*(-?\d+)?(?:\s*:\s*(-?\d+)?)?$/.exec(body);
    if (slice) {
      this.pos = end;
      const num = (s: string | undefined) => (s === undefined ? undefined : Number(s));
      return { kind: 'slice', start: num(slice[1]), end: num(slice[2]), step: num(slice[3]), offset: open };
    }
    return this.error(`'[${body}]' is not an index, a slice, a quoted name, '*' or a filter`, open, end - open + 1);
  }

  private quoted(): string | { error: { message: string; offset: number; length: number } } {
    const t = this.text;
    const quote = t[this.pos];
    const start = this.pos;
    let value = '';
    this.pos++;
    while (this.pos < t.length && t[this.pos] !== quote) {
      if (t[this.pos] === '\\' && this.pos + 1 < t.length) this.pos++;
      value += t[this.pos++];
    }
    if (this.pos >= t.length) return this.error('Unclosed quoted name', start, t.length - start);
    this.pos++;
    return value;
  }

  /** Index of the parenthesis closing the one at `open`, skipping quoted strings; -1 if none. */
  private matchParen(open: number): number {
    const t = this.text;
    let depth = 0;
    for (let i = open; i < t.length; i++) {
      const c = t[i];
      if (c === "'" || c === '"') {
        i++;
        while (i < t.length && t[i] !== c) i += t[i] === '\\' ? 2 : 1;
      } else if (c === '(') depth++;
      else if (c === ')' && --depth === 0) return i;
    }
    return -1;
  }

  private skipSpaces(): void {
    while (this.text[this.pos] === ' ') this.pos++;
  }

  private error(message: string, offset: number, length: number) {
    return { error: { message, offset, length: Math.max(1, length) } };
  }

  private fail(message: string, offset: number, length: number): ParseResult<JsonPath> {
    return { ok: false, error: { message, offset, length: Math.max(1, length) } };
  }
}
