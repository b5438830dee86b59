import { el, valueBlock } from '../shared/dom';
import type { FromTestStateView, TestStateOutcome, TestStateStep, ToTestStateView } from '../shared/testStateMessages';
import { jsonDiff } from './jsonDiff';

declare function acquireVsCodeApi(): { postMessage(message: FromTestStateView): void };

const vscode = acquireVsCodeApi();
const app = document.getElementById('app')!;

const header = el('header');
const title = el('h2', 'Test State');
const status = el('span', '', 'status');
status.hidden = true;
const next = el('span', '', 'next');
const actions = el('div', undefined, 'actions');
const button = (label: string, message: FromTestStateView, secondary = false) => {
  const b = el('button', label, secondary ? 'secondary' : undefined);
  b.addEventListener('click', () => vscode.postMessage(message));
  return b;
};
const testCaseButton = button('Test case…', { type: 'changeTestCase' }, true);
actions.append(button('Run again', { type: 'rerun' }), button('Change input…', { type: 'changeInput' }, true), testCaseButton);
header.append(title, status, next, actions);
const meta = el('div', '', 'muted meta');
const problem = el('section', undefined, 'problem');
const table = el('table', undefined, 'steps');
app.append(header, meta, problem, table);

function showStatus(value: string): void {
  status.hidden = false;
  status.textContent = value;
  status.className = `status ${value}`;
}

function render(outcome: TestStateOutcome): void {
  showStatus(outcome.status);
  next.textContent = outcome.nextState ? `→ ${outcome.nextState}` : '';
  problem.replaceChildren();
  if (outcome.missingMock !== undefined) {
    problem.className = 'problem setup';
    const open = el('button', 'Open mock file');
    open.addEventListener('click', () => vscode.postMessage({ type: 'openMocks' }));
    problem.append(el('h3', `Setup: Task '${outcome.missingMock}' has no mock`), el('p', outcome.cause ?? ''), open);
  } else if (outcome.error) {
    problem.className = 'problem error';
    problem.append(el('h3', outcome.error), el('p', outcome.cause ?? ''));
  }
  table.replaceChildren();
  const head = el('tr', undefined, 'head');
  for (const h of ['Step', 'As written', 'Value after', 'What changed']) head.append(el('th', h));
  table.append(head);
  let previous: unknown;
  for (const step of outcome.steps ?? []) {
    table.append(stepRow(step, previous));
    if (step.reached && step.step !== 'Assign') previous = step.value;
  }
  if (outcome.status === 'CAUGHT_ERROR' && outcome.output !== undefined) {
    table.append(stepRow({ step: 'Catch output', value: outcome.output, reached: true }, previous));
  }
}

function stepRow(step: TestStateStep, previous: unknown): HTMLTableRowElement {
  const row = el('tr', undefined, `step${step.field === undefined && step.step !== 'Input' && !step.step.endsWith('output') ? ' unset' : ''}${step.reached ? '' : ' unreached'}`);
  row.dataset.step = step.step;
  row.append(el('th', step.step));
  const written = el('td', undefined, 'field');
  if (step.field !== undefined) written.append(valueBlock(JSON.stringify(step.field, null, 2) ?? String(step.field), 'code'));
  else if (step.step !== 'Input') written.append(el('span', 'not set', 'muted'));
  const value = el('td');
  const changed = el('td', undefined, 'changes');
  if (!step.reached) {
    value.append(el('span', 'not reached', 'muted'));
  } else {
    value.append(valueBlock(JSON.stringify(step.value, null, 2) ?? 'undefined'));
    if (step.step === 'Input') changed.append(el('span', '', 'muted'));
    else if (step.step === 'Result') changed.append(el('span', "the state's result", 'muted'));
    else changed.append(changeList('before' in step ? step.before : previous, step.value));
  }
  // A narrow view stacks the cells under the step's name, each introduced by its column's name (testStateCss).
  written.dataset.label = 'As written';
  value.dataset.label = 'Value after';
  changed.dataset.label = 'What changed';
  row.append(written, value, changed);
  return row;
}

function changeList(before: unknown, after: unknown): HTMLElement {
  const { changes, more } = jsonDiff(before, after);
  if (changes.length === 0) return el('span', 'unchanged', 'muted');
  const list = el('ul');
  for (const c of changes) {
    const text = c.kind === 'added' ? `+ ${c.path}: ${c.after}` : c.kind === 'removed' ? `− ${c.path}` : `~ ${c.path}: ${c.before} → ${c.after}`;
    list.append(el('li', text, c.kind));
  }
  if (more > 0) list.append(el('li', `… ${more} more`, 'muted'));
  return list;
}

window.addEventListener('message', (message: MessageEvent<ToTestStateView>) => {
  const data = message.data;
  if (data.type === 'running') {
    title.textContent = `Test State: ${data.state}`;
    meta.textContent = `${data.machine} · Input: ${data.input}${data.testCase ? ` · Test case: ${data.testCase}` : ''}${data.mocks ? ` (${data.mocks})` : ''}`;
    testCaseButton.hidden = !data.mocks;
    showStatus('RUNNING');
    next.textContent = '';
  } else if (data.type === 'result') {
    render(data.outcome);
  }
});

vscode.postMessage({ type: 'ready' });
