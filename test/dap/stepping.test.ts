import * as assert from 'node:assert/strict';
import type { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { andWait, launch, lineOf, perTest, scopeValues } from './dapSession';

const FAN = {
  StartAt: 'Prepare',
  States: {
    Prepare: { Type: 'Pass', Result: { items: [10, 20, 30] }, Next: 'Ship' },
    Ship: {
      Type: 'Map',
      ItemsPath: '$.items',
      MaxConcurrency: 1,
      ItemProcessor: { StartAt: 'Pack', States: { Pack: { Type: 'Pass', Parameters: { 'packed.$': '$' }, Next: 'Label' }, Label: { Type: 'Pass', End: true } } },
      Next: 'Fan',
    },
    Fan: {
      Type: 'Parallel',
      Branches: [
        { StartAt: 'Left', States: { Left: { Type: 'Pass', Result: 'L', End: true } } },
        { StartAt: 'Right', States: { Right: { Type: 'Pass', Result: 'R', End: true } } },
      ],
      Next: 'Done',
    },
    Done: { Type: 'Succeed' },
  },
};
const TEXT = JSON.stringify(FAN, null, 2);

async function step(dc: DebugClient, kind: 'next' | 'stepIn' | 'stepOut', threadId: number): Promise<{ thread: string; threadId: number; frame: DebugProtocol.StackFrame; stack: string[] }> {
  const request = kind === 'next' ? () => dc.nextRequest({ threadId }) : kind === 'stepIn' ? () => dc.stepInRequest({ threadId }) : () => dc.stepOutRequest({ threadId });
  const stop = await andWait<DebugProtocol.StoppedEvent>(dc, 'stopped', request);
  const threads = await dc.threadsRequest();
  const trace = await dc.stackTraceRequest({ threadId: stop.body.threadId! });
  return {
    threadId: stop.body.threadId!,
    thread: threads.body.threads.find((t) => t.id === stop.body.threadId)?.name ?? '?',
    frame: trace.body.stackFrames[0],
    stack: trace.body.stackFrames.map((f) => f.name),
  };
}

// Issue 16 point 4: Step Over stays in its States block, Step Into enters a Map iteration or a Parallel branch
// (a thread of its own, named `Map "Ship" #0`), Step Out runs to the end of the branch or iteration.
describe('debug adapter: stepping through Map and Parallel (DAP)', function () {
  this.timeout(60_000);
  let dc: DebugClient;
  const session = perTest({ 'fan.asl.json': FAN });

  it('step into a Map iteration: a thread named after the Map and item, its stack up to the execution', async () => {
    dc = await session.startClient();
    const program = session.path('fan.asl.json');
    const { stopped } = await launch(dc, { program, stopBetweenSteps: false }, [{ path: program, lines: [lineOf(TEXT, '"Ship": {')] }]);
    await stopped;
    const inside = await step(dc, 'stepIn', 1);
    assert.equal(inside.thread, 'Map "Ship" #0');
    assert.equal(inside.frame.name, 'Pack');
    assert.equal(inside.frame.line, lineOf(TEXT, '"Pack": {'));
    assert.deepEqual(inside.stack, ['Pack', 'Map "Ship" #0', 'Execution "fan"']);
    const scopes = await scopeValues(dc, inside.frame.id);
    assert.equal(scopes['Context object ($$)'].Map, '{"Item":{"Index":0,"Value":10}}');
    // Step over inside the iteration stays in it.
    const label = await step(dc, 'next', inside.threadId);
    assert.equal(label.frame.name, 'Label');
    assert.equal(label.thread, 'Map "Ship" #0');
    // Step out: the Map runs to its end; the next stop is in the execution's block.
    const out = await step(dc, 'stepOut', label.threadId);
    assert.equal(out.thread, 'Execution "fan"');
    assert.equal(out.frame.name, 'Fan');
    // Step into the Parallel: its first branch.
    const branch = await step(dc, 'stepIn', out.threadId);
    assert.equal(branch.thread, 'Parallel "Fan" branch 1');
    assert.equal(branch.frame.name, 'Left');
    await andWait(dc, 'terminated', () => dc.continueRequest({ threadId: branch.threadId }));
  });

  it('step over a Map does not stop inside it', async () => {
    dc = await session.startClient();
    const program = session.path('fan.asl.json');
    const { stopped } = await launch(dc, { program, stopBetweenSteps: false }, [{ path: program, lines: [lineOf(TEXT, '"Ship": {')] }]);
    await stopped;
    const next = await step(dc, 'next', 1);
    assert.equal(next.frame.name, 'Fan');
    assert.equal(next.thread, 'Execution "fan"');
    await andWait(dc, 'terminated', () => dc.continueRequest({ threadId: 1 }));
  });

  it('a breakpoint inside a Map iteration stops in each iteration, on its thread', async () => {
    dc = await session.startClient();
    const program = session.path('fan.asl.json');
    const { stopped } = await launch(dc, { program }, [{ path: program, lines: [lineOf(TEXT, '"Label": {')] }]);
    const names: string[] = [];
    let stop = await stopped;
    for (let i = 0; i < 3; i++) {
      const threads = await dc.threadsRequest();
      names.push(threads.body.threads.find((t) => t.id === stop.body.threadId)?.name ?? '?');
      if (i < 2) stop = await andWait<DebugProtocol.StoppedEvent>(dc, 'stopped', () => dc.continueRequest({ threadId: stop.body.threadId! }));
    }
    assert.deepEqual(names, ['Map "Ship" #0', 'Map "Ship" #1', 'Map "Ship" #2']);
    await andWait(dc, 'terminated', () => dc.continueRequest({ threadId: stop.body.threadId! }));
  });
});

