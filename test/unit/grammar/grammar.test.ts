import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

const root = resolve(__dirname, '../../..');

async function loadGrammar(): Promise<textmate.IGrammar> {
  const wasm = readFileSync(resolve(root, 'node_modules/vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p) => new oniguruma.OnigScanner(p), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scope) =>
      scope === 'source.asl' ? textmate.parseRawGrammar(readFileSync(resolve(root, 'syntaxes/asl.tmLanguage.json'), 'utf8'), 'asl.tmLanguage.json') : null,
  });
  const grammar = await registry.loadGrammar('source.asl');
  assert.ok(grammar);
  return grammar;
}

/** Scopes of each token of each line: [text, scopes joined by space]. */
function tokenize(grammar: textmate.IGrammar, text: string): [string, string][] {
  let stack = textmate.INITIAL;
  const out: [string, string][] = [];
  for (const line of text.split('\n')) {
    const result = grammar.tokenizeLine(line, stack);
    for (const t of result.tokens) out.push([line.slice(t.startIndex, t.endIndex), t.scopes.join(' ')]);
    stack = result.ruleStack;
  }
  return out;
}

const scopeOf = (tokens: [string, string][], text: string) => tokens.find(([t]) => t === text)?.[1] ?? `(no token '${text}')`;
const scopesOf = (tokens: [string, string][], text: string) => tokens.filter(([t]) => t === text).map(([, s]) => s);

describe('TextMate grammar (syntaxes/asl.tmLanguage.json)', () => {
  let grammar: textmate.IGrammar;
  before(async () => {
    grammar = await loadGrammar();
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
