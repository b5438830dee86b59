import * as assert from 'node:assert/strict';
import type { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { andWait, launch, lineOf, perTest, scopeValues, scratch, topFrame } from './dapSession';

const MACHINE = {
  QueryLanguage: 'JSONPath',
  StartAt: 'Remember',
  States: {
    Remember: { Type: 'Pass', Assign: { greeting: 'hello', count: 3 }, Next: 'Shape' },
    Shape: { Type: 'Pass', Parameters: { 'total.$': '$.price', 'label.$': "States.Format('{} x{}', $greeting, $count)" }, Next: 'Done' },
    Done: { Type: 'Succeed' },
  },
};
const TEXT = JSON.stringify(MACHINE, null, 2);

// A day's Wait passes on the run's virtual clock (the run does not sleep it).
const WAITS_A_DAY = {
  StartAt: 'Sleep',
  States: { Sleep: { Type: 'Wait', Seconds: 86_400, Next: 'After' }, After: { Type: 'Pass', End: true } },
};
const WAIT_TEXT = JSON.stringify(WAITS_A_DAY, null, 2);

// Issue 16 point 5: the debug console evaluates JSONPath, intrinsic functions and JSONata against the stopped
// state, with completion; the input of the state about to run can be edited; restart; pause of a long run.
describe('debug adapter: evaluate, completions, edit the input, restart, pause (DAP)', function () {
  this.timeout(90_000);
  let dc: DebugClient;
  const session = perTest({ 'm.asl.json': MACHINE, 'wait.asl.json': WAITS_A_DAY });

  const stopAtShape = async (extra: Record<string, unknown> = {}) => {
    dc = await session.startClient();
    const program = session.path('m.asl.json');
    const { stopped } = await launch(dc, { program, input: { price: 12 }, ...extra }, [{ path: program, lines: [lineOf(TEXT, '"Shape": {')] }]);
    const stop = await stopped;
    return { stop, frame: await topFrame(dc, stop.body.threadId!) };
  };

  it('evaluates JSONPath, variables, intrinsic functions and JSONata against the stopped state', async () => {
    const { frame } = await stopAtShape();
    const evaluate = async (expression: string) => (await dc.evaluateRequest({ expression, frameId: frame.id, context: 'repl' })).body.result;
    assert.equal(await evaluate('$.price'), '12');
    assert.equal(await evaluate('$greeting'), '"hello"');
    assert.equal(await evaluate("States.Format('{} costs {}', $greeting, $.price)"), '"hello costs 12"');
    assert.equal(await evaluate('$states.input.price * $count'), '36');
    assert.equal(await evaluate('{% $uppercase($greeting) %}'), '"HELLO"');
    assert.match(await evaluate('$$.State.Name'), /"Shape"/);
    const missing = await dc.evaluateRequest({ expression: '$.nothing', frameId: frame.id, context: 'repl' }).then(() => 'answered', (e: Error) => e.message);
    assert.match(missing, /No value at \$\.nothing/);
    const broken = await dc.evaluateRequest({ expression: '$states.input.(', frameId: frame.id, context: 'repl' }).then(() => 'answered', (e: Error) => e.message);
    assert.match(broken, /JSONata/);
    const scopes = await scopeValues(dc, frame.id);
    assert.deepEqual(scopes.Variables, { greeting: '"hello"', count: '3' });
  });

  it('$now() and $millis() in the console give the run\'s clock at the stop, a day after the start past a Wait', async () => {
    dc = await session.startClient();
    const program = session.path('wait.asl.json');
    const { stopped } = await launch(dc, { program }, [{ path: program, lines: [lineOf(WAIT_TEXT, '"After": {')] }]);
    const frame = await topFrame(dc, (await stopped).body.threadId!);
    const evaluate = async (expression: string) => (await dc.evaluateRequest({ expression, frameId: frame.id, context: 'repl' })).body.result;
    // As in the run itself (jsonataEval's `now` binding): the virtual time, not the machine's wall clock.
    assert.equal(await evaluate('{% $millis() - $toMillis($states.context.Execution.StartTime) %}'), '86400000');
    assert.equal(await evaluate('{% $toMillis($now()) - $toMillis($states.context.State.EnteredTime) %}'), '0');
  });

  it('completes variables, $states paths and intrinsic functions in the console', async () => {
    const { frame } = await stopAtShape();
    const labels = async (text: string) => (await dc.completionsRequest({ text, column: text.length + 1, frameId: frame.id })).body.targets.map((t) => t.label);
    assert.deepEqual((await labels('$gr')), ['$greeting']);
    assert.ok((await labels('$states.in')).includes('$states.input'));
    assert.ok((await labels('States.Fo')).includes('States.Format('));
  });

  it('setVariable changes the input of the state about to run, and the run goes on with it', async () => {
    const { frame } = await stopAtShape();
    const scopes = await dc.scopesRequest({ frameId: frame.id });
    const input = scopes.body.scopes.find((s) => s.name === 'Input')!;
    const set = await dc.setVariableRequest({ variablesReference: input.variablesReference, name: 'price', value: '99' });
    assert.equal(set.body.value, '99');
    const bad = await dc.setVariableRequest({ variablesReference: input.variablesReference, name: 'price', value: 'not json' }).then(() => 'answered', (e: Error) => e.message);
    assert.match(bad, /Give a JSON value/);
    const history: { type: string; stateExitedEventDetails?: { name: string; output: string } }[] = [];
    dc.on('aslHistory', (e: DebugProtocol.Event) => history.push(...(e.body.events as typeof history)));
    await andWait(dc, 'terminated', () => dc.continueRequest({ threadId: 1 }));
    const shaped = history.find((e) => e.stateExitedEventDetails?.name === 'Shape');
    assert.deepEqual(JSON.parse(shaped!.stateExitedEventDetails!.output), { total: 99, label: 'hello x3' });
  });

  it('restart runs the machine again from the start with the same breakpoints', async () => {
    const { stop } = await stopAtShape();
    assert.equal(stop.body.reason, 'breakpoint');
    const again = await andWait<DebugProtocol.StoppedEvent>(dc, 'stopped', () => dc.customRequest('restart', {}));
    assert.equal(again.body.reason, 'breakpoint');
    assert.equal((await topFrame(dc, again.body.threadId!)).name, 'Shape');
    await andWait(dc, 'terminated', () => dc.continueRequest({ threadId: 1 }));
  });

  it('pauses a Choice loop of 100,000 transitions mid-run and resumes it to the end', async () => {
    const loop = {
      StartAt: 'Count',
      States: {
        Count: { Type: 'Pass', Parameters: { 'n.$': 'States.MathAdd($.n, 1)' }, Next: 'More?' },
        'More?': { Type: 'Choice', Choices: [{ Variable: '$.n', NumericLessThan: 50_000, Next: 'Count' }], Default: 'Done' },
        Done: { Type: 'Succeed' },
      },
    };
    const s = scratch({ 'loop.asl.json': loop });
    try {
      dc = await session.startClient();
      const ended = dc.waitForEvent('aslEnded', 60_000);
      await launch(dc, { program: s.path('loop.asl.json'), input: { n: 0 }, machineType: 'EXPRESS' });
      // Let the loop stream history for a while first: without backpressure the answer to pause queued behind
      // megabytes of it (0.9 s after one second of running, 2.3 s later on). Two seconds, or 20,000 of its ~200,000
      // events, whichever comes first: on a quiet machine the whole run can end within two seconds.
      let events = 0;
      let streamed: () => void = () => undefined;
      const enough = new Promise<void>((r) => (streamed = r));
      dc.on('aslHistory', (e: DebugProtocol.Event) => {
        events += (e.body.events as unknown[]).length;
        if (events >= 20_000) streamed();
      });
      await Promise.race([enough, new Promise((r) => setTimeout(r, 2000))]);
      const asked = performance.now();
      const paused = await andWait<DebugProtocol.StoppedEvent>(dc, 'stopped', () => dc.pauseRequest({ threadId: 1 }));
      const latency = performance.now() - asked;
      console.log(`      pause answered in ${latency.toFixed(0)} ms, after ${events} history events`);
      // About 100 ms on a quiet machine; the bound leaves room for a loaded one.
      assert.ok(latency < 1000, `paused within a second (${latency.toFixed(0)} ms)`);
      assert.equal(paused.body.reason, 'pause');
      const frame = await topFrame(dc, paused.body.threadId!);
      const n = Number((await scopeValues(dc, frame.id)).Input.n);
      assert.ok(n > 0 && n < 50_000, `paused mid-loop (n = ${n})`);
      await dc.continueRequest({ threadId: 1 });
      assert.equal((await ended).body.status, 'SUCCEEDED');
    } finally {
      s.cleanup();
    }
  });
});
