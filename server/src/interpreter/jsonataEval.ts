import jsonata from 'jsonata';
import { StatesError } from './statesError';
import type { IntrinsicServices } from './intrinsicsEval';

type Expression = ReturnType<typeof jsonata>;

export interface JsonataBindings {
  states: { input: unknown; context: unknown; result?: unknown; errorOutput?: unknown };
  variables: Record<string, unknown>;
}

const compiled = new Map<string, Expression>();

function compile(text: string, services: IntrinsicServices): Expression {
  let expression = compiled.get(text);
  if (!expression) {
    try {
      expression = jsonata(text);
    } catch (error) {
      throw new StatesError('States.QueryEvaluationError', `The JSONata expression '${text}' is invalid: ${(error as Error).message}`);
    }
    registerAwsFunctions(expression, services);
    compiled.set(text, expression);
  }
  return expression;
}

/** The functions Step Functions adds (asl-reference §3.3); integer parameters are floored. */
function registerAwsFunctions(expression: Expression, services: IntrinsicServices): void {
  expression.registerFunction('partition', (array: unknown[], size: number) => {
    const n = Math.floor(size);
    if (!Array.isArray(array) || !(n > 0)) throw new Error('$partition needs an array and a size greater than 0');
    const out: unknown[][] = [];
    for (let i = 0; i < array.length; i += n) out.push(array.slice(i, i + n));
    return out;
  }, '<an:a>');
  expression.registerFunction('range', (start: number, end: number, step: number) => {
    const [a, b, s] = [Math.floor(start), Math.floor(end), Math.floor(step)];
    if (s === 0) throw new Error('$range step cannot be 0');
    const out: number[] = [];
    for (let v = a; s > 0 ? v <= b : v >= b; v += s) out.push(v);
    return out;
  }, '<nnn:a>');
  expression.registerFunction('hash', (data: string, algorithm: string) => services.hash(data, algorithm), '<ss:s>');
  expression.registerFunction('random', () => services.random(), '<n?:n>');
  expression.registerFunction('uuid', () => services.uuid(), '<:s>');
  expression.registerFunction('parse', (text: string) => JSON.parse(text), '<s:j>');
}

/** Evaluates one `{% %}` body. Any failure, and an undefined result, is States.QueryEvaluationError. */
export async function evaluateJsonata(text: string, bindings: JsonataBindings, services: IntrinsicServices, field: string): Promise<unknown> {
  const expression = compile(text, services);
  let value: unknown;
  try {
    value = await expression.evaluate({}, { ...bindings.variables, states: bindings.states });
  } catch (error) {
    throw new StatesError('States.QueryEvaluationError', `The JSONata expression '${text.trim()}' specified for the field '${field}' failed: ${(error as Error).message}`);
  }
  if (value === undefined) {
    throw new StatesError('States.QueryEvaluationError', `The JSONata expression '${text.trim()}' specified for the field '${field}' returned nothing (undefined).`);
  }
  return value;
}

/**
 * Evaluates JSONata wherever it appears in a value (asl-reference §3.3): a `{% %}` string is an expression,
 * objects and arrays are walked, other values are literals. An undefined member of an object is dropped.
 */
export async function evaluateJsonataValue(value: unknown, bindings: JsonataBindings, services: IntrinsicServices, field: string): Promise<unknown> {
  if (typeof value === 'string') {
    if (value.startsWith('{%') && value.endsWith('%}')) return evaluateJsonata(value.slice(2, -2), bindings, services, field);
    return value;
  }
  if (Array.isArray(value)) return Promise.all(value.map((v, i) => evaluateJsonataValue(v, bindings, services, `${field}/${i}`)));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      try {
        out[k] = await evaluateJsonataValue(v, bindings, services, `${field}/${k}`);
      } catch (error) {
        if (error instanceof StatesError && /returned nothing/.test(error.causeText) && typeof v === 'string') continue;
        throw error;
      }
    }
    return out;
  }
  return value;
}

/** True if a value holds a JSONata expression anywhere (so literal values skip the async path). */
export function hasJsonata(value: unknown): boolean {
  if (typeof value === 'string') return value.startsWith('{%') && value.endsWith('%}');
  if (Array.isArray(value)) return value.some(hasJsonata);
  if (value !== null && typeof value === 'object') return Object.values(value).some(hasJsonata);
  return false;
}
