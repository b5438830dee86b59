import * as vscode from 'vscode';
import { ui, type ElementInfo } from './ui';
import { until } from './until';

const TOGGLE_ACTIVE_FILE = 'workbench.actions.workbench.panel.markers.view.toggleActiveFile';

/**
 * Opens the Problems panel showing only the active file's problems while `body` runs (files other tests left open
 * would otherwise push this file's rows out of the virtualised list), then shows every file's again.
 */
export async function withActiveFileProblems<T>(body: () => Promise<T>): Promise<T> {
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  await vscode.commands.executeCommand(TOGGLE_ACTIVE_FILE);
  try {
    return await body();
  } finally {
    await vscode.commands.executeCommand(TOGGLE_ACTIVE_FILE);
  }
}

/** The Problems panel's rows once one of them matches `pattern` (by its aria-label, else its text). */
export function problemRows(pattern: RegExp): Promise<ElementInfo[]> {
  return until(`a problem row matching ${pattern}`, async () => {
    const rows = await ui.query('.markers-panel .monaco-list-row');
    return rows.some((r) => pattern.test(r.ariaLabel ?? r.text)) ? rows : undefined;
  });
}
