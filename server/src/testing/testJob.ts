import type { RunTrace } from '../interpreter/types';
import type { Failure } from './checkExpectations';
import type { Observation } from './observe';
import type { Expectation } from './testTypes';

/** One test for the test worker: data only (the definition is sent once per worker under `machine`). */
export interface TestJob {
  id: number;
  machine: string;
  stateMachineName: string;
  input: unknown;
  /** The mocked responses (a MockConfigFile's MockedResponses) and the state → response map of the test. */
  mocks?: { responses: Record<string, unknown>; testCase: Record<string, string> };
  state?: string;
  variables?: Record<string, unknown>;
  expectations: Expectation[];
  /** Stop the run after this many states entered (the test's maxTransitions). */
  maxTransitions?: number;
  startTime: number;
}

/** What the run did, as the report shows it: the observation's summary fields and how long it took. */
export type Observed = Pick<Observation, 'status' | 'output' | 'error' | 'cause' | 'path' | 'transitions' | 'nextState'> & { durationMs: number };

export interface TestOutcome {
  id: number;
  observed: Observed;
  failures: Failure[];
  /** The run could not do what the test asks (a Task with no mock, an invalid test case): not a failure of the machine. */
  setupError?: string;
  /** The host stopped the test (its time or memory ran out): a failure, with this reason. */
  stopped?: string;
  /** The Choice rules, retriers and catchers used (for coverage). */
  traces: RunTrace[];
}

/** From the host to the test worker. */
export type TestHostMessage = { type: 'machines'; machines: Record<string, unknown> } | { type: 'run'; jobs: TestJob[] };

/** From the test worker to the host. */
export type TestWorkerMessage = { type: 'ready' } | { type: 'result'; outcome: TestOutcome };
