import type { ExecutionResult, HistoryEvent } from '../interpreter/types';

const DETAIL_KEYS = ['name', 'resource', 'error', 'cause', 'index', 'length'];

/** A readable history: one line per event, then the status and the output (or error and cause). */
export function formatHistory(result: ExecutionResult): string {
  const lines = result.events.map(formatEvent);
  lines.push('');
  lines.push(`Status: ${result.status} in ${Math.round(result.durationMs)} ms`);
  if (result.status === 'SUCCEEDED') lines.push(`Output: ${JSON.stringify(result.output, null, 2)}`);
  else lines.push(`Error: ${result.error}`, `Cause: ${result.cause}`);
  return `${lines.join('\n')}\n`;
}

export function formatEvent(event: HistoryEvent): string {
  const details = Object.entries(event).find(([k]) => k.endsWith('EventDetails'))?.[1] as Record<string, unknown> | undefined;
  const parts = DETAIL_KEYS.filter((k) => details?.[k] !== undefined).map((k) => `${k}=${typeof details![k] === 'string' ? details![k] : JSON.stringify(details![k])}`);
  return `${String(event.id).padStart(4)}  ${event.timestamp.slice(11, 23)}  ${event.type.padEnd(26)} ${parts.join('  ')}`;
}
