import { evaluateJsonataValue, hasJsonata } from './jsonataEval';
import { compilePath, evaluatePath, missingPathDetail, rootsOver, setAtPath, type PathRoots } from './jsonPathEval';
import { evaluateTemplate } from './payloadTemplate';
import { runState, type StateOutcome, type StateRun } from './runState';
import { checkDataLimit, utf8Length, DATA_LIMIT } from './dataLimit';
import { errorMatches, FatalError, handledBy, locateError, StatesError } from './statesError';
import type { StopScope } from './stopScope';
import type { ExecutionResult, HistoryEvent, RunOptions } from './types';
import { isCallbackResource, TaskTokens } from './taskTokens';
import { VariableScope } from './variables';
import { contextTimestamp, IsoTimestamps } from './isoTimestamps';

type Obj = Record<string, unknown>;

/** One States block being run: its definition, variables, and (in a Map) the current item. */
export interface Frame {
  block: Obj;
  variables: VariableScope;
  queryLanguage: 'JSONPath' | 'JSONata';
  mapItem?: { Index: number; Value: unknown };
  /** Set inside a Parallel branch or Map iteration: stops the block when a sibling fails. */
  scope?: StopScope;
  /** The event the block's first state follows (its MapIterationStarted or ParallelStateStarted). */
  parentEvent?: number;
}

const NO_HANDLERS: Obj[] = [];
const ENTERED = { suffix: 'StateEntered', types: new Map<string, string>() };
const EXITED = { suffix: 'StateExited', types: new Map<string, string>() };
/** `PassStateEntered` and the like, made once per state type rather than once per transition. */
function eventType(stateType: string, kind: typeof ENTERED): string {
  let type = kind.types.get(stateType);
  if (type === undefined) kind.types.set(stateType, (type = stateType + kind.suffix));
  return type;
}
const hasOwnProperty = Object.prototype.hasOwnProperty;
/** A Standard execution runs at most one year, an Express one five minutes; past it, States.Timeout (AWS service quotas). */
const MAX_STANDARD_MS = 365 * 24 * 3600 * 1000;
const MAX_EXPRESS_MS = 5 * 60 * 1000;

/** Runs a state machine with the semantics AWS documents; see asl-reference §3–§13. */
export class Execution {
  readonly events: HistoryEvent[] = [];
  private eventCount = 0;
  private readonly timestamps = new IsoTimestamps();
  /** Retry attempts that recorded no event (their state failed before its first event) count toward the cap. */
  private quietSteps = 0;
  private historyFull?: FatalError;
  private ended = false;
  /** The top-level States block's variables (a test reads them when the run ends). */
  readonly variables = new VariableScope();
  readonly startTime: number;
  readonly context: Obj;
  readonly tokens: TaskTokens;
  private tokenCount = 0;
  private readonly deadline: number;
  private readonly timeoutCause: string;
  private readonly maxEvents: number;
  /** Whether anyone reads the history (it is kept, or streamed); when not, events are only counted. */
  readonly listening: boolean;
  private readonly record: boolean;
  /** Events carry the states' input and output JSON (eventDetail 'full'). */
  readonly fullEvents: boolean;
  /**
   * The last Map or Parallel result found within the payload limit: when it is also its state's output (no
   * ResultSelector, ResultPath or OutputPath), it is not measured again. Payloads are never changed in place.
   */
  resultWithinLimit?: unknown;

  constructor(readonly options: RunOptions) {
    this.record = options.recordEvents !== false;
    this.listening = this.record || options.onEvent !== undefined;
    this.fullEvents = this.listening && options.eventDetail !== 'summary';
    this.startTime = options.clock.now();
    this.tokens = options.tokens ?? new TaskTokens();
    const name = options.executionName ?? 'local-execution';
    const machine = options.stateMachineName ?? 'local-state-machine';
    const express = options.stateMachineType === 'EXPRESS';
    this.context = {
      Execution: {
        // An Express execution's ARN has `express:` where a Standard one has `execution:`.
        Id: `arn:aws:states:us-east-1:123456789012:${express ? 'express' : 'execution'}:${machine}:${name}`,
        Input: options.input,
        Name: name,
        RoleArn: 'arn:aws:iam::123456789012:role/local-execution',
        StartTime: contextTimestamp(new Date(this.startTime).toISOString()),
        RedriveCount: 0,
      },
      StateMachine: { Id: `arn:aws:states:us-east-1:123456789012:stateMachine:${machine}`, Name: machine },
    };
    const seconds = (options.definition as Obj | null)?.TimeoutSeconds;
    const maxMs = express ? MAX_EXPRESS_MS : MAX_STANDARD_MS;
    const own = typeof seconds === 'number' && seconds > 0 && seconds * 1000 <= maxMs;
    this.deadline = this.startTime + (own ? seconds * 1000 : maxMs);
    this.timeoutCause = own
      ? 'The execution ran longer than its TimeoutSeconds'
      : `The execution ran longer than the maximum execution time of ${express ? 'five minutes (Express)' : 'one year'}`;
    this.maxEvents = options.maxEvents ?? (express ? Number.POSITIVE_INFINITY : 25_000);
  }

  async run(): Promise<ExecutionResult> {
    const definition = this.options.definition as Obj;
    const inputText = JSON.stringify(this.options.input) ?? 'null';
    const inputBytes = utf8Length(inputText);
    if (inputBytes > DATA_LIMIT) {
      // StartExecution refuses such an input (API reference: `input` is at most 262,144 bytes of UTF-8) with AWS's
      // request validation wording: no execution starts.
      this.ended = true;
      return this.result('FAILED', { error: 'ValidationException', cause: `1 validation error detected: Value at 'input' failed to satisfy constraint: Member must have length less than or equal to ${DATA_LIMIT} (the input is ${inputBytes} bytes of UTF-8)` });
    }
    this.emit('ExecutionStarted', { executionStartedEventDetails: { input: inputText, roleArn: (this.context.Execution as Obj).RoleArn } });
    const topLanguage = definition.QueryLanguage === 'JSONata' ? 'JSONata' : 'JSONPath';
    try {
      const output = await this.runBlock({ block: definition, variables: this.variables, queryLanguage: topLanguage }, this.options.input);
      this.emit('ExecutionSucceeded', { executionSucceededEventDetails: { output: JSON.stringify(output) } });
      return this.result('SUCCEEDED', { output });
    } catch (error) {
      const e = asStatesError(error);
      if (e.error === 'States.Aborted') {
        this.emit('ExecutionAborted', { executionAbortedEventDetails: { cause: e.causeText } });
        return this.result('ABORTED', { error: e.error, cause: e.causeText });
      }
      if (e.error === 'States.Timeout' && e.causeText.startsWith('The execution')) {
        this.emit('ExecutionTimedOut', { executionTimedOutEventDetails: { error: e.error, cause: e.causeText } });
        return this.result('TIMED_OUT', { error: e.error, cause: e.causeText });
      }
      this.emit('ExecutionFailed', { executionFailedEventDetails: { error: e.error, cause: e.causeText } });
      return this.result('FAILED', { error: e.error, cause: e.causeText });
    }
  }

  private result(status: ExecutionResult['status'], rest: Partial<ExecutionResult>): ExecutionResult {
    return { status, events: this.events, durationMs: this.options.clock.now() - this.startTime, ...rest };
  }

  /** Runs a States block from StartAt until a terminal state; returns its output or throws its error. */
  async runBlock(frame: Frame, input: unknown): Promise<unknown> {
    const states = frame.block.States;
    let name = String(frame.block.StartAt);
    let data = input;
    // Each state's Entered event follows the previous state's Exited (or the iteration's or branch's start), so
    // previousEventId chains stay causal when Map iterations and Parallel branches interleave, as in AWS's history.
    let previous = frame.parentEvent;
    const debug = this.options.debug;
    // The JSON of `data` when the previous state's Exited event carried it: the next Entered event carries the same.
    let text: string | undefined;
    for (;;) {
      this.checkRunning(frame);
      // Names are looked up as own keys: a state named `constructor` or `toString` is a state, not Object's.
      // (Written out rather than through getOwn, whose shared lookup sees every shape in the program: slower.)
      const state = hasOwnProperty.call(states, name) ? (states as Record<string, Obj>)[name] : undefined;
      if (!state || typeof state !== 'object') throw new StatesError('States.Runtime', `State '${name}' does not exist`);
      if (debug !== undefined) {
        const held = debug.beforeState(this, frame, name, data);
        if (held !== undefined) {
          data = await held;
          text = undefined;
          this.checkRunning(frame);
        }
      }
      // A state that needs no waiting (Pass, Choice, Succeed, Fail) runs synchronously: no promise per transition.
      let outcome = this.runWithHandlers(frame, name, state, data, previous, text);
      if (outcome instanceof Promise) outcome = await outcome;
      previous = outcome.exitEvent;
      data = outcome.output;
      text = outcome.outputText;
      if (!outcome.next) return data;
      name = outcome.next;
    }
  }

  /** Throws when the execution was aborted, ran past its deadline, or the block was stopped. */
  checkRunning(frame?: Frame): void {
    if (this.options.signal?.aborted) throw new StatesError('States.Aborted', 'The execution was aborted');
    // A virtual clock moves only in sleep(), which checks the deadline itself.
    if (this.options.clock.real) this.checkDeadline();
    frame?.scope?.check();
  }

  private checkDeadline(): void {
    if (this.options.clock.now() > this.deadline) throw new FatalError('States.Timeout', this.timeoutCause);
  }

  /** Milliseconds left on the clock before the execution's deadline (its TimeoutSeconds or maximum duration). */
  msLeft(): number {
    return this.deadline - this.options.clock.now();
  }

  /** Waits on the clock, never past the execution's deadline (a longer wait times the execution out). */
  async sleep(ms: number): Promise<void> {
    const now = this.options.clock.now();
    if (ms > 0) await this.options.clock.sleep(Math.min(ms, this.deadline - now + 1), this.options.signal);
    this.checkDeadline();
    this.checkRunning();
  }

  /** Runs one state with its Retry and Catch (asl-reference §7); synchronously when the state does not wait. */
  private runWithHandlers(frame: Frame, name: string, state: Obj, input: unknown, previous?: number, inputText?: string): StateOutcome | Promise<StateOutcome> {
    const type = String(state.Type);
    const language = state.QueryLanguage === 'JSONata' || state.QueryLanguage === 'JSONPath' ? state.QueryLanguage : frame.queryLanguage;
    // Event details are built only when someone reads the history.
    const text = this.fullEvents ? (inputText ?? JSON.stringify(input)) : undefined;
    const entered = this.stateEvent(eventType(type, ENTERED), true, name, text, previous);
    const run: StateRun = { frame, name, state, type, language, input, context: this.stateContext(frame, name, 0, state), attempt: 0, entered, inputText: text };
    const eventsBefore = this.eventCount;
    try {
      const outcome = runState(this, run);
      if (outcome instanceof Promise) return outcome.then((o) => this.succeeded(run, o)).catch((error: unknown) => this.recover(run, error, eventsBefore));
      return this.succeeded(run, outcome);
    } catch (error) {
      return this.recover(run, error, eventsBefore);
    }
  }

  /** The context object of one attempt of a state (asl-reference §10). Built field by field: it runs once per transition. */
  /**
   * The Context object of one attempt (developer guide, "Accessing execution data from the Context object"):
   * State.RetryCount only where a retry can happen (Task, Parallel, Map); Task.Token for a callback or Activity
   * task, already there for its Parameters or Arguments (issue 14).
   */
  private stateContext(frame: Frame, name: string, retryCount: number, state: Obj): Obj {
    const type = state.Type;
    const entered = this.contextIso();
    const State = type === 'Task' || type === 'Parallel' || type === 'Map' ? { EnteredTime: entered, Name: name, RetryCount: retryCount } : { EnteredTime: entered, Name: name };
    const context: Obj = { Execution: this.context.Execution, StateMachine: this.context.StateMachine, State };
    if (type === 'Task' && isCallbackResource(state.Resource)) context.Task = { Token: `local-task-token-${++this.tokenCount}` };
    if (frame.mapItem) context.Map = { Item: frame.mapItem };
    return context;
  }

  private succeeded(run: StateRun, outcome: StateOutcome): StateOutcome {
    const output = outcome.output;
    const text = this.fullEvents ? (output === run.input && run.inputText !== undefined ? run.inputText : JSON.stringify(output)) : undefined;
    return { output: outcome.output, next: outcome.next, exitEvent: this.exited(run.type, run.name, run.input, outcome.output, run.entered!, text), outputText: text };
  }

  /** After a failed attempt: retries while a retrier allows (each retry may fail again), else a catcher, else the error. */
  private async recover(run: StateRun, error: unknown, eventsBefore: number): Promise<StateOutcome> {
    const { state } = run;
    const retriers = (Array.isArray(state.Retry) ? state.Retry : NO_HANDLERS) as Obj[];
    let attempts: number[] | undefined;
    let retryCount = 0;
    for (;;) {
      const e = locateError(asStatesError(error), run.name, run.entered);
      if (e instanceof FatalError || e.error === 'States.Aborted' || this.options.signal?.aborted) throw e;
      if (this.options.debug !== undefined) {
        const held = this.options.debug.stateFailed(run, e, handledBy(state, attempts, e.error));
        if (held !== undefined) await held;
      }
      const index = retriers.findIndex((r) => errorMatches((r.ErrorEquals as string[]) ?? [], e.error));
      if (index >= 0) {
        const r = retriers[index];
        const max = typeof r.MaxAttempts === 'number' ? r.MaxAttempts : 3;
        // Kept on the attempt (and copied to the next), so a debugger sees how many retries are left.
        attempts ??= run.retriesUsed = retriers.map(() => 0);
        if (attempts[index] < max) {
          const interval = (typeof r.IntervalSeconds === 'number' ? r.IntervalSeconds : 1) * 1000;
          const rate = typeof r.BackoffRate === 'number' ? r.BackoffRate : 2;
          let delay = interval * Math.pow(rate, attempts[index]);
          if (typeof r.MaxDelaySeconds === 'number') delay = Math.min(delay, r.MaxDelaySeconds * 1000);
          if (r.JitterStrategy === 'FULL') delay = this.options.services.random() * delay;
          attempts[index]++;
          retryCount++;
          this.options.onTrace?.({ kind: 'retry', state: run.name, index });
          if (this.eventCount === eventsBefore) this.chargeQuietStep();
          await this.sleep(delay);
          eventsBefore = this.eventCount;
          run = { ...run, context: this.stateContext(run.frame, run.name, retryCount, run.state), attempt: retryCount };
          try {
            const outcome = runState(this, run);
            return this.succeeded(run, outcome instanceof Promise ? await outcome : outcome);
          } catch (next) {
            error = next;
            continue;
          }
        }
      }
      const catchers = (Array.isArray(state.Catch) ? state.Catch : NO_HANDLERS) as Obj[];
      const caughtBy = catchers.findIndex((c) => errorMatches((c.ErrorEquals as string[]) ?? [], e.error));
      if (caughtBy < 0) throw e;
      const catcher = catchers[caughtBy];
      this.options.onTrace?.({ kind: 'catch', state: run.name, index: caughtBy });
      const output = await this.caught(run.frame, run.name, run.language, catcher, run.input, e, run.context);
      return { output, next: String(catcher.Next), exitEvent: this.exited(run.type, run.name, run.input, output, run.entered!) };
    }
  }

  /**
   * Checks a state's output against 256 KiB (its input was the previous output, or a checked block input) and
   * emits its Exited event; the event's JSON, when there is one, is what gets measured.
   */
  private exited(type: string, name: string, input: unknown, output: unknown, entered: number, json = this.fullEvents ? JSON.stringify(output) : undefined): number {
    const text = this.fullEvents ? (json ?? 'null') : undefined;
    if (output !== input && output !== this.resultWithinLimit) checkDataLimit(name, output, text);
    return this.stateEvent(eventType(type, EXITED), false, name, text, entered);
  }

  /** A catcher's output (ResultPath or Output) and Assign, from the Error Output {Error, Cause}. */
  private async caught(frame: Frame, name: string, language: string, catcher: Obj, input: unknown, e: StatesError, context: unknown): Promise<unknown> {
    const errorOutput = { Error: e.error, Cause: e.causeText };
    const variables = frame.variables.all();
    if (language === 'JSONata') {
      const bindings = { states: { input, context, errorOutput }, variables, now: this.options.clock.now() };
      const [output, assigned] = await Promise.all([
        catcher.Output === undefined ? errorOutput : evaluateJsonataValue(catcher.Output, bindings, this.options.services, 'Output'),
        catcher.Assign === undefined ? undefined : evaluateJsonataValue(catcher.Assign, bindings, this.options.services, 'Assign'),
      ]);
      if (assigned) frame.variables.assign(assigned as Obj, name);
      return output;
    }
    if (catcher.Assign !== undefined) frame.variables.assign(evaluateTemplate(catcher.Assign, { data: errorOutput, context, variables }, this.options.services, 'Assign') as Obj, name);
    if (catcher.ResultPath === null) return input;
    return setAtPath(input, typeof catcher.ResultPath === 'string' ? catcher.ResultPath : '$', errorOutput);
  }

  /** The clock's time as ISO 8601, computed once per distinct millisecond (virtual time rarely moves). */
  iso(): string {
    return this.timestamps.of(this.options.clock.now());
  }

  /** The clock's time as the Context object writes it (no `.000` on a whole second). */
  contextIso(): string {
    return contextTimestamp(this.iso());
  }

  /**
   * Appends a history event (and streams it). Like AWS (developer guide, "Avoid reaching the history quota"),
   * the last event of a full history must end the execution: any other event in its place is not recorded and
   * fails the execution with States.Runtime, whose ExecutionFailed becomes that last event. Once the execution
   * has ended, stray events (a sibling branch finishing its task) are dropped.
   */
  emit(type: string, details: Obj | undefined, previous?: number): number {
    const id = this.nextEventId(type);
    // Nobody reads the history: its events are counted (for the cap and the links), never built.
    if (!this.listening) return id;
    return this.append({ id, previousEventId: previous ?? id - 1, timestamp: this.iso(), type, ...details });
  }

  /** `emit` of an event whose details go under one key (a task attempt's), without an object to copy them from. */
  emitUnder(type: string, detailsKey: string, details: Obj | undefined, previous?: number): number {
    const id = this.nextEventId(type);
    if (!this.listening) return id;
    const previousEventId = previous ?? id - 1;
    const timestamp = this.iso();
    return this.append(details === undefined ? { id, previousEventId, timestamp, type } : { id, previousEventId, timestamp, type, [detailsKey]: details });
  }

  /**
   * A state's Entered or Exited event (two a transition, the most frequent): made in one piece, without a details
   * object to copy. `json` is the input or output JSON when events carry it (eventDetail 'full').
   */
  private stateEvent(type: string, entered: boolean, name: string, json: string | undefined, previous: number | undefined): number {
    const id = this.nextEventId(type);
    if (!this.listening) return id;
    const previousEventId = previous ?? id - 1;
    const timestamp = this.iso();
    return this.append(entered
      ? { id, previousEventId, timestamp, type, stateEnteredEventDetails: this.fullEvents ? { name, input: json } : { name } }
      : { id, previousEventId, timestamp, type, stateExitedEventDetails: this.fullEvents ? { name, output: json } : { name } });
  }

  private nextEventId(type: string): number {
    // One comparison on the common path: far from the cap, still running.
    if (this.eventCount + this.quietSteps + 1 >= this.maxEvents || this.ended || type.charCodeAt(0) === 69 /* E */) this.admit(type);
    return ++this.eventCount;
  }

  private append(event: HistoryEvent): number {
    if (this.record) this.events.push(event);
    this.options.onEvent?.(event);
    return event.id;
  }

  /** Whether an event may still be recorded: the last place is for the event that ends the execution. */
  private admit(type: string): void {
    if (this.ended) throw new FatalError('States.Aborted', 'The execution has ended');
    const terminal = type !== 'ExecutionStarted' && type.startsWith('Execution');
    if (!terminal) {
      if (this.historyFull) throw this.historyFull;
      if (this.eventCount + this.quietSteps + 1 >= this.maxEvents) throw this.fillHistory();
    } else this.ended = true;
  }

  private fillHistory(): FatalError {
    this.historyFull = new FatalError('States.Runtime', `The execution reached the maximum number of history events (${this.maxEvents}).`);
    return this.historyFull;
  }

  private chargeQuietStep(): void {
    if (this.historyFull) throw this.historyFull;
    if (this.eventCount + ++this.quietSteps + 1 >= this.maxEvents) throw this.fillHistory();
  }

  /** JSONPath helpers shared by the state handlers. */
  select(pathText: unknown, data: unknown, roots: Omit<PathRoots, 'data'>): unknown {
    if (pathText === undefined) return data;
    if (pathText === null) return {};
    const path = compilePath(String(pathText));
    const found = evaluatePath(path, rootsOver(data, roots));
    // AWS's (Jayway's) words, recorded: "Invalid path '$.x' : No results for path: $['x']" (asl-reference §13).
    if (!found.found) throw new StatesError('States.Runtime', `Invalid path '${String(pathText)}' : ${missingPathDetail(path, rootsOver(data, roots))}`);
    return found.value;
  }

  /** Evaluates JSONata in a field if it has any, else returns the literal. */
  async jsonata(value: unknown, bindings: Parameters<typeof evaluateJsonataValue>[1], field: string): Promise<unknown> {
    return hasJsonata(value) ? evaluateJsonataValue(value, { states: bindings.states, variables: bindings.variables, now: this.options.clock.now() }, this.options.services, field) : value;
  }
}

/** Whether a state's Retry (with attempts left) or Catch takes an error (for a debugger's exception breakpoints). */
export function asStatesError(error: unknown): StatesError {
  if (error instanceof StatesError) return error;
  return new StatesError('States.Runtime', error instanceof Error ? error.message : String(error));
}
