import assert from 'node:assert/strict';
import { nestingDepth, parseIntrinsic } from '../../../server/src/core/expressions/intrinsics';

describe('parseIntrinsic', () => {
  it('builds a tree with names, literal arguments, paths and nested calls', () => {
    const r = parseIntrinsic("States.Format('it\\'s {}', $.name, States.MathAdd(1, -2.5), null, true)");
    assert.ok(r.ok);
    const call = r.value;
    assert.equal(call.name, 'States.Format');
    assert.deepEqual(call.args.map((a) => a.kind), ['string', 'path', 'call', 'null', 'boolean']);
    assert.equal(call.args[0].value, "it's {}");
    assert.equal(call.args[1].value, '$.name');
    assert.equal(nestingDepth(call), 2);
  });

  it('keeps paths with brackets and commas inside quotes whole', () => {
    const r = parseIntrinsic("States.Array($.a['x,y'], $.b[?(@.c > 1)])");
    assert.ok(r.ok);
    assert.deepEqual(r.value.args.map((a) => a.value), ["$.a['x,y']", '$.b[?(@.c > 1)]']);
  });

  it('reports syntax errors where they are', () => {
    const cases: [string, number][] = [
      ["States.Format('x'", 0],
      ['States.Format("x")', 14],
      ["States.Format('x',)", 18],
      ["States.Format('unclosed)", 14],
    ];
    for (const [text, offset] of cases) {
      const r = parseIntrinsic(text);
      assert.ok(!r.ok, text);
      assert.equal(r.error.offset, offset, `${text}: ${r.error.message}`);
    }
  });
});

describe('parseIntrinsic (property)', () => {
  it('never throws and keeps error positions inside the text', async () => {
    const fc = (await import('fast-check')).default;
    fc.assert(
      fc.property(fc.string(), (s) => {
        const text = `States.Format(${s}`;
        const r = parseIntrinsic(text);
        if (!r.ok) assert.ok(r.error.offset >= 0 && r.error.offset <= text.length, JSON.stringify([s, r.error]));
      }),
      { numRuns: 2000 },
    );
  });
});
