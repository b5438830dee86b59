import { basename, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { Breakpoint, DebugSession, Event, ExitedEvent, InitializedEvent, OutputEvent, Scope, Source, StackFrame, StoppedEvent, TerminatedEvent, Thread } from '@vscode/debugadapter';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { DebugEvents, type ExecutionEvent } from '../protocol';
import type { StopInfo, ThreadInfo, WorkerBreakpoint, WorkerFrame, WorkerScope } from './debugMessages';
import { DebugRun, isSetupFailure } from './debugRun';
import { breakpointProblem } from './expressionSyntax';
import { parseHitCondition } from './hitCondition';
import { checkLaunchArguments, type LaunchArguments } from './launchArguments';
import { adapterIo, loadProgram, type LoadedProgram } from './loadProgram';
import { preview, VariableStore } from './variableStore';
import { completionItems } from './consoleCompletions';

/** Unwritten output beyond which the run waits for the client to read (so `stopped` is not queued behind history). */
const OUTPUT_BACKLOG = 64 * 1024;
/** How long launch waits for the client's configurationDone before starting anyway. */
const CONFIGURATION_WAIT_MS = 5000;
const MAIN_THREAD = 1;

/**
 * The debug adapter for state machines: Debug Adapter Protocol on one side, a DebugRun (the execution in its
 * worker) on the other. Breakpoints are kept here (by state) and sent whole to the run whenever they change.
 */
export class AslDebugSession extends DebugSession {
  private args?: LaunchArguments;
  private program?: LoadedProgram;
  private run?: DebugRun;
  private configured!: () => void;
  private readonly configurationDone = new Promise<void>((done) => (this.configured = done));
  private readonly lineBreakpoints = new Map<string, WorkerBreakpoint[]>();
  private functionBreakpoints: WorkerBreakpoint[] = [];
  private exceptionFilters = { all: false, uncaught: false, errors: [] as string[] };
  private nextBreakpointId = 1;
  private readonly variables = new VariableStore();
  private frames: { threadId: number; index: number }[] = [];
  private stoppedThread?: number;
  private restarting = false;
  /** Stops and the end of the run that came while a request was being answered: reported after its response. */
  private held?: (() => void)[];
  private output?: NodeJS.WritableStream;

  constructor() {
    super();
    this.setDebuggerLinesStartAt1(true);
    this.setDebuggerColumnsStartAt1(true);
  }

  start(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): void {
    this.output = output;
    super.start(input, output);
  }

  /** Settles once the client has read most of what was sent (undefined: it has). */
  private written(): Promise<void> | undefined {
    const out = this.output as Writable | undefined;
    if (!out || typeof out.writableLength !== 'number' || out.writableLength < OUTPUT_BACKLOG) return undefined;
    return new Promise<void>((resolve) => {
      const done = () => {
        out.off('drain', done).off('close', done).off('error', done);
        resolve();
      };
      out.on('drain', done).on('close', done).on('error', done);
    });
  }

  protected initializeRequest(response: DebugProtocol.InitializeResponse): void {
    response.body = {
      supportsConfigurationDoneRequest: true,
      supportsConditionalBreakpoints: true,
      supportsHitConditionalBreakpoints: true,
      supportsLogPoints: true,
      supportsFunctionBreakpoints: true,
      supportsEvaluateForHovers: true,
      supportsSetVariable: true,
      supportsRestartRequest: true,
      supportsTerminateRequest: true,
      supportsCompletionsRequest: true,
      completionTriggerCharacters: ['.', '$'],
      supportsExceptionInfoRequest: true,
      supportsExceptionFilterOptions: true,
      exceptionBreakpointFilters: [
        { filter: 'all', label: 'All errors', description: 'Stop where any state fails, even when a Retry or Catch takes the error', default: false },
        { filter: 'uncaught', label: 'Uncaught errors', description: 'Stop where an error no Retry or Catch takes (here or in an enclosing Parallel or Map) fails the execution', default: false },
        { filter: 'errors', label: 'Errors named…', description: 'Stop where one of these errors is raised', supportsCondition: true, conditionDescription: 'Error names, separated by commas: States.TaskFailed, MyCustomError', default: false },
      ],
    };
    this.sendResponse(response);
  }

  protected launchRequest(response: DebugProtocol.LaunchResponse, raw: DebugProtocol.LaunchRequestArguments): void {
    void this.holdingStops(response, async () => {
      const args = checkLaunchArguments(raw);
      if ('error' in args) return this.failLaunch(response, args.error);
      this.args = args;
      if (!(await this.load(response, args))) return;
      this.sendEvent(new InitializedEvent());
      await Promise.race([this.configurationDone, new Promise((r) => setTimeout(r, CONFIGURATION_WAIT_MS))]);
      await this.startRun();
      this.sendResponse(response);
    });
  }

  /** Reads the program; on failure says why (each problem of an invalid machine at its file:line) and ends. */
  private async load(response: DebugProtocol.Response, args: LaunchArguments): Promise<boolean> {
    const loaded = await loadProgram(args, adapterIo(process.cwd()));
    if ('error' in loaded) {
      for (const problem of loaded.problems ?? []) {
        const m = /^(.*):(\d+):(\d+) /.exec(problem);
        const event = new OutputEvent(`${problem}\n`, 'stderr') as DebugProtocol.OutputEvent;
        if (m) event.body = { ...event.body, source: new Source(basename(m[1]), m[1]), line: Number(m[2]), column: Number(m[3]) };
        this.sendEvent(event);
      }
      this.failLaunch(response, loaded.error);
      return false;
    }
    this.program = loaded;
    for (const used of loaded.used) this.sendEvent(new OutputEvent(`Using ${used}\n`, 'console'));
    return true;
  }

  private failLaunch(response: DebugProtocol.Response, message: string): void {
    this.sendEvent(new OutputEvent(`${message}\n`, 'stderr'));
    this.sendErrorResponse(response, { id: 3001, format: message.replace(/\{/g, '{{').replace(/\}/g, '}}'), showUser: true });
    this.sendEvent(new Event(DebugEvents.Ended.event, { program: resolve(this.args?.program ?? ''), status: 'INVALID' } satisfies DebugEvents.Ended.Body));
    this.sendEvent(new TerminatedEvent());
  }

  /** Starts the execution with the breakpoints known so far. */
  private async startRun(): Promise<void> {
    const program = this.program!;
    const args = this.args!;
    const debug = args.noDebug === true ? undefined : { stopOnEntry: args.stopOnEntry === true, stopBetweenSteps: args.stopBetweenSteps !== false };
    const run = new DebugRun(program, { realTime: args.clock === 'real', machineType: args.machineType ?? 'STANDARD', debug }, {
      onEvents: (events) => {
        this.sendEvent(new Event(DebugEvents.History.event, { program: program.program, ...(program.stateMachine ? { stateMachine: program.stateMachine } : {}), events: events as ExecutionEvent[] } satisfies DebugEvents.History.Body));
        return this.written();
      },
      onOutput: (text, category) => this.sendEvent(new OutputEvent(text, category)),
      onStopped: (stop) => {
        this.afterResponse(() => this.stopped(stop));
      },
    });
    this.run = run;
    void run.result.then((result) => this.afterResponse(() => this.ended(run, result)));
    if (debug) {
      await this.pushBreakpoints();
      await run.request({ command: 'setExceptionBreakpoints', filters: this.exceptionFilters }).catch(() => undefined);
    }
    await run.request({ command: 'configurationDone' }).catch(() => undefined);
  }

  /** Reports a stop (after the answer to the resume request that led to it, when there is one). */
  private stopped(stop: StopInfo): void {
    const program = this.program!;
    this.stoppedThread = stop.threadId;
    this.variables.clear();
    this.frames = [];
    this.sendEvent(new Event(DebugEvents.Paused.event, { program: program.program, ...(program.stateMachine ? { stateMachine: program.stateMachine } : {}), state: stop.state, threadName: stop.threadName } satisfies DebugEvents.Paused.Body));
    const where = stop.at === 'state' ? `before '${stop.state}'` : `in '${stop.state}' after ${stop.step ?? stop.at}`;
    const event = new StoppedEvent(stop.reason, stop.threadId, stop.error ? `${stop.error.error}: ${stop.error.cause}` : undefined) as DebugProtocol.StoppedEvent;
    event.body.allThreadsStopped = true;
    event.body.description = stop.error ? `Stopped on ${stop.error.error} in '${stop.state}'` : `Stopped ${where}`;
    if (stop.hitBreakpointIds) event.body.hitBreakpointIds = stop.hitBreakpointIds;
    this.sendEvent(event);
  }

  private ended(run: DebugRun, result: Awaited<DebugRun['result']>): void {
    if (this.run !== run) return;
    this.stoppedThread = undefined;
    const program = this.program!;
    let status: string;
    if (isSetupFailure(result)) {
      status = 'INVALID';
      this.sendEvent(new OutputEvent(`${result.message}\n`, 'stderr'));
    } else {
      status = result.status;
      const detail = result.status === 'SUCCEEDED' ? `output ${preview(result.output)}` : `${result.error ?? ''}${result.cause ? `: ${result.cause}` : ''}`;
      this.sendEvent(new OutputEvent(`Execution ${result.status}: ${detail}\n`, result.status === 'SUCCEEDED' ? 'console' : 'stderr'));
    }
    this.sendEvent(new Event(DebugEvents.Ended.event, { program: program.program, status } satisfies DebugEvents.Ended.Body));
    if (this.restarting) return;
    this.sendEvent(new ExitedEvent(status === 'SUCCEEDED' ? 0 : 1));
    this.sendEvent(new TerminatedEvent());
  }

  protected configurationDoneRequest(response: DebugProtocol.ConfigurationDoneResponse): void {
    this.configured();
    this.sendResponse(response);
  }

  protected setBreakPointsRequest(response: DebugProtocol.SetBreakpointsResponse, args: DebugProtocol.SetBreakpointsArguments): void {
    void this.guard(response, async () => {
      const path = args.source.path !== undefined ? resolve(args.source.path) : undefined;
      const lines = this.program && path === resolve(this.program.source) ? this.program.lines : undefined;
      const kept: WorkerBreakpoint[] = [];
      const result = (args.breakpoints ?? []).map((requested) => {
        const id = this.nextBreakpointId++;
        const unverified = (message: string) => {
          const bp = new Breakpoint(false, requested.line) as DebugProtocol.Breakpoint;
          bp.id = id;
          bp.message = message;
          return bp;
        };
        if (!lines) return unverified(`Not the state machine of this debug session (${this.program?.source ?? 'none loaded'})`);
        const state = lines.stateAt(requested.line);
        if (!state) return unverified('No state here: put the breakpoint on a line inside a state');
        const problem = breakpointProblem(requested, parseHitCondition);
        if (problem) return unverified(problem);
        kept.push({ id, stateKey: state.key, ...pick(requested) });
        const bp = new Breakpoint(true, state.line, 1, new Source(basename(this.program!.source), this.program!.source)) as DebugProtocol.Breakpoint;
        bp.id = id;
        return bp;
      });
      if (path !== undefined) this.lineBreakpoints.set(path, kept);
      response.body = { breakpoints: result };
      await this.pushBreakpoints();
      this.sendResponse(response);
    });
  }

  protected setFunctionBreakPointsRequest(response: DebugProtocol.SetFunctionBreakpointsResponse, args: DebugProtocol.SetFunctionBreakpointsArguments): void {
    void this.guard(response, async () => {
      const kept: WorkerBreakpoint[] = [];
      response.body = {
        breakpoints: args.breakpoints.map((requested) => {
          const id = this.nextBreakpointId++;
          const found = this.program?.lines.byName(requested.name) ?? [];
          const problem = found.length === 0 ? `No state named '${requested.name}'` : breakpointProblem(requested, parseHitCondition);
          const bp = (problem ? new Breakpoint(false) : new Breakpoint(true, found[0].line, 1, new Source(basename(this.program!.source), this.program!.source))) as DebugProtocol.Breakpoint;
          bp.id = id;
          if (problem) bp.message = problem;
          else kept.push({ id, stateName: requested.name, ...pick(requested) });
          return bp;
        }),
      };
      this.functionBreakpoints = kept;
      await this.pushBreakpoints();
      this.sendResponse(response);
    });
  }

  protected setExceptionBreakPointsRequest(response: DebugProtocol.SetExceptionBreakpointsResponse, args: DebugProtocol.SetExceptionBreakpointsArguments): void {
    void this.guard(response, async () => {
      const filters = new Set(args.filters);
      const errors: string[] = [];
      for (const option of args.filterOptions ?? []) {
        if (option.filterId === 'all' || option.filterId === 'uncaught') filters.add(option.filterId);
        if (option.filterId === 'errors') errors.push(...(option.condition ?? '').split(',').map((e) => e.trim()).filter(Boolean));
      }
      this.exceptionFilters = { all: filters.has('all'), uncaught: filters.has('uncaught'), errors };
      if (this.run && !this.run.ended && this.args?.noDebug !== true) await this.run.request({ command: 'setExceptionBreakpoints', filters: this.exceptionFilters });
      this.sendResponse(response);
    });
  }

  private async pushBreakpoints(): Promise<void> {
    if (!this.run || this.run.ended || this.args?.noDebug === true) return;
    const breakpoints = [...[...this.lineBreakpoints.values()].flat(), ...this.functionBreakpoints];
    await this.run.request({ command: 'setBreakpoints', breakpoints }).catch((error: Error) => this.sendEvent(new OutputEvent(`${error.message}\n`, 'stderr')));
  }

  protected threadsRequest(response: DebugProtocol.ThreadsResponse): void {
    void this.guard(response, async () => {
      const main = new Thread(MAIN_THREAD, `Execution "${this.program?.machineName ?? ''}"`);
      const threads = this.run && !this.run.ended && this.args?.noDebug !== true ? await this.run.request<ThreadInfo[]>({ command: 'threads' }).catch(() => []) : [];
      response.body = { threads: threads.length > 0 ? threads.map((t) => new Thread(t.id, t.name)) : [main] };
      this.sendResponse(response);
    });
  }

  protected stackTraceRequest(response: DebugProtocol.StackTraceResponse, args: DebugProtocol.StackTraceArguments): void {
    void this.guard(response, async () => {
      const frames = await this.live().request<WorkerFrame[]>({ command: 'stackTrace', threadId: args.threadId });
      const program = this.program!;
      const source = new Source(basename(program.source), program.source);
      response.body = {
        stackFrames: frames.map((f, index) => {
          this.frames.push({ threadId: args.threadId, index });
          return new StackFrame(this.frames.length, f.name, source, (f.stateKey ? program.lines.lineOf(f.stateKey) : undefined) ?? 1, 1);
        }),
        totalFrames: frames.length,
      };
      this.sendResponse(response);
    });
  }

  protected scopesRequest(response: DebugProtocol.ScopesResponse, args: DebugProtocol.ScopesArguments): void {
    void this.guard(response, async () => {
      const frame = this.frames[args.frameId - 1];
      if (!frame) throw new Error('That stack frame is gone: the run has moved on');
      const scopes = await this.live().request<WorkerScope[]>({ command: 'scopes', threadId: frame.threadId, frame: frame.index });
      response.body = {
        scopes: scopes.map((s) => new Scope(s.name, this.variables.scope(s.value, s.editable ? { threadId: frame.threadId } : undefined, evaluateNameOf(s.name)), s.expensive === true)),
      };
      this.sendResponse(response);
    });
  }

  protected variablesRequest(response: DebugProtocol.VariablesResponse, args: DebugProtocol.VariablesArguments): void {
    const all = this.variables.variables(args.variablesReference);
    const start = args.start ?? 0;
    response.body = { variables: args.count ? all.slice(start, start + args.count) : all };
    this.sendResponse(response);
  }

  protected setVariableRequest(response: DebugProtocol.SetVariableResponse, args: DebugProtocol.SetVariableArguments): void {
    void this.guard(response, async () => {
      const set = this.variables.set(args.variablesReference, args.name, args.value);
      if ('error' in set) throw new Error(set.error);
      await this.live().request({ command: 'setInput', threadId: set.threadId, value: set.root });
      response.body = { value: preview(set.value), variablesReference: this.variables.reference(set.value) };
      this.sendResponse(response);
    });
  }

  protected evaluateRequest(response: DebugProtocol.EvaluateResponse, args: DebugProtocol.EvaluateArguments): void {
    void this.guard(response, async () => {
      // Hovering shows values for what looks like a path or an intrinsic; anything else is left alone.
      if (args.context === 'hover' && !/^\s*(\$|States\.)/.test(args.expression)) throw new Error('not evaluated');
      const frame = args.frameId !== undefined ? this.frames[args.frameId - 1] : undefined;
      const threadId = frame?.threadId ?? this.stoppedThread;
      if (threadId === undefined) throw new Error('The run is not paused: expressions are evaluated against a stopped state');
      const { value } = await this.live().request<{ value: unknown }>({ command: 'evaluate', threadId, frame: frame?.index ?? 0, expression: args.expression });
      response.body = { result: preview(value), variablesReference: this.variables.reference(value) };
      this.sendResponse(response);
    });
  }

  protected completionsRequest(response: DebugProtocol.CompletionsResponse, args: DebugProtocol.CompletionsArguments): void {
    void this.guard(response, async () => {
      const frame = args.frameId !== undefined ? this.frames[args.frameId - 1] : undefined;
      const threadId = frame?.threadId ?? this.stoppedThread;
      const names = this.run && !this.run.ended && threadId !== undefined ? (await this.run.request<{ variables: string[] }>({ command: 'completions', threadId, frame: frame?.index ?? 0 }).catch(() => ({ variables: [] }))).variables : [];
      response.body = { targets: completionItems(args.text, args.column, names) };
      this.sendResponse(response);
    });
  }

  protected exceptionInfoRequest(response: DebugProtocol.ExceptionInfoResponse, args: DebugProtocol.ExceptionInfoArguments): void {
    void this.guard(response, async () => {
      const scopes = await this.live().request<WorkerScope[]>({ command: 'scopes', threadId: args.threadId, frame: 0 });
      const error = scopes.find((s) => s.name === 'Error')?.value as { Error?: string; Cause?: string } | undefined;
      response.body = { exceptionId: error?.Error ?? 'unknown', description: error?.Cause ?? '', breakMode: this.exceptionFilters.all ? 'always' : 'unhandled' };
      this.sendResponse(response);
    });
  }

  protected continueRequest(response: DebugProtocol.ContinueResponse): void {
    void this.resume(response, { command: 'continue' });
  }

  protected nextRequest(response: DebugProtocol.NextResponse, args: DebugProtocol.NextArguments): void {
    void this.resume(response, { command: 'next', threadId: args.threadId });
  }

  protected stepInRequest(response: DebugProtocol.StepInResponse, args: DebugProtocol.StepInArguments): void {
    void this.resume(response, { command: 'stepIn', threadId: args.threadId });
  }

  protected stepOutRequest(response: DebugProtocol.StepOutResponse, args: DebugProtocol.StepOutArguments): void {
    void this.resume(response, { command: 'stepOut', threadId: args.threadId });
  }

  private resume(response: DebugProtocol.Response, request: { command: 'continue' } | { command: 'next' | 'stepIn' | 'stepOut'; threadId: number }): Promise<void> {
    return this.holdingStops(response, async () => {
      this.stoppedThread = undefined;
      this.variables.clear();
      this.frames = [];
      await this.live().request(request);
      if (request.command === 'continue') response.body = { allThreadsContinued: true };
      this.sendEvent(new Event(DebugEvents.Resumed.event, { program: this.program!.program } satisfies DebugEvents.Resumed.Body));
      this.sendResponse(response);
    });
  }

  protected pauseRequest(response: DebugProtocol.PauseResponse): void {
    void this.guard(response, async () => {
      await this.live().request({ command: 'pause' });
      this.sendResponse(response);
    });
  }

  protected restartRequest(response: DebugProtocol.RestartResponse, args: DebugProtocol.RestartArguments): void {
    void this.holdingStops(response, async () => {
      const next = args?.arguments ? checkLaunchArguments(args.arguments) : this.args;
      if (!next || 'error' in next) throw new Error(next && 'error' in next ? next.error : 'Nothing to restart');
      this.restarting = true;
      await this.endRun();
      this.restarting = false;
      this.args = next;
      if (!(await this.load(response, next))) return;
      await this.startRun();
      this.sendResponse(response);
    });
  }

  protected terminateRequest(response: DebugProtocol.TerminateResponse): void {
    void this.guard(response, async () => {
      await this.endRun();
      this.sendResponse(response);
    });
  }

  protected disconnectRequest(response: DebugProtocol.DisconnectResponse): void {
    void this.guard(response, async () => {
      await this.endRun();
      this.sendResponse(response);
    });
  }

  /** Ends the run (its worker is killed if it does not stop within a second) and waits for it to be over. */
  private async endRun(): Promise<void> {
    const run = this.run;
    if (!run || run.ended) return;
    run.abort();
    await run.result;
  }

  private live(): DebugRun {
    if (!this.run || this.run.ended) throw new Error('The run has ended');
    if (this.args?.noDebug === true) throw new Error('This run is not being debugged (noDebug)');
    return this.run;
  }

  /** Like guard, with the stops the work leads to reported after its response (a client expects them in that order). */
  private holdingStops(response: DebugProtocol.Response, work: () => Promise<void>): Promise<void> {
    this.held = [];
    return this.guard(response, work).finally(() => {
      const held = this.held ?? [];
      this.held = undefined;
      for (const report of held) report();
    });
  }

  private afterResponse(report: () => void): void {
    if (this.held) this.held.push(report);
    else report();
  }

  /** Runs a request's work; any failure becomes an error response saying why (the session goes on). */
  private async guard(response: DebugProtocol.Response, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.sendErrorResponse(response, { id: 3002, format: message.replace(/\{/g, '{{').replace(/\}/g, '}}'), showUser: false });
    }
  }
}

function pick(bp: { condition?: string; hitCondition?: string; logMessage?: string }): Pick<WorkerBreakpoint, 'condition' | 'hitCondition' | 'logMessage'> {
  return {
    ...(bp.condition?.trim() ? { condition: bp.condition } : {}),
    ...(bp.hitCondition?.trim() ? { hitCondition: bp.hitCondition } : {}),
    ...(bp.logMessage !== undefined ? { logMessage: bp.logMessage } : {}),
  };
}

/** What to type in the debug console to get a scope's members (for "Copy as Expression" and watches). */
function evaluateNameOf(scope: string): string | undefined {
  if (scope === 'Input') return '$';
  if (scope === 'Context object ($$)') return '$$';
  if (scope === '$states') return '$states';
  return undefined;
}
