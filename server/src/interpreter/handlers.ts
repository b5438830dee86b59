import { StatesError } from './statesError';
import type { TaskInvoker } from './types';

export type TaskHandler = (input: unknown, context: unknown) => unknown;

export interface HandlerOptions {
  /** Ends a pending handler call when the execution is aborted (the handler's promise is left behind). */
  signal?: AbortSignal;
  /**
   * A state's TimeoutSeconds, to bound a handler in real time while the execution's clock is virtual: handler code
   * takes real time, and a handler that never settles then fails with States.Timeout as on AWS.
   */
  timeoutSecondsOf?: (stateName: string) => number | undefined;
  /** Waits for real (injected: the interpreter reads no clock). Needed with `timeoutSecondsOf`. */
  realSleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Told when a handler call starts and settles, so a runner can say which one never settled. */
  onPending?: (stateName: string, pending: boolean) => void;
}

/**
 * A task invoker calling local handler functions, looked up by state name, then by Resource ARN (asl-reference §9:
 * `lambda:invoke` returns `{Payload, StatusCode, ...}`; a direct Lambda ARN returns the result unwrapped).
 * An error thrown with a `name` becomes that error, its message the cause. Handlers get deep copies of the input
 * and the context, and their result is copied as JSON (as a Lambda's result is), so a handler holds no live
 * reference into the execution.
 */
export function handlerInvoker(handlers: Record<string, TaskHandler>, fallback: TaskInvoker, options: HandlerOptions = {}): TaskInvoker {
  const own = (key: string) => (Object.hasOwn(handlers, key) ? handlers[key] : undefined);
  return async (request) => {
    const base = request.resource.replace(/\.(sync:2|sync|waitForTaskToken)$/, '');
    const handler = own(request.stateName) ?? own(request.resource) ?? own(base);
    if (!handler) return fallback(request);
    let result: unknown;
    try {
      const payload = base.endsWith(':lambda:invoke') ? ((request.input as Record<string, unknown>)?.Payload ?? request.input) : request.input;
      // A callback task's handler finds sendTaskSuccess / sendTaskFailure / sendTaskHeartbeat on its context (bound
      // to its token), to answer now or later; its own result is the service's response.
      const context = request.callback ? { ...(structuredClone(request.context) as object), ...request.callback } : structuredClone(request.context);
      result = await settle(request.stateName, Promise.resolve().then(() => handler(structuredClone(payload), context)), options);
    } catch (error) {
      if (error instanceof StatesError) throw error;
      const e = error as { name?: string; message?: string };
      const name = typeof e?.name === 'string' && e.name !== 'Error' ? e.name : 'Error';
      throw new StatesError(name, typeof e?.message === 'string' ? e.message : String(error));
    }
    result = copyResult(request.stateName, result);
    if (base.endsWith(':lambda:invoke')) {
      return { ExecutedVersion: '$LATEST', Payload: result, SdkHttpMetadata: { HttpStatusCode: 200 }, StatusCode: 200 };
    }
    return result;
  };
}

/** Waits for a handler's promise, or the abort, or the state's TimeoutSeconds in real time, whichever comes first. */
async function settle(stateName: string, call: Promise<unknown>, options: HandlerOptions): Promise<unknown> {
  const stop = new AbortController();
  const races: Promise<unknown>[] = [call];
  const { signal, realSleep } = options;
  if (signal) {
    if (signal.aborted) throw new StatesError('States.Aborted', 'The execution was aborted');
    races.push(new Promise((_, reject) => {
      const onAbort = () => reject(new StatesError('States.Aborted', `The execution was aborted while Task '${stateName}' was running`));
      signal.addEventListener('abort', onAbort, { once: true });
      stop.signal.addEventListener('abort', () => signal.removeEventListener('abort', onAbort), { once: true });
    }));
  }
  const seconds = options.timeoutSecondsOf?.(stateName);
  if (seconds !== undefined && realSleep) {
    races.push(realSleep(seconds * 1000, stop.signal).then(() => {
      if (!stop.signal.aborted) throw new StatesError('States.Timeout', `Task '${stateName}' timed out after ${seconds} seconds (its handler did not settle)`);
    }));
  }
  options.onPending?.(stateName, true);
  try {
    return await (races.length === 1 ? call : Promise.race(races));
  } finally {
    stop.abort();
    options.onPending?.(stateName, false);
  }
}

/** A handler's result as the service would return it: JSON, so no function, cycle or live reference survives. */
function copyResult(stateName: string, result: unknown): unknown {
  if (result === undefined) return undefined;
  try {
    const text = JSON.stringify(result);
    return text === undefined ? undefined : JSON.parse(text);
  } catch (error) {
    throw new StatesError('States.Runtime', `Task '${stateName}': the handler's result is not JSON (${(error as Error).message})`);
  }
}
