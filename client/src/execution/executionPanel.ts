import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExecutionCallbackNotification, SendTaskAnswerRequest, StartExecutionRequest } from '../../../server/src/protocol';
import type { FromExecutionView, TaskAnswerData, ToExecutionView } from '../../webview/src/shared/executionMessages';
import { webviewHtml } from '../webviewHtml';
import { EXECUTION_CSS } from './executionCss';
import { GraphPanel } from '../graph/graphPanel';

/** The execution view: one panel per state machine, reused across runs. */
export class ExecutionPanel {
  private static readonly panels = new Map<string, ExecutionPanel>();
  private readonly queue: ToExecutionView[] = [];
  private ready = false;

  static show(context: vscode.ExtensionContext, uri: vscode.Uri, rerun: () => unknown): ExecutionPanel {
    const key = uri.toString();
    let panel = ExecutionPanel.panels.get(key);
    if (!panel) {
      panel = new ExecutionPanel(context, uri, rerun);
      ExecutionPanel.panels.set(key, panel);
    } else {
      panel.rerun = rerun;
      // In its own group, wherever it was put: Beside would pull it over the graph or the editor.
      panel.panel.reveal(panel.panel.viewColumn, true);
    }
    return panel;
  }

  /** The execution view the user is looking at (focused), if any. */
  static active(): ExecutionPanel | undefined {
    return [...ExecutionPanel.panels.values()].find((p) => p.panel.active);
  }

  /** The most recently shown panel (tests read its messages). */
  static current(uri: vscode.Uri): ExecutionPanel | undefined {
    return ExecutionPanel.panels.get(uri.toString());
  }

  readonly panel: vscode.WebviewPanel;
  readonly sent: ToExecutionView[] = [];
  /** Since the last run started: when the panel was made, the view said ready, the run finished, the view drew it (ms). */
  readonly timeline: [string, number][] = [['created', Date.now()]];
  /** What the view said when it drew the finished run (tests read it). */
  drawn: Extract<FromExecutionView, { type: 'drawn' }> | undefined;

  private constructor(context: vscode.ExtensionContext, readonly uri: vscode.Uri, private rerun: () => unknown) {
    const graph = GraphPanel.forUri(uri);
    const besideGraph = graph?.panel.visible && graph.panel.viewColumn !== undefined;
    const returnTo = graph?.panel.active ? graph.panel : vscode.window.activeTextEditor;
    this.panel = vscode.window.createWebviewPanel('asl.execution', `Execution: ${path.basename(uri.fsPath)}`, { viewColumn: besideGraph ? graph.panel.viewColumn! : vscode.ViewColumn.Beside, preserveFocus: !besideGraph }, {
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview')],
    });
    this.panel.webview.html = webviewHtml(this.panel.webview, context.extensionUri, 'execution.js', 'Execution', EXECUTION_CSS);
    this.panel.webview.onDidReceiveMessage((message: FromExecutionView) => {
      if (message.type === 'ready') {
        this.ready = true;
        this.timeline.push(['ready', Date.now()]);
        for (const m of this.queue.splice(0)) void this.panel.webview.postMessage(m);
      } else if (message.type === 'drawn') {
        this.drawn = message;
        this.timeline.push([`drawn (${message.events} events, ${message.pageMs} ms into the page)`, Date.now()]);
      } else if (message.type === 'rerun') void this.rerun();
      else if (message.type === 'sendTaskAnswer') void this.sendAnswer(message.answer);
    });
    this.panel.onDidDispose(() => ExecutionPanel.panels.delete(uri.toString()));
    if (besideGraph) void placeBelow(returnTo);
  }

  /** Passes the user's answer for a waiting task to the run going on (set by the run, cleared when it ends). */
  answerTask: ((answer: TaskAnswerData) => Promise<SendTaskAnswerRequest.Result>) | undefined;

  /** A task of the run started or stopped waiting for its token: the view lists it with Send success/failure/heartbeat. */
  waiting(task: Omit<ExecutionCallbackNotification.Params, 'executionId'>): void {
    const { token, stateName, resource, waiting, activity, timeoutSeconds, heartbeatSeconds } = task;
    this.post({ type: 'waiting', task: { token, stateName, resource, waiting, activity, timeoutSeconds, heartbeatSeconds } });
  }

  private async sendAnswer(answer: TaskAnswerData): Promise<void> {
    if (!answer || typeof answer.token !== 'string') return;
    const reply = this.answerTask
      ? await this.answerTask(answer).catch((error: unknown): SendTaskAnswerRequest.Result => ({ ok: false, message: error instanceof Error ? error.message : String(error) }))
      : { ok: false, message: 'The execution is not running' };
    this.post({ type: 'answered', token: answer.token, kind: answer.kind, ok: reply.ok, message: reply.message });
  }

  /** Brings the view forward and shows one event of the run in it, with its details. */
  select(id: number): void {
    this.panel.reveal(this.panel.viewColumn, true);
    this.post({ type: 'select', id });
  }

  private post(message: ToExecutionView): void {
    this.sent.push(message);
    if (this.ready) void this.panel.webview.postMessage(message);
    else this.queue.push(message);
  }

  started(machine: string, input: string, testCase?: string): void {
    this.sent.length = 0;
    this.batch = [];
    this.drawn = undefined;
    if (this.timeline.length > 1 || this.ready) this.timeline.splice(0, this.timeline.length, ['started', Date.now()]);
    else this.timeline.push(['started', Date.now()]);
    this.post({ type: 'started', machine, input, testCase });
  }

  private batch: StartExecutionRequest.Result['events'] = [];
  private flushTimer: ReturnType<typeof setTimeout> | undefined;

  /** Queues events; they go to the view in batches (one message per 50 ms at most). */
  events(events: StartExecutionRequest.Result['events']): void {
    for (const event of events) this.batch.push(event);
    this.flushTimer ??= setTimeout(() => this.flush(), 50);
  }

  private flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    if (this.batch.length > 0) this.post({ type: 'events', events: this.batch.splice(0) });
  }

  finished(result: StartExecutionRequest.Result): void {
    this.timeline.push(['finished', Date.now()]);
    this.flush();
    this.post({ type: 'finished', status: result.status, output: result.output, error: result.error, cause: result.cause, durationMs: result.durationMs, problems: result.problems });
  }
}

/**
 * Moves a new execution view from the graph's group into a group of its own below it, so that the run's colours
 * on the graph and its history are seen together; then gives the focus back to where the user was.
 */
async function placeBelow(returnTo: vscode.WebviewPanel | vscode.TextEditor | undefined): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.moveEditorToBelowGroup');
  if (returnTo && 'webview' in returnTo) returnTo.reveal(returnTo.viewColumn, false);
  else if (returnTo) await vscode.window.showTextDocument(returnTo.document, { viewColumn: returnTo.viewColumn, preserveFocus: false });
}
