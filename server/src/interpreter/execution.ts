import { evaluateJsonataValue, hasJsonata } from './jsonataEval';
import { compilePath, evaluatePath, setAtPath, type PathRoots } from './jsonPathEval';
import { evaluateTemplate } from './payloadTemplate';
import { runState, type StateOutcome } from './runState';
import { checkDataLimit, utf8Length, DATA_LIMIT } from './dataLimit';
import { errorMatches, FatalError, StatesError } from './statesError';
import type { StopScope } from './stopScope';
import type { ExecutionResult, HistoryEvent, RunOptions } from './types';
import { VariableScope } from './variables';

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
const hasOwnProperty = Object.prototype.hasOwnProperty;
/** A Standard execution runs at most one year; past it, it fails with States.Timeout (AWS service quotas). */
const MAX_EXECUTION_MS = 365 * 24 * 3600 * 1000;

/** Runs a state machine with the semantics AWS documents; see asl-reference §3–§13. */
export class Execution {
  readonly events: HistoryEvent[] = [];
  private eventCount = 0;
  private isoAt = NaN;
  private isoText = '';
  private lastEventId = 0;
  /** Retry attempts that recorded no event (their state failed before its first event) count toward the cap. */
  private quietSteps = 0;
  private historyFull?: FatalError;
  private ended = false;
  /** The top-level States block's variables (a test reads them when the run ends). */
  readonly variables = new VariableScope();
  readonly startTime: number;
  readonly context: Obj;
  private readonly deadline: number;
  private readonly timeoutCause: string;
  private readonly maxEvents: number;

  constructor(readonly options: RunOptions) {
    this.startTime = options.clock.now();
    const name = options.executionName ?? 'local-execution';
    const machine = options.stateMachineName ?? 'local-state-machine';
    this.context = {
      Execution: {
        Id: `arn:aws:states:us-east-1:123456789012:execution:${machine}:${name}`,
        Input: options.input,
        Name: name,
        RoleArn: 'arn:aws:iam::123456789012:role/local-execution',
        StartTime: new Date(this.startTime).toISOString(),
        RedriveCount: 0,
      },
      StateMachine: { Id: `arn:aws:states:us-east-1:123456789012:stateMachine:${machine}`, Name: machine },
    };
    const seconds = (options.definition as Obj | null)?.TimeoutSeconds;
    const timeoutMs = typeof seconds === 'number' && seconds > 0 ? Math.min(seconds * 1000, MAX_EXECUTION_MS) : MAX_EXECUTION_MS;
    this.deadline = this.startTime + timeoutMs;
    this.timeoutCause = typeof seconds === 'number' && seconds > 0 ? 'The execution ran longer than its TimeoutSeconds' : 'The execution ran longer than the maximum execution time of one year';
    this.maxEvents = options.maxEvents ?? 25_000;
  }

  async run(): Promise<ExecutionResult> {
    const definition = this.options.definition as Obj;
    const inputText = JSON.stringify(this.options.input) ?? 'null';
    const inputBytes = utf8Length(inputText);
    if (inputBytes > DATA_LIMIT) {
      // StartExecution refuses such an input (its `input` is at most 262,144 bytes of UTF-8): no execution starts.
      this.ended = true;
      return this.result('FAILED', { error: 'ValidationException', cause: `The execution input is ${inputBytes} bytes of UTF-8; StartExecution accepts at most ${DATA_LIMIT} (256 KiB)` });
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
    for (;;) {
      this.checkRunning(frame);
      // Names are looked up as own keys: a state named `constructor` or `toString` is a state, not Object's.
      // (Written out rather than through getOwn, whose shared lookup sees every shape in the program: slower.)
      const state = hasOwnProperty.call(states, name) ? (states as Record<string, Obj>)[name] : undefined;
      if (!state || typeof state !== 'object') throw new StatesError('States.Runtime', `State '${name}' does not exist`);
      const outcome = await this.runWithHandlers(frame, name, state, data, previous);
      previous = outcome.exitEvent;
      data = outcome.output;
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

  /** Waits on the clock, never past the execution's deadline (a longer wait times the execution out). */
  async sleep(ms: number): Promise<void> {
    const now = this.options.clock.now();
    if (ms > 0) await this.options.clock.sleep(Math.min(ms, this.deadline - now + 1), this.options.signal);
    this.checkDeadline();
    this.checkRunning();
  }

  /** Runs one state with its Retry and Catch (asl-reference §7). */
  private async runWithHandlers(frame: Frame, name: string, state: Obj, input: unknown, previous?: number): Promise<StateOutcome> {
    const type = String(state.Type);
    const language = state.QueryLanguage === 'JSONata' || state.QueryLanguage === 'JSONPath' ? state.QueryLanguage : frame.queryLanguage;
    const full = this.options.eventDetail !== 'summary';
    const entered = this.emit(`${type}StateEntered`, { stateEnteredEventDetails: full ? { name, input: JSON.stringify(input) } : { name } }, previous);
    const retriers = (Array.isArray(state.Retry) ? state.Retry : NO_HANDLERS) as Obj[];
    let attempts: number[] | undefined;
    let retryCount = 0;
    for (;;) {
      const eventsBefore = this.eventCount;
      // Built field by field: this runs once per state transition.
      const stateContext: Obj = { Execution: this.context.Execution, StateMachine: this.context.StateMachine, State: { EnteredTime: this.iso(), Name: name, RetryCount: retryCount } };
      if (frame.mapItem) stateContext.Map = { Item: frame.mapItem };
      try {
        const outcome = await runState(this, { frame, name, state, type, language, input, context: stateContext, attempt: retryCount, entered });
        return { ...outcome, exitEvent: this.exited(type, name, input, outcome.output, entered) };
      } catch (error) {
        const e = asStatesError(error);
        if (e instanceof FatalError || e.error === 'States.Aborted' || this.options.signal?.aborted) throw e;
        const index = retriers.findIndex((r) => errorMatches((r.ErrorEquals as string[]) ?? [], e.error));
        if (index >= 0) {
          const r = retriers[index];
          const max = typeof r.MaxAttempts === 'number' ? r.MaxAttempts : 3;
          attempts ??= retriers.map(() => 0);
          if (attempts[index] < max) {
            const interval = (typeof r.IntervalSeconds === 'number' ? r.IntervalSeconds : 1) * 1000;
            const rate = typeof r.BackoffRate === 'number' ? r.BackoffRate : 2;
            let delay = interval * Math.pow(rate, attempts[index]);
            if (typeof r.MaxDelaySeconds === 'number') delay = Math.min(delay, r.MaxDelaySeconds * 1000);
            if (r.JitterStrategy === 'FULL') delay = this.options.services.random() * delay;
            attempts[index]++;
            retryCount++;
            this.options.onTrace?.({ kind: 'retry', state: name, index });
            if (this.eventCount === eventsBefore) this.chargeQuietStep();
            await this.sleep(delay);
            continue;
          }
        }
        const catchers = (Array.isArray(state.Catch) ? state.Catch : NO_HANDLERS) as Obj[];
        const caughtBy = catchers.findIndex((c) => errorMatches((c.ErrorEquals as string[]) ?? [], e.error));
        if (caughtBy < 0) throw e;
        const catcher = catchers[caughtBy];
        this.options.onTrace?.({ kind: 'catch', state: name, index: caughtBy });
        const output = await this.caught(frame, language, catcher, input, e, stateContext);
        return { output, next: String(catcher.Next), exitEvent: this.exited(type, name, input, output, entered) };
      }
    }
  }

  /**
   * Checks a state's output against 256 KiB (its input was the previous output, or a checked block input) and
   * emits its Exited event; the event's JSON, when there is one, is what gets measured.
   */
  private exited(type: string, name: string, input: unknown, output: unknown, entered: number): number {
    const full = this.options.eventDetail !== 'summary';
    const text = full ? (JSON.stringify(output) ?? 'null') : undefined;
    if (output !== input) checkDataLimit('The output of state', name, output, text);
    return this.emit(`${type}StateExited`, { stateExitedEventDetails: full ? { name, output: text } : { name } }, entered);
  }

  /** A catcher's output (ResultPath or Output) and Assign, from the Error Output {Error, Cause}. */
  private async caught(frame: Frame, language: string, catcher: Obj, input: unknown, e: StatesError, context: unknown): Promise<unknown> {
    const errorOutput = { Error: e.error, Cause: e.causeText };
    const variables = frame.variables.all();
    if (language === 'JSONata') {
      const bindings = { states: { input, context, errorOutput }, variables };
      const [output, assigned] = await Promise.all([
        catcher.Output === undefined ? errorOutput : evaluateJsonataValue(catcher.Output, bindings, this.options.services, 'Output'),
        catcher.Assign === undefined ? undefined : evaluateJsonataValue(catcher.Assign, bindings, this.options.services, 'Assign'),
      ]);
      if (assigned) frame.variables.assign(assigned as Obj);
      return output;
    }
    if (catcher.Assign !== undefined) frame.variables.assign(evaluateTemplate(catcher.Assign, { data: errorOutput, context, variables }, this.options.services, 'Assign') as Obj);
    if (catcher.ResultPath === null) return input;
    return setAtPath(input, typeof catcher.ResultPath === 'string' ? catcher.ResultPath : '$', errorOutput);
  }

  /** The clock's time as ISO 8601, computed once per distinct millisecond (virtual time rarely moves). */
  iso(): string {
    const now = this.options.clock.now();
    if (now !== this.isoAt) {
      this.isoAt = now;
      this.isoText = new Date(now).toISOString();
    }
    return this.isoText;
  }

  /**
   * Appends a history event (and streams it). Like AWS (developer guide, "Avoid reaching the history quota"),
   * the last event of a full history must end the execution: any other event in its place is not recorded and
   * fails the execution with States.Runtime, whose ExecutionFailed becomes that last event. Once the execution
   * has ended, stray events (a sibling branch finishing its task) are dropped.
   */
  emit(type: string, details: Obj, previous?: number): number {
    // One comparison on the common path: far from the cap, still running.
    if (this.eventCount + this.quietSteps + 1 >= this.maxEvents || this.ended || type.charCodeAt(0) === 69 /* E */) this.admit(type);
    const id = ++this.eventCount;
    const event: HistoryEvent = { id, previousEventId: previous ?? this.lastEventId, timestamp: this.iso(), type, ...details };
    this.lastEventId = id;
    if (this.options.recordEvents !== false) this.events.push(event);
    this.options.onEvent?.(event);
    return id;
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
  select(pathText: unknown, data: unknown, roots: Omit<PathRoots, 'data'>, field: string): unknown {
    if (pathText === undefined) return data;
    if (pathText === null) return {};
    const found = evaluatePath(compilePath(String(pathText)), { ...roots, data });
    if (!found.found) throw new StatesError('States.Runtime', `Invalid path '${String(pathText)}' : No results for path: ${String(pathText)} (${field})`);
    return found.value;
  }

  /** Evaluates JSONata in a field if it has any, else returns the literal. */
  async jsonata(value: unknown, bindings: Parameters<typeof evaluateJsonataValue>[1], field: string): Promise<unknown> {
    return hasJsonata(value) ? evaluateJsonataValue(value, bindings, this.options.services, field) : value;
  }
}

export function asStatesError(error: unknown): StatesError {
  if (error instanceof StatesError) return error;
  return new StatesError('States.Runtime', error instanceof Error ? error.message : String(error));
}
