import assert from 'node:assert/strict';
import { fork, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter, type CodeLens, type DocumentSymbol } from 'vscode-languageserver/node';
import { LspClient, SERVER_PATH } from './lspClient';

const machine = JSON.stringify(
  {
    StartAt: 'Fetch "quoted" ⚠',
    States: {
      'Fetch "quoted" ⚠': { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Next: 'Fan out' },
      'Fan out': { Type: 'Parallel', Branches: [{ StartAt: 'B', States: { B: { Type: 'Pass', End: true } } }], Next: 'Done' },
      Done: { Type: 'Succeed' },
      // Hostile names: a lone surrogate and control characters go out escaped, the same over both transports.
      'Lone \ud800 surrogate \u0000\u001f': { Type: 'Pass', End: true },
    },
  },
  null,
  2,
);

// Over stdio the outline and lenses go out as JSON written by the server (rawJson.ts); over node IPC (how our VS
// Code client runs it) as objects. Both must be the same answer.
describe('language server transports', function () {
  this.timeout(60_000);

  it('answers outline and lenses over node IPC as over stdio', async () => {
    const uri = LspClient.uri('transports.asl.json');
    const stdio = await LspClient.start();
    let overStdio: [DocumentSymbol[], CodeLens[]];
    try {
      await stdio.open(uri, machine);
      overStdio = [await stdio.documentSymbols(uri), await stdio.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } })];
    } finally {
      await stdio.shutdown();
    }

    const child = fork(SERVER_PATH, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    connection.onRequest(() => null);
    connection.listen();
    try {
      await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
      await connection.sendNotification('initialized', {});
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'asl', version: 1, text: machine } });
      const symbols = await connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      const lenses = await connection.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
      assert.deepEqual([symbols, lenses], overStdio);
      assert.equal(symbols[0].name, 'Fetch "quoted" ⚠');
      assert.equal(symbols[3].name, 'Lone \ud800 surrogate \u0000\u001f');
    } finally {
      connection.dispose();
      child.kill();
    }
  });

  it('over stdio, ends when its input ends', async () => {
    const child = spawn(process.execPath, [SERVER_PATH, '--stdio'], { stdio: ['pipe', 'ignore', 'ignore'] });
    const exited = once(child, 'exit');
    child.stdin.end();
    const timer = setTimeout(() => child.kill(), 20_000);
    const [code, signal] = (await exited) as [number | null, string | null];
    clearTimeout(timer);
    assert.equal(signal, null, 'it was killed: it did not end by itself');
    // Without a shutdown request first, as vscode-languageserver does.
    assert.equal(code, 1);
  });
});
