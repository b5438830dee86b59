import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CliIo } from '../../../server/src/cli/cliIo';

/** A CliIo that reads real files under `cwd`, takes `stdin` as given and keeps what the command prints. */
export function memoryIo(cwd: string, stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (s) => out.push(s),
    stderr: (s) => err.push(s),
    readFile: (p) => readFile(resolve(cwd, p), 'utf8'),
    readStdin: async () => stdin,
    cwd,
  };
  return { io, out: () => out.join(''), err: () => err.join('') };
}
