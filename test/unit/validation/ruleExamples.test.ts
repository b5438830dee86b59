import assert from 'node:assert/strict';
import { analyzeDocument } from '../../../server/src/core/analyzeDocument';
import { allRules } from '../../../server/src/core/validation/rules/index';

// Every rule documents a bad and a fixed example (docs/rules.md shows them); both are checked here, so the
// docs cannot drift from what the validator does.
describe('rule examples', () => {
  it('every rule has a unique kebab-case code', () => {
    const codes = allRules.map((r) => r.code);
    assert.equal(new Set(codes).size, codes.length);
    for (const code of codes) assert.match(code, /^[a-z]+(-[a-z0-9]+)*$/);
  });

  for (const rule of allRules) {
    describe(rule.code, () => {
      it('reports the bad example', () => {
        const codes = analyzeDocument(rule.example.bad, undefined, rule.example.format).problems.map((p) => p.code);
        assert.ok(codes.includes(rule.code), `expected ${rule.code}, got ${codes.join(', ') || 'nothing'}`);
      });
      it('accepts the fixed example with no error at all', () => {
        const problems = analyzeDocument(rule.example.fixed, undefined, rule.example.format).problems;
        assert.deepEqual(problems.filter((p) => p.code === rule.code || p.severity === 'error'), []);
      });
    });
  }
});
