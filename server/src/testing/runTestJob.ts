import jsonata from 'jsonata';
import { Execution } from '../interpreter/execution';
import { missingMockState, mockInvoker, unmockedInvoker, type MockConfig } from '../interpreter/mocks';
import { testState } from '../interpreter/testState';
import type { IntrinsicServices } from '../interpreter/intrinsicsEval';
import { VirtualClock } from '../interpreter/virtualClock';
import { checkExpectations, type Predicate } from './checkExpectations';
import { Observer, type Observation } from './observe';
import { stripBraces } from './stripBraces';
import type { TestJob, TestOutcome } from './testJob';

const compiled = new Map<string, ReturnType<typeof jsonata>>();

/** A JSONata predicate with `$` bound to the value checked. */
export const jsonataPredicate: Predicate = async (expression, value) => {
  let compiledExpression = compiled.get(expression);
  if (!compiledExpression) {
    compiledExpression = jsonata(stripBraces(expression));
    compiled.set(expression, compiledExpression);
  }
  return compiledExpression.evaluate(value);
};

/** Runs one test (a whole execution, or one state alone) and checks its expectations. Inside the test worker. */
export async function runTestJob(job: TestJob, definition: unknown, services: IntrinsicServices): Promise<TestOutcome> {
  const observer = new Observer();
  const invokeTask = job.mocks ? mockInvoker({ MockedResponses: job.mocks.responses } as MockConfig, job.mocks.testCase, unmockedInvoker) : unmockedInvoker;
  const clock = new VirtualClock(job.startTime);
  let observation: Observation;
  if (job.state !== undefined) {
    const result = await testState({ definition, stateName: job.state, input: job.input, variables: job.variables ?? {}, invokeTask, clock, services, onTrace: observer.onTrace });
    observation = {
      mode: 'state', status: result.status, output: result.output, error: result.error, cause: result.cause, path: [job.state], transitions: 1,
      states: new Map([[job.state, { runs: [{ input: job.input, output: result.output, exited: result.output !== undefined }], retries: 0 }]]),
      variables: result.inspectionData.variables, nextState: result.nextState, inspectionData: result.inspectionData as Record<string, unknown>, traces: observer.traces,
    };
  } else {
    const controller = new AbortController();
    let entered = 0;
    const execution = new Execution({
      definition, input: job.input, invokeTask, clock, services, recordEvents: false, signal: controller.signal,
      executionName: 'test', stateMachineName: job.stateMachineName, onTrace: observer.onTrace,
      onEvent: (event) => {
        observer.onEvent(event);
        if (job.maxTransitions !== undefined && event.type.endsWith('StateEntered') && ++entered > job.maxTransitions) controller.abort();
      },
    });
    const result = await execution.run();
    observation = {
      mode: 'execution', status: result.status, output: result.output, error: result.error, cause: result.cause,
      path: observer.path, transitions: observer.path.length, states: observer.states, variables: execution.variables.all(), traces: observer.traces,
    };
  }
  const observed = {
    status: observation.status, output: observation.output, error: observation.error, cause: observation.cause, path: observation.path,
    transitions: observation.transitions, nextState: observation.nextState, durationMs: clock.now() - job.startTime,
  };
  const missing = missingMockState(observation);
  if (missing !== undefined) return { id: job.id, observed, failures: [], setupError: observation.cause, traces: observer.traces };
  return { id: job.id, observed, failures: await checkExpectations(observation, job.expectations, jsonataPredicate), traces: observer.traces };
}
