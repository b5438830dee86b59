import { ownTable } from '../spec/ownTable';

/** What a literal argument may be. `any` accepts everything; paths and nested calls are checked only at run time. */
export type IntrinsicArgType = 'string' | 'number' | 'integer' | 'boolean' | 'any';

export interface IntrinsicSignature {
  name: string;
  params: { name: string; type: IntrinsicArgType }[];
  /** The last parameter repeats (States.Format, States.Array). */
  variadic?: boolean;
  /** Parameters that may be left out, counted from the end. */
  optional?: number;
  returns: string;
  doc: string;
  example: string;
}

const sig = (s: IntrinsicSignature) => s;

/** Every intrinsic function (asl-reference §10, AWS "Intrinsic functions for JSONPath states"). */
export const INTRINSIC_SIGNATURES: Record<string, IntrinsicSignature> = ownTable(Object.fromEntries(
  [
    sig({ name: 'States.Format', params: [{ name: 'template', type: 'string' }, { name: 'values', type: 'any' }], variadic: true, optional: 1, returns: 'string', doc: 'Fills each {} of the template with the next value (scalars only).', example: "States.Format('Hello, {}!', $.name)" }),
    sig({ name: 'States.StringToJson', params: [{ name: 'text', type: 'string' }], returns: 'JSON value', doc: 'Parses a JSON string.', example: 'States.StringToJson($.escaped)' }),
    sig({ name: 'States.JsonToString', params: [{ name: 'path', type: 'any' }], returns: 'string', doc: 'Serializes the value at a path to a JSON string.', example: 'States.JsonToString($.order)' }),
    sig({ name: 'States.Array', params: [{ name: 'values', type: 'any' }], variadic: true, optional: 1, returns: 'array', doc: 'Builds an array of its arguments.', example: 'States.Array($.a, $.b, 3)' }),
    sig({ name: 'States.ArrayPartition', params: [{ name: 'array', type: 'any' }, { name: 'size', type: 'number' }], returns: 'array of arrays', doc: 'Splits an array into chunks of at most `size` items.', example: 'States.ArrayPartition($.items, 4)' }),
    sig({ name: 'States.ArrayContains', params: [{ name: 'array', type: 'any' }, { name: 'value', type: 'any' }], returns: 'boolean', doc: 'True if the array holds the value.', example: 'States.ArrayContains($.list, $.wanted)' }),
    sig({ name: 'States.ArrayRange', params: [{ name: 'start', type: 'number' }, { name: 'end', type: 'number' }, { name: 'step', type: 'number' }], returns: 'array', doc: 'Numbers from start to end inclusive by step (at most 1000 items; step ≠ 0).', example: 'States.ArrayRange(1, 9, 2)' }),
    sig({ name: 'States.ArrayGetItem', params: [{ name: 'array', type: 'any' }, { name: 'index', type: 'number' }], returns: 'item', doc: 'The item at a 0-based index.', example: 'States.ArrayGetItem($.list, 0)' }),
    sig({ name: 'States.ArrayLength', params: [{ name: 'array', type: 'any' }], returns: 'number', doc: 'The number of items.', example: 'States.ArrayLength($.list)' }),
    sig({ name: 'States.ArrayUnique', params: [{ name: 'array', type: 'any' }], returns: 'array', doc: 'The array without duplicates.', example: 'States.ArrayUnique($.list)' }),
    sig({ name: 'States.Base64Encode', params: [{ name: 'text', type: 'string' }], returns: 'string', doc: 'Base64 of a string (at most 10,000 characters).', example: 'States.Base64Encode($.text)' }),
    sig({ name: 'States.Base64Decode', params: [{ name: 'base64', type: 'string' }], returns: 'string', doc: 'Decodes Base64 (at most 10,000 characters).', example: 'States.Base64Decode($.encoded)' }),
    sig({ name: 'States.Hash', params: [{ name: 'data', type: 'any' }, { name: 'algorithm', type: 'string' }], returns: 'string', doc: 'Hash of the data with MD5, SHA-1, SHA-256, SHA-384 or SHA-512.', example: "States.Hash($.body, 'SHA-256')" }),
    sig({ name: 'States.JsonMerge', params: [{ name: 'left', type: 'any' }, { name: 'right', type: 'any' }, { name: 'deep', type: 'boolean' }], returns: 'object', doc: 'Shallow merge of two objects; the right wins. `deep` must be false on AWS.', example: 'States.JsonMerge($.defaults, $.overrides, false)' }),
    sig({ name: 'States.MathRandom', params: [{ name: 'start', type: 'integer' }, { name: 'end', type: 'integer' }, { name: 'seed', type: 'integer' }], optional: 1, returns: 'integer', doc: 'A random integer in [start, end).', example: 'States.MathRandom(1, 100)' }),
    sig({ name: 'States.MathAdd', params: [{ name: 'a', type: 'integer' }, { name: 'b', type: 'integer' }], returns: 'integer', doc: 'The sum of two integers in [-2147483648, 2147483647].', example: 'States.MathAdd($.count, 1)' }),
    sig({ name: 'States.StringSplit', params: [{ name: 'text', type: 'string' }, { name: 'delimiters', type: 'string' }], returns: 'array of strings', doc: 'Splits a string; every character of the second argument is a delimiter.', example: "States.StringSplit($.csv, ',')" }),
    sig({ name: 'States.UUID', params: [], returns: 'string', doc: 'A random version 4 UUID.', example: 'States.UUID()' }),
  ].map((s) => [s.name, s]),
));

export const HASH_ALGORITHMS = ['MD5', 'SHA-1', 'SHA-256', 'SHA-384', 'SHA-512'];
export const MAX_INTRINSIC_NESTING = 10;
