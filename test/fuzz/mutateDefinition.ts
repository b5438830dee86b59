/**
 * Mutations of real definitions, as a careless or hostile author would make them: structural ones on the JSON
 * value (a field deleted, a value replaced by a hostile one, a key renamed to a name that lives on
 * Object.prototype, a state copied, a reference broken, a type changed) and textual ones (a token inserted, a
 * range deleted, the text cut short, a BOM in front).
 */
import fc from 'fast-check';

export const HOSTILE_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', '', 'Next', 'Type', 'End', '$', 'a.$', '{% %}'];

export const HOSTILE_VALUES: unknown[] = [
  null, true, 0, -0, -1, 1e308, 2 ** 53 + 1, 0.5, '', ' ', '\u0000', '\ud800', '😀'.repeat(3), 'x'.repeat(5000),
  '__proto__', 'constructor', 'toString', '$', '$$', '$$.Map.Item.Value', '$..*', '$[?(@.a)]', '$.a[', 'States.Format(\'{}\', $.a)',
  'States.ArrayRange(1, 1000000000, 1)', 'States.StringToJson(\'{"__proto__":{"x":1}}\')', '{% $range(1, 10) %}', '{% %}', '{% ( %}',
  '{% $states.input.__proto__ %}', '*a*a*a*a*a*a*a*a*b', 'arn:aws:states:::lambda:invoke', 'arn:aws:lambda:us-east-1:1:function:f',
  [], [[[[[[]]]]]], {}, { __proto__: null, x: 1 }, JSON.parse('{"__proto__": {"polluted": true}}'), ['States.ALL'], [{ Next: 'Nowhere' }],
];

export const STATE_TYPES = ['Pass', 'Task', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map', 'Bogus'];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every container in the value with the path to it, the root first. */
function containers(value: Json): Json[] {
  const out: Json[] = [];
  const stack: Json[] = [value];
  while (stack.length > 0) {
    const v = stack.pop()!;
    if (v && typeof v === 'object') {
      out.push(v);
      for (const child of Object.values(v)) stack.push(child);
    }
  }
  return out;
}

function setOwn(target: Record<string, Json>, key: string, value: Json): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function stateMaps(value: Json): Record<string, Json>[] {
  return containers(value).filter((c): c is Record<string, Json> => !Array.isArray(c) && c !== null && typeof c === 'object' && Object.hasOwn(c, 'States') && typeof c.States === 'object' && c.States !== null && !Array.isArray(c.States)).map((c) => c.States as Record<string, Json>);
}

export type Mutation =
  | { kind: 'delete'; pick: number; keyPick: number }
  | { kind: 'replace'; pick: number; keyPick: number; value: number }
  | { kind: 'rename'; pick: number; keyPick: number; key: number }
  | { kind: 'copyState'; pick: number; statePick: number; name: number }
  | { kind: 'retarget'; pick: number; statePick: number; targetPick: number }
  | { kind: 'retype'; pick: number; statePick: number; type: number };

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat(), keyPick: fc.nat() }),
  fc.record({ kind: fc.constant('replace' as const), pick: fc.nat(), keyPick: fc.nat(), value: fc.nat(HOSTILE_VALUES.length - 1) }),
  fc.record({ kind: fc.constant('rename' as const), pick: fc.nat(), keyPick: fc.nat(), key: fc.nat(HOSTILE_KEYS.length - 1) }),
  fc.record({ kind: fc.constant('copyState' as const), pick: fc.nat(), statePick: fc.nat(), name: fc.nat(HOSTILE_KEYS.length - 1) }),
  fc.record({ kind: fc.constant('retarget' as const), pick: fc.nat(), statePick: fc.nat(), targetPick: fc.nat() }),
  fc.record({ kind: fc.constant('retype' as const), pick: fc.nat(), statePick: fc.nat(), type: fc.nat(STATE_TYPES.length - 1) }),
);

/** Applies structural mutations to a copy of the definition. */
export function mutateValue(definition: Json, mutations: Mutation[]): Json {
  const root = JSON.parse(JSON.stringify(definition)) as Json;
  for (const m of mutations) {
    if (m.kind === 'copyState' || m.kind === 'retarget' || m.kind === 'retype') {
      const maps = stateMaps(root);
      if (maps.length === 0) continue;
      const states = maps[m.pick % maps.length];
      const names = Object.keys(states);
      if (names.length === 0) continue;
      const name = names[m.statePick % names.length];
      const state = states[name];
      if (m.kind === 'copyState') setOwn(states, HOSTILE_KEYS[m.name] || `${name} copy`, JSON.parse(JSON.stringify(state ?? null)));
      else if (state && typeof state === 'object' && !Array.isArray(state)) {
        if (m.kind === 'retype') setOwn(state, 'Type', STATE_TYPES[m.type]);
        else setOwn(state, 'Next', m.targetPick % 3 === 0 ? 'Nowhere' : names[m.targetPick % names.length]);
      }
      continue;
    }
    const all = containers(root);
    const target = all[m.pick % all.length] as Record<string, Json> | Json[];
    const keys = Object.keys(target);
    if (keys.length === 0) continue;
    const key = keys[m.keyPick % keys.length];
    if (m.kind === 'delete') {
      if (Array.isArray(target)) target.splice(Number(key), 1);
      else delete target[key];
    } else if (m.kind === 'replace') {
      const value = JSON.parse(JSON.stringify(HOSTILE_VALUES[m.value])) as Json;
      if (Array.isArray(target)) target[Number(key)] = value;
      else setOwn(target, key, value);
    } else if (!Array.isArray(target)) {
      const value = target[key];
      delete target[key];
      setOwn(target, HOSTILE_KEYS[m.key], value);
    }
  }
  return root;
}

export const TOKENS = ['', '"', ',', '{', '}', '[', ']', ':', ' ', '\n', '1', 'x', 'null', '"__proto__": {},', '"toString": 1,', '"Next": "constructor",', '{% %}', '$.', '$$.', 'States.', '\\', '\ufeff', '\u0000'];

export type TextEdit = { at: number; remove: number; insert: number };

export const textEditArb: fc.Arbitrary<TextEdit> = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat(40), insert: fc.nat(TOKENS.length - 1) });

export function applyTextEdit(text: string, e: TextEdit): string {
  const at = Math.floor(e.at * text.length);
  return text.slice(0, at) + TOKENS[e.insert] + text.slice(Math.min(text.length, at + e.remove));
}
