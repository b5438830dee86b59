import { isSetupFailure, startExecution, type SetupFailure } from '../execution/isolatedExecution';
import { DEFAULT_LIMITS } from '../execution/runLimits';
import type { ExecutionResult, HistoryEvent } from '../interpreter/types';
import type { DebugJobOptions, DebugRequest, DebugWorkerMessage, StopInfo } from './debugMessages';
import type { LoadedProgram } from './loadProgram';

/** How long the adapter waits for the worker to answer a request before saying it does not. */
export const REPLY_TIMEOUT_MS = 3000;

export interface DebugRunHooks {
  /** A promise: the run goes on streaming when it settles (the client has read what was sent). */
  onEvents(events: HistoryEvent[]): void | Promise<void>;
  onStopped(stop: StopInfo): void;
  onOutput(text: string, category: 'stdout' | 'stderr' | 'console'): void;
}

export interface RunSettings {
  realTime: boolean;
  machineType: 'STANDARD' | 'EXPRESS';
  /** Undefined: run without debugging (noDebug). */
  debug?: DebugJobOptions;
}

/**
 * One debugged execution in its own execution worker (the isolation `asl run` has: a process of its own, frozen
 * intrinsics, a heap limit), driven by requests over the worker's channel. A paused run has no time limit; a
 * worker that does not answer (a handler busy in a loop) is reported, and stopping the session kills it.
 */
export class DebugRun {
  readonly result: Promise<ExecutionResult | SetupFailure>;
  private readonly execution: ReturnType<typeof startExecution>;
  private readonly pending = new Map<number, { resolve: (body: unknown) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }>();
  private nextId = 1;
  private over = false;

  constructor(program: LoadedProgram, settings: RunSettings, hooks: DebugRunHooks) {
    this.execution = startExecution(
      {
        definition: program.definition,
        input: program.input,
        stateMachineName: program.machineName,
        executionName: `debug-${Date.now()}`,
        startTime: Date.now(),
        realTime: settings.realTime,
        stateMachineType: settings.machineType,
        eventDetail: 'full',
        ...(program.mocks ? { mocks: program.mocks } : {}),
        ...(program.handlersPath ? { handlersPath: program.handlersPath } : {}),
        ...(settings.debug ? { debug: settings.debug } : {}),
      },
      // A debugged run may stay paused as long as the user likes: no time limit (Run Without Debugging keeps it).
      settings.debug ? { ...DEFAULT_LIMITS, timeoutSeconds: 0 } : DEFAULT_LIMITS,
      {
        onEvents: (events) => hooks.onEvents(events),
        onOutput: (text, stream) => hooks.onOutput(text, stream),
        onDebug: (message) => this.received(message, hooks),
      },
    );
    this.result = this.execution.result.finally(() => {
      this.over = true;
      for (const [id, waiting] of this.pending) {
        clearTimeout(waiting.timer);
        waiting.reject(new Error('The run has ended'));
        this.pending.delete(id);
      }
    });
  }

  get ended(): boolean {
    return this.over;
  }

  request<T>(request: DebugRequest, timeoutMs = REPLY_TIMEOUT_MS): Promise<T> {
    if (this.over) return Promise.reject(new Error('The run has ended'));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`The run does not answer (${request.command}): a handler may be busy without yielding. Stop the session to end it.`));
      }, timeoutMs);
      this.pending.set(id, { resolve: resolve as (body: unknown) => void, reject, timer });
      this.execution.debug({ type: 'debug', id, request });
    });
  }

  /** Asks the run to stop; its worker is killed if it does not within a second. */
  abort(): void {
    this.execution.abort();
  }

  private received(message: DebugWorkerMessage, hooks: DebugRunHooks): void {
    if (message.type === 'debugStopped') return hooks.onStopped(message.stop);
    if (message.type === 'debugOutput') return hooks.onOutput(String(message.text), 'console');
    const waiting = this.pending.get(message.id);
    if (!waiting) return;
    this.pending.delete(message.id);
    clearTimeout(waiting.timer);
    if (message.error !== undefined) waiting.reject(new Error(String(message.error)));
    else waiting.resolve(message.body);
  }
}

export { isSetupFailure };
