import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { HistoryTree, isGroup } from '../../../client/webview/src/execution/historyTree';
import { findTestCase, mockInvoker, readMockConfig } from '../../../server/src/interpreter/mocks';
import { prepareDefinition } from '../../../server/src/interpreter/prepareDefinition';
import { run } from './runMachine';

const FIXTURES = resolve(__dirname, '../../fixtures/execution');

// AWS's GetExecutionHistory: each event's previousEventId is the event that led to it, so interleaved Map
// iterations stay separable (a state's Entered follows the previous state's Exited or its iteration's start;
// TaskScheduled follows the Entered, TaskStarted the Scheduled, TaskSucceeded/Failed the Started).
describe('interpreter: causal previousEventId', () => {
  it('links every event of a concurrent Map iteration back to its MapIterationStarted', async () => {
    const prepared = prepareDefinition(readFileSync(resolve(FIXTURES, 'big-map.asl.json'), 'utf8'));
    assert.ok('definition' in prepared);
    const config = readMockConfig(JSON.parse(readFileSync(resolve(FIXTURES, 'big-map.mocks.json'), 'utf8')));
    const input = { items: Array.from({ length: 5 }, (_, i) => ({ sku: i })) };
    const r = await run(prepared.definition, input, mockInvoker(config, findTestCase(config, 'big-map', 'AllPriced')));
    const byId = new Map(r.events.map((e) => [e.id, e]));
    const iterationOf = (id: number): number | undefined => {
      for (let e = byId.get(id); e; e = byId.get(e.previousEventId)) {
        if (e.type === 'MapIterationStarted') return (e.mapIterationStartedEventDetails as { index: number }).index;
        if (e.previousEventId === 0 || e.type === 'MapStateStarted') return undefined;
      }
      return undefined;
    };
    const succeeded = r.events.filter((e) => e.type === 'TaskSucceeded');
    assert.equal(succeeded.length, 5);
    // The iterations interleave in the history, yet each task's chain leads to its own iteration.
    assert.deepEqual(succeeded.map((e) => iterationOf(e.id)).sort(), [0, 1, 2, 3, 4]);
    const entered = r.events.filter((e) => e.type === 'TaskStateEntered');
    assert.ok(entered.some((e, i) => i > 0 && e.id !== entered[i - 1].id + 6), 'the iterations interleave');

    // The execution view's grouping (client/webview/src/execution/historyTree.ts) follows the same links.
    const tree = new HistoryTree();
    for (const e of r.events) tree.add(e);
    const map = tree.root.find((i) => isGroup(i) && i.name === 'Price Each Item');
    assert.ok(map && isGroup(map));
    const iterations = map.items.filter(isGroup);
    assert.deepEqual(iterations.map((g) => [g.index, g.size, g.items.filter(isGroup).map((s) => s.name)]), [0, 1, 2, 3, 4].map((i) => [i, 9, ['Price Item', 'Tag Item']]));
  });
});
