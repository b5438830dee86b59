import { memoByText } from '../core/expressions/memoByText';
import { checkDataLimit } from './dataLimit';
import type { Execution } from './execution';
import type { StateRun } from './runState';
import { asOwnCause, FatalError, StatesError } from './statesError';
import { taskEventDetails, taskEventNames, taskKind, type TaskEventFacts, type TaskKind, type TaskOutcome, type TaskPhase } from './taskEvents';
import { isCallbackResource, type TaskAnswer } from './taskTokens';
import { taskTimeouts } from './taskTimeouts';

/** What a Resource ARN says about its calls, found once per resource (a run calls few resources, each many times). */
interface ResourceFacts {
  kind: TaskKind;
  callback: boolean;
  type: string;
}

const factsOf: (resource: string) => ResourceFacts = memoByText((resource) => ({ kind: taskKind(resource), callback: isCallbackResource(resource), type: resourceType(resource) }), 1000);

/** One attempt's event facts and its emitter: events are built only when someone reads the history. */
class TaskAttempt {
  readonly scheduled: number;
  readonly started: number;

  constructor(
    private readonly ex: Execution,
    readonly kind: TaskKind,
    private readonly facts: TaskEventFacts,
    entered: number | undefined,
  ) {
    this.scheduled = this.emit('Scheduled', entered);
    this.started = this.emit('Started', this.scheduled);
  }

  emit(phase: TaskPhase, previous: number | undefined, outcome?: TaskOutcome): number {
    const { type, detailsKey } = taskEventNames(this.kind, phase);
    const details = this.ex.listening ? taskEventDetails(this.kind, phase, this.facts, outcome) : undefined;
    return this.ex.emitUnder(type, detailsKey, details, previous);
  }

  /** The task's result, measured, with its Succeeded event. */
  succeeded(result: unknown): unknown {
    const text = JSON.stringify(result) ?? 'null';
    // AWS names a service integration's result by its resource type ('lambda'), another resource by its ARN
    // (LocalStack's AWS-validated snapshots; the recorded "The state/task 'lambda' returned a result ...").
    const resource = this.facts.resource;
    checkDataLimit(resource.startsWith('arn:aws:states:::') ? this.facts.resourceType : resource, result, text);
    this.emit('Succeeded', this.started, { output: text });
    return result;
  }

  /** The error the attempt fails with, after its Failed or TimedOut event; an error that ends the execution is thrown. */
  failed(error: unknown, callback: boolean): StatesError {
    // The execution ends (its deadline, the history limit): no event of the task's own.
    if (error instanceof FatalError) throw error;
    const e = error instanceof StatesError ? error : new StatesError(errorName(error), error instanceof Error ? error.message : String(error));
    const timedOut = e.error === 'States.Timeout' || (callback && e.error === 'States.HeartbeatTimeout');
    this.emit(timedOut ? 'TimedOut' : 'Failed', this.started, { error: e.error, cause: e.causeText });
    // What the task answered is its own cause (a Lambda's States.Runtime is not the state's).
    return asOwnCause(e);
  }
}

/**
 * Calls the task (mock or handler) with AWS's history events and timeouts. A `.waitForTaskToken` task then waits
 * for its token's answer (TaskSubmitted carries what the service call returned); an Activity task waits for a
 * worker's answer, with Activity* events; a Lambda function ARN writes LambdaFunction* events (taskEvents.ts;
 * developer guide, "Wait for a Callback with Task Token", "Activities"; asl-reference §5.1: TimeoutSeconds gives
 * States.Timeout, HeartbeatSeconds States.HeartbeatTimeout).
 *
 * A plain call (no token to wait for, timeouts known, the clock virtual: what a run of mocks does) is chained on
 * the call's promise rather than awaited: a failed attempt then raises one exception, not one per await it passes
 * (unwinding through large interpreted frames cost a retried Task more than the rest of its attempt). It settles
 * on the same microtask as the awaiting form.
 */
export function invokeTask(ex: Execution, run: StateRun, taskInput: unknown): Promise<unknown> {
  try {
    const resource = String(run.state.Resource);
    const parameters = JSON.stringify(taskInput) ?? 'null';
    checkDataLimit(run.name, taskInput, parameters);
    const facts = factsOf(resource);
    const timeouts = taskTimeouts(ex, run);
    if (facts.callback || ex.options.clock.real || timeouts instanceof Promise) return invokeWaiting(ex, run, taskInput, resource, parameters, facts, timeouts);
    const attempt = new TaskAttempt(ex, facts.kind, { resource, resourceType: facts.type, input: parameters, timeout: timeouts.timeout, heartbeat: timeouts.heartbeat }, run.entered);
    let call: Promise<unknown>;
    try {
      call = Promise.resolve(ex.options.invokeTask({ stateName: run.name, resource, input: taskInput, context: run.context, attempt: run.attempt }));
    } catch (error) {
      return Promise.reject(attempt.failed(error, false));
    }
    return call.then(
      (result) => {
        try {
          return attempt.succeeded(result);
        } catch (error) {
          throw attempt.failed(error, false);
        }
      },
      (error: unknown) => {
        throw attempt.failed(error, false);
      },
    );
  } catch (error) {
    return Promise.reject(error);
  }
}

/** A task that waits: for its token's answer, or with timeouts on a real clock, or timeouts read at run time. */
async function invokeWaiting(ex: Execution, run: StateRun, taskInput: unknown, resource: string, parameters: string, facts: ResourceFacts, timeouts: ReturnType<typeof taskTimeouts>): Promise<unknown> {
  const { timeout, heartbeat } = timeouts instanceof Promise ? await timeouts : timeouts;
  const { kind, callback, type } = facts;
  const activity = kind === 'Activity';
  const attempt = new TaskAttempt(ex, kind, { resource, resourceType: type, input: parameters, timeout, heartbeat }, run.entered);
  const started = attempt.started;
  const token = String((run.context.Task as { Token?: unknown } | undefined)?.Token ?? `local-task-token-${attempt.scheduled}`);
  const api = callback ? ex.tokens.expect({ token, stateName: run.name, resource, activity, ...(timeout ? { timeoutSeconds: timeout } : {}), ...(heartbeat ? { heartbeatSeconds: heartbeat } : {}) }) : undefined;
  const context = run.context;
  try {
    const call = ex.options.invokeTask({ stateName: run.name, resource, input: taskInput, context, attempt: run.attempt, ...(api ? { callback: api } : {}) });
    let result: unknown;
    if (!callback) {
      result = ex.options.clock.real ? await withTimeouts(run, call, ex, timeout, heartbeat) : await call;
    } else {
      const submitted = await call;
      if (activity && submitted !== undefined) ex.tokens.answer(token, { kind: 'success', output: submitted });
      if (!activity) ex.emit('TaskSubmitted', { taskSubmittedEventDetails: { resource, resourceType: type, output: JSON.stringify(submitted ?? {}) } }, started);
      result = await awaitAnswer(ex, run, token, timeout, heartbeat);
    }
    return attempt.succeeded(result);
  } catch (error) {
    throw attempt.failed(error, callback);
  } finally {
    if (callback) ex.tokens.settle(token);
  }
}

interface Limit {
  /** Milliseconds from now, on the clock the wait runs on. */
  ms: number;
  error: string;
  cause: string;
}

/**
 * Waits for a token's SendTaskSuccess or SendTaskFailure (developer guide, "Wait for a Callback with Task Token";
 * asl-reference §5.1). TimeoutSeconds counts from the start of the wait, HeartbeatSeconds from the start or the last
 * SendTaskHeartbeat, and the execution's own deadline (its TimeoutSeconds, or the maximum duration) bounds it all.
 *
 * Three clocks: a real clock waits in real time. A virtual clock with real time given (`realClock`: someone may
 * answer, in the editor or from a handler) waits in real time too, and the virtual clock then moves on by the real
 * time the wait took, so the events after it and `$$.State.EnteredTime` of the next states are as late as on AWS;
 * a timeout that fires moves it by exactly its seconds. A virtual clock alone (tests) waits in virtual time: an
 * answer already there takes none, an unanswered token times out at once, the clock moved by the limit's seconds.
 */
async function awaitAnswer(ex: Execution, run: StateRun, token: string, timeout?: number, heartbeat?: number): Promise<unknown> {
  const clock = ex.options.clock;
  const real = clock.real ? undefined : ex.options.realClock;
  const waitClock = real ?? clock;
  const began = waitClock.now();
  const virtualBegan = clock.now();
  // The execution's deadline, as milliseconds into the wait.
  const deadline = ex.msLeft();
  const stop = new AbortController();
  const aborted = new Promise<{ kind: 'aborted' }>((resolve) => {
    if (ex.options.signal?.aborted) resolve({ kind: 'aborted' });
    ex.options.signal?.addEventListener('abort', () => resolve({ kind: 'aborted' }), { once: true, signal: stop.signal });
  });
  // Moves a virtual clock that waited in real time to where the wait got (never back: a sibling branch may have moved it on).
  const catchUp = async (offset: number) => {
    if (!real) return;
    const behind = virtualBegan + offset - clock.now();
    if (behind > 0) await clock.sleep(behind);
  };
  try {
    let beatFrom = 0;
    for (;;) {
      // An answer already there (a mock's, a handler's sent at once) is taken before any timer starts.
      let answer: TaskAnswer | { kind: 'aborted' } | { kind: 'expired'; limit: Limit; at: number } | undefined = ex.tokens.take(token);
      if (!answer) {
        const now = waitClock.now() - began;
        const limits: Limit[] = [];
        if (timeout) limits.push({ ms: timeout * 1000 - now, error: 'States.Timeout', cause: `Task '${run.name}' got no answer to its task token after ${timeout} seconds` });
        if (heartbeat) limits.push({ ms: beatFrom + heartbeat * 1000 - now, error: 'States.HeartbeatTimeout', cause: `Task '${run.name}' sent no heartbeat after ${heartbeat} seconds` });
        limits.push({ ms: deadline - now + 1, error: 'States.Timeout', cause: '' });
        // Only the first limit to fire runs a timer: a virtual clock jumps as soon as a timer starts.
        const first = limits.reduce((a, b) => (b.ms < a.ms ? b : a));
        const at = now + Math.max(0, first.ms);
        const round = new AbortController();
        const timer = waitClock.sleep(Math.max(0, first.ms), round.signal).then(() => ({ kind: 'expired' as const, limit: first, at }));
        try {
          answer = await Promise.race([ex.tokens.next(token), aborted, timer]);
        } finally {
          round.abort();
        }
      }
      if (answer.kind === 'expired') {
        await catchUp(answer.at);
        // The execution's deadline: the execution times out (Execution.sleep throws its States.Timeout).
        if (answer.limit.cause === '') await ex.sleep(1);
        throw new StatesError(answer.limit.error, answer.limit.cause);
      }
      if (answer.kind === 'aborted') throw new StatesError('States.Aborted', `The execution was aborted while Task '${run.name}' waited for its task token`);
      await catchUp(waitClock.now() - began);
      if (answer.kind === 'heartbeat') {
        beatFrom = waitClock.now() - began;
        continue;
      }
      if (answer.kind === 'success') return answer.output;
      throw new StatesError(answer.error ?? 'States.TaskFailed', answer.cause ?? '');
    }
  } finally {
    stop.abort();
  }
}

/**
 * With a real clock, TimeoutSeconds and HeartbeatSeconds fire (asl-reference §5.1): local tasks send no
 * heartbeats, so a task running past HeartbeatSeconds fails with States.HeartbeatTimeout.
 */
async function withTimeouts(run: StateRun, call: Promise<unknown>, ex: Execution, timeout?: number, heartbeat?: number): Promise<unknown> {
  const limits: Promise<never>[] = [];
  const stop = new AbortController();
  const limit = (seconds: number, error: string, what: string) =>
    ex.options.clock.sleep(seconds * 1000, stop.signal).then(() => {
      throw new StatesError(error, `Task '${run.name}' ${what} after ${seconds} seconds`);
    });
  if (timeout) limits.push(limit(timeout, 'States.Timeout', 'timed out'));
  if (heartbeat && (!timeout || heartbeat < timeout)) limits.push(limit(heartbeat, 'States.HeartbeatTimeout', 'sent no heartbeat'));
  if (limits.length === 0) return call;
  try {
    return await Promise.race([call, ...limits]);
  } finally {
    stop.abort();
    for (const l of limits) l.catch(() => undefined);
  }
}

function errorName(error: unknown): string {
  const name = (error as { name?: unknown })?.name;
  return typeof name === 'string' && name !== 'Error' ? name : 'Error';
}

function resourceType(resource: string): string {
  const m = /^arn:[^:]+:states:::(?:aws-sdk:)?([^:]+)/.exec(resource);
  return m ? m[1] : resource.includes(':lambda:') ? 'lambda' : 'activity';
}
