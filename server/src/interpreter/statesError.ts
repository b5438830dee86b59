/** An error as Step Functions reports it: a name (`States.Runtime`, `MyError`...) and a cause. */
export class StatesError extends Error {
  constructor(
    readonly error: string,
    readonly causeText: string,
  ) {
    super(`${error}: ${causeText}`);
  }
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
 * An error that ends the whole execution whatever the states say: the history limit, the execution's
 * TimeoutSeconds or maximum duration, or a branch stopped because a sibling failed. No Retry or Catch sees it,
 * and a Distributed Map does not count it as a tolerated child failure.
 */
export class FatalError extends StatesError {}
