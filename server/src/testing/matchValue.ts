/** Equality and "contains" for JSON values, with the path of the first difference. */

type Obj = Record<string, unknown>;

export function deepEqual(a: unknown, b: unknown): boolean {
  return firstDifference(a, b, false) === undefined;
}

/**
 * Where `actual` departs from `expected`, as a JSONPath-like string ('$' for the value itself), or undefined when it
 * does not. With `subset`, objects in `expected` need only their own keys in `actual` (recursively); arrays still
 * match item by item and length, as a "subset" of a list is ambiguous.
 */
export function firstDifference(actual: unknown, expected: unknown, subset: boolean, path = '$'): string | undefined {
  if (expected === null || typeof expected !== 'object') return Object.is(actual, expected) || actual === expected ? undefined : path;
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return path;
    for (let i = 0; i < expected.length; i++) {
      const found = firstDifference(actual[i], expected[i], subset, `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return path;
  const keys = Object.keys(expected);
  if (!subset && Object.keys(actual).length !== keys.length) {
    const extra = Object.keys(actual).find((k) => !Object.hasOwn(expected, k));
    if (extra !== undefined) return child(path, extra);
  }
  for (const key of keys) {
    if (!Object.hasOwn(actual, key)) return child(path, key);
    const found = firstDifference((actual as Obj)[key], (expected as Obj)[key], subset, child(path, key));
    if (found) return found;
  }
  return undefined;
}

function child(path: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/** True when `needles` appear in `haystack` in this order, not necessarily next to each other. */
export function isSubsequence(haystack: string[], needles: string[]): { ok: true } | { ok: false; missing: string; after?: string } {
  let at = 0;
  let previous: string | undefined;
  for (const needle of needles) {
    while (at < haystack.length && haystack[at] !== needle) at++;
    if (at >= haystack.length) return { ok: false, missing: needle, after: previous };
    previous = needle;
    at++;
  }
  return { ok: true };
}
