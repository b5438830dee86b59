/**
 * The two text checks the rules run on every string value, written with indexOf/includes for speed, against the
 * regular expressions that define them: random texts over the characters that matter, and the edge cases.
 */
import assert from 'node:assert/strict';
import { looksLikeIntrinsic } from '../../../server/src/core/expressions/intrinsics';
import { hasPlaceholder } from '../../../server/src/core/validation/placeholders';

const PLACEHOLDER = /\$\{[^}]*\}/;
const INTRINSIC = (text: string) => /^\s*States\.[A-Za-z0-9]*\s*\(/.test(text) || /^[A-Za-z][\w.]*\s*\(/.test(text);

function randomTexts(alphabet: string[], count: number, seed: number): string[] {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: count }, () => Array.from({ length: Math.floor(next() * 12) }, () => alphabet[Math.floor(next() * alphabet.length)]).join(''));
}

describe('text checks the rules run on every string', () => {
  it('hasPlaceholder matches /\\$\\{[^}]*\\}/ exactly', () => {
    const samples = ['', '${', '${}', '${a}', 'x${a', 'x}${', '}${a}', '${${}', '$ {a}', '${a}${', 'a${b}c', '{}$', ...randomTexts(['$', '{', '}', 'a', ' '], 20_000, 7)];
    for (const text of samples) assert.equal(hasPlaceholder(text), PLACEHOLDER.test(text), JSON.stringify(text));
  });

  it('looksLikeIntrinsic matches its two regular expressions exactly', () => {
    const samples = ['', 'States.Format(', ' States.Array (1)', '$.a', 'States.', 'a.b(', '1a(', 'f (', '$.f(', '(', 'States.X)', ...randomTexts(['S', 't', 'a', 'e', 's', '.', '(', ' ', '$', '1', '_'], 20_000, 11)];
    for (const text of samples) assert.equal(looksLikeIntrinsic(text), INTRINSIC(text), JSON.stringify(text));
  });
});
