import * as vscode from 'vscode';
import { ui, type ElementInfo } from './ui';
import { until } from './until';

const FILTER_INPUT = '.markers-panel-container .viewpane-filter input, .viewpane-filter-container input, .pane-header .viewpane-filter input';

/** Sets the Problems panel's filter box as a person does: click, select all, type (empty clears it). */
async function setFilter(text: string): Promise<void> {
  await ui.click(FILTER_INPUT);
  await ui.press('Control+a');
  if (text) await ui.type(text);
  else await ui.press('Backspace');
}

/**
 * Opens the Problems panel filtered to one file (a glob in its filter box, as the box's placeholder suggests) while
 * `body` runs, then clears the filter: files other tests left open would otherwise push this file's rows out of
 * the virtualised list.
 */
export async function withFileProblems<T>(fileName: string, body: () => Promise<T>): Promise<T> {
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  await ui.waitFor('.markers-panel', { timeoutMs: 20_000 });
  await setFilter(`**/${fileName}`);
  try {
    await until(`the Problems panel filtered to ${fileName}`, async () => {
      const rows = await ui.query('.markers-panel .monaco-list-row');
      return rows.length > 0 && (rows[0].ariaLabel ?? rows[0].text).includes(fileName) && rows.filter((r) => r.className.includes('resource') || /problems? in file/i.test(r.ariaLabel ?? '')).length <= 1;
    });
    return await body();
  } finally {
    await setFilter('');
  }
}

/** The Problems panel's rows once one of them matches `pattern` (by its aria-label, else its text). */
export async function problemRows(pattern: RegExp): Promise<ElementInfo[]> {
  let seen: ElementInfo[] = [];
  try {
    return await until(`a problem row matching ${pattern}`, async () => {
      seen = await ui.query('.markers-panel .monaco-list-row');
      return seen.some((r) => pattern.test(r.ariaLabel ?? r.text)) ? seen : undefined;
    });
  } catch (error) {
    await ui.screenshot('problems-panel-timeout');
    throw new Error(`${(error as Error).message}; the rows: ${JSON.stringify(seen.map((r) => r.ariaLabel ?? r.text))}`, { cause: error });
  }
}
