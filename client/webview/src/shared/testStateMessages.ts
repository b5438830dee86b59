import type { TestStateStep } from '../../../../server/src/protocol';

export type { TestStateStep } from '../../../../server/src/protocol';

/** Messages between the Test State panel (extension host) and its webview. Data only, never HTML. */
export interface TestStateOutcome {
  status: string;
  output?: unknown;
  error?: string;
  cause?: string;
  nextState?: string;
  steps?: TestStateStep[];
  /** A Task with no mock and no handler: its state (a setup error). */
  missingMock?: string;
}

export type ToTestStateView =
  | { type: 'running'; machine: string; state: string; input: string; testCase?: string; mocks?: string }
  | { type: 'result'; outcome: TestStateOutcome };

export type FromTestStateView = { type: 'ready' } | { type: 'rerun' } | { type: 'changeInput' } | { type: 'changeTestCase' } | { type: 'openMocks' };
