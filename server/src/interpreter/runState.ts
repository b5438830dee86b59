import { ruleMatches } from './choice';
import { checkDataLimit } from './dataLimit';
import type { Execution, Frame } from './execution';
import { evaluateJsonata } from './jsonataEval';
import { setAtPath } from './jsonPathEval';
import { readItems } from './itemReader';
import { runMap, runParallel } from './runNested';
import { evaluateTemplate } from './payloadTemplate';
import { StatesError } from './statesError';
import { looksLikeIntrinsic } from '../core/expressions/intrinsics';
import { compileIntrinsic, evaluateIntrinsic } from './intrinsicsEval';

type Obj = Record<string, unknown>;

export interface StateOutcome {
  output: unknown;
  /** Undefined when the state ends its block. */
  next?: string;
  /** The state's Exited event (the next state's Entered follows it). */
  exitEvent?: number;
}

export interface StateRun {
  frame: Frame;
  name: string;
  state: Obj;
  type: string;
  language: 'JSONPath' | 'JSONata';
  input: unknown;
  context: Obj;
  attempt: number;
  /** The state's Entered event: its Task, Map and Parallel events follow it. */
  entered?: number;
}

const nextOf = (state: Obj): string | undefined => (state.End === true ? undefined : (state.Next as string | undefined));

/**
 * Runs one attempt of one state (no Retry/Catch here). A JSONPath state that does not wait (Pass, Choice,
 * Succeed, Fail) returns its outcome, or throws, synchronously; the others return a promise.
 */
export function runState(ex: Execution, run: StateRun): StateOutcome | Promise<StateOutcome> {
  return run.language === 'JSONata' ? runJsonata(ex, run) : runJsonPath(ex, run);
}

function runJsonPath(ex: Execution, run: StateRun): StateOutcome | Promise<StateOutcome> {
  const { state, frame, input, context, type } = run;
  const services = ex.options.services;
  const variables = frame.variables.all();
  const roots = { context, variables };
  const effective = () => {
    const selected = ex.select(state.InputPath, input, roots, 'InputPath');
    return state.Parameters === undefined ? selected : evaluateTemplate(state.Parameters, { data: selected, ...roots }, services, 'Parameters');
  };
  const finish = (result: unknown, assignFrom: unknown, next: string | undefined): StateOutcome => {
    if (state.Assign !== undefined) frame.variables.assign(evaluateTemplate(state.Assign, { data: assignFrom, ...roots }, services, 'Assign') as Obj);
    const merged = state.ResultPath === null ? input : state.ResultPath === undefined ? result : setAtPath(input, String(state.ResultPath), result);
    return { output: ex.select(state.OutputPath, merged, roots, 'OutputPath'), next };
  };
  const selectResult = (raw: unknown) => (state.ResultSelector ? evaluateTemplate(state.ResultSelector, { data: raw, ...roots }, services, 'ResultSelector') : raw);

  switch (type) {
    case 'Pass': {
      const result = state.Result !== undefined ? state.Result : effective();
      return finish(result, result, nextOf(state));
    }
    case 'Task':
      return (async () => {
        const raw = await invokeTask(ex, run, effective());
        return finish(selectResult(raw), raw, nextOf(state));
      })();
    case 'Parallel':
      return (async () => {
        const raw = await runParallel(ex, run, effective());
        return finish(selectResult(raw), raw, nextOf(state));
      })();
    case 'Map': return (async () => {
      const selected = ex.select(state.InputPath, input, roots, 'InputPath');
      const reader = state.ItemReader as Obj | undefined;
      const items = reader
        ? await readItems(ex, run, reader, reader.Parameters === undefined ? {} : evaluateTemplate(reader.Parameters, { data: selected, ...roots }, services, 'ItemReader.Parameters'))
        : ex.select(state.ItemsPath ?? '$', selected, roots, 'ItemsPath');
      const selector = state.ItemSelector ?? state.Parameters;
      const batcher = state.ItemBatcher as Obj | undefined;
      const batchInput = batcher?.BatchInput === undefined ? undefined : evaluateTemplate(batcher.BatchInput, { data: selected, ...roots }, services, 'BatchInput');
      const maxConcurrency = state.MaxConcurrencyPath === undefined ? state.MaxConcurrency : ex.select(state.MaxConcurrencyPath, selected, roots, 'MaxConcurrencyPath');
      const raw = await runMap(ex, run, items, (item, index) =>
        selector === undefined ? item : evaluateTemplate(selector, { data: selected, ...roots, context: { ...context, Map: { Item: { Index: index, Value: item } } } }, services, 'ItemSelector'),
      { batchInput, maxConcurrency });
      return finish(selectResult(raw), raw, nextOf(state));
    })();
    case 'Choice': {
      const selected = ex.select(state.InputPath, input, roots, 'InputPath');
      const choices = (state.Choices as Obj[]) ?? [];
      const ruleIndex = choices.findIndex((r) => ruleMatches(r, { data: selected, ...roots }));
      const rule = ruleIndex >= 0 ? choices[ruleIndex] : undefined;
      ex.options.onTrace?.({ kind: 'choice', state: run.name, index: ruleIndex });
      const next = (rule?.Next ?? state.Default) as string | undefined;
      if (next === undefined) throw new StatesError('States.NoChoiceMatched', `No Choice rule matched and no Default is set in state '${run.name}'`);
      const assign = rule?.Assign ?? (rule ? undefined : state.Assign);
      if (assign !== undefined) frame.variables.assign(evaluateTemplate(assign, { data: selected, ...roots }, services, 'Assign') as Obj);
      return { output: ex.select(state.OutputPath, selected, roots, 'OutputPath'), next };
    }
    case 'Wait': return (async () => {
      const selected = ex.select(state.InputPath, input, roots, 'InputPath');
      await wait(ex, state.Seconds ?? (state.SecondsPath ? ex.select(state.SecondsPath, selected, roots, 'SecondsPath') : undefined),
        state.Timestamp ?? (state.TimestampPath ? ex.select(state.TimestampPath, selected, roots, 'TimestampPath') : undefined));
      if (state.Assign !== undefined) frame.variables.assign(evaluateTemplate(state.Assign, { data: selected, ...roots }, services, 'Assign') as Obj);
      return { output: ex.select(state.OutputPath, selected, roots, 'OutputPath'), next: nextOf(state) };
    })();
    case 'Succeed':
      return { output: ex.select(state.OutputPath, ex.select(state.InputPath, input, roots, 'InputPath'), roots, 'OutputPath') };
    case 'Fail': {
      const pick = (literal: unknown, path: unknown) => {
        if (literal !== undefined) return String(literal);
        if (typeof path !== 'string') return undefined;
        const value = looksLikeIntrinsic(path) ? evaluateIntrinsic(compileIntrinsic(path), { data: input, ...roots }, services) : ex.select(path, input, roots, 'ErrorPath');
        return typeof value === 'string' ? value : JSON.stringify(value);
      };
      throw new StatesError(pick(state.Error, state.ErrorPath) ?? 'States.Fail', pick(state.Cause, state.CausePath) ?? '');
    }
  }
  throw new StatesError('States.Runtime', `Unknown state type '${type}'`);
}

async function runJsonata(ex: Execution, run: StateRun): Promise<StateOutcome> {
  const { state, frame, input, context, type } = run;
  const variables = frame.variables.all();
  const bindings = { states: { input, context }, variables };
  const finish = async (result: unknown, next: string | undefined, assign = state.Assign, output = state.Output): Promise<StateOutcome> => {
    const withResult = { states: { input, context, result }, variables };
    const [out, assigned] = await Promise.all([
      output === undefined ? result : ex.jsonata(output, withResult, 'Output'),
      assign === undefined ? undefined : ex.jsonata(assign, withResult, 'Assign'),
    ]);
    if (assigned) frame.variables.assign(assigned as Obj);
    return { output: out, next };
  };
  const args = async () => (state.Arguments === undefined ? input : ex.jsonata(state.Arguments, bindings, 'Arguments'));
  switch (type) {
    case 'Pass':
      return finish(input, nextOf(state));
    case 'Task':
      return finish(await invokeTask(ex, run, await args()), nextOf(state));
    case 'Parallel':
      return finish(await runParallel(ex, run, await args()), nextOf(state));
    case 'Map': {
      const reader = state.ItemReader as Obj | undefined;
      const items = reader
        ? await readItems(ex, run, reader, reader.Arguments === undefined ? {} : await ex.jsonata(reader.Arguments, bindings, 'ItemReader.Arguments'))
        : state.Items === undefined ? input : await ex.jsonata(state.Items, bindings, 'Items');
      const batcher = state.ItemBatcher as Obj | undefined;
      const batchInput = batcher?.BatchInput === undefined ? undefined : await ex.jsonata(batcher.BatchInput, bindings, 'BatchInput');
      const maxConcurrency = await ex.jsonata(state.MaxConcurrency, bindings, 'MaxConcurrency');
      const raw = await runMap(ex, run, items, (item, index) =>
        state.ItemSelector === undefined ? item : ex.jsonata(state.ItemSelector, { states: { input, context: { ...context, Map: { Item: { Index: index, Value: item } } } }, variables }, 'ItemSelector'),
      { batchInput, maxConcurrency });
      return finish(raw, nextOf(state));
    }
    case 'Choice': {
      const choices = (state.Choices as Obj[]) ?? [];
      for (let index = 0; index < choices.length; index++) {
        const rule = choices[index];
        const condition = typeof rule.Condition === 'string' ? await evaluateJsonata(rule.Condition.slice(2, -2), bindings, ex.options.services, 'Condition') : rule.Condition;
        if (typeof condition !== 'boolean') throw new StatesError('States.QueryEvaluationError', `The Condition of a Choice rule in '${run.name}' did not return a boolean`);
        if (condition) {
          ex.options.onTrace?.({ kind: 'choice', state: run.name, index });
          return finish(input, String(rule.Next), rule.Assign, rule.Output);
        }
      }
      ex.options.onTrace?.({ kind: 'choice', state: run.name, index: -1 });
      if (state.Default === undefined) throw new StatesError('States.NoChoiceMatched', `No Choice rule matched and no Default is set in state '${run.name}'`);
      return finish(input, String(state.Default));
    }
    case 'Wait':
      await wait(ex, await ex.jsonata(state.Seconds, bindings, 'Seconds'), await ex.jsonata(state.Timestamp, bindings, 'Timestamp'));
      return finish(input, nextOf(state));
    case 'Succeed':
      return { output: state.Output === undefined ? input : await ex.jsonata(state.Output, bindings, 'Output') };
    case 'Fail': {
      const error = state.Error === undefined ? 'States.Fail' : String(await ex.jsonata(state.Error, bindings, 'Error'));
      const cause = state.Cause === undefined ? '' : String(await ex.jsonata(state.Cause, bindings, 'Cause'));
      throw new StatesError(error, cause);
    }
  }
  throw new StatesError('States.Runtime', `Unknown state type '${type}'`);
}

async function wait(ex: Execution, seconds: unknown, timestamp: unknown): Promise<void> {
  let ms = 0;
  if (typeof seconds === 'number') {
    if (seconds < 0 || !Number.isFinite(seconds)) throw new StatesError('States.Runtime', `Wait seconds must be a non-negative number, not ${seconds}`);
    ms = seconds * 1000;
  } else if (typeof timestamp === 'string') {
    const at = Date.parse(timestamp);
    if (Number.isNaN(at)) throw new StatesError('States.Runtime', `'${timestamp}' is not a valid timestamp`);
    ms = Math.max(0, at - ex.options.clock.now());
  } else if (seconds !== undefined || timestamp !== undefined) {
    throw new StatesError('States.Runtime', 'The Wait duration must be a number of seconds or a timestamp string');
  }
  await ex.sleep(ms);
}

/** Calls the task (mock or handler) with TaskScheduled/Started/Succeeded/Failed events and Task timeouts. */
async function invokeTask(ex: Execution, run: StateRun, taskInput: unknown): Promise<unknown> {
  const resource = String(run.state.Resource);
  const parameters = JSON.stringify(taskInput) ?? 'null';
  checkDataLimit('The input of task', run.name, taskInput, parameters);
  const scheduled = ex.emit('TaskScheduled', { taskScheduledEventDetails: { resource, region: 'us-east-1', parameters, resourceType: resourceType(resource) } }, run.entered);
  const started = ex.emit('TaskStarted', { taskStartedEventDetails: { resource } }, scheduled);
  const context = resource.endsWith('.waitForTaskToken') ? { ...run.context, Task: { Token: `local-task-token-${scheduled}` } } : run.context;
  const call = ex.options.invokeTask({ stateName: run.name, resource, input: taskInput, context, attempt: run.attempt });
  try {
    const result = ex.options.clock.real ? await withTimeouts(ex, run, call) : await call;
    const text = JSON.stringify(result) ?? 'null';
    checkDataLimit('The result of task', run.name, result, text);
    ex.emit('TaskSucceeded', { taskSucceededEventDetails: { resource, output: text } }, started);
    return result;
  } catch (error) {
    const e = error instanceof StatesError ? error : new StatesError(errorName(error), error instanceof Error ? error.message : String(error));
    ex.emit(e.error === 'States.Timeout' ? 'TaskTimedOut' : 'TaskFailed', { taskFailedEventDetails: { resource, error: e.error, cause: e.causeText } }, started);
    throw e;
  }
}

/**
 * With a real clock, TimeoutSeconds and HeartbeatSeconds fire (asl-reference §5.1): local tasks send no
 * heartbeats, so a task running past HeartbeatSeconds fails with States.HeartbeatTimeout.
 */
async function withTimeouts(ex: Execution, run: StateRun, call: Promise<unknown>): Promise<unknown> {
  const timeout = typeof run.state.TimeoutSeconds === 'number' ? run.state.TimeoutSeconds : undefined;
  const heartbeat = typeof run.state.HeartbeatSeconds === 'number' ? run.state.HeartbeatSeconds : undefined;
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
