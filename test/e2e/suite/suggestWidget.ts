import type * as vscode from 'vscode';
import { ui } from './ui';
import { until as untilWithin } from './until';

const until = <T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 15_000) => untilWithin(what, probe, timeoutMs);

/** The rows of the suggest widget while it is shown. */
export const SUGGEST_ROWS = '.suggest-widget.visible .monaco-list-row';

export async function rowLabels(): Promise<string[]> {
  return (await ui.query(SUGGEST_ROWS)).filter((r) => r.visible).map((r) => r.ariaLabel ?? r.text);
}

/** Ctrl+Space, then the labels the widget shows. */
export async function suggest(): Promise<string[]> {
  await ui.press('Control+Space');
  await ui.waitFor(SUGGEST_ROWS);
  return until('suggestions', async () => {
    const labels = await rowLabels();
    return labels.length > 0 ? labels : undefined;
  });
}

/**
 * Types `prefix`, waits until `label` is the focused first row and stays so (typing a `.` or `"` asks the server
 * again, and the list is redrawn when the answer comes), accepts it with Enter, and returns the cursor's line.
 */
export async function choose(editor: vscode.TextEditor, prefix: string, label: string): Promise<string> {
  if (prefix) await ui.type(prefix);
  const focused = async () => (await ui.query(`${SUGGEST_ROWS}.focused`))[0]?.ariaLabel ?? '';
  let seen = 0;
  await until(`'${label}' focused in the list`, async () => {
    seen = (await focused()).startsWith(label) && !(await ui.query('.suggest-widget.visible.loading')).length ? seen + 1 : 0;
    return seen >= 3 || undefined;
  });
  const typed = editor.document.getText();
  await ui.press('Enter');
  await until('the item applied', () => editor.document.getText() !== typed || undefined);
  await ui.waitForHidden(SUGGEST_ROWS);
  const line = editor.document.lineAt(editor.selection.active.line).text;
  await ui.press('Escape');
  return line.trim();
}
