/**
 * Names that exist on Object.prototype are data (issue 12): states, mocks, variables and JSONPath read own keys
 * only, and a `__proto__` key in any JSON survives as an ordinary key, as JSON.parse and AWS treat it.
 */
import assert from 'node:assert/strict';
import { mockInvoker, readMockConfig } from '../../../server/src/interpreter/mocks';
import { prepareDefinition } from '../../../server/src/interpreter/prepareDefinition';
import { testState } from '../../../server/src/interpreter/testState';
import { VirtualClock } from '../../../server/src/interpreter/virtualClock';
import { run, START, testServices } from './runMachine';

const PROTO_NAMES = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];

/** Parses a definition the way `asl run` and the editor do (the document model, not JSON.parse). */
function definitionOf(text: string): unknown {
  const prepared = prepareDefinition(text);
  assert.ok('definition' in prepared, JSON.stringify(prepared));
  return prepared.definition;
}

function assertPrototypeClean(): void {
  assert.deepEqual(Object.getOwnPropertyNames(Object.prototype).filter((n) => !['constructor', '__defineGetter__', '__defineSetter__', 'hasOwnProperty', '__lookupGetter__', '__lookupSetter__', 'isPrototypeOf', 'propertyIsEnumerable', 'toString', 'valueOf', '__proto__', 'toLocaleString'].includes(n)), []);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
}

function assertOwnProto(value: unknown, expected: unknown): void {
  assert.equal(Object.getPrototypeOf(value), Object.prototype, 'the prototype was replaced');
  assert.ok(Object.prototype.hasOwnProperty.call(value, '__proto__'), `no own __proto__ in ${JSON.stringify(value)}`);
  assert.deepEqual(Object.getOwnPropertyDescriptor(value, '__proto__')!.value, expected);
}

describe('interpreter: names on Object.prototype are ordinary names', () => {
  afterEach(assertPrototypeClean);

  // asl-reference §4: a state name is any string of up to 80 characters.
  it('states named constructor, toString, __proto__, hasOwnProperty and valueOf run as states', async () => {
    // Object.fromEntries defines own keys (a plain `states[name] = ...` would set the prototype for __proto__).
    const states = Object.fromEntries(PROTO_NAMES.map((name, i) => [name, { Type: 'Pass', Result: name, ResultPath: `$.visited[${i}]`, ...(i < PROTO_NAMES.length - 1 ? { Next: PROTO_NAMES[i + 1] } : { End: true }) }]));
    const text = JSON.stringify({ StartAt: 'constructor', States: states });
    const r = await run(definitionOf(text), { visited: [0, 0, 0, 0, 0] });
    assert.equal(r.status, 'SUCCEEDED', r.cause);
    assert.deepEqual((r.output as { visited: string[] }).visited, PROTO_NAMES);
  });

  it('a Next naming a missing state that Object.prototype has is "does not exist", not a crash', async () => {
    for (const name of PROTO_NAMES) {
      const r = await run({ StartAt: 'A', States: { A: { Type: 'Pass', Next: name } } });
      assert.equal(r.error, 'States.Runtime');
      assert.equal(r.cause, `State '${name}' does not exist`);
    }
  });

  it('Tasks named after Object.prototype members take their own mock, and an unmocked one is not answered by Object', async () => {
    const config = readMockConfig(JSON.parse('{"StateMachines":{"m":{"TestCases":{"t":{"toString":"R","constructor":"R"}}}},"MockedResponses":{"R":{"0":{"Return":{"ok":true}}}}}'));
    const invoke = mockInvoker(config, config.StateMachines!.m.TestCases!.t, async (request) => ({ fallback: request.stateName }));
    const task = (next?: string) => ({ Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', ResultPath: null, ...(next ? { Next: next } : { End: true }) });
    const machine = { StartAt: 'toString', States: { toString: task('constructor'), constructor: task('valueOf'), valueOf: { ...task(), ResultPath: '$.last' } } };
    const r = await run(machine, {}, invoke);
    assert.equal(r.status, 'SUCCEEDED', r.cause);
    const results = r.events.filter((e) => e.type === 'TaskSucceeded').map((e) => JSON.parse((e.taskSucceededEventDetails as { output: string }).output));
    assert.deepEqual(results, [{ ok: true }, { ok: true }, { fallback: 'valueOf' }]);
  });

  it('Test State finds a state named __proto__ or constructor, and no state named toString when there is none', async () => {
    const definition = definitionOf('{"StartAt":"__proto__","States":{"__proto__":{"Type":"Pass","Result":1,"Next":"constructor"},"constructor":{"Type":"Pass","Result":2,"End":true}}}');
    const options = { definition, input: {}, invokeTask: async () => ({}), clock: new VirtualClock(START), services: testServices };
    assert.equal((await testState({ ...options, stateName: '__proto__' })).output, 1);
    assert.equal((await testState({ ...options, stateName: 'constructor' })).output, 2);
    await assert.rejects(testState({ ...options, stateName: 'toString' }), /No state named 'toString'/);
  });

  // asl-reference §3.2: a path that matches nothing is a runtime error; `$.constructor` of {} matches nothing.
  it('JSONPath $.constructor, $.toString and $$.Execution.valueOf match nothing', async () => {
    for (const path of ['$.constructor', '$.toString', '$.__proto__', '$$.Execution.valueOf']) {
      const r = await run({ StartAt: 'A', States: { A: { Type: 'Pass', InputPath: path, End: true } } }, {});
      assert.equal(r.error, 'States.Runtime', path);
      const p = await run({ StartAt: 'A', States: { A: { Type: 'Pass', Parameters: { 'x.$': path }, End: true } } }, {});
      assert.equal(p.error, 'States.ParameterPathFailure', path);
    }
  });
});

describe('interpreter: a __proto__ key is data', () => {
  afterEach(assertPrototypeClean);
  const hostile = () => JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, unknown>;

  it('in the execution input: it reaches the output as an own key, through InputPath, ResultPath and OutputPath', async () => {
    const r = await run({ StartAt: 'A', States: { A: { Type: 'Pass', Result: 'x', ResultPath: '$.r', OutputPath: '$', End: true } } }, hostile());
    assertOwnProto(r.output, { polluted: true });
    assert.equal((r.output as Record<string, unknown>).r, 'x');
    assert.ok(r.events.at(-1)!.executionSucceededEventDetails);
    assert.match(JSON.stringify(r.output), /"__proto__":\{"polluted":true\}/);
  });

  it('in a Pass Result and in Parameters (definition text parsed by the document model)', async () => {
    const result = await run(definitionOf('{"StartAt":"A","States":{"A":{"Type":"Pass","Result":{"__proto__":{"polluted":true},"b":2},"End":true}}}'));
    assertOwnProto(result.output, { polluted: true });
    const params = await run(definitionOf('{"StartAt":"A","States":{"A":{"Type":"Pass","Parameters":{"__proto__":{"polluted":true},"a.$":"$.a"},"End":true}}}'), { a: 1 });
    assertOwnProto(params.output, { polluted: true });
    assert.equal((params.output as Record<string, unknown>).a, 1);
    const fromPath = await run(definitionOf('{"StartAt":"A","States":{"A":{"Type":"Pass","Parameters":{"__proto__.$":"$.a"},"End":true}}}'), { a: { polluted: true } });
    assertOwnProto(fromPath.output, { polluted: true });
  });

  it('as a ResultPath target: $.__proto__ sets an own key', async () => {
    const r = await run({ StartAt: 'A', States: { A: { Type: 'Pass', Result: { polluted: true }, ResultPath: '$.__proto__', End: true } } }, { a: 1 });
    assertOwnProto(r.output, { polluted: true });
    const nested = await run({ StartAt: 'A', States: { A: { Type: 'Pass', Result: 1, ResultPath: '$.__proto__.polluted', End: true } } }, {});
    assertOwnProto(nested.output, { polluted: 1 });
  });

  // asl-reference §10: States.JsonMerge is a shallow merge; States.StringToJson parses like JSON.parse.
  it('in States.JsonMerge and States.StringToJson', async () => {
    const merge = await run({ StartAt: 'A', States: { A: { Type: 'Pass', Parameters: { 'm.$': 'States.JsonMerge($.x, $.y, false)', 'p.$': "States.StringToJson('{\"__proto__\":{\"polluted\":true}}')" }, End: true } } }, { x: hostile(), y: { b: 2 } });
    const output = merge.output as Record<string, unknown>;
    assertOwnProto(output.m, { polluted: true });
    assertOwnProto(output.p, { polluted: true });
  });

  it('in a Map ItemSelector and in Assign / variables', async () => {
    const map = await run(definitionOf('{"StartAt":"M","States":{"M":{"Type":"Map","ItemSelector":{"__proto__":{"polluted":true},"v.$":"$$.Map.Item.Value"},"ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}'), [1, 2]);
    for (const item of map.output as unknown[]) assertOwnProto(item, { polluted: true });
    const assign = await run(definitionOf('{"StartAt":"A","States":{"A":{"Type":"Pass","Assign":{"v":{"__proto__":{"polluted":true}}},"Next":"B"},"B":{"Type":"Pass","Parameters":{"v.$":"$v"},"End":true}}}'));
    assertOwnProto((assign.output as { v: unknown }).v, { polluted: true });
  });

  it('in a Task result from a mock', async () => {
    const config = readMockConfig(JSON.parse('{"StateMachines":{"m":{"TestCases":{"t":{"T":"R"}}}},"MockedResponses":{"R":{"0":{"Return":{"__proto__":{"polluted":true}}}}}}'));
    const invoke = mockInvoker(config, config.StateMachines!.m.TestCases!.t);
    const r = await run({ StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', ResultPath: '$.r', End: true } } }, {}, invoke);
    assertOwnProto((r.output as { r: unknown }).r, { polluted: true });
  });
});
