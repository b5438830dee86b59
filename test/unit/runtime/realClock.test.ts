import assert from 'node:assert/strict';
import { realClock } from '../../../server/src/runtime/nodeRuntime';

// A task's TimeoutSeconds may be 99999999 s and an execution runs up to a year (asl-reference §5.1, §12): a real
// wait that long must not fire at once, as a single setTimeout past 2^31-1 ms does (Node's TimeoutOverflowWarning).
describe('realClock', () => {
  it('a wait longer than setTimeout allows is still waiting a moment later, and ends when aborted', async () => {
    const stop = new AbortController();
    let over = false;
    const wait = realClock.sleep(365 * 24 * 3600 * 1000, stop.signal).then(() => (over = true));
    await new Promise((resolve) => setTimeout(resolve, 30));
    assert.equal(over, false);
    stop.abort();
    await wait;
    assert.equal(over, true);
  });

  it('a short wait ends after its time', async () => {
    const before = Date.now();
    await realClock.sleep(20, new AbortController().signal);
    assert.ok(Date.now() - before >= 19);
  });
});
