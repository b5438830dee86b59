import { ruleMatches } from './choice';
import type { DebugStep } from './debugHooks';
import type { Execution } from './execution';
import { rootsOver, setAtPath } from './jsonPathEval';
import { evaluateTemplate } from './payloadTemplate';
import type { StateOutcome, StateRun } from './runState';
import { StatesError } from './statesError';

type Obj = Record<string, unknown>;

/** What JSONPath expressions read besides the data: `$$` and the variables visible at the state's start. */
export interface Roots {
  context: Obj;
  variables: Record<string, unknown>;
}

export const nextOf = (state: Obj): string | undefined => (state.End === true ? undefined : (state.Next as string | undefined));

type Maybe<T> = T | Promise<T>;

/**
 * Offers the attached debugger a stop after a processing step (DebugHooks.step): a promise only when it holds the
 * state there. Callers await only that promise, so a run that does not stop takes no extra microtask turn and its
 * concurrent branches interleave exactly as in `asl run` (test/dap/faithfulRuns.test.ts compares the histories).
 */
export function stopAfter(ex: Execution, run: StateRun, step: DebugStep, value: unknown): Promise<void> | undefined {
  return ex.options.debug?.step(run, step, value);
}

/** `next(value)` at once when the value is there, else once it is. */
export function then<T, U>(value: Maybe<T>, next: (value: T) => Maybe<U>): Maybe<U> {
  return value instanceof Promise ? value.then(next) : next(value);
}

/** `next()` at once when nothing holds the state, else once the debugger lets it go on. */
function after<T>(held: Promise<void> | undefined, next: () => Maybe<T>): Maybe<T> {
  return held === undefined ? next() : held.then(next);
}

export function selectResult(ex: Execution, state: Obj, roots: Roots, raw: unknown): unknown {
  return state.ResultSelector ? evaluateTemplate(state.ResultSelector, rootsOver(raw, roots), ex.options.services, 'ResultSelector') : raw;
}

function assign(ex: Execution, run: StateRun, roots: Roots, from: unknown, template: unknown): Obj {
  const assigned = evaluateTemplate(template, rootsOver(from, roots), ex.options.services, 'Assign') as Obj;
  run.frame.variables.assign(assigned, run.name);
  return assigned;
}

/** Assign, ResultPath and OutputPath once a state has its result. */
export function finish(ex: Execution, run: StateRun, roots: Roots, result: unknown, assignFrom: unknown, next: string | undefined): StateOutcome {
  const { state, input } = run;
  if (state.Assign !== undefined) assign(ex, run, roots, assignFrom, state.Assign);
  const merged = state.ResultPath === null ? input : state.ResultPath === undefined ? result : setAtPath(input, String(state.ResultPath), result);
  return { output: ex.select(state.OutputPath, merged, roots), next };
}

/**
 * `finish` with a debugger attached: ResultSelector (from the raw result), Assign, ResultPath and OutputPath one
 * at a time, a stop offered after each one the state has (asl-reference §3 gives the order).
 */
export function finishSteps(ex: Execution, run: StateRun, roots: Roots, raw: unknown, next: string | undefined, selector = true): Maybe<StateOutcome> {
  const { state, input } = run;
  const result = selector ? selectResult(ex, state, roots, raw) : raw;
  return after(selector && state.ResultSelector ? stopAfter(ex, run, 'resultSelector', result) : undefined, () =>
    after(state.Assign !== undefined ? stopAfter(ex, run, 'assign', assign(ex, run, roots, raw, state.Assign)) : undefined, () => {
      const merged = state.ResultPath === null ? input : state.ResultPath === undefined ? result : setAtPath(input, String(state.ResultPath), result);
      return after(state.ResultPath !== undefined ? stopAfter(ex, run, 'resultPath', merged) : undefined, () => {
        const output = ex.select(state.OutputPath, merged, roots);
        return after(state.OutputPath !== undefined ? stopAfter(ex, run, 'output', output) : undefined, () => ({ output, next }));
      });
    }));
}

/** InputPath, then Parameters; a stop offered after each one the state has (after the effective input: `always`). */
export function effectiveInputSteps(ex: Execution, run: StateRun, roots: Roots, always: boolean): Maybe<unknown> {
  const { state, input } = run;
  const selected = ex.select(state.InputPath, input, roots);
  return after(state.InputPath !== undefined ? stopAfter(ex, run, 'inputPath', selected) : undefined, () => {
    const effective = state.Parameters === undefined ? selected : evaluateTemplate(state.Parameters, rootsOver(selected, roots), ex.options.services, 'Parameters');
    return after(always || state.Parameters !== undefined ? stopAfter(ex, run, 'effectiveInput', effective) : undefined, () => effective);
  });
}

/** A Pass state with a debugger stepping through it: the steps of `runJsonPath`'s Pass, each offered as a stop. */
export function passSteps(ex: Execution, run: StateRun, roots: Roots): Maybe<StateOutcome> {
  const { state } = run;
  if (state.Result !== undefined) return after(stopAfter(ex, run, 'result', state.Result), () => finishSteps(ex, run, roots, state.Result, nextOf(state), false));
  return then(effectiveInputSteps(ex, run, roots, false), (result) => finishSteps(ex, run, roots, result, nextOf(state), false));
}

/** The Choice rule that matches (InputPath applied first): where to go and what to assign; throws when none does. */
export function choose(ex: Execution, run: StateRun, roots: Roots): { selected: unknown; next: string; assign?: unknown } {
  const { state } = run;
  const selected = ex.select(state.InputPath, run.input, roots);
  const choices = (state.Choices as Obj[]) ?? [];
  const scope = rootsOver(selected, roots);
  const ruleIndex = choices.findIndex((r) => ruleMatches(r, scope));
  const rule = ruleIndex >= 0 ? choices[ruleIndex] : undefined;
  ex.options.onTrace?.({ kind: 'choice', state: run.name, index: ruleIndex });
  const next = (rule?.Next ?? state.Default) as string | undefined;
  if (next === undefined) throw new StatesError('States.NoChoiceMatched', `No Choice rule matched and no Default is set in state '${run.name}'`);
  return { selected, next, assign: rule?.Assign ?? (rule ? undefined : state.Assign) };
}

/** A Choice state with a debugger stepping through it: InputPath, the rule's Assign and OutputPath, each a stop. */
export function choiceSteps(ex: Execution, run: StateRun, roots: Roots): Maybe<StateOutcome> {
  const { state } = run;
  return after(state.InputPath !== undefined ? stopAfter(ex, run, 'inputPath', ex.select(state.InputPath, run.input, roots)) : undefined, () => {
    const { selected, next, assign: template } = choose(ex, run, roots);
    return assignAndOutput(ex, run, roots, selected, template, next);
  });
}

/** Assign and OutputPath of a Choice or Wait state (from its InputPath-selected input), a stop offered after each. */
export function assignAndOutput(ex: Execution, run: StateRun, roots: Roots, selected: unknown, template: unknown, next: string | undefined): Maybe<StateOutcome> {
  const { state } = run;
  return after(template !== undefined ? stopAfter(ex, run, 'assign', assign(ex, run, roots, selected, template)) : undefined, () => {
    const output = ex.select(state.OutputPath, selected, roots);
    return after(state.OutputPath !== undefined ? stopAfter(ex, run, 'output', output) : undefined, () => ({ output, next }));
  });
}
