/**
 * The 256 KiB payload limit (issue 12): asl-reference §12 ("Input/output for a task, state or execution: 256 KiB
 * as UTF-8") and §8 (States.DataLimitExceeded, terminal, not matched by States.ALL). Sizes are UTF-8 bytes of the
 * JSON text, so a string of 100,000 '€' (3 bytes each) is 300 KB although its length is 100,000.
 */
import assert from 'node:assert/strict';
import { DATA_LIMIT, jsonByteLength, utf8Length } from '../../../server/src/interpreter/dataLimit';
import { runExecution } from '../../../server/src/interpreter/runExecution';
import type { TaskInvoker } from '../../../server/src/interpreter/types';
import { VirtualClock } from '../../../server/src/interpreter/virtualClock';
import { START, testServices } from './runMachine';

const EUROS = '€'.repeat(100_000);
const catchAll = { Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Caught' }] };
const machine = (state: Record<string, unknown>) => ({ StartAt: 'S', States: { S: { End: true, ...catchAll, ...state }, Caught: { Type: 'Succeed' } } });

function go(definition: unknown, input: unknown = {}, eventDetail: 'full' | 'summary' = 'full', invokeTask: TaskInvoker = async () => ({})) {
  return runExecution({ definition, input, invokeTask, clock: new VirtualClock(START), services: testServices, eventDetail });
}

describe('interpreter: the 256 KiB payload limit', () => {
  it('measures UTF-8 bytes of the JSON text exactly, without building it', () => {
    const samples: unknown[] = [
      EUROS, 'a"b\\c\n\u0001', '😀 and a lone \ud800', [1, null, undefined, () => 1, 'x'], { a: undefined, b: [true, false], c: { d: -1.5e-7 } }, NaN, { '€': 'é' },
      JSON.parse('{"__proto__": {"x": 1}}'), [-12345, 1e21, 0, -0, 123456789012, 9.99e15, -1e16], 7, undefined,
    ];
    for (const value of samples) {
      const text = JSON.stringify(value) ?? '';
      assert.equal(jsonByteLength(value, Infinity), Buffer.byteLength(text), text.slice(0, 40));
      assert.equal(utf8Length(text), Buffer.byteLength(text));
    }
    assert.equal(utf8Length(EUROS), 300_000);
    // A cyclic value cannot loop: the walk stops once past the limit.
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    assert.ok(jsonByteLength(cyclic) > DATA_LIMIT);
  });

  for (const detail of ['full', 'summary'] as const) {
    it(`a Pass output of 100,000 '€' (300 KB) fails with States.DataLimitExceeded, which States.ALL does not catch (${detail} events)`, async () => {
      const r = await go(machine({ Type: 'Pass', Result: EUROS }), {}, detail);
      assert.equal(r.status, 'FAILED');
      assert.equal(r.error, 'States.DataLimitExceeded');
      assert.equal(r.cause, "The state/task 'S' returned a result with a size exceeding the maximum number of bytes service limit.");
      assert.ok(!r.events.some((e) => e.type === 'PassStateExited'));
    });
  }

  it('is byte-accurate at the boundary: 262,144 bytes pass, 262,145 bytes fail even with fewer characters', async () => {
    // JSON of a string of n ASCII characters is n + 2 bytes.
    const exact = 'a'.repeat(DATA_LIMIT - 2);
    assert.equal((await go(machine({ Type: 'Pass', Result: exact }))).status, 'SUCCEEDED');
    const oneOver = `€${'a'.repeat(DATA_LIMIT - 5)}`; // 3 + 262,139 + 2 = 262,144: exactly at the limit
    assert.equal((await go(machine({ Type: 'Pass', Result: oneOver }))).status, 'SUCCEEDED');
    const over = `€${'a'.repeat(DATA_LIMIT - 4)}`; // 262,145 bytes in 262,141 characters
    assert.equal((await go(machine({ Type: 'Pass', Result: over }))).error, 'States.DataLimitExceeded');
    assert.equal((await go(machine({ Type: 'Pass', Result: over }), {}, 'summary')).error, 'States.DataLimitExceeded');
  });

  it('applies to Choice, Wait and Succeed outputs (JSONata Output), Parameters, a Map item and a Parallel branch input', async () => {
    const twice = '{% [$states.input.t, $states.input.t] %}';
    const jsonata = (states: Record<string, unknown>) => ({ QueryLanguage: 'JSONata', StartAt: 'S', States: { ...states, E: { Type: 'Succeed' } } });
    const cases: Record<string, unknown> = {
      Choice: jsonata({ S: { Type: 'Choice', Choices: [{ Condition: '{% true %}', Output: twice, Next: 'E' }] } }),
      Wait: jsonata({ S: { Type: 'Wait', Seconds: 1, Output: twice, Next: 'E' } }),
      Succeed: jsonata({ S: { Type: 'Succeed', Output: twice } }),
      Parameters: machine({ Type: 'Pass', Parameters: { 'a.$': '$.t', 'b.$': '$.t' } }),
      MapItem: machine({ Type: 'Map', ItemsPath: '$.items', ItemSelector: { 'a.$': '$.t', 'b.$': '$.t' }, ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } } }),
      Parallel: machine({ Type: 'Parallel', Parameters: { 'a.$': '$.t', 'b.$': '$.t' }, Branches: [{ StartAt: 'P', States: { P: { Type: 'Pass', Result: 1, End: true } } }] }),
    };
    // 150 KB of input, under the limit; the state doubles it, over the limit.
    const input = { t: '€'.repeat(50_000), items: [1] };
    for (const [name, definition] of Object.entries(cases)) {
      for (const detail of ['full', 'summary'] as const) {
        const r = await go(definition, input, detail);
        assert.equal(r.error, 'States.DataLimitExceeded', `${name} ${detail}: ${r.status} ${r.cause}`);
      }
    }
  });

  it('a Task input or result over the limit fails; the task is not called with an oversized input', async () => {
    let calls = 0;
    const half = '€'.repeat(50_000);
    const input = await go(machine({ Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { 'a.$': '$.t', 'b.$': '$.t' } }), { t: half }, 'full', async () => (calls++, {}));
    assert.equal(input.error, 'States.DataLimitExceeded');
    assert.equal(calls, 0);
    const result = await go(machine({ Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke' }), {}, 'summary', async () => EUROS);
    assert.equal(result.error, 'States.DataLimitExceeded');
  });

  // StartExecution's `input` is at most 262,144 bytes of UTF-8 (API reference, StartExecution and
  // ExecutionStartedEventDetails); a longer one is refused with a ValidationException and no execution starts.
  it('an execution input over 256 KiB is refused before the execution starts', async () => {
    const r = await go(machine({ Type: 'Pass' }), { s: EUROS });
    assert.equal(r.status, 'FAILED');
    assert.equal(r.error, 'ValidationException');
    assert.match(String(r.cause), /^1 validation error detected: Value at 'input' failed to satisfy constraint: Member must have length less than or equal to 262144 \(the input is 300008 bytes of UTF-8\)$/);
    assert.deepEqual(r.events, []);
    const under = await go(machine({ Type: 'Pass' }), { s: 'a'.repeat(DATA_LIMIT - 10) });
    assert.equal(under.status, 'SUCCEEDED');
  });
});
