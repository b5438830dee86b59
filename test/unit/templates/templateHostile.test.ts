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
    // Outside any definition, the same bomb is other tools' business: nothing is said and nothing hangs (the
    // tree stops at the cap, so the machine after it is not read either).
    const outside = ['Metadata:', ...lines.slice(6).map((l) => l.replace('Comment', 'B0')), 'Resources:', '  M:', '    Type: AWS::Serverless::StateMachine', '    Properties:', '      Definition: { StartAt: A, States: { A: { Type: Pass, End: true } } }'];
    const again = Date.now();
    const quiet = analyzeTemplate(outside.filter((l) => !l.includes('States: { A')).join('\n'), 'template.yaml');
    assert.ok(Date.now() - again < 3000, 'took too long');
    assert.equal(quiet?.problems.length ?? 0, 0);
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
