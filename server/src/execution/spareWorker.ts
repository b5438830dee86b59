import { fork, type ChildProcess } from 'node:child_process';
import { backgroundThreadArgs } from '../backgroundThreads';

// V8 falls back to its linear-time engine for a regular expression that backtracks too much (a JSONata $match or
// $replace with a catastrophic pattern), instead of running for ever.
const V8_FLAGS = ['--enable-experimental-regexp-engine-on-excessive-backtracks'];

/** Node options of a worker process that runs definitions (execution and test workers): its heap limited to `memoryMb`. */
export function workerExecArgv(memoryMb: number): string[] {
  return [`--max-old-space-size=${Math.max(16, Math.floor(memoryMb))}`, ...V8_FLAGS, ...backgroundThreadArgs()];
}

/** Starts an execution worker process: its heap limited to `memoryMb`, messages over IPC, output piped. */
export function forkWorker(script: string, memoryMb: number): ChildProcess {
  return fork(script, [], {
    execArgv: workerExecArgv(memoryMb),
    serialization: 'advanced',
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
}

interface Spare {
  child: ChildProcess;
  memoryMb: number;
  ready: boolean;
  listen: (message: unknown) => void;
  gone: () => void;
}

let spare: Spare | undefined;
let keep: { script: () => string; memoryMb: number; delayMs: number } | undefined;
let timer: NodeJS.Timeout | undefined;

/**
 * Keeps one execution worker started ahead of need (the language server does; the CLI, which runs once, does
 * not): it has loaded its bundle and frozen its intrinsics and waits for a job, so a run does not wait for a
 * process to start. Each is used for one run only, as a fresh one would be, and the next is started `delayMs`
 * after a run ends (not during it: the machine's cores are the run's). `memoryMb` is the heap limit it gets; a run
 * with another limit starts a worker of its own. `startNow` false only changes the settings for the next spare.
 */
export function keepSpareWorker(script: () => string, memoryMb: number, delayMs = 1000, startNow = true): void {
  keep = { script, memoryMb, delayMs };
  if (startNow) scheduleSpare();
}

/**
 * Starts one worker now, for a run about to come (the CLI's: it forks it before reading and validating the
 * machine, so the worker's start-up overlaps that work). Unlike keepSpareWorker, none is started after the run.
 */
export function startWorkerAhead(script: string, memoryMb: number): void {
  if (!spare) startSpare(script, memoryMb);
}

/** Stops keeping a spare worker, and ends the one waiting. */
export function dropSpareWorker(): void {
  keep = undefined;
  if (timer) clearTimeout(timer);
  timer = undefined;
  const waiting = spare;
  spare = undefined;
  if (waiting) {
    waiting.child.off('exit', waiting.gone);
    waiting.child.kill('SIGKILL');
  }
}

/**
 * The waiting spare worker if it has the heap limit `memoryMb` (removed from the pool: it is the caller's now),
 * and whether it said `ready` already. A spare with another limit is ended.
 */
export function takeSpareWorker(memoryMb: number): { child: ChildProcess; ready: boolean } | undefined {
  const taken = spare;
  spare = undefined;
  if (!taken) return undefined;
  taken.child.off('message', taken.listen);
  taken.child.off('exit', taken.gone);
  if (taken.memoryMb !== Math.max(16, Math.floor(memoryMb)) || taken.child.exitCode !== null || taken.child.signalCode !== null || !taken.child.connected) {
    taken.child.kill('SIGKILL');
    return undefined;
  }
  for (const handle of [taken.child, taken.child.channel, taken.child.stdout, taken.child.stderr] as ({ ref?: () => void } | null | undefined)[]) handle?.ref?.();
  return { child: taken.child, ready: taken.ready };
}

/** After a run: the next spare, `delayMs` later, if one is kept and none waits. */
export function scheduleSpare(): void {
  if (!keep || spare || timer) return;
  timer = setTimeout(() => {
    timer = undefined;
    if (keep && !spare) startSpare(keep.script(), keep.memoryMb);
  }, keep.delayMs);
  timer.unref();
}

function startSpare(script: string, memoryMb: number): void {
  let child: ChildProcess;
  try {
    child = forkWorker(script, memoryMb);
  } catch {
    return;
  }
  const entry: Spare = {
    child,
    memoryMb: Math.max(16, Math.floor(memoryMb)),
    ready: false,
    listen: (message) => {
      if (message && typeof message === 'object' && (message as { type?: unknown }).type === 'ready') entry.ready = true;
    },
    gone: () => {
      if (spare === entry) spare = undefined;
    },
  };
  child.on('message', entry.listen);
  child.on('exit', entry.gone);
  child.on('error', () => undefined);
  // A waiting spare keeps nothing alive: the host may end whenever it likes (the worker then ends too).
  for (const handle of [child, child.channel, child.stdout, child.stderr] as ({ unref?: () => void } | null | undefined)[]) handle?.unref?.();
  spare = entry;
}

/** The waiting spare worker's process id and whether it is ready (tests read it). */
export function spareWorkerState(): { pid?: number; ready: boolean } | undefined {
  return spare && { pid: spare.child.pid, ready: spare.ready };
}
