import { createHash } from 'node:crypto';
import type { IntrinsicServices } from '../../../server/src/interpreter/intrinsicsEval';
import { runExecution } from '../../../server/src/interpreter/runExecution';
import type { ExecutionResult, TaskInvoker } from '../../../server/src/interpreter/types';
import { VirtualClock } from '../../../server/src/interpreter/virtualClock';

/** Repeatable services: a counter UUID, a fixed random, real hashes and Base64. */
export const testServices: IntrinsicServices = {
  uuid: (() => {
    let n = 0;
    return () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
  })(),
  random: () => 0.5,
  hash: (data, alg) => createHash({ MD5: 'md5', 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' }[alg]!).update(data).digest('hex'),
  base64Encode: (t) => Buffer.from(t).toString('base64'),
  base64Decode: (t) => Buffer.from(t, 'base64').toString(),
};

export const START = Date.parse('2026-01-01T00:00:00Z');

export function run(definition: unknown, input: unknown = {}, invokeTask?: TaskInvoker, extra: { maxEvents?: number; stateMachineType?: 'STANDARD' | 'EXPRESS' } = {}): Promise<ExecutionResult> {
  return runExecution({
    definition,
    input,
    invokeTask: invokeTask ?? (async (r) => ({ echoed: r.input })),
    clock: new VirtualClock(START),
    services: testServices,
    ...extra,
  });
}

/** A one-state machine. */
export function single(state: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return { StartAt: 'S', States: { S: { End: true, ...state } }, ...extra };
}
