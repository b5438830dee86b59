import assert from 'node:assert/strict';
import { parseTestFile } from '../../../server/src/testing/parseTestFile';

const problemsOf = (text: string, name = 'm.tests.json') => parseTestFile(text, name).problems.map((p) => `${p.line}: ${p.message}`);

describe('test files: reading name.tests.json / name.tests.yaml', () => {
  it('reads a JSON and a YAML file to the same tests, with the line of each test and expectation', () => {
    const json = parseTestFile('{\n  "tests": [\n    {\n      "name": "a",\n      "input": {"x": 1},\n      "expect": {\n        "status": "SUCCEEDED",\n        "states": { "S": { "runs": 1 } }\n      }\n    }\n  ]\n}\n', 'm.tests.json');
    const yaml = parseTestFile('# c\ntests:\n  - name: a\n    input: {x: 1}\n    expect:\n      status: SUCCEEDED\n      states:\n        S: {runs: 1}\n', 'm.tests.yaml');
    for (const [file, lines] of [[json, [4, 7, 8]], [yaml, [3, 6, 8]]] as const) {
      assert.deepEqual(file.problems, []);
      assert.equal(file.tests[0].name, 'a');
      assert.deepEqual(file.tests[0].input, { x: 1 });
      assert.deepEqual([file.tests[0].line, ...file.tests[0].expectations.map((e) => e.line)], lines);
      assert.deepEqual(file.tests[0].expectations.map((e) => [e.kind, e.state]), [['status', undefined], ['state.runs', 'S']]);
    }
  });

  it('invalid JSON or YAML: the syntax error with its line', () => {
    assert.match(problemsOf('{\n  "tests": [\n    { "name": "a", }\n  ]\n}')[0], /^3: JSON: /);
    assert.match(problemsOf('tests:\n  - name: a\n    expect: {status: SUCCEEDED\n', 'm.tests.yaml')[0], /^\d: YAML: /);
    assert.match(problemsOf('tests:\n  - name: a\n  - name: a\n    name: b\n', 'm.tests.yml')[0], /^4: YAML: .*unique|^4: YAML: .*duplicate/i);
    assert.match(problemsOf('[]')[0], /^1: A test file is an object with "tests"/);
    assert.match(problemsOf('')[0], /^1: JSON: /);
  });

  it('wrong-typed expectations, unknown fields and duplicate names: each with its line; the other tests stay', () => {
    const text = JSON.stringify({ tests: [
      { name: 'good', expect: { status: 'SUCCEEDED' } },
      { name: 'bad status', expect: { status: 'DONE' } },
      { name: 'bad path', expect: { path: 'A' } },
      { name: 'bad runs', expect: { states: { A: { runs: -1, color: 'red' } } } },
      { name: 'bad predicate', expect: { outputMatches: 'a +' } },
      { name: 'for one state', expect: { nextState: 'B' } },
      { name: 'good', input: 1, inputFile: 'x.json', mocks: { A: { first: {} } } },
      { expect: {} },
    ], extra: 1 }, null, 2);
    const file = parseTestFile(text, 'm.tests.json');
    assert.deepEqual(file.tests.map((t) => t.name), ['good']);
    const messages = file.problems.map((p) => p.message).join('\n');
    assert.match(messages, /Unknown field 'extra'/);
    assert.match(messages, /'status' must be one of SUCCEEDED, FAILED, TIMED_OUT, ABORTED, not the string "DONE"/);
    assert.match(messages, /'path' must be a list of state names, not the string "A"/);
    assert.match(messages, /'runs' of state 'A' must be a whole number ≥ 0, not the number -1/);
    assert.match(messages, /Unknown expectation 'color' for state 'A'/);
    assert.match(messages, /'outputMatches' is not valid JSONata/);
    assert.match(messages, /'nextState' is for a test that runs one state alone/);
    assert.match(messages, /Two tests are named 'good'/);
    assert.match(messages, /has both "input" and "inputFile"/);
    assert.match(messages, /'first' is not an invocation index/);
    assert.match(messages, /Test 8 needs a "name"/);
    const lineOf = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
    assert.equal(file.problems.find((p) => /DONE/.test(p.message))?.line, lineOf('"status": "DONE"'));
    assert.equal(file.problems.find((p) => /'color'/.test(p.message))?.line, lineOf('"color"'));
    assert.ok(file.problems.filter((p) => p.test !== undefined).every((p) => p.line > 1));
  });

  it('a key named __proto__ in an input is data, not a prototype (JSON and YAML)', () => {
    const json = parseTestFile('{"tests": [{"name": "p", "input": {"__proto__": {"polluted": true}}}]}', 'm.tests.json');
    const yaml = parseTestFile('tests:\n  - name: p\n    input:\n      __proto__: {polluted: true}\n', 'm.tests.yaml');
    for (const file of [json, yaml]) {
      const input = file.tests[0].input as Record<string, unknown>;
      assert.ok(Object.hasOwn(input, '__proto__'));
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
    }
  });

  it('a YAML alias bomb is refused with a message, not expanded', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefghij'.split('').map((c, i) => `${c}: &${c} [${new Array(10).fill(`*${'abcdefghij'[i]}`).join(', ')}]`), 'tests: []'].join('\n');
    const problems = problemsOf(bomb, 'm.tests.yaml');
    assert.equal(problems.length, 1);
    assert.match(problems[0], /alias|Excessive/i);
  });
});
