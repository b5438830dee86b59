import assert from 'node:assert/strict';
import { RawJson, rawJsonEncoder } from '../../../server/src/lsp/rawJson';

describe('RawJson', () => {
  it('goes into a response as its text over stdio, and as the value it stands for through any other writer', async () => {
    const raw = new RawJson(['[', '{"name":"A \\"quoted\\" ⚠"', ',"kind":12}', ']']);
    const message = { jsonrpc: '2.0', id: 7, result: raw };
    const encoded = Buffer.from(await rawJsonEncoder.encode(message, { charset: 'utf-8' })).toString('utf8');
    assert.equal(encoded, '{"jsonrpc":"2.0","id":7,"result":[{"name":"A \\"quoted\\" ⚠","kind":12}]}');
    assert.deepEqual(JSON.parse(encoded), JSON.parse(JSON.stringify(message)));
    // Node IPC serializes with JSON.stringify: toJSON gives the value.
    assert.deepEqual(JSON.parse(JSON.stringify(message)).result, [{ name: 'A "quoted" ⚠', kind: 12 }]);
    // Every other message is encoded as vscode-jsonrpc encodes it.
    const other = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///é.json', diagnostics: [] } };
    assert.equal(Buffer.from(await rawJsonEncoder.encode(other, { charset: 'utf-8' })).toString('utf8'), JSON.stringify(other));
  });

  it('writes an answer of thousands of pieces, with characters of one to four bytes, exactly', async () => {
    const names = Array.from({ length: 1500 }, (_, i) => ['état', '状態', 'step 😀', 'plain'][i % 4] + i);
    const pieces = ['['];
    names.forEach((name, i) => pieces.push(...(i > 0 ? [','] : []), `{"name":${JSON.stringify(name)}`, ',"kind":12}'));
    pieces.push(']');
    const message = { jsonrpc: '2.0', id: 'x', result: new RawJson(pieces) };
    const encoded = Buffer.from(await rawJsonEncoder.encode(message, { charset: 'utf-8' }));
    const expected = JSON.stringify({ jsonrpc: '2.0', id: 'x', result: names.map((name) => ({ name, kind: 12 })) });
    assert.equal(encoded.length, Buffer.byteLength(expected));
    assert.equal(encoded.toString('utf8'), expected);
  });
});
