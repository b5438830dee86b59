import assert from 'node:assert/strict';
import { run, single } from '../interpreter/runMachine';

/**
 * Conformance, category "payload limits": variables (asl-reference §0.5, §4 and §12; developer guide, "Passing data
 * between states with variables"): a variable's value is at most 256 KiB, the values one Assign sets at most 256 KiB
 * together, the variables an execution holds at most 10 MiB, counted in bytes of UTF-8 JSON. Going past one is a
 * data limit (States.DataLimitExceeded: terminal, no Retry or Catch takes it, asl-reference §8). Variables of a Map
 * iteration or a Parallel branch go out of scope when it ends, so they stop counting then.
 */
const KIB256 = 256 * 1024;

describe('conformance: variable size limits', () => {
  it('a variable of exactly 256 KiB of UTF-8 is assigned; one byte more is States.DataLimitExceeded naming the state and the variable', async () => {
    // 131,071 'é' (two bytes each, one character) and the quotes: 262,144 bytes of JSON from 131,071 characters.
    const machine = (extra: string) => single({ Type: 'Pass', QueryLanguage: 'JSONata', Assign: { big: `{% $pad('', 131071, 'é') & '${extra}' %}` }, Output: 'ok' });
    const exact = await run(machine(''));
    assert.equal(exact.status, 'SUCCEEDED', exact.cause);
    const over = await run(machine('a'));
    assert.equal(over.error, 'States.DataLimitExceeded');
    assert.equal(over.cause, "The state/task 'S' assigned the variable 'big' a value with a size exceeding the maximum number of bytes service limit (a variable is at most 262144 bytes of UTF-8).");
    // A JSONPath Assign is measured the same way: an intrinsic makes 131,071 'é' (or one character more) from a small input.
    const format = (extra: string) => single({ Type: 'Pass', Assign: { 'big.$': `States.Format('{}{}{}{}${extra}', $.a, $.a, $.a, $.b)` } });
    const input = { a: 'é'.repeat(32_768), b: 'é'.repeat(32_767) };
    assert.equal((await run(format(''), input)).status, 'SUCCEEDED');
    assert.equal((await run(format('a'), input)).error, 'States.DataLimitExceeded');
  });

  it('one Assign sets at most 256 KiB in all: two 128 KiB values pass, one byte more fails', async () => {
    // 65,535 'é' and the quotes: 131,072 bytes, 128 KiB.
    const machine = (extra: string) => single({ Type: 'Pass', QueryLanguage: 'JSONata', Assign: { a: "{% $pad('', 65535, 'é') %}", b: `{% $pad('', 65535, 'é') & '${extra}' %}` }, Output: 'ok' });
    const both = await run(machine(''));
    assert.equal(both.status, 'SUCCEEDED', both.cause);
    const over = await run(machine('a'));
    assert.equal(over.error, 'States.DataLimitExceeded');
    assert.equal(over.cause, "The state/task 'S' assigned variables with a size exceeding the maximum number of bytes service limit (the values of one Assign are at most 262144 bytes of UTF-8 together).");
  });

  it('an execution holds at most 10 MiB of variables: forty 256 KiB variables fit, the forty-first fails; reassigning one does not add', async () => {
    const states: Record<string, unknown> = {};
    const names = Array.from({ length: 41 }, (_, i) => `v${i + 1}`);
    names.forEach((name, i) => {
      states[`Set ${name}`] = { Type: 'Pass', Assign: { [name]: `{% $pad('', ${KIB256 - 2}, 'x') %}` }, Next: i < 40 ? `Set ${names[i + 1]}` : 'Done' };
    });
    states['Set v1 again'] = { Type: 'Pass', Assign: { v1: `{% $pad('', ${KIB256 - 2}, 'y') %}` }, Next: 'Set v41' };
    (states['Set v40'] as { Next: string }).Next = 'Set v1 again';
    states.Done = { Type: 'Succeed' };
    const r = await run({ QueryLanguage: 'JSONata', StartAt: 'Set v1', States: states });
    assert.equal(r.error, 'States.DataLimitExceeded');
    assert.match(r.cause ?? '', /^The state\/task 'Set v41' assigned variables that bring the execution's variables to a size exceeding the maximum number of bytes service limit/);
    assert.ok(r.events.some((e) => e.type === 'PassStateExited' && (e.stateExitedEventDetails as { name: string }).name === 'Set v1 again'));
  });

  it("no Catch takes it, not even States.ALL; a Map iteration's variables stop counting when it ends", async () => {
    const pass = await run(single({
      Type: 'Pass', QueryLanguage: 'JSONata', Assign: { big: `{% $pad('', ${KIB256}, 'x') %}` }, Output: 'ok',
    }, {}), {});
    assert.equal(pass.error, 'States.DataLimitExceeded');
    const task = await run({
      StartAt: 'T', QueryLanguage: 'JSONata',
      States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Assign: { big: `{% $pad('', ${KIB256}, 'x') %}` }, Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Caught' }], End: true }, Caught: { Type: 'Succeed' } },
    });
    assert.equal(task.error, 'States.DataLimitExceeded');
    // 45 iterations of 256 KiB each: 11.25 MiB over the run, never more than 256 KiB at once.
    const map = await run({
      QueryLanguage: 'JSONata', StartAt: 'M',
      States: { M: { Type: 'Map', Items: '{% [1..45] %}', MaxConcurrency: 1, ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', Assign: { item: `{% $pad('', ${KIB256 - 2}, 'x') %}` }, Output: '{% 1 %}', End: true } } }, End: true } },
    });
    assert.equal(map.status, 'SUCCEEDED', map.cause);
  });
});
