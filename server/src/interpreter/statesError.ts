/**
 * An error as Step Functions reports it: a name (`States.Runtime`, `MyError`...) and a cause. It is data, not a
 * bug: no stack trace is captured (capturing one through a deep async chain cost more than a whole Task attempt,
 * and a retried Task raises one per attempt).
 */
export class StatesError extends Error {
  /**
   * The cause already says where it comes from: a task's or a Fail state's own cause, or a cause the state that
   * raised it has prefixed with its name (`located`), so the states it passes through leave it as it is.
   */
  located = false;

  constructor(
    readonly error: string,
    readonly causeText: string,
  ) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(`${error}: ${causeText}`);
    Error.stackTraceLimit = limit;
  }
}

/** The errors a state raises while processing its own fields; AWS says which state and where (below). */
const STATE_ERRORS = new Set(['States.Runtime', 'States.QueryEvaluationError', 'States.ParameterPathFailure', 'States.ResultPathMatchFailure', 'States.IntrinsicFailure']);

/**
 * An error raised while a state processed its fields, as AWS reports it: `An error occurred while executing the
 * state 'NAME' (entered at the event id #N). DETAIL` (asl-reference §13; recorded AWS causes in
 * corpus/aws-recorded-messages.json). A task's, a Fail state's or an already located error is left as it is.
 */
export function locateError(e: StatesError, stateName: string, enteredEventId: number | undefined): StatesError {
  if (e.located || !STATE_ERRORS.has(e.error) || e instanceof FatalError) return e;
  const located = new StatesError(e.error, `An error occurred while executing the state '${stateName}' (entered at the event id #${enteredEventId ?? 0}). ${e.causeText}`);
  located.located = true;
  return located;
}

/** Marks an error whose cause is its own (a task's answer, a Fail state's Cause): no state prefix is added. */
export function asOwnCause<T extends StatesError>(e: T): T {
  e.located = true;
  return e;
}

/** Errors that no Retry or Catch handles (asl-reference §0.11). */
export const UNHANDLED = new Set(['States.Runtime', 'States.DataLimitExceeded']);

/** Whether a retrier's or catcher's ErrorEquals matches an error (asl-reference §7, §8). */
export function errorMatches(errorEquals: readonly string[], error: string): boolean {
  if (UNHANDLED.has(error)) return false;
  for (const name of errorEquals) {
    if (name === error) return true;
    if (name === 'States.ALL') return true;
    if (name === 'States.TaskFailed' && error !== 'States.Timeout' && !error.startsWith('States.')) return true;
    if (name === 'States.Timeout' && error === 'States.HeartbeatTimeout') return true;
  }
  return false;
}

/**
 * Whether a state's Retry (with `retriesUsed`, the attempts each retrier has used so far) or Catch takes an error:
 * the first retrier whose ErrorEquals matches decides the retry, and it retries until MaxAttempts (default 3) are
 * used (asl-reference §7); else the first matching catcher (§8).
 */
export function handledBy(state: Record<string, unknown>, retriesUsed: readonly number[] | undefined, error: string): boolean {
  const retriers = Array.isArray(state.Retry) ? (state.Retry as Record<string, unknown>[]) : [];
  const retry = retriers.findIndex((r) => errorMatches((r.ErrorEquals as string[]) ?? [], error));
  if (retry >= 0 && (retriesUsed?.[retry] ?? 0) < (typeof retriers[retry].MaxAttempts === 'number' ? (retriers[retry].MaxAttempts as number) : 3)) return true;
  return Array.isArray(state.Catch) && (state.Catch as Record<string, unknown>[]).some((c) => errorMatches((c.ErrorEquals as string[]) ?? [], error));
}

/**
 * An error that ends the whole execution whatever the states say: the history limit, the execution's
 * TimeoutSeconds or maximum duration, or a branch stopped because a sibling failed. No Retry or Catch sees it,
 * and a Distributed Map does not count it as a tolerated child failure.
 */
export class FatalError extends StatesError {}
