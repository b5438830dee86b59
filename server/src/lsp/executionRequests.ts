import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { handlerInvoker } from '../interpreter/handlers';
import { findTestCase, missingMockState, mockInvoker, readMockConfig, unmockedInvoker } from '../interpreter/mocks';
import { prepareDefinition, runExecution } from '../interpreter/runExecution';
import type { TaskInvoker } from '../interpreter/types';
import { VirtualClock } from '../interpreter/virtualClock';
import { loadHandlers, nodeServices } from '../runtime/nodeRuntime';
import { AbortExecutionRequest, ExecutionEventNotification, StartExecutionRequest, TestStateRequest } from '../protocol';
import { testState } from '../interpreter/testState';
import type { FeatureContext } from './featureContext';

/** Runs executions in the server process (never in the extension host), streaming history events. */
export function registerExecutionRequests(ctx: FeatureContext): void {
  const running = new Map<string, AbortController>();

  ctx.connection.onRequest(StartExecutionRequest.method, async (params: StartExecutionRequest.Params): Promise<StartExecutionRequest.Result> => {
    const doc = ctx.getDocument(params.uri);
    const text = doc ? doc.textDocument.getText() : await readFile(fileURLToPath(params.uri), 'utf8');
    const prepared = prepareDefinition(text);
    if ('problems' in prepared) return { status: 'INVALID', events: [], problems: prepared.problems, error: 'InvalidDefinition', cause: 'The definition has errors; fix them before running.' };
    let input: unknown;
    try {
      input = params.input.trim() ? JSON.parse(params.input) : {};
    } catch (error) {
      return { status: 'INVALID', events: [], error: 'InvalidInput', cause: `The input is not valid JSON: ${(error as Error).message}` };
    }
    const machine = basename(fileURLToPath(params.uri)).replace(/\.asl\.json$|\.json$/, '');
    let invoke: TaskInvoker = unmockedInvoker;
    try {
      if (params.mocksPath && params.testCase) {
        const config = readMockConfig(JSON.parse(await readFile(params.mocksPath, 'utf8')));
        invoke = mockInvoker(config, findTestCase(config, machine, params.testCase), invoke);
      }
      if (params.handlersPath) invoke = handlerInvoker(await loadHandlers(params.handlersPath, '/'), invoke);
    } catch (error) {
      return { status: 'INVALID', events: [], error: 'InvalidMocks', cause: (error as Error).message };
    }
    const controller = new AbortController();
    running.set(params.executionId, controller);
    try {
      const result = await runExecution({
        definition: prepared.definition,
        input,
        invokeTask: invoke,
        clock: new VirtualClock(Date.now()),
        services: nodeServices,
        signal: controller.signal,
        executionName: params.executionId,
        stateMachineName: machine,
        onEvent: (event) => void ctx.connection.sendNotification(ExecutionEventNotification.method, { executionId: params.executionId, event }),
      });
      return { status: result.status, output: result.output, error: result.error, cause: result.cause, durationMs: result.durationMs, events: result.events, missingMock: missingMockState(result) };
    } finally {
      running.delete(params.executionId);
    }
  });

  ctx.connection.onRequest(TestStateRequest.method, async (params: TestStateRequest.Params): Promise<TestStateRequest.Result> => {
    const doc = ctx.getDocument(params.uri);
    const prepared = prepareDefinition(doc ? doc.textDocument.getText() : await readFile(fileURLToPath(params.uri), 'utf8'));
    if ('problems' in prepared) return { status: 'INVALID', error: 'InvalidDefinition', cause: prepared.problems.map((p) => `${p.line}:${p.column} ${p.message}`).join('\n') };
    try {
      let invoke: TaskInvoker = unmockedInvoker;
      if (params.mocksPath && params.testCase) {
        const config = readMockConfig(JSON.parse(await readFile(params.mocksPath, 'utf8')));
        invoke = mockInvoker(config, findTestCase(config, basename(fileURLToPath(params.uri)).replace(/\.asl\.json$|\.json$/, ''), params.testCase), invoke);
      }
      const input = params.input.trim() ? JSON.parse(params.input) : {};
      const result = await testState({ definition: prepared.definition, stateName: params.stateName, input, invokeTask: invoke, clock: new VirtualClock(Date.now()), services: nodeServices });
      return { ...result, missingMock: missingMockState(result) };
    } catch (error) {
      return { status: 'INVALID', error: 'InvalidRequest', cause: (error as Error).message };
    }
  });

  ctx.connection.onRequest(AbortExecutionRequest.method, (params: AbortExecutionRequest.Params) => {
    running.get(params.executionId)?.abort();
    return null;
  });
}
