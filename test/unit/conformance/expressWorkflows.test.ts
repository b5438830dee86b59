import assert from 'node:assert/strict';
import { analyzeDocument } from '../../../server/src/core/analyzeDocument';
import { DEFAULT_VALIDATION_SETTINGS } from '../../../server/src/core/validation/types';
import { prepareDefinition } from '../../../server/src/interpreter/prepareDefinition';
import { toServerSettings } from '../../../server/src/lsp/settings';
import { run } from '../interpreter/runMachine';

/** Conformance, category "Express workflows": refusals at definition time, and how an Express execution runs. */
const expressErrors = (definition: unknown, type: 'STANDARD' | 'EXPRESS' = 'EXPRESS') =>
  analyzeDocument(JSON.stringify(definition), { ...DEFAULT_VALIDATION_SETTINGS, stateMachineType: type }).problems.filter((p) => p.code === 'express-unsupported').map((p) => p.message);
const task = (Resource: string) => ({ StartAt: 'T', States: { T: { Type: 'Task', Resource, End: true } } });

describe('conformance: Express workflows', () => {
  describe('refusals (developer guide "Optimized integrations": Express supports Request Response only)', () => {
    // AWS's messages, recorded (corpus/aws-recorded-messages.json, test_sfn_api_express).
    it("refuses '.sync'", () => assert.match(expressErrors(task('arn:aws:states:::states:startExecution.sync')).join(), /^Express state machine does not support '.sync' service integration/));
    it("refuses '.sync:2'", () => assert.match(expressErrors(task('arn:aws:states:::states:startExecution.sync:2')).join(), /does not support '.sync' service integration/));
    it("refuses '.waitForTaskToken'", () => assert.match(expressErrors(task('arn:aws:states:::sns:publish.waitForTaskToken')).join(), /does not support '.waitForTaskToken' service integration/));
    it('refuses an Activity', () => assert.match(expressErrors(task('arn:aws:states:us-east-1:123456789012:activity:Approve')).join(), /does not support Activity ARN/));
    it('refuses a Distributed Map (asl-reference §0.12; "Using Map state in Distributed mode")', () => {
      const map = { StartAt: 'M', States: { M: { Type: 'Map', ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' }, StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, End: true } } };
      assert.match(expressErrors(map).join(), /does not support Distributed Map/);
      assert.deepEqual(expressErrors(map, 'STANDARD'), []);
    });
    it('accepts Request Response, Lambda ARNs and Inline Maps', () => {
      assert.deepEqual(expressErrors(task('arn:aws:states:::lambda:invoke')), []);
      assert.deepEqual(expressErrors(task('arn:aws:lambda:us-east-1:123456789012:function:f')), []);
    });
    it('refuses nothing in a Standard machine', () => assert.deepEqual(expressErrors(task('arn:aws:states:::sns:publish.waitForTaskToken'), 'STANDARD'), []));
    it("refuses callbacks in a Distributed Map's EXPRESS children even in a Standard machine", () => {
      const map = (type: string) => ({ StartAt: 'M', States: { M: { Type: 'Map', ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: type }, StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken', End: true } } }, End: true } } });
      assert.match(expressErrors(map('EXPRESS'), 'STANDARD').join(), /EXPRESS children of Distributed Map 'M'/);
      assert.deepEqual(expressErrors(map('STANDARD'), 'STANDARD'), []);
    });
    it('makes asl run --type express refuse the machine', () => {
      const text = JSON.stringify(task('arn:aws:states:::sqs:sendMessage.waitForTaskToken'));
      assert.ok('problems' in prepareDefinition(text, 'json', 'EXPRESS'));
      assert.ok('definition' in prepareDefinition(text, 'json', 'STANDARD'));
    });
  });

  describe('running (service quotas: no 25,000-event history limit; five-minute maximum duration)', () => {
    const loop = (extra: Record<string, unknown> = {}) => ({
      StartAt: 'Count',
      States: {
        Count: { Type: 'Pass', Parameters: { 'n.$': 'States.MathAdd($.n, 1)' }, Next: 'Done?' },
        'Done?': { Type: 'Choice', Choices: [{ Variable: '$.n', NumericGreaterThanEquals: 10000, Next: 'End' }], Default: 'Count' },
        End: { Type: 'Succeed' },
      },
      ...extra,
    });
    it('a Standard execution fails at 25,000 events', async () => {
      const result = await run(loop(), { n: 0 });
      assert.equal(result.status, 'FAILED');
      assert.match(result.cause ?? '', /maximum number of history events \(25000\)/);
    });
    it('an Express execution goes past 25,000 events', async () => {
      const result = await run(loop(), { n: 0 }, undefined, { stateMachineType: 'EXPRESS' });
      assert.equal(result.status, 'SUCCEEDED');
      assert.deepEqual(result.output, { n: 10000 });
      assert.ok(result.events.length > 25_000);
    });
    it('an Express execution times out after five minutes of (virtual) time', async () => {
      const machine = { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 301, End: true } } };
      const express = await run(machine, {}, undefined, { stateMachineType: 'EXPRESS' });
      assert.equal(express.status, 'TIMED_OUT');
      assert.equal(express.error, 'States.Timeout');
      assert.ok(express.durationMs <= 301_000);
      assert.equal((await run(machine)).status, 'SUCCEEDED');
      assert.equal((await run({ ...machine, States: { W: { Type: 'Wait', Seconds: 299, End: true } } }, {}, undefined, { stateMachineType: 'EXPRESS' })).status, 'SUCCEEDED');
    });
    it('a TimeoutSeconds under five minutes still applies', async () => {
      const result = await run({ TimeoutSeconds: 10, StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 20, End: true } } }, {}, undefined, { stateMachineType: 'EXPRESS' });
      assert.equal(result.status, 'TIMED_OUT');
      assert.match(result.cause ?? '', /its TimeoutSeconds/);
    });
    it("the Execution.Id is an Express execution's ARN", async () => {
      const result = await run({ StartAt: 'P', States: { P: { Type: 'Pass', Parameters: { 'id.$': '$$.Execution.Id' }, End: true } } }, {}, undefined, { stateMachineType: 'EXPRESS' });
      assert.match((result.output as { id: string }).id, /^arn:aws:states:[^:]+:\d+:express:/);
    });
  });

  it('the type comes from asl.validation.stateMachineType or a glob of asl.validation.expressMachines (default STANDARD)', () => {
    const globs = toServerSettings({ expressMachines: ['express/*.asl.json', 'checkout.asl.json', '[', 42] });
    assert.equal(globs.machineTypeOf('file:///w/app/express/a.asl.json'), 'EXPRESS');
    assert.equal(globs.machineTypeOf('file:///w/checkout.asl.json'), 'EXPRESS');
    assert.equal(globs.machineTypeOf('file:///w/app/a.asl.json'), 'STANDARD');
    assert.equal(toServerSettings({ stateMachineType: 'EXPRESS' }).machineTypeOf('file:///w/a.asl.json'), 'EXPRESS');
    assert.equal(toServerSettings({ stateMachineType: 'bogus' }).machineTypeOf('file:///w/a.asl.json'), 'STANDARD');
    assert.equal(toServerSettings(undefined).machineTypeOf('file:///w/a.asl.json'), 'STANDARD');
  });
});
