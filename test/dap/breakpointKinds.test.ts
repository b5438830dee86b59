import * as assert from 'node:assert/strict';
import type { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { launch, lineOf, perTest, scopeValues, topFrame } from './dapSession';

// A Map over five numbers whose iterations pass through `Check`; the last item fails in `Fails` (caught by the Map's
// Catch), then `Boom` fails the execution with a custom error nothing catches.
const MACHINE = {
  StartAt: 'Loop',
  States: {
    Loop: {
      Type: 'Map',
      ItemsPath: '$.items',
      MaxConcurrency: 1,
      ItemProcessor: {
        StartAt: 'Check',
        States: {
          Check: { Type: 'Pass', Next: 'Risky' },
          Risky: { Type: 'Choice', Choices: [{ Variable: '$.n', NumericEquals: 5, Next: 'Fails' }], Default: 'Fine' },
          Fails: { Type: 'Fail', Error: 'ItemFailed', Cause: 'item 5' },
          Fine: { Type: 'Pass', End: true },
        },
      },
      Catch: [{ ErrorEquals: ['ItemFailed'], ResultPath: '$.caught', Next: 'Boom' }],
      Next: 'Boom',
    },
    Boom: { Type: 'Fail', Error: 'MyCustomError', Cause: 'the end' },
  },
};
const TEXT = JSON.stringify(MACHINE, null, 2);
const INPUT = { items: [{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }, { n: 5 }] };

/** Runs to the end, continuing at each stop; returns what each stop showed (reason, state, input's n). */
async function stopsUntilEnd(dc: DebugClient, first: Promise<DebugProtocol.StoppedEvent>, max = 20): Promise<string[]> {
  const seen: string[] = [];
  const ended = dc.waitForEvent('terminated', 30_000);
  let stop: DebugProtocol.StoppedEvent | undefined = await Promise.race([first, ended.then(() => undefined)]);
  while (stop && seen.length < max) {
    const frame = await topFrame(dc, stop.body.threadId!);
    const scopes = await scopeValues(dc, frame.id);
    seen.push(`${stop.body.reason} ${frame.name}${scopes.Input?.n ? ` n=${scopes.Input.n}` : ''}`);
    const next = dc.waitForEvent('stopped', 30_000) as Promise<DebugProtocol.StoppedEvent>;
    next.catch(() => undefined);
    await dc.continueRequest({ threadId: stop.body.threadId! });
    stop = await Promise.race([next, ended.then(() => undefined)]);
  }
  return seen;
}

// Issue 16 point 3: conditional breakpoints (JSONata or JSONPath over the state input), hit counts, logpoints,
// function breakpoints by state name, and exception breakpoints (all, uncaught, by error name).
describe('debug adapter: breakpoint kinds (DAP)', function () {
  this.timeout(60_000);
  let dc: DebugClient;
  const session = perTest({ 'm.asl.json': MACHINE });

  const withBreakpoints = async (breakpoints: DebugProtocol.SourceBreakpoint[], extra?: (dc: DebugClient) => Promise<unknown>, listen?: (dc: DebugClient) => void) => {
    dc = await session.startClient();
    listen?.(dc);
    const program = session.path('m.asl.json');
    return launch(dc, { program, input: INPUT }, [], async (client) => {
      await client.setBreakpointsRequest({ source: { path: program }, breakpoints });
      await extra?.(client);
    });
  };

  it('a JSONata condition over the state input stops only where it holds', async () => {
    const { stopped } = await withBreakpoints([{ line: lineOf(TEXT, '"Check": {'), condition: '$states.input.n > 3' }]);
    assert.deepEqual(await stopsUntilEnd(dc, stopped), ['breakpoint Check n=4', 'breakpoint Check n=5']);
  });

  it('a JSONPath condition stops where the path selects a truthy value', async () => {
    const { stopped } = await withBreakpoints([{ line: lineOf(TEXT, '"Check": {'), condition: '$.items' }, { line: lineOf(TEXT, '"Fine": {'), condition: "$[?(@ == 2)]" }]);
    // `$.items` is in no iteration's input; the filter over {n} matches n == 2 only.
    assert.deepEqual(await stopsUntilEnd(dc, stopped), ['breakpoint Fine n=2']);
  });

  it('a hit count stops from the Nth time on (or every Nth time with %)', async () => {
    const { stopped } = await withBreakpoints([{ line: lineOf(TEXT, '"Check": {'), hitCondition: '4' }]);
    assert.deepEqual(await stopsUntilEnd(dc, stopped), ['breakpoint Check n=4', 'breakpoint Check n=5']);
  });

  it('a logpoint prints its message with {expressions} and does not stop', async () => {
    const logged: string[] = [];
    const { stopped } = await withBreakpoints([{ line: lineOf(TEXT, '"Check": {'), logMessage: 'item {$.n} of {$states.context.Map.Item.Index}: {{ok}}' }], undefined, (client) =>
      client.on('output', (e: DebugProtocol.OutputEvent) => logged.push(e.body.output)));
    assert.deepEqual(await stopsUntilEnd(dc, stopped), []);
    assert.deepEqual(logged.filter((l) => l.startsWith('item')), ['item 1 of 0: {ok}\n', 'item 2 of 1: {ok}\n', 'item 3 of 2: {ok}\n', 'item 4 of 3: {ok}\n', 'item 5 of 4: {ok}\n']);
  });

  it('a function breakpoint stops at the state of that name; an unknown name is unverified', async () => {
    let response: DebugProtocol.SetFunctionBreakpointsResponse | undefined;
    const { stopped } = await withBreakpoints([], async (client) => {
      response = await client.setFunctionBreakpointsRequest({ breakpoints: [{ name: 'Fine', condition: '$.n = 4' }, { name: 'Nowhere' }] });
    });
    assert.equal(response!.body.breakpoints[0].verified, true);
    assert.equal(response!.body.breakpoints[0].line, lineOf(TEXT, '"Fine": {'));
    assert.equal(response!.body.breakpoints[1].verified, false);
    assert.match(response!.body.breakpoints[1].message ?? '', /No state named 'Nowhere'/);
    assert.deepEqual(await stopsUntilEnd(dc, stopped), ['function breakpoint Fine n=4']);
  });

  const exceptions = (filters: string[], filterOptions: DebugProtocol.ExceptionFilterOptions[] = []) => async (client: DebugClient) => client.setExceptionBreakpointsRequest({ filters, filterOptions });

  it('All errors stops where any state fails, caught or not; the error shows in exceptionInfo', async () => {
    const { stopped } = await withBreakpoints([], exceptions(['all']));
    const first = await stopped;
    assert.equal(first.body.reason, 'exception');
    const info = await dc.exceptionInfoRequest({ threadId: first.body.threadId! });
    assert.equal(info.body.exceptionId, 'ItemFailed');
    assert.equal(info.body.description, 'item 5');
    const rest = await stopsUntilEnd(dc, Promise.resolve(first));
    // Fails (in iteration 4, caught by the Map's Catch), then Boom.
    assert.deepEqual(rest, ['exception Fails n=5', 'exception Boom']);
  });

  it('Uncaught errors stops only where nothing catches the error (here, in an enclosing Map, anywhere)', async () => {
    const { stopped } = await withBreakpoints([], exceptions(['uncaught']));
    assert.deepEqual(await stopsUntilEnd(dc, stopped), ['exception Boom']);
  });

  it('Errors named… stops on the errors listed', async () => {
    const { stopped } = await withBreakpoints([], exceptions([], [{ filterId: 'errors', condition: 'ItemFailed, States.TaskFailed' }]));
    assert.deepEqual(await stopsUntilEnd(dc, stopped), ['exception Fails n=5']);
  });
});
