/** What a test file says, once read and checked (see docs/testing.md and schemas/asl-tests.schema.json). */

/** A key path inside a test file, e.g. ['tests', 0, 'expect', 'output']. */
export type KeyPath = (string | number)[];

export type ExpectationKind =
  | 'status'
  | 'output'
  | 'outputContains'
  | 'outputMatches'
  | 'error'
  | 'cause'
  | 'causeContains'
  | 'path'
  | 'pathIncludes'
  | 'variables'
  | 'maxTransitions'
  | 'nextState'
  | 'inspectionData'
  | 'state.input'
  | 'state.inputContains'
  | 'state.inputMatches'
  | 'state.output'
  | 'state.outputContains'
  | 'state.outputMatches'
  | 'state.runs'
  | 'state.retries';

/** One expectation of a test: what it checks, the value written, and where it is written (1-based line). */
export interface Expectation {
  kind: ExpectationKind;
  expected: unknown;
  /** Where the expected value sits in the test file (what --update rewrites). */
  at: KeyPath;
  line: number;
  /** For state.* kinds: the state, and which of its runs (0-based; default 0). */
  state?: string;
  run?: number;
}

/** Inline mocked responses: state name → the MockConfigFile response ranges ({"0": {"Return": …}}). */
export type InlineMocks = Record<string, Record<string, unknown>>;

export interface TestSpec {
  name: string;
  /** The line of the test (its `name`), 1-based. */
  line: number;
  index: number;
  input?: unknown;
  inputFile?: string;
  testCase?: string;
  mocks?: InlineMocks;
  /** Run this one state alone (AWS TestState semantics) instead of the whole machine. */
  state?: string;
  /** Test State only: the variables in scope. */
  variables?: Record<string, unknown>;
  expectations: Expectation[];
  /** True when the test has no `expect` at all (--update then records what the run did). */
  noExpect: boolean;
}

/** A problem in a test file: what is wrong and where (1-based line). */
export interface TestFileProblem {
  line: number;
  message: string;
  /** The test it belongs to, when it is inside one (that test is not run; the others are). */
  test?: number;
}

export interface TestFile {
  machine?: string;
  mockFile?: string;
  tests: TestSpec[];
  problems: TestFileProblem[];
}
