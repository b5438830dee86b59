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

/**
 * The real process. Text read loses a leading UTF-8 byte order mark, as an editor hides it, so that line:column
 * positions match what the editor shows. A closed stdout (`asl validate ... | head`) ends the command quietly.
 */
export function processIo(): CliIo {
  const cwd = process.cwd();
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? EXIT_OK);
  });
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readFile: async (path) => withoutBom(await readFile(resolve(cwd, path), 'utf8')),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return withoutBom(Buffer.concat(chunks).toString('utf8'));
    },
    cwd,
  };
}

export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
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
