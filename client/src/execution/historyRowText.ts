import { detailsOf, type HistoryGroup } from '../../webview/src/execution/historyTree';
import type { ExecutionEventData } from '../../webview/src/shared/executionMessages';

/** What one row of the history tree says: its label, the text after it, and a longer text for its tooltip. */
export interface HistoryRowText {
  label: string;
  description: string;
  /** Plain text; the tree view puts it in a code block. */
  detail: string;
}

const DETAIL_LIMIT = 4000;

export function groupLabel(group: HistoryGroup): string {
  if (group.kind === 'iteration') return `Iteration ${group.index}`;
  if (group.kind === 'branch') return `Branch ${group.index}`;
  return group.name;
}

/** A state's run, a Map iteration or a Parallel branch: its name (or index), type, event count, retries and outcome. */
export function groupRowText(group: HistoryGroup): HistoryRowText {
  const notes = [
    group.kind === 'state' ? group.type : undefined,
    `${group.size} ${group.size === 1 ? 'event' : 'events'}`,
    group.retries ? `${group.retries} ${group.retries === 1 ? 'retry' : 'retries'}` : undefined,
    group.status === 'failed' || group.status === 'caught' || group.status === 'running' ? group.status : undefined,
  ].filter(Boolean);
  const owner = group.kind === 'state' ? '' : ` of ${group.name}`;
  return { label: groupLabel(group), description: notes.join(' · '), detail: `${groupLabel(group)}${owner}: ${notes.join(', ')}` };
}

/** An event: its type, then its state or resource (and error), its id and its time; the tooltip holds its details. */
export function eventRowText(event: ExecutionEventData): HistoryRowText {
  const d = detailsOf(event) ?? {};
  const where = String(d.name ?? d.resource ?? '') + (d.error !== undefined ? ` — ${String(d.error)}` : '');
  const description = [where, `#${event.id}`, event.timestamp.slice(11, 23)].filter(Boolean).join('  ');
  let detail = JSON.stringify(d, null, 2) ?? '';
  if (detail.length > DETAIL_LIMIT) detail = `${detail.slice(0, DETAIL_LIMIT)}\n… (${detail.length - DETAIL_LIMIT} more characters: select the row for the whole event)`;
  return { label: event.type, description, detail: `#${event.id} ${event.type} at ${event.timestamp}\n${detail}` };
}
