import type { Execution, Frame } from './execution';
import { evaluateJsonata } from './jsonataEval';
import { assignAndOutput, choiceSteps, choose, effectiveInputSteps, finish, finishSteps, nextOf, passSteps, selectResult, stopAfter, type Roots } from './jsonPathSteps';
import { rootsOver } from './jsonPathEval';
import { readItems } from './itemReader';
import { isRfc3339Timestamp } from '../core/spec/rfc3339';
import { jsonataMapLimits, jsonPathMapLimits } from './mapLimits';
import { invokeTask } from './invokeTask';
import { runMap, runParallel } from './runNested';
import { evaluateTemplate } from './payloadTemplate';
import { asOwnCause, StatesError } from './statesError';
import { looksLikeIntrinsic } from '../core/expressions/intrinsics';
import { compileIntrinsic, evaluateIntrinsic } from './intrinsicsEval';

type Obj = Record<string, unknown>;

export interface StateOutcome {
  output: unknown;
  /** Undefined when the state ends its block. */
  next?: string;
  /** The state's Exited event (the next state's Entered follows it). */
  exitEvent?: number;
  /** The output's JSON when its Exited event carried it (the next Entered event carries the same). */
  outputText?: string;
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
  /** Once an attempt failed and a retrier matched: the attempts each retrier has used (shared by later attempts). */
  retriesUsed?: number[];
  /** The state's Entered event: its Task, Map and Parallel events follow it. */
  entered?: number;
  /**
   * The input's JSON when its Entered event carried it. Payloads are never changed in place, so an output that is
   * the input itself (a Pass, Choice or Wait passing it on) has the same JSON: its Exited event reuses it.
   */
  inputText?: string;
}

/**
 * Runs one attempt of one state (no Retry/Catch here). A JSONPath state that does not wait (Pass, Choice,
 * Succeed, Fail) returns its outcome, or throws, synchronously; the others return a promise. With a debugger
 * attached, a stop is offered after each processing step the state has (jsonPathSteps.ts, `debugSteps` below);
 * Pass and Choice take that slower path only while the debugger is stepping or pausing.
 */
export function runState(ex: Execution, run: StateRun): StateOutcome | Promise<StateOutcome> {
  return run.language === 'JSONata' ? runJsonata(ex, run) : runJsonPath(ex, run);
}

/** InputPath, then Parameters: what a Pass, Task or Parallel state works on. */
function effectiveInput(ex: Execution, state: Obj, input: unknown, roots: Roots): unknown {
  const selected = ex.select(state.InputPath, input, roots);
  return state.Parameters === undefined ? selected : evaluateTemplate(state.Parameters, rootsOver(selected, roots), ex.options.services, 'Parameters');
}

function runJsonPath(ex: Execution, run: StateRun): StateOutcome | Promise<StateOutcome> {
  const { state, frame, input, context, type } = run;
  const services = ex.options.services;
  const variables = frame.variables.all();
  const roots: Roots = { context, variables };

  switch (type) {
    case 'Pass': {
      if (ex.options.debug?.wantsSteps(frame)) return passSteps(ex, run, roots);
      const result = state.Result !== undefined ? state.Result : effectiveInput(ex, state, input, roots);
      return finish(ex, run, roots, result, result, nextOf(state));
    }
    case 'Task':
    case 'Parallel':
      if (ex.options.debug === undefined) {
        // Chained, not awaited: a failed attempt passes its rejection on without raising it again here; it
        // settles on the same microtask as an async function awaiting the call would.
        let called: Promise<unknown>;
        try {
          const args = effectiveInput(ex, state, input, roots);
          called = type === 'Task' ? invokeTask(ex, run, args) : runParallel(ex, run, args);
        } catch (error) {
          return Promise.reject(error);
        }
        return called.then((raw) => finish(ex, run, roots, selectResult(ex, state, roots, raw), raw, nextOf(state)));
      }
      return (async () => {
        // With a debugger: the same awaits, and a stop offered between the steps (awaited only when it holds the
        // state, so a run that does not stop interleaves its branches as a run without a debugger does).
        let args = effectiveInputSteps(ex, run, roots, true);
        if (args instanceof Promise) args = await args;
        const raw = await (type === 'Task' ? invokeTask(ex, run, args) : runParallel(ex, run, args));
        const held = stopAfter(ex, run, 'result', raw);
        if (held !== undefined) await held;
        return finishSteps(ex, run, roots, raw, nextOf(state));
      })();
    case 'Map': return (async () => {
      const debug = ex.options.debug;
      const selected = ex.select(state.InputPath, input, roots);
      let held = debug !== undefined && state.InputPath !== undefined ? stopAfter(ex, run, 'inputPath', selected) : undefined;
      if (held !== undefined) await held;
      const reader = state.ItemReader as Obj | undefined;
      const items = reader
        ? await readItems(ex, run, reader, reader.Parameters === undefined ? {} : evaluateTemplate(reader.Parameters, rootsOver(selected, roots), services, 'ItemReader.Parameters'))
        : mapItems(ex.select(state.ItemsPath ?? '$', selected, roots));
      const selector = state.ItemSelector ?? state.Parameters;
      const batcher = state.ItemBatcher as Obj | undefined;
      const batchInput = batcher?.BatchInput === undefined ? undefined : evaluateTemplate(batcher.BatchInput, rootsOver(selected, roots), services, 'BatchInput');
      const limits = jsonPathMapLimits(state, (path) => ex.select(path, selected, roots));
      held = stopAfter(ex, run, 'effectiveInput', items);
      if (held !== undefined) await held;
      const raw = await runMap(ex, run, items, (item, index) =>
        selector === undefined ? item : evaluateTemplate(selector, rootsOver(selected, { context: { ...context, Map: { Item: { Index: index, Value: item } } }, variables: roots.variables }), services, 'ItemSelector'),
      { batchInput, ...limits, itemsWithinLimit: !reader && debug === undefined });
      if (debug === undefined) return finish(ex, run, roots, selectResult(ex, state, roots, raw), raw, nextOf(state));
      held = stopAfter(ex, run, 'result', raw);
      if (held !== undefined) await held;
      return finishSteps(ex, run, roots, raw, nextOf(state));
    })();
    case 'Choice': {
      if (ex.options.debug?.wantsSteps(frame)) return choiceSteps(ex, run, roots);
      const { selected, next, assign } = choose(ex, run, roots);
      if (assign !== undefined) frame.variables.assign(evaluateTemplate(assign, rootsOver(selected, roots), services, 'Assign') as Obj, run.name);
      return { output: ex.select(state.OutputPath, selected, roots), next };
    }
    case 'Wait': return (async () => {
      const selected = ex.select(state.InputPath, input, roots);
      const held = state.InputPath !== undefined ? stopAfter(ex, run, 'inputPath', selected) : undefined;
      if (held !== undefined) await held;
      await wait(ex, state, state.Seconds ?? (state.SecondsPath ? ex.select(state.SecondsPath, selected, roots) : undefined),
        state.Timestamp ?? (state.TimestampPath ? ex.select(state.TimestampPath, selected, roots) : undefined), 'JSONPath');
      return assignAndOutput(ex, run, roots, selected, state.Assign, nextOf(state));
    })();
    case 'Succeed':
      return { output: ex.select(state.OutputPath, ex.select(state.InputPath, input, roots), roots) };
    case 'Fail': {
      const pick = (literal: unknown, path: unknown) => {
        if (literal !== undefined) return String(literal);
        if (typeof path !== 'string') return undefined;
        const value = looksLikeIntrinsic(path) ? evaluateIntrinsic(compileIntrinsic(path), rootsOver(input, roots), services) : ex.select(path, input, roots);
        return typeof value === 'string' ? value : JSON.stringify(value);
      };
      throw asOwnCause(new StatesError(pick(state.Error, state.ErrorPath) ?? 'States.Fail', pick(state.Cause, state.CausePath) ?? ''));
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
    if (ex.options.debug?.wantsSteps(frame)) {
      // Stepping: one at a time, a stop offered after each (both read the variables as they were before Assign).
      const out = output === undefined ? result : await ex.jsonata(output, withResult, 'Output');
      if (output !== undefined) await stopAfter(ex, run, 'output', out);
      if (assign !== undefined) {
        const assigned = (await ex.jsonata(assign, withResult, 'Assign')) as Obj;
        frame.variables.assign(assigned, run.name);
        await stopAfter(ex, run, 'assign', assigned);
      }
      return { output: out, next };
    }
    // Most states have no Assign: their Output is awaited alone, without an array and a Promise.all each.
    if (assign === undefined) return { output: output === undefined ? result : await ex.jsonata(output, withResult, 'Output'), next };
    const [out, assigned] = await Promise.all([
      output === undefined ? result : ex.jsonata(output, withResult, 'Output'),
      ex.jsonata(assign, withResult, 'Assign'),
    ]);
    if (assigned) frame.variables.assign(assigned as Obj, run.name);
    return { output: out, next };
  };
  const args = async () => (state.Arguments === undefined ? input : ex.jsonata(state.Arguments, bindings, 'Arguments'));
  switch (type) {
    case 'Pass':
      return finish(input, nextOf(state));
    case 'Task':
      if (ex.options.debug !== undefined) return debugSteps(ex, run, await args(), (a) => invokeTask(ex, run, a), (raw) => finish(raw, nextOf(state)));
      return finish(await invokeTask(ex, run, await args()), nextOf(state));
    case 'Parallel':
      if (ex.options.debug !== undefined) return debugSteps(ex, run, await args(), (a) => runParallel(ex, run, a), (raw) => finish(raw, nextOf(state)));
      return finish(await runParallel(ex, run, await args()), nextOf(state));
    case 'Map': {
      const reader = state.ItemReader as Obj | undefined;
      const items = reader
        ? await readItems(ex, run, reader, reader.Arguments === undefined ? {} : await ex.jsonata(reader.Arguments, bindings, 'ItemReader.Arguments'))
        : state.Items === undefined ? mapItems(input) : mapItems(await ex.jsonata(state.Items, bindings, 'Items'), state.Items);
      const batcher = state.ItemBatcher as Obj | undefined;
      const batchInput = batcher?.BatchInput === undefined ? undefined : await ex.jsonata(batcher.BatchInput, bindings, 'BatchInput');
      const limits = await jsonataMapLimits(state, (value, field) => ex.jsonata(value, bindings, field));
      let held = stopAfter(ex, run, 'effectiveInput', items);
      if (held !== undefined) await held;
      const raw = await runMap(ex, run, items, (item, index) =>
        state.ItemSelector === undefined ? item : ex.jsonata(state.ItemSelector, { states: { input, context: { ...context, Map: { Item: { Index: index, Value: item } } } }, variables }, 'ItemSelector'),
      { batchInput, ...limits, itemsWithinLimit: !reader && state.Items === undefined && ex.options.debug === undefined });
      held = stopAfter(ex, run, 'result', raw);
      if (held !== undefined) await held;
      return finish(raw, nextOf(state));
    }
    case 'Choice': {
      const choices = (state.Choices as Obj[]) ?? [];
      for (let index = 0; index < choices.length; index++) {
        const rule = choices[index];
        const condition = typeof rule.Condition === 'string' ? await evaluateJsonata(rule.Condition.slice(2, -2), { ...bindings, now: ex.options.clock.now() }, ex.options.services, 'Condition') : rule.Condition;
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
      await wait(ex, state, await ex.jsonata(state.Seconds, bindings, 'Seconds'), await ex.jsonata(state.Timestamp, bindings, 'Timestamp'), 'JSONata');
      return finish(input, nextOf(state));
    case 'Succeed':
      return { output: state.Output === undefined ? input : await ex.jsonata(state.Output, bindings, 'Output') };
    case 'Fail': {
      const error = state.Error === undefined ? 'States.Fail' : String(await ex.jsonata(state.Error, bindings, 'Error'));
      const cause = state.Cause === undefined ? '' : String(await ex.jsonata(state.Cause, bindings, 'Cause'));
      throw asOwnCause(new StatesError(error, cause));
    }
  }
  throw new StatesError('States.Runtime', `Unknown state type '${type}'`);
}

/**
 * A JSONata Task or Parallel with a debugger attached: the same steps as the plain path, with a stop offered after
 * the effective input (Arguments) and after the result; `finish` offers them after Output and Assign.
 */
async function debugSteps(ex: Execution, run: StateRun, effectiveInput: unknown, act: (input: unknown) => Promise<unknown>, finish: (raw: unknown) => Promise<StateOutcome>): Promise<StateOutcome> {
  let held = stopAfter(ex, run, 'effectiveInput', effectiveInput);
  if (held !== undefined) await held;
  const raw = await act(effectiveInput);
  held = stopAfter(ex, run, 'result', raw);
  if (held !== undefined) await held;
  const outcome = await finish(raw);
  return outcome;
}

/**
 * A Map's items must be an array: `States.QueryEvaluationError` otherwise (issue 14, AWS's answers recorded in
 * corpus/aws-recorded-messages.json: "The JSONata expression '1' specified for the field 'Items' returned an
 * unexpected result type. Expected 'array', but was 'number' for value: 1"; JSONPath: "Map state input must be an
 * array but was: 1").
 */
function mapItems(items: unknown, expression?: unknown): unknown[] {
  if (Array.isArray(items)) return items;
  const type = items === null ? 'null' : typeof items;
  const shown = JSON.stringify(items) ?? String(items);
  if (typeof expression === 'string' && expression.startsWith('{%') && expression.endsWith('%}')) {
    throw new StatesError('States.QueryEvaluationError', `The JSONata expression '${expression.slice(2, -2).trim()}' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was '${type}' for value: ${shown}`);
  }
  throw new StatesError('States.QueryEvaluationError', `Map state input must be an array but was: ${shown}`);
}

/**
 * Waits for `seconds` or until `timestamp`. A value read at run time that is not a non-negative integer number of
 * seconds, or not an RFC 3339 timestamp, fails: `States.Runtime` naming the `*Path` field in JSONPath (issue 14),
 * `States.QueryEvaluationError` for a JSONata expression (asl-reference §0.3).
 */
async function wait(ex: Execution, state: Obj, seconds: unknown, timestamp: unknown, language: 'JSONPath' | 'JSONata'): Promise<void> {
  const bad = (field: string, what: string, value: unknown): never => {
    const shown = JSON.stringify(value) ?? String(value);
    const raw = state[field];
    if (language === 'JSONata' && typeof raw === 'string') {
      throw new StatesError('States.QueryEvaluationError', `The JSONata expression '${raw.slice(2, -2).trim()}' specified for the field '${field}' returned an unexpected result: expected ${what}, but was: ${shown}`);
    }
    throw new StatesError('States.Runtime', `The value of the field '${state[`${field}Path`] !== undefined ? `${field}Path` : field}' must be ${what}, but was: ${shown}`);
  };
  let ms = 0;
  if (seconds !== undefined) {
    if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 0 || seconds > 99999999) bad('Seconds', 'a non-negative integer (at most 99999999)', seconds);
    ms = (seconds as number) * 1000;
  } else if (timestamp !== undefined) {
    if (typeof timestamp !== 'string' || !isRfc3339Timestamp(timestamp)) bad('Timestamp', 'an RFC 3339 timestamp such as "2026-01-31T12:00:00Z"', timestamp);
    ms = Math.max(0, Date.parse(timestamp as string) - ex.options.clock.now());
  }
  await ex.sleep(ms);
}
