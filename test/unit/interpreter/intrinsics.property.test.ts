import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compileIntrinsic, evaluateIntrinsic } from '../../../server/src/interpreter/intrinsicsEval';
import { testServices } from './runMachine';

const call = (text: string, data: unknown = {}) => evaluateIntrinsic(compileIntrinsic(text), { data }, testServices);

// asl-reference §10 (AWS "Intrinsic functions for JSONPath states"), checked as properties.
describe('intrinsics (properties)', () => {
  it('ArrayRange(start, end, step) has floor((end-start)/step)+1 items, end inclusive', () => {
    fc.assert(fc.property(fc.integer({ min: -50, max: 50 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 10 }), (start, span, step) => {
      const out = call(`States.ArrayRange(${start}, ${start + span}, ${step})`) as number[];
      assert.equal(out.length, Math.floor(span / step) + 1);
      assert.equal(out[0], start);
    }));
  });

  it('Base64Decode(Base64Encode(s)) is s', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (s) => {
      assert.equal(call('States.Base64Decode(States.Base64Encode($.s))', { s }), s);
    }));
  });

  it('ArrayPartition chunks concatenate back to the array', () => {
    fc.assert(fc.property(fc.array(fc.integer()), fc.integer({ min: 1, max: 7 }), (list, size) => {
      const chunks = call(`States.ArrayPartition($.l, ${size})`, { l: list }) as number[][];
      assert.deepEqual(chunks.flat(), list);
      assert.ok(chunks.every((c) => c.length <= size && c.length > 0));
    }));
  });

  it('StringSplit treats every character of the second argument as a delimiter', () => {
    assert.deepEqual(call("States.StringSplit('a,b;c', ',;')"), ['a', 'b', 'c']);
  });

  it('MathAdd refuses numbers outside 32-bit integers; JsonMerge refuses a deep merge', () => {
    assert.throws(() => call('States.MathAdd(2147483648, 1)'), /IntrinsicFailure|between/);
    assert.throws(() => call('States.MathAdd(-2147483649, 1)'), /IntrinsicFailure|between/);
    assert.throws(() => call('States.JsonMerge($.a, $.b, true)', { a: {}, b: {} }), /shallow/);
    // In the intrinsic text, \{ is a literal brace and \\ a literal backslash (AWS "Reserved characters").
    assert.equal(call("States.Format('x\\{\\}y {}', 1)"), 'x{}y 1');
    assert.equal(call("States.Format('a\\\\{}', 1)"), 'a\\1');
  });
});
