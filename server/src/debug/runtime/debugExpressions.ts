import type { IntrinsicServices } from '../../interpreter/intrinsicsEval';
import { compileIntrinsic, evaluateIntrinsic } from '../../interpreter/intrinsicsEval';
import { evaluateJsonata } from '../../interpreter/jsonataEval';
import { compilePath, evaluatePath } from '../../interpreter/jsonPathEval';
import { expressionError, expressionKind, logParts } from '../expressionSyntax';

/** What an expression typed in the debugger sees: the state as it is at the stop. */
export interface ExpressionView {
  input: unknown;
  context: unknown;
  variables: Record<string, unknown>;
  result?: unknown;
  errorOutput?: unknown;
  /** The run's clock at the stop (epoch ms): JSONata's `$now()` and `$millis()` give it, as in the run itself. */
  now?: number;
}

/** Evaluates an expression (see expressionKind) against a stopped state; throws an Error saying what went wrong. */
export async function evaluateExpression(text: string, view: ExpressionView, services: IntrinsicServices): Promise<unknown> {
  const problem = expressionError(text);
  if (problem) throw new Error(problem[0].toUpperCase() + problem.slice(1));
  const { kind, body } = expressionKind(text);
  const roots = { data: view.input, context: view.context, variables: view.variables };
  if (kind === 'intrinsic') return evaluateIntrinsic(compileIntrinsic(body), roots, services);
  if (kind === 'jsonpath') {
    const found = evaluatePath(compilePath(body), roots);
    if (!found.found) throw new Error(`No value at ${body}`);
    return found.value;
  }
  const states: Record<string, unknown> = { input: view.input, context: view.context };
  if (view.result !== undefined) states.result = view.result;
  if (view.errorOutput !== undefined) states.errorOutput = view.errorOutput;
  // `$` is the state input too, so a condition reads `$.total > 10` as well as `$states.input.total > 10`.
  return evaluateJsonata(body, { states: states as { input: unknown; context: unknown }, variables: view.variables, now: view.now }, services, 'debug', view.input);
}

/**
 * A breakpoint condition holds when its value is truthy: not false, null, 0, "", an empty array or nothing
 * (a JSONPath that selects nothing, a JSONata expression that returns nothing or fails).
 */
export async function conditionHolds(text: string, view: ExpressionView, services: IntrinsicServices): Promise<boolean> {
  let value: unknown;
  try {
    value = await evaluateExpression(text, view, services);
  } catch {
    return false;
  }
  return !(value === undefined || value === null || value === false || value === 0 || value === '' || (Array.isArray(value) && value.length === 0));
}

/** A logpoint's message with each `{expression}` replaced by its value. */
export async function interpolate(message: string, view: ExpressionView, services: IntrinsicServices): Promise<string> {
  let out = '';
  for (const part of logParts(message)) {
    if ('text' in part) out += part.text;
    else {
      try {
        out += show(await evaluateExpression(part.expression, view, services));
      } catch (error) {
        out += `<${(error as Error).message}>`;
      }
    }
  }
  return out;
}

/** A value in one line. */
export function show(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return 'undefined';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
