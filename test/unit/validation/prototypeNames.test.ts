import assert from 'node:assert/strict';
import { analyzeDocument } from '../../../server/src/core/analyzeDocument';
import { parseDocument } from '../../../server/src/core/document/parseDocument';
import { toJsonValue } from '../../../server/src/core/document/ast';
import { buildGraph } from '../../../server/src/core/graph/buildGraph';
import { toServerSettings } from '../../../server/src/lsp/settings';

// Names that every plain JavaScript object answers to through its prototype. A document is free to use them as
// field or state names; they must be looked up as the document's own names, never as Object's.
const NAMES = ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf'];

/** Builds the JSON text by hand: JSON.stringify of an object literal would drop a '__proto__' key. */
const pass = (extra: string) => `{ "StartAt": "A", "States": { "A": { "Type": "Pass", ${extra} "End": true } } }`;

describe('names that exist on Object.prototype', () => {
  for (const name of NAMES) {
    it(`an unknown field named '${name}' is reported, in a state, a retrier, a Choice rule and at the top`, () => {
      const inState = analyzeDocument(pass(`"${name}": 1,`)).problems;
      assert.deepEqual(inState.map((p) => [p.code, p.message]), [['unknown-field', `Field '${name}' is not supported in a Pass state`]]);

      const inRetrier = analyzeDocument(
        `{ "StartAt": "T", "States": { "T": { "Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:f", "Retry": [{ "ErrorEquals": ["States.ALL"], "${name}": 1 }], "End": true } } }`,
      ).problems;
      assert.deepEqual(inRetrier.map((p) => p.code), ['unknown-field']);

      const inChoice = analyzeDocument(
        `{ "StartAt": "C", "States": { "C": { "Type": "Choice", "Choices": [{ "Variable": "$.x", "${name}": 1, "Next": "D" }], "Default": "D" }, "D": { "Type": "Succeed" } } }`,
      ).problems;
      assert.ok(inChoice.some((p) => p.severity === 'error' && p.message.includes(name)), JSON.stringify(inChoice));

      const atTop = analyzeDocument(`{ "${name}": 1, "StartAt": "A", "States": { "A": { "Type": "Succeed" } } }`).problems;
      assert.deepEqual(atTop.map((p) => p.code), ['unknown-field']);
    });

    it(`a state named '${name}' is a state like any other: references resolve, graph edges reach it`, () => {
      const text = `{ "StartAt": "${name}", "States": { "${name}": { "Type": "Task", "Resource": "arn:aws:states:::${name}", "Catch": [{ "ErrorEquals": ["States.${name}"], "Next": "Done" }], "Next": "Done" }, "Done": { "Type": "Succeed" } } }`;
      const analysis = analyzeDocument(text);
      const codes = analysis.problems.map((p) => p.code);
      assert.ok(!codes.includes('unknown-state') && !codes.includes('unreachable-state') && !codes.includes('no-terminal-state'), codes.join());
      const graph = buildGraph(analysis.model, analysis.problems);
      assert.deepEqual(graph.nodes.filter((n) => n.kind === 'missing'), []);
      const id = graph.nodes.find((n) => n.label === name)!.id;
      assert.ok(graph.edges.some((e) => e.kind === 'start' && e.target === id));
    });

    it(`a Next to an undefined '${name}' is a broken reference`, () => {
      const problems = analyzeDocument(`{ "StartAt": "A", "States": { "A": { "Type": "Pass", "Next": "${name}" } } }`).problems;
      assert.deepEqual(problems.map((p) => p.code), ['unknown-state']);
    });
  }

  it("keeps a '__proto__' key as data when turning a node into a value", () => {
    const value = toJsonValue(parseDocument('{ "__proto__": { "polluted": true }, "a": 1 }').root!) as Record<string, unknown>;
    assert.deepEqual(Object.keys(value), ['__proto__', 'a']);
    assert.equal((value as { polluted?: boolean }).polluted, undefined);
    assert.equal(Object.getPrototypeOf(value), Object.prototype);
  });

  it('severity settings keyed by prototype names change nothing and pollute nothing', () => {
    const settings = toServerSettings({ severity: JSON.parse('{ "__proto__": "off", "constructor": "off", "toString": "hint" }') });
    const problems = analyzeDocument(pass('"Nxet": 1,'), settings.validation).problems;
    assert.deepEqual(problems.map((p) => [p.code, p.severity]), [['unknown-field', 'error']]);
    assert.equal(({} as Record<string, unknown>).constructor, Object);
  });
});
