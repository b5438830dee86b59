import assert from 'node:assert/strict';
import { configureJsonataBudget, evaluateJsonata } from '../../../server/src/interpreter/jsonataEval';
import { StatesError } from '../../../server/src/interpreter/statesError';
import { testServices } from './runMachine';

// Each JSONata evaluation gets a time and depth budget, checked on every step the way jsonata's own tests timebox
// expressions; past it the evaluation fails with States.QueryEvaluationError (asl-reference §3.3: any failure of an
// expression is States.QueryEvaluationError).
describe('JSONata time and depth budget', () => {
  const bindings = { states: { input: {}, context: {} }, variables: {} };
  const failure = (pattern: RegExp) => (e: unknown) => e instanceof StatesError && e.error === 'States.QueryEvaluationError' && pattern.test(e.causeText);
  after(() => configureJsonataBudget({ maxDepth: 50_000, timeoutMs: 10_000 }));

  it('stops a recursion that does not end', async () => {
    configureJsonataBudget({ maxDepth: 2_000, timeoutMs: 60_000, now: () => performance.now() });
    await assert.rejects(evaluateJsonata('( $f := function($n){ 1 + $f($n + 1) }; $f(0) )', bindings, testServices, 'Output'), failure(/went more than 2000 steps deep/));
  });

  it('stops an endless loop (a tail call jsonata runs without growing the stack) after its time', async () => {
    configureJsonataBudget({ maxDepth: 50_000, timeoutMs: 200, now: () => performance.now() });
    const started = performance.now();
    await assert.rejects(evaluateJsonata('( $f := function($n){ $f($n + 1) }; $f(0) )', bindings, testServices, 'Output'), failure(/ran longer than 200 ms/));
    assert.ok(performance.now() - started < 5_000);
  });

  it('leaves ordinary expressions alone: wide constructors, deep data, recursion of a few hundred levels', async () => {
    configureJsonataBudget({ maxDepth: 50_000, timeoutMs: 10_000, now: () => performance.now() });
    const wide = `[${Array.from({ length: 3000 }, (_, i) => i).join(',')}]`;
    assert.equal(((await evaluateJsonata(wide, bindings, testServices, 'Output')) as number[]).length, 3000);
    assert.equal(await evaluateJsonata('( $f := function($n){ $n = 0 ? 0 : 1 + $f($n - 1) }; $f(500) )', bindings, testServices, 'Output'), 500);
    assert.deepEqual(JSON.parse(JSON.stringify(await evaluateJsonata('$map([1,2,3], function($v){ {"v": [$v, $v * 2]} })', bindings, testServices, 'Output'))), [{ v: [1, 2] }, { v: [2, 4] }, { v: [3, 6] }]);
  });

  it('$range refuses to build more than ten million numbers', async () => {
    await assert.rejects(evaluateJsonata('$count($range(1, 1000000000, 1))', bindings, testServices, 'Output'), failure(/would make 1000000000 numbers; the local limit is 10000000/));
  });
});
