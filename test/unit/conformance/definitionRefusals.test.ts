import assert from 'node:assert/strict';
import { analyzeDocument } from '../../../server/src/core/analyzeDocument';
import { DEFAULT_VALIDATION_SETTINGS } from '../../../server/src/core/validation/types';
import { prepareDefinition } from '../../../server/src/interpreter/prepareDefinition';

/** Conformance, category "definition refusals": what AWS refuses at CreateStateMachine is an error, what it accepts is not. */
const errors = (definition: unknown, express = false) =>
  analyzeDocument(JSON.stringify(definition), { ...DEFAULT_VALIDATION_SETTINGS, stateMachineType: express ? 'EXPRESS' : 'STANDARD' })
    .problems.filter((p) => p.severity === 'error')
    .map((p) => `${p.code}: ${p.message}`);
const task = (Resource: string, extra: Record<string, unknown> = {}) => ({ StartAt: 'T', States: { T: { Type: 'Task', Resource, End: true, ...extra } } });
const wait = (Timestamp: string) => ({ StartAt: 'W', States: { W: { Type: 'Wait', Timestamp, End: true } } });

describe('conformance: definitions AWS refuses or accepts', () => {
  describe('unreachable states', () => {
    // AWS: "MISSING_TRANSITION_TARGET: State \"B\" is not reachable." (issue 14; asl-reference §11.5).
    const machine = { StartAt: 'A', States: { A: { Type: 'Succeed' }, B: { Type: 'Succeed' } } };
    it('is an error', () => assert.deepEqual(errors(machine).map((e) => e.split(':')[0]), ['unreachable-state']));
    it('makes asl run refuse the machine', () => {
      const prepared = prepareDefinition(JSON.stringify(machine));
      assert.ok('problems' in prepared && prepared.problems.some((p) => p.code === 'unreachable-state'));
    });
  });

  describe('Wait Timestamp is a complete RFC 3339 date-time', () => {
    // AWS: "SCHEMA_VALIDATION_FAILED: String does not match RFC3339 timestamp at /States/WaitUntil/Timestamp" (recorded,
    // corpus/aws-recorded-messages.json); asl-reference §5.4: T and Z uppercase, a zone designator.
    for (const bad of ['2026-01-01', '2026-01-01T00:00:00', '2026-01-01 00:00:00Z', '2026-01-01t00:00:00z', '2026-02-30T00:00:00Z', '2025-02-29T00:00:00Z', '2026-13-01T00:00:00Z', '2026-01-01T24:00:00Z', '2026-01-01T23:60:00Z', '2026-01-01T00:00:00+25:00', 'tomorrow']) {
      it(`refuses ${bad}`, () => assert.match(errors(wait(bad)).join(), /invalid-field-value: The field 'Timestamp' must be an RFC 3339 timestamp/));
    }
    for (const good of ['2026-01-01T00:00:00Z', '2024-02-29T23:59:59.123456Z', '2026-06-30T12:00:00+02:00', '2026-06-30T12:00:00-05:30']) {
      it(`accepts ${good}`, () => assert.deepEqual(errors(wait(good)), []));
    }
    it('leaves a JSONata Timestamp expression to run time', () => {
      assert.deepEqual(errors({ QueryLanguage: 'JSONata', StartAt: 'W', States: { W: { Type: 'Wait', Timestamp: '{% $states.input.at %}', End: true } } }), []);
    });
  });

  describe('escapes in intrinsic-function strings', () => {
    // Developer guide, "Intrinsic functions": the reserved characters ' { } \ are escaped with \; AWS refuses other
    // escapes ("The value for the field 'parsed.$' must be a valid JSONPath or a valid intrinsic function call",
    // recorded for the IntrinsicEscape scenario, corpus/aws-recorded-messages.json).
    const pass = (value: string) => ({ StartAt: 'P', States: { P: { Type: 'Pass', Parameters: { 'parsed.$': value }, End: true } } });
    for (const bad of ["States.StringToJson('{\\\"a\\\":1}')", "States.Format('a\\nb')", "States.Format('\\u0041')"]) {
      it(`refuses ${bad}`, () => assert.match(errors(pass(bad)).join(), /invalid-intrinsic: .*is not an escape AWS accepts/));
    }
    for (const good of ["States.Format('it\\'s \\{\\} {}', $.x)", "States.Format('a\\\\b')"]) {
      it(`accepts ${good}`, () => assert.deepEqual(errors(pass(good)), []));
    }
  });

  describe('Task resources', () => {
    // Recorded AWS answer: "The resource provided arn:<partition>:states:::dynamodb:query is not recognized. ..."
    it('refuses an API the optimized service does not have', () => assert.match(errors(task('arn:aws:states:::dynamodb:query')).join(), /is not recognized/));
    it('refuses a service that is not an optimized integration', () => assert.match(errors(task('arn:aws:states:::nosuchservice:doIt')).join(), /is not recognized/));
    // Developer guide, "Optimized integrations for Step Functions": pattern support per service and API.
    it('refuses a pattern the API does not support', () => {
      assert.match(errors(task('arn:aws:states:::lambda:invoke.sync')).join(), /does not support '.sync'/);
      assert.match(errors(task('arn:aws:states:::athena:getQueryResults.sync')).join(), /does not support '.sync'/);
      assert.match(errors(task('arn:aws:states:::glue:startJobRun.waitForTaskToken')).join(), /does not support '.waitForTaskToken'/);
      assert.match(errors(task('arn:aws:states:::aws-sdk:s3:listBuckets.sync')).join(), /do not support '.sync'/);
    });
    it('accepts the documented ones', () => {
      for (const arn of ['arn:aws:states:::lambda:invoke.waitForTaskToken', 'arn:aws:states:::athena:startQueryExecution.sync', 'arn:aws:states:::states:startExecution.sync:2', 'arn:aws:states:::ecs:runTask.waitForTaskToken', 'arn:aws:states:::aws-sdk:s3:listBuckets', 'arn:aws:states:::sqs:sendMessage.waitForTaskToken', 'arn:aws:states:us-east-1:123456789012:activity:Approve']) {
        assert.deepEqual(errors(task(arn)), [], arn);
      }
    });
  });

  it('accepts ProcessorConfig inside the deprecated Iterator (AWS accepts it; issue 14)', () => {
    const machine = { StartAt: 'M', States: { M: { Type: 'Map', Iterator: { ProcessorConfig: { Mode: 'INLINE' }, StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, End: true } } };
    assert.deepEqual(errors(machine), []);
  });

  describe('JSONata states: Output, Arguments and Assign are plain JSON plus {% %} strings', () => {
    // Developer guide, "Transforming data with JSONata": only strings in {% %} are evaluated; asl-reference §0.2.
    const machine = {
      QueryLanguage: 'JSONata', StartAt: 'T',
      States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Arguments: { 'FunctionName.$': '$.fn', FunctionName: 'f', x: '$', y: "States.Format('{}', $.a)" }, Output: { 'b.$': '$.x', c: '$$.Execution.Id' }, End: true } },
    };
    it('gives no error for .$ keys (ordinary keys there) or "$"-like literals', () => assert.deepEqual(errors(machine), []));
    it('keeps a warning on a .$ key, which is likely a slip', () => {
      const problems = analyzeDocument(JSON.stringify(machine)).problems;
      assert.ok(problems.some((p) => p.code === 'payload-template' && p.severity === 'warning' && p.message.includes("'FunctionName.$' is an ordinary key")));
    });
  });
});
