import { el } from '../shared/dom';
import type { TaskAnswerData, WaitingTaskData } from '../shared/executionMessages';

interface Card {
  task: WaitingTaskData;
  root: HTMLElement;
  timers: HTMLElement;
  message: HTMLElement;
  buttons: HTMLButtonElement[];
  /** Epoch ms when TimeoutSeconds and HeartbeatSeconds run out (counted from when the task started waiting). */
  timeoutAt?: number;
  heartbeatAt?: number;
}

/** "42 s", "3 min 5 s", "2 h 10 min": how long until a deadline. */
export function formatRemaining(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  if (s < 120) return `${s} s`;
  if (s < 7200) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

/**
 * The tasks of the running execution that wait for their task token (`.waitForTaskToken`) or for an Activity worker,
 * each with Send success (a JSON output), Send failure (error and cause) and Send heartbeat, and its TimeoutSeconds
 * and HeartbeatSeconds counting down. Every value shown (state names, resources, tokens, messages) is text content.
 */
export class WaitingTasks {
  readonly element = el('section', undefined, 'waiting');
  private readonly heading = el('h3');
  private readonly list = el('div', undefined, 'waiting-list');
  private readonly cards = new Map<string, Card>();
  private ticker: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly send: (answer: TaskAnswerData) => void,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.element.append(this.heading, this.list);
    this.element.hidden = true;
  }

  /** A task started or stopped waiting. */
  update(task: WaitingTaskData): void {
    const token = String(task.token);
    const known = this.cards.get(token);
    if (!task.waiting) {
      known?.root.remove();
      this.cards.delete(token);
    } else if (!known) {
      const card = this.card(task);
      this.cards.set(token, card);
      this.list.append(card.root);
    }
    this.refresh();
  }

  /** The server's reply to an answer. */
  answered(token: string, kind: TaskAnswerData['kind'], ok: boolean, message?: string): void {
    const card = this.cards.get(token);
    if (!card) return;
    for (const b of card.buttons) b.disabled = false;
    if (!ok) return this.say(card, message ?? 'The answer was not taken', true);
    if (kind === 'heartbeat') {
      if (card.task.heartbeatSeconds) card.heartbeatAt = this.now() + card.task.heartbeatSeconds * 1000;
      this.say(card, 'Heartbeat sent', false);
      this.tick();
    } else {
      for (const b of card.buttons) b.disabled = true;
      this.say(card, kind === 'success' ? 'Success sent' : 'Failure sent', false);
    }
  }

  /** The run ended (or a new one started): nothing waits any more. */
  clear(): void {
    this.cards.clear();
    this.list.replaceChildren();
    this.refresh();
  }

  private refresh(): void {
    const n = this.cards.size;
    this.element.hidden = n === 0;
    this.heading.textContent = n === 1 ? '1 task waits for an answer' : `${n} tasks wait for an answer`;
    if (n > 0 && !this.ticker) this.ticker = setInterval(() => this.tick(), 1000);
    if (n === 0 && this.ticker) {
      clearInterval(this.ticker);
      this.ticker = undefined;
    }
    this.tick();
  }

  private tick(): void {
    const now = this.now();
    for (const card of this.cards.values()) {
      const parts: string[] = [];
      if (card.timeoutAt !== undefined) parts.push(`TimeoutSeconds: times out in ${formatRemaining(card.timeoutAt - now)}`);
      if (card.heartbeatAt !== undefined) parts.push(`HeartbeatSeconds: next heartbeat due in ${formatRemaining(card.heartbeatAt - now)}`);
      card.timers.textContent = parts.length > 0 ? parts.join(' · ') : 'No TimeoutSeconds: it waits until answered (AWS: up to a year)';
    }
  }

  private say(card: Card, text: string, error: boolean): void {
    card.message.textContent = text;
    card.message.className = `answer-message${error ? ' error' : ''}`;
  }

  private card(task: WaitingTaskData): Card {
    const token = String(task.token);
    const name = String(task.stateName);
    const root = el('div', undefined, 'waiting-task');
    root.dataset.state = name;
    const head = el('div', undefined, 'waiting-head');
    head.append(el('span', name, 'name'), el('span', task.activity ? 'Activity: waits for a worker' : 'waits for its task token', 'muted'));
    const resource = el('div', String(task.resource), 'muted resource');
    const tokenLine = el('div', `Task token: ${token}`, 'muted token');
    const timers = el('div', '', 'muted timers');

    const output = el('textarea', undefined, 'answer-output');
    output.placeholder = '{ }  (empty sends {})';
    output.rows = 3;
    output.spellcheck = false;
    output.setAttribute('aria-label', `Output for ${name} (JSON)`);
    const success = el('button', 'Send success', 'send-success');
    const error = el('input', undefined, 'answer-error');
    error.placeholder = 'Error (e.g. Payment.Declined)';
    error.setAttribute('aria-label', `Error for ${name}`);
    const cause = el('input', undefined, 'answer-cause');
    cause.placeholder = 'Cause';
    cause.setAttribute('aria-label', `Cause for ${name}`);
    const failure = el('button', 'Send failure', 'send-failure');
    const heartbeat = el('button', 'Send heartbeat', 'send-heartbeat secondary');
    const message = el('div', '', 'answer-message');
    message.setAttribute('role', 'status');

    const card: Card = { task, root, timers, message, buttons: [success, failure, heartbeat] };
    const started = this.now();
    if (task.timeoutSeconds) card.timeoutAt = started + task.timeoutSeconds * 1000;
    if (task.heartbeatSeconds) card.heartbeatAt = started + task.heartbeatSeconds * 1000;

    const submit = (answer: TaskAnswerData) => {
      for (const b of card.buttons) b.disabled = true;
      this.say(card, 'Sending…', false);
      this.send(answer);
    };
    success.addEventListener('click', () => {
      const text = output.value.trim() || '{}';
      try {
        JSON.parse(text);
      } catch (e) {
        return this.say(card, `The output is not valid JSON: ${(e as Error).message}`, true);
      }
      submit({ token, kind: 'success', output: text });
    });
    failure.addEventListener('click', () => submit({ token, kind: 'failure', error: error.value.trim(), cause: cause.value }));
    heartbeat.addEventListener('click', () => submit({ token, kind: 'heartbeat' }));

    const successRow = el('div', undefined, 'answer-row');
    successRow.append(output, success);
    const failureRow = el('div', undefined, 'answer-row');
    failureRow.append(error, cause, failure);
    root.append(head, resource, tokenLine, timers, el('div', 'Output (JSON), sent with SendTaskSuccess', 'muted label'), successRow, failureRow, heartbeat, message);
    return card;
  }
}
