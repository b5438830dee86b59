import assert from 'node:assert/strict';
import { updateTestFile } from '../../../server/src/testing/updateTestFile';

describe('updating a test file (--update) keeps its formatting', () => {
  it('JSON: replaces only the values edited; indentation, other lines and key order stay', () => {
    const text = '{\n\t"tests": [\n\t\t{ "name": "a", "expect": { "status": "FAILED", "path": ["A"] } },\n\t\t{\n\t\t\t"name": "b"\n\t\t}\n\t]\n}\n';
    const out = updateTestFile(text, 'json', [
      { at: ['tests', 0, 'expect', 'status'], value: 'SUCCEEDED' },
      { at: ['tests', 1, 'expect'], value: { status: 'SUCCEEDED' } },
    ]);
    assert.equal(out.split('\n')[2], '\t\t{ "name": "a", "expect": { "status": "SUCCEEDED", "path": ["A"] } },');
    assert.match(out, /\t\t\t"name": "b",\n\t\t\t"expect": \{\n\t\t\t\t"status": "SUCCEEDED"\n\t\t\t\}/);
    assert.deepEqual(JSON.parse(out).tests[1].expect, { status: 'SUCCEEDED' });
  });

  it('YAML: comments, flow lists and blank lines stay; a block value is rewritten in block style; a missing expect is added', () => {
    const text = [
      '# my tests',
      'tests:',
      '  - name: a   # first',
      '    expect:',
      '      status: FAILED',
      '      path: [A, B]',
      '      output:',
      '        x: 1',
      '',
      '  - name: b',
      '    testCase: T',
      '# end',
      '',
    ].join('\n');
    const out = updateTestFile(text, 'yaml', [
      { at: ['tests', 0, 'expect', 'status'], value: 'SUCCEEDED' },
      { at: ['tests', 0, 'expect', 'output'], value: { x: 2, y: [1] } },
      { at: ['tests', 1, 'expect'], value: { status: 'SUCCEEDED', path: ['A'] } },
    ]);
    assert.equal(out, [
      '# my tests',
      'tests:',
      '  - name: a   # first',
      '    expect:',
      '      status: "SUCCEEDED"',
      '      path: [A, B]',
      '      output:',
      '        x: 2',
      '        y:',
      '          - 1',
      '',
      '  - name: b',
      '    testCase: T',
      '    expect:',
      '      status: SUCCEEDED',
      '      path:',
      '        - A',
      '# end',
      '',
    ].join('\n'));
  });
});
