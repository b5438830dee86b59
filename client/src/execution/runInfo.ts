import { TASK_ATTEMPT_FAILED, TASK_ATTEMPT_STARTED, type ExecutionEvent } from '../../../server/src/protocol';
import type { StateRunInfo } from '../../webview/src/shared/graphMessages';

/**
 * What each state did in a run, from its history: entered, retried, caught, failed; Map iteration counts; the
 * last input and output seen. Keyed by state name (names are unique machine-wide). `live`: the run goes on (a debug
 * session), so a state entered and not exited is still running, not failed.
 */
export function runInfo(events: ExecutionEvent[], live = false): Record<string, StateRunInfo> {
  const states: Record<string, StateRunInfo> = {};
  const open: string[] = [];
  const failedIn = new Set<string>();
  for (const event of events) {
    const details = Object.entries(event).find(([k]) => k.endsWith('EventDetails'))?.[1] as Record<string, unknown> | undefined;
    if (event.type.endsWith('StateEntered') && details?.name) {
      const name = String(details.name);
      const info = (states[name] ??= { status: 'running', entered: 0, retries: 0 });
      info.entered++;
      info.input = String(details.input ?? '');
      open.push(name);
    } else if (event.type.endsWith('StateExited') && details?.name) {
      const name = String(details.name);
      const info = states[name];
      if (info) {
        info.status = failedIn.has(name) ? 'caught' : 'succeeded';
        info.output = String(details.output ?? '');
      }
      failedIn.delete(name);
      open.splice(open.lastIndexOf(name), 1);
    } else if (TASK_ATTEMPT_FAILED.has(event.type)) {
      const current = open.at(-1);
      if (current && states[current]) {
        if (failedIn.has(current)) states[current].retries++;
        failedIn.add(current);
      }
    } else if (TASK_ATTEMPT_STARTED.has(event.type)) {
      const current = open.at(-1);
      // A new attempt after a failure is a retry; the failure is resolved unless it fails again.
      if (current && failedIn.has(current)) {
        states[current].retries++;
        failedIn.delete(current);
      }
    } else if (event.type === 'MapIterationStarted') {
      const current = open.at(-1);
      if (current && states[current]) states[current].iterations = (states[current].iterations ?? 0) + 1;
    }
  }
  if (live) return states;
  for (const name of open) if (states[name]) states[name].status = 'failed';
  for (const [name, info] of Object.entries(states)) if (info.status === 'running' && failedIn.has(name)) info.status = 'failed';
  return states;
}
