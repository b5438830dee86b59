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
 * `asl run --json`'s whole text, `JSON.stringify({ status, output, error, cause, events }, null, 2)` and a newline,
 * with the events already written (eventsJson's texts of consecutive batches, in order), as the pieces to print one
 * after the other: joined, a long history would be copied twice more (the join, then the write's encoding of the
 * whole), and fresh memory for megabytes of text costs more than the many small writes.
 */
export function runJsonPieces(result: { status: string; output?: unknown; error?: string; cause?: string }, eventTexts: readonly string[] = []): string[] {
  const head = JSON.stringify({ status: result.status, output: result.output, error: result.error, cause: result.cause }, null, 2);
  const texts = eventTexts.filter((t) => t !== '');
  if (texts.length === 0) return [`${head.slice(0, -2)},\n  "events": []\n}\n`];
  const pieces = [`${head.slice(0, -2)},\n  "events": [\n`];
  texts.forEach((text, i) => pieces.push(i === 0 ? text : `,\n${text}`));
  pieces.push('\n  ]\n}\n');
  return pieces;
}
