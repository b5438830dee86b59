import assert from 'node:assert/strict';
import { runExecution } from '../../../server/src/interpreter/runExecution';
import type { HistoryEvent, RunOptions } from '../../../server/src/interpreter/types';
import { VirtualClock } from '../../../server/src/interpreter/virtualClock';
import { START, testServices } from './runMachine';

// The interpreter builds history events only when someone reads them (issue 17): kept (recordEvents) or streamed
// (onEvent). Unread, they are still counted, so AWS's 25,000-event limit (asl-reference §12, "Avoid reaching the
// history quota") ends a long run at the same point, with the same error.
const loop = (iterations: number) => ({
  StartAt: 'Init',
  States: {
    Init: { Type: 'Pass', Result: 0, ResultPath: '$.i', Next: 'Check' },
    Check: { Type: 'Choice', Choices: [{ Variable: '$.i', NumericLessThan: iterations, Next: 'Add' }], Default: 'Done' },
    Add: { Type: 'Pass', Parameters: { 'i.$': 'States.MathAdd($.i, 1)' }, Next: 'Check' },
    Done: { Type: 'Succeed' },
  },
});

const options = (definition: unknown, extra: Partial<RunOptions>): RunOptions => ({
  definition,
  input: {},
  invokeTask: async () => ({}),
  clock: new VirtualClock(START),
  services: testServices,
  ...extra,
});

describe('interpreter: history nobody reads', () => {
  it('keeps no events, yet reaches the same output', async () => {
    const unread = await runExecution(options(loop(50), { recordEvents: false }));
    const read = await runExecution(options(loop(50), {}));
    assert.equal(unread.status, 'SUCCEEDED');
    assert.deepEqual(unread.output, read.output);
    assert.deepEqual(unread.output, { i: 50 });
    assert.equal(unread.events.length, 0);
    assert.equal(read.events.length, 4 * 50 + 8);
  });

  it('still ends at the history limit, with the error a recorded run gets', async () => {
    const unread = await runExecution(options(loop(20_000), { recordEvents: false }));
    const streamed: HistoryEvent[] = [];
    const read = await runExecution(options(loop(20_000), { recordEvents: false, onEvent: (e) => streamed.push(e) }));
    assert.equal(read.status, 'FAILED');
    assert.equal(unread.status, read.status);
    assert.equal(unread.error, 'States.Runtime');
    assert.equal(unread.cause, read.cause);
    assert.equal(streamed.length, 25_000);
    assert.equal(streamed.at(-1)!.type, 'ExecutionFailed');
  });

  it('streams events with the states’ input and output only in full detail', async () => {
    const full: HistoryEvent[] = [];
    const summary: HistoryEvent[] = [];
    await runExecution(options(loop(1), { recordEvents: false, onEvent: (e) => full.push(e) }));
    await runExecution(options(loop(1), { recordEvents: false, eventDetail: 'summary', onEvent: (e) => summary.push(e) }));
    assert.deepEqual(summary.map((e) => [e.id, e.previousEventId, e.type]), full.map((e) => [e.id, e.previousEventId, e.type]));
    const entered = (events: HistoryEvent[]) => events.find((e) => e.type === 'PassStateEntered')!.stateEnteredEventDetails;
    assert.deepEqual(entered(full), { name: 'Init', input: '{}' });
    assert.deepEqual(entered(summary), { name: 'Init' });
  });
});
