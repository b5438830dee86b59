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
 *
 * The events are read by a debug adapter tracker rather than onDidReceiveDebugSessionCustomEvent: a session whose
 * launch fails (an invalid machine) never reaches the extension host's session events, and its graph must still
 * hear that it ended.
 */
export class DebugGraph implements vscode.Disposable {
  private readonly sessions = new Map<string, Tracked>();
  private readonly disposables: vscode.Disposable[];

  constructor() {
    this.disposables = [
      vscode.debug.registerDebugAdapterTrackerFactory(DEBUG_TYPE, {
        createDebugAdapterTracker: (session) => ({
          onWillStartSession: () => this.started(session),
          onDidSendMessage: (message: { type?: string; event?: string; body?: unknown }) => {
            if (message?.type === 'event' && typeof message.event === 'string') this.received(session, message.event, message.body);
          },
          onWillStopSession: () => this.terminated(session),
          onExit: () => this.terminated(session),
        }),
      }),
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

  private received(session: vscode.DebugSession, event: string, body: unknown): void {
    const tracked = this.sessions.get(session.id);
    if (!tracked) return;
    switch (event) {
      case DebugEvents.History.event: {
        const history = body as Partial<DebugEvents.History.Body> | undefined;
        if (!Array.isArray(history?.events)) break;
        // Restart runs the machine again in the same session: a new history.
        const restart = history.events.findIndex((e) => e.type === 'ExecutionStarted');
        if (restart >= 0) Object.assign(tracked, { events: [], ended: false, debug: {} });
        tracked.events.push(...history.events.slice(Math.max(restart, 0)));
        tracked.timer ??= setTimeout(() => this.draw(tracked), DRAW_EVERY_MS);
        break;
      }
      case DebugEvents.Paused.event: {
        const paused = body as Partial<DebugEvents.Paused.Body> | undefined;
        tracked.debug = { paused: { state: String(paused?.state ?? ''), thread: String(paused?.threadName ?? '') } };
        this.draw(tracked);
        break;
      }
      case DebugEvents.Resumed.event:
        tracked.debug = {};
        this.draw(tracked);
        break;
      case DebugEvents.Ended.event:
        this.end(tracked, String((body as Partial<DebugEvents.Ended.Body> | undefined)?.status ?? 'ended'));
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
