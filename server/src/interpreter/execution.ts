import { evaluateJsonataValue, hasJsonata } from './jsonataEval';
import { compilePath, evaluatePath, setAtPath, type PathRoots } from './jsonPathEval';
import { evaluateTemplate } from './payloadTemplate';
import { runState, type StateOutcome } from './runState';
import { errorMatches, StatesError } from './statesError';
import type { ExecutionResult, HistoryEvent, RunOptions } from './types';
import { VariableScope } from './variables';

type Obj = Record<string, unknown>;

/** One States block being run: its definition, variables, and (in a Map) the current item. */
export interface Frame {
  block: Obj;
  variables: VariableScope;
  queryLanguage: 'JSONPath' | 'JSONata';
  mapItem?: { Index: number; Value: unknown };
}

export const DATA_LIMIT = 256 * 1024;
const NO_HANDLERS: Obj[] = [];

/** Runs a state machine with the semantics AWS documents; see asl-reference §3–§13. */
export class Execution {
  readonly events: HistoryEvent[] = [];
  private eventCount = 0;
  private isoAt = NaN;
  private isoText = '';
  private lastEventId = 0;
  readonly startTime: number;
  readonly context: Obj;

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
  }

  async run(): Promise<ExecutionResult> {
    const definition = this.options.definition as Obj;
    this.emit('ExecutionStarted', { executionStartedEventDetails: { input: JSON.stringify(this.options.input), roleArn: (this.context.Execution as Obj).RoleArn } });
    const timeout = typeof definition.TimeoutSeconds === 'number' ? definition.TimeoutSeconds * 1000 : undefined;
    const topLanguage = definition.QueryLanguage === 'JSONata' ? 'JSONata' : 'JSONPath';
    try {
      const output = await this.runBlock({ block: definition, variables: new VariableScope(), queryLanguage: topLanguage }, this.options.input, timeout);
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
  async runBlock(frame: Frame, input: unknown, timeoutMs?: number): Promise<unknown> {
    const states = frame.block.States as Record<string, Obj>;
    let name = String(frame.block.StartAt);
    let data = input;
    for (;;) {
      if (this.options.signal?.aborted) throw new StatesError('States.Aborted', 'The execution was aborted');
      if (timeoutMs !== undefined && this.options.clock.now() - this.startTime > timeoutMs) {
        throw new StatesError('States.Timeout', 'The execution ran longer than its TimeoutSeconds');
      }
      const state = states[name];
      if (!state) throw new StatesError('States.Runtime', `State '${name}' does not exist`);
      const outcome = await this.runWithHandlers(frame, name, state, data);
      data = outcome.output;
      if (!outcome.next) return data;
      name = outcome.next;
    }
  }

  /** Runs one state with its Retry and Catch (asl-reference §7). */
  private async runWithHandlers(frame: Frame, name: string, state: Obj, input: unknown): Promise<StateOutcome> {
    const type = String(state.Type);
    const language = state.QueryLanguage === 'JSONata' || state.QueryLanguage === 'JSONPath' ? state.QueryLanguage : frame.queryLanguage;
    const full = this.options.eventDetail !== 'summary';
    const entered = this.emit(`${type}StateEntered`, { stateEnteredEventDetails: full ? { name, input: JSON.stringify(input) } : { name } });
    const retriers = (Array.isArray(state.Retry) ? state.Retry : NO_HANDLERS) as Obj[];
    let attempts: number[] | undefined;
    let retryCount = 0;
    for (;;) {
      // Built field by field: this runs once per state transition.
      const stateContext: Obj = { Execution: this.context.Execution, StateMachine: this.context.StateMachine, State: { EnteredTime: this.iso(), Name: name, RetryCount: retryCount } };
      if (frame.mapItem) stateContext.Map = { Item: frame.mapItem };
      try {
        const outcome = await runState(this, { frame, name, state, type, language, input, context: stateContext, attempt: retryCount });
        this.emit(`${type}StateExited`, { stateExitedEventDetails: full ? { name, output: JSON.stringify(outcome.output) } : { name } }, entered);
        return outcome;
      } catch (error) {
        const e = asStatesError(error);
        if (e.error === 'States.Aborted' || this.options.signal?.aborted) throw e;
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
            await this.options.clock.sleep(delay, this.options.signal);
            continue;
          }
        }
        const catcher = ((Array.isArray(state.Catch) ? state.Catch : []) as Obj[]).find((c) => errorMatches((c.ErrorEquals as string[]) ?? [], e.error));
        if (!catcher) throw e;
        const output = await this.caught(frame, language, catcher, input, e, stateContext);
        this.emit(`${type}StateExited`, { stateExitedEventDetails: { name, output: JSON.stringify(output) } }, entered);
        return { output, next: String(catcher.Next) };
      }
    }
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

  /** Appends a history event (and streams it); past the cap the execution fails like AWS's history limit. */
  emit(type: string, details: Obj, previous?: number): number {
    const id = ++this.eventCount;
    const event: HistoryEvent = { id, previousEventId: previous ?? this.lastEventId, timestamp: this.iso(), type, ...details };
    this.lastEventId = id;
    if (this.options.recordEvents !== false) this.events.push(event);
    this.options.onEvent?.(event);
    const max = this.options.maxEvents ?? 25_000;
    if (id > max && !type.startsWith('Execution')) {
      throw new StatesError('States.Runtime', `The execution reached the history limit of ${max} events`);
    }
    return id;
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
