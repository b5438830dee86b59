import assert from 'node:assert/strict';
import { handlerInvoker } from '../../../server/src/interpreter/handlers';
import { mockInvoker, unmockedInvoker } from '../../../server/src/interpreter/mocks';
import { runExecution } from '../../../server/src/interpreter/runExecution';
import { TaskTokens, type WaitingTask } from '../../../server/src/interpreter/taskTokens';
import type { RealClock, RunOptions, TaskInvoker } from '../../../server/src/interpreter/types';
import { VirtualClock } from '../../../server/src/interpreter/virtualClock';
import { START, testServices } from '../interpreter/runMachine';

/**
 * Conformance, categories "callbacks" and "Activities": developer guide, "Wait for a Callback with Task Token"
 * (SendTaskSuccess / SendTaskFailure / SendTaskHeartbeat; HeartbeatSeconds and TimeoutSeconds), "Activities", and
 * the history events AWS writes (TaskSubmitted for a callback; ActivityScheduled/Started/Succeeded/Failed/TimedOut).
 */
const ACTIVITY = 'arn:aws:states:us-east-1:123456789012:activity:Approve';
const callbackMachine = (fields: Record<string, unknown> = {}) => ({
  StartAt: 'Pay',
  States: {
    Pay: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken', Parameters: { QueueUrl: 'q', MessageBody: { 'token.$': '$$.Task.Token' } }, ResultPath: '$.payment', End: true, ...fields },
  },
});
/** Real time 100 times faster, so that "seconds" in a definition are tens of milliseconds here. */
const fastReal: RealClock = {
  now: () => performance.now() * 100,
  sleep: (ms, signal) => new Promise<void>((done) => {
    const timer = setTimeout(done, ms / 100);
    signal.addEventListener('abort', () => { clearTimeout(timer); done(); }, { once: true });
  }),
};
const exec = (definition: unknown, invokeTask: TaskInvoker, extra: Partial<RunOptions> = {}) =>
  runExecution({ definition, input: { order: 1 }, invokeTask, clock: new VirtualClock(START), services: testServices, ...extra });
const types = (events: { type: string }[]) => events.map((e) => e.type);

describe('conformance: callbacks (.waitForTaskToken)', () => {
  it('a mock answers the token: its Return is the task result; TaskSubmitted carries the service response', async () => {
    const invoke = mockInvoker({ MockedResponses: { Paid: { 0: { Return: { paid: true } } } } }, { Pay: 'Paid' });
    const r = await exec(callbackMachine(), invoke);
    assert.equal(r.status, 'SUCCEEDED');
    assert.deepEqual(r.output, { order: 1, payment: { paid: true } });
    assert.deepEqual(types(r.events), ['ExecutionStarted', 'TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'TaskSubmitted', 'TaskSucceeded', 'TaskStateExited', 'ExecutionSucceeded']);
  });

  it("a mock's Throw is SendTaskFailure: its error and cause, catchable", async () => {
    const invoke = mockInvoker({ MockedResponses: { Declined: { 0: { Throw: { Error: 'Payment.Declined', Cause: 'no funds' } } } } }, { Pay: 'Declined' });
    const r = await exec(callbackMachine(), invoke);
    assert.deepEqual({ error: r.error, cause: r.cause }, { error: 'Payment.Declined', cause: 'no funds' });
    assert.ok(types(r.events).includes('TaskFailed'));
  });

  it('a handler receives the token and answers later through sendTaskSuccess on its context', async () => {
    let seen: unknown;
    const invoke = handlerInvoker({
      Pay: (input, context) => {
        const ctx = context as { Task: { Token: string }; sendTaskSuccess(o: unknown): void };
        seen = { input, token: ctx.Task.Token };
        setTimeout(() => ctx.sendTaskSuccess({ paid: 'later' }), 20);
        return { MessageId: 'm-1' };
      },
    }, unmockedInvoker);
    const r = await exec(callbackMachine(), invoke, { realClock: fastReal });
    assert.equal(r.status, 'SUCCEEDED');
    assert.deepEqual(r.output, { order: 1, payment: { paid: 'later' } });
    assert.match(JSON.stringify(seen), /"token":"local-task-token-\d+"/);
    const submitted = r.events.find((e) => e.type === 'TaskSubmitted') as unknown as { taskSubmittedEventDetails: { output: string } };
    assert.deepEqual(JSON.parse(submitted.taskSubmittedEventDetails.output), { MessageId: 'm-1' });
  });

  it('sendTaskFailure fails the task with that error; a Catch handles it', async () => {
    const invoke = handlerInvoker({ Pay: (_i, c) => (c as { sendTaskFailure(e: string, m: string): void }).sendTaskFailure('Card.Expired', 'expired in 2020') }, unmockedInvoker);
    const r = await exec({ ...callbackMachine({ End: undefined, Next: 'Done', Catch: [{ ErrorEquals: ['Card.Expired'], Next: 'Sorry' }] }), States: { ...callbackMachine().States, Pay: { ...callbackMachine().States.Pay, End: undefined, Next: 'Done', Catch: [{ ErrorEquals: ['Card.Expired'], ResultPath: '$.error', Next: 'Sorry' }] }, Done: { Type: 'Succeed' }, Sorry: { Type: 'Pass', End: true } } }, invoke);
    assert.equal(r.status, 'SUCCEEDED');
    assert.deepEqual((r.output as { error: unknown }).error, { Error: 'Card.Expired', Cause: 'expired in 2020' });
  });

  it('TimeoutSeconds: no answer is States.Timeout with TaskTimedOut', async () => {
    const invoke = handlerInvoker({ Pay: () => ({}) }, unmockedInvoker);
    const r = await exec(callbackMachine({ TimeoutSeconds: 3 }), invoke, { realClock: fastReal });
    assert.equal(r.error, 'States.Timeout');
    assert.ok(types(r.events).includes('TaskTimedOut'));
  });

  it('HeartbeatSeconds: heartbeats keep the task alive; without them it is States.HeartbeatTimeout', async () => {
    const beating = handlerInvoker({
      Pay: (_i, c) => {
        const ctx = c as { sendTaskHeartbeat(): void; sendTaskSuccess(o: unknown): void };
        let n = 0;
        const timer = setInterval(() => {
          try {
            if (++n < 6) ctx.sendTaskHeartbeat();
            else {
              clearInterval(timer);
              ctx.sendTaskSuccess({ beats: n });
            }
          } catch {
            clearInterval(timer); // the task is over (timed out): AWS would answer TaskTimedOut
          }
        }, 10);
        return {};
      },
    }, unmockedInvoker);
    // HeartbeatSeconds 20 = 200 ms here; a heartbeat every 10 ms keeps it alive past 60 ms.
    const alive = await exec(callbackMachine({ HeartbeatSeconds: 20, TimeoutSeconds: 1000 }), beating, { realClock: fastReal });
    assert.equal(alive.status, 'SUCCEEDED', alive.cause);
    const silent = await exec(callbackMachine({ HeartbeatSeconds: 2, TimeoutSeconds: 100 }), handlerInvoker({ Pay: () => ({}) }, unmockedInvoker), { realClock: fastReal });
    assert.equal(silent.error, 'States.HeartbeatTimeout');
  });

  it('with a virtual clock and no real waits, an unanswered token times out at once on the virtual clock', async () => {
    const r = await exec(callbackMachine({ TimeoutSeconds: 3600 }), handlerInvoker({ Pay: () => ({}) }, unmockedInvoker));
    assert.equal(r.error, 'States.Timeout');
    assert.equal(r.durationMs, 3_600_000);
  });

  // asl-reference §5.1: TimeoutSecondsPath / HeartbeatSecondsPath read the timeouts from the state input (JSONPath),
  // TimeoutSeconds / HeartbeatSeconds may be JSONata expressions; they time out the callback as literals do.
  it('TimeoutSecondsPath and a JSONata TimeoutSeconds time the token out; TaskScheduled and the waiting task carry the values', async () => {
    const seen: WaitingTask[] = [];
    const tokens = new TaskTokens((task) => seen.push(task));
    const never = handlerInvoker({ Pay: () => ({}) }, unmockedInvoker);
    const byPath = await runExecution({ definition: callbackMachine({ TimeoutSecondsPath: '$.limits.total', HeartbeatSecondsPath: '$.limits.beat' }), input: { limits: { total: 120, beat: 30 } }, invokeTask: never, clock: new VirtualClock(START), services: testServices, tokens });
    assert.equal(byPath.error, 'States.HeartbeatTimeout');
    assert.equal(byPath.durationMs, 30_000);
    const scheduled = byPath.events.find((e) => e.type === 'TaskScheduled')?.taskScheduledEventDetails as Record<string, unknown>;
    assert.deepEqual([scheduled.timeoutInSeconds, scheduled.heartbeatInSeconds], [120, 30]);
    assert.deepEqual([seen[0].timeoutSeconds, seen[0].heartbeatSeconds], [120, 30]);
    const jsonata = { ...callbackMachine({ TimeoutSeconds: '{% $states.input.order * 45 %}' }), QueryLanguage: 'JSONata' };
    delete (jsonata.States.Pay as Record<string, unknown>).Parameters;
    delete (jsonata.States.Pay as Record<string, unknown>).ResultPath;
    const byExpression = await exec(jsonata, never);
    assert.deepEqual([byExpression.error, byExpression.durationMs], ['States.Timeout', 45_000]);
  });

  it('the user answers from outside (the host) through the run\'s tokens; an answer to a token not waiting is refused', async () => {
    const seen: WaitingTask[] = [];
    const tokens: TaskTokens = new TaskTokens((task) => {
      seen.push(task);
      if (task.waiting) setTimeout(() => assert.equal(tokens.answer(task.token, { kind: 'success', output: { by: 'user' } }), true), 5);
    });
    const r = await exec(callbackMachine(), async (request) => (request.callback ? undefined : unmockedInvoker(request)), { tokens, realClock: fastReal });
    assert.deepEqual(r.output, { order: 1, payment: { by: 'user' } });
    assert.deepEqual(seen.map((t) => [t.stateName, t.waiting]), [['Pay', true], ['Pay', false]]);
    assert.equal(tokens.answer(seen[0].token, { kind: 'success', output: 1 }), false);
    assert.equal(tokens.answer('no-such-token', { kind: 'heartbeat' }), false);
  });
});

describe('conformance: Activities', () => {
  const machine = { StartAt: 'Approve', States: { Approve: { Type: 'Task', Resource: ACTIVITY, TimeoutSeconds: 60, HeartbeatSeconds: 10, End: true } } };
  it('a handler keyed by the activity ARN is the worker; Activity events as AWS writes them', async () => {
    const r = await exec(machine, handlerInvoker({ [ACTIVITY]: (input) => ({ approved: input }) }, unmockedInvoker));
    assert.equal(r.status, 'SUCCEEDED');
    assert.deepEqual(r.output, { approved: { order: 1 } });
    assert.deepEqual(types(r.events), ['ExecutionStarted', 'TaskStateEntered', 'ActivityScheduled', 'ActivityStarted', 'ActivitySucceeded', 'TaskStateExited', 'ExecutionSucceeded']);
    const scheduled = r.events[2] as unknown as { activityScheduledEventDetails: Record<string, unknown> };
    assert.deepEqual(scheduled.activityScheduledEventDetails, { resource: ACTIVITY, input: '{"order":1}', timeoutInSeconds: 60, heartbeatInSeconds: 10 });
  });
  it('a worker that fails gives ActivityFailed; one that never answers ActivityTimedOut', async () => {
    const failed = await exec(machine, handlerInvoker({ [ACTIVITY]: (_i, c) => (c as { sendTaskFailure(e: string, m: string): void }).sendTaskFailure('Rejected', 'by a person') }, unmockedInvoker));
    assert.deepEqual([failed.error, failed.cause], ['Rejected', 'by a person']);
    assert.ok(types(failed.events).includes('ActivityFailed'));
    const silent = await exec(machine, handlerInvoker({ [ACTIVITY]: () => undefined }, unmockedInvoker));
    assert.equal(silent.error, 'States.HeartbeatTimeout');
    assert.equal(silent.durationMs, 10_000, 'the heartbeat (10 s) fires before the timeout (60 s)');
    assert.ok(types(silent.events).includes('ActivityTimedOut'));
  });
  it('a mock answers an activity like a callback', async () => {
    const r = await exec(machine, mockInvoker({ MockedResponses: { Yes: { 0: { Return: { ok: 1 } } } } }, { Approve: 'Yes' }));
    assert.deepEqual(r.output, { ok: 1 });
  });
});
