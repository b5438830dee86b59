import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

/** What a CLI command may touch; tests pass their own. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Promise<string>;
  readStdin(): Promise<string>;
  cwd: string;
}

export function processIo(): CliIo {
  const cwd = process.cwd();
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readFile: (path) => readFile(resolve(cwd, path), 'utf8'),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    cwd,
  };
}

/** Exit codes shared by every command. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** For a command: prints `asl <command>: message` on stderr and gives the usage exit code. */
export function usageError(io: CliIo, command: string): (message: string) => number {
  return (message) => {
    io.stderr(`asl ${command}: ${message}\n`);
    return EXIT_USAGE;
  };
}
