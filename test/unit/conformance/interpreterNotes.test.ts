import assert from 'node:assert/strict';
import { StatesError } from '../../../server/src/interpreter/statesError';
import { run, single } from '../interpreter/runMachine';

/**
 * Conformance: asl-reference §13 ("Interpreter notes") bullet by bullet, reconciled with the recorded AWS answers
 * (corpus/aws-recorded-messages.json): the reference wins where it speaks, the recorded answers fill in where it is
 * silent.
 */
const jsonata = (state: Record<string, unknown>) => single(state, { QueryLanguage: 'JSONata' });

describe('conformance: asl-reference §13 against the recorded AWS answers', () => {
  it('§13 "JSONata object constructors drop undefined members": {% {\'a\': $states.input.missing, \'b\': 1} %} is {"b":1}', async () => {
    const r = await run(jsonata({ Type: 'Pass', Output: "{% {'a': $states.input.missing, 'b': 1} %}" }));
    assert.deepEqual([r.status, r.output], ['SUCCEEDED', { b: 1 }]);
  });

  // §13 "Only a bare top-level undefined result fails": the top level is each {% %} expression. Recorded
  // (test_assign_reference_variables): "... specified for the field 'Output/result' returned nothing (undefined)." for
  // a member of the JSON template whose expression is a member access that finds nothing.
  for (const [label, Output, field] of [
    ['the whole Output', '{% $states.input.missing %}', 'Output'],
    ['a member of the JSON template', { result: '{% $states.input.missing %}' }, 'Output/result'],
  ] as const) {
    it(`a member access that returns nothing as ${label} fails with States.QueryEvaluationError naming '${field}'`, async () => {
      const r = await run(jsonata({ Type: 'Pass', Output }));
      assert.equal(r.error, 'States.QueryEvaluationError');
      assert.equal(r.cause, `An error occurred while executing the state 'S' (entered at the event id #2). The JSONata expression '$states.input.missing' specified for the field '${field}' returned nothing (undefined).`);
    });
  }

  it('§13 "Choice Variable on a missing path gives States.Runtime, except with IsPresent"', async () => {
    const choice = (rule: Record<string, unknown>) => ({ StartAt: 'C', States: { C: { Type: 'Choice', Choices: [{ Variable: '$.x', ...rule, Next: 'Yes' }], Default: 'No' }, Yes: { Type: 'Succeed' }, No: { Type: 'Succeed' } } });
    assert.equal((await run(choice({ NumericEquals: 1 }))).error, 'States.Runtime');
    const present = await run(choice({ IsPresent: false }));
    assert.equal(present.status, 'SUCCEEDED');
    assert.ok(present.events.some((e) => (e.stateEnteredEventDetails as { name?: string } | undefined)?.name === 'Yes'));
  });

  it('§13 "Map with MaxConcurrency 1 keeps strict order; Parallel results are in branch order; Map results in item order"', async () => {
    const order: unknown[] = [];
    const map = single({ Type: 'Map', MaxConcurrency: 1, ItemsPath: '$.items', ItemProcessor: { StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true } } } });
    const r = await run(map, { items: [3, 1, 2] }, async (request) => (order.push(request.input), { n: request.input }));
    assert.deepEqual(order, [3, 1, 2]);
    assert.deepEqual(r.output, [{ n: 3 }, { n: 1 }, { n: 2 }]);
    const parallel = single({ Type: 'Parallel', Branches: ['a', 'b', 'c'].map((v) => ({ StartAt: 'P', States: { P: { Type: 'Pass', Result: v, End: true } } })) });
    assert.deepEqual((await run(parallel)).output, ['a', 'b', 'c']);
  });

  it('§13 "A catcher\'s ResultPath default is $": the error output replaces the state input', async () => {
    const machine = { StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'E' }], End: true }, E: { Type: 'Pass', End: true } } };
    const r = await run(machine, { keep: 1 }, async () => {
      throw new StatesError('Boom', 'it broke');
    });
    assert.deepEqual(r.output, { Error: 'Boom', Cause: 'it broke' });
  });
});
