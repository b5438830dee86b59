import type { IntrinsicServices } from '../../interpreter/intrinsicsEval';
import type { VariableScope } from '../../interpreter/variables';
import type { WorkerFrame, WorkerScope } from '../debugMessages';
import { stateKey, type BlockPath } from '../stateKey';
import { evaluateExpression, type ExpressionView } from './debugExpressions';
import type { DebugThread, ThreadPosition } from './debugThreads';

type Obj = Record<string, unknown>;

/**
 * A thread's stack, innermost first: its state, then for each enclosing branch or iteration the Parallel or Map
 * state that runs it (named after the branch or iteration: `Map "Ship" #3`), then the execution.
 */
export function stackOf(thread: DebugThread, blocks: Map<Obj, BlockPath>): WorkerFrame[] {
  const frames: WorkerFrame[] = [];
  let child: DebugThread | undefined;
  for (let t: DebugThread | undefined = thread; t; child = t, t = t.parent) {
    const position = t.position;
    if (!position) continue;
    frames.push({ name: child ? child.name : position.name, stateName: position.name, stateKey: stateKey(blocks.get(t.frame.block as Obj) ?? [], position.name) });
  }
  const main = levelAt(thread, Infinity);
  frames.push({ name: main?.name ?? 'Execution' });
  return frames;
}

/** The thread whose state is frame `index` of `thread`'s stack (undefined: the execution frame). */
function levelAt(thread: DebugThread, index: number): DebugThread | undefined {
  let t: DebugThread | undefined = thread;
  let last = thread;
  for (let i = 0; t; t = t.parent) {
    last = t;
    if (!t.position) continue;
    if (i++ === index) return t;
  }
  return index === Infinity ? last : undefined;
}

/** The context object of a stopped state: the attempt's own once it ran, else as it will be ($$.State.EnteredTime: now). */
function contextOf(thread: DebugThread, position: ThreadPosition): Obj {
  if (position.run) return position.run.context;
  const ex = position.ex;
  const context: Obj = { Execution: ex.context.Execution, StateMachine: ex.context.StateMachine, State: { EnteredTime: ex.contextIso(), Name: position.name } };
  if (thread.frame.mapItem) context.Map = { Item: thread.frame.mapItem };
  return context;
}

/** What expressions at frame `index` see. */
export function viewOf(thread: DebugThread, index: number): ExpressionView {
  const level = levelAt(thread, index);
  const position = level?.position;
  if (!level || !position) {
    const main = levelAt(thread, Infinity)!;
    const ex = main.position?.ex;
    return { input: (ex?.context.Execution as Obj | undefined)?.Input, context: ex?.context ?? {}, variables: main.frame.variables.all(), now: ex?.options.clock.now() };
  }
  return {
    now: position.ex.options.clock.now(),
    input: position.input,
    context: contextOf(level, position),
    variables: level.frame.variables.all(),
    ...(position.result !== undefined ? { result: position.result } : {}),
    ...(position.error ? { errorOutput: { Error: position.error.error, Cause: position.error.cause } } : {}),
  };
}

/**
 * The scopes of frame `index`: the state's raw input, then what each processing step made so far (after InputPath,
 * the effective input after Parameters or Arguments, the task result, after ResultSelector, what Assign assigned,
 * after ResultPath, the output), the error, the variables of each enclosing block, the context object and
 * `$states`. The execution frame: the execution's input and context.
 */
export function scopesAt(thread: DebugThread, index: number, stoppedThread: DebugThread | undefined): WorkerScope[] {
  const level = levelAt(thread, index);
  const position = level?.position;
  const view = viewOf(thread, index);
  if (!level || !position) return [{ name: 'Execution input', value: view.input }, { name: 'Context object ($$)', value: view.context }];
  const jsonata = position.run?.language === 'JSONata' || (position.run === undefined && isJsonata(level, position.name, position.ex.options.definition));
  const scopes: WorkerScope[] = [{ name: 'Input', value: position.input, editable: index === 0 && level === stoppedThread && position.at === 'state' }];
  const map = (position.run?.type ?? stateOf(level, position.name)?.Type) === 'Map';
  const steps: [unknown, string][] = [
    [position.inputPath, 'After InputPath'],
    [position.effectiveInput, map ? 'Items' : jsonata ? 'Arguments' : 'Effective input'],
    [position.result, 'Result'],
    [position.resultSelector, 'After ResultSelector'],
    [position.assign, 'Assigned'],
    [position.resultPath, 'After ResultPath'],
    [position.output, 'Output'],
  ];
  for (const [value, name] of steps) if (value !== undefined) scopes.push({ name, value });
  if (position.error) scopes.push({ name: 'Error', value: { Error: position.error.error, Cause: position.error.cause } });
  scopes.push(...variableScopes(level.frame.variables));
  scopes.push({ name: 'Context object ($$)', value: view.context });
  const states: Obj = { input: view.input, context: view.context };
  if (view.result !== undefined) states.result = view.result;
  if (view.errorOutput !== undefined) states.errorOutput = view.errorOutput;
  scopes.push({ name: '$states', value: states, expensive: !jsonata });
  return scopes;
}

function stateOf(thread: DebugThread, name: string): Obj | undefined {
  const states = thread.frame.block.States as Record<string, Obj> | undefined;
  return states && Object.hasOwn(states, name) ? states[name] : undefined;
}

function isJsonata(thread: DebugThread, name: string, definition: unknown): boolean {
  return (stateOf(thread, name)?.QueryLanguage ?? (definition as Obj | null)?.QueryLanguage) === 'JSONata';
}

/** The variables visible from a block, scope by scope: this block's, then each enclosing one's (asl-reference §0.5). */
function variableScopes(innermost: VariableScope): WorkerScope[] {
  const chain: VariableScope[] = [];
  for (let v: VariableScope | undefined = innermost; v; v = v.parent) chain.push(v);
  return chain.map((scope, i) => {
    const all = scope.all();
    const outer = chain[i + 1]?.all() ?? {};
    const own: Obj = {};
    for (const [k, v] of Object.entries(all)) if (!Object.hasOwn(outer, k) || outer[k] !== v) own[k] = v;
    return { name: i === 0 ? 'Variables' : i === 1 ? 'Variables (enclosing block)' : `Variables (enclosing block, ${i} up)`, value: own };
  });
}

export async function evaluateAt(thread: DebugThread, index: number, expression: string, services: IntrinsicServices): Promise<unknown> {
  return evaluateExpression(expression, viewOf(thread, index), services);
}

/** The names of the variables visible at a frame (debug console completion). */
export function variableNames(thread: DebugThread, index: number): string[] {
  return Object.keys(viewOf(thread, index).variables);
}
