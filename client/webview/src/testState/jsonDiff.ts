/** One difference between two JSON values, at a JSONPath-like path. */
export interface Change {
  kind: 'added' | 'removed' | 'changed';
  path: string;
  /** Short JSON of the value before / after (cut at 60 characters). */
  before?: string;
  after?: string;
}

const MAX_DEPTH = 8;
const MAX_VISITS = 20_000;

/**
 * What changed from `before` to `after`: added, removed and changed members down to the leaves, at most `limit`
 * listed (`more` counts the rest). Bounded: past a depth or a number of visited nodes, a subtree that differs is
 * reported as one change.
 */
export function jsonDiff(before: unknown, after: unknown, limit = 20): { changes: Change[]; more: number } {
  const changes: Change[] = [];
  let more = 0;
  let visits = 0;
  const add = (change: Change) => {
    if (changes.length < limit) changes.push(change);
    else more++;
  };
  const walk = (a: unknown, b: unknown, path: string, depth: number): void => {
    if (++visits > MAX_VISITS || depth > MAX_DEPTH) {
      if (!sameShallow(a, b)) add({ kind: 'changed', path, before: short(a), after: short(b) });
      return;
    }
    if (isObject(a) && isObject(b)) {
      for (const key of Object.keys(a)) {
        if (!(key in b)) add({ kind: 'removed', path: member(path, key), before: short(a[key]) });
        else walk(a[key], b[key], member(path, key), depth + 1);
      }
      for (const key of Object.keys(b)) if (!(key in a)) add({ kind: 'added', path: member(path, key), after: short(b[key]) });
      return;
    }
    if (Array.isArray(a) && Array.isArray(b)) {
      const n = Math.max(a.length, b.length);
      for (let i = 0; i < n; i++) {
        if (i >= a.length) add({ kind: 'added', path: `${path}[${i}]`, after: short(b[i]) });
        else if (i >= b.length) add({ kind: 'removed', path: `${path}[${i}]`, before: short(a[i]) });
        else walk(a[i], b[i], `${path}[${i}]`, depth + 1);
        if (visits > MAX_VISITS) break;
      }
      return;
    }
    if (a !== b && !(a === undefined && b === undefined)) add({ kind: 'changed', path, before: short(a), after: short(b) });
  };
  walk(before, after, '$', 0);
  return { changes, more };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Equality without descending (for the cut-off case): same primitive, or the same reference. */
function sameShallow(a: unknown, b: unknown): boolean {
  return a === b;
}

function member(path: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/** A short one-line JSON of a value, never walking more than needed. */
export function short(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (isObject(value)) {
    const keys = Object.keys(value);
    return keys.length === 0 ? '{}' : `{${keys.slice(0, 3).map((k) => JSON.stringify(k)).join(', ')}${keys.length > 3 ? `, … ${keys.length} keys` : ''}}`;
  }
  if (Array.isArray(value)) return value.length === 0 ? '[]' : `[… ${value.length} items]`;
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
