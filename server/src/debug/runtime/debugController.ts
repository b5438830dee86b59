import type { DebugHooks, DebugStep } from '../../interpreter/debugHooks';
import type { Execution, Frame } from '../../interpreter/execution';
import type { IntrinsicServices } from '../../interpreter/intrinsicsEval';
import type { StateRun } from '../../interpreter/runState';
import { MissingMockError } from '../../interpreter/mocks';
import { handledBy, type StatesError } from '../../interpreter/statesError';
import type { DebugJobOptions, DebugRequest, DebugWorkerMessage, ExceptionFilters, StepKind, StopInfo, StopReason, WorkerBreakpoint } from '../debugMessages';
import { blockPaths, stateKey, type BlockPath } from '../stateKey';
import { breakpointProblem } from '../expressionSyntax';
import { parseHitCondition, type HitTest } from '../hitCondition';
import { conditionHolds, interpolate } from './debugExpressions';
import { DebugThreads, isAncestor, type DebugThread, type ThreadPosition } from './debugThreads';
import { evaluateAt, scopesAt, stackOf, variableNames, viewOf } from './debugInspection';

type Obj = Record<string, unknown>;

/** What the controller needs from the worker around it. */
export interface ControllerHost {
  post(message: DebugWorkerMessage): void;
  /** Sends the history events not sent yet (before a stop is reported, so the client's history is current). */
  flush(): void;
  /** Keeps the worker alive while it is paused (nothing else may be left to run then). */
  hold(paused: boolean): void;
  /** A promise while the host has not read enough of the history sent so far (the run waits for it). */
  backlog(): Promise<void> | undefined;
  services: IntrinsicServices;
}

interface Armed {
  spec: WorkerBreakpoint;
  hit?: HitTest;
  hits: number;
}

const STEPS: readonly DebugStep[] = ['inputPath', 'effectiveInput', 'result', 'resultSelector', 'assign', 'resultPath', 'output'];

/** After this many transitions without a stop, and this long, the run lets the event loop turn (to hear `pause`). */
const YIELD_EVERY = 256;
const YIELD_AFTER_MS = 20;
/** A pause that no state reaches within this long (every thread waits on a task) stops where the threads are. */
const PAUSE_IN_FLIGHT_MS = 100;

/**
 * The debugger inside the execution worker: the interpreter's debug hooks, and the commands the adapter sends.
 * All-stop: when one thread stops, every other one waits at its next state or step until the user resumes.
 */
export class DebugController implements DebugHooks {
  readonly threads: DebugThreads;
  readonly configured: Promise<void>;
  private configure!: () => void;
  private readonly blocks: Map<Obj, BlockPath>;
  private readonly places = new Map<string, { block: Obj; name: string }>();
  private byState = new Map<Obj, Map<string, Armed[]>>();
  private byName = new Map<string, Armed[]>();
  private exceptions: ExceptionFilters = { all: false, uncaught: false, errors: [] };
  private target?: { kind: StepKind; thread: DebugThread };
  private pauseRequested = false;
  private entryPending: boolean;
  private stopped?: { thread: DebugThread; gate: Promise<void>; release: () => void };
  private lastThread?: DebugThread;
  private lastException?: { thread: DebugThread; error: string; cause: string };
  private ticks = 0;
  private lastYield = 0;
  private aborted = false;

  constructor(definition: unknown, machineName: string, private readonly options: DebugJobOptions, private readonly host: ControllerHost, signal: AbortSignal) {
    this.threads = new DebugThreads(`Execution "${machineName}"`);
    this.configured = new Promise((resolve) => (this.configure = resolve));
    this.entryPending = options.stopOnEntry;
    this.blocks = blockPaths(definition);
    for (const [block, path] of this.blocks) {
      const states = block.States;
      if (states && typeof states === 'object') for (const name of Object.keys(states)) this.places.set(stateKey(path, name), { block, name });
    }
    signal.addEventListener('abort', () => {
      this.aborted = true;
      this.configure();
      this.release();
    });
  }

  // ---- interpreter hooks ----

  beforeState(ex: Execution, frame: Frame, name: string, input: unknown): Promise<unknown> | undefined {
    const thread = this.threads.of(frame);
    thread.position = { name, input, at: 'state', ex };
    this.lastThread = thread;
    if (this.stopped || this.pauseRequested || this.target || this.entryPending || this.byState.get(frame.block)?.has(name) || this.byName.has(name)) return this.arrive(thread);
    const backlog = this.host.backlog();
    if (backlog !== undefined) return backlog.then(() => this.arrive(thread));
    if (++this.ticks % YIELD_EVERY !== 0) return undefined;
    const now = performance.now();
    if (now - this.lastYield < YIELD_AFTER_MS) return undefined;
    this.lastYield = now;
    return new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.arrive(thread));
  }

  blockStarted(frame: Frame, run: StateRun, index: number): void {
    this.threads.started(frame, run, index);
  }

  blockEnded(frame: Frame): void {
    this.threads.ended(frame);
  }

  wantsSteps(frame: Frame): boolean {
    if (this.stopped || this.pauseRequested) return true;
    return this.target !== undefined && this.options.stopBetweenSteps && this.onTarget(this.threads.of(frame), 'step');
  }

  step(run: StateRun, step: DebugStep, value: unknown): Promise<void> | undefined {
    const thread = this.threads.of(run.frame);
    const position = thread.position;
    if (!position) return undefined;
    if (position.run !== run) {
      // A new attempt (a retry): what the last one made is gone.
      for (const name of STEPS) position[name] = undefined;
      position.run = run;
    }
    position.at = step;
    position[step] = value;
    this.lastThread = thread;
    if (!this.stopped && !this.pauseRequested && !(this.target && this.options.stopBetweenSteps)) return undefined;
    return this.arrive(thread).then(() => undefined);
  }

  stateFailed(run: StateRun, error: StatesError, handled: boolean): Promise<void> | undefined {
    const thread = this.threads.of(run.frame);
    if (thread.position) thread.position.error = { error: error.error, cause: error.causeText };
    const f = this.exceptions;
    if (!f.all && !f.uncaught && f.errors.length === 0) return undefined;
    const named = f.errors.includes(error.error);
    const uncaught = !handled && !this.handledAbove(thread, error);
    if (!(f.all || named || (f.uncaught && uncaught))) return undefined;
    // The same error rising out of a branch or iteration into its Parallel or Map stops once, where it was raised.
    const last = this.lastException;
    if (last && last.error === error.error && last.cause === error.causeText && isAncestor(thread, last.thread)) return undefined;
    this.lastException = { thread, error: error.error, cause: error.causeText };
    return this.arrive(thread, { reason: 'exception', error: { error: error.error, cause: error.causeText } }).then(() => undefined);
  }

  // ---- commands from the adapter ----

  async handle(request: DebugRequest): Promise<unknown> {
    switch (request.command) {
      case 'setBreakpoints': return this.setBreakpoints(request.breakpoints);
      case 'setExceptionBreakpoints':
        this.exceptions = { all: request.filters.all === true, uncaught: request.filters.uncaught === true, errors: Array.isArray(request.filters.errors) ? request.filters.errors.map(String) : [] };
        return {};
      case 'configurationDone':
        this.configure();
        return {};
      case 'continue':
        this.resume();
        return {};
      case 'next':
      case 'stepIn':
      case 'stepOut':
        this.resume(request.command, request.threadId);
        return {};
      case 'pause':
        this.pause();
        return {};
      case 'threads':
        return this.threads.all().map((t) => ({ id: t.id, name: t.name }));
      case 'stackTrace':
        return stackOf(this.thread(request.threadId), this.blocks);
      case 'scopes':
        return scopesAt(this.thread(request.threadId), request.frame, this.stopped?.thread);
      case 'evaluate': {
        const thread = request.threadId !== undefined ? this.thread(request.threadId) : this.stopped?.thread;
        if (!thread) throw new Error('The run is not stopped: pause it first');
        return { value: await evaluateAt(thread, request.frame ?? 0, request.expression, this.host.services) };
      }
      case 'completions': {
        const thread = request.threadId !== undefined ? this.threads.get(request.threadId) : this.stopped?.thread;
        return { variables: thread ? variableNames(thread, request.frame ?? 0) : [] };
      }
      case 'setInput': {
        const thread = this.thread(request.threadId);
        if (this.stopped?.thread !== thread || thread.position?.at !== 'state') throw new Error('Only the input of the state about to run can be changed');
        thread.position.input = request.value;
        return {};
      }
    }
    throw new Error(`Unknown debug command '${(request as { command?: unknown }).command}'`);
  }

  private thread(id: number): DebugThread {
    const thread = this.threads.get(id);
    if (!thread) throw new Error(`No thread ${id} (it has finished)`);
    return thread;
  }

  private setBreakpoints(list: WorkerBreakpoint[]): { errors: Record<number, string> } {
    const errors: Record<number, string> = {};
    const previous = new Map<number, number>();
    for (const armed of [...[...this.byState.values()].flatMap((m) => [...m.values()].flat()), ...[...this.byName.values()].flat()]) previous.set(armed.spec.id, armed.hits);
    const byState = new Map<Obj, Map<string, Armed[]>>();
    const byName = new Map<string, Armed[]>();
    for (const spec of list) {
      const problem = breakpointProblem(spec, parseHitCondition);
      if (problem) {
        errors[spec.id] = problem;
        continue;
      }
      const hit = spec.hitCondition?.trim() ? (parseHitCondition(spec.hitCondition) as HitTest) : undefined;
      const armed: Armed = { spec, hit, hits: previous.get(spec.id) ?? 0 };
      if (typeof spec.stateName === 'string') {
        byName.set(spec.stateName, [...(byName.get(spec.stateName) ?? []), armed]);
        continue;
      }
      const place = typeof spec.stateKey === 'string' ? this.places.get(spec.stateKey) : undefined;
      if (!place) {
        errors[spec.id] = 'No such state in the running definition';
        continue;
      }
      const names = byState.get(place.block) ?? new Map<string, Armed[]>();
      names.set(place.name, [...(names.get(place.name) ?? []), armed]);
      byState.set(place.block, names);
    }
    this.byState = byState;
    this.byName = byName;
    return { errors };
  }

  // ---- stopping and resuming ----

  /** At a state or step: waits while another thread is stopped, then stops here if something asks to. */
  private async arrive(thread: DebugThread, forced?: { reason: StopReason; error?: StopInfo['error'] }): Promise<unknown> {
    for (;;) {
      while (this.stopped && !this.aborted) await this.stopped.gate;
      if (this.aborted) return thread.position?.input;
      const stop = forced ?? (await this.reasonAt(thread));
      if (!stop) return thread.position?.input;
      // Another thread stopped while this one was deciding: wait for the resume, then decide again (a step
      // target or pause is used up by the stop that took it).
      if (this.stopped && !forced) continue;
      while (this.stopped && !this.aborted) await this.stopped.gate;
      if (this.aborted) return thread.position?.input;
      await this.stopHere(thread, stop);
      return thread.position?.input;
    }
  }

  private async reasonAt(thread: DebugThread): Promise<{ reason: StopReason; hitBreakpointIds?: number[] } | undefined> {
    const position = thread.position!;
    if (this.pauseRequested) return { reason: 'pause' };
    if (position.at === 'state' && this.entryPending) {
      this.entryPending = false;
      return { reason: 'entry' };
    }
    if (this.target && this.onTarget(thread, position.at)) return { reason: 'step' };
    if (position.at !== 'state') return undefined;
    const ids: number[] = [];
    let reason: StopReason = 'breakpoint';
    for (const armed of this.byState.get(thread.frame.block)?.get(position.name) ?? []) if (await this.fires(armed, thread)) ids.push(armed.spec.id);
    for (const armed of this.byName.get(position.name) ?? []) {
      if (!(await this.fires(armed, thread))) continue;
      if (ids.length === 0) reason = 'function breakpoint';
      ids.push(armed.spec.id);
    }
    return ids.length > 0 ? { reason, hitBreakpointIds: ids } : undefined;
  }

  private onTarget(thread: DebugThread, at: string): boolean {
    if (at !== 'state' && !this.options.stopBetweenSteps) return false;
    const { kind, thread: from } = this.target!;
    if (kind === 'stepOut') return isAncestor(thread, from);
    if (thread === from || isAncestor(thread, from)) return true;
    return kind === 'stepIn' && isAncestor(from, thread);
  }

  /** Whether a breakpoint stops (a logpoint prints and never stops). */
  private async fires(armed: Armed, thread: DebugThread): Promise<boolean> {
    const view = () => viewOf(thread, 0);
    if (armed.spec.condition?.trim() && !(await conditionHolds(armed.spec.condition, view(), this.host.services))) return false;
    armed.hits++;
    if (armed.hit && !armed.hit(armed.hits)) return false;
    if (armed.spec.logMessage !== undefined) {
      this.host.post({ type: 'debugOutput', text: `${await interpolate(armed.spec.logMessage, view(), this.host.services)}\n` });
      return false;
    }
    return true;
  }

  private async stopHere(thread: DebugThread, stop: { reason: StopReason; hitBreakpointIds?: number[]; error?: StopInfo['error'] }): Promise<void> {
    this.target = undefined;
    this.pauseRequested = false;
    this.entryPending = false;
    const gate = this.hold(thread);
    const position = thread.position!;
    this.host.post({
      type: 'debugStopped',
      stop: { threadId: thread.id, threadName: thread.name, reason: stop.reason, state: position.name, ...placeOf(position), ...(stop.hitBreakpointIds ? { hitBreakpointIds: stop.hitBreakpointIds } : {}), ...(stop.error ? { error: stop.error } : {}) },
    });
    await gate;
  }

  private hold(thread: DebugThread): Promise<void> {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    this.stopped = { thread, gate, release };
    this.host.hold(true);
    this.host.flush();
    return gate;
  }

  private release(): void {
    const stopped = this.stopped;
    if (!stopped) return;
    this.stopped = undefined;
    this.host.hold(false);
    stopped.release();
  }

  private resume(kind?: StepKind, threadId?: number): void {
    const stopped = this.stopped;
    if (!stopped) return;
    this.target = kind ? { kind, thread: (threadId !== undefined ? this.threads.get(threadId) : undefined) ?? stopped.thread } : undefined;
    this.release();
  }

  private pause(): void {
    if (this.stopped) return;
    this.pauseRequested = true;
    setTimeout(() => {
      if (!this.pauseRequested || this.stopped || this.aborted) return;
      // Every thread waits on something (a task, a Wait with the real clock): stop where they are.
      const thread = this.lastThread ?? this.threads.main;
      if (!thread?.position) return;
      this.pauseRequested = false;
      void this.hold(thread);
      this.host.post({ type: 'debugStopped', stop: { threadId: thread.id, threadName: thread.name, reason: 'pause', state: thread.position.name, ...placeOf(thread.position) } });
    }, PAUSE_IN_FLIGHT_MS);
  }

  /**
   * Whether an error rising out of this thread's branch or iteration is taken before it fails the execution: by a
   * Retry of an enclosing Parallel or Map state that has attempts left, by its Catch, or by a Distributed Map
   * that counts a failed child against its tolerated failures instead (asl-reference §5.8, §7, §8).
   */
  private handledAbove(thread: DebugThread, error: StatesError): boolean {
    for (let t: DebugThread | undefined = thread; t?.owner; t = t.parent) {
      const owner = t.owner;
      // As runMap decides: an aborted run or a missing mock is not a tolerated failure.
      if (owner.type === 'Map' && isDistributed(owner.state) && error.error !== 'States.Aborted' && !(error instanceof MissingMockError)) return true;
      if (handledBy(owner.state, owner.retriesUsed, error.error)) return true;
    }
    return false;
  }
}

/** Where in its state a thread stopped, and what the step it stopped after is called there. */
function placeOf(position: ThreadPosition): Pick<StopInfo, 'at' | 'step'> {
  if (position.at === 'state') return { at: 'state' };
  const state = position.run?.state ?? {};
  const jsonata = position.run?.language === 'JSONata';
  const names: Record<DebugStep, string> = {
    inputPath: 'InputPath',
    effectiveInput: position.run?.type === 'Map' ? 'its items' : jsonata ? (state.Arguments !== undefined ? 'Arguments' : 'its effective input') : state.Parameters !== undefined ? 'Parameters' : 'its effective input',
    result: position.run?.type === 'Map' ? 'its iterations' : 'its result',
    resultSelector: 'ResultSelector',
    assign: 'Assign',
    resultPath: 'ResultPath',
    output: jsonata ? 'Output' : 'OutputPath',
  };
  return { at: position.at, step: names[position.at] };
}

function isDistributed(state: Obj): boolean {
  const processor = (state.ItemProcessor ?? state.Iterator) as Obj | undefined;
  return (processor?.ProcessorConfig as Obj | undefined)?.Mode === 'DISTRIBUTED';
}
