import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderRulesDoc } from '../../../scripts/generateRulesDoc';

describe('docs/rules.md', () => {
  it('is up to date with the rules (run `npm run rules-doc`)', () => {
    assert.equal(readFileSync(resolve(__dirname, '../../../docs/rules.md'), 'utf8'), renderRulesDoc());
  });
});
