import assert from 'node:assert/strict';
import { compileIntrinsic, evaluateIntrinsic } from '../../../server/src/interpreter/intrinsicsEval';
import { testServices } from '../interpreter/runMachine';

/** Conformance, category "intrinsic edge cases": what AWS answers, not what the docs' wording suggests. */
const call = (text: string, data: unknown = {}) => evaluateIntrinsic(compileIntrinsic(text), { data }, testServices);

describe('conformance: intrinsic functions', () => {
  describe('States.MathAdd', () => {
    // Developer guide, "Intrinsic functions for JSONPath" (MathAdd): "If you specify a non-integer value for one or
    // both the arguments, Step Functions will round it off to the nearest integer." AWS runs on Java: halves round
    // away from zero.
    it('rounds non-integers', () => {
      assert.equal(call('States.MathAdd(1.4, 1)'), 2);
      assert.equal(call('States.MathAdd(1.5, 1)'), 3);
      assert.equal(call('States.MathAdd(-1.5, 0)'), -2);
      assert.equal(call('States.MathAdd($.a, $.b)', { a: 111, b: -1 }), 110);
    });
    it('refuses values outside the 32-bit range and non-numbers', () => {
      assert.throws(() => call('States.MathAdd(2147483648, 0)'), /States.IntrinsicFailure/);
      assert.throws(() => call("States.MathAdd('1', 0)"), /States.IntrinsicFailure/);
    });
  });

  describe('States.StringToJson', () => {
    it('answers null for an empty string (issue 14: AWS answers null)', () => assert.equal(call("States.StringToJson('')"), null));
    it('parses the documented example', () => assert.deepEqual(call('States.StringToJson($.s)', { s: '{"foo": "bar"}' }), { foo: 'bar' }));
    it('fails with States.IntrinsicFailure on text that is not JSON', () => assert.throws(() => call("States.StringToJson('{')"), /States.IntrinsicFailure/));
  });

  describe('States.Format', () => {
    // Recorded by LocalStack's snapshot tests against AWS (test_format_1, input '{"Arg1": 1, "Arg2": []}'):
    // objects render as Java maps, arrays as Java lists.
    it('renders objects as {a=1, b=[]} and arrays as [1, x]', () => {
      assert.equal(call("States.Format('v={}', $.o)", { o: { a: 1, b: [] } }), 'v={a=1, b=[]}');
      assert.equal(call("States.Format('{}', $.l)", { l: [1, 'x', { k: null }] }), '[1, x, {k=null}]');
    });
    it('renders strings as they are and other scalars as JSON', () => {
      assert.equal(call("States.Format('{} {} {} {}', $.s, $.n, $.b, $.z)", { s: 'Arnav', n: 1.1, b: true, z: null }), 'Arnav 1.1 true null');
    });
    it('keeps escaped braces literal (developer guide: reserved characters)', () => assert.equal(call("States.Format('\\{\\} {}', 'x')"), '{} x'));
    it('needs as many values as {} (States.IntrinsicFailure otherwise)', () => assert.throws(() => call("States.Format('{} {}', 1)"), /States.IntrinsicFailure/));
  });

  describe('other functions, from the developer guide examples', () => {
    it('ArrayRange is inclusive and at most 1000 items', () => {
      assert.deepEqual(call('States.ArrayRange(1, 9, 2)'), [1, 3, 5, 7, 9]);
      assert.throws(() => call('States.ArrayRange(0, 1000, 1)'), /1000/);
    });
    it('ArrayPartition, ArrayContains, ArrayGetItem, ArrayLength, ArrayUnique', () => {
      assert.deepEqual(call('States.ArrayPartition($.a, 4)', { a: [1, 2, 3, 4, 5, 6, 7] }), [[1, 2, 3, 4], [5, 6, 7]]);
      assert.equal(call('States.ArrayContains($.a, $.v)', { a: [1, 2, 3, 4, 5, 6, 7, 8, 9], v: 5 }), true);
      assert.equal(call('States.ArrayGetItem($.a, $.i)', { a: [1, 2, 3, 4, 5, 6, 7, 8, 9], i: 5 }), 6);
      assert.equal(call('States.ArrayLength($.a)', { a: [1, 2, 3, 4, 5, 6, 7, 8, 9] }), 9);
      assert.deepEqual(call('States.ArrayUnique($.a)', { a: [1, 2, 3, 3, 3, 3, 3, 3, 4] }), [1, 2, 3, 4]);
    });
    it('StringSplit treats every character of its second argument as a delimiter', () => {
      assert.deepEqual(call("States.StringSplit($.s, $.d)", { s: '1,2,3,4,5', d: ',' }), ['1', '2', '3', '4', '5']);
      assert.deepEqual(call("States.StringSplit($.s, $.d)", { s: 'This.is+a,test=string', d: '.+,=' }), ['This', 'is', 'a', 'test', 'string']);
    });
    it('Base64 round-trips Unicode; Hash of the documented example', () => {
      assert.equal(call("States.Base64Encode('Data to encode')"), 'RGF0YSB0byBlbmNvZGU=');
      assert.equal(call("States.Base64Decode('RGF0YSB0byBlbmNvZGU=')"), 'Data to encode');
      assert.equal(call("States.Base64Decode(States.Base64Encode('héllo ☃'))"), 'héllo ☃');
      assert.equal(call("States.Hash('input data', 'SHA-1')"), 'aaff4a450a104cd177d28d18d74485e8cae074b7');
    });
    it('JsonMerge is shallow only', () => {
      assert.deepEqual(call('States.JsonMerge($.a, $.b, false)', { a: { a: 1, n: { x: 1 } }, b: { b: 2, n: { y: 2 } } }), { a: 1, b: 2, n: { y: 2 } });
      assert.throws(() => call('States.JsonMerge($.a, $.b, true)', { a: {}, b: {} }), /shallow/);
    });
  });
});
