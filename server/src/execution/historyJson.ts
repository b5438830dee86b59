import type { HistoryEvent } from '../interpreter/types';

/**
 * History events as `asl run --json` prints them: each as `JSON.stringify(result, null, 2)` writes it inside the
 * result's `events` array (4 spaces in), joined with ',\n'. V8's serializer writes them (an array nested in an
 * array puts its items at that depth): the execution worker sends this text, and the CLI prints it as it came,
 * without parsing the events and serializing them again.
 */
export function eventsJson(events: readonly HistoryEvent[]): string {
  if (events.length === 0) return '';
  // `[\n  [\n` ... `\n  ]\n]` around the events.
  return JSON.stringify([events], null, 2).slice(6, -6);
}

/** The id and timestamp of the last event in eventsJson's text (a stopped run's last event follows it). */
export function lastEventOf(text: string): { id: number; timestamp: string } | undefined {
  const at = text.lastIndexOf('{\n      "id": ');
  if (at < 0) return undefined;
  const match = /^\{\n {6}"id": (\d+),\n {6}"previousEventId": -?\d+,\n {6}"timestamp": "([^"]*)"/.exec(text.slice(at, at + 200));
  return match ? { id: Number(match[1]), timestamp: match[2] } : undefined;
}

/**
 * Writes `asl run --json`'s text as the run goes: `JSON.stringify({ events, status, output, error, cause }, null, 2)`
 * and a newline. The events come first so that they are printed as the worker sends them (eventsJson's texts of
 * consecutive batches, in order): a long run shows how far it got, and its history is never held whole here. The
 * result, known at the end, closes the text.
 */
export class RunJsonWriter {
  private opened = false;

  constructor(private readonly write: (text: string) => void) {}

  /** One batch of events as eventsJson wrote it ('' for none). */
  events(text: string): void {
    if (text === '') return;
    this.write(this.opened ? `,\n${text}` : `{\n  "events": [\n${text}`);
    this.opened = true;
  }

  end(result: { status: string; output?: unknown; error?: string; cause?: string }): void {
    // `{\n  "status": ...}`: its fields follow the events' at the same depth.
    const rest = JSON.stringify({ status: result.status, output: result.output, error: result.error, cause: result.cause }, null, 2).slice(2);
    this.write(`${this.opened ? '\n  ],' : '{\n  "events": [],'}\n${rest}\n`);
  }
}
