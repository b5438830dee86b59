import { TASK_ATTEMPT_FAILED, TASK_ATTEMPT_STARTED, type ExecutionEvent } from '../../../server/src/protocol';
import type { RunStep } from '../../webview/src/shared/graphMessages';

/** Failures of a Map or Parallel (a Catch may take them); a Task's are TASK_ATTEMPT_FAILED, and a new attempt clears them. */
const FAILURE: Record<string, string> = {
  ParallelStateFailed: 'Parallel',
  MapStateFailed: 'Map',
  MapRunFailed: 'Map',
};

/** The states a run entered and exited, in history order, with whether each exit went through a Catch. */
export function runSteps(events: ExecutionEvent[]): RunStep[] {
  const steps: RunStep[] = [];
  /** States entered and not yet exited, with their type (from the event name: TaskStateEntered...). */
  const open: { state: string; type: string; failed: boolean }[] = [];
  const lastOpen = (type: string) => {
    for (let i = open.length - 1; i >= 0; i--) if (open[i].type === type) return open[i];
    return undefined;
  };
  for (const event of events) {
    if (event.type.endsWith('StateEntered') || event.type.endsWith('StateExited')) {
      const details = (event.stateEnteredEventDetails ?? event.stateExitedEventDetails) as { name?: unknown } | undefined;
      if (typeof details?.name !== 'string') continue;
      const state = details.name;
      if (event.type.endsWith('StateEntered')) {
        steps.push({ state });
        open.push({ state, type: event.type.slice(0, -'StateEntered'.length), failed: false });
        continue;
      }
      const at = open.map((o) => o.state).lastIndexOf(state);
      const failed = at >= 0 && open[at].failed;
      if (at >= 0) open.splice(at, 1);
      steps.push({ state, exit: true, ...(failed ? { caught: true as const } : {}) });
    } else if (TASK_ATTEMPT_FAILED.has(event.type) || Object.hasOwn(FAILURE, event.type)) {
      const current = lastOpen(FAILURE[event.type] ?? 'Task');
      if (current) current.failed = true;
    } else if (TASK_ATTEMPT_STARTED.has(event.type)) {
      const current = lastOpen('Task');
      if (current) current.failed = false;
    }
  }
  return steps;
}
