import { Execution, asStatesError } from './execution';
import { rootsOver, setAtPath } from './jsonPathEval';
import { evaluateTemplate } from './payloadTemplate';
import { runState } from './runState';
import { errorMatches } from './statesError';
import type { RunOptions } from './types';
import { testStateSteps, type TestStateStep } from './testStateSteps';
import { VariableScope } from './variables';
import { getOwn } from '../core/document/ownProps';

type Obj = Record<string, unknown>;

/** What AWS's TestState API answers: status, output or error, the next state, and each processing step. */
export interface TestStateResult {
  status: 'SUCCEEDED' | 'FAILED' | 'RETRIABLE' | 'CAUGHT_ERROR';
  output?: unknown;
  error?: string;
  cause?: string;
  nextState?: string;
  inspectionData: {
    input: unknown;
    afterInputPath?: unknown;
    afterParameters?: unknown;
    result?: unknown;
    afterResultSelector?: unknown;
    afterResultPath?: unknown;
    /** JSONata: the Task's Arguments, evaluated. */
    afterArguments?: unknown;
    variables: Record<string, unknown>;
  };
  steps: TestStateStep[];
}

/** Finds a state anywhere in the machine (names are unique machine-wide) with the States block holding it. */
export function findState(definition: unknown, name: string): { state: Obj; block: Obj } | undefined {
  const visit = (block: Obj): { state: Obj; block: Obj } | undefined => {
    const states = (block.States ?? {}) as Record<string, Obj>;
    const state = getOwn<Obj>(states, name);
    if (state && typeof state === 'object') return { state, block };
    for (const s of Object.values(states)) {
      for (const child of [...((s.Branches as Obj[]) ?? []), s.ItemProcessor as Obj, s.Iterator as Obj]) {
        const found = child && typeof child === 'object' ? visit(child) : undefined;
        if (found) return found;
      }
    }
    return undefined;
  };
  return definition && typeof definition === 'object' ? visit(definition as Obj) : undefined;
}

/**
 * Runs one state alone, like AWS's TestState API: no retries (a matching retrier gives RETRIABLE), a matching
 * catcher gives CAUGHT_ERROR with its next state, and JSONPath states report every step of input and output
 * processing (as far as the state got when it failed). `steps` holds the same as rows for the Test State view.
 */
export async function testState(options: RunOptions & { stateName: string; variables?: Record<string, unknown> }): Promise<TestStateResult> {
  const found = findState(options.definition, options.stateName);
  if (!found) throw new Error(`No state named '${options.stateName}' in this definition`);
  const { state, block } = found;
  const definition = options.definition as Obj;
  const language = state.QueryLanguage === 'JSONata' || (state.QueryLanguage === undefined && definition.QueryLanguage === 'JSONata') ? 'JSONata' : 'JSONPath';
  let rawResult: unknown;
  let taskInput: unknown;
  const recording: RunOptions['invokeTask'] = async (request) => {
    taskInput = request.input;
    rawResult = await options.invokeTask(request);
    return rawResult;
  };
  const execution = new Execution({ ...options, invokeTask: recording, recordEvents: false });
  const variables = new VariableScope();
  variables.assign(options.variables ?? {}, options.stateName);
  const variablesBefore = variables.all();
  const context = { ...execution.context, State: { EnteredTime: execution.contextIso(), Name: options.stateName, RetryCount: 0 } };
  const inspection: TestStateResult['inspectionData'] = { input: options.input, variables: variablesBefore };
  const finish = (result: Omit<TestStateResult, 'inspectionData' | 'steps'>, succeeded: boolean): TestStateResult => {
    if (language === 'JSONPath') fillJsonPathSteps(state, options.input, rawResult, taskInput, inspection, { context, variables: variablesBefore }, execution);
    else {
      if (taskInput !== undefined) inspection.afterArguments = taskInput;
      if (rawResult !== undefined) inspection.result = rawResult;
    }
    inspection.variables = variables.all();
    const steps = testStateSteps(state, language, {
      ...inspection,
      output: result.output,
      hasOutput: succeeded,
      variablesBefore,
      variablesAfter: inspection.variables,
    });
    return { ...result, inspectionData: inspection, steps };
  };
  try {
    const outcome = await runState(execution, {
      frame: { block, variables, queryLanguage: language },
      name: options.stateName,
      state,
      type: String(state.Type),
      language,
      input: options.input,
      context,
      attempt: 0,
    });
    return finish({ status: 'SUCCEEDED', output: outcome.output, nextState: outcome.next }, true);
  } catch (error) {
    const e = asStatesError(error);
    if (((state.Retry as Obj[]) ?? []).some((r) => errorMatches((r.ErrorEquals as string[]) ?? [], e.error))) {
      return finish({ status: 'RETRIABLE', error: e.error, cause: e.causeText }, false);
    }
    const catcher = ((state.Catch as Obj[]) ?? []).find((c) => errorMatches((c.ErrorEquals as string[]) ?? [], e.error));
    if (catcher) {
      const errorOutput = { Error: e.error, Cause: e.causeText };
      const output = language === 'JSONPath' && catcher.ResultPath !== null ? setAtPath(options.input, typeof catcher.ResultPath === 'string' ? catcher.ResultPath : '$', errorOutput) : catcher.ResultPath === null ? options.input : errorOutput;
      return finish({ status: 'CAUGHT_ERROR', error: e.error, cause: e.causeText, output, nextState: String(catcher.Next) }, false);
    }
    return finish({ status: 'FAILED', error: e.error, cause: e.causeText }, false);
  }
}

/**
 * Recomputes the JSONPath processing steps for the inspection data (the same helpers the run used), each only as
 * far as it can go: a step that throws (the error the run reported) leaves it and the later ones out.
 */
function fillJsonPathSteps(state: Obj, input: unknown, raw: unknown, taskInput: unknown, out: TestStateResult['inspectionData'], roots: { context: unknown; variables: Record<string, unknown> }, ex: Execution): void {
  const services = ex.options.services;
  try {
    const afterInputPath = ex.select(state.InputPath, input, roots);
    out.afterInputPath = afterInputPath;
    if (!['Task', 'Pass', 'Parallel', 'Map'].includes(String(state.Type))) return;
    const template = state.Type === 'Map' ? (state.ItemSelector ?? state.Parameters) : state.Parameters;
    // A Task's effective input is what the task received; recomputing it would run intrinsics such as UUID again.
    out.afterParameters = taskInput !== undefined ? taskInput : template === undefined || state.Type === 'Map' ? afterInputPath : evaluateTemplate(template, rootsOver(afterInputPath, roots), services, 'Parameters');
    const result = state.Type === 'Pass' ? (state.Result !== undefined ? state.Result : out.afterParameters) : raw;
    if (result === undefined) return;
    out.result = result;
    out.afterResultSelector = state.ResultSelector && state.Type !== 'Pass' ? evaluateTemplate(state.ResultSelector, rootsOver(result, roots), services, 'ResultSelector') : result;
    out.afterResultPath = state.ResultPath === null ? input : state.ResultPath === undefined ? out.afterResultSelector : setAtPath(input, String(state.ResultPath), out.afterResultSelector);
  } catch {
    // The run failed at this step; what was computed so far stays.
  }
}
