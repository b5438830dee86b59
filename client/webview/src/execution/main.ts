import { el, pretty, valueBlock } from '../shared/dom';
import type { ExecutionEventData, FromExecutionView, ToExecutionView } from '../shared/executionMessages';
import { detailsOf, eventMatches, HistoryTree, isGroup, type HistoryGroup } from './historyTree';
import { WaitingTasks } from './waitingTasks';

declare function acquireVsCodeApi(): { postMessage(message: FromExecutionView): void };

const vscode = acquireVsCodeApi();
const app = document.getElementById('app')!;
const ROW_HEIGHT = 24;
const OVERSCAN = 20;

let tree = new HistoryTree();
let filter = '';
const expanded = new Set<HistoryGroup>();
let selected: ExecutionEventData | undefined;
/** Set when a run finished and the view has not drawn it yet (it then tells the extension, for timings). */
let finishedUndrawn = false;

const header = el('header');
const title = el('h2', 'Execution');
const status = el('span', 'RUNNING', 'status RUNNING');
const duration = el('span', '', 'muted');
const rerun = el('button', 'Run again');
rerun.addEventListener('click', () => vscode.postMessage({ type: 'rerun' }));
header.append(title, status, duration, rerun);
const meta = el('div', '', 'muted');
const result = el('section');
const waiting = new WaitingTasks((answer) => vscode.postMessage({ type: 'sendTaskAnswer', answer }));
const search = el('input');
search.type = 'search';
search.placeholder = 'Filter events (type, state name, error)…';
search.addEventListener('input', () => {
  filter = search.value.trim().toLowerCase();
  scroller.scrollTop = 0;
  schedule();
});
const count = el('span', '', 'muted count');
const head = el('div', undefined, 'row head');
for (const h of ['#', 'Type', 'State / resource', 'Time']) head.append(el('span', h));
const scroller = el('div', undefined, 'history');
const spacer = el('div', undefined, 'spacer');
scroller.append(spacer);
scroller.addEventListener('scroll', () => schedule());
const detailsPane = el('section', undefined, 'details');
app.append(header, meta, result, waiting.element, el('h3', 'History'), search, count, head, scroller, detailsPane);

type Row = { event: ExecutionEventData; depth: number; owner?: HistoryGroup } | { group: HistoryGroup; depth: number };

/** The rows to show: the tree with its unfolded groups, or, with a filter, every matching event. */
function visibleRows(): Row[] {
  const rows: Row[] = [];
  if (filter) {
    const walk = (items: HistoryTree['root'], owner: HistoryGroup | undefined) => {
      for (const item of items) {
        if (isGroup(item)) walk(item.items, item);
        else if (eventMatches(item, owner, filter)) rows.push({ event: item, depth: 0, owner });
      }
    };
    walk(tree.root, undefined);
    return rows;
  }
  const walk = (items: HistoryTree['root'], depth: number) => {
    for (const item of items) {
      if (isGroup(item)) {
        rows.push({ group: item, depth });
        if (expanded.has(item)) walk(item.items, depth + 1);
      } else rows.push({ event: item, depth });
    }
  };
  walk(tree.root, 0);
  return rows;
}

let rows: Row[] = [];
let pending = false;
/** Redraws on the next frame, once however many events or scrolls came in between. */
function schedule(): void {
  if (pending) return;
  pending = true;
  requestAnimationFrame(() => {
    pending = false;
    draw();
  });
}

function draw(): void {
  rows = visibleRows();
  count.textContent = filter ? `${rows.length} of ${tree.events.length} events` : `${tree.events.length} events`;
  spacer.style.height = `${rows.length * ROW_HEIGHT}px`;
  const first = Math.max(0, Math.floor(scroller.scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scroller.scrollTop + scroller.clientHeight) / ROW_HEIGHT) + OVERSCAN);
  const drawn: HTMLElement[] = [];
  for (let i = first; i < last; i++) drawn.push(rowElement(rows[i], i));
  spacer.replaceChildren(...drawn);
  if (finishedUndrawn) {
    finishedUndrawn = false;
    vscode.postMessage({ type: 'drawn', events: tree.events.length, pageMs: Math.round(performance.now()) });
  }
}

function groupLabel(g: HistoryGroup): string {
  if (g.kind === 'iteration') return `Iteration ${g.index}`;
  if (g.kind === 'branch') return `Branch ${g.index}`;
  return g.name;
}

function rowElement(row: Row, index: number): HTMLElement {
  const div = el('div');
  div.style.top = `${index * ROW_HEIGHT}px`;
  div.style.paddingLeft = `${8 + row.depth * 16}px`;
  if ('group' in row) {
    const g = row.group;
    div.className = `row group ${g.kind} ${g.status}`;
    const open = expanded.has(g);
    div.setAttribute('aria-expanded', String(open));
    const notes = [`${g.size} events`, g.retries ? `${g.retries} ${g.retries === 1 ? 'retry' : 'retries'}` : '', g.status === 'failed' || g.status === 'caught' ? g.status : ''].filter(Boolean).join(' · ');
    div.append(el('span', open ? '▾' : '▸', 'twisty'), el('span', groupLabel(g), 'name'), el('span', g.kind === 'state' ? (g.type ?? '') : '', 'muted'), el('span', notes, 'muted'));
    div.addEventListener('click', () => {
      if (open) expanded.delete(g);
      else expanded.add(g);
      schedule();
    });
    return div;
  }
  const event = row.event;
  const d = detailsOf(event) ?? {};
  div.className = `row event${/Failed|TimedOut|Aborted/.test(event.type) ? ' failed' : ''}${event === selected ? ' selected' : ''}`;
  const where = String(d.name ?? d.resource ?? '') + (d.error ? ` — ${String(d.error)}` : '');
  const owner = 'owner' in row && row.owner ? ownerPath(row.owner) : '';
  div.append(el('span', String(event.id)), el('span', event.type), el('span', owner && where ? `${where} (${owner})` : where || owner), el('span', event.timestamp.slice(11, 23)));
  div.addEventListener('click', () => {
    selected = event;
    showDetails(event);
    schedule();
  });
  return div;
}

function ownerPath(group: HistoryGroup): string {
  const parts: string[] = [];
  for (let g: HistoryGroup | undefined = group; g; g = g.parent) parts.unshift(groupLabel(g));
  return parts.join(' › ');
}

function showDetails(event: ExecutionEventData): void {
  const d = detailsOf(event) ?? {};
  detailsPane.replaceChildren(el('h3', `#${event.id} ${event.type}${d.name ? ` — ${String(d.name)}` : ''}`));
  for (const key of ['input', 'output', 'parameters', 'error', 'cause']) {
    if (d[key] !== undefined) detailsPane.append(el('div', key, 'muted'), valueBlock(pretty(d[key])));
  }
}

/** The groups an item sits in, outermost first (none for a top-level row). */
function groupsAround(target: ExecutionEventData, items: HistoryTree['root'] = tree.root): HistoryGroup[] | undefined {
  for (const item of items) {
    if (item === target) return [];
    if (isGroup(item)) {
      const inner = groupsAround(target, item.items);
      if (inner) return [item, ...inner];
    }
  }
  return undefined;
}

/** Unfolds the groups around an event, scrolls it into the middle of the list and shows its details. */
function select(id: number): void {
  const event = tree.events.find((e) => e.id === id);
  if (!event) return;
  for (const group of groupsAround(event) ?? []) expanded.add(group);
  if (filter) {
    filter = '';
    search.value = '';
  }
  selected = event;
  showDetails(event);
  const index = visibleRows().findIndex((row) => 'event' in row && row.event === event);
  scroller.scrollTop = Math.max(0, index * ROW_HEIGHT - scroller.clientHeight / 2);
  draw();
  detailsPane.scrollIntoView({ block: 'nearest' });
}

function showStatus(value: string): void {
  status.textContent = value;
  status.className = `status ${value}`;
}

window.addEventListener('message', (message: MessageEvent<ToExecutionView>) => {
  const data = message.data;
  if (data.type === 'started') {
    tree = new HistoryTree();
    expanded.clear();
    selected = undefined;
    detailsPane.replaceChildren();
    title.textContent = `Execution of ${data.machine}`;
    meta.textContent = `Input: ${data.input}${data.testCase ? ` · Test case: ${data.testCase}` : ''}`;
    showStatus('RUNNING');
    duration.textContent = '';
    result.replaceChildren();
    waiting.clear();
    schedule();
  } else if (data.type === 'events') {
    for (const event of data.events) tree.add(event);
    schedule();
  } else if (data.type === 'select') {
    select(data.id);
  } else if (data.type === 'waiting') {
    waiting.update(data.task);
  } else if (data.type === 'answered') {
    waiting.answered(data.token, data.kind, data.ok, data.message);
  } else if (data.type === 'finished') {
    finishedUndrawn = true;
    waiting.clear();
    showStatus(data.status);
    duration.textContent = data.durationMs !== undefined ? `${Math.round(data.durationMs)} ms` : '';
    result.replaceChildren();
    if (data.status === 'SUCCEEDED') result.append(el('h3', 'Output'), valueBlock(JSON.stringify(data.output, null, 2) ?? 'undefined'));
    else {
      result.append(el('h3', 'Error'), valueBlock(`${data.error ?? ''}\n${data.cause ?? ''}`));
      for (const p of data.problems ?? []) result.append(el('div', `${p.line}:${p.column} ${p.code} ${p.message}`));
    }
    schedule();
  }
});

vscode.postMessage({ type: 'ready' });
