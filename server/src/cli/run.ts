import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { handlerInvoker } from '../interpreter/handlers';
import { findTestCase, MockConfigError, mockInvoker, readMockConfig, unmockedInvoker } from '../interpreter/mocks';
import { prepareDefinition, runExecution } from '../interpreter/runExecution';
import type { TaskInvoker } from '../interpreter/types';
import { VirtualClock } from '../interpreter/virtualClock';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, usageError, type CliIo } from './cliIo';
import { formatHistory } from './formatHistory';
import { loadHandlers, nodeServices, realClock } from '../runtime/nodeRuntime';
import { parseArgs } from './parseArgs';

export const RUN_USAGE = `Usage: asl run FILE [--input FILE|-] [--mocks FILE --test-case NAME] [--handlers FILE] [--results-dir DIR] [--real-time] [--json]

Runs a state machine locally with the semantics AWS documents.
  --input FILE|-      the execution input (JSON; '-' reads stdin; default {})
  --mocks FILE        an AWS Step Functions Local MockConfigFile; with --test-case NAME
  --handlers FILE     a module whose 'handlers' (or default) export maps state names or ARNs to functions
  --results-dir DIR   where a Distributed Map's ResultWriter writes its files (DIR/bucket/prefix/...)
  --real-time         wait for real in Wait states and retries (default: virtual time)
  --json              print {status, output, error, cause, events}
Exit status: 0 succeeded, 1 failed, 2 usage error, unreadable input or invalid definition.
`;

export async function main(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { input: 'string', mocks: 'string', 'test-case': 'string', handlers: 'string', 'results-dir': 'string', 'real-time': 'boolean', json: 'boolean', help: 'boolean' });
  if (args.flags.help) {
    io.stdout(RUN_USAGE);
    return EXIT_OK;
  }
  const usage = usageError(io, 'run');
  if (args.error) return usage(`${args.error}\n\n${RUN_USAGE}`);
  if (args.positionals.length !== 1) return usage(`give exactly one state machine file\n\n${RUN_USAGE}`);
  const file = args.positionals[0];
  const readJson = async (what: string, path: string): Promise<unknown> => {
    const text = path === '-' ? await io.readStdin() : await io.readFile(path);
    try {
      return JSON.parse(text);
    } catch (error) {
      const position = /position (\d+)/.exec(String(error))?.[1];
      const where = position ? ` at line ${text.slice(0, Number(position)).split('\n').length}, column ${Number(position) - text.lastIndexOf('\n', Number(position) - 1)}` : '';
      throw new Error(`${what} ${path} is not valid JSON${where}: ${(error as Error).message}`, { cause: error });
    }
  };

  let text: string;
  try {
    text = await io.readFile(file);
  } catch (error) {
    return usage(`cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? error})`);
  }
  const prepared = prepareDefinition(text);
  if ('problems' in prepared) {
    io.stderr(`asl run: ${file} is not a valid state machine:\n`);
    for (const p of prepared.problems) io.stderr(`${file}:${p.line}:${p.column} error ${p.code} ${p.message}\n`);
    return EXIT_USAGE;
  }

  let input: unknown = {};
  let invoke: TaskInvoker = unmockedInvoker;
  try {
    if (typeof args.flags.input === 'string') input = await readJson('The input', args.flags.input);
    if (typeof args.flags.mocks === 'string') {
      const testCase = args.flags['test-case'];
      if (typeof testCase !== 'string') return usage('--mocks needs --test-case NAME');
      const config = readMockConfig(await readJson('The mock file', args.flags.mocks));
      invoke = mockInvoker(config, findTestCase(config, machineName(file), testCase), invoke);
    }
    if (typeof args.flags.handlers === 'string') invoke = handlerInvoker(await loadHandlers(args.flags.handlers, io.cwd), invoke);
  } catch (error) {
    return usage(error instanceof MockConfigError || error instanceof Error ? error.message : String(error));
  }

  const result = await runExecution({
    definition: prepared.definition,
    input,
    invokeTask: invoke,
    clock: args.flags['real-time'] ? realClock : new VirtualClock(Date.now()),
    services: nodeServices,
    executionName: `local-${Date.now()}`,
    stateMachineName: machineName(file),
    ...(typeof args.flags['results-dir'] === 'string' ? { writeResult: resultWriter(resolve(io.cwd, args.flags['results-dir'])) } : {}),
  });
  if (args.flags.json) {
    io.stdout(`${JSON.stringify({ status: result.status, output: result.output, error: result.error, cause: result.cause, events: result.events }, null, 2)}\n`);
  } else {
    io.stdout(formatHistory(result));
  }
  return result.status === 'SUCCEEDED' ? EXIT_OK : EXIT_FAILED;
}

/** Writes ResultWriter files under `root`, refusing paths that would leave it. */
function resultWriter(root: string) {
  return async (path: string, content: string) => {
    const target = resolve(root, path);
    if (!target.startsWith(root)) throw new Error(`ResultWriter path '${path}' leaves ${root}`);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
  };
}

/** The machine's name is its file name without `.asl.json`. */
export function machineName(file: string): string {
  return basename(file).replace(/\.asl\.json$|\.json$/, '');
}
