import type { StateRunInfo } from '../../webview/src/shared/graphMessages';

/** What the last run of each machine (by uri) did per state: Test State offers a state's input from it. */
export const lastRunStates = new Map<string, Record<string, StateRunInfo>>();

/** The test case last chosen for each machine (by uri), by Start Execution or Test State. */
export const lastTestCases = new Map<string, string>();
