import assert from 'node:assert/strict';
import { eventRowText, groupRowText } from '../../../client/src/execution/historyRowText';
import { HistoryTree, isGroup, type HistoryGroup } from '../../../client/webview/src/execution/historyTree';
import type { ExecutionEventData } from '../../../client/webview/src/shared/executionMessages';
import { run } from '../interpreter/runMachine';

async function treeOf(definition: unknown, invoke?: Parameters<typeof run>[2]): Promise<HistoryTree> {
  const result = await run(definition, { items: [1, 2, 3] }, invoke);
  const tree = new HistoryTree();
  for (const event of result.events) tree.add(event as unknown as ExecutionEventData);
  return tree;
}

const group = (items: HistoryTree['root'], name: string) => items.find((i): i is HistoryGroup => isGroup(i) && i.name === name && i.kind === 'state')!;

// The rows of the history tree (ASL Execution › History): what each one says, beside its icon.
describe('history tree rows', () => {
  it('a Map state: its name, type and every event under it; its iterations by index with their own counts', async () => {
    const tree = await treeOf({
      StartAt: 'Each',
      States: { Each: { Type: 'Map', ItemsPath: '$.items', ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, End: true } },
    });
    const map = group(tree.root, 'Each');
    assert.deepEqual(groupRowText(map), { label: 'Each', description: `Map · ${map.size} events`, detail: `Each: Map, ${map.size} events` });
    const iterations = map.items.filter((i): i is HistoryGroup => isGroup(i) && i.kind === 'iteration');
    assert.deepEqual(iterations.map((i) => groupRowText(i).label), ['Iteration 0', 'Iteration 1', 'Iteration 2']);
    // MapIterationStarted, the Pass state's two events, MapIterationSucceeded.
    assert.equal(groupRowText(iterations[1]).description, '4 events');
    assert.equal(groupRowText(iterations[1]).detail, 'Iteration 1 of Each: 4 events');
  });

  it('a Task retried, then caught: the retry count and the outcome; the failure event names its error', async () => {
    let calls = 0;
    const tree = await treeOf(
      {
        StartAt: 'Call',
        States: {
          Call: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Retry: [{ ErrorEquals: ['Boom'], MaxAttempts: 1, IntervalSeconds: 1 }], Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Done' }], End: true },
          Done: { Type: 'Succeed' },
        },
      },
      async () => {
        calls++;
        throw Object.assign(new Error('it broke'), { name: 'Boom' });
      },
    );
    assert.equal(calls, 2);
    const call = group(tree.root, 'Call');
    assert.equal(groupRowText(call).description, 'Task · ' + `${call.size} events · 1 retry · caught`);
    const failed = call.items.find((i): i is ExecutionEventData => !isGroup(i) && i.type === 'TaskFailed')!;
    const text = eventRowText(failed);
    assert.equal(text.label, 'TaskFailed');
    assert.match(text.description, /^arn:aws:states:::lambda:invoke — Boom {2}#\d+ {2}\d\d:\d\d:\d\d\.\d{3}$/);
    assert.match(text.detail, /"error": "Boom"/);
  });

  it('an event with a large input: the tooltip text is cut and says how much is left', () => {
    const big = 'x'.repeat(10_000);
    const text = eventRowText({ id: 7, previousEventId: 6, timestamp: '2026-01-01T00:00:00.000Z', type: 'PassStateEntered', stateEnteredEventDetails: { name: 'P', input: big } });
    assert.equal(text.description, 'P  #7  00:00:00.000');
    assert.ok(text.detail.length < 4200, `${text.detail.length} characters`);
    assert.match(text.detail, /more characters: select the row for the whole event\)$/);
  });
});
