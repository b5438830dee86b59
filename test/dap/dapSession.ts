import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';

/** The bundled adapter, started as a DAP client starts it (`npm run build` first). */
export const ADAPTER = resolve(__dirname, '../../dist/debugAdapter.js');

export async function startClient(): Promise<DebugClient> {
  const dc = new DebugClient('node', ADAPTER, 'asl');
  // Each test's launch and stops answer quickly; a hang fails the test instead of waiting mocha's whole timeout.
  dc.defaultTimeout = 10_000;
  await dc.start();
  return dc;
}

/** A scratch folder with the given files (machines, inputs, mocks, handlers); removed by `cleanup`. */
export function scratch(files: Record<string, unknown>): { dir: string; path: (name: string) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'asl-dap-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return { dir, path: (name) => join(dir, name), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Launches with the given breakpoint lines set during configuration; resolves once the launch answered, with the
 * setBreakpoints responses and the first stop (listened for before launching: it may come right after the answer).
 */
export async function launch(dc: DebugClient, args: Record<string, unknown>, breakpoints: { path: string; lines: number[] }[] = [], extra?: (dc: DebugClient) => Promise<unknown>): Promise<{ set: DebugProtocol.SetBreakpointsResponse[]; stopped: Promise<DebugProtocol.StoppedEvent> }> {
  const responses: DebugProtocol.SetBreakpointsResponse[] = [];
  const stopped = dc.waitForEvent('stopped') as Promise<DebugProtocol.StoppedEvent>;
  stopped.catch(() => undefined);
  await Promise.all([
    dc.waitForEvent('initialized').then(async () => {
      for (const bp of breakpoints) responses.push(await dc.setBreakpointsRequest({ source: { path: bp.path }, breakpoints: bp.lines.map((line) => ({ line })) }));
      if (extra) await extra(dc);
      return dc.configurationDoneRequest();
    }),
    dc.launch(args),
  ]);
  return { set: responses, stopped };
}

/** Sends a request and waits for the event it leads to (listened for first: it may come right after the answer). */
export async function andWait<T extends DebugProtocol.Event = DebugProtocol.Event>(dc: DebugClient, event: string, request: () => Promise<unknown>): Promise<T> {
  const waiting = dc.waitForEvent(event) as Promise<T>;
  waiting.catch(() => undefined);
  await request();
  return waiting;
}

/** The line (1-based) of the first line holding `text` in a file's text. */
export function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((l) => l.includes(needle));
  if (index < 0) throw new Error(`'${needle}' is not in the text`);
  return index + 1;
}

/** Where thread `threadId` is stopped: the top frame's name and line. */
export async function topFrame(dc: DebugClient, threadId: number): Promise<DebugProtocol.StackFrame> {
  const trace = await dc.stackTraceRequest({ threadId });
  return trace.body.stackFrames[0];
}

/** The variables of each scope of a frame, by scope name, as JSON values rebuilt from the previews. */
export async function scopeValues(dc: DebugClient, frameId: number): Promise<Record<string, Record<string, string>>> {
  const scopes = await dc.scopesRequest({ frameId });
  const out: Record<string, Record<string, string>> = {};
  for (const scope of scopes.body.scopes) {
    const vars = await dc.variablesRequest({ variablesReference: scope.variablesReference });
    out[scope.name] = Object.fromEntries(vars.body.variables.map((v) => [v.name, v.value]));
  }
  return out;
}

/**
 * Inside a `describe`: before each test a scratch folder with `files`; after it, every client the test started is
 * stopped and the folder removed.
 */
export function perTest(files: Record<string, unknown> = {}): { path: (name: string) => string; startClient: () => Promise<DebugClient> } {
  let folder: ReturnType<typeof scratch> | undefined;
  const clients: DebugClient[] = [];
  beforeEach(() => {
    folder = scratch(files);
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((dc) => dc.stop().catch(() => undefined)));
    folder?.cleanup();
  });
  return {
    path: (name) => folder!.path(name),
    startClient: async () => {
      const dc = await startClient();
      clients.push(dc);
      return dc;
    },
  };
}
