import type { ExecutionEvent } from '../../../server/src/protocol';

/** One line of text history for the output channel. */
export function formatEventLine(event: ExecutionEvent): string {
  const details = Object.entries(event).find(([k]) => k.endsWith('EventDetails'))?.[1] as Record<string, unknown> | undefined;
  const parts = ['name', 'resource', 'error', 'cause', 'index'].filter((k) => details?.[k] !== undefined).map((k) => `${k}=${String(details![k])}`);
  return `${String(event.id).padStart(4)}  ${event.timestamp.slice(11, 23)}  ${event.type.padEnd(26)} ${parts.join('  ')}`;
}
