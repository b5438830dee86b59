import { basename, dirname, join, resolve } from 'node:path';
import { findTestCase, readMockConfig, testCaseNames } from '../interpreter/mocks';
import type { CliIo } from './cliIo';

/** The machine's name is its file name without `.asl.json`. */
export function machineName(file: string): string {
  return basename(file).replace(/\.asl\.(?:json|ya?ml)$|\.(?:json|ya?ml)$/, '');
}

/** `name.<suffix>` beside the machine, when it can be read (README "Run Execution": what the editor picks up). */
export async function besideMachine(io: CliIo, file: string, suffix: string): Promise<string | undefined> {
  const path = join(dirname(file), `${machineName(file)}${suffix}`);
  try {
    await io.readFile(path);
    return path;
  } catch {
    return undefined;
  }
}

/** Reads a JSON file (or stdin for '-'), saying where it is broken. */
export async function readJsonFile(io: CliIo, what: string, path: string): Promise<unknown> {
  const text = path === '-' ? await io.readStdin() : await io.readFile(path);
  try {
    return JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec(String(error))?.[1];
    const where = position ? ` at line ${text.slice(0, Number(position)).split('\n').length}, column ${Number(position) - text.lastIndexOf('\n', Number(position) - 1)}` : '';
    throw new Error(`${what} ${path} is not valid JSON${where}: ${(error as Error).message}`, { cause: error });
  }
}

export type TaskSetup =
  /** What the execution worker answers Tasks with: the mock file's test case, then the handlers module. */
  | { mocks?: { config: unknown; testCase: string }; handlersPath?: string; used: string[] }
  /** Nothing runs: a usage error, or the test cases to choose from (printed on stdout, one a line). */
  | { error: string; testCases?: string[] };

/**
 * How `asl run` and `asl test-state` answer Tasks: handlers (--handlers), then the mock file (--mocks, else
 * `name.mocks.json` beside the machine unless --no-mocks) with its test case (--test-case; the only one when the
 * file has exactly one), then the missing-mock setup error. `used` says what was picked up, for stderr. The
 * handlers module is only named here: it is loaded in the execution worker, never in the CLI's process.
 */
export async function taskSetup(io: CliIo, file: string, flags: Record<string, string | boolean | string[] | undefined>): Promise<TaskSetup> {
  let setup: { config: unknown; testCase: string } | undefined;
  const used: string[] = [];
  const given = typeof flags.mocks === 'string' ? flags.mocks : undefined;
  const mocks = given ?? (flags['no-mocks'] ? undefined : await besideMachine(io, file, '.mocks.json'));
  let testCase = typeof flags['test-case'] === 'string' ? flags['test-case'] : undefined;
  if (mocks) {
    const config = readMockConfig(await readJsonFile(io, 'The mock file', mocks));
    const names = testCaseNames(config, machineName(file));
    if (testCase === undefined && names.length === 1) testCase = names[0];
    if (testCase === undefined) {
      if (names.length === 0) return { error: `${mocks} has no test cases for '${machineName(file)}'` };
      return { error: `${mocks} has ${names.length} test cases (listed on stdout); choose one with --test-case NAME, or --no-mocks`, testCases: names };
    }
    findTestCase(config, machineName(file), testCase);
    setup = { config, testCase };
    used.push(`mocks ${mocks}${given ? '' : ' (beside the machine)'}, test case ${testCase}${flags['test-case'] ? '' : ' (its only one)'}`);
  } else if (testCase !== undefined) {
    return { error: `--test-case needs a mock file: --mocks FILE, or ${machineName(file)}.mocks.json beside the machine` };
  }
  const handlersPath = typeof flags.handlers === 'string' ? resolve(io.cwd, flags.handlers) : undefined;
  if (handlersPath) used.push(`handlers ${flags.handlers}`);
  return { ...(setup ? { mocks: setup } : {}), ...(handlersPath ? { handlersPath } : {}), used };
}

/**
 * What a run of the machine needs besides its definition (`asl run`, the debug adapter): the input (`input`
 * flag, else `name.input.json` beside the machine, else `{}`) and how Tasks are answered (taskSetup); or why not.
 */
export async function runSetup(io: CliIo, machineFile: string, flags: Record<string, string | boolean | string[] | undefined>, givenInput?: { value: unknown }): Promise<{ input: unknown; tasks: Exclude<TaskSetup, { error: string }>; used: string[] } | { error: string; testCases?: string[] }> {
  let input: unknown = {};
  const used: string[] = [];
  try {
    if (givenInput) input = givenInput.value;
    else {
      const inputFile = typeof flags.input === 'string' ? flags.input : await besideMachine(io, machineFile, '.input.json');
      if (inputFile !== undefined) {
        input = await readJsonFile(io, 'The input', inputFile);
        if (flags.input === undefined) used.push(`input ${inputFile} (beside the machine)`);
      }
    }
    const setup = await taskSetup(io, machineFile, flags);
    if ('error' in setup) return setup;
    used.push(...setup.used);
    return { input, tasks: setup, used };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
