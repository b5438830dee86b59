import { StatesError } from './statesError';
import type { TaskInvoker, TaskRequest } from './types';

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
  const machine = machines[machineName] ?? (Object.keys(machines).length === 1 ? Object.values(machines)[0] : undefined);
  if (!machine) throw new MockConfigError(`The mock file has no state machine named '${machineName}' (it has: ${Object.keys(machines).join(', ') || 'none'})`);
  const found = machine.TestCases?.[testCase];
  if (!found) throw new MockConfigError(`No test case '${testCase}' (available: ${Object.keys(machine.TestCases ?? {}).join(', ') || 'none'})`);
  return found;
}

export function testCaseNames(config: MockConfig, machineName: string): string[] {
  const machines = config.StateMachines ?? {};
  const machine = machines[machineName] ?? (Object.keys(machines).length === 1 ? Object.values(machines)[0] : undefined);
  return Object.keys(machine?.TestCases ?? {});
}

/**
 * A task invoker answering from a test case: the n-th call of a state (retries included, 0-based) takes the
 * response whose key is n or a range holding n; past the last one, the last response repeats.
 */
export function mockInvoker(config: MockConfig, testCase: Record<string, string>, fallback?: TaskInvoker): TaskInvoker {
  const calls = new Map<string, number>();
  return async (request: TaskRequest) => {
    const responseName = testCase[request.stateName];
    if (!responseName) {
      if (fallback) return fallback(request);
      throw new StatesError('States.TaskFailed', `No mocked response for state '${request.stateName}' in this test case: add it to the test case in the mock file, or pass --handlers`);
    }
    const responses = config.MockedResponses?.[responseName];
    if (!responses) throw new StatesError('States.TaskFailed', `The mock file has no MockedResponses entry '${responseName}'`);
    const n = calls.get(request.stateName) ?? 0;
    calls.set(request.stateName, n + 1);
    const entries = Object.entries(responses).map(([range, response]) => {
      const [from, to] = range.split('-').map(Number);
      return { from, to: to ?? from, response };
    }).sort((a, b) => a.from - b.from);
    const match = entries.find((e) => n >= e.from && n <= e.to) ?? entries[entries.length - 1];
    if (match.response.Throw) throw new StatesError(match.response.Throw.Error ?? 'States.TaskFailed', match.response.Throw.Cause ?? '');
    return match.response.Return;
  };
}

/** A Task with nothing to answer it: a clear, catchable error that says how to mock it. */
export const unmockedInvoker: TaskInvoker = async (request) => {
  throw new StatesError(
    'States.TaskFailed',
    `Task '${request.stateName}' (${request.resource}) has no mock: add it to a test case in a mock file (--mocks FILE --test-case NAME) or give a handler (--handlers FILE)`,
  );
};
