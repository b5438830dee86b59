import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isDefinitePath, isReferencePath, parseJsonPath } from '../../../server/src/core/expressions/jsonPath';

describe('parseJsonPath', () => {
  it('reads roots: data, Context object, variables', () => {
    const ok = (t: string) => {
      const r = parseJsonPath(t);
      assert.ok(r.ok, t);
      return r.value;
    };
    assert.equal(ok('$').root, 'data');
    assert.equal(ok('$$.Execution.Id').root, 'context');
    const v = ok('$order.items[0]');
    assert.equal(v.root, 'variable');
    assert.equal(v.variable, 'order');
  });

  it('accepts the Jayway forms Step Functions uses', () => {
    for (const t of ['$.a.b', "$['a b'].c", '$.a[0]', '$.a[-1]', '$.a[*]', '$..name', '$.a[1,2]', '$.a[0:5:2]', '$.a[:2]', '$.a[?(@.price < 10)].title', '$.a.length()', "$.abc.['def ghi']", '$.a-b']) {
      assert.ok(parseJsonPath(t).ok, t);
    }
  });

  it('rejects bad paths with the position of the mistake', () => {
    const cases: [string, number][] = [['.guid', 0], ['$...', 1], ['$.a[', 3], ['$.a[?(@.x > 1]', 5], ["$['a", 2], ['$.', 1], ['bug$.x', 0]];
    for (const [text, offset] of cases) {
      const r = parseJsonPath(text);
      assert.ok(!r.ok, text);
      assert.equal(r.error.offset, offset, `${text}: ${r.error.message}`);
    }
  });

  it('tells definite (reference) paths from indefinite ones', () => {
    const p = (t: string) => {
      const r = parseJsonPath(t);
      assert.ok(r.ok);
      return r.value;
    };
    assert.ok(isReferencePath(p("$.a['b'][0]")));
    for (const t of ['$.a[*]', '$..a', '$.a[0,1]', '$.a[0:2]', '$.a[?(@.x)]']) assert.ok(!isDefinitePath(p(t)), t);
  });

  it('never throws, whatever the text (property)', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      const r = parseJsonPath(`$${s}`);
      if (!r.ok) assert.ok(r.error.offset >= 0 && r.error.offset <= s.length + 1);
    }));
  });

  it('round-trips any dotted path of simple names (property)', () => {
    const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/);
    fc.assert(fc.property(fc.array(name, { maxLength: 6 }), (names) => {
      const r = parseJsonPath(`$${names.map((n) => `.${n}`).join('')}`);
      assert.ok(r.ok);
      assert.deepEqual(r.value.segments.map((s) => (s.kind === 'name' ? s.name : '?')), names);
    }));
  });
});
