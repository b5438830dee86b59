import { strict as assert } from 'node:assert';
import { analyzeTemplate } from '../../../server/src/core/templates/analyzeTemplate';
import { locateDefinitions } from '../../../server/src/core/templates/locateDefinitions';

const MACHINE = '{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}';

describe('templates: bad input gives a clear result, never a throw', () => {
  it('a template with a hundred resources and no state machine holds nothing', () => {
    const resources = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`Fn${i}`, { Type: 'AWS::Lambda::Function', Properties: { Handler: 'x' } }]));
    // The marker word appears (in a description), so the file is parsed and searched, and still holds nothing.
    const text = JSON.stringify({ Description: 'no AWS::StepFunctions::StateMachine here', Resources: resources }, null, 2);
    assert.equal(analyzeTemplate(text, 'template.json'), undefined);
    assert.equal(analyzeTemplate(JSON.stringify({ Resources: resources }), 'template.json'), undefined);
  });

  it('a YAML bomb (aliases of aliases) in a SAM template stops with a problem inside the definition, in bounded time', () => {
    const lines = ['Resources:', '  M:', '    Type: AWS::Serverless::StateMachine', '    Properties:', '      Definition:', '        StartAt: A', '        Comment: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++) lines.push(`        X${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    lines.push('        States: { A: { Type: Pass, End: true } }');
    const started = Date.now();
    const found = analyzeTemplate(lines.join('\n'), 'template.yaml');
    assert.ok(Date.now() - started < 3000, 'took too long');
    assert.equal(found?.definitions.length, 1);
    assert.ok(found.problems.some((p) => p.code === 'yaml-syntax' && /100,000/.test(p.message)), JSON.stringify(found.problems.map((p) => p.message)));
    // Outside any definition, the same bomb is other tools' business: nothing is said about it, nothing hangs,
    // and the state machines after it are still read and checked (the bomb's alias alone is refused).
    const bomb = lines.slice(6).map((l) => l.replace('Comment', 'B0').replace(/^ {8}/, '  '));
    const outside = [
      'Metadata:', ...bomb, '  Boom: [*a11, *a11, *a11]', '  Shared: &broken { Type: Pass, Next: Nowhere }',
      'Resources:',
      '  Good:', '    Type: AWS::Serverless::StateMachine', '    Properties:', '      Definition: { StartAt: A, States: { A: { Type: Pass, End: true } } }',
      '  Other:', '    Type: AWS::Lambda::Function', '    Properties: { Environment: *a11, Layers: [*a11, *a11] }',
      '  Broken:', '    Type: AWS::StepFunctions::StateMachine', '    Properties:', '      Definition: { StartAt: A, States: { A: *broken } }',
    ].filter((l) => !l.includes('States: { A: { Type: Pass, End: true } }') || l.includes('Definition'));
    const again = Date.now();
    const checked = analyzeTemplate(outside.join('\n'), 'template.yaml');
    assert.ok(Date.now() - again < 3000, 'took too long');
    assert.deepEqual(checked?.definitions.map((d) => d.definition.name), ['Good', 'Broken']);
    assert.deepEqual(checked.problems.map((p) => `${p.code}: ${p.message}`), ["unknown-state: 'Next' refers to 'Nowhere', which is not a state in this States block"]);
  });

  it('a thousand bomb aliases before the state machines cost no more than one: each is refused alone', () => {
    const lines = ['Metadata:', '  B0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++) lines.push(`  B${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    for (let i = 0; i < 1000; i++) lines.push(`  C${i}: *a11`);
    lines.push('  Small: &small { Type: Pass, Next: Nowhere }');
    lines.push('Resources:', '  M:', '    Type: AWS::Serverless::StateMachine', '    Properties:', '      Definition:', '        StartAt: A', '        States:', '          A: *small');
    const started = Date.now();
    const found = analyzeTemplate(lines.join('\n'), 'template.yaml');
    assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
    // The small alias inside the definition is still read through: its Next is checked.
    assert.deepEqual(found?.problems.map((p) => `${p.code}: ${p.message}`), ["unknown-state: 'Next' refers to 'Nowhere', which is not a state in this States block"]);
  });

  it('Terraform with unbalanced braces: the open block runs to the end of the file, the definition is still read', () => {
    const text = `resource "aws_sfn_state_machine" "m" {\n  definition = <<EOF\n${MACHINE}\nEOF\n  tags = { a = {\n`;
    const found = analyzeTemplate(text, 'main.tf');
    assert.equal(found?.definitions.length, 1);
    assert.deepEqual(found?.problems, []);
    for (const cut of [10, 40, 60, text.length - 3]) assert.doesNotThrow(() => analyzeTemplate(text.slice(0, cut), 'main.tf'));
    assert.doesNotThrow(() => analyzeTemplate('}}}}{{{{ resource "aws_sfn_state_machine" "x" { definition = jsonencode({ a = [ {', 'main.tf'));
  });

  it('an unterminated heredoc, string or comment ends at the end of the file', () => {
    for (const text of [
      'resource "aws_sfn_state_machine" "m" {\n definition = <<EOF\n{"StartAt": "A"',
      'resource "aws_sfn_state_machine" "m" {\n definition = "abc',
      'resource "aws_sfn_state_machine" "m" {\n /* definition = jsonencode({})',
      'resource "aws_sfn_state_machine" "m" {\n definition = jsonencode({ StartAt = "${foo("A")', // interpolation left open
    ]) {
      assert.doesNotThrow(() => analyzeTemplate(text, 'main.tf'));
    }
  });

  it('deeply nested jsonencode and a long line of braces stay bounded (no recursion past the limit)', () => {
    const deep = `resource "aws_sfn_state_machine" "m" {\n definition = jsonencode(${'{a = '.repeat(5000)}1${'}'.repeat(5000)})\n}`;
    assert.doesNotThrow(() => locateDefinitions(deep, 'main.tf'));
    const braces = `resource "aws_sfn_state_machine" "m" {\n definition = <<EOF\n${'${'.repeat(20000)}\nEOF\n}`;
    assert.doesNotThrow(() => analyzeTemplate(braces, 'main.tf'));
    // Strings in interpolations in strings, 100,000 deep on one line: nesting is cut off, not recursed into.
    const quotes = `resource "aws_sfn_state_machine" "m" {\n definition = <<EOF\n${'"${"'.repeat(100000)}\nEOF\n}`;
    assert.doesNotThrow(() => analyzeTemplate(quotes, 'main.tf'));
  });

  it('a DefinitionString that is not a string or a known intrinsic is skipped; Definition as a string is not a definition', () => {
    const text = JSON.stringify({ Resources: { M: { Type: 'AWS::StepFunctions::StateMachine', Properties: { DefinitionString: { 'Fn::If': ['c', 'a', 'b'] } } }, N: { Type: 'AWS::Serverless::StateMachine', Properties: { Definition: 'x' } } } });
    assert.equal(analyzeTemplate(text, 't.json'), undefined);
  });
});
