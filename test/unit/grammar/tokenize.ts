import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

const root = resolve(__dirname, '../../..');
let wasmLoaded: Promise<void> | undefined;

/** Loads one of the extension's grammars (`syntaxes/FILE`) with VS Code's own TextMate engine. */
export async function loadGrammar(scope: string, file: string): Promise<textmate.IGrammar> {
  const wasm = readFileSync(resolve(root, 'node_modules/vscode-oniguruma/release/onig.wasm'));
  wasmLoaded ??= oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  await wasmLoaded;
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p) => new oniguruma.OnigScanner(p), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async (name) => (name === scope ? textmate.parseRawGrammar(readFileSync(resolve(root, 'syntaxes', file), 'utf8'), file) : null),
  });
  const grammar = await registry.loadGrammar(scope);
  assert.ok(grammar);
  return grammar;
}

/** Scopes of each token of each line: [text, scopes joined by space]. */
export function tokenize(grammar: textmate.IGrammar, text: string): [string, string][] {
  let stack = textmate.INITIAL;
  const out: [string, string][] = [];
  for (const line of text.split('\n')) {
    const result = grammar.tokenizeLine(line, stack);
    for (const t of result.tokens) out.push([line.slice(t.startIndex, t.endIndex), t.scopes.join(' ')]);
    stack = result.ruleStack;
  }
  return out;
}

export const scopeOf = (tokens: [string, string][], text: string) => tokens.find(([t]) => t === text)?.[1] ?? `(no token '${text}')`;
export const scopesOf = (tokens: [string, string][], text: string) => tokens.filter(([t]) => t === text).map(([, s]) => s);
