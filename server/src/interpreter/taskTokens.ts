import { StatesError } from './statesError';

/** An answer to a task token: SendTaskSuccess, SendTaskFailure or SendTaskHeartbeat. */
export type TaskAnswer =
  | { kind: 'success'; output: unknown }
  | { kind: 'failure'; error?: string; cause?: string }
  | { kind: 'heartbeat' };

/** The functions a handler finds on its context for a `.waitForTaskToken` or Activity task (like the AWS SDK's). */
export interface TaskTokenApi {
  sendTaskSuccess(output: unknown): void;
  sendTaskFailure(error?: string, cause?: string): void;
  sendTaskHeartbeat(): void;
}

/** A task waiting for its token, as the host lists it for the user. */
export interface WaitingTask {
  token: string;
  stateName: string;
  resource: string;
  /** An Activity task (it waits for a worker), not a `.waitForTaskToken` one. */
  activity?: boolean;
  /** The task's TimeoutSeconds and HeartbeatSeconds as resolved for this attempt (the view counts them down). */
  timeoutSeconds?: number;
  heartbeatSeconds?: number;
  /** True while the task waits; false once it got its answer or timed out. */
  waiting: boolean;
}

interface Pending {
  answered?: TaskAnswer;
  /** onWaiting was told this task waits (so it is told when it stops). */
  announced?: boolean;
  /** SendTaskSuccess or SendTaskFailure came: no other answer is taken. */
  closed?: boolean;
  resolve?: (answer: TaskAnswer) => void;
  info: WaitingTask;
}

/**
 * The task tokens of one execution (developer guide, "Wait for a Callback with Task Token"; "Activities"): each
 * `.waitForTaskToken` or Activity task registers its token and waits until SendTaskSuccess or SendTaskFailure
 * answers it; SendTaskHeartbeat only says it is alive. Answers come from a mock, from a handler (through its
 * context) or from the user (through the host); an answer to a token that is not waiting is refused, as AWS
 * answers TaskDoesNotExist / InvalidToken.
 */
export class TaskTokens {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly onWaiting?: (task: WaitingTask) => void) {}

  /** Registers a token before the task starts, so that an answer sent at once is kept. */
  expect(info: Omit<WaitingTask, 'waiting'>): TaskTokenApi {
    this.pending.set(info.token, { info: { ...info, waiting: true } });
    const send = (answer: TaskAnswer) => {
      if (!this.answer(info.token, answer)) throw new StatesError('TaskTimedOut', `Task token '${info.token}' is not waiting for an answer (it was answered or timed out)`);
    };
    return {
      sendTaskSuccess: (output) => send({ kind: 'success', output: copyJson(output) }),
      sendTaskFailure: (error, cause) => send({ kind: 'failure', error: error === undefined ? undefined : String(error), cause: cause === undefined ? undefined : String(cause) }),
      sendTaskHeartbeat: () => send({ kind: 'heartbeat' }),
    };
  }

  /**
   * The next answer for a token (a heartbeat resolves too, so that the caller can reset its heartbeat timer).
   * Tells `onWaiting` the first time the task is left waiting with no answer yet.
   */
  next(token: string): Promise<TaskAnswer> {
    const entry = this.pending.get(token);
    if (!entry) return Promise.reject(new StatesError('States.Runtime', `Task token '${token}' is unknown`));
    if (entry.answered) {
      const answer = entry.answered;
      entry.answered = undefined;
      return Promise.resolve(answer);
    }
    return new Promise((resolve) => {
      entry.resolve = resolve;
      if (!entry.announced) {
        entry.announced = true;
        this.onWaiting?.(entry.info);
      }
    });
  }

  /** The answer already delivered for a token, if any (taken: the next one is waited for). */
  take(token: string): TaskAnswer | undefined {
    const entry = this.pending.get(token);
    const answer = entry?.answered;
    if (entry) entry.answered = undefined;
    return answer;
  }

  /** Delivers an answer; false when the token is not waiting (never issued, answered, or timed out). */
  answer(token: string, answer: TaskAnswer): boolean {
    const entry = this.pending.get(token);
    if (!entry || entry.closed) return false;
    if (answer.kind !== 'heartbeat') entry.closed = true;
    const resolve = entry.resolve;
    entry.resolve = undefined;
    if (resolve) resolve(answer);
    else if (!entry.answered || entry.answered.kind === 'heartbeat') entry.answered = answer;
    return true;
  }

  /** Stops waiting for a token (answered, timed out or the run ended): later answers are refused. */
  settle(token: string): void {
    const entry = this.pending.get(token);
    if (!entry) return;
    this.pending.delete(token);
    if (entry.announced) this.onWaiting?.({ ...entry.info, waiting: false });
  }

  /** The tasks waiting now. */
  waiting(): WaitingTask[] {
    return [...this.pending.values()].map((p) => p.info);
  }
}

/** An answer's output as a service would carry it: JSON, so no live reference reaches the execution. */
function copyJson(value: unknown): unknown {
  const text = JSON.stringify(value);
  if (text === undefined) throw new StatesError('States.Runtime', 'SendTaskSuccess needs a JSON output');
  return JSON.parse(text);
}

/** A `.waitForTaskToken` or Activity resource: the task waits for an answer to its token. */
export function isCallbackResource(resource: unknown): boolean {
  return typeof resource === 'string' && (resource.endsWith('.waitForTaskToken') || isActivityResource(resource));
}

export function isActivityResource(resource: string): boolean {
  return /^arn:[^:]+:states:[^:]*:[^:]*:activity:/.test(resource);
}
