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
