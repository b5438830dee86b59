import * as assert from 'node:assert/strict';
import type { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { launch, perTest, topFrame } from './dapSession';

const explode = { StartAt: 'Explode', States: { Explode: { Type: 'Fail', Error: 'Boom', Cause: 'in the branch' } } };

// The Parallel retries Boom once (asl-reference §7): the first failure is retried, the second one fails the run.
const RETRIED_ONCE = {
  StartAt: 'Fan',
  States: {
    Fan: { Type: 'Parallel', Branches: [explode], Retry: [{ ErrorEquals: ['Boom'], MaxAttempts: 1, IntervalSeconds: 1 }], Next: 'Done' },
    Done: { Type: 'Succeed' },
  },
};

// The inner Parallel's retry runs out; the outer Parallel's Catch (two levels up) takes the error.
const CAUGHT_TWO_UP = {
  StartAt: 'Outer',
  States: {
    Outer: {
      Type: 'Parallel',
      Branches: [{ StartAt: 'Inner', States: { Inner: { Type: 'Parallel', Branches: [explode], Retry: [{ ErrorEquals: ['Boom'], MaxAttempts: 1, IntervalSeconds: 1 }], End: true } } }],
      Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Done' }],
      Next: 'Done',
    },
    Done: { Type: 'Succeed' },
  },
};

// A Distributed Map counts a failed child against ToleratedFailureCount instead of failing (asl-reference §5.8).
const TOLERATED = {
  StartAt: 'Each',
  States: {
    Each: { Type: 'Map', ItemsPath: '$.items', ToleratedFailureCount: 1, ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, ...explode }, End: true },
  },
};

/** Runs with the Uncaught errors filter to the end, continuing at each stop: each stop's thread and state, and the status. */
async function uncaughtStops(dc: DebugClient, program: string, input: unknown = {}): Promise<{ stops: string[]; status: string; parallelStarts: number }> {
  const stops: string[] = [];
  let parallelStarts = 0;
  dc.on('aslHistory', (e: DebugProtocol.Event) => (parallelStarts += (e.body.events as { type: string }[]).filter((h) => h.type === 'ParallelStateStarted').length));
  const ended = dc.waitForEvent('aslEnded', 30_000);
  const { stopped } = await launch(dc, { program, input }, [], (client) => client.setExceptionBreakpointsRequest({ filters: ['uncaught'] }));
  let stop = await Promise.race([stopped, ended.then(() => undefined)]);
  while (stop && stops.length < 5) {
    const threads = await dc.threadsRequest();
    stops.push(`${threads.body.threads.find((t) => t.id === stop!.body.threadId)?.name}: ${(await topFrame(dc, stop.body.threadId!)).name}`);
    const next = dc.waitForEvent('stopped', 30_000) as Promise<DebugProtocol.StoppedEvent>;
    next.catch(() => undefined);
    await dc.continueRequest({ threadId: stop.body.threadId! });
    stop = await Promise.race([next, ended.then(() => undefined)]);
  }
  return { stops, status: String((await ended).body.status), parallelStarts };
}

// Issue 16 point 3: "Uncaught errors" stops where an error that no Retry will retry (counting the attempts already
// used) and no Catch here or in an enclosing Parallel or Map will catch is raised, and nowhere else.
describe('debug adapter: the Uncaught errors filter is exact (DAP)', function () {
  this.timeout(60_000);
  let dc: DebugClient;
  const session = perTest({ 'retried.asl.json': RETRIED_ONCE, 'caught.asl.json': CAUGHT_TWO_UP, 'tolerated.asl.json': TOLERATED });

  it('a branch error the enclosing Parallel will retry does not stop; once its retries are used up, it stops where it is raised', async () => {
    dc = await session.startClient();
    const run = await uncaughtStops(dc, session.path('retried.asl.json'));
    assert.deepEqual(run.stops, ['Parallel "Fan" branch 1: Explode']);
    assert.equal(run.parallelStarts, 2, 'the first failure was retried without a stop');
    assert.equal(run.status, 'FAILED');
  });

  it('an error a Catch two levels up takes never stops, though the inner retry runs out', async () => {
    dc = await session.startClient();
    const run = await uncaughtStops(dc, session.path('caught.asl.json'));
    assert.deepEqual(run.stops, []);
    assert.equal(run.status, 'SUCCEEDED');
  });

  it('a Distributed Map child failure within ToleratedFailureCount does not stop', async () => {
    dc = await session.startClient();
    const run = await uncaughtStops(dc, session.path('tolerated.asl.json'), { items: [1] });
    assert.deepEqual(run.stops, []);
    assert.equal(run.status, 'SUCCEEDED');
  });
});
