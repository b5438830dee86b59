import assert from 'node:assert/strict';
import { memoByText } from '../../../server/src/core/expressions/memoByText';
import { parseIntrinsic } from '../../../server/src/core/expressions/intrinsics';
import { parseJsonPath } from '../../../server/src/core/expressions/jsonPath';
import { parseResource } from '../../../server/src/core/spec/resourceArns';

describe('memoByText', () => {
  const counting = () => {
    const calls: string[] = [];
    return { calls, parse: (text: string) => (calls.push(text), { text }) };
  };

  it('parses each text once and shares the result', () => {
    const { calls, parse } = counting();
    const memo = memoByText(parse);
    const first = memo('$.a');
    assert.equal(memo('$.a'), first);
    assert.notEqual(memo('$.b'), first);
    assert.deepEqual(calls, ['$.a', '$.b']);
  });

  it('remembers undefined results too', () => {
    let calls = 0;
    const memo = memoByText(() => (calls++, undefined));
    memo('x');
    memo('x');
    assert.equal(calls, 1);
  });

  it('stays bounded: long texts are parsed every time, a full table starts again', () => {
    const { calls, parse } = counting();
    const memo = memoByText(parse, 2, 5);
    memo('long text');
    memo('long text');
    assert.equal(calls.length, 2);
    memo('a');
    memo('b');
    memo('c'); // the table held 2: it is emptied, then holds c
    memo('c');
    memo('a');
    assert.deepEqual(calls.slice(2), ['a', 'b', 'c', 'a']);
  });

  it('gives the parsers the same answers as before, for repeated and new texts', () => {
    // A text seen before and the same text made anew (a slice of a bigger string) read the same.
    const source = 'xx $.orders[0].id States.Format(\'{}\', $.a) arn:aws:states:::lambda:invoke';
    for (let round = 0; round < 2; round++) {
      assert.deepEqual(parseJsonPath(source.slice(3, 17)), parseJsonPath('$.orders[0].id'));
      assert.equal(parseJsonPath('$.orders[0].id').ok, true);
      assert.equal(parseJsonPath('orders').ok, false);
      assert.deepEqual(parseIntrinsic(source.slice(18, 42)), parseIntrinsic("States.Format('{}', $.a)"));
      assert.equal(parseIntrinsic('States.Format(').ok, false);
      assert.deepEqual(parseResource(source.slice(43)), parseResource('arn:aws:states:::lambda:invoke'));
      assert.equal(parseResource(source.slice(43)).kind, 'integration');
    }
  });
});
