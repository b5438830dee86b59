import { LspClient, serverForSuiteOf } from '../lspClient';
import { positionAt, withCursor } from './cursor';

export interface OpenedFixture {
  uri: string;
  text: string;
  position: { line: number; character: number };
  textDocument: { uri: string };
}

/**
 * Starts one language server for the enclosing mocha suite (stopped after it) and opens fixtures with a `|` cursor
 * marker in it, each under a fresh file name ending in `extension` (in `languageId`, else as the client guesses),
 * once its first diagnostics are published.
 */
export function serverForSuite(namePrefix: string, extension: string, languageId?: string) {
  let client: LspClient | undefined;
  let opened = 0;
  serverForSuiteOf((started) => (client = started));
  return {
    get client(): LspClient {
      if (!client) throw new Error('the server starts in the suite\'s before hook');
      return client;
    },
    async open(marked: string): Promise<OpenedFixture> {
      const { text, offset } = withCursor(marked);
      const uri = LspClient.uri(`${namePrefix}-${opened++}${extension}`);
      await this.client.open(uri, text, languageId);
      await this.client.waitForDiagnostics(uri);
      return { uri, text, position: positionAt(text, offset), textDocument: { uri } };
    },
  };
}
