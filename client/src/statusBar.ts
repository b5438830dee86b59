import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DocumentSummaryRequest } from '../../server/src/protocol';
import { isAslLanguage } from './aslLanguages';

/** Shows the active ASL document's state count and problems; clicking opens the Problems panel. */
export function registerStatusBar(context: vscode.ExtensionContext, client: LanguageClient): void {
  const item = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 100);
  item.command = 'workbench.actions.view.problems';
  context.subscriptions.push(item);

  let pending: ReturnType<typeof setTimeout> | undefined;
  const update = () => {
    if (pending) clearTimeout(pending);
    pending = setTimeout(() => void refresh(), 200);
  };
  const refresh = async () => {
    // With a webview (graph, execution view) focused there is no active editor: keep showing the visible ASL one.
    const active = vscode.window.activeTextEditor;
    const editor = active && isAslLanguage(active.document.languageId) ? active : active ? undefined : vscode.window.visibleTextEditors.find((e) => isAslLanguage(e.document.languageId));
    if (!editor) {
      item.hide();
      return;
    }
    const diagnostics = vscode.languages.getDiagnostics(editor.document.uri);
    const errors = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const warnings = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
    let states = '';
    try {
      const summary = await client.sendRequest(DocumentSummaryRequest.method, { uri: editor.document.uri.toString() }) as DocumentSummaryRequest.Result;
      states = `${summary.states} state${summary.states === 1 ? '' : 's'} · `;
    } catch {
      // The server is starting or restarting; show the problems alone.
    }
    item.text = `$(type-hierarchy) ${states}${errors ? `$(error) ${errors} ` : ''}${warnings ? `$(warning) ${warnings}` : errors ? '' : '$(check)'}`;
    item.tooltip = 'ASL Workbench: states and problems in this state machine';
    item.show();
  };
  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.languages.onDidChangeDiagnostics(update),
  );
  update();
}
