import type * as Crypto from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { IntrinsicServices } from '../interpreter/intrinsicsEval';
import type { TaskHandler } from '../interpreter/handlers';
import type { Clock } from '../interpreter/types';

let crypto: typeof Crypto | undefined;
/** node:crypto, loaded when an intrinsic first needs it (a worker that never hashes starts about 8 ms sooner). */
function nodeCrypto(): typeof Crypto {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a deferred load of a built-in module
  crypto ??= require('node:crypto') as typeof Crypto;
  return crypto;
}

const ALGORITHMS: Record<string, string> = { MD5: 'md5', 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' };

/** Randomness, hashing and Base64 from Node for the pure interpreter. */
export const nodeServices: IntrinsicServices = {
  uuid: () => nodeCrypto().randomUUID(),
  random: () => Math.random(),
  hash: (data, algorithm) => nodeCrypto().createHash(ALGORITHMS[algorithm] ?? 'sha256').update(data, 'utf8').digest('hex'),
  base64Encode: (text) => Buffer.from(text, 'utf8').toString('base64'),
  base64Decode: (text) => Buffer.from(text, 'base64').toString('utf8'),
};

/** setTimeout's longest delay: a longer one fires at once (Node's TimeoutOverflowWarning). */
const MAX_TIMEOUT_MS = 2_147_483_647;

/**
 * Waits for real (`--real-time`, and a task waiting for its token's answer). A wait longer than setTimeout's
 * ~24.8 days (TimeoutSeconds up to 99999999, an execution's year) is made of several timers.
 */
export const realClock: Clock = {
  real: true,
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((done) => {
      const until = Date.now() + ms;
      let timer: ReturnType<typeof setTimeout>;
      const wait = () => {
        const left = until - Date.now();
        if (left <= 0) return done();
        timer = setTimeout(left > MAX_TIMEOUT_MS ? wait : done, Math.min(left, MAX_TIMEOUT_MS));
      };
      wait();
      signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        done();
      }, { once: true });
    }),
};

/** Loads a handlers module: its `handlers` export, or its default export, maps state names or ARNs to functions. */
export async function loadHandlers(path: string, cwd: string): Promise<Record<string, TaskHandler>> {
  const module = (await import(pathToFileURL(resolve(cwd, path)).href)) as { handlers?: unknown; default?: unknown };
  const table = module.handlers ?? module.default;
  if (!table || typeof table !== 'object') throw new Error(`${path} must export 'handlers' (or a default export): an object mapping state names or Resource ARNs to functions`);
  for (const [key, value] of Object.entries(table)) {
    if (typeof value !== 'function') throw new Error(`${path}: handler '${key}' is not a function`);
  }
  return table as Record<string, TaskHandler>;
}
