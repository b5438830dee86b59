import { setOwn } from '../core/document/ownProps';
import { diffValues, pretty } from './diffText';
import { firstDifference, isSubsequence } from './matchValue';
import type { Observation } from './observe';
import type { Expectation, KeyPath } from './testTypes';

/** A failed expectation: where it is written, why it failed, and the values for a diff. */
export interface Failure {
  kind: Expectation['kind'];
  line: number;
  at: KeyPath;
  message: string;
  expected?: unknown;
  actual?: unknown;
  /** A line diff (`-` expected, `+` actual) when both are structured values. */
  diff?: string;
  /** `--update` may write `actual` in place of the expected value (exact expectations only). */
  updatable: boolean;
}

/** Evaluates a JSONata predicate with `$` bound to the value (run inside the isolated test worker). */
export type Predicate = (expression: string, value: unknown) => Promise<unknown>;

const UPDATABLE = new Set(['status', 'output', 'error', 'cause', 'path', 'nextState', 'state.input', 'state.output', 'state.runs', 'state.retries']);

export async function checkExpectations(observed: Observation, expectations: Expectation[], predicate: Predicate): Promise<Failure[]> {
  const failures: Failure[] = [];
  for (const expectation of expectations) {
    const failure = await checkOne(observed, expectation, predicate);
    if (failure) failures.push({ kind: expectation.kind, line: expectation.line, at: expectation.at, updatable: UPDATABLE.has(expectation.kind) && Object.hasOwn(failure, 'actual'), ...failure });
  }
  return failures;
}

type Partial = { message: string; expected?: unknown; actual?: unknown; diff?: string };

async function checkOne(o: Observation, e: Expectation, predicate: Predicate): Promise<Partial | undefined> {
  const expected = e.expected;
  switch (e.kind) {
    case 'status':
      return o.status === expected ? undefined : { message: `status: expected ${String(expected)}, got ${o.status}${o.error ? ` (${o.error}: ${o.cause ?? ''})` : ''}`, expected, actual: o.status };
    case 'output':
      return equal('output', expected, o.output);
    case 'outputContains':
      return contains('output', expected, o.output);
    case 'outputMatches':
      return matches('output', String(expected), o.output, predicate);
    case 'error':
      return o.error === expected ? undefined : { message: `error: expected ${JSON.stringify(expected)}, got ${o.error === undefined ? 'no error' : JSON.stringify(o.error)}`, expected, actual: o.error ?? null };
    case 'cause':
      return o.cause === expected ? undefined : { message: `cause: expected ${JSON.stringify(expected)}, got ${o.cause === undefined ? 'no cause' : JSON.stringify(o.cause)}`, expected, actual: o.cause ?? null };
    case 'causeContains':
      return typeof o.cause === 'string' && o.cause.includes(String(expected)) ? undefined : { message: `cause: expected it to contain ${JSON.stringify(expected)}, got ${o.cause === undefined ? 'no cause' : JSON.stringify(o.cause)}` };
    case 'path':
      return equal('path', expected, o.path);
    case 'pathIncludes': {
      const found = isSubsequence(o.path, expected as string[]);
      return found.ok ? undefined : { message: `path: expected ${found.after === undefined ? `'${found.missing}'` : `'${found.missing}' after '${found.after}'`} in the path taken: ${o.path.join(' → ') || '(no state)'}` };
    }
    case 'variables':
      return contains('variables', expected, o.variables);
    case 'maxTransitions':
      return o.transitions <= (expected as number) ? undefined : { message: `transitions: expected at most ${String(expected)}, the run entered ${o.transitions} state${o.transitions === 1 ? '' : 's'}${o.status === 'ABORTED' ? ' (stopped there)' : ''}` };
    case 'nextState':
      return o.nextState === expected ? undefined : { message: `nextState: expected ${JSON.stringify(expected)}, got ${o.nextState === undefined ? 'none' : JSON.stringify(o.nextState)}`, expected, actual: o.nextState ?? null };
    case 'inspectionData':
      return contains('inspectionData', expected, o.inspectionData ?? {});
  }
  return checkState(o, e, predicate);
}

async function checkState(o: Observation, e: Expectation, predicate: Predicate): Promise<Partial | undefined> {
  const name = String(e.state);
  const record = o.states.get(name) ?? { runs: [], retries: 0 };
  if (e.kind === 'state.runs') {
    return record.runs.length === e.expected ? undefined : { message: `state '${name}': expected ${String(e.expected)} run${e.expected === 1 ? '' : 's'}, it ran ${record.runs.length} time${record.runs.length === 1 ? '' : 's'}`, expected: e.expected, actual: record.runs.length };
  }
  if (e.kind === 'state.retries') {
    return record.retries === e.expected ? undefined : { message: `state '${name}': expected ${String(e.expected)} retr${e.expected === 1 ? 'y' : 'ies'}, got ${record.retries}`, expected: e.expected, actual: record.retries };
  }
  const run = e.run ?? 0;
  const found = record.runs[run];
  if (!found) return { message: record.runs.length === 0 ? `state '${name}' never ran (path: ${o.path.join(' → ') || 'no state'})` : `state '${name}' ran ${record.runs.length} time${record.runs.length === 1 ? '' : 's'}; there is no run ${run}` };
  const label = `state '${name}'${run > 0 ? ` (run ${run})` : ''}`;
  const isInput = e.kind.startsWith('state.input');
  if (!isInput && !found.exited) return { message: `${label} has no output: it did not complete` };
  const value = isInput ? found.input : found.output;
  const what = `${label} ${isInput ? 'input' : 'output'}`;
  if (e.kind === 'state.input' || e.kind === 'state.output') return equal(what, e.expected, value);
  if (e.kind.endsWith('Contains')) return contains(what, e.expected, value);
  return matches(what, String(e.expected), value, predicate);
}

function equal(what: string, expected: unknown, actual: unknown): Partial | undefined {
  const at = firstDifference(actual, expected, false);
  return at === undefined ? undefined : { message: `${what}: not as expected${at === '$' ? '' : ` (first difference at ${at})`}`, expected, actual, diff: diffValues(expected, actual) };
}

function contains(what: string, expected: unknown, actual: unknown): Partial | undefined {
  const at = firstDifference(actual, expected, true);
  // The actual value is reported on the keys the expectation names (the diff, the editor's expected/actual view).
  const shown = project(actual, expected);
  return at === undefined ? undefined : { message: `${what}: does not contain what is expected${at === '$' ? '' : ` (first difference at ${at})`}`, expected, actual: shown, diff: diffValues(expected, shown) };
}

/** The actual value cut to the keys the expected one names, so a subset's diff shows only what it checks. */
function project(actual: unknown, expected: unknown): unknown {
  if (!expected || typeof expected !== 'object' || !actual || typeof actual !== 'object') return actual;
  if (Array.isArray(expected)) return Array.isArray(actual) ? actual.map((item, i) => (i < expected.length ? project(item, expected[i]) : item)) : actual;
  if (Array.isArray(actual)) return actual;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(expected)) if (Object.hasOwn(actual, key)) setOwn(out, key, project((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key]));
  return out;
}

async function matches(what: string, expression: string, value: unknown, predicate: Predicate): Promise<Partial | undefined> {
  let result: unknown;
  try {
    result = await predicate(expression, value);
  } catch (error) {
    return { message: `${what}: the predicate ${JSON.stringify(expression)} failed: ${(error as { message?: string }).message ?? String(error)}` };
  }
  if (result === true) return undefined;
  return { message: `${what}: the predicate ${JSON.stringify(expression)} is ${result === false ? 'false' : `not true (it gave ${pretty(result)})`} for ${pretty(value)}` };
}
