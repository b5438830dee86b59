import assert from 'node:assert/strict';
import { GlobError, globBase, globMatcher, isGlob } from '../../../server/src/cli/globMatcher';

describe('globMatcher', () => {
  const matches = (pattern: string, path: string) => globMatcher(pattern)(path);

  it('matches ** across folders, * and ? within one, {a,b} and [..]', () => {
    assert.ok(matches('src/**/*.asl.json', 'src/a/b/c.asl.json'));
    assert.ok(matches('src/**/*.asl.json', 'src/c.asl.json'));
    assert.ok(matches('src/**', 'src/a/b.json'));
    assert.ok(!matches('src/*.asl.json', 'src/a/c.asl.json'));
    assert.ok(matches('f?.{asl,json}', 'f1.json'));
    assert.ok(!matches('f?.{asl,json}', 'f12.json'));
    assert.ok(matches('v[0-9].json', 'v3.json'));
    assert.ok(!matches('v[!0-9].json', 'v3.json'));
    assert.ok(matches('v[!0-9].json', 'vx.json'));
    assert.ok(!matches('a.json', 'aXjson'));
    assert.ok(matches('{flows,other/{x,y}}/*.json', 'other/y/m.json'));
    assert.ok(matches('a\\*b', 'a*b'));
    assert.ok(!matches('a\\*b', 'axb'));
    assert.ok(matches('**/**/x.json', 'x.json'));
    assert.ok(matches('*a*b*c', 'xxaxxbxxc'));
    assert.ok(!matches('*a*b*c', 'xxaxxcxxb'));
  });

  it('finds the base folder and tells globs from paths', () => {
    assert.equal(globBase('flows/prod/**/*.json'), 'flows/prod');
    assert.equal(globBase('*.json'), '');
    assert.ok(isGlob('a/*.json'));
    assert.ok(!isGlob('a/b.asl.json'));
  });

  it('refuses unbalanced braces and runaway alternatives with a GlobError', () => {
    assert.throws(() => globMatcher('a/{b,c'), GlobError);
    assert.throws(() => globMatcher('a/b}'), GlobError);
    assert.throws(() => globMatcher('{a,b}'.repeat(12)), GlobError);
    assert.throws(() => globMatcher('x'.repeat(5000)), GlobError);
  });

  it('takes bounded time on patterns that make a backtracking matcher explode', () => {
    const started = performance.now();
    const deep = `${'a/'.repeat(300)}${'a'.repeat(250)}`;
    assert.ok(!matches(`${'**/'.repeat(200)}${'*a'.repeat(100)}*b`, deep));
    assert.ok(matches(`${'**/'.repeat(200)}${'*a'.repeat(100)}*`, deep));
    assert.ok(!matches(`${'*a'.repeat(1000)}*b`, 'a'.repeat(3000)));
    // Each match is O(pattern × path); a backtracking regex needed minutes. Generous for a loaded machine.
    assert.ok(performance.now() - started < 3000);
  });
});
