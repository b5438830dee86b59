import type { ExecutionEventData } from '../shared/executionMessages';

/** A state's run, a Map iteration or a Parallel branch: a foldable group of history rows. */
export interface HistoryGroup {
  kind: 'state' | 'iteration' | 'branch';
  /** State name; for an iteration or branch, the owning Map or Parallel state's name. */
  name: string;
  /** State type (Task, Map…); the iteration index or branch number. */
  type?: string;
  index?: number;
  parent?: HistoryGroup;
  /** Its own events and its child groups, in history order. */
  items: (ExecutionEventData | HistoryGroup)[];
  status: 'running' | 'succeeded' | 'failed' | 'caught';
  retries: number;
  /** Every event under it, nested ones included (for the counts shown when folded). */
  size: number;
}

export function isGroup(item: ExecutionEventData | HistoryGroup): item is HistoryGroup {
  return 'items' in item;
}

export function detailsOf(event: ExecutionEventData): Record<string, unknown> | undefined {
  for (const key in event) if (key.endsWith('EventDetails')) return event[key] as Record<string, unknown>;
  return undefined;
}

const FAILURE = /Failed$|TimedOut$|Aborted$/;
/** A Task's new attempt (a retry after a failure): a service's, an Activity's or a Lambda function ARN's. */
const ATTEMPT = /^(?:Task|Activity|LambdaFunction)Scheduled$/;

/**
 * Groups a history by state, Map iteration and Parallel branch as events arrive, following previousEventId
 * (each state's Entered follows the previous state's Exited, or its iteration's or branch's start; its Task,
 * Map and Parallel events follow its Entered), so interleaved iterations land in their own group.
 */
export class HistoryTree {
  /** Top-level rows: execution events and the root block's states. */
  readonly root: (ExecutionEventData | HistoryGroup)[] = [];
  readonly events: ExecutionEventData[] = [];
  private readonly owner = new Map<number, HistoryGroup>();
  private readonly iterations = new Map<number, HistoryGroup>();
  private readonly typeOf = new Map<number, string>();
  /** Incremented on every change, so a view knows when to redraw. */
  version = 0;

  add(event: ExecutionEventData): void {
    this.version++;
    this.events.push(event);
    this.typeOf.set(event.id, event.type);
    const prevType = this.typeOf.get(event.previousEventId);
    const prevOwner = this.owner.get(event.previousEventId);
    const details = detailsOf(event);
    if (event.type.endsWith('StateEntered')) {
      let container: HistoryGroup | undefined;
      if (prevType === 'MapIterationStarted') container = this.iterations.get(event.previousEventId);
      else if (prevType === 'ParallelStateStarted' && prevOwner) {
        const branches = prevOwner.items.filter((i) => isGroup(i) && i.kind === 'branch').length;
        container = this.group(prevOwner, 'branch', prevOwner.name, undefined, branches + 1);
      } else if (prevType?.endsWith('StateExited') && prevOwner) container = prevOwner.parent;
      const state = this.group(container, 'state', String(details?.name ?? ''), event.type.slice(0, -'StateEntered'.length));
      state.items.push(event);
      this.count(state);
      this.owner.set(event.id, state);
      return;
    }
    const group = event.type.startsWith('Execution') ? undefined : prevOwner;
    if (!group) {
      this.root.push(event);
      return;
    }
    this.owner.set(event.id, group);
    if (event.type === 'MapIterationStarted') {
      const iteration = this.group(group, 'iteration', group.name, undefined, Number(details?.index ?? 0));
      iteration.items.push(event);
      this.count(iteration);
      this.iterations.set(event.id, iteration);
      return;
    }
    if (event.type === 'MapIterationSucceeded' || event.type === 'MapIterationFailed') {
      const iteration = group.items.find((i): i is HistoryGroup => isGroup(i) && i.kind === 'iteration' && i.index === Number(details?.index));
      if (iteration) {
        iteration.items.push(event);
        iteration.status = event.type === 'MapIterationFailed' ? 'failed' : 'succeeded';
        this.count(iteration);
        return;
      }
    }
    group.items.push(event);
    this.count(group);
    if (ATTEMPT.test(event.type) && group.status === 'failed') {
      group.retries++;
      group.status = 'running';
    } else if (FAILURE.test(event.type) && !event.type.startsWith('MapIteration')) group.status = 'failed';
    else if (event.type.endsWith('StateExited')) group.status = group.status === 'failed' ? 'caught' : 'succeeded';
  }

  private group(parent: HistoryGroup | undefined, kind: HistoryGroup['kind'], name: string, type?: string, index?: number): HistoryGroup {
    const group: HistoryGroup = { kind, name, type, index, parent, items: [], status: kind === 'branch' ? 'succeeded' : 'running', retries: 0, size: 0 };
    (parent ? parent.items : this.root).push(group);
    return group;
  }

  private count(group: HistoryGroup): void {
    for (let g: HistoryGroup | undefined = group; g; g = g.parent) g.size++;
  }
}

/** Whether an event matches the filter text: its type, its state or resource, its error, or its owning state's name. */
export function eventMatches(event: ExecutionEventData, owner: HistoryGroup | undefined, filter: string): boolean {
  const d = detailsOf(event);
  const text = `${event.type} ${String(d?.name ?? '')} ${String(d?.resource ?? '')} ${String(d?.error ?? '')}`.toLowerCase();
  for (let g = owner; g; g = g.parent) if (g.name.toLowerCase().includes(filter)) return true;
  return text.includes(filter);
}
