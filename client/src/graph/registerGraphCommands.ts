import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { GraphPanel } from './graphPanel';
import { activeMachineUri } from '../activeMachine';
import { pickTemplateMachine } from '../templates/templateMachines';

/** Open Graph Preview (here / to the side), Export Graph, and restoring previews after a reload. */
export function registerGraphCommands(context: vscode.ExtensionContext, client: LanguageClient): void {
  const open = (column: vscode.ViewColumn) => async (uri?: unknown) => {
    const target = uri instanceof vscode.Uri ? uri : activeMachineUri();
    if (!target) return undefined;
    // From the palette or the title bar on a template: the state machine under the cursor (or the one picked).
    const editor = vscode.window.activeTextEditor;
    const picked = !(uri instanceof vscode.Uri) && editor?.document.uri.toString() === target.toString() ? await pickTemplateMachine(client, editor.document) : {};
    if (!picked) return undefined;
    // A DefinitionUri / file() machine is drawn from its own file.
    return GraphPanel.show(context, client, picked.link ?? target, column);
  };
  context.subscriptions.push(
    vscode.commands.registerCommand('asl.openGraphPreview', open(vscode.ViewColumn.Active)),
    vscode.commands.registerCommand('asl.openGraphPreviewToSide', open(vscode.ViewColumn.Beside)),
    vscode.commands.registerCommand('asl.exportGraph', async () => {
      const uri = activeMachineUri();
      const panel = (uri && GraphPanel.forUri(uri)) ?? (uri ? GraphPanel.show(context, client, uri, vscode.ViewColumn.Beside) : GraphPanel.all()[0]);
      if (!panel) return;
      const format = await vscode.window.showQuickPick(['svg', 'png'], { title: 'Export the graph as' });
      if (format === 'svg' || format === 'png') panel.post({ type: 'export', format });
    }),
    vscode.window.registerWebviewPanelSerializer(GraphPanel.viewType, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
        const uri = (state as { uri?: string } | undefined)?.uri;
        const target = uri ? vscode.Uri.parse(uri) : vscode.window.activeTextEditor?.document.uri;
        if (target) new GraphPanel(context, client, target, panel);
        else panel.dispose();
      },
    }),
  );
}
