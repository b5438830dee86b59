import assert from 'node:assert/strict';
import { StatesError } from '../../../server/src/interpreter/statesError';
import { run, single } from './runMachine';

// asl-reference §3.2 (AWS "Input and Output Processing with JSONPath").
describe('interpreter: JSONPath input and output processing', () => {
  it('Pass: Result placed by ResultPath, then OutputPath', async () => {
    const r = await run(single({ Type: 'Pass', Result: { x: 1 }, ResultPath: '$.r', OutputPath: '$.r' }), { a: 1 });
    assert.deepEqual(r.output, { x: 1 });
  });

  it('null forms: InputPath null gives {}, ResultPath null keeps the input, OutputPath null gives {}', async () => {
    assert.deepEqual((await run(single({ Type: 'Pass', InputPath: null }), { a: 1 })).output, {});
    assert.deepEqual((await run(single({ Type: 'Pass', Result: 5, ResultPath: null }), { a: 1 })).output, { a: 1 });
    assert.deepEqual((await run(single({ Type: 'Pass', OutputPath: null }), { a: 1 })).output, {});
  });

  it('Pass without Result passes InputPath + Parameters; a falsy Result (0, false, "") is still a result', async () => {
    assert.deepEqual((await run(single({ Type: 'Pass', Parameters: { 'v.$': '$.a' } }), { a: 2 })).output, { v: 2 });
    assert.equal((await run(single({ Type: 'Pass', Result: 0 }), { a: 2 })).output, 0);
    assert.equal((await run(single({ Type: 'Pass', Result: false }), { a: 2 })).output, false);
  });

  it('payload templates read $, $$ (context) and intrinsics', async () => {
    const r = await run(single({
      Type: 'Pass',
      Parameters: {
        'name.$': '$.user.name',
        'state.$': '$$.State.Name',
        'greeting.$': "States.Format('Hi {}, you are {}', $.user.name, $.user.age)",
        'range.$': 'States.ArrayRange(1, 9, 2)',
        'sum.$': 'States.MathAdd($.user.age, -1)',
        nested: { 'len.$': 'States.ArrayLength($.list)', literal: 'x' },
        'many.$': '$.list[*].id',
      },
    }), { user: { name: 'Ana', age: 30 }, list: [{ id: 1 }, { id: 2 }] });
    assert.deepEqual(r.output, {
      name: 'Ana', state: 'S', greeting: 'Hi Ana, you are 30', range: [1, 3, 5, 7, 9], sum: 29,
      nested: { len: 2, literal: 'x' }, many: [1, 2],
    });
  });

  it('a .$ path that matches nothing is States.ParameterPathFailure', async () => {
    const r = await run(single({ Type: 'Pass', Parameters: { 'x.$': '$.missing' } }), {});
    assert.equal(r.status, 'FAILED');
    assert.equal(r.error, 'States.ParameterPathFailure');
  });

  it('InputPath on a missing field is States.Runtime and is not caught by States.ALL', async () => {
    const r = await run({
      StartAt: 'T',
      States: {
        T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', InputPath: '$.nope', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'C' }], End: true },
        C: { Type: 'Succeed' },
      },
    });
    assert.equal(r.error, 'States.Runtime');
  });

  it('ResultPath into a non-object is States.ResultPathMatchFailure', async () => {
    const r = await run(single({ Type: 'Pass', Result: 1, ResultPath: '$.a.b' }), { a: 'text' });
    assert.equal(r.error, 'States.ResultPathMatchFailure');
  });

  it('Fail: ErrorPath and CausePath', async () => {
    const r = await run({ StartAt: 'F', States: { F: { Type: 'Fail', ErrorPath: '$.e', CausePath: "States.Format('because {}', $.why)" } } }, { e: 'Custom', why: 'x' });
    assert.deepEqual([r.status, r.error, r.cause], ['FAILED', 'Custom', 'because x']);
  });

  it('intrinsic failures are States.IntrinsicFailure', async () => {
    const r = await run(single({ Type: 'Pass', Parameters: { 'x.$': 'States.ArrayGetItem($.l, 5)' } }), { l: [1] });
    assert.equal(r.error, 'States.IntrinsicFailure');
    assert.ok(new StatesError('a', 'b') instanceof Error);
  });
});
