import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

/** The commands the client owns itself; execution and graph commands register in their own modules. */
export function registerCoreCommands(context: vscode.ExtensionContext, client: LanguageClient, output: vscode.LogOutputChannel): void {
  const table: Record<string, (...args: unknown[]) => unknown> = {
    'asl.restartServer': async () => {
      await client.restart();
      void vscode.window.setStatusBarMessage('ASL language server restarted', 3000);
    },
    'asl.showOutput': () => output.show(true),
    'asl.treatAsAsl': async () => {
      const document = vscode.window.activeTextEditor?.document;
      if (document) await vscode.languages.setTextDocumentLanguage(document, 'asl');
    },
  };
  for (const [id, run] of Object.entries(table)) context.subscriptions.push(vscode.commands.registerCommand(id, run));
}
