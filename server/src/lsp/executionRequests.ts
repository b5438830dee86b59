import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatOfLanguage, formatOfName } from '../core/document/documentFormat';
import { isSetupFailure, runTestState, startExecution } from '../execution/isolatedExecution';
import { workerScript } from '../execution/isolatedRun';
import { DEFAULT_LIMITS, toRunLimits, type RunLimits } from '../execution/runLimits';
import { keepSpareWorker } from '../execution/spareWorker';
import { missingMockState } from '../interpreter/mocks';
import { prepareDefinition } from '../interpreter/prepareDefinition';
import { AbortExecutionRequest, ExecutionCallbackNotification, ExecutionEventNotification, SendTaskAnswerRequest, StartExecutionRequest, TestStateRequest } from '../protocol';
import type { TaskAnswer } from '../interpreter/taskTokens';
import type { FeatureContext } from './featureContext';
import { ownStrings } from './templateRequests';

/** An optional string parameter, read only if the request itself carries it (never through a prototype). */
function ownString(params: object, key: string): string | undefined {
  if (!Object.hasOwn(params, key)) return undefined;
  const value = (params as Record<string, unknown>)[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

const machineOf = (uri: string) => basename(fileURLToPath(uri)).replace(/\.asl\.(?:json|ya?ml)$|\.(?:json|ya?ml)$/, '');

/**
 * Start Execution and Test State. Each run happens in its own execution worker process (server/src/execution),
 * never in the server's thread: hover and completion keep answering during a runaway run, abort stops it within
 * a second, and nothing the run does reaches the server's objects. Events stream back as notifications, in batches.
 */
export function registerExecutionRequests(ctx: FeatureContext, canPullConfiguration: () => boolean = () => false): void {
  const running = new Map<string, { abort(): void; answer(token: string, answer: TaskAnswer): void }>();
  // A worker started ahead of the first run (a few seconds after start-up, not competing with it), and again after
  // each run: Start Execution does not wait for a process to start. Each still serves one run only.
  keepSpareWorker(workerScript, DEFAULT_LIMITS.memoryMb, 3000);

  const limits = async (): Promise<RunLimits> => {
    if (!canPullConfiguration()) return toRunLimits(undefined);
    try {
      const [section] = (await ctx.connection.workspace.getConfiguration([{ section: 'asl.execution' }])) as unknown[];
      return toRunLimits(section);
    } catch {
      return toRunLimits(undefined);
    }
  };
  const textOf = async (uri: string) => ctx.getDocument(uri)?.textDocument.getText() ?? (await readFile(fileURLToPath(uri), 'utf8'));
  const formatOf = (uri: string) => {
    const open = ctx.getDocument(uri);
    return open ? formatOfLanguage(open.textDocument.languageId) : formatOfName(fileURLToPath(uri));
  };
  const mocksOf = async (params: object) => {
    const mocksPath = ownString(params, 'mocksPath');
    const testCase = ownString(params, 'testCase');
    return mocksPath && testCase ? { config: JSON.parse(await readFile(mocksPath, 'utf8')) as unknown, testCase } : undefined;
  };

  // A template's picked state machine runs as AWS would receive it (substitutions filled in), named as its mocks name it.
  // Its type is the template's own when it gives one.
  const definitionOf = async (uri: string, substitutions: unknown) => {
    const template = ctx.runnable?.(uri, ownStrings(substitutions));
    if (template) return template;
    const type = ctx.machineTypeOf?.(uri) ?? 'STANDARD';
    return { prepared: prepareDefinition(await textOf(uri), formatOf(uri), type), name: machineOf(uri), type };
  };

  ctx.connection.onRequest(StartExecutionRequest.method, async (params: StartExecutionRequest.Params): Promise<StartExecutionRequest.Result> => {
    const { prepared, name, type: stateMachineType } = await definitionOf(params.uri, params.substitutions);
    if ('problems' in prepared) return { status: 'INVALID', events: [], problems: prepared.problems, error: 'InvalidDefinition', cause: 'The definition has errors; fix them before running.' };
    let input: unknown;
    try {
      input = params.input.trim() ? JSON.parse(params.input) : {};
    } catch (error) {
      return { status: 'INVALID', events: [], error: 'InvalidInput', cause: `The input is not valid JSON: ${(error as Error).message}` };
    }
    let mocks;
    try {
      mocks = await mocksOf(params);
    } catch (error) {
      return { status: 'INVALID', events: [], error: 'InvalidMocks', cause: (error as Error).message };
    }
    // The client sends a handlers path only in a trusted workspace with asl.execution.useHandlers on.
    const handlersPath = ownString(params, 'handlersPath');
    const executionId = String(params.executionId);
    const runLimits = await limits();
    // The next spare gets the limit this run has (a spare with another limit is not used).
    keepSpareWorker(workerScript, runLimits.memoryMb, 1000, false);
    const run = startExecution(
      { definition: prepared.definition, input, stateMachineName: name, executionName: executionId, startTime: Date.now(), realTime: false, stateMachineType, userAnswers: true, ...(mocks ? { mocks } : {}), ...(handlersPath ? { handlersPath } : {}) },
      runLimits,
      {
        onEvents: (events) => {
          // One notification per batch the worker sent (a long run has thousands of events).
          void ctx.connection.sendNotification(ExecutionEventNotification.method, { executionId, events } satisfies ExecutionEventNotification.Params);
        },
        onOutput: (text) => ctx.connection.console.log(`[handlers] ${text.trimEnd()}`),
        onCallback: (task) => {
          const { token, stateName, resource, waiting, activity, timeoutSeconds, heartbeatSeconds } = task;
          const positive = (n: unknown): n is number => typeof n === 'number' && n > 0;
          void ctx.connection.sendNotification(ExecutionCallbackNotification.method, {
            executionId, token: String(token), stateName: String(stateName), resource: String(resource), waiting: waiting === true, activity: activity === true,
            ...(positive(timeoutSeconds) ? { timeoutSeconds } : {}),
            ...(positive(heartbeatSeconds) ? { heartbeatSeconds } : {}),
          } satisfies ExecutionCallbackNotification.Params);
        },
      },
    );
    running.set(executionId, run);
    try {
      const result = await run.result;
      if (isSetupFailure(result)) return { status: 'INVALID', events: [], error: result.error, cause: result.message };
      return { status: result.status, output: result.output, error: result.error, cause: result.cause, durationMs: result.durationMs, events: result.events, missingMock: missingMockState(result) };
    } finally {
      running.delete(executionId);
    }
  });

  ctx.connection.onRequest(TestStateRequest.method, async (params: TestStateRequest.Params): Promise<TestStateRequest.Result> => {
    const { prepared, name } = await definitionOf(params.uri, params.substitutions);
    if ('problems' in prepared) return { status: 'INVALID', error: 'InvalidDefinition', cause: prepared.problems.map((p) => `${p.line}:${p.column} ${p.message}`).join('\n') };
    try {
      const mocks = await mocksOf(params);
      const input = params.input.trim() ? JSON.parse(params.input) : {};
      const result = await runTestState(
        { definition: prepared.definition, stateName: String(params.stateName), input, stateMachineName: name, executionName: 'test-state', startTime: Date.now(), realTime: false, ...(mocks ? { mocks } : {}) },
        await limits(),
        { onOutput: (text) => ctx.connection.console.log(`[handlers] ${text.trimEnd()}`) },
      );
      if (isSetupFailure(result)) return { status: 'INVALID', error: 'InvalidRequest', cause: result.message };
      return { ...result, missingMock: missingMockState(result) };
    } catch (error) {
      return { status: 'INVALID', error: 'InvalidRequest', cause: (error as Error).message };
    }
  });

  ctx.connection.onRequest(AbortExecutionRequest.method, (params: AbortExecutionRequest.Params) => {
    running.get(String(params.executionId))?.abort();
    return null;
  });

  ctx.connection.onRequest(SendTaskAnswerRequest.method, (params: SendTaskAnswerRequest.Params): SendTaskAnswerRequest.Result => {
    const run = running.get(String(params.executionId));
    if (!run) return { ok: false, message: 'The execution is not running' };
    const token = String(params.token);
    if (params.kind === 'heartbeat') run.answer(token, { kind: 'heartbeat' });
    else if (params.kind === 'failure') run.answer(token, { kind: 'failure', error: ownString(params, 'error'), cause: ownString(params, 'cause') });
    else if (params.kind === 'success') {
      try {
        const text = ownString(params, 'output')?.trim();
        run.answer(token, { kind: 'success', output: text ? (JSON.parse(text) as unknown) : {} });
      } catch (error) {
        return { ok: false, message: `The output is not valid JSON: ${(error as Error).message}` };
      }
    } else return { ok: false, message: `Unknown answer '${String(params.kind)}'` };
    return { ok: true };
  });
}
