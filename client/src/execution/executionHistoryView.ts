import * as vscode from 'vscode';
import type { StartExecutionRequest } from '../../../server/src/protocol';
import { HistoryTree, isGroup, type HistoryGroup } from '../../webview/src/execution/historyTree';
import type { ExecutionEventData } from '../../webview/src/shared/executionMessages';
import { eventRowText, groupRowText, type HistoryRowText } from './historyRowText';

type Node = HistoryGroup | ExecutionEventData;

const FAILURE = /Failed$|TimedOut$|Aborted$/;
const REFRESH_MS = 100;
/** How long a finished run waits for the tree to ask for its rows before the execution view is made anyway. */
const DRAWN_TIMEOUT_MS = 5000;
/**
 * After the tree asked for the rows, the time the workbench takes to put them in its DOM while nothing else competes
 * (tens of ms; measured: a new webview made at once pushed them 300-500 ms later under load).
 */
const DRAW_MS = 200;

/**
 * The history of the last run as a native tree in the panel (ASL Execution › History): grouped by state, Map
 * iteration and Parallel branch, folded, drawn by VS Code itself. It shows within a few hundred milliseconds of the
 * command, where a new webview takes over a second to appear (each one registers its own service worker); the
 * execution view (webview) follows with the output, the filter and the details, and a click on an event shows it there.
 */
export class ExecutionHistoryView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  static readonly viewId = 'asl.executionHistory';
  readonly view: vscode.TreeView<Node>;
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private tree = new HistoryTree();
  private run = 0;
  private ids = new WeakMap<HistoryGroup, string>();
  private nextId = 0;
  private running = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private label = '';
  private summary = '';
  /** The last run that finished, and who waits for the tree to have drawn it. */
  private finishedRun = 0;
  private drawnWaiters: { run: number; done: () => void }[] = [];
  /** The view was asked to show for this run and has not shown yet. */
  private revealing = false;
  /** Since the last run started: when it started, its first events came and it finished (ms; tests print it). */
  readonly timeline: [string, number][] = [];
  /** The machine of the run shown, and how to run it again. */
  uri: vscode.Uri | undefined;
  rerun: (() => unknown) | undefined;

  constructor() {
    this.view = vscode.window.createTreeView(ExecutionHistoryView.viewId, { treeDataProvider: this, showCollapseAll: true });
  }

  /**
   * A run starts: the tree empties and, unless the user turned it off, the view is shown without taking the focus.
   * Returns the run's number: events and results of an earlier run still going on are not mixed in.
   */
  started(uri: vscode.Uri, label: string, rerun: () => unknown): number {
    this.uri = uri;
    this.rerun = rerun;
    this.label = label;
    this.tree = new HistoryTree();
    this.ids = new WeakMap();
    this.run++;
    this.running = true;
    this.timeline.splice(0, this.timeline.length, ['started', Date.now()]);
    this.settleDrawn();
    this.show(`${label} · running…`);
    this.refresh(true);
    this.revealing = vscode.workspace.getConfiguration('asl').get<boolean>('execution.revealHistory', true) && !this.view.visible;
    if (this.revealing) void vscode.commands.executeCommand(`${ExecutionHistoryView.viewId}.open`, { preserveFocus: true });
    return this.run;
  }

  events(run: number, events: StartExecutionRequest.Result['events']): void {
    if (run !== this.run) return;
    if (this.tree.events.length === 0) this.timeline.push(['first events', Date.now()]);
    for (const event of events) this.tree.add(event as ExecutionEventData);
    this.refresh(false);
  }

  finished(run: number, result: StartExecutionRequest.Result): void {
    if (run !== this.run) return;
    this.running = false;
    this.timeline.push(['finished', Date.now()]);
    const duration = result.durationMs !== undefined ? ` in ${Math.round(result.durationMs)} ms` : '';
    const error = result.status === 'SUCCEEDED' ? '' : `: ${[result.error, result.cause].filter(Boolean).join(' — ')}`;
    this.show(`${this.label} · ${result.status}${duration} · ${this.tree.events.length} events${error}`);
    this.finishedRun = run;
    this.refresh(true);
    // Hidden and not being shown: nothing will draw it. Otherwise the tree asks for its rows once it shows them.
    if (!this.view.visible && !this.revealing) this.settleDrawn();
    else setTimeout(() => this.giveUpDrawn(run), DRAWN_TIMEOUT_MS);
  }

  /** The run ended without a result (the request failed): it no longer shows as running. */
  stopped(run: number): void {
    if (run !== this.run || !this.running) return;
    this.running = false;
    this.show(`${this.label} · stopped`);
    this.finishedRun = run;
    this.refresh(true);
    this.settleDrawn();
  }

  /** The run's summary above the tree (a view's description is not shown when the panel shows it alone). */
  private show(summary: string): void {
    this.summary = summary;
    this.view.message = summary;
    this.view.description = summary;
  }

  /** The summary line shown (tests read it). */
  get status(): string {
    return this.summary;
  }

  /** The number of events received for the run shown (tests read it). */
  get eventCount(): number {
    return this.tree.events.length;
  }

  private refresh(now: boolean): void {
    if (now) {
      if (this.timer) clearTimeout(this.timer);
      this.timer = undefined;
      this.changed.fire(undefined);
    } else {
      this.timer ??= setTimeout(() => this.refresh(true), REFRESH_MS);
    }
  }

  /**
   * Resolves when the tree has asked for the top rows of run `run` after it finished, that is when the workbench is
   * drawing the finished history (at once when the view is hidden), or when a later run started.
   */
  drawn(run: number): Promise<void> {
    return new Promise((done) => {
      this.drawnWaiters.push({ run, done });
      if (run !== this.run || (this.finishedRun === run && !this.view.visible)) this.settleDrawn();
    });
  }

  /** Stops waiting for the tree: it is hidden, or it did not ask for its rows in time. */
  private giveUpDrawn(run: number): void {
    if (run === this.run) this.drawnWaiters.splice(0).forEach((w) => w.done());
  }

  private settleDrawn(): void {
    const settled = this.drawnWaiters.filter((w) => w.run !== this.run || this.finishedRun === this.run);
    this.drawnWaiters = this.drawnWaiters.filter((w) => !settled.includes(w));
    for (const w of settled) w.done();
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      this.revealing = false;
      if (this.finishedRun === this.run && this.timeline.at(-1)?.[0] === 'finished') this.timeline.push(['tree asked for the finished rows', Date.now()]);
      if (this.finishedRun === this.run && this.drawnWaiters.length > 0) setTimeout(() => this.settleDrawn(), DRAW_MS);
      return this.tree.root;
    }
    return isGroup(node) ? node.items : [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (isGroup(node)) {
      const text = groupRowText(node);
      const item = this.item(text, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `${this.run}/${this.groupId(node)}`;
      item.iconPath = this.statusIcon(node.status);
      item.contextValue = `group.${node.kind}`;
      return item;
    }
    const text = eventRowText(node);
    const item = this.item(text, vscode.TreeItemCollapsibleState.None);
    item.id = `${this.run}/e${node.id}`;
    if (FAILURE.test(node.type)) item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed'));
    item.contextValue = 'event';
    if (this.uri) item.command = { command: 'asl.showExecutionEvent', title: 'Show Event Details', arguments: [this.uri, node.id] };
    return item;
  }

  private item(text: HistoryRowText, collapsible: vscode.TreeItemCollapsibleState): vscode.TreeItem {
    const item = new vscode.TreeItem(text.label, collapsible);
    item.description = text.description;
    item.tooltip = codeBlock(text.detail);
    item.accessibilityInformation = { label: `${text.label}, ${text.description}` };
    return item;
  }

  private groupId(group: HistoryGroup): string {
    let id = this.ids.get(group);
    if (!id) {
      id = `g${this.nextId++}`;
      this.ids.set(group, id);
    }
    return id;
  }

  private statusIcon(status: HistoryGroup['status']): vscode.ThemeIcon {
    if (status === 'succeeded') return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
    if (status === 'failed') return new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed'));
    if (status === 'caught') return new vscode.ThemeIcon('warning', new vscode.ThemeColor('editorWarning.foreground'));
    return new vscode.ThemeIcon(this.running ? 'loading~spin' : 'circle-large-outline');
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.view.dispose();
    this.changed.dispose();
  }
}

/** Text in a Markdown code block whose fence no run of backticks in the text can close. */
function codeBlock(text: string): vscode.MarkdownString {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return new vscode.MarkdownString(`${fence}json\n${text}\n${fence}`);
}
