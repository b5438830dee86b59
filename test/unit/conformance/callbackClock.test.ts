import assert from 'node:assert/strict';
import { runExecution } from '../../../server/src/interpreter/runExecution';
import { TaskTokens, type WaitingTask } from '../../../server/src/interpreter/taskTokens';
import type { HistoryEvent, RealClock, TaskInvoker } from '../../../server/src/interpreter/types';
import { unmockedInvoker } from '../../../server/src/interpreter/mocks';
import { VirtualClock } from '../../../server/src/interpreter/virtualClock';
import { START, testServices } from '../interpreter/runMachine';

/**
 * Conformance, category "callbacks": time spent waiting for a task token on a virtual clock. On AWS the wait takes
 * the time the answer takes: the events after it are that much later, and TimeoutSeconds / HeartbeatSeconds fire
 * when they elapse (developer guide, "Wait for a Callback with Task Token": "If the task times out, the state
 * fails with States.Timeout"; HeartbeatSeconds: States.HeartbeatTimeout; asl-reference §5.1). With a virtual
 * clock and someone answering in real time, the wait is real and the virtual clock moves on by it.
 */

/** Real time the test moves by hand: `advance` fires the sleeps that are due, then lets the run go on. */
class ManualRealClock implements RealClock {
  private t = 0;
  private timers: { at: number; done: () => void }[] = [];
  now(): number {
    return this.t;
  }
  sleep(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((done) => {
      const timer = { at: this.t + ms, done };
      this.timers.push(timer);
      signal.addEventListener('abort', () => {
        this.timers = this.timers.filter((x) => x !== timer);
        done();
      }, { once: true });
    });
  }
  async advance(ms: number): Promise<void> {
    this.t += ms;
    for (const timer of this.timers.filter((x) => x.at <= this.t)) timer.done();
    this.timers = this.timers.filter((x) => x.at > this.t);
    await settle();
  }
}
const settle = () => new Promise((resolve) => setImmediate(resolve));

const callbackMachine = (fields: Record<string, unknown> = {}) => ({
  StartAt: 'Pay',
  States: {
    Pay: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken', Parameters: { 'token.$': '$$.Task.Token' }, ResultPath: '$.payment', Next: 'After', ...fields },
    After: { Type: 'Pass', Parameters: { 'entered.$': '$$.State.EnteredTime' }, ResultPath: '$.after', End: true },
  },
});
const userAnswers: TaskInvoker = async (request) => (request.callback ? undefined : unmockedInvoker(request));
const at = (events: HistoryEvent[], type: string) => Date.parse(events.find((e) => e.type === type)!.timestamp) - START;

/** Runs the callback machine; `person` acts for the user once the task waits (through the run's tokens). */
async function withPerson(fields: Record<string, unknown>, person: (task: WaitingTask, tokens: TaskTokens, real: ManualRealClock) => Promise<void>) {
  const real = new ManualRealClock();
  let acting: Promise<void> | undefined;
  const tokens: TaskTokens = new TaskTokens((task) => {
    if (task.waiting) acting = person(task, tokens, real);
  });
  const result = await runExecution({ definition: callbackMachine(fields), input: {}, invokeTask: userAnswers, clock: new VirtualClock(START), services: testServices, tokens, realClock: real });
  await acting;
  return result;
}

describe('conformance: callbacks on a virtual clock wait as long as the answer takes', () => {
  it('a person who answers after 40 s: TaskSucceeded, the next state and its $$.State.EnteredTime are 40 s later', async () => {
    const r = await withPerson({}, async (task, tokens, real) => {
      await real.advance(40_000);
      tokens.answer(task.token, { kind: 'success', output: { paid: true } });
    });
    assert.equal(r.status, 'SUCCEEDED', r.cause);
    assert.equal(at(r.events, 'TaskSubmitted'), 0);
    assert.equal(at(r.events, 'TaskSucceeded'), 40_000);
    assert.equal(at(r.events, 'PassStateEntered'), 40_000);
    assert.equal((r.output as { after: { entered: string } }).after.entered, '2026-01-01T00:00:40Z');
    assert.equal(r.durationMs, 40_000);
  });

  it('TimeoutSeconds elapses while the person thinks: States.Timeout with TaskTimedOut exactly TimeoutSeconds after the start', async () => {
    const r = await withPerson({ TimeoutSeconds: 30 }, async (_task, _tokens, real) => {
      await real.advance(29_999);
      await real.advance(1);
    });
    assert.equal(r.error, 'States.Timeout');
    assert.equal(at(r.events, 'TaskTimedOut'), 30_000);
    assert.equal(r.durationMs, 30_000);
  });

  it('an answer one millisecond before TimeoutSeconds is taken', async () => {
    const r = await withPerson({ TimeoutSeconds: 30 }, async (task, tokens, real) => {
      await real.advance(29_999);
      tokens.answer(task.token, { kind: 'success', output: 1 });
    });
    assert.equal(r.status, 'SUCCEEDED', r.cause);
    assert.equal(at(r.events, 'TaskSucceeded'), 29_999);
  });

  it('heartbeats restart HeartbeatSeconds; a silence longer than it is States.HeartbeatTimeout at the last heartbeat + HeartbeatSeconds', async () => {
    const r = await withPerson({ HeartbeatSeconds: 10, TimeoutSeconds: 100 }, async (task, tokens, real) => {
      await real.advance(8_000);
      tokens.answer(task.token, { kind: 'heartbeat' });
      await settle();
      await real.advance(8_000);
      tokens.answer(task.token, { kind: 'heartbeat' });
      await settle();
      await real.advance(10_000);
    });
    assert.equal(r.error, 'States.HeartbeatTimeout');
    assert.equal(at(r.events, 'TaskTimedOut'), 26_000);
  });

  it("the execution's TimeoutSeconds ends a wait that has no TimeoutSeconds of its own: ExecutionTimedOut, no task event", async () => {
    const real = new ManualRealClock();
    const tokens = new TaskTokens((task) => {
      if (task.waiting) void real.advance(60_001);
    });
    const r = await runExecution({ definition: { ...callbackMachine(), TimeoutSeconds: 60 }, input: {}, invokeTask: userAnswers, clock: new VirtualClock(START), services: testServices, tokens, realClock: real });
    assert.equal(r.status, 'TIMED_OUT');
    assert.equal(r.events.at(-1)!.type, 'ExecutionTimedOut');
    assert.ok(!r.events.some((e) => e.type === 'TaskTimedOut' || e.type === 'TaskFailed'));
    assert.ok(at(r.events, 'ExecutionTimedOut') > 60_000);
  });

  it('with no real time given, an unanswered token with no TimeoutSeconds times the execution out after its year, at once', async () => {
    const r = await runExecution({ definition: callbackMachine(), input: {}, invokeTask: userAnswers, clock: new VirtualClock(START), services: testServices });
    assert.equal(r.status, 'TIMED_OUT');
    assert.ok(r.durationMs > 365 * 24 * 3600 * 1000);
  });
});
