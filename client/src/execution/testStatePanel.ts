import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TestStateRequest } from '../../../server/src/protocol';
import type { FromTestStateView, ToTestStateView } from '../../webview/src/shared/testStateMessages';
import { webviewHtml } from '../webviewHtml';
import { TEST_STATE_CSS } from './testStateCss';

export type TestStateActions = Record<Exclude<FromTestStateView['type'], 'ready'>, () => unknown>;

/** The Test State view: one panel per state machine, reused for each state tested. */
export class TestStatePanel {
  private static readonly panels = new Map<string, TestStatePanel>();
  private readonly queue: ToTestStateView[] = [];
  private ready = false;
  readonly panel: vscode.WebviewPanel;
  /** Every message sent since the last run (tests read these). */
  readonly sent: ToTestStateView[] = [];

  static show(context: vscode.ExtensionContext, uri: vscode.Uri, actions: TestStateActions): TestStatePanel {
    let panel = TestStatePanel.panels.get(uri.toString());
    if (!panel) {
      panel = new TestStatePanel(context, uri, actions);
      TestStatePanel.panels.set(uri.toString(), panel);
    } else {
      panel.actions = actions;
      panel.panel.reveal(vscode.ViewColumn.Beside, true);
    }
    return panel;
  }

  static current(uri: vscode.Uri): TestStatePanel | undefined {
    return TestStatePanel.panels.get(uri.toString());
  }

  private constructor(context: vscode.ExtensionContext, uri: vscode.Uri, private actions: TestStateActions) {
    this.panel = vscode.window.createWebviewPanel('asl.testState', `Test State: ${path.basename(uri.fsPath)}`, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview')],
    });
    this.panel.webview.html = webviewHtml(this.panel.webview, context.extensionUri, 'testState.js', 'Test State', TEST_STATE_CSS);
    this.panel.webview.onDidReceiveMessage((message: FromTestStateView) => {
      if (message.type === 'ready') {
        this.ready = true;
        for (const m of this.queue.splice(0)) void this.panel.webview.postMessage(m);
      } else if (message.type in this.actions) {
        void this.actions[message.type]();
      }
    });
    this.panel.onDidDispose(() => TestStatePanel.panels.delete(uri.toString()));
  }

  private post(message: ToTestStateView): void {
    this.sent.push(message);
    if (this.ready) void this.panel.webview.postMessage(message);
    else this.queue.push(message);
  }

  running(machine: string, state: string, input: string, testCase?: string, mocks?: string): void {
    this.sent.length = 0;
    this.post({ type: 'running', machine, state, input, testCase, mocks });
  }

  result(result: TestStateRequest.Result): void {
    const { status, output, error, cause, nextState, steps, missingMock } = result;
    this.post({ type: 'result', outcome: { status, output, error, cause, nextState, steps, missingMock } });
  }
}
