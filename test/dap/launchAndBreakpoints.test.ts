import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { andWait, launch, lineOf, perTest, scopeValues, scratch, topFrame } from './dapSession';

const EXAMPLES = resolve(__dirname, '../../examples');
const DONUTS = resolve(EXAMPLES, 'donut-shop.asl.json');
const DONUT_TEXT = readFileSync(DONUTS, 'utf8');

// Issue 16 points 1, 3, 5: the adapter (node dist/debugAdapter.js, DAP over stdio) launches a machine, stops
// before the state a line breakpoint is in, and shows its stack and scopes.
describe('debug adapter: launch, line breakpoints, stack and scopes (DAP)', function () {
  this.timeout(60_000);
  let dc: DebugClient;
  const session = perTest();

  it('stops before the state a breakpoint line is in; the breakpoint moves to the state key line; a line outside any state is unverified', async () => {
    dc = await session.startClient();
    const inside = lineOf(DONUT_TEXT, '"Payload.$": "$"');
    const outside = lineOf(DONUT_TEXT, '"Comment"');
    const { set, stopped: first } = await launch(dc, { program: DONUTS, testCase: 'HappyPath' }, [{ path: DONUTS, lines: [inside, outside] }]);
    const [verified, unverified] = set[0].body.breakpoints;
    assert.equal(verified.verified, true);
    assert.equal(verified.line, lineOf(DONUT_TEXT, '"Sell Donut": {'));
    assert.equal(unverified.verified, false);
    assert.match(unverified.message ?? '', /No state here/);

    const stopped = await first;
    assert.equal(stopped.body.reason, 'breakpoint');
    assert.deepEqual(stopped.body.hitBreakpointIds, [verified.id]);
    const frame = await topFrame(dc, stopped.body.threadId!);
    assert.equal(frame.name, 'Sell Donut');
    assert.equal(frame.line, lineOf(DONUT_TEXT, '"Sell Donut": {'));
    assert.equal(frame.source?.path, DONUTS);
    const scopes = await scopeValues(dc, frame.id);
    // The input of Sell Donut is Get Donut Price's output: the input file's donut plus the catalog price (mocked).
    assert.equal(scopes.Input.donut, JSON.stringify(JSON.parse(readFileSync(resolve(EXAMPLES, 'donut-shop.input.json'), 'utf8')).donut));
    assert.ok(scopes.Input.catalog, 'the ResultPath of the previous state is in the input');
    assert.match(scopes['Context object ($$)'].State, /"Name":"Sell Donut"/);
    await andWait(dc, 'terminated', () => dc.continueRequest({ threadId: stopped.body.threadId! }));
  });

  it('steps over a state with next, stopping between the processing steps of a Task (stopBetweenSteps, the default)', async () => {
    dc = await session.startClient();
    const { stopped } = await launch(dc, { program: DONUTS, testCase: 'HappyPath' }, [{ path: DONUTS, lines: [lineOf(DONUT_TEXT, '"Get Donut Price": {')] }]);
    const first = await stopped;
    const seen: string[] = [];
    const bodies: Record<string, Record<string, string>>[] = [];
    for (let i = 0; i < 5; i++) {
      const stop = await andWait<DebugProtocol.StoppedEvent>(dc, 'stopped', () => dc.nextRequest({ threadId: first.body.threadId! }));
      assert.equal(stop.body.reason, 'step');
      seen.push(String(stop.body.description));
      bodies.push(await scopeValues(dc, (await topFrame(dc, stop.body.threadId!)).id));
    }
    // One stop after each step the state has (asl-reference §3: Parameters → task → ResultSelector → ResultPath).
    assert.deepEqual(seen, [
      "Stopped in 'Get Donut Price' after Parameters",
      "Stopped in 'Get Donut Price' after its result",
      "Stopped in 'Get Donut Price' after ResultSelector",
      "Stopped in 'Get Donut Price' after ResultPath",
      "Stopped before 'Sell Donut'",
    ]);
    // After Parameters: the effective input is the DynamoDB request; after the result, the mocked item; after
    // ResultSelector, the price alone; after ResultPath, the input with it at $.catalog.
    assert.equal(bodies[0]['Effective input'].TableName, '"Donuts"');
    assert.equal(bodies[0].Result, undefined);
    assert.ok(bodies[1].Result.Item);
    assert.equal(bodies[1]['After ResultSelector'], undefined);
    assert.match(bodies[2]['After ResultSelector'].price, /^"\d/);
    assert.equal(bodies[2]['After ResultPath'], undefined);
    assert.deepEqual(JSON.parse(bodies[3]['After ResultPath'].catalog), JSON.parse(`{"price":${bodies[2]['After ResultSelector'].price}}`));
    assert.equal(bodies[3]['After ResultPath'].donut, bodies[3].Input.donut);
    await dc.disconnectRequest({});
  });

  it('with stopBetweenSteps false, next goes from state to state', async () => {
    dc = await session.startClient();
    const { stopped } = await launch(dc, { program: DONUTS, testCase: 'HappyPath', stopBetweenSteps: false }, [{ path: DONUTS, lines: [lineOf(DONUT_TEXT, '"Get Donut Price": {')] }]);
    await stopped;
    const names: string[] = [];
    for (let i = 0; i < 3; i++) {
      const stop = await andWait<DebugProtocol.StoppedEvent>(dc, 'stopped', () => dc.nextRequest({ threadId: 1 }));
      names.push((await topFrame(dc, stop.body.threadId!)).name);
    }
    assert.deepEqual(names, ['Sell Donut', 'Enjoy', 'Done']);
    await andWait(dc, 'terminated', () => dc.continueRequest({ threadId: 1 }));
  });

  it('sends aslHistory, aslPaused, aslResumed and aslEnded events (DebugEvents in protocol.ts)', async () => {
    dc = await session.startClient();
    const history: { type: string }[] = [];
    dc.on('aslHistory', (e: DebugProtocol.Event) => history.push(...(e.body.events as { type: string }[])));
    const paused = dc.waitForEvent('aslPaused');
    await launch(dc, { program: DONUTS, testCase: 'HappyPath' }, [{ path: DONUTS, lines: [lineOf(DONUT_TEXT, '"Enjoy": {')] }]);
    const pausedBody = (await paused).body;
    assert.equal(pausedBody.program, DONUTS);
    assert.equal(pausedBody.state, 'Enjoy');
    assert.equal(pausedBody.threadName, 'Execution "donut-shop"');
    // Paused before Enjoy: the history so far ends with Sell Donut's exit.
    assert.equal(history[0].type, 'ExecutionStarted');
    assert.equal(history.at(-1)?.type, 'TaskStateExited');
    const resumed = dc.waitForEvent('aslResumed');
    const ended = dc.waitForEvent('aslEnded');
    await dc.continueRequest({ threadId: 1 });
    assert.equal((await resumed).body.program, DONUTS);
    assert.deepEqual((await ended).body, { program: DONUTS, status: 'SUCCEEDED' });
    assert.equal(history.at(-1)?.type, 'ExecutionSucceeded');
  });

  it('stopOnEntry stops before the first state', async () => {
    dc = await session.startClient();
    const s = scratch({ 'one.asl.json': { StartAt: 'Only', States: { Only: { Type: 'Pass', End: true } } } });
    try {
      const { stopped } = await launch(dc, { program: s.path('one.asl.json'), stopOnEntry: true });
      const stop = await stopped;
      assert.equal(stop.body.reason, 'entry');
      assert.equal((await topFrame(dc, stop.body.threadId!)).name, 'Only');
      await andWait(dc, 'terminated', () => dc.continueRequest({ threadId: 1 }));
    } finally {
      s.cleanup();
    }
  });
});
