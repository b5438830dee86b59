import assert from 'node:assert/strict';
import { runInfo } from '../../../client/src/execution/runInfo';
import { runSteps } from '../../../client/src/graph/runSteps';
import { HistoryTree, isGroup } from '../../../client/webview/src/execution/historyTree';
import { statesTaken } from '../../../server/src/cli/formatHistory';
import { handlerInvoker } from '../../../server/src/interpreter/handlers';
import { unmockedInvoker } from '../../../server/src/interpreter/mocks';
import { runExecution } from '../../../server/src/interpreter/runExecution';
import { StatesError } from '../../../server/src/interpreter/statesError';
import type { Clock, HistoryEvent } from '../../../server/src/interpreter/types';
import { run, START, testServices } from '../interpreter/runMachine';

/**
 * Conformance, category "history events": a Task whose Resource is a Lambda function ARN (the legacy direct form,
 * asl-reference §9) writes LambdaFunction* events, not Task* ones (API reference, "HistoryEvent" and
 * "LambdaFunctionScheduledEventDetails": {resource, input, inputDetails, timeoutInSeconds, taskCredentials};
 * LambdaFunctionStarted has no details; LambdaFunctionSucceeded {output}; LambdaFunctionFailed and
 * LambdaFunctionTimedOut {error, cause}). `arn:aws:states:::lambda:invoke` stays a service integration (Task*).
 * The history's readers (asl run's summary, the execution view, the graph's run overlay) count retries and failures
 * of every kind of task the same way.
 */
const FUNCTION = 'arn:aws:lambda:us-east-1:123456789012:function:SellDonut';
const types = (events: HistoryEvent[]) => events.map((e) => e.type);
const details = (events: HistoryEvent[], type: string) => events.find((e) => e.type === type)?.[`${type[0].toLowerCase()}${type.slice(1)}EventDetails`];

describe('conformance: a Lambda function ARN writes LambdaFunction* events', () => {
  it('scheduled, started, succeeded, with the AWS detail fields', async () => {
    const r = await run({ StartAt: 'Sell', States: { Sell: { Type: 'Task', Resource: FUNCTION, TimeoutSeconds: 30, End: true } } }, { donut: 'glazed' }, async () => ({ sold: true }));
    assert.deepEqual(types(r.events), ['ExecutionStarted', 'TaskStateEntered', 'LambdaFunctionScheduled', 'LambdaFunctionStarted', 'LambdaFunctionSucceeded', 'TaskStateExited', 'ExecutionSucceeded']);
    assert.deepEqual(details(r.events, 'LambdaFunctionScheduled'), { resource: FUNCTION, input: '{"donut":"glazed"}', timeoutInSeconds: 30 });
    assert.equal(details(r.events, 'LambdaFunctionStarted'), undefined);
    assert.deepEqual(details(r.events, 'LambdaFunctionSucceeded'), { output: '{"sold":true}' });
    const invoke = await run({ StartAt: 'Sell', States: { Sell: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: FUNCTION }, End: true } } });
    assert.deepEqual(types(invoke.events).slice(2, 5), ['TaskScheduled', 'TaskStarted', 'TaskSucceeded']);
  });

  it('a failure is LambdaFunctionFailed {error, cause}; a retry and a catch are counted by every history reader', async () => {
    let calls = 0;
    const failing = handlerInvoker({ [FUNCTION]: () => {
      calls++;
      throw Object.assign(new Error('out of dough'), { name: 'Kitchen.Empty' });
    } }, unmockedInvoker);
    const machine = {
      StartAt: 'Sell',
      States: {
        Sell: { Type: 'Task', Resource: FUNCTION, Retry: [{ ErrorEquals: ['Kitchen.Empty'], MaxAttempts: 1 }], Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Sorry' }], End: true },
        Sorry: { Type: 'Pass', End: true },
      },
    };
    const r = await run(machine, {}, failing);
    assert.equal(calls, 2);
    assert.deepEqual(details(r.events, 'LambdaFunctionFailed'), { error: 'Kitchen.Empty', cause: 'out of dough' });
    assert.equal(r.events.filter((e) => e.type === 'LambdaFunctionScheduled').length, 2);
    assert.ok(!types(r.events).some((t) => t.startsWith('TaskScheduled') || t === 'TaskFailed'));

    const sell = statesTaken(r.events, r.status).find((s) => s.name === 'Sell');
    assert.deepEqual([sell?.retries, sell?.failed], [1, false]);
    const info = runInfo(r.events).Sell;
    assert.deepEqual([info.status, info.retries], ['caught', 1]);
    assert.equal(runSteps(r.events).find((s) => s.state === 'Sell' && s.exit)?.caught, true);
    const tree = new HistoryTree();
    for (const e of r.events) tree.add(e);
    const group = tree.root.find((i) => isGroup(i) && i.name === 'Sell');
    assert.ok(group && isGroup(group));
    assert.deepEqual([group.status, group.retries], ['caught', 1]);
  });

  it('TimeoutSeconds elapsing (real clock) is LambdaFunctionTimedOut with States.Timeout', async () => {
    let now = START;
    const instant: Clock = { real: true, now: () => now, sleep: async (ms) => void (now += ms) };
    const r = await runExecution({
      definition: { StartAt: 'Sell', States: { Sell: { Type: 'Task', Resource: FUNCTION, TimeoutSeconds: 5, End: true } } },
      input: {}, invokeTask: () => new Promise(() => undefined), clock: instant, services: testServices,
    });
    assert.equal(r.error, 'States.Timeout');
    assert.deepEqual(Object.keys(details(r.events, 'LambdaFunctionTimedOut') as object), ['error', 'cause']);
    assert.equal(statesTaken(r.events, r.status).find((s) => s.name === 'Sell')?.failed, true);
  });

  it('an Activity that fails and is retried is counted as a retry too (ActivityScheduled starts an attempt)', async () => {
    const ACTIVITY = 'arn:aws:states:us-east-1:123456789012:activity:Approve';
    let first = true;
    const worker = handlerInvoker({ [ACTIVITY]: () => {
      if (first) {
        first = false;
        throw new StatesError('Rejected', 'try again');
      }
      return { ok: 1 };
    } }, unmockedInvoker);
    const r = await run({ StartAt: 'Approve', States: { Approve: { Type: 'Task', Resource: ACTIVITY, Retry: [{ ErrorEquals: ['Rejected'] }], End: true } } }, {}, worker);
    assert.equal(r.status, 'SUCCEEDED', r.cause);
    assert.deepEqual([runInfo(r.events).Approve.status, runInfo(r.events).Approve.retries], ['succeeded', 1]);
    assert.equal(statesTaken(r.events, r.status)[0].retries, 1);
  });
});
