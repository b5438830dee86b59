/**
 * Instructions a fresh Node process executes, counted by valgrind's callgrind, with V8 single-threaded: the
 * optimizing compiler and the garbage collector then do their work on the main thread, where it is counted, and the
 * count repeats to within half a percent (with V8's helper threads, callgrind's counts of the same run differed by
 * up to 20%). Unlike wall or CPU time it does not move with the machine's load: on a 2-core machine shared with
 * others, the figure to compare engines by.
 */
import { spawnSync } from 'node:child_process';

export function hasCallgrind(): boolean {
  return spawnSync('valgrind', ['--version'], { encoding: 'utf8' }).status === 0;
}

/** Instructions of `node ARGS` (its stdout is dropped), or throws when the run fails. */
export function countInstructions(args: string[]): number {
  const child = spawnSync('valgrind', ['--tool=callgrind', '--callgrind-out-file=/dev/null', process.execPath, '--single-threaded', ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const found = /Collected : (\d+)/.exec(child.stderr);
  if (child.status !== 0 || !found) throw new Error(`callgrind of node ${args.join(' ')} failed: ${child.stderr.slice(-2000)}`);
  return Number(found[1]);
}
