import type { ExecutionResult, HistoryEvent } from '../interpreter/types';
import { TASK_ATTEMPT_FAILED, TASK_ATTEMPT_STARTED } from '../protocol';

const DETAIL_KEYS = ['name', 'resource', 'error', 'cause', 'index', 'length'];

/** How one state fared in a run: how often it was entered, retried, iterated (Map), and whether it failed. */
export interface StateTaken {
  name: string;
  type: string;
  entered: number;
  retries: number;
  iterations: number;
  failed: boolean;
}

/**
 * The states a run took, in the order first entered. The state that failed the run is the innermost one still
 * open when the history ends (a Fail state, or a Task whose error nothing caught).
 */
export function statesTaken(events: readonly HistoryEvent[], status: string): StateTaken[] {
  const states = new Map<string, StateTaken>();
  const open: StateTaken[] = [];
  const failing = new Set<StateTaken>();
  for (const event of events) {
    const type = event.type;
    if (type.endsWith('StateEntered')) {
      const name = String((event.stateEnteredEventDetails as { name?: unknown } | undefined)?.name ?? '');
      let state = states.get(name);
      if (!state) states.set(name, (state = { name, type: type.slice(0, -'StateEntered'.length), entered: 0, retries: 0, iterations: 0, failed: false }));
      state.entered++;
      open.push(state);
    } else if (type.endsWith('StateExited')) {
      const name = String((event.stateExitedEventDetails as { name?: unknown } | undefined)?.name ?? '');
      const at = open.map((s) => s.name).lastIndexOf(name);
      if (at >= 0) failing.delete(open.splice(at, 1)[0]);
    } else if (TASK_ATTEMPT_FAILED.has(type)) {
      const current = open.at(-1);
      if (current) failing.add(current);
    } else if (TASK_ATTEMPT_STARTED.has(type)) {
      const current = open.at(-1);
      // A new attempt after a failure of the same state is a retry.
      if (current && failing.delete(current)) current.retries++;
    } else if (type === 'MapIterationStarted') {
      const current = open.at(-1);
      if (current) current.iterations++;
    }
  }
  if (status !== 'SUCCEEDED') {
    const culprit = open.at(-1);
    if (culprit) culprit.failed = true;
  }
  return [...states.values()];
}

/** The default text output of `asl run`: status, duration, the states taken with counts, and the output or error. */
export function formatSummary(result: ExecutionResult, options: { virtualTime: boolean }): string {
  const taken = statesTaken(result.events, result.status);
  const lines = [`${result.status} in ${formatDuration(result.durationMs)}${options.virtualTime ? ' (virtual time)' : ''} · ${result.events.length} events · ${taken.length} states`];
  if (taken.length > 0) {
    lines.push('', 'States taken:');
    const nameWidth = Math.min(40, Math.max(...taken.map((s) => s.name.length)));
    const typeWidth = Math.max(...taken.map((s) => s.type.length));
    for (const s of taken) {
      const notes = [
        s.iterations ? `${s.iterations} ${s.iterations === 1 ? 'iteration' : 'iterations'}` : '',
        s.retries ? `${s.retries} ${s.retries === 1 ? 'retry' : 'retries'}` : '',
        s.failed ? 'failed here' : '',
      ].filter(Boolean);
      const name = s.name.length > nameWidth ? `${s.name.slice(0, nameWidth - 1)}…` : s.name;
      lines.push(`  ${name.padEnd(nameWidth)}  ${s.type.padEnd(typeWidth)}  ${String(s.entered).padStart(5)}×${notes.length ? `  (${notes.join(', ')})` : ''}`);
    }
  }
  lines.push('');
  if (result.status === 'SUCCEEDED') lines.push(`Output: ${JSON.stringify(result.output, null, 2)}`);
  else lines.push(`Error: ${result.error}`, `Cause: ${result.cause}`);
  return `${lines.join('\n')}\n`;
}

/** The full history (`asl run --history`): one line per event, then the status and the output (or error and cause). */
export function formatHistory(result: ExecutionResult): string {
  const lines = result.events.map(formatEvent);
  lines.push('');
  lines.push(`Status: ${result.status} in ${Math.round(result.durationMs)} ms`);
  if (result.status === 'SUCCEEDED') lines.push(`Output: ${JSON.stringify(result.output, null, 2)}`);
  else lines.push(`Error: ${result.error}`, `Cause: ${result.cause}`);
  return `${lines.join('\n')}\n`;
}

export function formatEvent(event: HistoryEvent): string {
  const details = Object.entries(event).find(([k]) => k.endsWith('EventDetails'))?.[1] as Record<string, unknown> | undefined;
  const parts = DETAIL_KEYS.filter((k) => details?.[k] !== undefined).map((k) => `${k}=${typeof details![k] === 'string' ? details![k] : JSON.stringify(details![k])}`);
  return `${String(event.id).padStart(4)}  ${event.timestamp.slice(11, 23)}  ${event.type.padEnd(26)} ${parts.join('  ')}`;
}

function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 120_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}
