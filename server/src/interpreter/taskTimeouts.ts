import type { Execution } from './execution';
import type { StateRun } from './runState';
import { StatesError } from './statesError';

/** The `*Seconds` fields' upper bound (asl-reference §5.1, §12). */
const MAX_SECONDS = 99999999;

export interface TaskTimeouts {
  timeout?: number;
  heartbeat?: number;
}

/**
 * A Task's TimeoutSeconds and HeartbeatSeconds for this attempt (asl-reference §5.1): a literal, a JSONPath
 * `TimeoutSecondsPath`/`HeartbeatSecondsPath` read from the state input, or a JSONata expression. A path that
 * matches nothing is AWS's recorded `Invalid path '$.NoSuchTimeoutSecondsPath' : No results for path: ...`
 * (States.Runtime, §13); a value that is not a positive integer is States.Runtime naming the path field, or
 * States.QueryEvaluationError for a JSONata expression (as Wait's SecondsPath and Seconds are).
 */
export function taskTimeouts(ex: Execution, run: StateRun): TaskTimeouts | Promise<TaskTimeouts> {
  const state = run.state;
  // Literals (the common case) without a promise: this runs on every Task attempt.
  if (state.TimeoutSecondsPath === undefined && state.HeartbeatSecondsPath === undefined && typeof state.TimeoutSeconds !== 'string' && typeof state.HeartbeatSeconds !== 'string') {
    return { timeout: literal(state.TimeoutSeconds), heartbeat: literal(state.HeartbeatSeconds) };
  }
  const resolve = async (field: 'TimeoutSeconds' | 'HeartbeatSeconds'): Promise<number | undefined> => {
    const value = state[field];
    const path = state[`${field}Path`];
    if (run.language === 'JSONPath' && typeof path === 'string') {
      const found = ex.select(path, run.input, { context: run.context, variables: run.frame.variables.all() });
      if (!isSeconds(found)) throw new StatesError('States.Runtime', `The value of the field '${field}Path' must be a positive integer (at most ${MAX_SECONDS}), but was: ${shown(found)}`);
      return found;
    }
    if (run.language === 'JSONata' && typeof value === 'string') {
      const found = await ex.jsonata(value, { states: { input: run.input, context: run.context }, variables: run.frame.variables.all() }, field);
      if (!isSeconds(found)) {
        throw new StatesError('States.QueryEvaluationError', `The JSONata expression '${value.replace(/^\{%|%\}$/g, '').trim()}' specified for the field '${field}' returned an unexpected result: expected a positive integer (at most ${MAX_SECONDS}), but was: ${shown(found)}`);
      }
      return found;
    }
    return literal(value);
  };
  return (async () => ({ timeout: await resolve('TimeoutSeconds'), heartbeat: await resolve('HeartbeatSeconds') }))();
}

const isSeconds = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= MAX_SECONDS;
const literal = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);
const shown = (value: unknown): string => JSON.stringify(value) ?? String(value);
