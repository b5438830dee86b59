import assert from 'node:assert/strict';
import { setImmediate as turn } from 'node:timers/promises';
import { EventBatches } from '../../../server/src/execution/eventBatches';
import type { HistoryEvent } from '../../../server/src/interpreter/types';

const event = (id: number) => ({ id, previousEventId: id - 1, timestamp: '2026-12-03T00:00:00.000Z', type: 'PassStateEntered' }) as unknown as HistoryEvent;

/** Waits `ms` without letting the event loop turn, as a run that never yields does. */
function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

// The execution worker streams a run's history in batches (runJob.ts); the interpreter benchmark times the same code.
describe('EventBatches', () => {
  it('sends every event once, in order, in batches of at most 100, with no empty batch', async () => {
    const sent: HistoryEvent[][] = [];
    const batches = new EventBatches((events) => sent.push(events));
    for (let id = 1; id <= 250; id++) batches.push(event(id));
    batches.flush();
    batches.flush();
    assert.ok(sent.every((b) => b.length > 0 && b.length <= 100), `batch sizes ${sent.map((b) => b.length)}`);
    assert.deepEqual(sent.flat().map((e) => e.id), Array.from({ length: 250 }, (_, i) => i + 1));
  });

  it('sends what it holds when the event loop turns', async () => {
    const sent: HistoryEvent[][] = [];
    const batches = new EventBatches((events) => sent.push(events));
    batches.push(event(1));
    // The first event goes at once (nothing was sent yet); the next waits for a turn of the loop.
    batches.push(event(2));
    batches.push(event(3));
    assert.deepEqual(sent.map((b) => b.map((e) => e.id)), [[1]]);
    await turn();
    assert.deepEqual(sent.map((b) => b.map((e) => e.id)), [[1], [2, 3]]);
  });

  it('sends a batch 20 ms after the last one even when the run never yields', () => {
    const sent: HistoryEvent[][] = [];
    const batches = new EventBatches((events) => sent.push(events));
    batches.push(event(1));
    batches.push(event(2));
    assert.equal(sent.length, 1);
    busy(25);
    batches.push(event(3));
    assert.deepEqual(sent.map((b) => b.map((e) => e.id)), [[1], [2, 3]]);
  });
});
