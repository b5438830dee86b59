import { getValue, type AstNode, type ObjectNode } from '../document/ast';
import type { ParsedDocument } from '../document/parseDocument';
import type { StateMachineModel, StateModel } from '../model/types';
import { addArrayItem, addProperty } from './documentEdits';
import { isOneLine, styleFrom } from './jsonStyle';
import { addStateEdit, withRefusals, type Fix } from './quickFixes';

/**
 * AWS's recommended retrier for Lambda's transient service errors: the one Workflow Studio adds to a Lambda
 * Invoke state, covering the errors of "Handle Lambda service exceptions" (Step Functions developer guide,
 * bp-lambda-serviceexception) plus throttling (asl-reference §8: Lambda.TooManyRequestsException).
 */
export const LAMBDA_RETRIER = {
  ErrorEquals: ['Lambda.ServiceException', 'Lambda.AWSLambdaException', 'Lambda.SdkClientException', 'Lambda.TooManyRequestsException'],
  IntervalSeconds: 1,
  MaxAttempts: 3,
  BackoffRate: 2,
  JitterStrategy: 'FULL',
};

export const BACKOFF_RETRIER = {
  ErrorEquals: ['States.TaskFailed'],
  IntervalSeconds: 2,
  MaxAttempts: 5,
  BackoffRate: 2,
  MaxDelaySeconds: 60,
  JitterStrategy: 'FULL',
};

const HANDLES_ERRORS = new Set(['Task', 'Parallel', 'Map']);
/** The Lambda optimized integration (`lambda:invoke`, with any pattern suffix) or a function ARN called directly. */
const LAMBDA_RESOURCE = /^arn:[\w-]+:(?:states:::lambda:invoke(?:\.\w+)?|lambda:[\w-]+:\d{12}:function:[\w-]+(?::[\w$-]+)?)$/;

export function isLambdaTask(state: StateModel): boolean {
  const resource = state.type === 'Task' ? getValue(state.node, 'Resource') : undefined;
  return resource?.kind === 'string' && LAMBDA_RESOURCE.test(resource.value);
}

/** "Add Retry" and "Add Catch" for a Task, Parallel or Map state, written in the file's own style. */
export function errorHandlingRefactorings(doc: ParsedDocument, model: StateMachineModel, state: StateModel): Fix[] {
  if (!state.type || !HANDLES_ERRORS.has(state.type) || state.node.kind !== 'object') return [];
  const node = state.node;
  const fixes: Fix[] = [];
  const lambda = isLambdaTask(state);
  const retrier = lambda ? LAMBDA_RETRIER : BACKOFF_RETRIER;
  if (!handlesAll(getValue(node, 'Retry'), retrier.ErrorEquals)) {
    fixes.push({
      title: lambda ? 'Add Retry: AWS recommended retrier for Lambda transient errors' : 'Add Retry: exponential back-off with jitter',
      edits: addBlockItem(doc, model, state, 'Retry', retrier),
    });
  }

  const catchers = getValue(node, 'Catch');
  if (handlesAll(catchers, ['States.ALL'])) return withRefusals(fixes);
  const jsonata = state.queryLanguage === 'JSONata';
  const catcher = (next: string) =>
    jsonata ? { ErrorEquals: ['States.ALL'], Output: '{% $states.errorOutput %}', Next: next } : { ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: next };

  let name = `${state.name} Failed`.slice(0, 80);
  for (let i = 2; model.symbols.definitions.has(name); i++) name = `${state.name} Failed ${i}`.slice(0, 80);
  const fail = jsonata
    ? { Type: 'Fail', Error: '{% $states.input.Error %}', Cause: '{% $states.input.Cause %}' }
    : { Type: 'Fail', ErrorPath: '$.error.Error', CausePath: '$.error.Cause' };
  const stub = addStateEdit(doc, state.scope, name, fail);
  if (stub) fixes.push({ title: `Add Catch: States.ALL to a new Fail state '${name}'`, edits: [...addBlockItem(doc, model, state, 'Catch', catcher(name)), ...stub] });
  for (const target of state.scope.states.filter((s) => s !== state && s.type === 'Fail').slice(0, 5)) {
    fixes.push({ title: `Add Catch: States.ALL to '${target.name}'`, edits: addBlockItem(doc, model, state, 'Catch', catcher(target.name)) });
  }
  return withRefusals(fixes);
}

/** True when the retriers or catchers in `block` already name every error in `errors`. */
function handlesAll(block: AstNode | undefined, errors: string[]): boolean {
  if (block?.kind !== 'array') return false;
  const named = new Set(block.items.flatMap((item) => {
    const list = getValue(item, 'ErrorEquals');
    return list?.kind === 'array' ? list.items.flatMap((n) => (n.kind === 'string' ? [n.value] : [])) : [];
  }));
  return errors.every((e) => named.has(e));
}

/**
 * A retrier goes first in Retry (a States.ALL one must stay last), a catcher last in Catch; a new Retry goes
 * before Catch, and both before Next/End. The layout copies the nearest Retry/Catch block of the file.
 */
function addBlockItem(doc: ParsedDocument, model: StateMachineModel, state: StateModel, kind: 'Retry' | 'Catch', item: object) {
  const text = doc.text;
  const node = state.node as ObjectNode;
  const existing = getValue(node, kind);
  const style = styleFrom(text, existing?.kind === 'array' ? existing : nearestBlock(model, state, kind), node);
  if (isOneLine(text, node.span)) style.oneLineFrom = 0;
  if (existing?.kind === 'array') return addArrayItem(doc, existing, item, style, kind === 'Retry');
  const before = kind === 'Retry' ? ['Catch', 'Next', 'End'] : ['Next', 'End'];
  return addProperty(doc, node, kind, [item], style, before);
}

/** The nearest block of this kind in the file, else the state's other block, else the nearest one of the other kind. */
function nearestBlock(model: StateMachineModel, state: StateModel, kind: 'Retry' | 'Catch'): AstNode | undefined {
  const other = kind === 'Retry' ? 'Catch' : 'Retry';
  const nearest = (k: string) => {
    let best: AstNode | undefined;
    for (const s of model.states) {
      const block = getValue(s.node, k);
      if (block?.kind !== 'array' || block.items.length === 0) continue;
      if (!best || Math.abs(block.span.offset - state.node.span.offset) < Math.abs(best.span.offset - state.node.span.offset)) best = block;
    }
    return best;
  };
  const own = getValue(state.node, other);
  return nearest(kind) ?? (own?.kind === 'array' && own.items.length > 0 ? own : nearest(other));
}
