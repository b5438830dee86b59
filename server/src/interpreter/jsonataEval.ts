import type jsonata from 'jsonata';
import { jsonataLibrary } from '../core/expressions/jsonataLibrary';
import { StatesError } from './statesError';
import { setOwn } from '../core/document/ownProps';
import type { IntrinsicServices } from './intrinsicsEval';

type Expression = ReturnType<typeof jsonata>;

export interface JsonataBindings {
  states: { input: unknown; context: unknown; result?: unknown; errorOutput?: unknown };
  variables: Record<string, unknown>;
  /**
   * The run's time (epoch ms) for `$now()` and `$millis()`: on AWS they give the time of the evaluation, so with a
   * virtual clock they give the virtual time (after a Wait or a callback's wait, as EnteredTime does), not the
   * machine's. Absent, JSONata's own (real) time.
   */
  now?: number;
}

let fromMillisExpression: Expression | undefined;
/** JSONata's own `$fromMillis`, for `$now(picture, timezone)` at the run's time. */
function fromMillis(time: number, picture?: unknown, timezone?: unknown): unknown {
  if (picture === undefined && timezone === undefined) return new Date(time).toISOString();
  fromMillisExpression ??= jsonataLibrary()('$fromMillis($t, $p, $z)');
  return fromMillisExpression.evaluate({}, { t: time, p: picture, z: timezone });
}

const compiled = new Map<string, Expression>();

/**
 * How long (real milliseconds) and how deep one evaluation may go, checked on every step of jsonata's evaluator
 * the way jsonata's own tests timebox expressions (`__evaluate_entry`/`__evaluate_exit` callbacks). `now` is
 * injected (the interpreter reads no clock); without it only the depth is checked.
 */
export interface JsonataBudget {
  maxDepth: number;
  timeoutMs: number;
  now?: () => number;
}

let budget: JsonataBudget = { maxDepth: 50_000, timeoutMs: 10_000 };

/** Sets the budget of every later evaluation (the execution worker does, with a real clock). */
export function configureJsonataBudget(next: JsonataBudget): void {
  budget = next;
}

/** The per-evaluation counters, bound under a name no JSONata expression can spell (it has a space). */
const BUDGET_BINDING = 'asl budget';
interface EvaluationBudget {
  depth: number;
  deadline: number;
}

// Entry and exit are counted alike for every step. (jsonata's own timebox skips "parallel" steps, but the flag it
// reads stays set on a shared frame after an array or object constructor, so exits go uncounted and the depth
// drifts up.) The members of one constructor are evaluated together and each counts once while in flight.
function checkBudget(environment: { lookup(name: string): unknown }, step: 1 | -1): void {
  const own = environment.lookup(BUDGET_BINDING) as EvaluationBudget | undefined;
  if (!own) return;
  own.depth += step;
  if (own.depth > budget.maxDepth) {
    throw { code: 'U1001', message: `Stack overflow error: the expression went more than ${budget.maxDepth} steps deep (check for a recursive function that does not end)` };
  }
  if (budget.now && budget.now() > own.deadline) {
    throw { code: 'U1001', message: `Expression evaluation timeout: the expression ran longer than ${budget.timeoutMs} ms (check for an endless loop)` };
  }
}

function compile(text: string, services: IntrinsicServices): Expression {
  let expression = compiled.get(text);
  if (!expression) {
    try {
      expression = jsonataLibrary()(text);
    } catch (error) {
      throw new StatesError('States.QueryEvaluationError', `The JSONata expression '${text}' is invalid: ${(error as Error).message}`);
    }
    registerAwsFunctions(expression, services);
    expression.assign(Symbol.for('jsonata.__evaluate_entry') as unknown as string, (_expr: unknown, _input: unknown, environment: Parameters<typeof checkBudget>[0]) => checkBudget(environment, 1));
    expression.assign(Symbol.for('jsonata.__evaluate_exit') as unknown as string, (_expr: unknown, _input: unknown, environment: Parameters<typeof checkBudget>[0]) => checkBudget(environment, -1));
    compiled.set(text, expression);
  }
  return expression;
}

/** Far past any payload AWS accepts (256 KiB), and well under what exhausts the execution worker's memory. */
const RANGE_LIMIT = 10_000_000;

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
    const count = Math.floor((b - a) / s) + 1;
    if (count > RANGE_LIMIT) throw new Error(`$range(${a}, ${b}, ${s}) would make ${count} numbers; the local limit is ${RANGE_LIMIT}`);
    const out: number[] = [];
    for (let v = a; s > 0 ? v <= b : v >= b; v += s) out.push(v);
    return out;
  }, '<nnn:a>');
  expression.registerFunction('hash', (data: string, algorithm: string) => services.hash(data, algorithm), '<ss:s>');
  expression.registerFunction('random', () => services.random(), '<n?:n>');
  expression.registerFunction('uuid', () => services.uuid(), '<:s>');
  expression.registerFunction('parse', (text: string) => JSON.parse(text), '<s:j>');
}

/** Evaluates one `{% %}` body (`$` is `context`: `{}` in a state; the debugger passes the state input). Any failure, and an undefined result, is States.QueryEvaluationError. */
export async function evaluateJsonata(text: string, bindings: JsonataBindings, services: IntrinsicServices, field: string, context: unknown = {}): Promise<unknown> {
  const expression = compile(text, services);
  let value: unknown;
  try {
    const own: EvaluationBudget = { depth: 0, deadline: budget.now ? budget.now() + budget.timeoutMs : Infinity };
    value = await expression.evaluate(context, evaluationBindings(bindings, own));
  } catch (error) {
    if (error instanceof StatesError) throw error;
    // AWS's words (recorded): "... specified for the field 'Output/FunctionResult' threw an error during evaluation.
    // T1006: Attempted to invoke a non-function".
    const code = (error as { code?: unknown }).code;
    throw new StatesError('States.QueryEvaluationError', `The JSONata expression '${text.trim()}' specified for the field '${field}' threw an error during evaluation. ${typeof code === 'string' ? `${code}: ` : ''}${(error as Error).message}`);
  }
  if (value === undefined) {
    throw new StatesError('States.QueryEvaluationError', `The JSONata expression '${text.trim()}' specified for the field '${field}' returned nothing (undefined).`);
  }
  if (typeof value === 'function' || (typeof value === 'object' && value !== null && ((value as Record<string, unknown>)._jsonata_lambda || (value as Record<string, unknown>)._jsonata_function))) {
    // A function is no JSON value (recorded AWS cause for Items '$fn := function($x){$x}').
    throw new StatesError('States.QueryEvaluationError', `The JSONata expression '${text.trim()}' specified for the field '${field}' returned an unsupported result type.`);
  }
  return value;
}

/**
 * What an evaluation binds: `$now` and `$millis` at the run's time, the variables (a variable named `now` or
 * `millis` shadows the function, as any variable does), `$states` and the budget. Written field by field, not
 * spread: it is made for every expression of every state.
 */
function evaluationBindings(bindings: JsonataBindings, own: EvaluationBudget): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const time = bindings.now;
  if (time !== undefined) {
    const clock = clockAt(time);
    out.now = clock.now;
    out.millis = clock.millis;
  }
  const { variables } = bindings;
  for (const name of Object.keys(variables)) {
    if (name === '__proto__') setOwn(out, name, variables[name]);
    else out[name] = variables[name];
  }
  out.states = bindings.states;
  out[BUDGET_BINDING] = own;
  return out;
}

interface Clock {
  time: number;
  now: (picture?: unknown, timezone?: unknown) => unknown;
  millis: () => number;
}

// The functions of the last time asked for: virtual time moves only at waits and retries.
let lastClock: Clock | undefined;

function clockAt(time: number): Clock {
  if (lastClock?.time !== time) lastClock = { time, now: (picture, timezone) => fromMillis(time, picture, timezone), millis: () => time };
  return lastClock;
}

/**
 * Evaluates JSONata wherever it appears in a value (asl-reference §3.3): a `{% %}` string is an expression,
 * objects and arrays are walked, other values are literals.
 */
export async function evaluateJsonataValue(value: unknown, bindings: JsonataBindings, services: IntrinsicServices, field: string): Promise<unknown> {
  if (typeof value === 'string') {
    if (value.startsWith('{%') && value.endsWith('%}')) return evaluateJsonata(value.slice(2, -2), bindings, services, field);
    return value;
  }
  if (Array.isArray(value)) return Promise.all(value.map((v, i) => evaluateJsonataValue(v, bindings, services, `${field}/${i}`)));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    // A member whose expression returns nothing fails, naming it (recorded AWS causes: "... specified for the field
    // 'Arguments/FunctionName' returned nothing (undefined)."); only JSONata's own object constructors drop them.
    for (const [k, v] of Object.entries(value)) out[k] = await evaluateJsonataValue(v, bindings, services, `${field}/${k}`);
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
