import { Execution, asStatesError } from './execution';
import { setAtPath } from './jsonPathEval';
import { evaluateTemplate } from './payloadTemplate';
import { runState } from './runState';
import { errorMatches } from './statesError';
import type { RunOptions } from './types';
import { VariableScope } from './variables';

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
    variables: Record<string, unknown>;
  };
}

/** Finds a state anywhere in the machine (names are unique machine-wide) with the States block holding it. */
export function findState(definition: unknown, name: string): { state: Obj; block: Obj } | undefined {
  const visit = (block: Obj): { state: Obj; block: Obj } | undefined => {
    const states = (block.States ?? {}) as Record<string, Obj>;
    if (states[name]) return { state: states[name], block };
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
 * processing.
 */
export async function testState(options: RunOptions & { stateName: string; variables?: Record<string, unknown> }): Promise<TestStateResult> {
  const found = findState(options.definition, options.stateName);
  if (!found) throw new Error(`No state named '${options.stateName}' in this definition`);
  const { state, block } = found;
  const definition = options.definition as Obj;
  const language = state.QueryLanguage === 'JSONata' || (state.QueryLanguage === undefined && definition.QueryLanguage === 'JSONata') ? 'JSONata' : 'JSONPath';
  let rawResult: unknown;
  const recording: RunOptions['invokeTask'] = async (request) => {
    rawResult = await options.invokeTask(request);
    return rawResult;
  };
  const execution = new Execution({ ...options, invokeTask: recording, recordEvents: false });
  const variables = new VariableScope();
  variables.assign(options.variables ?? {});
  const context = { ...execution.context, State: { EnteredTime: execution.iso(), Name: options.stateName, RetryCount: 0 } };
  const inspection: TestStateResult['inspectionData'] = { input: options.input, variables: variables.all() };
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
    if (language === 'JSONPath') fillJsonPathSteps(state, options.input, rawResult, inspection, { context, variables: inspection.variables }, execution);
    inspection.variables = variables.all();
    return { status: 'SUCCEEDED', output: outcome.output, nextState: outcome.next, inspectionData: inspection };
  } catch (error) {
    const e = asStatesError(error);
    inspection.variables = variables.all();
    if (((state.Retry as Obj[]) ?? []).some((r) => errorMatches((r.ErrorEquals as string[]) ?? [], e.error))) {
      return { status: 'RETRIABLE', error: e.error, cause: e.causeText, inspectionData: inspection };
    }
    const catcher = ((state.Catch as Obj[]) ?? []).find((c) => errorMatches((c.ErrorEquals as string[]) ?? [], e.error));
    if (catcher) {
      const errorOutput = { Error: e.error, Cause: e.causeText };
      const output = language === 'JSONPath' && catcher.ResultPath !== null ? setAtPath(options.input, typeof catcher.ResultPath === 'string' ? catcher.ResultPath : '$', errorOutput) : catcher.ResultPath === null ? options.input : errorOutput;
      return { status: 'CAUGHT_ERROR', error: e.error, cause: e.causeText, output, nextState: String(catcher.Next), inspectionData: inspection };
    }
    return { status: 'FAILED', error: e.error, cause: e.causeText, inspectionData: inspection };
  }
}

/** Recomputes the JSONPath processing steps for the inspection data (the same helpers the run used). */
function fillJsonPathSteps(state: Obj, input: unknown, raw: unknown, out: TestStateResult['inspectionData'], roots: { context: unknown; variables: Record<string, unknown> }, ex: Execution): void {
  const services = ex.options.services;
  const afterInputPath = ex.select(state.InputPath, input, roots, 'InputPath');
  out.afterInputPath = afterInputPath;
  const afterParameters = state.Parameters === undefined ? afterInputPath : evaluateTemplate(state.Parameters, { data: afterInputPath, ...roots }, services, 'Parameters');
  out.afterParameters = afterParameters;
  const result = state.Type === 'Pass' ? (state.Result !== undefined ? state.Result : afterParameters) : raw;
  if (result === undefined) return;
  out.result = result;
  out.afterResultSelector = state.ResultSelector ? evaluateTemplate(state.ResultSelector, { data: result, ...roots }, services, 'ResultSelector') : result;
  out.afterResultPath = state.ResultPath === null ? input : state.ResultPath === undefined ? out.afterResultSelector : setAtPath(input, String(state.ResultPath), out.afterResultSelector);
}
