import { setFlagsFromString } from 'node:v8';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/startServer';

// Each edit makes a new text of the whole document (2 MB for 5,000 states) that dies at the next edit. V8 lets
// the old generation grow to about four times what is live before it collects, and grows the young generation
// while a parse keeps what it allocates. For a server that lives as long as the editor: a growth factor of 1.3 and
// a young generation that stays small (peak RSS on 5,000 states 190 -> 120 MB, `npm run bench -- validation`),
// at the cost of more, short, mostly concurrent collections (edit -> diagnostics stays ~15 ms).
setFlagsFromString('--heap-growing-percent=30 --semi-space-growth-factor=1');

// createConnection picks the transport from the command line: --stdio, --node-ipc or --socket=N.
const connection = createConnection(ProposedFeatures.all);
startServer(connection);
