import { parseJsonata } from '../core/expressions/jsonata';
import { getOwn } from '../core/document/ownProps';
import { formatOf, readSource, type Source } from './readSource';
import { stripBraces } from './stripBraces';
import type { ExpectationKind, InlineMocks, KeyPath, TestFile, TestFileProblem, TestSpec } from './testTypes';

type Obj = Record<string, unknown>;

export const EXECUTION_STATUSES = ['SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED'];
export const TEST_STATE_STATUSES = ['SUCCEEDED', 'FAILED', 'RETRIABLE', 'CAUGHT_ERROR'];

export const FILE_KEYS = ['$schema', 'machine', 'mockFile', 'tests', 'comment'];
export const TEST_KEYS = ['name', 'comment', 'input', 'inputFile', 'testCase', 'mocks', 'state', 'variables', 'expect'];
export const STATE_KEYS = ['run', 'input', 'inputContains', 'inputMatches', 'output', 'outputContains', 'outputMatches', 'runs', 'retries'];

type Check = 'any' | 'string' | 'strings' | 'object' | 'count' | 'predicate' | 'status';
export const EXPECT_KEYS: Record<string, { check: Check; mode?: 'execution' | 'state' }> = {
  status: { check: 'status' },
  output: { check: 'any' },
  outputContains: { check: 'any' },
  outputMatches: { check: 'predicate' },
  error: { check: 'string' },
  cause: { check: 'string' },
  causeContains: { check: 'string' },
  path: { check: 'strings', mode: 'execution' },
  pathIncludes: { check: 'strings', mode: 'execution' },
  variables: { check: 'object' },
  maxTransitions: { check: 'count', mode: 'execution' },
  nextState: { check: 'string', mode: 'state' },
  inspectionData: { check: 'object', mode: 'state' },
  states: { check: 'object', mode: 'execution' },
};

/** Reads a `name.tests.json` / `name.tests.yaml` file. Never throws: every problem has a line, and a bad test leaves the others. */
export function parseTestFile(text: string, fileName: string): TestFile & { source: Source } {
  const source = readSource(text, formatOf(fileName));
  const problems: TestFileProblem[] = source.problems.map((p) => ({ line: p.line, message: `${source.format === 'json' ? 'JSON' : 'YAML'}: ${p.message}` }));
  const file: TestFile & { source: Source } = { tests: [], problems, source };
  if (problems.length > 0) return file;
  const at = (path: KeyPath) => source.lineOf(path);
  const root = source.value;
  if (!isObject(root)) {
    problems.push({ line: 1, message: 'A test file is an object with "tests": a list of tests' });
    return file;
  }
  for (const key of Object.keys(root)) if (!FILE_KEYS.includes(key)) problems.push({ line: at([key]), message: `Unknown field '${key}' (a test file has ${FILE_KEYS.slice(1).join(', ')})` });
  for (const key of ['machine', 'mockFile']) {
    const value = getOwn(root, key);
    if (value !== undefined && typeof value !== 'string') problems.push({ line: at([key]), message: `'${key}' must be a file name (a string)` });
    else if (typeof value === 'string') file[key as 'machine' | 'mockFile'] = value;
  }
  const tests = getOwn(root, 'tests');
  if (!Array.isArray(tests)) {
    problems.push({ line: at(['tests']), message: '"tests" must be a list of tests' });
    return file;
  }
  const names = new Map<string, number>();
  tests.forEach((raw, index) => {
    const before = problems.length;
    const test = readTest(raw, index, at, problems);
    if (test && names.has(test.name)) problems.push({ line: test.line, message: `Two tests are named '${test.name}' (the other is on line ${names.get(test.name)})`, test: index });
    for (let i = before; i < problems.length; i++) problems[i].test = index;
    if (test && problems.length === before) {
      names.set(test.name, test.line);
      file.tests.push(test);
    } else if (test) names.set(test.name, test.line);
  });
  return file;
}

function readTest(raw: unknown, index: number, at: (path: KeyPath) => number, problems: TestFileProblem[]): TestSpec | undefined {
  const base: KeyPath = ['tests', index];
  const problem = (path: KeyPath, message: string) => problems.push({ line: at(path), message });
  if (!isObject(raw)) {
    problem(base, `Test ${index + 1} must be an object with "name" and "expect"`);
    return undefined;
  }
  const name = getOwn(raw, 'name');
  if (typeof name !== 'string' || name.trim() === '') {
    problem(base, `Test ${index + 1} needs a "name" (a non-empty string)`);
    return undefined;
  }
  const test: TestSpec = { name, line: at([...base, 'name']), index, expectations: [], noExpect: !Object.hasOwn(raw, 'expect') };
  for (const key of Object.keys(raw)) if (!TEST_KEYS.includes(key)) problem([...base, key], `Unknown field '${key}' in test '${name}' (a test has ${TEST_KEYS.join(', ')})`);
  if (Object.hasOwn(raw, 'input') && Object.hasOwn(raw, 'inputFile')) problem([...base, 'inputFile'], `Test '${name}' has both "input" and "inputFile": give one`);
  if (Object.hasOwn(raw, 'input')) test.input = raw.input;
  for (const key of ['inputFile', 'testCase', 'state'] as const) {
    const value = getOwn(raw, key);
    if (value === undefined) continue;
    if (typeof value !== 'string' || value === '') problem([...base, key], `"${key}" must be a non-empty string`);
    else test[key] = value;
  }
  const mocks = getOwn(raw, 'mocks');
  if (mocks !== undefined) {
    if (!isObject(mocks)) problem([...base, 'mocks'], '"mocks" maps state names to mocked responses, e.g. {"Get Price": {"0": {"Return": {…}}}}');
    else {
      for (const [state, responses] of Object.entries(mocks)) {
        const where = [...base, 'mocks', state];
        if (!isObject(responses) || Object.keys(responses).length === 0) problem(where, `The mock of '${state}' must map invocation indexes ("0", "1-2") to {"Return": …} or {"Throw": {"Error", "Cause"}}`);
        else {
          for (const [range, response] of Object.entries(responses)) {
            if (!/^\d+(-\d+)?$/.test(range)) problem([...where, range], `'${range}' is not an invocation index or range like "0" or "1-2"`);
            else if (!isObject(response) || (!Object.hasOwn(response, 'Return') && !Object.hasOwn(response, 'Throw'))) problem([...where, range], `The response '${range}' of '${state}' needs "Return" or "Throw"`);
          }
        }
      }
      test.mocks = mocks as InlineMocks;
    }
  }
  const variables = getOwn(raw, 'variables');
  if (variables !== undefined) {
    if (!isObject(variables)) problem([...base, 'variables'], '"variables" must be an object of variable names and values');
    else if (!test.state) problem([...base, 'variables'], '"variables" goes with "state" (a Test State test); a whole execution starts with none');
    else test.variables = variables;
  }
  const expect = getOwn(raw, 'expect');
  if (expect !== undefined) {
    if (!isObject(expect)) problem([...base, 'expect'], '"expect" must be an object of expectations (status, output, path, states, …)');
    else readExpectations(expect, [...base, 'expect'], test, at, problem);
  }
  return test;
}

function readExpectations(expect: Obj, base: KeyPath, test: TestSpec, at: (path: KeyPath) => number, problem: (path: KeyPath, message: string) => void): void {
  const mode = test.state ? 'state' : 'execution';
  for (const [key, value] of Object.entries(expect)) {
    const where = [...base, key];
    const spec = getOwn<{ check: Check; mode?: string }>(EXPECT_KEYS, key);
    if (!spec) {
      problem(where, `Unknown expectation '${key}' (one of ${Object.keys(EXPECT_KEYS).join(', ')})`);
      continue;
    }
    if (spec.mode && spec.mode !== mode) {
      problem(where, mode === 'state' ? `'${key}' is for a whole execution; this test runs state '${test.state}' alone` : `'${key}' is for a test that runs one state alone (with "state")`);
      continue;
    }
    if (key === 'states') {
      for (const [state, checks] of Object.entries(value as Obj)) readStateExpectations(state, checks, [...where, state], test, at, problem);
      continue;
    }
    const message = checkValue(spec.check, value, mode);
    if (message) problem(where, `'${key}' ${message}`);
    else test.expectations.push({ kind: key as ExpectationKind, expected: value, at: where, line: at(where) });
  }
}

function readStateExpectations(state: string, checks: unknown, where: KeyPath, test: TestSpec, at: (path: KeyPath) => number, problem: (path: KeyPath, message: string) => void): void {
  if (!isObject(checks)) {
    problem(where, `The expectations of state '${state}' must be an object (input, output, runs, retries, …)`);
    return;
  }
  const run = getOwn(checks, 'run');
  if (run !== undefined && checkValue('count', run, 'execution')) problem([...where, 'run'], `'run' (which run of '${state}' to check, from 0) must be a whole number ≥ 0`);
  for (const [key, value] of Object.entries(checks)) {
    if (key === 'run') continue;
    if (!STATE_KEYS.includes(key)) {
      problem([...where, key], `Unknown expectation '${key}' for state '${state}' (one of ${STATE_KEYS.join(', ')})`);
      continue;
    }
    const check: Check = key === 'runs' || key === 'retries' ? 'count' : key.endsWith('Matches') ? 'predicate' : 'any';
    const message = checkValue(check, value, 'execution');
    if (message) problem([...where, key], `'${key}' of state '${state}' ${message}`);
    else test.expectations.push({ kind: `state.${key}` as ExpectationKind, expected: value, at: [...where, key], line: at([...where, key]), state, run: typeof run === 'number' ? run : 0 });
  }
}

/** Why a value does not fit its expectation, or undefined. */
function checkValue(check: Check, value: unknown, mode: string): string | undefined {
  switch (check) {
    case 'any':
      return undefined;
    case 'string':
      return typeof value === 'string' ? undefined : `must be a string, not ${describe(value)}`;
    case 'strings':
      return Array.isArray(value) && value.every((v) => typeof v === 'string') ? undefined : `must be a list of state names, not ${describe(value)}`;
    case 'object':
      return isObject(value) ? undefined : `must be an object, not ${describe(value)}`;
    case 'count':
      return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? undefined : `must be a whole number ≥ 0, not ${describe(value)}`;
    case 'status': {
      const allowed = mode === 'state' ? TEST_STATE_STATUSES : [...EXECUTION_STATUSES];
      return typeof value === 'string' && allowed.includes(value) ? undefined : `must be one of ${allowed.join(', ')}, not ${describe(value)}`;
    }
    case 'predicate': {
      if (typeof value !== 'string') return `must be a JSONata expression (a string) that is true for the value, not ${describe(value)}`;
      const parsed = parseJsonata(stripBraces(value));
      return parsed.ok ? undefined : `is not valid JSONata: ${parsed.error.message}`;
    }
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `${typeof value === 'string' ? 'the string' : `the ${typeof value}`} ${JSON.stringify(value)}`;
}

function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
