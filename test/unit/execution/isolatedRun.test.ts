// Runs executions the way the server and the CLI do: in a fresh execution worker process (dist/executionWorker.js,
// built by `npm test`), attacking it as a definition or a handler from an untrusted workspace would.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isSetupFailure, runTestState, startExecution, type JobSpec } from '../../../server/src/execution/isolatedExecution';
import { DEFAULT_LIMITS } from '../../../server/src/execution/runLimits';
import { findTestCase, mockInvoker, readMockConfig } from '../../../server/src/interpreter/mocks';
import { prepareDefinition } from '../../../server/src/interpreter/prepareDefinition';
import type { ExecutionResult } from '../../../server/src/interpreter/types';
import { run as runInProcess } from '../interpreter/runMachine';

const dir = mkdtempSync(join(tmpdir(), 'asl-isolated-'));
const jsonata = (output: string) => ({ QueryLanguage: 'JSONata', StartAt: 'P', States: { P: { Type: 'Pass', Output: `{% ${output} %}`, End: true } } });
const spec = (definition: unknown, extra: Partial<JobSpec> = {}): JobSpec => ({ definition, input: {}, stateMachineName: 'm', executionName: 'e', startTime: Date.parse('2026-01-01T00:00:00Z'), realTime: false, ...extra });

async function execute(definition: unknown, extra: Partial<JobSpec> = {}, limits = DEFAULT_LIMITS): Promise<ExecutionResult> {
  const result = await startExecution(spec(definition, extra), limits).result;
  assert.ok(!isSetupFailure(result), JSON.stringify(result));
  return result;
}

function handlersFile(name: string, source: string): string {
  const path = join(dir, name);
  writeFileSync(path, source);
  return path;
}

const TASK = { StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:F', End: true } } };

describe('executions in an isolated worker', function () {
  this.timeout(30_000);

  it('a JSONata transform that reaches Object.prototype finds it frozen, and this process is untouched', async () => {
    // The attack: $clone replaced so the transform updates the prototype in place.
    const result = await execute(jsonata("( $clone := function($o){ 'x' }; $i := {} ~> | $states.input.__proto__ | {'handlersPath': 'x.mjs'} |; {} )"));
    assert.equal(result.status, 'FAILED');
    assert.equal(result.error, 'States.QueryEvaluationError');
    assert.match(result.cause ?? '', /not extensible/);
    assert.equal(({} as Record<string, unknown>).handlersPath, undefined);
    assert.equal(Object.hasOwn(Object.prototype, 'handlersPath'), false);
  });

  it('JSONata works with frozen intrinsics: the JSONata example gives what it gives in this process', async () => {
    const examples = resolve(__dirname, '../../../examples');
    const prepared = prepareDefinition(readFileSync(join(examples, 'sentiment-analysis.asl.json'), 'utf8'));
    assert.ok('definition' in prepared);
    const config = JSON.parse(readFileSync(join(examples, 'sentiment-analysis.mocks.json'), 'utf8'));
    const input = JSON.parse(readFileSync(join(examples, 'sentiment-analysis.input.json'), 'utf8'));
    const isolated = await execute(prepared.definition, { input, mocks: { config, testCase: 'Positive' }, stateMachineName: 'sentiment-analysis' });
    const mocks = readMockConfig(config);
    const local = await runInProcess(prepared.definition, input, mockInvoker(mocks, findTestCase(mocks, 'sentiment-analysis', 'Positive')));
    assert.equal(isolated.status, 'SUCCEEDED', isolated.cause);
    assert.deepEqual(isolated.output, local.output);
    assert.deepEqual(isolated.events.map((e) => e.type), local.events.map((e) => e.type));
  });

  it('streams every event and numbers them as the interpreter does', async () => {
    const chain: Record<string, unknown> = {};
    for (let i = 0; i < 250; i++) chain[`S${i}`] = { Type: 'Pass', ...(i < 249 ? { Next: `S${i + 1}` } : { End: true }) };
    const streamed: number[] = [];
    const result = await startExecution(spec({ StartAt: 'S0', States: chain }), DEFAULT_LIMITS, { onEvents: (events) => void streamed.push(...events.map((e) => e.id)) }).result;
    assert.ok(!isSetupFailure(result));
    assert.equal(result.status, 'SUCCEEDED');
    assert.equal(result.events.length, 2 + 250 * 2);
    assert.deepEqual(streamed, result.events.map((e) => e.id));
    assert.deepEqual(streamed, streamed.map((_, i) => i + 1));
  });

  it('a regular expression with catastrophic backtracking ends (V8 falls back to its linear engine)', async () => {
    const result = await execute(jsonata(`$contains('${'a'.repeat(60)}!', /^(a+)+$/)`));
    assert.equal(result.status, 'SUCCEEDED');
    assert.equal(result.output, false);
  });

  it('$range past the local limit fails with a clear error instead of exhausting memory', async () => {
    const result = await execute(jsonata('$count($range(1, 1000000000, 1))'));
    assert.equal(result.error, 'States.QueryEvaluationError');
    assert.match(result.cause ?? '', /would make 1000000000 numbers; the local limit is 10000000/);
  });

  it('a run that exhausts its memory fails with the limit in the message', async () => {
    const result = await execute(jsonata('$count($range(1, 9999999, 1))'), {}, { memoryMb: 32, timeoutSeconds: 60 });
    assert.equal(result.status, 'FAILED');
    assert.equal(result.error, 'States.Runtime');
    assert.match(result.cause ?? '', /ran out of memory \(limit 32 MB\)/);
    assert.equal(result.events.at(-1)?.type, 'ExecutionFailed');
  });

  it('a run past the wall-clock limit is stopped and says so', async () => {
    const started = Date.now();
    const result = await execute(jsonata('( $f := function($n){ $f($n + 1) }; $f(0) )'), {}, { memoryMb: 256, timeoutSeconds: 1 });
    assert.equal(result.status, 'FAILED');
    assert.match(result.cause ?? '', /ran longer than the local limit of 1 seconds/);
    assert.ok(Date.now() - started < 10_000);
  });

  it('abort ends a run that never yields within a second of asking', async () => {
    // A JSONata loop of ten million steps: one expression, no I/O, no message handled until it ends (its own
    // budget stops it after 10 s). A retrier retrying at once used to be the example; it now ends at the
    // 25,000-event cap in under a second.
    const run = startExecution(spec(jsonata('$reduce($range(1, 9999999, 1), function($a, $v){ $a + $v })')), DEFAULT_LIMITS);
    await new Promise((done) => setTimeout(done, 500));
    const asked = Date.now();
    run.abort();
    const result = await run.result;
    const took = Date.now() - asked;
    assert.ok(!isSetupFailure(result));
    assert.equal(result.status, 'ABORTED');
    assert.equal(result.events.at(-1)?.type, 'ExecutionAborted');
    assert.ok(took < 1500, `abort took ${took} ms`);
  });

  it('abort ends a pending handler call at once (the run yields)', async () => {
    const path = handlersFile('slow.mjs', 'export const handlers = { T: () => new Promise((done) => setTimeout(done, 60_000)) };');
    const run = startExecution(spec(TASK, { handlersPath: path }), DEFAULT_LIMITS);
    await new Promise((done) => setTimeout(done, 700));
    run.abort();
    const result = await run.result;
    assert.ok(!isSetupFailure(result));
    assert.equal(result.status, 'ABORTED');
    assert.match(result.cause ?? '', /aborted/);
  });

  it('a handler that never settles is reported by name', async () => {
    const path = handlersFile('never.mjs', 'export const handlers = { T: () => new Promise(() => {}) };');
    const result = await execute(TASK, { handlersPath: path });
    assert.equal(result.status, 'FAILED');
    assert.equal(result.cause, "Task 'T': the handler did not settle (its promise never resolved or rejected, and nothing else was left to run)");
  });

  it('a never-settling handler in a state with TimeoutSeconds fails with States.Timeout, which Catch handles', async () => {
    const path = handlersFile('never2.mjs', 'export const handlers = { T: () => new Promise(() => {}) };');
    const definition = { StartAt: 'T', States: { T: { ...TASK.States.T, End: undefined, TimeoutSeconds: 1, Catch: [{ ErrorEquals: ['States.Timeout'], Next: 'Caught' }], Next: 'Caught' }, Caught: { Type: 'Succeed' } } };
    const result = await execute(definition, { handlersPath: path });
    assert.equal(result.status, 'SUCCEEDED', result.cause);
    assert.deepEqual(result.output, { Error: 'States.Timeout', Cause: "Task 'T' timed out after 1 seconds (its handler did not settle)" });
  });

  it('a late rejection from handler code fails the run, and this process lives on', async () => {
    const path = handlersFile('late.mjs', "export const handlers = { T: async () => { setTimeout(() => Promise.reject(new Error('late boom')), 10); await new Promise((r) => setTimeout(r, 100)); return 1; } };");
    const result = await execute(TASK, { handlersPath: path });
    assert.equal(result.status, 'FAILED');
    assert.match(result.cause ?? '', /^Unhandled rejection in handler code: Error: late boom/);
    assert.ok(result.events.some((e) => e.type === 'LambdaFunctionStarted'), 'the events before the crash were streamed');
  });

  it('a handler gets copies: mutating its input and context changes nothing in the run', async () => {
    const path = handlersFile('mutate.mjs', "export const handlers = { T: (input, context) => { input.x = 'changed'; context.Execution.Name = 'renamed'; return { seen: context.Execution.Name }; } };");
    const definition = {
      StartAt: 'T',
      States: {
        T: { ...TASK.States.T, End: undefined, ResultPath: '$.result', Next: 'After' },
        After: { Type: 'Pass', Parameters: { 'x.$': '$.x', 'name.$': '$$.Execution.Name', 'result.$': '$.result' }, End: true },
      },
    };
    const result = await execute(definition, { handlersPath: path, input: { x: 'original' } });
    assert.equal(result.status, 'SUCCEEDED', result.cause);
    assert.deepEqual(result.output, { x: 'original', name: 'e', result: { seen: 'renamed' } });
  });

  it('handlers that do not load, a wrong test case and an unknown state are setup failures', async () => {
    const missing = await startExecution(spec(TASK, { handlersPath: join(dir, 'nope.mjs') }), DEFAULT_LIMITS).result;
    assert.ok(isSetupFailure(missing) && missing.error === 'InvalidHandlers', JSON.stringify(missing));
    const wrongCase = await startExecution(spec(TASK, { mocks: { config: { StateMachines: { m: { TestCases: {} } } }, testCase: 'Nope' } }), DEFAULT_LIMITS).result;
    assert.ok(isSetupFailure(wrongCase) && wrongCase.error === 'InvalidMocks' && /No test case 'Nope'/.test(wrongCase.message), JSON.stringify(wrongCase));
    const noState = await runTestState({ ...spec(TASK), stateName: 'Nope' }, DEFAULT_LIMITS);
    assert.ok(isSetupFailure(noState) && /No state named 'Nope'/.test(noState.message), JSON.stringify(noState));
  });

  it('Test State runs in the worker too', async () => {
    const result = await runTestState({ ...spec({ StartAt: 'P', States: { P: { Type: 'Pass', Parameters: { 'v.$': '$.a' }, End: true } } }), input: { a: 1 }, stateName: 'P' }, DEFAULT_LIMITS);
    assert.ok(!isSetupFailure(result));
    assert.equal(result.status, 'SUCCEEDED');
    assert.deepEqual(result.output, { v: 1 });
  });
});
