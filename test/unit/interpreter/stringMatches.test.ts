import assert from 'node:assert/strict';
import { stringMatches } from '../../../server/src/interpreter/choice';
import { StatesError } from '../../../server/src/interpreter/statesError';

// asl-reference §5.3 (Choice, StringMatches): `*` matches any run of characters (also none); `\\*` is a literal
// star and `\\\\` a literal backslash; a backslash before anything else is a runtime error.
describe('StringMatches', () => {
  it('matches stars as any run of characters, anchored at both ends', () => {
    assert.equal(stringMatches('log-*.txt', 'log-2024.txt'), true);
    assert.equal(stringMatches('log-*.txt', 'log-.txt'), true);
    assert.equal(stringMatches('log-*.txt', 'xlog-1.txt'), false);
    assert.equal(stringMatches('log-*.txt', 'log-1.txt.gz'), false);
    assert.equal(stringMatches('*', ''), true);
    assert.equal(stringMatches('', ''), true);
    assert.equal(stringMatches('', 'a'), false);
    assert.equal(stringMatches('a*b*c', 'abc'), true);
    assert.equal(stringMatches('a*b*c', 'aXbYbZc'), true);
    assert.equal(stringMatches('a*b*c', 'acb'), false);
    assert.equal(stringMatches('ab*ba', 'aba'), false, 'the first and last pieces may not overlap');
    assert.equal(stringMatches('*.*', 'a.b.c'), true);
    assert.equal(stringMatches('a.c', 'abc'), false, 'no other character is special');
    assert.equal(stringMatches('(x)+[y]?', '(x)+[y]?'), true);
  });

  it('keeps the escapes: \\* is a star, \\\\ a backslash, any other backslash an error', () => {
    assert.equal(stringMatches('lit\\*', 'lit*'), true);
    assert.equal(stringMatches('lit\\*', 'literal'), false);
    assert.equal(stringMatches('a\\\\*', 'a\\anything'), true);
    assert.equal(stringMatches('a\\\\*', 'a'), false);
    assert.throws(() => stringMatches('a\\b', 'ab'), (e: unknown) => e instanceof StatesError && e.error === 'States.Runtime');
    assert.throws(() => stringMatches('open\\', 'open'), StatesError);
  });

  it('agrees with a reference matcher on random patterns', () => {
    // The textbook dynamic-programming matcher, obviously right and quadratic.
    const reference = (pattern: string, value: string) => {
      const p = pattern.split('');
      let row = [true, ...value.split('').map(() => false)];
      for (const c of p) {
        const next = [c === '*' && row[0]];
        for (let j = 1; j <= value.length; j++) next[j] = c === '*' ? next[j - 1] || row[j] : row[j - 1] && value[j - 1] === c;
        row = next;
      }
      return row[value.length];
    };
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    for (let i = 0; i < 3000; i++) {
      const pattern = Array.from({ length: random(7) }, () => 'ab*'[random(3)]).join('');
      const value = Array.from({ length: random(9) }, () => 'ab'[random(2)]).join('');
      assert.equal(stringMatches(pattern, value), reference(pattern, value), `${pattern} on ${value}`);
    }
  });

  it('runs in linear time where a backtracking regular expression would not end', () => {
    const started = performance.now();
    assert.equal(stringMatches('*a*a*a*a*a*a*a*a*b', 'a'.repeat(50)), false);
    assert.equal(stringMatches(`${'*a'.repeat(500)}*b`, 'a'.repeat(100_000)), false);
    assert.ok(performance.now() - started < 1000);
  });
});
