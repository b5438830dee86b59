import assert from 'node:assert/strict';
import type { CodeAction, DocumentSymbol, Location } from 'vscode-languageserver';
import { positionAt } from './features/cursor';
import { LspClient, serverForSuiteOf } from './lspClient';

// Issue 17: a request right after an edit is answered from the new version without waiting for its diagnostics.
// The server's debounce is set far beyond the test, so no re-validation runs before these requests: what they
// answer can only come from the edited text.
describe('language server: a request right after an edit', function () {
  let client: LspClient;
  serverForSuiteOf((started) => (client = started), { initializationOptions: { validationDelayMs: 600_000 } });

  const original = JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Succeed' } } }, null, 2);
  const edited = JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'Cee' }, Cee: { Type: 'Pass', Next: 'Bb' }, B: { Type: 'Succeed' } } }, null, 2);

  it('sees the new version: definition, symbols and quick fixes of the edited text', async () => {
    const uri = LspClient.uri('after-edit.asl.json');
    await client.open(uri, original);
    assert.deepEqual(await client.waitForDiagnostics(uri), []);
    const published = client.publishCounts.get(uri);
    await client.change(uri, edited);

    const next = edited.indexOf('"Cee"') + 2;
    const definition = await client.request<Location[] | Location>('textDocument/definition', { textDocument: { uri }, position: positionAt(edited, next) });
    const target = Array.isArray(definition) ? definition[0] : definition;
    assert.deepEqual(target.range.start, positionAt(edited, edited.indexOf('"Cee": {')));

    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const names = (list: DocumentSymbol[]): string[] => list.flatMap((s) => [s.name, ...names(s.children ?? [])]);
    assert.ok(names(symbols).includes('Cee'), names(symbols).join(', '));

    // Cee goes to a state that is not there: the problems of the new version (found for this request) offer the fix.
    const at = positionAt(edited, edited.indexOf('"Bb"') + 2);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: at, end: at }, context: { diagnostics: [] } });
    assert.ok(actions.some((a) => a.title === "Change to 'B'" && a.diagnostics?.some((d) => d.code === 'unknown-state')), actions.map((a) => a.title).join(' | '));
    assert.equal(client.publishCounts.get(uri), published, 'no diagnostics were published for the new version yet');
    await client.close(uri);
  });

  // Over stdio the outline and lenses are written as JSON from the answer before (rawJson.ts): each answer must be
  // the one made whole from the new version, keystroke after keystroke, lines moving or not.
  it('answers outline and lenses of each keystroke as a fresh document would', async () => {
    const states: Record<string, unknown> = {};
    for (let i = 0; i < 12; i++) states[`S${i}`] = i % 4 === 3
      ? { Type: 'Parallel', Branches: [{ StartAt: `B${i}`, States: { [`B${i}`]: { Type: 'Pass', End: true } } }], Next: `S${i + 1}` }
      : { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Next: `S${i + 1}` };
    states.S12 = { Type: 'Succeed' };
    let text = JSON.stringify({ StartAt: 'S0', States: states }, null, 2);
    const uri = LspClient.uri('keystrokes.asl.json');
    await client.open(uri, text);
    await client.documentSymbols(uri);
    await client.codeLenses(uri);
    const type = async (offset: number, length: number, insert: string) => {
      await client.changeRange(uri, text, offset, length, insert);
      text = text.slice(0, offset) + insert + text.slice(offset + length);
    };
    const edits: [string, () => Promise<void>][] = [
      ['a letter in a name', () => type(text.indexOf('"S5"') + 3, 0, 'x')],
      ['another', () => type(text.indexOf('"S5x"') + 4, 0, 'y')],
      ['a line break above every state', () => type(text.indexOf('"States"'), 0, '\n  ')],
      ['a letter deleted', () => type(text.indexOf('"S5xy"') + 4, 1, '')],
      ['a branch state renamed', () => type(text.indexOf('"B7"') + 1, 2, 'Branch')],
      ['a state removed', () => type(text.indexOf('"S1": {'), text.indexOf('"S2": {') - text.indexOf('"S1": {'), '')],
    ];
    // documentSymbols and codeLenses check the LSP answers against the compact ones of the same version; only this
    // document is asked between keystrokes (the JSON of the answer before is kept for the last document asked).
    for (const [what, edit] of edits) {
      await edit();
      assert.ok((await client.documentSymbols(uri)).length > 0, what);
      assert.ok((await client.codeLenses(uri)).length > 0, what);
    }
    const symbols = await client.documentSymbols(uri);
    const lenses = (await client.codeLenses(uri)).map((l) => [l.range, l.command?.title]);
    const fresh = LspClient.uri('keystrokes-fresh.asl.json');
    await client.open(fresh, text);
    assert.deepEqual(symbols, await client.documentSymbols(fresh));
    assert.deepEqual(lenses, (await client.codeLenses(fresh)).map((l) => [l.range, l.command?.title]));
    await client.close(fresh);
    await client.close(uri);
  });
});
