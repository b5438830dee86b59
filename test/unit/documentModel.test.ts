import * as assert from 'node:assert/strict';
import { getString } from '../../server/src/core/document/ast';
import { LineIndex } from '../../server/src/core/document/lineIndex';
import { parseDocument } from '../../server/src/core/document/parseDocument';
import { offsetInString } from '../../server/src/core/document/stringOffsets';
import { buildModel } from '../../server/src/core/model/buildModel';

const nested = `{
  "QueryLanguage": "JSONata",
  "StartAt": "P",
  "States": {
    "P": {
      "Type": "Parallel",
      "Branches": [
        { "StartAt": "B1", "States": { "B1": { "Type": "Pass", "End": true } } }
      ],
      "Catch": [{ "ErrorEquals": ["States.ALL"], "Next": "Done" }],
      "Next": "M"
    },
    "M": {
      "Type": "Map",
      "QueryLanguage": "JSONata",
      "ItemProcessor": {
        "ProcessorConfig": { "Mode": "DISTRIBUTED", "ExecutionType": "STANDARD" },
        "StartAt": "I", "States": { "I": { "Type": "Succeed" } }
      },
      "Next": "C"
    },
    "C": { "Type": "Choice", "Choices": [{ "Condition": "{% true %}", "Next": "Done" }], "Default": "Done" },
    "Done": { "Type": "Succeed" }
  }
}`;

describe('document model', () => {
  it('parses any text without throwing', () => {
    for (const text of ['', '   ', '{', '[1,2', '"x"', '\u0000\u0001\uffff', '{"a": // c\n 1}', '{"a":1,}', 'nul']) {
      const doc = parseDocument(text);
      assert.ok(Array.isArray(doc.syntaxProblems));
      buildModel(doc.root);
    }
  });

  it('reports an empty document, comments and trailing commas', () => {
    assert.match(parseDocument('').syntaxProblems[0].message, /empty/);
    assert.match(parseDocument('{"a": 1 /* c */}').syntaxProblems[0].message, /Comments/);
    assert.ok(parseDocument('{"a":1,}').syntaxProblems.length > 0);
  });

  it('refuses nesting past the limit instead of overflowing the stack', () => {
    const deep = '['.repeat(100000) + ']'.repeat(100000);
    const doc = parseDocument(deep);
    assert.equal(doc.root, undefined);
    assert.match(doc.syntaxProblems.at(-1)!.message, /nested/);
  });

  it('builds scopes, states, references and effective query languages', () => {
    const doc = parseDocument(nested);
    assert.deepEqual(doc.syntaxProblems, []);
    const model = buildModel(doc.root);
    assert.equal(model.queryLanguage, 'JSONata');
    assert.deepEqual(model.states.map((s) => s.name), ['P', 'B1', 'M', 'I', 'C', 'Done']);
    assert.deepEqual(model.scopes.map((s) => s.kind), ['root', 'branch', 'itemProcessor']);
    assert.equal(model.scopes[2].distributed, true);
    const p = model.states[0];
    assert.equal(p.type, 'Parallel');
    assert.equal(p.children[0].states[0].name, 'B1');
    assert.equal(model.states[1].scope.owner, p);
    assert.deepEqual(
      model.symbols.references.map((r) => `${r.kind}:${r.name}:${r.target?.name ?? '-'}`),
      ['StartAt:P:P', 'Next:M:M', 'CatchNext:Done:Done', 'StartAt:B1:B1', 'Next:C:C', 'StartAt:I:I', 'ChoiceNext:Done:Done', 'Default:Done:Done'],
    );
    const nameSpan = p.nameSpan;
    assert.equal(nested.substr(nameSpan.offset, nameSpan.length), '"P"');
    assert.equal(getString(model.states[4].choiceRules[0].node, 'Condition'), '{% true %}');
  });

  it('resolves references only within their own scope', () => {
    const text = JSON.stringify({
      StartAt: 'P',
      States: {
        P: { Type: 'Parallel', End: true, Branches: [{ StartAt: 'X', States: { X: { Type: 'Pass', Next: 'P' } } }] },
      },
    });
    const model = buildModel(parseDocument(text).root);
    const inner = model.symbols.references.find((r) => r.kind === 'Next')!;
    assert.equal(inner.name, 'P');
    assert.equal(inner.target, undefined);
  });

  it('keeps duplicate state names as separate definitions', () => {
    const text = '{"StartAt":"A","States":{"A":{"Type":"Succeed"},"A":{"Type":"Fail"}}}';
    const model = buildModel(parseDocument(text).root);
    assert.equal(model.symbols.definitions.get('A')!.length, 2);
  });

  it('maps offsets inside strings through escapes', () => {
    const text = '{"k": "a\\\\b\\u0041c"}';
    const node = parseDocument(text).root!;
    const value = node.kind === 'object' ? node.properties[0].value! : node;
    assert.equal(value.kind === 'string' && value.value, 'a\\bAc');
    if (value.kind !== 'string') return;
    assert.equal(text[offsetInString(text, value, 4)], 'c');
    assert.equal(text.substr(offsetInString(text, value, 3), 6), '\\u0041');
  });

  it('converts offsets to lines and characters', () => {
    const index = new LineIndex('ab\ncd\r\nef');
    assert.deepEqual(index.positionAt(4), { line: 1, character: 1 });
    assert.deepEqual(index.positionAt(7), { line: 2, character: 0 });
    assert.equal(index.offsetAt({ line: 2, character: 1 }), 8);
  });
});
