import assert from 'node:assert/strict';
import { globBase, globToRegExp, isGlob } from '../../../server/src/cli/globToRegExp';

describe('globToRegExp', () => {
  it('matches ** across folders, * and ? within one, {a,b} and [..]', () => {
    assert.ok(globToRegExp('src/**/*.asl.json').test('src/a/b/c.asl.json'));
    assert.ok(globToRegExp('src/**/*.asl.json').test('src/c.asl.json'));
    assert.ok(!globToRegExp('src/*.asl.json').test('src/a/c.asl.json'));
    assert.ok(globToRegExp('f?.{asl,json}').test('f1.json'));
    assert.ok(globToRegExp('v[0-9].json').test('v3.json'));
    assert.ok(!globToRegExp('a.json').test('aXjson'));
  });
  it('finds the base folder and tells globs from paths', () => {
    assert.equal(globBase('flows/prod/**/*.json'), 'flows/prod');
    assert.equal(globBase('*.json'), '');
    assert.ok(isGlob('a/*.json'));
    assert.ok(!isGlob('a/b.asl.json'));
  });
});
