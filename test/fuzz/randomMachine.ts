/**
 * Random state machines for the interpreter fuzz test: a handful of states of every type, wired to each other
 * at random (loops included), with fields drawn from pools of ordinary and awkward values in both query
 * languages. Most are valid; the test skips those the validator refuses, as `asl run` does.
 */
import fc from 'fast-check';

const NAMES = ['A', 'B', 'C', 'D', 'E', 'F', 'constructor', 'toString', '__proto__', 'hasOwnProperty', 'Ünïcode ✓', '<b>x</b>'];

const PATH_PARAMETERS: unknown[] = [
  { 'v.$': '$.x' },
  { 'v.$': 'States.Format(\'{} and {}\', $.x, $.y)' },
  { 'v.$': 'States.StringToJson(\'{"__proto__":{"polluted":true}}\')' },
  { 'v.$': 'States.JsonMerge($.o, $.o, false)' },
  { 'v.$': 'States.ArrayRange(1, 20, 3)' },
  { 'v.$': 'States.MathAdd($.n, 1)' },
  { 'v.$': 'States.ArrayGetItem($.items, 0)' },
  { 'v.$': '$$.Execution.Input' },
  { 'v.$': '$.missing.deep' },
  { __proto__: null, constructor: 1, toString: 'x' },
  JSON.parse('{"__proto__": {"polluted": true}, "ok.$": "$"}'),
];

const JSONATA_VALUES: unknown[] = [
  '{% $states.input.x %}',
  '{% $states.input.items ~> $map(function($v){ $v * 2 }) %}',
  '{% $states.input.__proto__ %}',
  '{% $merge([$states.input.o, {"__proto__": {"polluted": true}}]) %}',
  '{% $string($states.input) %}',
  '{% $count($states.input.items) > 2 %}',
  '{% $error("Custom.Boom", "from JSONata") %}',
  '{% $undefinedFunction() %}',
  '{% $partition($states.input.items, 2) %}',
  '{% $hash("x", "SHA-256") %}',
  { a: '{% $states.input.n + 1 %}', b: [1, '{% $states.context.Execution.Name %}'] },
];

const RESULT_PATHS = ['$', '$.r', '$.x.deep', null, '$.constructor', '$.__proto__'];

export interface MachineSpec {
  jsonata: boolean;
  states: { type: number; next: number; end: boolean; pick: number; pick2: number; number: number }[];
}

export const machineSpecArb: fc.Arbitrary<MachineSpec> = fc.record({
  jsonata: fc.boolean(),
  states: fc.array(
    fc.record({ type: fc.nat(7), next: fc.nat(), end: fc.boolean(), pick: fc.nat(), pick2: fc.nat(), number: fc.oneof(fc.nat(5), fc.integer({ min: -3, max: 99_999_999 })) }),
    { minLength: 1, maxLength: 7 },
  ),
});

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length];

function defineOwn(target: Record<string, unknown>, key: string, value: unknown) {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Builds the machine a spec describes. */
export function buildMachine(spec: MachineSpec): unknown {
  const names = spec.states.map((_, i) => pick(NAMES, i) + (i >= NAMES.length ? String(i) : ''));
  const states: Record<string, unknown> = {};
  spec.states.forEach((s, i) => {
    const next = names[s.next % names.length];
    const flow = s.end ? { End: true } : { Next: next };
    const data = spec.jsonata ? { Output: pick(JSONATA_VALUES, s.pick) } : { Parameters: pick(PATH_PARAMETERS, s.pick), ResultPath: pick(RESULT_PATHS, s.pick2) };
    const catcher = { ErrorEquals: ['States.ALL'], Next: names[(s.next + 1) % names.length] };
    let state: Record<string, unknown>;
    switch (s.type) {
      case 0:
        state = { Type: 'Pass', ...data, ...flow };
        break;
      case 1:
        state = {
          Type: 'Task', Resource: s.pick2 % 2 ? 'arn:aws:states:::lambda:invoke' : 'arn:aws:lambda:us-east-1:123456789012:function:f',
          ...(spec.jsonata ? { Arguments: pick(JSONATA_VALUES, s.pick2) } : { Parameters: pick(PATH_PARAMETERS, s.pick2) }),
          Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: Math.max(0, s.number), IntervalSeconds: 1, BackoffRate: 2 }],
          ...(s.pick % 3 === 0 ? { Catch: [catcher] } : {}), ...flow,
        };
        break;
      case 2:
        state = spec.jsonata
          ? { Type: 'Choice', Choices: [{ Condition: pick(JSONATA_VALUES, s.pick), Next: next }], Default: names[s.pick2 % names.length] }
          : {
            Type: 'Choice',
            Choices: [pick([
              { Variable: '$.x', StringMatches: '*a*a*a*a*b', Next: next },
              { Variable: '$.n', NumericGreaterThan: s.number, Next: next },
              { Variable: '$.missing', IsPresent: true, Next: next },
              { Not: { Variable: '$.x', StringEquals: 'constructor' }, Next: next },
            ], s.pick)],
            Default: names[s.pick2 % names.length],
          };
        break;
      case 3:
        state = { Type: 'Wait', Seconds: Math.max(0, s.number), ...flow };
        break;
      case 4:
        state = { Type: 'Succeed' };
        break;
      case 5:
        state = { Type: 'Fail', Error: 'Custom.Fail', Cause: 'by design' };
        break;
      case 6:
        state = { Type: 'Parallel', Branches: [{ StartAt: `${names[i]} p`, States: { [`${names[i]} p`]: { Type: 'Pass', End: true } } }], ...(s.pick % 2 ? { Catch: [catcher] } : {}), ...flow };
        break;
      default:
        state = {
          Type: 'Map', ...(spec.jsonata ? { Items: '{% $states.input.items %}' } : { ItemsPath: '$.items' }),
          MaxConcurrency: Math.abs(s.number) % 4,
          ItemProcessor: { StartAt: `${names[i]} m`, States: { [`${names[i]} m`]: { Type: 'Pass', ...data, End: true } } },
          ...flow,
        };
    }
    defineOwn(states, names[i], state);
  });
  return { ...(spec.jsonata ? { QueryLanguage: 'JSONata' } : {}), StartAt: names[0], States: states };
}

/** Inputs: ordinary, awkward and polluting. */
export const inputArb: fc.Arbitrary<unknown> = fc.record({
  x: fc.oneof(fc.string({ maxLength: 60 }), fc.constant('a'.repeat(50)), fc.integer(), fc.constant(null)),
  y: fc.jsonValue({ maxDepth: 2 }),
  n: fc.oneof(fc.integer(), fc.double({ noNaN: true })),
  o: fc.constant(JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}')),
  items: fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 40 }),
});
