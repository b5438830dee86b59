import assert from 'node:assert/strict';
import { isMap, isPair, isScalar } from 'yaml';
import { getValue, toJsonValue, type AstNode, type StringNode } from '../../../server/src/core/document/ast';
import { spanInString } from '../../../server/src/core/document/stringOffsets';
import { parseYamlDocument, readYaml } from '../../../server/src/core/document/yamlParser';
import { MAX_ALIAS_NODES, yamlNodeToTree } from '../../../server/src/core/document/yamlTree';

const at = (text: string, span: { offset: number; length: number }) => text.slice(span.offset, span.offset + span.length);

function node(root: AstNode | undefined, ...path: (string | number)[]): AstNode {
  let n = root;
  for (const key of path) n = typeof key === 'number' ? (n?.kind === 'array' ? n.items[key] : undefined) : getValue(n, key);
  assert.ok(n, `no node at ${path.join('.')}`);
  return n;
}

describe('YAML front end', () => {
  it('builds the tree the JSON parser builds: keys, values and exact spans', () => {
    const text = 'StartAt: A # first\nStates:\n  A:\n    Type: Pass\n    Result: [1, 2.5, true, null]\n    End: true\n';
    const doc = parseYamlDocument(text);
    assert.equal(doc.format, 'yaml');
    assert.deepEqual(doc.syntaxProblems, []);
    assert.deepEqual(toJsonValue(doc.root!), { StartAt: 'A', States: { A: { Type: 'Pass', Result: [1, 2.5, true, null], End: true } } });
    const states = doc.root!.kind === 'object' ? doc.root!.properties[1] : undefined;
    assert.equal(at(text, states!.keySpan), 'States');
    assert.equal(text[states!.colonOffset], ':');
    const a = node(doc.root, 'States', 'A');
    assert.equal(at(text, a.span), 'Type: Pass\n    Result: [1, 2.5, true, null]\n    End: true');
    assert.equal(a.parent, node(doc.root, 'States'));
    const result = node(doc.root, 'States', 'A', 'Result');
    assert.equal(at(text, result.span), '[1, 2.5, true, null]');
    const [one, half] = result.kind === 'array' ? result.items : [];
    assert.ok(one.kind === 'number' && one.isInteger && half.kind === 'number' && !half.isInteger);
  });

  it('types scalars as CloudFormation reads them (YAML 1.1; no timestamps or binary)', () => {
    const doc = parseYamlDocument('a: yes\nb: off\nc: 0x1F\nd: 2024-01-01\ne: "yes"\nf: 1.0\ng: ~\nh:\n');
    assert.deepEqual(toJsonValue(doc.root!), { a: true, b: false, c: 31, d: '2024-01-01', e: 'yes', f: 1, g: null, h: null });
    assert.equal((node(doc.root, 'c') as { isInteger: boolean }).isInteger, true);
    assert.equal((node(doc.root, 'f') as { isInteger: boolean }).isInteger, false);
  });

  it('reads CloudFormation short-form tags as their long-form intrinsics (placeholders), with the tag as key span', () => {
    const text = 'Resource: !GetAtt Fn.Arn\nArgs: !Sub "arn:${AWS::Region}"\nList: !Join [":", [a, b]]\nR: !Ref Thing\n';
    const doc = parseYamlDocument(text);
    assert.deepEqual(doc.syntaxProblems, []);
    assert.deepEqual(toJsonValue(doc.root!), {
      Resource: { 'Fn::GetAtt': 'Fn.Arn' },
      Args: { 'Fn::Sub': 'arn:${AWS::Region}' },
      List: { 'Fn::Join': [':', ['a', 'b']] },
      R: { Ref: 'Thing' },
    });
    const sub = node(doc.root, 'Args');
    assert.equal(at(text, sub.span), '!Sub "arn:${AWS::Region}"');
    assert.equal(sub.kind === 'object' && at(text, sub.properties[0].keySpan), '!Sub');
  });

  it('warns about an unknown local tag but keeps the value', () => {
    const doc = parseYamlDocument('a: !Foo bar\n');
    assert.deepEqual(toJsonValue(doc.root!), { a: 'bar' });
    assert.equal(doc.syntaxProblems.length, 1);
    assert.equal(doc.syntaxProblems[0].severity, 'warning');
  });

  it('keeps duplicate keys (the duplicate-key rule reports them), the last one winning', () => {
    const text = 'A: 1\nB: 2\nA: 3\n';
    const doc = parseYamlDocument(text);
    assert.deepEqual(doc.syntaxProblems, []);
    assert.equal(doc.root!.kind === 'object' && doc.root!.properties.length, 3);
    assert.deepEqual(toJsonValue(doc.root!), { A: 3, B: 2 });
  });

  it('reads aliases and merge keys through, their copies placed on the alias, and marks what they share', () => {
    const text = 'base: &b\n  Type: Pass\n  End: true\ncopy: *b\nmerged:\n  <<: *b\n  End: false\n';
    const doc = parseYamlDocument(text);
    assert.deepEqual(doc.syntaxProblems, []);
    assert.deepEqual(toJsonValue(doc.root!), { base: { Type: 'Pass', End: true }, copy: { Type: 'Pass', End: true }, merged: { Type: 'Pass', End: false } });
    const copy = node(doc.root, 'copy', 'Type');
    assert.equal(at(text, copy.span), '*b');
    const merged = node(doc.root, 'merged');
    assert.equal(merged.kind === 'object' && merged.properties.map((p) => p.key).join(), 'Type,End');
    const shared = doc.sharedSpans!.map((s) => at(text, s));
    assert.ok(shared.includes('*b'));
    assert.ok(shared.includes('Type: Pass\n  End: true\n'.trimEnd()) || shared.some((s) => s.startsWith('Type: Pass')));
  });

  it('stops a YAML bomb (aliases of aliases) with a problem, in bounded time', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    const started = Date.now();
    const doc = parseYamlDocument(lines.join('\n'));
    assert.ok(Date.now() - started < 3000, 'took too long');
    assert.ok(doc.syntaxProblems.some((p) => p.message.includes(MAX_ALIAS_NODES.toLocaleString('en-US'))));
  });

  it('refuses an alias inside its own anchor without recursing', () => {
    const doc = parseYamlDocument('a: &x\n  b: *x\n');
    assert.ok(doc.root);
  });

  it('reports a syntax error with its range and still reads the rest', () => {
    const text = 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    End: true\n  B: [1, 2\n';
    const doc = parseYamlDocument(text);
    assert.ok(doc.syntaxProblems.length > 0);
    assert.ok(doc.syntaxProblems.every((p) => p.span.offset >= text.indexOf('  B:')));
    assert.equal((node(doc.root, 'States', 'A', 'Type') as StringNode).value, 'Pass');
  });

  it('survives hostile text: deep nesting, binary junk, an empty file', () => {
    for (const text of ['['.repeat(100_000), '{a: '.repeat(5000), '\u0000\uffff\t: : -', '', '   \n# only a comment\n', '---\na: 1\n---\nb: 2\n']) {
      const doc = parseYamlDocument(text);
      assert.ok(Array.isArray(doc.syntaxProblems));
    }
    assert.ok(parseYamlDocument('').syntaxProblems.some((p) => /empty/.test(p.message)));
    assert.ok(parseYamlDocument('---\na: 1\n---\nb: 2\n').syntaxProblems.length > 0);
  });

  it('converts a sub-node of a larger document with the larger document\'s positions', () => {
    const text = 'Resources:\n  Machine:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      Definition:\n        StartAt: A\n        States:\n          A: {Type: Pass, End: yes, Next: [}\n';
    const source = readYaml(text);
    let definition: unknown;
    const resources = source.document.get('Resources');
    assert.ok(isMap(resources));
    const machine = resources.get('Machine');
    assert.ok(isMap(machine));
    const props = machine.get('Properties');
    assert.ok(isMap(props));
    for (const pair of props.items) if (isPair(pair) && isScalar(pair.key) && pair.key.value === 'Definition') definition = pair.value;
    const tree = yamlNodeToTree(source, definition);
    assert.equal(at(text, node(tree.root, 'StartAt').span), 'A');
    assert.equal(at(text, node(tree.root, 'States', 'A', 'Type').span), 'Pass');
    assert.ok(tree.problems.length > 0 && tree.problems.every((p) => p.span.offset > text.indexOf('Definition')));
  });

  describe('offsets inside strings', () => {
    const cases: [string, string][] = [
      ['plain', 'x: $.a.b[0] and more\n'],
      ['single-quoted', "x: 'it''s $.a.b[0] here'\n"],
      ['double-quoted', 'x: "say \\"hi\\" \\u0041 $.a.b[0] here"\n'],
      ['literal block', 'x: |\n  {% $states.input\n     + $.a.b[0] %}\n'],
      ['folded block', 'x: >-\n  {% $states.input\n  + $.a.b[0] %}\n'],
      ['plain over lines', 'x: first part\n  $.a.b[0] second\n'],
      ['double over lines', 'x: "first \\\n  part $.a.b[0]"\n'],
    ];
    for (const [name, text] of cases) {
      it(`maps a value index to its text offset in a ${name} scalar`, () => {
        const doc = parseYamlDocument(text);
        const x = node(doc.root, 'x') as StringNode;
        const index = x.value.indexOf('$.a.b[0]');
        assert.ok(index >= 0, x.value);
        assert.equal(at(text, spanInString(text, x, index, '$.a.b[0]'.length)), '$.a.b[0]');
        assert.equal(at(text, spanInString(text, x, index + 2, 1)), 'a');
      });
    }
  });
});
