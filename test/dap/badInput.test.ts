import * as assert from 'node:assert/strict';
import type { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { andWait, launch, lineOf, perTest, scratch } from './dapSession';

/** Collects the adapter's output events. */
function outputOf(dc: DebugClient): string[] {
  const lines: string[] = [];
  dc.on('output', (e: DebugProtocol.OutputEvent) => lines.push(e.body.output));
  return lines;
}

/** Launches and expects the launch to fail: its message, and the session's end. */
async function failedLaunch(dc: DebugClient, args: Record<string, unknown>): Promise<string> {
  const terminated = dc.waitForEvent('terminated');
  // The launch fails before the adapter is ready for configuration (no `initialized` event comes).
  const message = await dc.launch(args).then(() => assert.fail('the launch should fail'), (error: Error) => error.message);
  await terminated;
  return message;
}

// Issue 16 "Bad input": a launch configuration naming a missing file, an invalid machine, a condition that does
// not parse, a handler that throws or hangs, disconnecting mid-run: a clear message, never a stuck session.
describe('debug adapter: bad input (DAP)', function () {
  this.timeout(60_000);
  let dc: DebugClient;
  const session = perTest();

  it('a missing program file fails the launch saying so, and the session ends', async () => {
    dc = await session.startClient();
    const message = await failedLaunch(dc, { program: '/nonexistent/nowhere.asl.json' });
    assert.match(message, /Cannot read \/nonexistent\/nowhere\.asl\.json: no such file/);
  });

  it('a launch configuration without program says what is needed', async () => {
    dc = await session.startClient();
    assert.match(await failedLaunch(dc, {}), /needs 'program'/);
  });

  it('an invalid machine: each problem is an output event at its file:line, the launch fails, the session ends', async () => {
    dc = await session.startClient();
    const s = scratch({ 'bad.asl.json': '{\n  "StartAt": "Missing",\n  "States": {\n    "A": { "Type": "Pass", "End": true }\n  }\n}\n' });
    try {
      const out: DebugProtocol.OutputEvent[] = [];
      dc.on('output', (e: DebugProtocol.OutputEvent) => out.push(e));
      const message = await failedLaunch(dc, { program: s.path('bad.asl.json') });
      assert.match(message, /is not a valid state machine/);
      const problem = out.find((e) => e.body.source?.path === s.path('bad.asl.json'));
      assert.ok(problem, 'a problem is reported at its source');
      assert.equal(problem.body.line, 2);
      assert.match(problem.body.output, /Missing/);
    } finally {
      s.cleanup();
    }
  });

  it('a mock file with several test cases and none chosen names them', async () => {
    dc = await session.startClient();
    const message = await failedLaunch(dc, { program: `${__dirname}/../../examples/donut-shop.asl.json` });
    assert.match(message, /HappyPath, SoldOut, NoFunds, ThrottledThenSold; choose one with "testCase"/);
  });

  it('a condition that does not parse gives an unverified breakpoint saying why', async () => {
    dc = await session.startClient();
    const s = scratch({ 'm.asl.json': { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } } });
    try {
      let response: DebugProtocol.SetBreakpointsResponse | undefined;
      const terminated = dc.waitForEvent('terminated');
      await launch(dc, { program: s.path('m.asl.json') }, [], async (client) => {
        response = await client.setBreakpointsRequest({ source: { path: s.path('m.asl.json') }, breakpoints: [{ line: 4, condition: '$states.input.x >' }, { line: 4, hitCondition: 'often' }] });
      });
      const [bad, badHit] = response!.body.breakpoints;
      assert.equal(bad.verified, false);
      assert.match(bad.message ?? '', /The condition does not parse/);
      assert.equal(badHit.verified, false);
      assert.match(badHit.message ?? '', /hit count 'often' is not understood/);
      await terminated;
    } finally {
      s.cleanup();
    }
  });

  it('a handler that throws fails its Task with the error, as in asl run', async () => {
    dc = await session.startClient();
    const s = scratch({
      'm.asl.json': { StartAt: 'Call', States: { Call: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:f', End: true } } },
      'h.mjs': "export const handlers = { Call: () => { throw new Error('boom from the handler'); } };\n",
    });
    try {
      const lines = outputOf(dc);
      const ended = dc.waitForEvent('aslEnded');
      const terminated = dc.waitForEvent('terminated');
      await launch(dc, { program: s.path('m.asl.json'), handlers: s.path('h.mjs') });
      assert.equal((await ended).body.status, 'FAILED');
      await terminated;
      assert.ok(lines.some((l) => /Execution FAILED: .*boom from the handler/.test(l)), lines.join(''));
    } finally {
      s.cleanup();
    }
  });

  it('a handler that throws from a timer while the run is paused ends the session with the error, not a stuck pause', async () => {
    dc = await session.startClient();
    const machine = { StartAt: 'Work', States: { Work: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:f', Next: 'After' }, After: { Type: 'Pass', End: true } } };
    const s = scratch({
      'm.asl.json': machine,
      'h.mjs': "export const handlers = { Work: () => { setTimeout(() => { throw new Error('late failure'); }, 300); return { ok: true }; } };\n",
    });
    try {
      const output: string[] = [];
      dc.on('output', (e: DebugProtocol.OutputEvent) => output.push(e.body.output));
      const terminated = dc.waitForEvent('terminated', 15_000);
      const ended = dc.waitForEvent('aslEnded', 15_000);
      const { stopped } = await launch(dc, { program: s.path('m.asl.json'), handlers: s.path('h.mjs') }, [{ path: s.path('m.asl.json'), lines: [lineOf(JSON.stringify(machine, null, 2), '"After": {')] }]);
      assert.equal((await stopped).body.reason, 'breakpoint');
      // Paused before After; the handler's timer throws 300 ms later.
      assert.equal((await ended).body.status, 'FAILED');
      await terminated;
      assert.match(output.join(''), /Uncaught exception in handler code: Error: late failure/);
    } finally {
      s.cleanup();
    }
  });

  it('disconnecting while paused ends the run and the worker; disconnecting while a handler hangs does too', async () => {
    dc = await session.startClient();
    const s = scratch({
      'm.asl.json': { StartAt: 'Hang', States: { Hang: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:f', Next: 'After' }, After: { Type: 'Pass', End: true } } },
      // Busy in a loop: the worker cannot answer anything until it is killed.
      'h.mjs': 'export const handlers = { Hang: () => { for (;;) {} } };\n',
    });
    try {
      const { stopped } = await launch(dc, { program: s.path('m.asl.json'), handlers: s.path('h.mjs') }, [{ path: s.path('m.asl.json'), lines: [4] }]);
      assert.equal((await stopped).body.reason, 'breakpoint');
      // Paused before Hang: its effective input is the next stop; the step after it runs the handler, which never
      // yields, so the run cannot answer a pause.
      await andWait(dc, 'stopped', () => dc.nextRequest({ threadId: 1 }));
      await dc.nextRequest({ threadId: 1 });
      const pause = await dc.pauseRequest({ threadId: 1 }).then(() => 'answered', (error: Error) => error.message);
      assert.match(pause, /does not answer/);
      const started = Date.now();
      await dc.disconnectRequest({});
      assert.ok(Date.now() - started < 5000, 'the session ends within seconds');
    } finally {
      s.cleanup();
    }
  });
});
