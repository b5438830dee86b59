import { format } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { createConnection, ProposedFeatures, StreamMessageWriter, type Connection, type MessageReader } from 'vscode-languageserver/node';
import { rawJsonEncoder } from './lsp/rawJson';
import { startServer } from './lsp/startServer';

// Each edit makes a new text of the whole document (2 MB for 5,000 states) that dies at the next edit. V8 lets
// the old generation grow to about four times what is live before it collects, and grows the young generation
// while a parse keeps what it allocates. For a server that lives as long as the editor: a growth factor of 1.3 and
// a young generation that stays small (peak RSS on 5,000 states 190 -> 120 MB, `npm run bench -- validation`),
// at the cost of more, short, mostly concurrent collections (edit -> diagnostics stays ~15 ms).
setFlagsFromString('--heap-growing-percent=30 --semi-space-growth-factor=1');

// createConnection picks the transport from the command line: --stdio, --node-ipc, --socket=N or --pipe=name.
// Over stdio (how editors other than VS Code run us) the writer is made here, with an encoder that sends the big
// answers written as JSON as they are (rawJson.ts).
const stdio = process.argv.includes('--stdio');
// stdin goes in as a stream, not a reader (its types do not say so, but createConnection takes one), so that it
// still ends the server when the stream ends.
const connection = stdio
  ? createConnection(ProposedFeatures.all, process.stdin as unknown as MessageReader, new StreamMessageWriter(process.stdout, { charset: 'utf-8', contentTypeEncoder: rawJsonEncoder }))
  : createConnection(ProposedFeatures.all);
if (stdio) keepConsoleOffStdout(connection);
startServer(connection, { rawJson: stdio });

/** stdout carries the protocol: what would be printed there goes to the client's log (as createConnection does for --stdio). */
function keepConsoleOffStdout(connection: Connection): void {
  for (const method of ['log', 'info', 'debug', 'dir'] as const) console[method] = (...args: unknown[]) => connection.console.log(format(...args));
}
