import { handlerInvoker } from '../interpreter/handlers';
import { findTestCase, mockInvoker, readMockConfig, unmockedInvoker } from '../interpreter/mocks';
import { prepareDefinition } from '../interpreter/runExecution';
import { testState } from '../interpreter/testState';
import type { TaskInvoker } from '../interpreter/types';
import { VirtualClock } from '../interpreter/virtualClock';
import { loadHandlers, nodeServices } from '../runtime/nodeRuntime';
import { EXIT_FAILED, EXIT_OK, usageError, type CliIo } from './cliIo';
import { parseArgs } from './parseArgs';
import { machineName } from './run';

export const TEST_STATE_USAGE = `Usage: asl test-state FILE --state NAME [--input FILE|-|JSON] [--variables JSON] [--mocks FILE --test-case NAME] [--handlers FILE]

Runs one state alone, like AWS's TestState API, and prints {status, output, error, cause, nextState,
inspectionData: {input, afterInputPath, afterParameters, result, afterResultSelector, afterResultPath, variables}}.
Exit status: 0 SUCCEEDED or CAUGHT_ERROR, 1 FAILED or RETRIABLE, 2 usage error or invalid definition.
`;

export async function main(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { state: 'string', input: 'string', variables: 'string', mocks: 'string', 'test-case': 'string', handlers: 'string', help: 'boolean' });
  if (args.flags.help) {
    io.stdout(TEST_STATE_USAGE);
    return EXIT_OK;
  }
  const usage = usageError(io, 'test-state');
  if (args.error) return usage(`${args.error}\n\n${TEST_STATE_USAGE}`);
  const stateName = args.flags.state;
  if (args.positionals.length !== 1 || typeof stateName !== 'string') return usage(`give one state machine file and --state NAME\n\n${TEST_STATE_USAGE}`);
  const file = args.positionals[0];
  let text: string;
  try {
    text = await io.readFile(file);
  } catch (error) {
    return usage(`cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? error})`);
  }
  const prepared = prepareDefinition(text);
  if ('problems' in prepared) {
    for (const p of prepared.problems) io.stderr(`${file}:${p.line}:${p.column} error ${p.code} ${p.message}\n`);
    return usage(`${file} is not a valid state machine`);
  }
  let input: unknown = {};
  let variables: Record<string, unknown> = {};
  let invoke: TaskInvoker = unmockedInvoker;
  try {
    const json = async (value: string, what: string) => {
      const raw = value === '-' ? await io.readStdin() : /^\s*[[{"\d-]|^(true|false|null)$/.test(value) ? value : await io.readFile(value);
      try {
        return JSON.parse(raw) as unknown;
      } catch (error) {
        throw new Error(`${what} is not valid JSON: ${(error as Error).message}`, { cause: error });
      }
    };
    if (typeof args.flags.input === 'string') input = await json(args.flags.input, 'The input');
    if (typeof args.flags.variables === 'string') variables = (await json(args.flags.variables, 'The variables')) as Record<string, unknown>;
    if (typeof args.flags.mocks === 'string') {
      const testCase = args.flags['test-case'];
      if (typeof testCase !== 'string') return usage('--mocks needs --test-case NAME');
      const config = readMockConfig(JSON.parse(await io.readFile(args.flags.mocks)));
      invoke = mockInvoker(config, findTestCase(config, machineName(file), testCase), invoke);
    }
    if (typeof args.flags.handlers === 'string') invoke = handlerInvoker(await loadHandlers(args.flags.handlers, io.cwd), invoke);
  } catch (error) {
    return usage((error as Error).message);
  }
  try {
    const result = await testState({ definition: prepared.definition, stateName, input, variables, invokeTask: invoke, clock: new VirtualClock(Date.now()), services: nodeServices });
    io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    return result.status === 'SUCCEEDED' || result.status === 'CAUGHT_ERROR' ? EXIT_OK : EXIT_FAILED;
  } catch (error) {
    return usage((error as Error).message);
  }
}
