import assert from 'node:assert/strict';
import { StatesError } from '../../../server/src/interpreter/statesError';
import { run, single, START } from './runMachine';

const task = (extra: Record<string, unknown> = {}) => ({ Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', ...extra });

describe('interpreter: Choice, Wait, Retry, Catch, Parallel, Map', () => {
  // asl-reference §5.3
  it('Choice: operators, And/Or/Not, StringMatches escapes, Default and NoChoiceMatched', async () => {
    const machine = {
      StartAt: 'C',
      States: {
        C: {
          Type: 'Choice',
          Choices: [
            { And: [{ Variable: '$.n', NumericGreaterThan: 1 }, { Not: { Variable: '$.s', StringEquals: 'x' } }], Next: 'A' },
            { Variable: '$.s', StringMatches: 'log-*.txt', Next: 'B' },
            { Variable: '$.s', StringMatches: 'lit\\*', Next: 'Star' },
          ],
          Default: 'D',
        },
        A: { Type: 'Pass', Result: 'A', End: true },
        B: { Type: 'Pass', Result: 'B', End: true },
        Star: { Type: 'Pass', Result: 'Star', End: true },
        D: { Type: 'Pass', Result: 'D', End: true },
      },
    };
    assert.equal((await run(machine, { n: 2, s: 'y' })).output, 'A');
    assert.equal((await run(machine, { n: 0, s: 'log-1.txt' })).output, 'B');
    assert.equal((await run(machine, { n: 0, s: 'lit*' })).output, 'Star');
    assert.equal((await run(machine, { n: 0, s: 'litX' })).output, 'D');
    const noDefault = { StartAt: 'C', States: { C: { Type: 'Choice', Choices: [{ Variable: '$.n', NumericEquals: 1, Next: 'E' }] }, E: { Type: 'Succeed' } } };
    assert.equal((await run(noDefault, { n: 2 })).error, 'States.NoChoiceMatched');
  });

  it('Choice: IsPresent false on a missing path; other operators on it are States.Runtime; type mismatch is false', async () => {
    const m = (rule: Record<string, unknown>) => ({ StartAt: 'C', States: { C: { Type: 'Choice', Choices: [{ Variable: '$.x', ...rule, Next: 'Y' }], Default: 'N' }, Y: { Type: 'Pass', Result: 'Y', End: true }, N: { Type: 'Pass', Result: 'N', End: true } } });
    assert.equal((await run(m({ IsPresent: false }), {})).output, 'Y');
    assert.equal((await run(m({ NumericEquals: 1 }), {})).error, 'States.Runtime');
    assert.equal((await run(m({ NumericEquals: 1 }), { x: '1' })).output, 'N');
    assert.equal((await run(m({ TimestampLessThan: '2026-01-01T00:00:00Z' }), { x: '2025-12-31T23:59:59Z' })).output, 'Y');
  });

  it('Wait advances virtual time instantly; history shows the virtual timestamps', async () => {
    const r = await run(single({ Type: 'Wait', Seconds: 3600 }));
    assert.equal(r.durationMs, 3600_000);
    assert.equal(r.events.at(-1)!.timestamp, new Date(START + 3600_000).toISOString());
  });

  // asl-reference §7: delay n = min(Interval × Backoff^(n-1), MaxDelay)
  it('Retry: attempts, back-off and MaxDelaySeconds in virtual time; MaxAttempts 0 never retries', async () => {
    let calls = 0;
    const failing = async () => {
      calls++;
      throw new StatesError('Flaky', 'no');
    };
    const r = await run(single(task({ Retry: [{ ErrorEquals: ['Flaky'], IntervalSeconds: 1, MaxAttempts: 3, BackoffRate: 2, MaxDelaySeconds: 3 }] })), {}, failing);
    assert.equal(calls, 4);
    assert.equal(r.durationMs, (1 + 2 + 3) * 1000);
    assert.equal(r.error, 'Flaky');
    calls = 0;
    await run(single(task({ Retry: [{ ErrorEquals: ['Flaky'], MaxAttempts: 0 }] })), {}, failing);
    assert.equal(calls, 1);
  });

  it('Catch: first match wins, ResultPath places the Error Output, TaskFailed does not match States.Timeout', async () => {
    const machine = (errorEquals: string[]) => ({
      StartAt: 'T',
      States: {
        T: task({ Catch: [{ ErrorEquals: errorEquals, ResultPath: '$.error', Next: 'H' }, { ErrorEquals: ['States.ALL'], Next: 'All' }], End: true }),
        H: { Type: 'Pass', End: true },
        All: { Type: 'Pass', Result: 'all', End: true },
      },
    });
    const boom = async () => {
      throw new StatesError('Boom', 'it broke');
    };
    assert.deepEqual((await run(machine(['Boom']), { a: 1 }, boom)).output, { a: 1, error: { Error: 'Boom', Cause: 'it broke' } });
    const timeout = async () => {
      throw new StatesError('States.Timeout', 'slow');
    };
    assert.equal((await run(machine(['States.TaskFailed']), {}, timeout)).output, 'all');
    assert.ok(((await run(machine(['States.TaskFailed']), {}, boom)).output as { error: unknown }).error);
  });

  it('Parallel: outputs in branch order; one failing branch fails the state', async () => {
    const branch = (name: string, result: unknown) => ({ StartAt: name, States: { [name]: { Type: 'Pass', Result: result, End: true } } });
    const ok = await run(single({ Type: 'Parallel', Branches: [branch('A', 1), branch('B', 2), branch('C', 3)] }));
    assert.deepEqual(ok.output, [1, 2, 3]);
    const failing = await run(single({ Type: 'Parallel', Branches: [branch('A', 1), { StartAt: 'F', States: { F: { Type: 'Fail', Error: 'E' } } }] }));
    assert.equal(failing.error, 'E');
  });

  it('Map: results in item order, ItemSelector with $$.Map.Item, MaxConcurrency 1 keeps order, outer variables readable', async () => {
    const r = await run({
      StartAt: 'Set',
      States: {
        Set: { Type: 'Pass', Assign: { factor: 10 }, Next: 'M' },
        M: {
          Type: 'Map',
          ItemsPath: '$.items',
          MaxConcurrency: 1,
          ItemSelector: { 'v.$': '$$.Map.Item.Value', 'i.$': '$$.Map.Item.Index' },
          ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', Parameters: { 'i.$': '$.i', 'v.$': '$.v', 'f.$': '$factor' }, End: true } } },
          End: true,
        },
      },
    }, { items: ['a', 'b', 'c'] });
    assert.deepEqual(r.output, [{ i: 0, v: 'a', f: 10 }, { i: 1, v: 'b', f: 10 }, { i: 2, v: 'c', f: 10 }]);
    assert.equal(r.events.filter((e) => e.type === 'MapIterationStarted').length, 3);
  });

  it('history events: ids in order, previous ids, AWS event types; the cap fails a runaway loop', async () => {
    const r = await run(single({ Type: 'Pass' }));
    assert.deepEqual(r.events.map((e) => e.type), ['ExecutionStarted', 'PassStateEntered', 'PassStateExited', 'ExecutionSucceeded']);
    assert.deepEqual(r.events.map((e) => e.id), [1, 2, 3, 4]);
    assert.equal(r.events[2].previousEventId, 2);
    const loop = await run({ StartAt: 'L', States: { L: { Type: 'Pass', Next: 'L' } } }, {}, undefined, { maxEvents: 100 });
    assert.equal(loop.status, 'FAILED');
    // AWS developer guide, "Avoid reaching the history quota": the last event of a full history is ExecutionFailed.
    assert.equal(loop.cause, 'The execution reached the maximum number of history events (100).');
    assert.equal(loop.events.length, 100);
    assert.equal(loop.events.at(-1)!.type, 'ExecutionFailed');
  });
});

describe('interpreter: Task timeouts with a real clock', () => {
  // A clock a thousand times faster than real time: one "second" is one millisecond.
  const fastClock = { real: true, now: () => Date.now(), sleep: (ms: number, signal?: AbortSignal) => new Promise<void>((done) => { const t = setTimeout(done, ms / 1000); signal?.addEventListener('abort', () => { clearTimeout(t); done(); }); }) };
  const slowTask = () => new Promise((done) => setTimeout(() => done({ ok: true }), 60));
  const machine = (extra: Record<string, unknown>) => ({ StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true, ...extra } } });

  it('TimeoutSeconds fails with States.Timeout and HeartbeatSeconds with States.HeartbeatTimeout (asl-reference §5.1)', async () => {
    const { runExecution } = await import('../../../server/src/interpreter/runExecution');
    const { testServices } = await import('./runMachine');
    const go = (extra: Record<string, unknown>) => runExecution({ definition: machine(extra), input: {}, invokeTask: slowTask, clock: fastClock, services: testServices });
    assert.equal((await go({ TimeoutSeconds: 5 })).error, 'States.Timeout');
    assert.equal((await go({ TimeoutSeconds: 50, HeartbeatSeconds: 5 })).error, 'States.HeartbeatTimeout');
    assert.equal((await go({ TimeoutSeconds: 500 })).status, 'SUCCEEDED');
  });
});

describe('interpreter: payload limit', () => {
  it('a Map result over 256 KiB is States.DataLimitExceeded, which States.ALL does not catch', async () => {
    const big = 'x'.repeat(1000);
    const r = await run({
      StartAt: 'M',
      States: {
        M: { Type: 'Map', ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', Result: big, End: true } } }, Catch: [{ ErrorEquals: ['States.ALL'], Next: 'C' }], End: true },
        C: { Type: 'Succeed' },
      },
    }, Array.from({ length: 300 }, (_, i) => i));
    assert.equal(r.error, 'States.DataLimitExceeded');
  });
});
