import type { JsonPath, JsonPathSegment } from '../core/expressions/jsonPath';
import { isDefinitePath, parseJsonPath } from '../core/expressions/jsonPath';
import { StatesError } from './statesError';
import { setOwn } from '../core/document/ownProps';

type Json = unknown;

/** The parsed path (parseJsonPath keeps one per distinct text); a bad path is a States.Runtime error (the validator catches these earlier). */
export function compilePath(text: string): JsonPath {
  const parsed = parseJsonPath(text);
  if (!parsed.ok) throw new StatesError('States.Runtime', `Invalid path '${text}': ${parsed.error.message}`);
  return parsed.value;
}

/** Roots a path can start from. */
export interface PathRoots {
  data: Json;
  context?: Json;
  variables?: Record<string, Json>;
}

/**
 * The roots of the paths over `data`: written out, not `{ data, ...roots }`, which copies through V8's generic
 * spread on every Parameters, Choice and path of every transition; and one shape at every call.
 */
export function rootsOver(data: unknown, roots: { context?: unknown; variables?: unknown }): PathRoots {
  return { data: data as Json, context: roots.context as Json | undefined, variables: roots.variables as Record<string, Json> | undefined };
}

/**
 * Evaluates a JSONPath like Jayway in Step Functions: a definite path gives its node or `found: false`; an
 * indefinite one (wildcards, filters, slices, unions, `..`) gives the array of matches (asl-reference §3.2).
 */
export function evaluatePath(path: JsonPath, roots: PathRoots): { found: boolean; value: Json } {
  let root: Json;
  if (path.root === 'context') root = roots.context;
  else if (path.root === 'variable') {
    const vars = roots.variables ?? {};
    if (!Object.prototype.hasOwnProperty.call(vars, path.variable!)) return { found: false, value: undefined };
    root = vars[path.variable!];
  } else root = roots.data;
  if (isDefinitePath(path)) {
    let node = root;
    for (const segment of path.segments) {
      const next = step(node, segment);
      if (next.length === 0) return { found: false, value: undefined };
      node = next[0];
    }
    return { found: true, value: node };
  }
  let nodes: Json[] = [root];
  for (const segment of path.segments) nodes = nodes.flatMap((n) => step(n, segment));
  return { found: true, value: nodes };
}

/**
 * Why a definite path found nothing, in Jayway's words as AWS reports them: the last step missing is `No results
 * for path: $['a']['b']`; an earlier one is `Missing property in path $['a']` (up to the missing step).
 */
export function missingPathDetail(path: JsonPath, roots: PathRoots): string {
  let node: Json = path.root === 'context' ? roots.context : path.root === 'variable' ? roots.variables?.[path.variable!] : roots.data;
  let shown = path.root === 'context' ? '$$' : path.root === 'variable' ? `$${path.variable}` : '$';
  for (let i = 0; i < path.segments.length; i++) {
    const segment = path.segments[i];
    shown += segment.kind === 'name' ? `['${segment.name}']` : segment.kind === 'index' ? `[${segment.indices.join(',')}]` : '[*]';
    const next = step(node, segment);
    if (next.length === 0) {
      if (i < path.segments.length - 1) return `Missing property in path ${shown}`;
      return `No results for path: ${shown}`;
    }
    node = next[0];
  }
  return `No results for path: ${shown}`;
}

function isObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function step(node: Json, segment: JsonPathSegment): Json[] {
  switch (segment.kind) {
    case 'name':
      return isObject(node) && Object.prototype.hasOwnProperty.call(node, segment.name) ? [node[segment.name]] : [];
    case 'names':
      return isObject(node) ? segment.names.filter((n) => Object.prototype.hasOwnProperty.call(node, n)).map((n) => node[n]) : [];
    case 'index':
      if (!Array.isArray(node)) return [];
      return segment.indices.map((i) => (i < 0 ? node.length + i : i)).filter((i) => i >= 0 && i < node.length).map((i) => node[i]);
    case 'wildcard':
      return Array.isArray(node) ? node : isObject(node) ? Object.values(node) : [];
    case 'slice': {
      if (!Array.isArray(node)) return [];
      const len = node.length;
      const stepBy = segment.step ?? 1;
      const norm = (i: number | undefined, dflt: number) => (i === undefined ? dflt : i < 0 ? Math.max(0, len + i) : Math.min(i, len));
      const out: Json[] = [];
      if (stepBy > 0) for (let i = norm(segment.start, 0); i < norm(segment.end, len); i += stepBy) out.push(node[i]);
      return out;
    }
    case 'filter': {
      const items = Array.isArray(node) ? node : isObject(node) ? Object.values(node) : [];
      return items.filter((item) => evaluateFilter(segment.expression, item));
    }
    case 'function':
      return [applyFunction(segment.name, node)];
    case 'descendant': {
      const out: Json[] = [];
      const visit = (n: Json) => {
        out.push(...step(n, segment.inner));
        if (Array.isArray(n)) n.forEach(visit);
        else if (isObject(n)) Object.values(n).forEach(visit);
      };
      visit(node);
      return out;
    }
  }
}

function applyFunction(name: string, node: Json): Json {
  const numbers = Array.isArray(node) ? node.filter((n): n is number => typeof n === 'number') : [];
  switch (name) {
    case 'length':
      return Array.isArray(node) ? node.length : typeof node === 'string' ? node.length : isObject(node) ? Object.keys(node).length : 0;
    case 'min':
      return Math.min(...numbers);
    case 'max':
      return Math.max(...numbers);
    case 'sum':
      return numbers.reduce((a, b) => a + b, 0);
    case 'avg':
      return numbers.length ? numbers.reduce((a, b) => a + b, 0) / numbers.length : 0;
    case 'keys':
      return isObject(node) ? Object.keys(node) : [];
    default:
      throw new StatesError('States.Runtime', `Unsupported JSONPath function '${name}()'`);
  }
}

/**
 * Filter expressions: `@.a op value` with == != < <= > >= =~, `&&`, `||`, `!`, and existence `@.a`.
 * Values: numbers, 'strings', "strings", true, false, null, or other `@.paths`.
 */
export function evaluateFilter(expression: string, item: Json): boolean {
  const or = splitTop(expression, '||');
  if (or.length > 1) return or.some((e) => evaluateFilter(e, item));
  const and = splitTop(expression, '&&');
  if (and.length > 1) return and.every((e) => evaluateFilter(e, item));
  const e = expression.trim();
  if (e.startsWith('!')) return !evaluateFilter(e.slice(1), item);
  if (e.startsWith('(') && e.endsWith(')')) return evaluateFilter(e.slice(1, -1), item);
  const m = /^(.+?)\s*(==|!=|<=|>=|<|>|=~)\s*(.+)$/.exec(e);
  if (!m) {
    const v = operand(e, item);
    return v.found && v.value !== false && v.value !== null;
  }
  const left = operand(m[1], item);
  const right = operand(m[3], item);
  if (!left.found || !right.found) return m[2] === '!=' && left.found !== right.found;
  const a = left.value;
  const b = right.value;
  switch (m[2]) {
    case '==': return JSON.stringify(a) === JSON.stringify(b);
    case '!=': return JSON.stringify(a) !== JSON.stringify(b);
    case '<': return typeof a === typeof b && (a as number) < (b as number);
    case '<=': return typeof a === typeof b && (a as number) <= (b as number);
    case '>': return typeof a === typeof b && (a as number) > (b as number);
    case '>=': return typeof a === typeof b && (a as number) >= (b as number);
    case '=~': {
      const re = /^\/(.*)\/([a-z]*)$/.exec(String(m[3]).trim());
      return typeof a === 'string' && !!re && new RegExp(re[1], re[2]).test(a);
    }
  }
  return false;
}

function operand(text: string, item: Json): { found: boolean; value: Json } {
  const t = text.trim();
  if (t.startsWith('@')) {
    const parsed = parseJsonPath(`$${t.slice(1)}`);
    if (!parsed.ok) return { found: false, value: undefined };
    return evaluatePath(parsed.value, { data: item });
  }
  if (t.startsWith("'") && t.endsWith("'")) return { found: true, value: t.slice(1, -1) };
  if (t.startsWith('/')) return { found: true, value: t };
  try {
    return { found: true, value: JSON.parse(t) };
  } catch {
    return { found: false, value: undefined };
  }
}

function splitTop(text: string, op: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (depth === 0 && text.startsWith(op, i)) {
      parts.push(text.slice(last, i));
      last = i + op.length;
      i += op.length - 1;
    }
  }
  parts.push(text.slice(last));
  return parts;
}

/**
 * ResultPath: puts `value` at a reference path inside a copy of `data`, creating objects on the way
 * (asl-reference §3.2). A path that goes through a non-object is States.ResultPathMatchFailure.
 */
export function setAtPath(data: Json, pathText: string, value: Json): Json {
  const path = compilePath(pathText);
  if (path.segments.length === 0) return value;
  const fail = () => {
    throw new StatesError('States.ResultPathMatchFailure', `Unable to apply ResultPath '${pathText}' to the state input`);
  };
  const write = (node: Json, index: number): Json => {
    const segment = path.segments[index];
    const last = index === path.segments.length - 1;
    if (segment.kind === 'name' || (segment.kind === 'names' && segment.names.length === 1)) {
      const key = segment.kind === 'name' ? segment.name : segment.names[0];
      if (node !== undefined && !isObject(node)) fail();
      const copy: Record<string, Json> = { ...((node as Record<string, Json>) ?? {}) };
      const inner = last ? value : write(Object.prototype.hasOwnProperty.call(copy, key) ? copy[key] : undefined, index + 1);
      if (key === '__proto__') setOwn(copy, key, inner);
      else copy[key] = inner;
      return copy;
    }
    if (segment.kind === 'index' && segment.indices.length === 1) {
      if (!Array.isArray(node)) return fail();
      const i = segment.indices[0] < 0 ? node.length + segment.indices[0] : segment.indices[0];
      if (i < 0 || i >= node.length) return fail();
      const copy = [...node];
      copy[i] = last ? value : write(copy[i], index + 1);
      return copy;
    }
    return fail();
  };
  return write(data, 0);
}
