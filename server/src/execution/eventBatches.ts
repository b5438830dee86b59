import type { HistoryEvent } from '../interpreter/types';

/**
 * Events are sent in batches of this many, whenever the run lets the event loop turn (a handler waiting on
 * I/O or a timer), so a long run streams without a message per event and a stopped run has sent what it did.
 */
const EVENT_BATCH = 100;
/** ...or when this long passed since the last batch (a run that never yields still shows how far it got). */
const EVENT_INTERVAL_MS = 20;

/**
 * A run's history events, handed on in batches as the run makes them (see above) and never held whole: what the
 * execution worker sends its host, and what the interpreter benchmark times as `asl run --json`'s printing.
 */
export class EventBatches {
  private batch: HistoryEvent[] = [];
  private scheduled = false;
  private lastSent = -Infinity;

  constructor(private readonly send: (events: HistoryEvent[]) => void) {}

  /** For runExecution's onEvent. */
  readonly push = (event: HistoryEvent): void => {
    this.batch.push(event);
    if (this.batch.length >= EVENT_BATCH || performance.now() - this.lastSent >= EVENT_INTERVAL_MS) this.flush();
    else if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(this.flush);
    }
  };

  /** Sends the events not yet sent, if any. */
  readonly flush = (): void => {
    this.scheduled = false;
    if (this.batch.length === 0) return;
    const events = this.batch;
    this.batch = [];
    this.send(events);
    this.lastSent = performance.now();
  };
}
