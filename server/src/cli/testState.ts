import { isSetupFailure, runTestState } from '../execution/isolatedExecution';
import { missingMockState } from '../interpreter/mocks';
import { dirname, join } from 'node:path';
import { findState, type TestStateResult } from '../interpreter/testState';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, usageError, type CliIo } from './cliIo';
import { parseArgs } from './parseArgs';
import { machineName, taskSetup, type TaskSetup } from './runFiles';
import { chooseMachine, MACHINE_FLAGS, MACHINE_USAGE } from './chooseMachine';
import { runLimitFlags, runLimitsOf, RUN_LIMITS_USAGE } from './runLimitFlags';

export const TEST_STATE_USAGE = `Usage: asl test-state FILE --state NAME [--state-machine NAME] [--sub Name=value]... [--input FILE|-|JSON] [--variables JSON] [--mocks FILE] [--test-case NAME]
                      [--no-mocks] [--handlers FILE] [--format json|text] [--timeout S] [--memory MB]

Runs one state alone, like AWS's TestState API, and prints {status, output, error, cause, nextState,
inspectionData: {input, afterInputPath, afterParameters, afterArguments, result, afterResultSelector,
afterResultPath, variables}, steps}. With --format text: one row per processing step with the value after it.
NAME.mocks.json beside the machine is picked up as by asl run (--test-case may be left out when it has one).
${RUN_LIMITS_USAGE}${MACHINE_USAGE}Exit status: 0 SUCCEEDED or CAUGHT_ERROR, 1 FAILED or RETRIABLE, 2 usage error, invalid definition, or a
Task with no mock and no handler (a setup error).
`;

export async function main(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, {
    state: 'string', input: 'string', variables: 'string', mocks: 'string', 'test-case': 'string', 'no-mocks': 'boolean', handlers: 'string', format: 'string', help: 'boolean', ...runLimitFlags, ...MACHINE_FLAGS,
  });
  if (args.flags.help) {
    io.stdout(TEST_STATE_USAGE);
    return EXIT_OK;
  }
  const usage = usageError(io, 'test-state');
  if (args.error) return usage(`${args.error}\n\n${TEST_STATE_USAGE}`);
  const stateName = args.flags.state;
  if (args.positionals.length !== 1 || typeof stateName !== 'string') return usage(`give one state machine file and --state NAME\n\n${TEST_STATE_USAGE}`);
  const format = typeof args.flags.format === 'string' ? args.flags.format : 'json';
  if (format !== 'json' && format !== 'text') return usage('--format must be json or text');
  const limits = runLimitsOf(args.flags);
  if (typeof limits === 'string') return usage(limits);
  const file = args.positionals[0];
  let text: string;
  try {
    text = await io.readFile(file);
  } catch (error) {
    return usage(`cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? error})`);
  }
  const chosen = await chooseMachine(io, file, text, args.flags);
  if ('error' in chosen) {
    if (chosen.names) io.stdout(`${chosen.names.join('\n')}\n`);
    return usage(chosen.error);
  }
  const { prepared, machineFile } = chosen;
  if ('problems' in prepared) {
    const where = prepared.file !== undefined ? join(dirname(file), prepared.file) : file;
    for (const p of prepared.problems) io.stderr(`${where}:${p.line}:${p.column} error ${p.code} ${p.message}\n`);
    return usage(`${where} is not a valid state machine`);
  }
  let input: unknown = {};
  let variables: Record<string, unknown> = {};
  let tasks: Exclude<TaskSetup, { error: string }>;
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
    // A state that calls nothing needs no test case: the mock file beside the machine is not asked about.
    const state = findState(prepared.definition, stateName)?.state;
    const callsTask = state !== undefined && (state.Resource !== undefined || state.ItemReader !== undefined);
    const setup = await taskSetup(io, machineFile, callsTask || args.flags.mocks !== undefined ? args.flags : { ...args.flags, 'no-mocks': true });
    if ('error' in setup) {
      if (setup.testCases) io.stdout(`${setup.testCases.join('\n')}\n`);
      return usage(setup.error);
    }
    tasks = setup;
    if (setup.used.length > 0) io.stderr(`asl test-state: using ${setup.used.join('; ')}\n`);
  } catch (error) {
    return usage((error as Error).message);
  }
  // The state runs in a worker process of its own (server/src/execution): this process only prints.
  const result = await runTestState(
    {
      definition: prepared.definition,
      stateName,
      input,
      variables,
      stateMachineName: machineName(machineFile),
      executionName: 'test-state',
      startTime: Date.now(),
      realTime: false,
      ...(tasks.mocks ? { mocks: tasks.mocks } : {}),
      ...(tasks.handlersPath ? { handlersPath: tasks.handlersPath } : {}),
    },
    limits,
    { onOutput: (text) => io.stderr(text) },
  );
  if (isSetupFailure(result)) return usage(result.message);
  io.stdout(format === 'text' ? formatSteps(stateName, result) : `${JSON.stringify(result, null, 2)}\n`);
  if (missingMockState(result) !== undefined) {
    io.stderr(`asl test-state: setup error: ${result.cause}\n`);
    return EXIT_USAGE;
  }
  return result.status === 'SUCCEEDED' || result.status === 'CAUGHT_ERROR' ? EXIT_OK : EXIT_FAILED;
}

/** The text form: the status, then one row per processing step (the field as written, the value after it). */
export function formatSteps(stateName: string, result: TestStateResult): string {
  const lines = [`${stateName}: ${result.status}${result.nextState ? ` → ${result.nextState}` : ''}`];
  if (result.error) lines.push(`Error: ${result.error}`, `Cause: ${result.cause ?? ''}`);
  for (const step of result.steps) {
    const field = step.field === undefined ? (step.step === 'Input' ? '' : ' (not set)') : ` ${JSON.stringify(step.field)}`;
    lines.push('', `${step.step}${field}`, step.reached ? indent(JSON.stringify(step.value, null, 2) ?? 'undefined') : '  (not reached)');
  }
  if (result.output !== undefined && !result.steps.some((s) => s.step === 'Output' || s.step === 'OutputPath')) lines.push('', 'Output', indent(JSON.stringify(result.output, null, 2)));
  return `${lines.join('\n')}\n`;
}

function indent(text: string): string {
  return text.split('\n').map((l) => `  ${l}`).join('\n');
}
