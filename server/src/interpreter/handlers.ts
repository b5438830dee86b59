import { StatesError } from './statesError';
import type { TaskInvoker } from './types';

export type TaskHandler = (input: unknown, context: unknown) => unknown;

/**
 * A task invoker calling local handler functions, looked up by state name, then by Resource ARN (asl-reference §9:
 * `lambda:invoke` returns `{Payload, StatusCode, ...}`; a direct Lambda ARN returns the result unwrapped).
 * An error thrown with a `name` becomes that error, its message the cause.
 */
export function handlerInvoker(handlers: Record<string, TaskHandler>, fallback: TaskInvoker): TaskInvoker {
  return async (request) => {
    const base = request.resource.replace(/\.(sync:2|sync|waitForTaskToken)$/, '');
    const handler = handlers[request.stateName] ?? handlers[request.resource] ?? handlers[base];
    if (!handler) return fallback(request);
    let result: unknown;
    try {
      const payload = base.endsWith(':lambda:invoke') ? ((request.input as Record<string, unknown>)?.Payload ?? request.input) : request.input;
      result = await handler(payload, request.context);
    } catch (error) {
      const e = error as { name?: string; message?: string };
      const name = typeof e?.name === 'string' && e.name !== 'Error' ? e.name : 'Error';
      throw new StatesError(name, typeof e?.message === 'string' ? e.message : String(error));
    }
    if (base.endsWith(':lambda:invoke')) {
      return { ExecutedVersion: '$LATEST', Payload: result, SdkHttpMetadata: { HttpStatusCode: 200 }, StatusCode: 200 };
    }
    return result;
  };
}
