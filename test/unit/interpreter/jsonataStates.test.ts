import assert from 'node:assert/strict';
import { run } from './runMachine';

// asl-reference §3.3 and §4 (AWS "Transforming data with JSONata", "Passing data between states with variables").
describe('interpreter: JSONata and variables', () => {
  it('Arguments, Output with $states.result, Assign visible from the next state', async () => {
    const r = await run({
      QueryLanguage: 'JSONata',
      StartAt: 'T',
      States: {
        T: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Arguments: { Payload: { n: '{% $states.input.n * 2 %}' } },
          Output: '{% $states.result.echoed.Payload %}',
          Assign: { seen: '{% $states.result.echoed.Payload.n %}' },
          Next: 'P',
        },
        P: { Type: 'Pass', Output: { doubled: '{% $seen %}', input: '{% $states.input %}' }, End: true },
      },
    }, { n: 21 });
    assert.deepEqual(r.output, { doubled: 42, input: { n: 42 } });
  });

  it('Assign and Output of a state see variables as of state entry', async () => {
    const r = await run({
      QueryLanguage: 'JSONata',
      StartAt: 'A',
      States: {
        A: { Type: 'Pass', Assign: { x: 1 }, Next: 'B' },
        B: { Type: 'Pass', Assign: { x: '{% $x + 1 %}' }, Output: '{% $x %}', End: true },
      },
    });
    assert.equal(r.output, 1);
  });

  it('AWS functions: $partition, $range, $hash, $parse', async () => {
    const r = await run({
      QueryLanguage: 'JSONata',
      StartAt: 'A',
      States: { A: { Type: 'Pass', Output: { p: '{% $partition([1,2,3,4,5], 2) %}', r: '{% $range(1, 9, 3) %}', h: "{% $hash('abc', 'MD5') %}", j: '{% $parse(\'{"a":1}\') %}' }, End: true } },
    });
    assert.deepEqual(r.output, { p: [[1, 2], [3, 4], [5]], r: [1, 4, 7], h: '900150983cd24fb0d6963f7d28e17f72', j: { a: 1 } });
  });

  it('an undefined result is States.QueryEvaluationError, in a member too; a JSONata object constructor drops it', async () => {
    const bad = await run({ QueryLanguage: 'JSONata', StartAt: 'A', States: { A: { Type: 'Pass', Output: '{% $states.input.nope %}', End: true } } });
    assert.equal(bad.error, 'States.QueryEvaluationError');
    assert.match(String(bad.cause), /returned nothing \(undefined\)/);
    // Recorded AWS cause (corpus/aws-recorded-messages.json): "... specified for the field 'Output/result' returned nothing (undefined)."
    const member = await run({ QueryLanguage: 'JSONata', StartAt: 'A', States: { A: { Type: 'Pass', Output: { a: 1, b: '{% $states.input.nope %}' }, End: true } } });
    assert.match(String(member.cause), /specified for the field 'Output\/b' returned nothing \(undefined\)\.$/);
    const dropped = await run({ QueryLanguage: 'JSONata', StartAt: 'A', States: { A: { Type: 'Pass', Output: "{% {'a': 1, 'b': $states.input.nope} %}", End: true } } });
    assert.deepEqual(dropped.output, { a: 1 });
  });

  it('Choice with Condition; a catcher sees $states.errorOutput', async () => {
    const r = await run({
      QueryLanguage: 'JSONata',
      StartAt: 'C',
      States: {
        C: { Type: 'Choice', Choices: [{ Condition: '{% $states.input.go %}', Next: 'F' }], Default: 'D' },
        F: { Type: 'Fail', Error: 'Stop', Cause: '{% "because " & $states.input.why %}' },
        D: { Type: 'Succeed' },
      },
    }, { go: true, why: 'asked' });
    assert.deepEqual([r.error, r.cause], ['Stop', 'because asked']);
  });
});
