import * as path from 'node:path';
import type { ExtensionContext, LogOutputChannel } from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { ASL_LANGUAGES } from './aslLanguages';
import { TEMPLATE_SELECTOR } from './templates/templateMachines';

/** Restarts allowed in a row before the client gives up and reports once. */
const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

/** The language client for `asl` and `asl-yaml` documents, running dist/server.js over IPC. */
export function createLanguageClient(context: ExtensionContext, output: LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const crashes: number[] = [];
  const clientOptions: LanguageClientOptions = {
    // Templates too, without taking them over: their languages stay YAML, JSON or Terraform, and the server
    // answers only inside the state machines it finds there.
    documentSelector: [...ASL_LANGUAGES.map((language) => ({ language })), ...TEMPLATE_SELECTOR],
    synchronize: { configurationSection: 'asl' },
    outputChannel: output,
    traceOutputChannel: output,
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
  return new LanguageClient('asl', 'ASL Workbench', serverOptions, clientOptions);
}
