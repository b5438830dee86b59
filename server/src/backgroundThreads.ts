import { availableParallelism } from 'node:os';

/** Node's own number of V8 background threads (`--v8-pool-size`'s default). */
const NODE_DEFAULT_POOL = 4;

/**
 * Node options for a process the extension starts (the language server, the debug adapter, an execution or test
 * worker): no more V8 background threads (compiling optimized code, collecting garbage) than the machine has cores
 * besides the one the process's main thread runs on. Node starts four whatever the machine; on two cores they and
 * the main thread take turns, and the main thread, which answers the editor, waits its turn: opening a 5,000-state
 * file, the server's main thread waited about 100 ms for a core and its first diagnostics came 60–110 ms later
 * than with one background thread (the same work, done with less switching). Electron (VS Code on the desktop)
 * runs V8 on Chromium's thread pool and has no such option, so none is given there.
 */
export function backgroundThreadArgs(cores = availableParallelism(), versions: NodeJS.ProcessVersions = process.versions): string[] {
  if (versions.electron) return [];
  const pool = Math.max(1, cores - 1);
  return pool < NODE_DEFAULT_POOL ? [`--v8-pool-size=${pool}`] : [];
}
