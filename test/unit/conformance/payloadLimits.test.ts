import assert from 'node:assert/strict';
import { DATA_LIMIT } from '../../../server/src/interpreter/dataLimit';
import { StatesError } from '../../../server/src/interpreter/statesError';
import type { TaskInvoker } from '../../../server/src/interpreter/types';
import { run, single } from '../interpreter/runMachine';

/**
 * Conformance, category "payload limits" (issue 14 point 5). asl-reference §12: "Input/output for a task, state or
 * execution: 256 KiB as UTF-8" (AWS quotas: "The maximum input or result data size in bytes as a UTF-8 encoded string
 * for a task, state, or execution", 262,144 bytes); §8: States.DataLimitExceeded is terminal, not matched by
 * States.ALL; the developer guide's error handling page: a connector's output, a state's output, and a state's input
 * after Parameters. AWS's cause, recorded in real failures: "The state/task 'ProcessAllItems' returned a result with
 * a size exceeding the maximum number of bytes service limit." (a Map state; aws-samples/review-and-assessment-powered-
 * by-intelligent-documentation#58), with no "An error occurred while executing the state" prefix.
 */
const cause = (subject: string) => `The state/task '${subject}' returned a result with a size exceeding the maximum number of bytes service limit.`;
/** A JSON string value of exactly `bytes` UTF-8 bytes (quotes included) made of `unit` characters and 'a' padding. */
const stringOfBytes = (bytes: number, unit: string) => {
  const unitBytes = Buffer.byteLength(unit);
  const units = Math.floor((bytes - 2) / unitBytes);
  return unit.repeat(units) + 'a'.repeat(bytes - 2 - units * unitBytes);
};
const LAMBDA = 'arn:aws:states:::lambda:invoke';

describe('conformance: the 256 KiB payload limit in UTF-8 bytes', () => {
  it('a state output over the limit: the recorded cause names the state; States.ALL does not catch it', async () => {
    const r = await run({ StartAt: 'Big', States: { Big: { Type: 'Pass', Result: stringOfBytes(DATA_LIMIT + 1, '€'), Next: 'End' }, End: { Type: 'Succeed' } } });
    assert.deepEqual([r.status, r.error, r.cause], ['FAILED', 'States.DataLimitExceeded', cause('Big')]);
  });

  it("a Map's result over the limit names the Map (recorded for 'ProcessAllItems'); a Catch on States.ALL is skipped", async () => {
    const machine = {
      StartAt: 'ProcessAllItems',
      States: {
        ProcessAllItems: { Type: 'Map', ItemsPath: '$.items', ItemProcessor: { StartAt: 'Grow', States: { Grow: { Type: 'Pass', End: true } } }, ItemSelector: { 'a.$': '$$.Map.Item.Value', 'b.$': '$$.Map.Item.Value' }, Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Caught' }], End: true },
        Caught: { Type: 'Succeed' },
      },
    };
    // Three items of 60 KB (180 KB of input); each iteration doubles its item: 360 KB of result.
    const item = '€'.repeat(20_000);
    const r = await run(machine, { items: [item, item, item] });
    assert.deepEqual([r.error, r.cause], ['States.DataLimitExceeded', cause('ProcessAllItems')]);
    assert.ok(!r.events.some((e) => e.type === 'SucceedStateEntered'));
  });

  it("a service integration's result names its resource type, a Lambda function ARN's result the ARN; TaskFailed carries it; Retry does not retry it", async () => {
    let calls = 0;
    const big: TaskInvoker = async () => (calls++, { Payload: '€'.repeat(90_000) });
    const retried = { Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: 3 }] };
    const service = await run(single({ Type: 'Task', Resource: LAMBDA, ...retried }), {}, big);
    assert.deepEqual([service.error, service.cause], ['States.DataLimitExceeded', cause('lambda')]);
    assert.equal(calls, 1);
    const failed = service.events.find((e) => e.type === 'TaskFailed')?.taskFailedEventDetails as Record<string, unknown>;
    assert.deepEqual([failed.error, failed.cause], ['States.DataLimitExceeded', cause('lambda')]);
    const arn = 'arn:aws:lambda:us-east-1:123456789012:function:Grow';
    assert.equal((await run(single({ Type: 'Task', Resource: arn }), {}, big)).cause, cause(arn));
  });

  it('counts UTF-8 bytes at the boundary: a task input after Parameters of exactly 262,144 bytes passes, one byte more fails, with fewer characters than bytes', async () => {
    let calls = 0;
    const count: TaskInvoker = async () => (calls++, {});
    const machine = single({ Type: 'Task', Resource: LAMBDA, Parameters: { 'a.$': '$.t', 'b.$': '$.t', 'c.$': '$.pad' }, ResultPath: null });
    // '😀' is 4 bytes in 2 UTF-16 units, 'é' 2 bytes in 1, '€' 3 bytes in 1: the input is half the limit, Parameters doubles it.
    for (const unit of ['😀', 'é', '€']) {
      const t = unit.repeat(Math.floor(130_000 / Buffer.byteLength(unit)));
      const pad = 'a'.repeat(DATA_LIMIT - Buffer.byteLength(JSON.stringify({ a: t, b: t, c: '' })));
      const effective = JSON.stringify({ a: t, b: t, c: pad });
      assert.equal(Buffer.byteLength(effective), DATA_LIMIT);
      assert.ok(effective.length < DATA_LIMIT);
      calls = 0;
      const exact = await run(machine, { t, pad }, count);
      assert.deepEqual([exact.status, calls], ['SUCCEEDED', 1], `${unit}: ${exact.cause}`);
      calls = 0;
      const over = await run(machine, { t, pad: `${pad}a` }, count);
      assert.deepEqual([over.error, over.cause, calls], ['States.DataLimitExceeded', cause('S'), 0], unit);
    }
  });

  it('the execution input at start: exactly 262,144 bytes of multi-byte text starts, one byte more is refused before ExecutionStarted', async () => {
    const exact = stringOfBytes(DATA_LIMIT, '€');
    const ok = await run(single({ Type: 'Pass', Result: 'small' }), exact);
    assert.equal(ok.status, 'SUCCEEDED', ok.cause);
    const refused = await run(single({ Type: 'Pass', Result: 'small' }), `${exact}a`);
    assert.equal(refused.error, 'ValidationException');
    assert.match(refused.cause ?? '', /^1 validation error detected: Value at 'input' failed to satisfy constraint: Member must have length less than or equal to 262144/);
    assert.deepEqual(refused.events, []);
  });

  it('a Map item (after ItemSelector) or a Parallel input over the limit names the Map or Parallel state', async () => {
    const half = '€'.repeat(50_000);
    const map = single({ Type: 'Map', ItemsPath: '$.items', ItemSelector: { 'a.$': '$.t', 'b.$': '$.t' }, ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } } });
    assert.equal((await run(map, { t: half, items: [1] })).cause, cause('S'));
    // Items taken from the input as they are need no second measure (issue 17); items JSONata makes still do.
    const made = single({ Type: 'Map', QueryLanguage: 'JSONata', Items: '{% [$pad("", 100000, "€")] %}', ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } } });
    const refused = await run(made, {});
    assert.equal(refused.cause, cause('S'));
    assert.ok(!refused.events.some((e) => e.type === 'PassStateEntered'), 'the item is refused before its iteration runs');
    const parallel = single({ Type: 'Parallel', Parameters: { 'a.$': '$.t', 'b.$': '$.t' }, Branches: [{ StartAt: 'P', States: { P: { Type: 'Pass', Result: 1, End: true } } }] });
    assert.equal((await run(parallel, { t: half })).cause, cause('S'));
  });

  it("a task's own States.DataLimitExceeded answer is its own cause", async () => {
    const r = await run(single({ Type: 'Task', Resource: LAMBDA }), {}, async () => {
      throw new StatesError('States.DataLimitExceeded', 'mine');
    });
    assert.deepEqual([r.error, r.cause], ['States.DataLimitExceeded', 'mine']);
  });
});
