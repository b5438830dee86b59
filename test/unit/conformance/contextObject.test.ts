import assert from 'node:assert/strict';
import { mockInvoker } from '../../../server/src/interpreter/mocks';
import { runExecution } from '../../../server/src/interpreter/runExecution';
import { VirtualClock } from '../../../server/src/interpreter/virtualClock';
import { run, single, testServices } from '../interpreter/runMachine';

/**
 * Conformance, category "context object fields" (issue 14 point 4): asl-reference §6 and the developer guide's
 * "Accessing execution data from the Context object": Execution {Id, Input, Name, RoleArn, StartTime, RedriveCount},
 * State {EnteredTime, Name, RetryCount}, StateMachine {Id, Name}, Task.Token for callbacks, Map.Item {Index, Value}
 * in a Map's ItemSelector; `$$` in JSONPath, `$states.context` in JSONata. State.RetryCount exists only where a
 * retry can happen (Task, Parallel, Map: the states with Retry).
 */
const keys = (value: unknown) => Object.keys(value as object).sort();
const runAt = (definition: unknown, start: number) => runExecution({ definition, input: {}, invokeTask: async () => ({}), clock: new VirtualClock(start), services: testServices });

describe('conformance: the context object per state type and query language', () => {
  it('Execution and StateMachine fields, the same in JSONPath ($$) and JSONata ($states.context)', async () => {
    const path = await run(single({ Type: 'Pass', Parameters: { 'c.$': '$$' } }), { a: 1 });
    const jsonata = await run(single({ Type: 'Pass', Output: '{% $states.context %}' }, { QueryLanguage: 'JSONata' }), { a: 1 });
    const fromPath = (path.output as { c: Record<string, unknown> }).c;
    assert.deepEqual(fromPath, jsonata.output);
    assert.deepEqual(keys(fromPath), ['Execution', 'State', 'StateMachine']);
    assert.deepEqual(keys(fromPath.Execution), ['Id', 'Input', 'Name', 'RedriveCount', 'RoleArn', 'StartTime']);
    assert.deepEqual((fromPath.Execution as { Input: unknown }).Input, { a: 1 });
    assert.deepEqual(keys(fromPath.StateMachine), ['Id', 'Name']);
  });

  it('State.RetryCount only in Task, Parallel and Map; it counts the retries of a Task', async () => {
    const stateOf = async (state: Record<string, unknown>) => keys(((await run(single(state), { items: [1] })).output as { s: unknown }).s);
    assert.deepEqual(await stateOf({ Type: 'Pass', Parameters: { 's.$': '$$.State' } }), ['EnteredTime', 'Name']);
    assert.deepEqual(await stateOf({ Type: 'Parallel', Branches: [{ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }], ResultSelector: { 's.$': '$$.State' } }), ['EnteredTime', 'Name', 'RetryCount']);
    assert.deepEqual(await stateOf({ Type: 'Map', ItemsPath: '$.items', ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, ResultSelector: { 's.$': '$$.State' } }), ['EnteredTime', 'Name', 'RetryCount']);
    const invoke = mockInvoker({ MockedResponses: { R: { 0: { Throw: { Error: 'Flaky' } }, 1: { Return: {} } } } }, { S: 'R' });
    const retried = await run(single({ Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Retry: [{ ErrorEquals: ['Flaky'], IntervalSeconds: 1 }], ResultSelector: { 'n.$': '$$.State.RetryCount' } }), {}, invoke);
    assert.deepEqual(retried.output, { n: 1 });
  });

  it('Task.Token only in a callback Task; Map.Item {Index, Value} in ItemSelector', async () => {
    const task = (Resource: string) => single({ Type: 'Task', Resource, Parameters: { 'c.$': '$$' }, ResultPath: null, OutputPath: '$' });
    let seen: Record<string, unknown> = {};
    const capture = mockInvoker({ MockedResponses: { R: { 0: { Return: {} } } } }, { S: 'R' });
    const inputOf = async (Resource: string) => {
      await run(task(Resource), {}, async (request) => ((seen = request.input as Record<string, unknown>), capture(request)));
      return keys(seen.c);
    };
    assert.deepEqual(await inputOf('arn:aws:states:::lambda:invoke'), ['Execution', 'State', 'StateMachine']);
    assert.deepEqual(await inputOf('arn:aws:states:::sqs:sendMessage.waitForTaskToken'), ['Execution', 'State', 'StateMachine', 'Task']);
    const map = single({ Type: 'Map', ItemsPath: '$.items', ItemSelector: { 'item.$': '$$.Map.Item' }, ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } } });
    assert.deepEqual((await run(map, { items: ['a', 'b'] })).output, [{ item: { Index: 0, Value: 'a' } }, { item: { Index: 1, Value: 'b' } }]);
  });

  // The developer guide's example "StartTime": "2019-03-26T20:14:13.192Z"; on a whole second AWS writes no fraction
  // ("2025-02-03T04:05:06Z", AWS support as quoted at https://zenn.dev/hr0k/articles/a663524f5ec88e; asl-reference §6).
  it('StartTime and EnteredTime: milliseconds when there are any, no ".000" on a whole second; history timestamps keep theirs', async () => {
    const machine = { StartAt: 'A', States: { A: { Type: 'Pass', Parameters: { 'start.$': '$$.Execution.StartTime', 'entered.$': '$$.State.EnteredTime' }, Next: 'W' }, W: { Type: 'Wait', Seconds: 1, Next: 'B' }, B: { Type: 'Pass', Parameters: { 'prev.$': '$', 'entered.$': '$$.State.EnteredTime' }, End: true } } };
    const whole = await runAt(machine, Date.parse('2026-01-01T00:00:00Z'));
    assert.deepEqual(whole.output, { prev: { start: '2026-01-01T00:00:00Z', entered: '2026-01-01T00:00:00Z' }, entered: '2026-01-01T00:00:01Z' });
    assert.equal(whole.events[0].timestamp, '2026-01-01T00:00:00.000Z');
    const fraction = await runAt(machine, Date.parse('2019-03-26T20:14:13.192Z'));
    assert.deepEqual(fraction.output, { prev: { start: '2019-03-26T20:14:13.192Z', entered: '2019-03-26T20:14:13.192Z' }, entered: '2019-03-26T20:14:14.192Z' });
    const tenth = await runAt(single({ Type: 'Pass', Output: '{% $states.context.State.EnteredTime %}' }, { QueryLanguage: 'JSONata' }), Date.parse('2026-01-01T00:00:00.100Z'));
    assert.equal(tenth.output, '2026-01-01T00:00:00.100Z');
  });

  // JSONATA: $now() and $millis() give the time of the evaluation. On a virtual clock that is the virtual time: after
  // a one-hour Wait they are an hour on, as $states.context.State.EnteredTime is (JSONata's own $now would give the
  // machine's time, seconds after the start). A variable named `now` still shadows the function.
  it('$now() and $millis() follow the run\'s clock, with a picture too; a variable named now shadows it', async () => {
    const machine = {
      QueryLanguage: 'JSONata', StartAt: 'W',
      States: {
        W: { Type: 'Wait', Seconds: 3600, Next: 'P' },
        P: { Type: 'Pass', Output: { now: '{% $now() %}', millis: '{% $millis() %}', picture: "{% $now('[Y0001]-[M01]-[D01] [H01]:[m01]') %}", entered: '{% $states.context.State.EnteredTime %}' }, Assign: { now: 'mine' }, Next: 'Q' },
        Q: { Type: 'Pass', Output: '{% $now %}', End: true },
      },
    };
    const start = Date.parse('2026-01-01T00:00:00.250Z');
    const r = await runExecution({ definition: machine, input: {}, invokeTask: async () => ({}), clock: new VirtualClock(start), services: testServices });
    assert.equal(r.status, 'SUCCEEDED', r.cause);
    const exited = r.events.find((e) => e.type === 'PassStateExited')!.stateExitedEventDetails as { output: string };
    assert.deepEqual(JSON.parse(exited.output), { now: '2026-01-01T01:00:00.250Z', millis: start + 3_600_000, picture: '2026-01-01 01:00', entered: '2026-01-01T01:00:00.250Z' });
    assert.equal(r.output, 'mine');
  });
});
