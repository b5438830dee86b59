import * as assert from 'node:assert/strict';
import type { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { launch, perTest, scopeValues, topFrame } from './dapSession';

// asl-reference §3: InputPath → Parameters → (task) → ResultSelector → Assign → ResultPath → OutputPath; §0.3 for
// JSONata: Arguments → (task) → Output and Assign (both read the variables as they were before the state).
const PATHS = {
  StartAt: 'Shape',
  States: {
    Shape: { Type: 'Pass', InputPath: '$.order', Parameters: { 'total.$': '$.price', 'items.$': '$.items' }, ResultPath: '$.shaped', OutputPath: '$.shaped', Next: 'Route' },
    Route: { Type: 'Choice', InputPath: '$', OutputPath: '$', Choices: [{ Variable: '$.total', NumericGreaterThan: 10, Assign: { 'big.$': '$.total' }, Next: 'Hold' }], Default: 'Hold' },
    Hold: { Type: 'Wait', Seconds: 5, Assign: { waited: true }, Next: 'Ship' },
    Ship: {
      Type: 'Map',
      ItemsPath: '$.items',
      ItemProcessor: { StartAt: 'Double', States: { Double: { Type: 'Pass', Parameters: { 'v.$': 'States.MathAdd($, $)' }, End: true } } },
      ResultSelector: { 'doubled.$': '$[*].v' },
      ResultPath: '$.ship',
      Next: 'Done',
    },
    Done: { Type: 'Succeed' },
  },
};

const JSONATA = {
  QueryLanguage: 'JSONata',
  StartAt: 'Fan',
  States: {
    Fan: {
      Type: 'Parallel',
      Arguments: '{% {"n": $states.input.n + 1} %}',
      Branches: [{ StartAt: 'Echo', States: { Echo: { Type: 'Pass', End: true } } }],
      Output: '{% $states.result[0] %}',
      Assign: { after: '{% $states.result[0].n %}' },
      Next: 'Last',
    },
    Last: { Type: 'Pass', Output: '{% $merge([$states.input, {"v": $after}]) %}', End: true },
  },
};

interface Stop {
  description: string;
  scopes: Record<string, Record<string, string>>;
}

/** Launches stopped on entry, then steps over (next) until the run ends; each stop's description and scopes. */
async function stepThrough(dc: DebugClient, args: Record<string, unknown>): Promise<Stop[]> {
  const { stopped } = await launch(dc, { stopOnEntry: true, ...args });
  let stop = await stopped;
  const stops: Stop[] = [];
  const ended = dc.waitForEvent('terminated', 30_000);
  let over = false;
  void ended.then(() => (over = true));
  for (let i = 0; i < 40; i++) {
    stops.push({ description: String(stop.body.description), scopes: await scopeValues(dc, (await topFrame(dc, stop.body.threadId!)).id) });
    const next = dc.waitForEvent('stopped', 30_000) as Promise<DebugProtocol.StoppedEvent>;
    next.catch(() => undefined);
    await dc.nextRequest({ threadId: stop.body.threadId! });
    const after = await Promise.race([next, ended.then(() => undefined)]);
    if (!after || over) break;
    stop = after;
  }
  await ended;
  return stops;
}

// Issue 16 point 4: stops between the processing steps of a state (the `asl.debug.stopBetweenSteps` setting).
describe('debug adapter: stops between processing steps (DAP)', function () {
  this.timeout(90_000);
  let dc: DebugClient;
  const session = perTest({ 'paths.asl.json': PATHS, 'jsonata.asl.json': JSONATA });

  it('JSONPath Pass, Choice, Wait and Map: a stop after each step the state has, the scopes showing what it made', async () => {
    dc = await session.startClient();
    const stops = await stepThrough(dc, { program: session.path('paths.asl.json'), input: { order: { price: 12, items: [1, 2] } } });
    assert.deepEqual(stops.map((s) => s.description), [
      "Stopped before 'Shape'",
      "Stopped in 'Shape' after InputPath",
      "Stopped in 'Shape' after Parameters",
      "Stopped in 'Shape' after ResultPath",
      "Stopped in 'Shape' after OutputPath",
      "Stopped before 'Route'",
      "Stopped in 'Route' after InputPath",
      "Stopped in 'Route' after Assign",
      "Stopped in 'Route' after OutputPath",
      "Stopped before 'Hold'",
      "Stopped in 'Hold' after Assign",
      "Stopped before 'Ship'",
      "Stopped in 'Ship' after its items",
      "Stopped in 'Ship' after its iterations",
      "Stopped in 'Ship' after ResultSelector",
      "Stopped in 'Ship' after ResultPath",
      "Stopped before 'Done'",
    ]);
    const at = (description: string) => stops.find((s) => s.description.endsWith(description))!.scopes;
    // Each scope appears once its step ran, with what the step made.
    assert.deepEqual(at("'Shape' after InputPath")['After InputPath'], { price: '12', items: '[1,2]' });
    assert.equal(at("'Shape' after InputPath")['Effective input'], undefined);
    assert.deepEqual(at("'Shape' after Parameters")['Effective input'], { total: '12', items: '[1,2]' });
    assert.equal(at("'Shape' after ResultPath")['After ResultPath'].shaped, '{"total":12,"items":[1,2]}');
    assert.equal(at("'Shape' after ResultPath")['After ResultPath'].order, '{"price":12,"items":[1,2]}');
    assert.deepEqual(at("'Shape' after OutputPath").Output, { total: '12', items: '[1,2]' });
    assert.deepEqual(at("'Route' after Assign").Assigned, { big: '12' });
    assert.equal(at("'Route' after Assign").Variables.big, '12');
    assert.equal(at("'Route' after InputPath").Variables.big, undefined, 'Assign has not run yet');
    assert.equal(at("'Hold' after Assign").Variables.waited, 'true');
    assert.deepEqual(at("'Ship' after its items").Items, { '[0]': '1', '[1]': '2' });
    assert.deepEqual(at("'Ship' after its iterations").Result, { '[0]': '{"v":2}', '[1]': '{"v":4}' });
    assert.deepEqual(at("'Ship' after ResultSelector")['After ResultSelector'], { doubled: '[2,4]' });
    assert.equal(at("before 'Done'").Input.ship, '{"doubled":[2,4]}');
  });

  it('JSONata Parallel and Pass: after Arguments, the result, Output and Assign', async () => {
    dc = await session.startClient();
    const stops = await stepThrough(dc, { program: session.path('jsonata.asl.json'), input: { n: 1 } });
    assert.deepEqual(stops.map((s) => s.description), [
      "Stopped before 'Fan'",
      "Stopped in 'Fan' after Arguments",
      "Stopped in 'Fan' after its result",
      "Stopped in 'Fan' after Output",
      "Stopped in 'Fan' after Assign",
      "Stopped before 'Last'",
      "Stopped in 'Last' after Output",
    ]);
    const at = (description: string) => stops.find((s) => s.description.endsWith(description))!.scopes;
    assert.deepEqual(at("'Fan' after Arguments").Arguments, { n: '2' });
    assert.deepEqual(at("'Fan' after its result").Result, { '[0]': '{"n":2}' });
    assert.deepEqual(at("'Fan' after Output").Output, { n: '2' });
    assert.equal(at("'Fan' after Output").Variables.after, undefined, 'Output is built before Assign is applied');
    assert.deepEqual(at("'Fan' after Assign").Assigned, { after: '2' });
    assert.deepEqual(at("'Last' after Output").Output, { n: '2', v: '2' });
  });

  it('with stopBetweenSteps false, stepping goes from state to state', async () => {
    dc = await session.startClient();
    const stops = await stepThrough(dc, { program: session.path('paths.asl.json'), input: { order: { price: 12, items: [1, 2] } }, stopBetweenSteps: false });
    assert.deepEqual(stops.map((s) => s.description), ["Stopped before 'Shape'", "Stopped before 'Route'", "Stopped before 'Hold'", "Stopped before 'Ship'", "Stopped before 'Done'"]);
  });
});
