import * as vscode from 'vscode';
import { DebugEvents, type ExecutionEvent } from '../../../server/src/protocol';
import type { DebugOverlay } from '../../webview/src/shared/graphMessages';
import { GraphPanel } from '../graph/graphPanel';
import { DEBUG_TYPE } from './launchConfiguration';

/** New history is drawn at most this often while a session runs (a pause draws at once). */
const DRAW_EVERY_MS = 100;

/** One debug session of a machine: its history so far and where it stands. */
interface Tracked {
  uri: vscode.Uri;
  events: ExecutionEvent[];
  debug: DebugOverlay;
  ended: boolean;
  timer?: ReturnType<typeof setTimeout>;
}

/**
 * The graph preview of a machine being debugged shows the path so far (the adapter's `aslHistory` events), the
 * state it is paused at (`aslPaused`), and how the run ended (`aslEnded`). Nothing opens on its own: the graph
 * shows this when it is open, or when the user opens it (the debug toolbar's graph button).
 */
export class DebugGraph implements vscode.Disposable {
  private readonly sessions = new Map<string, Tracked>();
  private readonly disposables: vscode.Disposable[];

  constructor() {
    this.disposables = [
      vscode.debug.onDidStartDebugSession((session) => this.started(session)),
      vscode.debug.onDidReceiveDebugSessionCustomEvent((e) => this.received(e)),
      vscode.debug.onDidTerminateDebugSession((session) => this.terminated(session)),
    ];
  }

  /** The machine a session debugs (its launch configuration's program). */
  static machineOf(session: vscode.DebugSession): vscode.Uri | undefined {
    const program = (session.configuration as { program?: unknown }).program;
    return session.type === DEBUG_TYPE && typeof program === 'string' && program ? vscode.Uri.file(program) : undefined;
  }

  /** Draws a session's state on a graph that just opened (it missed the messages sent so far). */
  replay(session: vscode.DebugSession, panel: GraphPanel): void {
    const tracked = this.sessions.get(session.id);
    if (tracked) this.draw(tracked, panel);
  }

  private started(session: vscode.DebugSession): void {
    const uri = DebugGraph.machineOf(session);
    if (!uri) return;
    const tracked: Tracked = { uri, events: [], debug: {}, ended: false };
    this.sessions.set(session.id, tracked);
    this.draw(tracked);
  }

  private received(e: vscode.DebugSessionCustomEvent): void {
    const tracked = this.sessions.get(e.session.id);
    if (!tracked) return;
    switch (e.event) {
      case DebugEvents.History.event: {
        const body = e.body as Partial<DebugEvents.History.Body> | undefined;
        if (!Array.isArray(body?.events)) break;
        // Restart runs the machine again in the same session: a new history.
        const restart = body.events.findIndex((event) => event.type === 'ExecutionStarted');
        if (restart >= 0) Object.assign(tracked, { events: [], ended: false, debug: {} });
        tracked.events.push(...body.events.slice(Math.max(restart, 0)));
        tracked.timer ??= setTimeout(() => this.draw(tracked), DRAW_EVERY_MS);
        break;
      }
      case DebugEvents.Paused.event: {
        const body = e.body as Partial<DebugEvents.Paused.Body> | undefined;
        tracked.debug = { paused: { state: String(body?.state ?? ''), thread: String(body?.threadName ?? '') } };
        this.draw(tracked);
        break;
      }
      case DebugEvents.Resumed.event:
        tracked.debug = {};
        this.draw(tracked);
        break;
      case DebugEvents.Ended.event:
        this.end(tracked, String((e.body as Partial<DebugEvents.Ended.Body> | undefined)?.status ?? 'ended'));
        break;
    }
  }

  private terminated(session: vscode.DebugSession): void {
    const tracked = this.sessions.get(session.id);
    if (!tracked) return;
    this.sessions.delete(session.id);
    // Stopped before the run ended (the user pressed Stop, the adapter went away).
    if (!tracked.ended) this.end(tracked, 'stopped');
  }

  private end(tracked: Tracked, status: string): void {
    tracked.ended = true;
    tracked.debug = { ended: status };
    this.draw(tracked);
  }

  private draw(tracked: Tracked, panel = GraphPanel.forUri(tracked.uri)): void {
    if (tracked.timer) clearTimeout(tracked.timer);
    tracked.timer = undefined;
    if (!panel) return;
    panel.showExecution(tracked.events, undefined, !tracked.ended);
    panel.showDebug(tracked.debug);
  }

  dispose(): void {
    for (const tracked of this.sessions.values()) if (tracked.timer) clearTimeout(tracked.timer);
    for (const d of this.disposables) d.dispose();
  }
}
