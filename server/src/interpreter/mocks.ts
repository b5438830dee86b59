import { StatesError } from './statesError';
import type { TaskInvoker, TaskRequest } from './types';
import { getOwn } from '../core/document/ownProps';

/** AWS Step Functions Local's MockConfigFile (docs: "Using mocked service integrations for testing"). */
export interface MockConfig {
  StateMachines?: Record<string, { TestCases?: Record<string, Record<string, string>> }>;
  MockedResponses?: Record<string, Record<string, { Return?: unknown; Throw?: { Error?: string; Cause?: string } }>>;
}

export class MockConfigError extends Error {}

/** Checks the shape of a parsed mock file, with a message that says what is wrong where. */
export function readMockConfig(value: unknown): MockConfig {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new MockConfigError('The mock file must be a JSON object with StateMachines and MockedResponses');
  const config = value as MockConfig;
  for (const [name, responses] of Object.entries(config.MockedResponses ?? {})) {
    for (const [range, response] of Object.entries(responses ?? {})) {
      if (!/^\d+(-\d+)?$/.test(range)) throw new MockConfigError(`MockedResponses.${name}: '${range}' is not an invocation index or range like "0" or "1-2"`);
      if (!response || (response.Return === undefined && response.Throw === undefined)) {
        throw new MockConfigError(`MockedResponses.${name}.${range} needs "Return" or "Throw"`);
      }
    }
  }
  return config;
}

/** The test case for a machine: by machine name, or the only machine of the file. */
export function findTestCase(config: MockConfig, machineName: string, testCase: string): Record<string, string> {
  const machines = config.StateMachines ?? {};
  const machine = getOwn<{ TestCases?: Record<string, Record<string, string>> }>(machines, machineName) ?? (Object.keys(machines).length === 1 ? Object.values(machines)[0] : undefined);
  if (!machine) throw new MockConfigError(`The mock file has no state machine named '${machineName}' (it has: ${Object.keys(machines).join(', ') || 'none'})`);
  const found = getOwn<Record<string, string>>(machine.TestCases, testCase);
  if (!found) throw new MockConfigError(`No test case '${testCase}' (available: ${Object.keys(machine.TestCases ?? {}).join(', ') || 'none'})`);
  // A test case naming a response that does not exist is a broken mock file: say so before anything runs.
  for (const [state, response] of Object.entries(found)) {
    if (!getOwn(config.MockedResponses, response)) throw new MockConfigError(`Test case '${testCase}' maps state '${state}' to '${response}', which is not in MockedResponses`);
  }
  return found;
}

export function testCaseNames(config: MockConfig, machineName: string): string[] {
  const machines = config.StateMachines ?? {};
  const machine = getOwn<{ TestCases?: Record<string, Record<string, string>> }>(machines, machineName) ?? (Object.keys(machines).length === 1 ? Object.values(machines)[0] : undefined);
  return Object.keys(machine?.TestCases ?? {});
}

/**
 * A task invoker answering from a test case: the n-th call of a state (retries included, 0-based) takes the
 * response whose key is n or a range holding n; past the last one, the last response repeats.
 */
export function mockInvoker(config: MockConfig, testCase: Record<string, string>, fallback?: TaskInvoker): TaskInvoker {
  const calls = new Map<string, number>();
  return async (request: TaskRequest) => {
    const responseName = getOwn<string>(testCase, request.stateName);
    if (!responseName) return (fallback ?? unmockedInvoker)(request);
    const responses = getOwn<Record<string, { Return?: unknown; Throw?: { Error?: string; Cause?: string } }>>(config.MockedResponses, responseName);
    if (!responses) throw new MissingMockError(request.stateName, `The mock file has no MockedResponses entry '${responseName}' (used for Task state '${request.stateName}')`);
    const n = calls.get(request.stateName) ?? 0;
    calls.set(request.stateName, n + 1);
    const entries = Object.entries(responses).map(([range, response]) => {
      const [from, to] = range.split('-').map(Number);
      return { from, to: to ?? from, response };
    }).sort((a, b) => a.from - b.from);
    const match = entries.find((e) => n >= e.from && n <= e.to) ?? entries[entries.length - 1];
    // For a callback (.waitForTaskToken, Activity) the mocked response is the token's answer (Step Functions Local
    // mocks the whole task): Return is SendTaskSuccess's output, Throw is SendTaskFailure.
    if (request.callback) {
      if (match.response.Throw) request.callback.sendTaskFailure(match.response.Throw.Error ?? 'States.TaskFailed', match.response.Throw.Cause ?? '');
      else request.callback.sendTaskSuccess(match.response.Return ?? null);
      return undefined;
    }
    if (match.response.Throw) throw new StatesError(match.response.Throw.Error ?? 'States.TaskFailed', match.response.Throw.Cause ?? '');
    return match.response.Return;
  };
}

/**
 * A Task that neither a mock nor a handler answers is a setup error, not a failure of the machine: it is raised
 * as `States.Runtime`, which no Retry or Catch handles (asl-reference §0.11), so a `States.ALL` catcher cannot
 * turn it into a "successful" run, and the editor and the CLI report it as a setup problem (CLI exit code 2).
 */
export class MissingMockError extends StatesError {
  constructor(
    readonly stateName: string,
    message: string,
  ) {
    super('States.Runtime', message);
  }
}

const MISSING_MOCK_MARK = ' has no mock and no handler.';

/** The message of a missing mock: which state, and how to add a mock for it. */
export function missingMockMessage(stateName: string, resource: string): string {
  const response = `${stateName.replace(/[^A-Za-z0-9]+/g, '') || 'Task'}Response`;
  return (
    `Task state '${stateName}'${MISSING_MOCK_MARK} Add it to the test case in the mock file (name.mocks.json beside the machine; ` +
    `asl run --mocks FILE --test-case NAME): "TestCases": { "<test case>": { ${JSON.stringify(stateName)}: "${response}" } } and ` +
    `"MockedResponses": { "${response}": { "0": { "Return": { } } } }; or give a handler for it or for ${resource} (name.handlers.mjs, --handlers FILE).`
  );
}

/** The state whose Task had no mock, when an execution or a test ended on that setup error. */
export function missingMockState(result: { error?: string; cause?: string }): string | undefined {
  if (result.error !== 'States.Runtime' || !result.cause?.startsWith("Task state '")) return undefined;
  const end = result.cause.indexOf(`'${MISSING_MOCK_MARK}`);
  return end > 0 ? result.cause.slice("Task state '".length, end) : undefined;
}

/** A Task with nothing to answer it: the setup error above. */
export const unmockedInvoker: TaskInvoker = async (request) => {
  throw new MissingMockError(request.stateName, missingMockMessage(request.stateName, request.resource));
};
