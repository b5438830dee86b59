import type { Execution, Frame } from './execution';
import type { StateRun } from './runState';
import type { StatesError } from './statesError';

/**
 * The processing steps of one state a debugger may stop between (asl-reference §3: InputPath → Parameters →
 * task → ResultSelector → ResultPath → OutputPath; JSONata: Arguments → task → Output and Assign).
 */
export type DebugStep = 'effectiveInput' | 'result' | 'output';

/**
 * What a debugger attached to a run sees (RunOptions.debug). Absent, the interpreter does not call anything: each
 * hook site costs one property read. A hook that returns a promise holds its state (or branch) until it settles;
 * one that returns undefined lets the run go on synchronously.
 */
export interface DebugHooks {
  /** Before a state's Entered event. The promise's value replaces the state's input (the debugger edited it). */
  beforeState(ex: Execution, frame: Frame, name: string, input: unknown): Promise<unknown> | undefined;
  /** A Parallel branch or a Map iteration (`index`) of the state `run` starts running `frame`... */
  blockStarted(frame: Frame, run: StateRun, index: number): void;
  /** ...and is over (it succeeded, failed or was stopped). */
  blockEnded(frame: Frame): void;
  /** Between two processing steps of a state that waits anyway (Task, Parallel, Map; every JSONata state). */
  step(run: StateRun, step: DebugStep, value: unknown): Promise<void> | undefined;
  /** An attempt of a state failed; `handled` when the state's own Retry or Catch takes the error. */
  stateFailed(run: StateRun, error: StatesError, handled: boolean): Promise<void> | undefined;
}
