/**
 * The suite's side of the UI bridge (the runner's side is test/e2e/uiBridge.mjs): lets a test running in the
 * extension host act and look as a person does in the workbench page. Without the code-server runner (for
 * example under @vscode/test-electron) `ui.available` is false and tests that need it skip.
 */
import * as vscode from 'vscode';

export interface ElementInfo {
  text: string;
  ariaLabel: string | null;
  className: string;
  visible: boolean;
  box: { x: number; y: number; width: number; height: number };
}

/** 'webview': search every webview frame for the selector; default: the workbench page. */
export interface Where {
  frame?: 'webview';
  timeoutMs?: number;
}

const bridge = process.env.ASL_E2E_UI;

async function call<T>(op: string, request: Record<string, unknown> = {}): Promise<T> {
  if (!bridge) throw new Error('the UI bridge is not available (run the suite with test/e2e/runInCodeServer.mjs)');
  const response = await fetch(`${bridge}/ui`, { method: 'POST', body: JSON.stringify({ op, ...request }) });
  const reply = (await response.json()) as { ok: boolean; value?: T; error?: string };
  if (!reply.ok) throw new Error(`ui.${op}: ${reply.error}`);
  return reply.value as T;
}

const THEMES = { light: 'Default Light Modern', dark: 'Default Dark Modern' } as const;

export const ui = {
  available: Boolean(bridge),
  /** Presses a key or chord on the workbench page, e.g. 'Control+Space', 'Enter', 'F1'. */
  press: (keys: string) => call<void>('press', { keys }),
  /** Types text key by key into whatever has focus. */
  type: (text: string) => call<void>('type', { text }),
  /** Every element matching the selector, with its text, aria-label and whether it is visible. */
  query: (selector: string, where: Where = {}) => call<ElementInfo[]>('query', { selector, ...where }),
  /** Waits until the selector is visible; resolves to the milliseconds waited. */
  waitFor: async (selector: string, where: Where = {}) => (await call<{ ms: number }>('waitFor', { selector, ...where })).ms,
  /** Waits until no element matches the selector visibly. */
  waitForHidden: async (selector: string, where: Where = {}) => (await call<{ ms: number }>('waitFor', { selector, state: 'hidden', ...where })).ms,
  /** Clicks the first visible element matching the selector (waiting for it). */
  click: (selector: string, where: Where & { button?: 'left' | 'right'; modifiers?: string[] } = {}) => call<{ ms: number }>('click', { selector, ...where }),
  hover: (selector: string, where: Where = {}) => call<void>('hover', { selector, ...where }),
  /**
   * Starts recording when elements matching the selector are drawn in the workbench (the animation frame after each
   * new value of `attribute`, or text, appeared); `drawnTimes` reads the record (Date.now() times).
   */
  watchDrawn: (selector: string, attribute?: string) => call<void>('watchDrawn', { selector, attribute }),
  drawnTimes: (selector: string) => call<{ key: string; inDom: number; drawn: number }[]>('drawnTimes', { selector }),
  /** Saves test-artifacts/e2e-NAME.png of the whole workbench. */
  screenshot: (name: string) => call<{ path: string }>('screenshot', { name }),
  /** Switches the workbench colour theme and waits until the page shows it. */
  theme: async (kind: keyof typeof THEMES) => {
    await vscode.workspace.getConfiguration('workbench').update('colorTheme', THEMES[kind], vscode.ConfigurationTarget.Global);
    await ui.waitFor(kind === 'dark' ? '.monaco-workbench.vs-dark' : '.monaco-workbench.vs');
  },
};
