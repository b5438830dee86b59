import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeDocument } from '../../../server/src/core/analyzeDocument';
import { boundedDistance, suggest } from '../../../server/src/core/validation/suggest';

/** The plain optimal string alignment distance, filled in full: the reference the banded one must agree with. */
function fullDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

describe('suggest', () => {
  it('the banded distance equals the full one within the bound, and exceeds the bound otherwise', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 14 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 6 }), (a, b, bound) => {
        const full = fullDistance(a, b);
        const banded = boundedDistance(a, b, bound);
        if (full <= bound) assert.equal(banded, full);
        else assert.ok(banded > bound, `${a} / ${b}: ${banded} <= ${bound} but the distance is ${full}`);
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps the suggestions people rely on: typos, swaps, case, best first', () => {
    assert.deepEqual(suggest('Nxet', ['Next', 'End', 'Type']), ['Next']);
    assert.deepEqual(suggest('ResultSelecter', ['ResultSelector', 'ResultPath', 'Resource']), ['ResultSelector']);
    assert.deepEqual(suggest('process order', ['Process Order', 'Process Payment', 'Ship']), ['Process Order']);
    assert.deepEqual(suggest('Stat1001', ['State1000', 'State1001', 'State1002', 'Other']), ['State1001', 'State1000', 'State1002']);
    assert.deepEqual(suggest('Completely different', ['Next', 'End']), []);
  });

  it('gives the nearest state among 2,000 names, and nothing for a word far from all of them', () => {
    const names = Array.from({ length: 2000 }, (_, i) => `Process item ${i}`);
    assert.deepEqual(suggest('Proces item 1234', names)[0], 'Process item 1234');
    assert.deepEqual(suggest('Zzzzzzzzzzzzzzzz', names), []);
  });

  it('bounds the work on hostile input: 5,000 long near-identical names and a long word', () => {
    const long = 'x'.repeat(70);
    const names = Array.from({ length: 5000 }, (_, i) => `${long}${i}`);
    const started = performance.now();
    suggest(`${long}y12`, names);
    suggest('y'.repeat(10_000), names);
    // Generous for a loaded machine: unbounded, this took seconds (speed targets are in the validation bench).
    assert.ok(performance.now() - started < 1500);
  });

  it("a misspelled Next in a 2,000-state machine names the state it meant", () => {
    const states: Record<string, unknown> = {};
    for (let i = 0; i < 2000; i++) states[`State${i}`] = i < 1999 ? { Type: 'Pass', Next: `State${i + 1}` } : { Type: 'Succeed' };
    states.State500 = { Type: 'Pass', Next: 'Stat501' };
    const problems = analyzeDocument(JSON.stringify({ StartAt: 'State0', States: states })).problems;
    const broken = problems.filter((p) => p.code === 'unknown-state');
    assert.equal(broken.length, 1);
    assert.match(broken[0].message, /Did you mean 'State501'\?/);
  });
});
