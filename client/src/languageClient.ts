import * as path from 'node:path';
import type { CancellationToken, ExtensionContext, LogOutputChannel } from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  RequestType,
  TransportKind,
  type LanguageClientOptions,
  type Middleware,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { CodeLensesRequest, DocumentSymbolsRequest } from '../../server/src/protocol';
import { backgroundThreadArgs } from '../../server/src/backgroundThreads';
import { ASL_LANGUAGES } from './aslLanguages';
import { TEMPLATE_SELECTOR } from './templates/templateMachines';

/** Restarts allowed in a row before the client gives up and reports once. */
const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

/** The language client for `asl` and `asl-yaml` documents, running dist/server.js over IPC. */
export function createLanguageClient(context: ExtensionContext, output: LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: backgroundThreadArgs() } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...backgroundThreadArgs(), '--nolazy', '--inspect=6010'] } },
  };
  const crashes: number[] = [];
  const clientOptions: LanguageClientOptions = {
    // Templates too, without taking them over: their languages stay YAML, JSON or Terraform, and the server
    // answers only inside the state machines it finds there.
    documentSelector: [...ASL_LANGUAGES.map((language) => ({ language })), ...TEMPLATE_SELECTOR],
    synchronize: { configurationSection: 'asl' },
    outputChannel: output,
    traceOutputChannel: output,
    middleware: { provideCodeLenses: compactCodeLenses(() => client), provideDocumentSymbols: compactDocumentSymbols(() => client) },
    errorHandler: {
      error: () => ({ action: ErrorAction.Continue }),
      closed: () => {
        const now = Date.now();
        crashes.push(now);
        while (crashes.length && now - crashes[0] > RESTART_WINDOW_MS) crashes.shift();
        if (crashes.length > MAX_RESTARTS) {
          return {
            action: CloseAction.DoNotRestart,
            message: `The ASL language server stopped ${crashes.length} times in 3 minutes and will not be restarted. Run "ASL: Restart Language Server" after checking the ASL output.`,
          };
        }
        return { action: CloseAction.Restart, handled: crashes.length > 1 };
      },
    },
  };
  const client = new LanguageClient('asl', 'ASL Workbench', serverOptions, clientOptions);
  return client;
}

/**
 * Code lenses and document symbols through asl/codeLenses and asl/documentSymbols: the same answers as the LSP
 * requests in a fifth of the JSON, which on a 5,000-state file is most of the time from an edit to the lenses or the
 * outline (a megabyte each, encoded by the server and decoded here). The standard requests stay for other editors.
 */
function compactCodeLenses(client: () => LanguageClient): Middleware['provideCodeLenses'] {
  return async (document, token) => {
    const params: CodeLensesRequest.Params = { uri: client().code2ProtocolConverter.asUri(document.uri) };
    const result = await askUnlessCancelled<CodeLensesRequest.Result>(client(), CodeLensesRequest.method, params, token);
    return result && client().protocol2CodeConverter.asCodeLenses(CodeLensesRequest.expand(result), token);
  };
}

function compactDocumentSymbols(client: () => LanguageClient): Middleware['provideDocumentSymbols'] {
  return async (document, token) => {
    const params: DocumentSymbolsRequest.Params = { uri: client().code2ProtocolConverter.asUri(document.uri) };
    const result = await askUnlessCancelled<DocumentSymbolsRequest.Result>(client(), DocumentSymbolsRequest.method, params, token);
    return result && client().protocol2CodeConverter.asDocumentSymbols(DocumentSymbolsRequest.expand(result), token);
  };
}

/** As the client's own requests do: a cancelled one (the document changed again) answers nothing; a failure is handled and logged by the client. */
async function askUnlessCancelled<R>(client: LanguageClient, method: string, params: unknown, token: CancellationToken): Promise<R | undefined> {
  const type = new RequestType<unknown, R, void>(method);
  try {
    return await client.sendRequest(type, params, token);
  } catch (error) {
    return client.handleFailedRequest(type, token, error, undefined);
  }
}
