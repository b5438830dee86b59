import type { DebugStep } from '../../interpreter/debugHooks';
import type { Execution, Frame } from '../../interpreter/execution';
import type { StateRun } from '../../interpreter/runState';

/** Where a thread is: the state it is at (before it runs, or after a processing step) and what it has so far. */
export interface ThreadPosition {
  name: string;
  input: unknown;
  at: 'state' | DebugStep;
  ex: Execution;
  /** Once the state runs: its attempt (context object, language). */
  run?: StateRun;
  /** What each processing step made, once it ran (DebugStep). */
  inputPath?: unknown;
  effectiveInput?: unknown;
  result?: unknown;
  resultSelector?: unknown;
  assign?: unknown;
  resultPath?: unknown;
  output?: unknown;
  error?: { error: string; cause: string };
}

/** The main execution, or one Parallel branch or Map iteration: each is a debug thread. */
export interface DebugThread {
  id: number;
  name: string;
  frame: Frame;
  parent?: DebugThread;
  /** A branch's or iteration's Parallel or Map state: the attempt that runs it. */
  owner?: StateRun;
  position?: ThreadPosition;
}

/** The threads that are running now (a branch or iteration leaves when its block is over). */
export class DebugThreads {
  private readonly byFrame = new WeakMap<Frame, DebugThread>();
  private readonly live = new Map<number, DebugThread>();
  private nextId = 1;
  main?: DebugThread;

  constructor(private readonly mainName: string) {}

  /** The thread running a frame; the first frame nobody announced is the main execution's. */
  of(frame: Frame): DebugThread {
    const known = this.byFrame.get(frame);
    if (known) return known;
    const thread = this.add(frame, this.main ? `Block ${this.nextId}` : this.mainName, this.main);
    this.main ??= thread;
    return thread;
  }

  /** `Map "Ship" #3` (the item's index) or `Parallel "Fan" branch 2` (counted from 1, as the Branches are read). */
  started(frame: Frame, run: StateRun, index: number): void {
    const name = run.type === 'Map' ? `Map "${run.name}" #${index}` : `Parallel "${run.name}" branch ${index + 1}`;
    this.add(frame, name, this.of(run.frame)).owner = run;
  }

  ended(frame: Frame): void {
    const thread = this.byFrame.get(frame);
    if (thread) this.live.delete(thread.id);
  }

  get(id: number): DebugThread | undefined {
    return this.live.get(id);
  }

  all(): DebugThread[] {
    return [...this.live.values()];
  }

  private add(frame: Frame, name: string, parent: DebugThread | undefined): DebugThread {
    const thread: DebugThread = { id: this.nextId++, name, frame, parent };
    this.byFrame.set(frame, thread);
    this.live.set(thread.id, thread);
    return thread;
  }
}

/** Whether `a` is `b`'s parent, grand-parent... */
export function isAncestor(a: DebugThread, b: DebugThread): boolean {
  for (let t = b.parent; t; t = t.parent) if (t === a) return true;
  return false;
}
