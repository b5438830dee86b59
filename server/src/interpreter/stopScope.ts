import { FatalError, type StatesError } from './statesError';

/**
 * The blocks of one Parallel or Map: when one fails, the others stop at their next state transition instead of
 * running on (AWS stops the other branches and iterations); a scope inside a stopped one is stopped too.
 */
export class StopScope {
  private reason?: StatesError;
  constructor(private readonly parent?: StopScope) {}

  stop(reason: StatesError): void {
    this.reason ??= reason;
  }

  get stopped(): boolean {
    return this.reason !== undefined || (this.parent?.stopped ?? false);
  }

  /** Throws when stopped; the error only ends the stopped block (its Parallel or Map already failed). */
  check(): void {
    if (this.stopped) throw new FatalError('States.Aborted', 'Stopped because another branch or iteration failed');
  }
}
