import * as vscode from 'vscode';
import { ExecutionPanel } from './execution/executionPanel';
import { GraphPanel } from './graph/graphPanel';

/**
 * The state machine a command acts on: the one whose graph or execution view is focused (a focused webview leaves
 * `activeTextEditor` undefined), else the active text editor's document.
 */
export function activeMachineUri(): vscode.Uri | undefined {
  return GraphPanel.active()?.uri ?? ExecutionPanel.active()?.uri ?? vscode.window.activeTextEditor?.document.uri;
}

/** The document of activeMachineUri(), opened if needed. */
export async function activeMachineDocument(): Promise<vscode.TextDocument | undefined> {
  const uri = activeMachineUri();
  return uri ? vscode.workspace.openTextDocument(uri) : undefined;
}
