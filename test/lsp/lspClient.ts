/**
 * A minimal LSP client for tests: spawns the real server (`node dist/server.js --stdio`), speaks JSON-RPC over
 * its stdio, and collects published diagnostics. Build first (`npm test` does).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-languageserver/node';
import type { CodeLens, Diagnostic, DocumentSymbol, InitializeResult, PublishDiagnosticsParams, Range } from 'vscode-languageserver';
import { CodeLensesRequest, DocumentSymbolsRequest } from '../../server/src/protocol';
import { backgroundThreadArgs } from '../../server/src/backgroundThreads';

export const SERVER_PATH = resolve(__dirname, '../../dist/server.js');

/** Node options that let `serverHeapAfterGc` read the server's heap (from test/lsp or a bundle in dist/bench). */
export const HEAP_PROBE_ARGS = ['--expose-gc', '-r', resolve(__dirname, '../../test/bench/heapProbe.js')];

export interface StartOptions {
  /** `asl.validation` settings answered to workspace/configuration requests. */
  validationSettings?: Record<string, unknown>;
  /** `asl.execution` settings answered to workspace/configuration requests. */
  executionSettings?: Record<string, unknown>;
  /** Whether the client announces workspace/configuration support (default true). */
  configuration?: boolean;
  /** `textDocument.foldingRange.rangeLimit` announced at initialize (vscode-languageclient says 5,000). */
  foldingRangeLimit?: number;
  initializationOptions?: Record<string, unknown>;
  /** Another server bundle than dist/server.js (a benchmark's "before" build). */
  serverPath?: string;
  /** Node options for the server process (before the bundle), added to ASL_SERVER_NODE_ARGS. */
  nodeArgs?: string[];
  /** Node's default V8 background threads instead of the ones our client gives the server (benchmarks compare). */
  nodeDefaultThreads?: boolean;
}

export class LspClient {
  readonly connection: MessageConnection;
  private readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  /** How many times the server published diagnostics for each uri. */
  readonly publishCounts = new Map<string, number>();
  private readonly waiters: (() => void)[] = [];
  private readonly versions = new Map<string, number>();
  readonly stderr: string[] = [];
  readonly logs: string[] = [];
  initializeResult?: InitializeResult;
  exited = false;
  executionSettings: Record<string, unknown> | null = null;

  private constructor(
    private readonly child: ChildProcess,
    public validationSettings: Record<string, unknown>,
  ) {
    this.connection = createMessageConnection(
      new StreamMessageReader(child.stdout!),
      new StreamMessageWriter(child.stdin!),
    );
    child.stderr!.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    child.on('exit', () => {
      this.exited = true;
      this.notifyWaiters();
    });
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.diagnostics.set(params.uri, params);
      this.publishCounts.set(params.uri, (this.publishCounts.get(params.uri) ?? 0) + 1);
      this.notifyWaiters();
    });
    this.connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.logs.push(params.message);
    });
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (item.section === 'asl.validation' ? this.validationSettings : item.section === 'asl.execution' ? this.executionSettings : null)),
    );
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.listen();
  }

  static async start(options: StartOptions = {}): Promise<LspClient> {
    // Started as our VS Code client starts it under Node. ASL_SERVER_NODE_ARGS (e.g. "--cpu-prof
    // --cpu-prof-dir=prof") profiles the server a benchmark drives.
    const nodeArgs = [
      ...(options.nodeDefaultThreads ? [] : backgroundThreadArgs()),
      ...(process.env.ASL_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      ...(options.nodeArgs ?? []),
    ];
    const child = spawn(process.execPath, [...nodeArgs, options.serverPath ?? SERVER_PATH, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const client = new LspClient(child, options.validationSettings ?? {});
    client.executionSettings = options.executionSettings ?? null;
    client.initializeResult = await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      initializationOptions: options.initializationOptions,
      capabilities: {
        workspace: { configuration: options.configuration ?? true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          publishDiagnostics: { versionSupport: true },
          ...(options.foldingRangeLimit !== undefined ? { foldingRange: { rangeLimit: options.foldingRangeLimit, lineFoldingOnly: true } } : {}),
        },
      },
    });
    await client.connection.sendNotification('initialized', {});
    return client;
  }

  static uri(name: string): string {
    return pathToFileURL(resolve('/tmp/asl-lsp-test', name)).toString();
  }

  async open(uri: string, text: string, languageId?: string): Promise<void> {
    this.versions.set(uri, 1);
    this.diagnostics.delete(uri);
    await this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: languageId ?? (/\.ya?ml$/.test(uri) ? 'asl-yaml' : 'asl'), version: 1, text },
    });
  }

  /** Replaces the whole text; returns the new version. */
  async change(uri: string, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
    return version;
  }

  /** Replaces `length` characters at `offset` of `text` (the current content) by `insert`, as editors do. */
  async changeRange(uri: string, text: string, offset: number, length: number, insert: string): Promise<number> {
    return this.changeAt(uri, LspClient.range(text, offset, length), insert);
  }

  /** Sends one incremental change of an LSP range (see `LspClient.range`). */
  async changeAt(uri: string, range: Range, insert: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range, text: insert }],
    });
    return version;
  }

  /** The LSP range of `length` characters at `offset` of `text`. */
  static range(text: string, offset: number, length: number): Range {
    const position = (at: number) => {
      const before = text.slice(0, at);
      const line = before.split('\n').length - 1;
      return { line, character: at - (before.lastIndexOf('\n') + 1) };
    };
    return { start: position(offset), end: position(offset + length) };
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Waits for diagnostics of the document's latest version (and matching `predicate`, if given). */
  async waitForDiagnostics(
    uri: string,
    predicate: (diagnostics: Diagnostic[]) => boolean = () => true,
    timeoutMs = 10_000,
  ): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const latest = this.diagnostics.get(uri);
      const wanted = this.versions.get(uri);
      if (latest && (latest.version === undefined || latest.version === wanted) && predicate(latest.diagnostics)) {
        return latest.diagnostics;
      }
      if (this.exited) throw new Error(`server exited; stderr: ${this.stderr.join('')}`);
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        throw new Error(`no matching diagnostics for ${uri} (last: ${JSON.stringify(latest)})`);
      }
      await new Promise<void>((done) => {
        const timer = setTimeout(done, remaining);
        this.waiters.push(() => {
          clearTimeout(timer);
          done();
        });
      });
    }
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /**
   * The document's symbols as our client asks for them (asl/documentSymbols), checked against the standard
   * textDocument/documentSymbol answer: they must be the same symbols.
   */
  async documentSymbols(uri: string): Promise<DocumentSymbol[]> {
    const symbols = DocumentSymbolsRequest.expand(await this.request<DocumentSymbolsRequest.Result>(DocumentSymbolsRequest.method, { uri }));
    const standard = await this.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    if (JSON.stringify(standard) !== JSON.stringify(symbols)) {
      throw new Error(`asl/documentSymbols and textDocument/documentSymbol disagree:\n${JSON.stringify(symbols)}\n${JSON.stringify(standard)}`);
    }
    return symbols;
  }

  /**
   * The document's code lenses as VS Code shows them: asked as our client asks (asl/codeLenses), checked against
   * the standard textDocument/codeLens answer (they must be the same lenses), then those sent without a command
   * are resolved one by one.
   */
  async codeLenses(uri: string): Promise<CodeLens[]> {
    const compact = await this.request<CodeLensesRequest.Result>(CodeLensesRequest.method, { uri });
    const lenses = CodeLensesRequest.expand(compact);
    const standard = await this.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    if (JSON.stringify(standard) !== JSON.stringify(lenses)) {
      throw new Error(`asl/codeLenses and textDocument/codeLens disagree:\n${JSON.stringify(lenses)}\n${JSON.stringify(standard)}`);
    }
    return Promise.all(lenses.map((lens) => (lens.command ? lens : this.request<CodeLens>('codeLens/resolve', lens))));
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  /** The server's process id (to look at its children). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /**
   * CPU time (ms) the server's main thread has run so far (/proc schedstat, in ns: what a request costs the thread
   * that answers it, whatever else the machine is doing; GC helper threads not included); undefined without /proc.
   */
  serverCpuMs(): number | undefined {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const schedstat: string = require('node:fs').readFileSync(`/proc/${this.child.pid}/schedstat`, 'utf8');
      return Number(schedstat.split(' ')[0]) / 1e6;
    } catch {
      return undefined;
    }
  }

  /** Server memory as the OS sees it, in bytes: resident now (VmRSS) or peak (VmHWM); undefined without /proc. */
  serverMemory(field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number | undefined {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const status: string = require('node:fs').readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const kb = new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1];
      return kb ? Number(kb) * 1024 : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * The server's V8 heap after a forced full collection, in bytes: needs a server started with
   * `HEAP_PROBE_ARGS` as `nodeArgs` (test/bench/heapProbe.js answers SIGUSR2 on stderr); undefined if it does not answer.
   */
  async serverHeapAfterGc(timeoutMs = 10_000): Promise<{ heapUsed: number; heapTotal: number; rss: number } | undefined> {
    const seen = this.stderr.length;
    this.child.kill('SIGUSR2');
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline && !this.exited) {
      const line = this.stderr.slice(seen).join('').split('\n').find((l) => l.startsWith('heap-after-gc '));
      if (line) return JSON.parse(line.slice('heap-after-gc '.length)) as { heapUsed: number; heapTotal: number; rss: number };
      await new Promise((done) => setTimeout(done, 20));
    }
    return undefined;
  }

  async shutdown(): Promise<void> {
    if (!this.exited) {
      try {
        await this.connection.sendRequest('shutdown');
        await this.connection.sendNotification('exit');
      } catch {
        // Already gone.
      }
    }
    await new Promise<void>((done) => {
      if (this.exited) return done();
      const timer = setTimeout(() => {
        this.child.kill();
        done();
      }, 2000);
      this.child.once('exit', () => {
        clearTimeout(timer);
        done();
      });
    });
    this.connection.dispose();
  }

  private notifyWaiters(): void {
    for (const w of this.waiters.splice(0)) w();
  }
}

/**
 * Inside a mocha `describe`: starts one server before the suite's tests, hands it to `use`, and shuts it down after
 * them.
 */
export function serverForSuiteOf(use: (client: LspClient) => void, options: StartOptions = {}): void {
  let started: LspClient | undefined;
  before(async () => {
    started = await LspClient.start(options);
    use(started);
  });
  after(async () => {
    await started?.shutdown();
  });
}
