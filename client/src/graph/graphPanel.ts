import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { layoutGraph } from '../../../server/src/core/graph/layoutGraph';
import { GraphRequest, type ExecutionEvent } from '../../../server/src/protocol';
import type { DebugOverlay, FromGraphView, GraphPageData, Layout, ToGraphView } from '../../webview/src/shared/graphMessages';
import { runInfo } from '../execution/runInfo';
import { runSteps } from './runSteps';
import { GRAPH_STYLE } from '../../webview/src/graph/graphStyle';
import { webviewHtml } from '../webviewHtml';

const REFRESH_DELAY_MS = 250;
/**
 * How long the page waits for the first graph to travel with it. A new webview shows no page before its service
 * worker is active, 1.5 s or more after the panel is made in code-server (Chromium holds each new version's
 * activation for 1 s while the previous one runs), and the graph is laid out well within that (a 500-state machine
 * about 0.2 s after the command on a quiet machine); a slower server (still starting, a huge machine) gets the page
 * without it, and the graph follows by message.
 */
const FIRST_GRAPH_WAIT_MS = 1000;

/** The graph preview of one document: follows its edits (debounced) and the cursor, and reveals clicked states. */
export class GraphPanel {
  static readonly viewType = 'asl.graphPreview';
  private static readonly panels = new Map<string, GraphPanel>();
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private ready = false;
  /**
   * The graph asked for while the webview loads, laid out here meanwhile (the layout is pure and deterministic),
   * so that the view only draws when it is ready: the layout is off the path to the first picture.
   */
  private firstGraph: Promise<{ graph: GraphRequest.Result; layout?: Layout } | null>;
  /** The document version of the graph the page was made with (it draws that one without asking). */
  private sentWithPage: number | undefined;
  private disposed = false;
  /** Messages from the webview (tests read these). */
  readonly received: FromGraphView[] = [];
  /** When the panel was made, its page set (with the graph or not), each message came, the first graph was posted if it was (ms, for timings). */
  readonly timeline: [string, number][] = [['created', Date.now()]];
  private readonly waiters: ((m: FromGraphView) => void)[] = [];

  static show(context: vscode.ExtensionContext, client: LanguageClient, uri: vscode.Uri, column: vscode.ViewColumn): GraphPanel {
    const existing = GraphPanel.panels.get(uri.toString());
    if (existing) {
      existing.panel.reveal(column, true);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(GraphPanel.viewType, 'Graph', { viewColumn: column, preserveFocus: true }, GraphPanel.options(context));
    return new GraphPanel(context, client, uri, panel);
  }

  static options(context: vscode.ExtensionContext): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return { enableScripts: true, retainContextWhenHidden: true, localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview')] };
  }

  static forUri(uri: vscode.Uri): GraphPanel | undefined {
    return GraphPanel.panels.get(uri.toString());
  }

  static all(): GraphPanel[] {
    return [...GraphPanel.panels.values()];
  }

  /** The preview the user is looking at (focused), if any: commands run from its title bar act on its machine. */
  static active(): GraphPanel | undefined {
    return GraphPanel.all().find((p) => p.panel.active);
  }

  constructor(context: vscode.ExtensionContext, private readonly client: LanguageClient, readonly uri: vscode.Uri, readonly panel: vscode.WebviewPanel) {
    GraphPanel.panels.set(uri.toString(), this);
    panel.title = `Graph: ${uri.path.split('/').pop()}`;
    panel.webview.options = GraphPanel.options(context);
    this.firstGraph = this.fetchGraph().then((graph) => (graph ? { graph, layout: layoutOrNothing(graph) } : null));
    void this.setPage(context);
    this.disposables.push(
      panel.webview.onDidReceiveMessage((m: FromGraphView) => this.handleMessage(m)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.toString() === uri.toString()) this.scheduleRefresh();
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor.document.uri.toString() !== uri.toString()) return;
        if (!vscode.workspace.getConfiguration('asl').get<boolean>('graph.followCursor', true)) return;
        this.post({ type: 'cursor', offset: e.textEditor.document.offsetAt(e.selections[0].active) });
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some((u) => u.toString() === uri.toString())) this.scheduleRefresh();
      }),
    );
    panel.onDidDispose(() => this.dispose());
  }

  /** Sets the page, with the first graph if it is laid out within FIRST_GRAPH_WAIT_MS. */
  private async setPage(context: vscode.ExtensionContext): Promise<void> {
    const first = await Promise.race([this.firstGraph, new Promise<undefined>((resolve) => setTimeout(resolve, FIRST_GRAPH_WAIT_MS))]);
    if (this.disposed) return;
    const data: GraphPageData | undefined = first ? { documentUri: this.uri.toString(), graph: first.graph, version: first.graph.version, ...(first.layout ? { layout: first.layout } : {}) } : undefined;
    this.sentWithPage = data?.version;
    this.panel.webview.html = webviewHtml(this.panel.webview, context.extensionUri, 'graph.js', 'Graph', GRAPH_STYLE.css, data);
    this.timeline.push([data ? 'page set with the graph' : 'page set', Date.now()]);
  }

  /** Handles a message from the webview (public so that end-to-end tests can drive it like a click). */
  async handleMessage(message: FromGraphView): Promise<void> {
    this.received.push(message);
    this.timeline.push([message.type, Date.now()]);
    for (const w of this.waiters.splice(0)) w(message);
    if (message.type === 'ready') {
      this.ready = true;
      if (this.sentWithPage !== undefined) {
        // Edits made while the page loaded were not posted (the view was not ready): send the newest graph.
        if ((this.documentVersion() ?? this.sentWithPage) > this.sentWithPage) void this.refresh();
        return;
      }
      this.post({ type: 'init', documentUri: this.uri.toString() });
      const first = await this.firstGraph;
      if (first) this.post({ type: 'graph', graph: first.graph, version: first.graph.version, ...(first.layout ? { layout: first.layout } : {}) });
      else void this.refresh();
      this.timeline.push(['graph posted', Date.now()]);
    } else if (message.type === 'reveal') {
      await this.reveal(message.offset, message.length);
    } else if (message.type === 'exported') {
      await this.save(message.format, message.data);
    }
  }

  /** Resolves with the next message from the webview matching `predicate`. */
  next(predicate: (m: FromGraphView) => boolean): Promise<FromGraphView> {
    return new Promise((resolve) => {
      const check = (m: FromGraphView) => (predicate(m) ? resolve(m) : this.waiters.push(check));
      this.waiters.push(check);
    });
  }

  post(message: ToGraphView): void {
    if (this.ready) void this.panel.webview.postMessage(message);
  }

  /** Colours the states and edges a run took; they show as stale once the document moves past `version`. */
  /** Marks the states no test reached (a test run with coverage). */
  showCoverage(untested: string[]): void {
    this.post({ type: 'coverage', untested });
  }

  /** `live`: a debug session's history so far (states entered and not exited show as running). */
  showExecution(events: ExecutionEvent[], version = this.documentVersion() ?? 0, live = false): void {
    this.post({ type: 'execution', states: runInfo(events, live), steps: runSteps(events), version });
  }

  /** Where a debug session of this machine is paused, or how it ended; `null` takes the mark away. */
  showDebug(debug: DebugOverlay | null): void {
    this.debugState = debug;
    this.post({ type: 'debug', debug });
  }

  /** The last debug position posted (tests read it). */
  debugState: DebugOverlay | null = null;

  private documentVersion(): number | undefined {
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === this.uri.toString())?.version;
  }

  private scheduleRefresh(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), REFRESH_DELAY_MS);
  }

  async refresh(): Promise<void> {
    const graph = await this.fetchGraph();
    if (graph) this.post({ type: 'graph', graph, version: graph.version });
  }

  private async fetchGraph(): Promise<GraphRequest.Result | null> {
    const graph = (await this.client.sendRequest(GraphRequest.method, { uri: this.uri.toString() }).catch(() => null)) as GraphRequest.Result | null;
    // In a template, the title names the state machine drawn (its logical ID), the file after it.
    if (graph?.stateMachine) this.panel.title = `Graph: ${graph.stateMachine} (${this.uri.path.split('/').pop()})`;
    return graph;
  }

  private async reveal(offset: number, length: number): Promise<void> {
    const document = await vscode.workspace.openTextDocument(this.uri);
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.uri.toString())
      ?? (await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, preserveFocus: false }));
    const range = new vscode.Range(document.positionAt(offset), document.positionAt(offset + length));
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private async save(format: 'svg' | 'png', data: string): Promise<void> {
    const target = await vscode.window.showSaveDialog({
      defaultUri: this.uri.with({ path: this.uri.path.replace(/\.asl\.(?:json|ya?ml)$|\.(?:json|ya?ml)$/, `.${format}`) }),
      filters: format === 'svg' ? { SVG: ['svg'] } : { PNG: ['png'] },
    });
    if (!target) return;
    const bytes = format === 'svg' ? Buffer.from(data, 'utf8') : Buffer.from(data.replace(/^data:image\/png;base64,/, ''), 'base64');
    await vscode.workspace.fs.writeFile(target, bytes);
    void vscode.window.showInformationMessage(`Graph exported to ${target.fsPath}`);
  }

  dispose(): void {
    this.disposed = true;
    GraphPanel.panels.delete(this.uri.toString());
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}

function layoutOrNothing(graph: GraphRequest.Result): Layout | undefined {
  try {
    return layoutGraph(graph);
  } catch {
    // The view lays it out again and says why it cannot.
    return undefined;
  }
}
