import * as vscode from 'vscode';
import type { LanguageClient, Location, Position } from 'vscode-languageclient/node';
import { convertDocument } from './convertDocument';

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
    'asl.convertToYaml': () => convertDocument(client, 'yaml'),
    'asl.convertToJson': () => convertDocument(client, 'json'),
    // The transitions code lens: one source state is revealed, several are shown in a peek.
    'asl.showTransitionSources': async (uri: unknown, position: unknown, locations: unknown) => {
      if (typeof uri !== 'string' || !Array.isArray(locations) || locations.length === 0) return;
      const p2c = client.protocol2CodeConverter;
      const targets = locations.map((l: Location) => p2c.asLocation(l));
      if (targets.length === 1) {
        await vscode.window.showTextDocument(targets[0].uri, { selection: targets[0].range });
        return;
      }
      await vscode.commands.executeCommand('editor.action.showReferences', vscode.Uri.parse(uri), p2c.asPosition(position as Position), targets);
    },
  };
  for (const [id, run] of Object.entries(table)) context.subscriptions.push(vscode.commands.registerCommand(id, run));
}
