/**
 * Reading and writing keys that come from user data (state names, JSON input, template keys, variable names).
 * A plain `obj[key]` read falls through to Object.prototype (`toString`, `constructor`...), and a plain
 * `obj['__proto__'] = v` write replaces the prototype instead of adding a key; these helpers treat every key as
 * data, like JSON does.
 */
const hasOwnProperty = Object.prototype.hasOwnProperty;

export function hasOwn(obj: unknown, key: string): boolean {
  return typeof obj === 'object' && obj !== null && hasOwnProperty.call(obj, key);
}

/** The object's own value for `key`, or undefined (never an inherited one). */
export function getOwn<T = unknown>(obj: unknown, key: string): T | undefined {
  return hasOwn(obj, key) ? ((obj as Record<string, unknown>)[key] as T) : undefined;
}

/**
 * Sets `key` as an own, enumerable data property, `__proto__` included. On a hot path, write
 * `if (key === '__proto__') setOwn(obj, key, v); else obj[key] = v;` at the call site instead: a store inside this
 * shared helper sees every object shape in the program and is slower than one at its own site.
 */
export function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  else obj[key] = value;
}
