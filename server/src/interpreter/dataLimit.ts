import { asOwnCause, StatesError } from './statesError';

/** 256 KiB of UTF-8 for a task, state or execution input or output (asl-reference §12; AWS service quotas). */
export const DATA_LIMIT = 256 * 1024;

const NON_ASCII = /[^\x00-\x7f]/;

/** The UTF-8 length of a string (a surrogate pair is 4 bytes, a lone surrogate 3, as TextEncoder writes them). */
export function utf8Length(text: string): number {
  // Most texts are ASCII: one byte a unit, found by a native scan rather than a loop over every unit.
  if (!NON_ASCII.test(text)) return text.length;
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) bytes += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 2;
      i++;
    } else bytes += 2;
  }
  return bytes;
}

/**
 * The UTF-8 size of `JSON.stringify(value)` without building the string, stopping as soon as it passes `limit`
 * (so a huge or cyclic value costs no more than the limit). Undefined, functions and symbols are left out of
 * objects and are `null` in arrays, as JSON.stringify does.
 */
export function jsonByteLength(value: unknown, limit = DATA_LIMIT): number {
  if (typeof value !== 'object' || value === null) return primitiveBytes(value, false);
  // An explicit stack, not recursion: deep nesting cannot overflow, and the order of the sum does not matter. The
  // stack is reused between calls (this runs on every state output) and holds no value once the call returns.
  let total = 0;
  let top = 0;
  stack[top] = value;
  inArray[top++] = false;
  while (top > 0 && total <= limit) {
    const v = stack[--top];
    stack[top] = undefined;
    const arrayItem = inArray[top];
    if (typeof v !== 'object' || v === null) {
      total += primitiveBytes(v, arrayItem);
    } else if (typeof (v as { toJSON?: unknown }).toJSON === 'function') {
      total += utf8Length(JSON.stringify(v) ?? '');
    } else if (Array.isArray(v)) {
      total += 2 + Math.max(0, v.length - 1);
      for (let i = v.length - 1; i >= 0 && total <= limit; i--) {
        stack[top] = v[i];
        inArray[top++] = true;
      }
    } else {
      total += 2;
      let members = 0;
      for (const key in v as object) {
        if (!Object.prototype.hasOwnProperty.call(v, key)) continue;
        const item = (v as Record<string, unknown>)[key];
        if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
        total += stringBytes(key) + 1 + (members++ > 0 ? 1 : 0);
        stack[top] = item;
        inArray[top++] = false;
        if (total > limit) break;
      }
    }
  }
  while (top > 0) stack[--top] = undefined;
  return total;
}

const stack: unknown[] = [];
const inArray: boolean[] = [];

function primitiveBytes(v: unknown, arrayItem: boolean): number {
  switch (typeof v) {
    case 'string':
      return stringBytes(v);
    case 'number':
      return Number.isFinite(v) ? numberLength(v) : 4;
    case 'boolean':
      return v ? 4 : 5;
    case 'bigint':
      throw new StatesError('States.Runtime', 'A BigInt value cannot be serialized as JSON');
    case 'object':
      return 4; // null
    default:
      // undefined, a function or a symbol: left out of an object, null in an array.
      return arrayItem ? 4 : 0;
  }
}

/** The length of a number as JSON writes it, counted without making the string for small integers. */
function numberLength(n: number): number {
  if (!Number.isInteger(n) || n > 1e15 || n < -1e15) return String(n).length;
  let digits = n < 0 ? 2 : 1;
  for (let a = Math.abs(n); a >= 10; a = Math.floor(a / 10)) digits++;
  return digits;
}

/** The bytes of a string as a JSON string literal: quotes, escapes and UTF-8. */
function stringBytes(s: string): number {
  let bytes = s.length + 2;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) {
      if (c === 0x22 || c === 0x5c) bytes += 1;
    } else if (c < 0x20) bytes += c === 8 || c === 9 || c === 10 || c === 12 || c === 13 ? 1 : 5;
    else if (c < 0x80) continue;
    else if (c < 0x800) bytes += 1;
    else if (c >= 0xd800 && c <= 0xdfff) {
      if (c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        bytes += 2;
        i++;
      } else bytes += 5; // JSON.stringify writes a lone surrogate as \udXXX
    } else bytes += 2;
  }
  return bytes;
}

/**
 * AWS's cause for States.DataLimitExceeded, as AWS answered it in recorded failures ("The state/task
 * 'ProcessAllItems' returned a result with a size exceeding the maximum number of bytes service limit.": a Map
 * state's result, aws-samples/review-and-assessment-powered-by-intelligent-documentation#58; 'UpdateMembers',
 * awslabs/aws-securityhub-multiaccount-scripts#63). No prefix: it is not one of the errors AWS locates in a field.
 */
export function dataLimitCause(subject: string): string {
  return `The state/task '${subject}' returned a result with a size exceeding the maximum number of bytes service limit.`;
}

/**
 * Fails with States.DataLimitExceeded when a payload is over 256 KiB of UTF-8 (asl-reference §8, §12): `subject` is
 * what AWS names (the state; for a task's own result its resource type, see invokeTask). `text` is the payload's JSON
 * when the caller already has it (a history event carries it), so nothing is serialized twice.
 */
export function checkDataLimit(subject: string, value: unknown, text?: string): void {
  // Every UTF-16 unit is 1 to 3 UTF-8 bytes: most texts are answered by their length alone.
  if (text !== undefined && text.length * 3 <= DATA_LIMIT) return;
  const size = text === undefined ? jsonByteLength(value) : text.length > DATA_LIMIT ? text.length : utf8Length(text);
  if (size > DATA_LIMIT) throw asOwnCause(new StatesError('States.DataLimitExceeded', dataLimitCause(subject)));
}
