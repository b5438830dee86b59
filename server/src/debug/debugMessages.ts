import type { DebugStep } from '../interpreter/debugHooks';

/**
 * The debug channel between the debug adapter (host) and the execution worker that runs the debugged execution.
 * Everything is data; the worker checks what it receives.
 */

/** A line, conditional, hit-count or log breakpoint on a state (by key), or a function breakpoint (by name). */
export interface WorkerBreakpoint {
  id: number;
  stateKey?: string;
  stateName?: string;
  condition?: string;
  hitCondition?: string;
  logMessage?: string;
}

export interface ExceptionFilters {
  all: boolean;
  uncaught: boolean;
  /** Error names that stop wherever they are raised (`States.TaskFailed`, a custom error). */
  errors: string[];
}

export type StepKind = 'next' | 'stepIn' | 'stepOut';

export type DebugRequest =
  | { command: 'setBreakpoints'; breakpoints: WorkerBreakpoint[] }
  | { command: 'setExceptionBreakpoints'; filters: ExceptionFilters }
  | { command: 'configurationDone' }
  | { command: 'continue' }
  | { command: StepKind; threadId: number }
  | { command: 'pause' }
  | { command: 'threads' }
  | { command: 'stackTrace'; threadId: number }
  | { command: 'scopes'; threadId: number; frame: number }
  | { command: 'evaluate'; threadId?: number; frame?: number; expression: string }
  | { command: 'setInput'; threadId: number; value: unknown }
  | { command: 'completions'; threadId?: number; frame?: number };

/** setBreakpoints: why each breakpoint that cannot work does not (a condition that does not parse). */
export interface BreakpointsReply {
  errors: Record<number, string>;
}

export interface ThreadInfo {
  id: number;
  name: string;
}

/** One level of a thread's stack: its current state, or the execution itself (no state key). */
export interface WorkerFrame {
  name: string;
  stateKey?: string;
  stateName?: string;
}

export interface WorkerScope {
  name: string;
  value: unknown;
  /** The state input before it runs: the debugger may change it (setInput). */
  editable?: boolean;
  expensive?: boolean;
}

export type StopReason = 'entry' | 'breakpoint' | 'function breakpoint' | 'step' | 'pause' | 'exception';

export interface StopInfo {
  threadId: number;
  threadName: string;
  reason: StopReason;
  /** The state it stopped at, and where in it (before it runs, or after a processing step). */
  state: string;
  at: 'state' | DebugStep;
  /** After a step: what it is called in this state (`Parameters`, `ResultPath`, `its result`...). */
  step?: string;
  hitBreakpointIds?: number[];
  /** For an exception: the error and its cause. */
  error?: { error: string; cause: string };
}

export type DebugWorkerMessage =
  | { type: 'debugReply'; id: number; body?: unknown; error?: string }
  | { type: 'debugStopped'; stop: StopInfo }
  /** A logpoint's message, or a note from the debugger. */
  | { type: 'debugOutput'; text: string };

export type DebugHostMessage = { type: 'debug'; id: number; request: DebugRequest };

/** What a debug run asks of the worker's job (RunJob.debug). */
export interface DebugJobOptions {
  stopOnEntry: boolean;
  stopBetweenSteps: boolean;
}
