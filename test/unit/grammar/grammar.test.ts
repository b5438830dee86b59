import assert from 'node:assert/strict';
import type * as textmate from 'vscode-textmate';
import { loadGrammar, scopeOf, scopesOf, tokenize } from './tokenize';

describe('TextMate grammar (syntaxes/asl.tmLanguage.json)', () => {
  let grammar: textmate.IGrammar;
  before(async () => {
    grammar = await loadGrammar('source.asl', 'asl.tmLanguage.json');
  });

  const doc = `{
  "StartAt": "Get Order",
  "States": {
    "Get Order": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "Parameters": { "id.$": "$.order.id", "msg.$": "States.Format('id {}', $.id)" },
      "Output": "{% $states.result.Payload %}",
      "Next": "Done"
    },
    "Done": { "Type": "Succeed" }
  }
}`;

  it('marks state names, keywords and Type values', () => {
    const tokens = tokenize(grammar, doc);
    const [startAt, definition] = scopesOf(tokens, 'Get Order');
    assert.match(startAt, /entity\.name\.function\.state\.reference\.asl/);
    assert.match(definition, /entity\.name\.function\.state\.asl/);
    assert.match(scopesOf(tokens, 'Done')[0], /state\.reference\.asl/);
    assert.match(scopeOf(tokens, 'StartAt'), /keyword\.other\.asl/);
    assert.match(scopeOf(tokens, 'Task'), /entity\.name\.type\.state-type\.asl/);
  });

  it('marks JSONPath, intrinsics, ARNs and embedded JSONata inside strings', () => {
    const tokens = tokenize(grammar, doc);
    assert.match(scopeOf(tokens, '$.order.id'), /variable\.other\.jsonpath\.asl/);
    assert.match(scopeOf(tokens, 'States.Format'), /support\.function\.intrinsic\.asl/);
    assert.match(scopeOf(tokens, 'arn:aws:states:::lambda:invoke'), /string\.other\.arn\.asl/);
    assert.match(scopeOf(tokens, '$states'), /meta\.embedded\.inline\.jsonata.*variable\.language\.states\.jsonata/);
    assert.match(scopeOf(tokens, '{%'), /punctuation\.section\.embedded\.begin\.jsonata/);
  });

  it('marks a comment as invalid (AWS rejects them)', () => {
    assert.match(scopeOf(tokenize(grammar, '{ // no\n}'), '// no'), /invalid\.illegal/);
  });
});
