import type { Execution, Frame } from './execution';
import type { StateRun } from './runState';
import type { StatesError } from './statesError';

/**
 * The processing steps of one state a debugger may stop after (asl-reference §3: InputPath → Parameters → task →
 * ResultSelector → Assign → ResultPath → OutputPath; JSONata: Arguments → task → Output → Assign). `effectiveInput`
 * is after Parameters or Arguments (a Map's items); `output` after OutputPath or Output. A stop is offered only
 * after a step the state has, and always after a Task's, Parallel's or Map's effective input and result.
 */
export type DebugStep = 'inputPath' | 'effectiveInput' | 'result' | 'resultSelector' | 'assign' | 'resultPath' | 'output';

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
  /** After a processing step of a state; `value` is what the step made (the variables it assigned, for Assign). */
  step(run: StateRun, step: DebugStep, value: unknown): Promise<void> | undefined;
  /**
   * Whether a state that runs synchronously (a JSONPath Pass or Choice) should take the slower path that offers
   * stops between its steps: only while the debugger steps through the frame's thread or pauses.
   */
  wantsSteps(frame: Frame): boolean;
  /** An attempt of a state failed; `handled` when the state's own Retry or Catch takes the error. */
  stateFailed(run: StateRun, error: StatesError, handled: boolean): Promise<void> | undefined;
}
