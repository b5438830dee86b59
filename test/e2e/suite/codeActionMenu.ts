import * as vscode from 'vscode';
import { ui } from './ui';
import { until } from './until';

/**
 * Opens the light bulb's menu at the editor's cursor with Ctrl+., as a person does; resolves to its rows' text.
 * Presses Ctrl+. again if focus was elsewhere the first time (the workbench may still be settling after a theme change).
 */
export async function openCodeActionMenu(): Promise<string[]> {
  await until('the code action menu', async () => {
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    await ui.press('Control+.');
    return ui.waitFor('.action-widget .monaco-list-row', { timeoutMs: 5000 }).then(() => true, () => ui.press('Escape').then(() => undefined));
  }, 30_000);
  return (await ui.query('.action-widget .monaco-list-row')).map((r) => r.text);
}

/** In the open menu: down to the first row whose text holds `label`, then Enter, with the keyboard. */
export async function chooseCodeAction(label: string): Promise<void> {
  await until(`${label} focused`, async () => {
    const focused = (await ui.query('.action-widget .monaco-list-row.focused'))[0];
    if (focused?.text.includes(label)) return true;
    await ui.press('ArrowDown');
    return undefined;
  });
  await ui.press('Enter');
}
