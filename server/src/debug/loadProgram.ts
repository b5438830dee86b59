import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { analyzeDocument } from '../core/analyzeDocument';
import { formatOfName } from '../core/document/documentFormat';
import { chooseMachine } from '../cli/chooseMachine';
import { withoutBom, type CliIo } from '../cli/cliIo';
import { machineName, runSetup } from '../cli/runFiles';
import { templateOf } from '../cli/templateFiles';
import type { LaunchArguments } from './launchArguments';
import { StateLines } from './stateLines';

/** A machine ready to debug: what the worker runs, and where its states are for breakpoints and the stack. */
export interface LoadedProgram {
  program: string;
  /** In a template: the state machine's name. */
  stateMachine?: string;
  machineName: string;
  definition: unknown;
  input: unknown;
  mocks?: { config: unknown; testCase: string };
  handlersPath?: string;
  /** What was picked up beside the machine (said in the debug console). */
  used: string[];
  /** The file the states are written in (the program, or the definition file a template links to). */
  source: string;
  lines: StateLines;
}

export interface LoadFailure {
  error: string;
  /** `file:line:column error code message`, one per problem of an invalid machine. */
  problems?: string[];
}

/** The files of a debug session read as `asl run` reads them (relative paths from `cwd`). */
export function adapterIo(cwd: string): CliIo {
  return {
    stdout: () => undefined,
    stderr: () => undefined,
    readFile: async (path) => withoutBom(await readFile(resolve(cwd, path), 'utf8')),
    readStdin: () => Promise.reject(new Error('The debug adapter reads no standard input')),
    cwd,
  };
}

/** Reads and checks the machine, its input, mocks and handlers named by a launch configuration. */
export async function loadProgram(args: LaunchArguments, io: CliIo): Promise<LoadedProgram | LoadFailure> {
  const program = resolve(io.cwd, args.program);
  let text: string;
  try {
    text = await io.readFile(program);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { error: `Cannot read ${program}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (code ?? String(error))}` };
  }
  const sub = Object.entries(args.substitutions ?? {}).map(([k, v]) => `${k}=${String(v)}`);
  const chosen = await chooseMachine(io, program, text, { 'state-machine': args.stateMachine, sub }, args.machineType ?? 'STANDARD');
  if ('error' in chosen) return { error: chosen.error.replace(/ \(listed on stdout\); choose one with --state-machine NAME/, `: ${chosen.names?.join(', ') ?? ''}; choose one with "stateMachine"`).replace('--state-machine', '"stateMachine"') };
  const { prepared, machineFile } = chosen;
  if ('problems' in prepared) {
    const where = prepared.file !== undefined ? join(dirname(program), prepared.file) : program;
    return {
      error: `${where}${chosen.name !== undefined ? ` [${chosen.name}]` : ''} is not a valid state machine (${prepared.problems.length} error${prepared.problems.length === 1 ? '' : 's'})`,
      problems: prepared.problems.map((p) => `${where}:${p.line}:${p.column} error ${p.code} ${p.message}`),
    };
  }
  const flags = { mocks: args.mocks, 'test-case': args.testCase, handlers: args.handlers, input: args.inputFile };
  const setup = await runSetup(io, machineFile, flags, Object.hasOwn(args, 'input') && args.input !== undefined ? { value: args.input } : undefined);
  if ('error' in setup) return { error: setup.testCases ? `${setup.error.replace(' (listed on stdout); choose one with --test-case NAME, or --no-mocks', `: ${setup.testCases.join(', ')}`)}; choose one with "testCase"` : setup.error.replace('--test-case', '"testCase"').replace('--mocks FILE', '"mocks"') };
  const located = await statesOf(io, program, text, chosen.name);
  return {
    program,
    ...(chosen.name !== undefined ? { stateMachine: chosen.name } : {}),
    machineName: machineName(machineFile),
    definition: prepared.definition,
    input: setup.input,
    ...(setup.tasks.mocks ? { mocks: setup.tasks.mocks } : {}),
    ...(setup.tasks.handlersPath ? { handlersPath: setup.tasks.handlersPath } : {}),
    used: setup.used,
    ...located,
  };
}

/** The file the states are written in and their lines: the ASL file; a template; the file a template links to. */
async function statesOf(io: CliIo, program: string, text: string, name: string | undefined): Promise<{ source: string; lines: StateLines }> {
  const template = name !== undefined ? templateOf(program, text) : undefined;
  const entry = template?.definitions.find((d) => d.definition.name === name);
  if (!entry) return { source: program, lines: new StateLines(analyzeDocument(text, undefined, formatOfName(program)).model, text) };
  const link = entry.definition.link;
  if (link) {
    const source = join(dirname(program), link.target);
    const linked = await io.readFile(source);
    return { source, lines: new StateLines(analyzeDocument(linked, undefined, formatOfName(source)).model, linked) };
  }
  const map = entry.definition.map;
  return { source: program, lines: new StateLines(entry.analysis!.model, text, (o) => map.toHost(o)) };
}
