import assert from 'node:assert/strict';
import { run, single } from '../interpreter/runMachine';

/**
 * Conformance, category "error names and causes per state type and field". AWS reports a failure inside a state as
 * `An error occurred while executing the state 'NAME' (entered at the event id #N). DETAIL` (asl-reference §13;
 * AWS's answers recorded in corpus/aws-recorded-messages.json, quoted per case).
 */
const failure = async (definition: unknown, input: unknown = {}) => {
  const r = await run(definition, input);
  assert.equal(r.status, 'FAILED', JSON.stringify(r.output));
  return { error: r.error, cause: r.cause };
};
const jsonata = (state: Record<string, unknown>) => single(state, { QueryLanguage: 'JSONata' });

describe('conformance: error names and causes', () => {
  describe('JSONPath paths (States.Runtime)', () => {
    it("InputPath matching nothing: \"Invalid path '$.NoSuchInputPath' : No results for path: $['NoSuchInputPath']\"", async () => {
      assert.deepEqual(await failure({ StartAt: 'pass', States: { pass: { Type: 'Pass', InputPath: '$.NoSuchInputPath', End: true } } }), {
        error: 'States.Runtime',
        cause: "An error occurred while executing the state 'pass' (entered at the event id #2). Invalid path '$.NoSuchInputPath' : No results for path: $['NoSuchInputPath']",
      });
    });
    it('OutputPath matching nothing names the whole path', async () => {
      const { cause } = await failure({ StartAt: 'pass', States: { pass: { Type: 'Pass', OutputPath: '$.NoSuchOutputPath', End: true } } });
      assert.equal(cause, "An error occurred while executing the state 'pass' (entered at the event id #2). Invalid path '$.NoSuchOutputPath' : No results for path: $['NoSuchOutputPath']");
    });
    it("a missing object on the way: \"Missing property in path $['no']\"", async () => {
      const { error, cause } = await failure({ StartAt: 'RaiseRuntime', States: { RaiseRuntime: { Type: 'Pass', InputPath: '$.no.such.result.path', End: true } } });
      assert.equal(error, 'States.Runtime');
      assert.equal(cause, "An error occurred while executing the state 'RaiseRuntime' (entered at the event id #2). Invalid path '$.no.such.result.path' : Missing property in path $['no']");
    });
    it('the event id is the one the failing state was entered at', async () => {
      const { cause } = await failure({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Pass', InputPath: '$.x', End: true } } });
      assert.match(cause ?? '', /^An error occurred while executing the state 'B' \(entered at the event id #4\)\. /);
    });
    it('States.Runtime is not caught by States.ALL (asl-reference §0.11)', async () => {
      const r = await run({ StartAt: 'P', States: { P: { Type: 'Parallel', Branches: [{ StartAt: 'X', States: { X: { Type: 'Pass', InputPath: '$.x', End: true } } }], Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Z' }], End: true }, Z: { Type: 'Succeed' } } });
      assert.equal(r.status, 'FAILED');
      assert.match(r.cause ?? '', /^An error occurred while executing the state 'X'/, 'prefixed once, by the state that raised it');
    });
  });

  describe('payload templates (States.ParameterPathFailure)', () => {
    it("\"The JSONPath '$.a' specified for the field 'x.$' could not be found in the input '{...}'\"", async () => {
      const { error, cause } = await failure(single({ Type: 'Pass', Parameters: { 'x.$': '$.a' } }), { b: 1 });
      assert.equal(error, 'States.ParameterPathFailure');
      assert.equal(cause, "An error occurred while executing the state 'S' (entered at the event id #2). The JSONPath '$.a' specified for the field 'x.$' could not be found in the input '{\"b\":1}'");
    });
  });

  describe('Map items (States.QueryEvaluationError)', () => {
    // Recorded: "The JSONata expression '1' specified for the field 'Items' returned an unexpected result type.
    // Expected 'array', but was 'number' for value: 1" (and the same for string, null, boolean, object).
    const map = (Items: unknown) => jsonata({ Type: 'Map', Items, ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } } });
    for (const [expression, type, shown] of [['1', 'number', '1'], ["'string'", 'string', '"string"'], ['null', 'null', 'null'], ['true', 'boolean', 'true'], ["{'foo': 'bar'}", 'object', '{"foo":"bar"}']]) {
      it(`JSONata Items {% ${expression} %} → ${type}`, async () => {
        assert.deepEqual(await failure(map(`{% ${expression} %}`)), {
          error: 'States.QueryEvaluationError',
          cause: `An error occurred while executing the state 'S' (entered at the event id #2). The JSONata expression '${expression}' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was '${type}' for value: ${shown}`,
        });
      });
    }
    it("a function is an unsupported result type (recorded for '$fn := function($x){$x}')", async () => {
      const { error, cause } = await failure(map('{% $fn := function($x){$x} %}'));
      assert.equal(error, 'States.QueryEvaluationError');
      assert.match(cause ?? '', /The JSONata expression '\$fn := function\(\$x\)\{\$x\}' specified for the field 'Items' returned an unsupported result type\.$/);
    });
    it("JSONPath ItemsPath to a non-array: \"Map state input must be an array but was: 1\" (issue 14)", async () => {
      const { error, cause } = await failure(single({ Type: 'Map', ItemsPath: '$.n', ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } } }), { n: 1 });
      assert.equal(error, 'States.QueryEvaluationError');
      assert.match(cause ?? '', /\)\. Map state input must be an array but was: 1$/);
    });
  });

  describe('JSONata expressions (States.QueryEvaluationError)', () => {
    it("nothing in Output: \"The JSONata expression '$doesNotExist' specified for the field 'Output' returned nothing (undefined).\"", async () => {
      assert.deepEqual(await failure(jsonata({ Type: 'Pass', Output: '{% $doesNotExist %}' })), {
        error: 'States.QueryEvaluationError',
        cause: "An error occurred while executing the state 'S' (entered at the event id #2). The JSONata expression '$doesNotExist' specified for the field 'Output' returned nothing (undefined).",
      });
    });
    it('nothing in Arguments/FunctionName names the nested field with /', async () => {
      const { cause } = await failure(jsonata({ Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Arguments: { FunctionName: '{% $doesNotExist %}' } }));
      assert.match(cause ?? '', /The JSONata expression '\$doesNotExist' specified for the field 'Arguments\/FunctionName' returned nothing \(undefined\)\.$/);
    });
    it('nothing in Assign/result', async () => {
      const { cause } = await failure(jsonata({ Type: 'Pass', Assign: { result: '{% $doesNotExist %}' } }));
      assert.match(cause ?? '', /specified for the field 'Assign\/result' returned nothing \(undefined\)\.$/);
    });
    it('an evaluation error: "threw an error during evaluation. T1006: Attempted to invoke a non-function" (recorded)', async () => {
      const { error, cause } = await failure(jsonata({ Type: 'Pass', Output: { FunctionResult: '{% $randomSeeded(1) %}' } }));
      assert.equal(error, 'States.QueryEvaluationError');
      assert.match(cause ?? '', /The JSONata expression '\$randomSeeded\(1\)' specified for the field 'Output\/FunctionResult' threw an error during evaluation\. T1006: Attempted to invoke a non-function$/);
    });
  });

  describe('values read at run time (States.Runtime naming the field, issue 14)', () => {
    const wait = (input: unknown) => failure(single({ Type: 'Wait', SecondsPath: '$.s' }), input);
    it('SecondsPath to a non-integer', async () => {
      assert.deepEqual(await wait({ s: 1.5 }), { error: 'States.Runtime', cause: "An error occurred while executing the state 'S' (entered at the event id #2). The value of the field 'SecondsPath' must be a non-negative integer (at most 99999999), but was: 1.5" });
      assert.match((await wait({ s: '10' })).cause ?? '', /'SecondsPath' must be a non-negative integer .* but was: "10"$/);
      assert.match((await wait({ s: -1 })).cause ?? '', /'SecondsPath'/);
    });
    it('TimestampPath to something that is not RFC 3339', async () => {
      const r = await failure(single({ Type: 'Wait', TimestampPath: '$.t' }), { t: '2026-01-01' });
      assert.equal(r.error, 'States.Runtime');
      assert.match(r.cause ?? '', /'TimestampPath' must be an RFC 3339 timestamp/);
    });
    const distributed = (fields: Record<string, unknown>) => single({ Type: 'Map', ...fields, ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'P', States: { P: { Type: 'Pass', End: true } } } });
    for (const [field, value] of [['MaxConcurrencyPath', -1], ['MaxConcurrencyPath', 'x'], ['ToleratedFailureCountPath', 1.5], ['ToleratedFailurePercentagePath', 101], ['ToleratedFailurePercentagePath', '5']] as const) {
      it(`${field} to ${JSON.stringify(value)}`, async () => {
        const r = await failure(distributed({ ItemsPath: '$.items', [field]: '$.v' }), { items: [1], v: value });
        assert.equal(r.error, 'States.Runtime');
        assert.match(r.cause ?? '', new RegExp(`The value of the field '${field}' must be .*, but was: ${JSON.stringify(JSON.stringify(value)).slice(1, -1)}$`));
      });
    }
    // Recorded (corpus/aws-recorded-messages.json, test_base_scenarios): "An error occurred while executing the state
    // 'task' (entered at the event id #2). Invalid path '$.NoSuchTimeoutSecondsPath' : No results for path:
    // $['NoSuchTimeoutSecondsPath']" (asl-reference §13: "the same for OutputPath and TimeoutSecondsPath").
    it('TimeoutSecondsPath matching nothing: the recorded cause', async () => {
      const machine = { StartAt: 'task', States: { task: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', TimeoutSecondsPath: '$.NoSuchTimeoutSecondsPath', End: true } } };
      assert.deepEqual(await failure(machine), {
        error: 'States.Runtime',
        cause: "An error occurred while executing the state 'task' (entered at the event id #2). Invalid path '$.NoSuchTimeoutSecondsPath' : No results for path: $['NoSuchTimeoutSecondsPath']",
      });
    });
    it('TimeoutSecondsPath and HeartbeatSecondsPath to a value that is not a positive integer name their field', async () => {
      const task = (fields: Record<string, unknown>) => single({ Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', ...fields });
      assert.deepEqual(await failure(task({ TimeoutSecondsPath: '$.t' }), { t: 1.5 }), {
        error: 'States.Runtime',
        cause: "An error occurred while executing the state 'S' (entered at the event id #2). The value of the field 'TimeoutSecondsPath' must be a positive integer (at most 99999999), but was: 1.5",
      });
      assert.match((await failure(task({ HeartbeatSecondsPath: '$.h' }), { h: 0 })).cause ?? '', /The value of the field 'HeartbeatSecondsPath' must be a positive integer .*, but was: 0$/);
      assert.match((await failure(task({ TimeoutSecondsPath: '$.t' }), { t: '60' })).cause ?? '', /'TimeoutSecondsPath' .* but was: "60"$/);
    });
    it('a JSONata TimeoutSeconds that is not a positive integer is States.QueryEvaluationError', async () => {
      const r = await failure(jsonata({ Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', TimeoutSeconds: "{% 'soon' %}" }));
      assert.deepEqual(r, {
        error: 'States.QueryEvaluationError',
        cause: "An error occurred while executing the state 'S' (entered at the event id #2). The JSONata expression ''soon'' specified for the field 'TimeoutSeconds' returned an unexpected result: expected a positive integer (at most 99999999), but was: \"soon\"",
      });
    });
    it('ToleratedFailureCountPath in range is used: one failure tolerated', async () => {
      const machine = single({ Type: 'Map', ItemsPath: '$.items', ToleratedFailureCountPath: '$.v', ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'P', States: { P: { Type: 'Choice', Choices: [{ Variable: '$', NumericEquals: 2, Next: 'Bad' }], Default: 'Ok' }, Bad: { Type: 'Fail', Error: 'E' }, Ok: { Type: 'Succeed' } } } });
      assert.equal((await run(machine, { items: [1, 2, 3], v: 1 })).status, 'SUCCEEDED');
      assert.equal((await run(machine, { items: [1, 2, 3], v: 0 })).error, 'States.ExceedToleratedFailureThreshold');
    });
  });

  it("a Task's and a Fail state's own causes are left as they are", async () => {
    assert.deepEqual(await failure(single({ Type: 'Fail', Error: 'States.Runtime', Cause: 'mine' })), { error: 'States.Runtime', cause: 'mine' });
    const r = await run(single({ Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke' }), {}, async () => {
      const { StatesError } = await import('../../../server/src/interpreter/statesError');
      throw new StatesError('Lambda.Unknown', 'the function crashed');
    });
    assert.deepEqual({ error: r.error, cause: r.cause }, { error: 'Lambda.Unknown', cause: 'the function crashed' });
  });
});
