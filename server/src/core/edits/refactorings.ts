import { getValue } from '../document/ast';
import type { ParsedDocument } from '../document/parseDocument';
import type { StateMachineModel, StateModel } from '../model/types';
import { applyEdits, jsonPathOf, minimalEdit, setAt, type SpanEdit } from './jsonEdits';
import { addStateEdit, type Fix } from './quickFixes';

/** AWS's recommended retrier for Lambda transient errors (the console's default for lambda:invoke). */
export const LAMBDA_RETRIER = {
  ErrorEquals: ['Lambda.ClientExecutionTimeoutException', 'Lambda.ServiceException', 'Lambda.AWSLambdaException', 'Lambda.SdkClientException'],
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

/** "Add Retry" and "Add Catch" for a Task, Parallel or Map state, as edits that keep the file's formatting. */
export function errorHandlingRefactorings(doc: ParsedDocument, model: StateMachineModel, state: StateModel): Fix[] {
  if (!state.type || !HANDLES_ERRORS.has(state.type) || state.node.kind !== 'object') return [];
  const path = jsonPathOf(state.node);
  const fixes: Fix[] = [];
  const retry = getValue(state.node, 'Retry');
  const addRetrier = (title: string, retrier: object) =>
    fixes.push({
      title,
      // New retriers go first so that a States.ALL retrier stays last.
      edits: retry?.kind === 'array' ? setAt(doc.text, [...path, 'Retry', 0], retrier, 0) : setAt(doc.text, [...path, 'Retry'], [retrier]),
    });
  addRetrier('Add Retry: AWS recommended retrier for Lambda transient errors', LAMBDA_RETRIER);
  addRetrier('Add Retry: exponential back-off with jitter', BACKOFF_RETRIER);

  const catchers = getValue(state.node, 'Catch');
  const catchesAll = catchers?.kind === 'array' && catchers.items.some((c) => {
    const names = getValue(c, 'ErrorEquals');
    return names?.kind === 'array' && names.items.some((n) => n.kind === 'string' && n.value === 'States.ALL');
  });
  if (catchesAll) return fixes;
  const jsonata = state.queryLanguage === 'JSONata';
  const catcher = (next: string) =>
    jsonata ? { ErrorEquals: ['States.ALL'], Output: '{% $states.errorOutput %}', Next: next } : { ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: next };
  const catchEdits = (next: string): SpanEdit[] =>
    catchers?.kind === 'array'
      ? setAt(doc.text, [...path, 'Catch', catchers.items.length], catcher(next), catchers.items.length)
      : setAt(doc.text, [...path, 'Catch'], [catcher(next)]);

  let name = `${state.name} Failed`.slice(0, 80);
  for (let i = 2; model.symbols.definitions.has(name); i++) name = `${state.name} Failed ${i}`.slice(0, 80);
  const failBody = jsonata
    ? '{ "Type": "Fail", "Error": "{% $states.input.Error %}", "Cause": "{% $states.input.Cause %}" }'
    : '{ "Type": "Fail", "ErrorPath": "$.error.Error", "CausePath": "$.error.Cause" }';
  const stub = addStateEdit(doc, state.scope, name, failBody);
  if (stub) {
    // Catch goes inside the state, the new state at the end of its States block: apply in order, as one edit.
    const withCatch = applyEdits(doc.text, catchEdits(name));
    const shift = withCatch.length - doc.text.length;
    const after = applyEdits(withCatch, [{ span: { offset: stub.span.offset + (stub.span.offset >= state.node.span.offset ? shift : 0), length: 0 }, newText: stub.newText }]);
    fixes.push({ title: `Add Catch: States.ALL to a new Fail state '${name}'`, edits: [minimalEdit(doc.text, after)] });
  }
  for (const target of state.scope.states.filter((s) => s !== state && s.type === 'Fail').slice(0, 5)) {
    fixes.push({ title: `Add Catch: States.ALL to '${target.name}'`, edits: catchEdits(target.name) });
  }
  return fixes;
}
