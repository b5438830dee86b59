import { el, pretty } from '../shared/dom';
import type { ExecutionEventData, FromExecutionView, ToExecutionView } from '../shared/executionMessages';

declare function acquireVsCodeApi(): { postMessage(message: FromExecutionView): void };

const vscode = acquireVsCodeApi();
const app = document.getElementById('app')!;
let events: ExecutionEventData[] = [];
let filter = '';


const header = el('header');
const title = el('h2', 'Execution');
const status = el('span', 'RUNNING', 'status RUNNING');
const duration = el('span', '', 'muted');
const rerun = el('button', 'Run again');
rerun.addEventListener('click', () => vscode.postMessage({ type: 'rerun' }));
header.append(title, status, duration, rerun);
const meta = el('div', '', 'muted');
const result = el('section');
const search = el('input');
search.type = 'search';
search.placeholder = 'Filter events (type, state name, error)…';
search.addEventListener('input', () => {
  filter = search.value.toLowerCase();
  renderTable();
});
const table = el('table');
app.append(header, meta, result, el('h3', 'History'), search, table);

function details(event: ExecutionEventData): Record<string, unknown> | undefined {
  return Object.entries(event).find(([k]) => k.endsWith('EventDetails'))?.[1] as Record<string, unknown> | undefined;
}


function renderTable(): void {
  table.replaceChildren();
  const head = el('tr');
  for (const h of ['#', 'Type', 'State / resource', 'Time']) head.append(el('th', h));
  table.append(head);
  for (const event of events) {
    const d = details(event) ?? {};
    const name = String(d.name ?? d.resource ?? '');
    const text = `${event.type} ${name} ${String(d.error ?? '')}`.toLowerCase();
    if (filter && !text.includes(filter)) continue;
    const row = el('tr', undefined, `event${/Failed|TimedOut|Aborted/.test(event.type) ? ' failed' : ''}`);
    row.append(el('td', String(event.id)), el('td', event.type), el('td', name + (d.error ? ` — ${String(d.error)}` : '')), el('td', event.timestamp.slice(11, 23)));
    const expanded = el('tr', undefined, 'details');
    expanded.hidden = true;
    const cell = el('td');
    cell.colSpan = 4;
    for (const key of ['input', 'output', 'parameters', 'cause']) {
      if (d[key] !== undefined) cell.append(el('div', key, 'muted'), el('pre', pretty(d[key])));
    }
    expanded.append(cell);
    row.addEventListener('click', () => {
      expanded.hidden = !expanded.hidden;
    });
    table.append(row, expanded);
  }
}

function showStatus(value: string): void {
  status.textContent = value;
  status.className = `status ${value}`;
}

window.addEventListener('message', (message: MessageEvent<ToExecutionView>) => {
  const data = message.data;
  if (data.type === 'started') {
    events = [];
    title.textContent = `Execution of ${data.machine}`;
    meta.textContent = `Input: ${data.input}${data.testCase ? ` · Test case: ${data.testCase}` : ''}`;
    showStatus('RUNNING');
    duration.textContent = '';
    result.replaceChildren();
    renderTable();
  } else if (data.type === 'event') {
    events.push(data.event);
    if (events.length % 50 === 1 || events.length < 200) renderTable();
  } else if (data.type === 'finished') {
    showStatus(data.status);
    duration.textContent = data.durationMs !== undefined ? `${Math.round(data.durationMs)} ms` : '';
    result.replaceChildren();
    if (data.status === 'SUCCEEDED') result.append(el('h3', 'Output'), el('pre', JSON.stringify(data.output, null, 2)));
    else {
      result.append(el('h3', 'Error'), el('pre', `${data.error ?? ''}\n${data.cause ?? ''}`));
      for (const p of data.problems ?? []) result.append(el('div', `${p.line}:${p.column} ${p.code} ${p.message}`));
    }
    renderTable();
  }
});

vscode.postMessage({ type: 'ready' });
