/**
 * Freezes the standard prototypes and intrinsics of the process that runs user code (the execution worker),
 * before any user expression or handler runs: a JSONata expression that reaches `Object.prototype` (through
 * `__proto__` and a transform, say) then finds it read-only, so nothing it writes can change what the
 * interpreter reads later in the run.
 *
 * Freezing makes inherited data properties read-only for assignment on every object that inherits them (the
 * "override mistake": `error.name = 'X'` would throw), so the properties code commonly overrides by assignment
 * are first turned into accessors whose setter defines an own property on the object assigned to, as SES does.
 */

type Key = string | symbol;


/** The properties that code overrides on derived objects by assignment (SES's "moderate" enablements, trimmed). */
function overridable(): [object, Key[]][] {
  const errors = [Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError, AggregateError];
  const iteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())) as object;
  return [
    [Object.prototype, ['constructor', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', 'toString', 'valueOf']],
    [Array.prototype, ['constructor', 'toString', 'toLocaleString', 'push', 'concat', Symbol.iterator]],
    [Function.prototype, ['constructor', 'bind', 'apply', 'call', 'toString']],
    [Promise.prototype, ['constructor', 'then', 'catch', 'finally']],
    [iteratorPrototype, [Symbol.iterator]],
    ...errors.map((e): [object, Key[]] => [e.prototype, ['constructor', 'message', 'name', 'toString']]),
  ];
}

function tameOverride(target: object, key: Key): void {
  const descriptor = Object.getOwnPropertyDescriptor(target, key);
  if (!descriptor || !('value' in descriptor) || !descriptor.configurable) return;
  const value: unknown = descriptor.value;
  Object.defineProperty(target, key, {
    get() {
      return value;
    },
    set(this: object, next: unknown) {
      if (this === target) throw new TypeError(`Cannot assign to read only property '${String(key)}' of a frozen intrinsic`);
      if (Object.hasOwn(this, key)) (this as Record<Key, unknown>)[key] = next;
      else Object.defineProperty(this, key, { value: next, writable: true, enumerable: true, configurable: true });
    },
    enumerable: descriptor.enumerable,
    configurable: false,
  });
}

/** The intrinsics reachable from these roots (and their prototypes, properties and accessors) are frozen. */
function roots(): unknown[] {
  const g = globalThis as Record<string, unknown>;
  const named = [
    'Object', 'Function', 'Array', 'String', 'Number', 'Boolean', 'Symbol', 'BigInt', 'Date', 'RegExp', 'Error',
    'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError', 'AggregateError', 'Map',
    'Set', 'WeakMap', 'WeakSet', 'WeakRef', 'FinalizationRegistry', 'Promise', 'Proxy', 'Reflect', 'JSON', 'Math',
    'Intl', 'ArrayBuffer', 'SharedArrayBuffer', 'DataView', 'Atomics', 'Int8Array', 'Uint8Array', 'Uint8ClampedArray',
    'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array',
    'BigUint64Array', 'Iterator', 'parseInt', 'parseFloat', 'isNaN', 'isFinite', 'encodeURIComponent',
    'decodeURIComponent', 'encodeURI', 'decodeURI', 'escape', 'unescape',
  ];
  const hidden = [
    Object.getPrototypeOf(function* () {}),
    Object.getPrototypeOf(async function () {}),
    Object.getPrototypeOf(async function* () {}),
    Object.getPrototypeOf([][Symbol.iterator]()),
    Object.getPrototypeOf(new Map()[Symbol.iterator]()),
    Object.getPrototypeOf(new Set()[Symbol.iterator]()),
    Object.getPrototypeOf(''[Symbol.iterator]()),
    Object.getPrototypeOf(/x/[Symbol.matchAll]('')),
    Object.getPrototypeOf(Int8Array),
  ];
  return [...named.map((n) => g[n]).filter((v) => v !== undefined), ...hidden];
}

// Libraries set Error.stackTraceLimit and Error.prepareStackTrace (V8 reads both as data properties): they stay
// writable; everything else on Error is read-only.
const ERROR_KNOBS = new Set<Key>(['stackTraceLimit', 'prepareStackTrace']);

function freezeErrorConstructor(): void {
  if (!Object.hasOwn(Error, 'prepareStackTrace')) {
    Object.defineProperty(Error, 'prepareStackTrace', { value: undefined, writable: true, enumerable: false, configurable: false });
  }
  for (const key of Reflect.ownKeys(Error)) {
    const descriptor = Object.getOwnPropertyDescriptor(Error, key);
    const isData = descriptor !== undefined && 'value' in descriptor;
    Object.defineProperty(Error, key, isData && !ERROR_KNOBS.has(key) ? { configurable: false, writable: false } : { configurable: false });
  }
  Object.preventExtensions(Error);
}

let frozen = false;

/** Freezes the intrinsics once per process; returns how many objects it froze. */
export function freezeIntrinsics(): number {
  if (frozen) return 0;
  frozen = true;
  for (const [target, keys] of overridable()) for (const key of keys) tameOverride(target, key);
  const seen = new Set<unknown>();
  const stack = roots();
  while (stack.length > 0) {
    const value = stack.pop();
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value)) continue;
    seen.add(value);
    if (value === Error) freezeErrorConstructor();
    else Object.freeze(value);
    stack.push(Object.getPrototypeOf(value));
    for (const key of Reflect.ownKeys(value)) {
      const descriptor = Object.getOwnPropertyDescriptor(value, key);
      if (!descriptor) continue;
      stack.push(descriptor.value, descriptor.get, descriptor.set);
    }
  }
  return seen.size;
}
