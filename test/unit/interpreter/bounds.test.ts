/**
 * Hostile machines against the interpreter's bounds (issue 12): the 25,000-event history, Map concurrency, retry
 * loops and the maximum execution time. Each ends with the error AWS gives, in bounded memory.
 */
import assert from 'node:assert/strict';
import { runExecution } from '../../../server/src/interpreter/runExecution';
import { StatesError } from '../../../server/src/interpreter/statesError';
import type { HistoryEvent, TaskInvoker } from '../../../server/src/interpreter/types';
import { VirtualClock } from '../../../server/src/interpreter/virtualClock';
import { run, single, START, testServices } from './runMachine';

const HISTORY_FULL = 'The execution reached the maximum number of history events (25000).';
const pass = { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } };
const taskProcessor = { StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true } } };

/** An invoker that counts the calls in flight at once; each call takes a few turns of the event loop. */
function inFlightCounter() {
  const counter = { now: 0, max: 0, calls: 0 };
  const invoke: TaskInvoker = async () => {
    counter.calls++;
    counter.now++;
    counter.max = Math.max(counter.max, counter.now);
    for (let i = 0; i < 3; i++) await new Promise((done) => setImmediate(done));
    counter.now--;
    return {};
  };
  return { counter, invoke };
}

describe('interpreter bounds: the 25,000-event history', () => {
  // AWS developer guide, "Avoid reaching the history quota": a hard quota of 25,000 events; when event 25,000 is not
  // ExecutionSucceeded, ExecutionFailed is logged and the execution fails. The recorded error is States.Runtime with
  // the cause "The execution reached the maximum number of history events (25000)." (asl-reference §12).
  it('a Map over 10^6 items (JSONata Items) fails at the cap, with 25,000 events and bounded memory', async function () {
    this.timeout(120_000);
    const heapBefore = process.memoryUsage().heapUsed;
    let streamed = 0;
    const r = await runExecution({
      definition: { QueryLanguage: 'JSONata', StartAt: 'M', States: { M: { Type: 'Map', Items: '{% [1..1000000] %}', ItemProcessor: pass, End: true } } },
      input: {},
      invokeTask: async () => ({}),
      clock: new VirtualClock(START),
      services: testServices,
      onEvent: () => void streamed++,
    });
    const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
    assert.equal(r.status, 'FAILED');
    assert.equal(r.error, 'States.Runtime');
    assert.equal(r.cause, HISTORY_FULL);
    assert.equal(r.events.length, 25_000);
    assert.equal(streamed, 25_000);
    assert.equal(r.events.at(-1)!.type, 'ExecutionFailed');
    assert.equal(r.events.at(-1)!.id, 25_000);
    // Four events per iteration: only about 6,000 of the 10^6 iterations ever started.
    assert.ok(r.events.filter((e) => e.type === 'MapIterationStarted').length < 6_500);
    assert.ok(heapGrowth < 300 * 1024 * 1024, `heap grew by ${Math.round(heapGrowth / 1048576)} MB`);
  });

  it('a Distributed Map reading 10^6 items from its ItemReader stops at the cap after a bounded number of Task calls', async function () {
    this.timeout(120_000);
    const items = Array.from({ length: 1_000_000 }, (_, i) => i);
    let taskCalls = 0;
    const r = await runExecution({
      definition: {
        StartAt: 'M',
        States: {
          M: {
            Type: 'Map',
            ItemReader: { Resource: 'arn:aws:states:::s3:getObject', Parameters: { Bucket: 'b', Key: 'k' } },
            ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, ...taskProcessor },
            End: true,
          },
        },
      },
      input: {},
      invokeTask: async (request) => (request.resource.endsWith('getObject') ? items : (taskCalls++, {})),
      clock: new VirtualClock(START),
      services: testServices,
      recordEvents: false,
    });
    assert.equal(r.cause, HISTORY_FULL);
    // Each child records at least 7 events (iteration started/succeeded, state entered/exited, 3 task events).
    assert.ok(taskCalls <= 25_000 / 7 + 10_000, `${taskCalls} task calls`);
  });

  it('Parallel branches count too: 30 branches of 1,000 states fail at the cap', async () => {
    const chain = (b: number) => {
      const states: Record<string, unknown> = {};
      for (let i = 0; i < 1000; i++) states[`S${b}-${i}`] = { Type: 'Pass', ...(i < 999 ? { Next: `S${b}-${i + 1}` } : { End: true }) };
      return { StartAt: `S${b}-0`, States: states };
    };
    const r = await run({ StartAt: 'P', States: { P: { Type: 'Parallel', Branches: Array.from({ length: 30 }, (_, b) => chain(b)), End: true } } });
    assert.equal(r.cause, HISTORY_FULL);
    assert.equal(r.events.length, 25_000);
  });

  it('the 25,000th event may be ExecutionSucceeded', async () => {
    // ExecutionStarted + 2 × 12,499 Pass events + ExecutionSucceeded: exactly 25,000 events.
    const chain = (n: number) => {
      const states: Record<string, unknown> = {};
      for (let i = 0; i < n; i++) states[`S${i}`] = { Type: 'Pass', ...(i < n - 1 ? { Next: `S${i + 1}` } : { End: true }) };
      return { StartAt: 'S0', States: states };
    };
    assert.equal((await run(chain(12_499))).status, 'SUCCEEDED');
    assert.equal((await run(chain(12_499))).events.length, 25_000);
    const over = await run(chain(12_500));
    assert.equal(over.cause, HISTORY_FULL);
    assert.equal(over.events.length, 25_000);
  });
});

describe('interpreter bounds: Map concurrency', () => {
  const map = (extra: Record<string, unknown>, processor: Record<string, unknown> = taskProcessor) => ({ StartAt: 'M', States: { M: { Type: 'Map', ItemProcessor: processor, End: true, ...extra } } });

  // asl-reference §5.8: MaxConcurrency is the most iterations running at once; 1 runs them one after another.
  it('MaxConcurrency 3 runs at most 3 iterations at once', async () => {
    const { counter, invoke } = inFlightCounter();
    const r = await run(map({ MaxConcurrency: 3 }), Array.from({ length: 20 }, (_, i) => i), invoke);
    assert.equal(r.status, 'SUCCEEDED');
    assert.equal(counter.calls, 20);
    assert.equal(counter.max, 3);
  });

  // asl-reference §5.8 and §12; AWS developer guide, "Map state in Inline mode": 0 (the default) means as many as
  // possible, which for an Inline Map is up to 40 concurrent iterations; a larger MaxConcurrency gives no more.
  it('an Inline Map with MaxConcurrency 0 or 1000 runs at most 40 iterations at once', async () => {
    for (const extra of [{}, { MaxConcurrency: 0 }, { MaxConcurrency: 1000 }]) {
      const { counter, invoke } = inFlightCounter();
      const r = await run(map(extra), Array.from({ length: 200 }, (_, i) => i), invoke);
      assert.equal(r.status, 'SUCCEEDED');
      assert.equal(counter.max, 40, JSON.stringify(extra));
    }
  });

  it('MaxConcurrencyPath and a JSONata MaxConcurrency are honoured', async () => {
    const a = inFlightCounter();
    await run(map({ ItemsPath: '$.items', MaxConcurrencyPath: '$.n' }), { n: 2, items: Array.from({ length: 10 }, (_, i) => i) }, a.invoke);
    assert.equal(a.counter.max, 2);
    const b = inFlightCounter();
    await run({ QueryLanguage: 'JSONata', ...map({ Items: '{% $states.input.items %}', MaxConcurrency: '{% $states.input.n %}' }) }, { n: 4, items: Array.from({ length: 10 }, (_, i) => i) }, b.invoke);
    assert.equal(b.counter.max, 4);
    const bad = await run(map({ ItemsPath: '$.items', MaxConcurrencyPath: '$.n' }), { n: -1, items: [1] });
    assert.equal(bad.error, 'States.Runtime');
  });

  it('iterations start only when a worker is free, not all at once', async () => {
    const started: number[] = [];
    let iterationsAtFirstCall = -1;
    const events: HistoryEvent[] = [];
    const invoke: TaskInvoker = async () => {
      if (iterationsAtFirstCall < 0) iterationsAtFirstCall = events.filter((e) => e.type === 'MapIterationStarted').length;
      started.push(1);
      await new Promise((done) => setImmediate(done));
      return {};
    };
    const r = await runExecution({
      definition: map({ MaxConcurrency: 2 }),
      input: Array.from({ length: 1000 }, (_, i) => i),
      invokeTask: invoke,
      clock: new VirtualClock(START),
      services: testServices,
      onEvent: (e) => void events.push(e),
    });
    assert.equal(r.status, 'SUCCEEDED');
    assert.ok(iterationsAtFirstCall <= 2, `${iterationsAtFirstCall} iterations had started at the first call`);
  });

  // AWS stops the other iterations of an Inline Map (and the other branches of a Parallel) when one fails.
  it('a failed iteration stops the Map: no new iterations start and no Task runs after it', async () => {
    let calls = 0;
    const invoke: TaskInvoker = async (request) => {
      calls++;
      await new Promise((done) => setImmediate(done));
      if (request.input === 5) throw new StatesError('Boom', 'item 5');
      return {};
    };
    const r = await run(map({ MaxConcurrency: 2 }), Array.from({ length: 1000 }, (_, i) => i), invoke);
    assert.equal(r.error, 'Boom');
    // Give a straggler time to show itself: the other worker takes no new item once the Map failed.
    for (let i = 0; i < 50; i++) await new Promise((done) => setImmediate(done));
    assert.ok(calls <= 8, `${calls} calls`);
    assert.equal(r.events.at(-1)!.type, 'ExecutionFailed');
  });

  it('a failed Parallel branch stops its siblings at their next state', async () => {
    let calls = 0;
    const loop = { StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Next: 'T' } } };
    const failing = { StartAt: 'F', States: { F: { Type: 'Fail', Error: 'Stop' } } };
    const r = await run({ StartAt: 'P', States: { P: { Type: 'Parallel', Branches: [loop, failing], End: true } } }, {}, async () => {
      calls++;
      await new Promise((done) => setImmediate(done));
      return {};
    });
    assert.equal(r.error, 'Stop');
    // Give a straggler time to show itself: nothing runs after the execution ended.
    const after = calls;
    for (let i = 0; i < 20; i++) await new Promise((done) => setImmediate(done));
    assert.equal(calls, after);
    assert.ok(calls <= 2, `${calls} calls`);
  });
});

describe('interpreter bounds: retries and time', () => {
  const failingTask = (retry: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    single({ Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: 99999999, ...retry }], ...extra });

  // asl-reference §7 and §12: MaxAttempts may be 99999999; each attempt of a Task adds its events to the history.
  it('MaxAttempts 99999999 on a Task that fails at once ends at the history cap', async () => {
    let calls = 0;
    const r = await run(failingTask({ BackoffRate: 1 }), {}, async () => {
      calls++;
      throw new StatesError('Flaky', 'always');
    });
    assert.equal(r.cause, HISTORY_FULL);
    assert.ok(calls < 25_000 / 3 + 1);
  });

  it('MaxAttempts 99999999 on a state that fails before its Task is scheduled still ends', async () => {
    const r = await run(failingTask({ BackoffRate: 1 }, { Parameters: { 'x.$': '$.missing' } }), {});
    assert.equal(r.status, 'FAILED');
    assert.equal(r.cause, HISTORY_FULL);
  });

  // AWS service quotas: a Standard execution runs at most one year, then fails with States.Timeout.
  it('growing back-off reaches the one-year maximum execution time and times out', async () => {
    const r = await run(failingTask({ BackoffRate: 2 }), {}, async () => {
      throw new StatesError('Flaky', 'always');
    });
    assert.equal(r.status, 'TIMED_OUT');
    assert.equal(r.error, 'States.Timeout');
    assert.ok(r.durationMs <= 366 * 24 * 3600 * 1000);
  });

  it('a Wait of 99999999 seconds times out at one year; TimeoutSeconds still wins when shorter, inside a Map too', async () => {
    const r = await run(single({ Type: 'Wait', Seconds: 99999999 }));
    assert.equal(r.status, 'TIMED_OUT');
    const inMap = await run({ TimeoutSeconds: 10, StartAt: 'M', States: { M: { Type: 'Map', ItemProcessor: { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 60, End: true } } }, Catch: [{ ErrorEquals: ['States.ALL'], Next: 'C' }], End: true }, C: { Type: 'Succeed' } } }, [1]);
    // asl-reference §8: an execution-level timeout is uncatchable.
    assert.equal(inMap.status, 'TIMED_OUT');
    assert.equal(inMap.durationMs, 10_001);
  });
});
