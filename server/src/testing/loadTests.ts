import { basename, dirname, resolve } from 'node:path';
import { getOwn, setOwn } from '../core/document/ownProps';
import { suggest } from '../core/validation/suggest';
import { findTestCase, MockConfigError, readMockConfig, type MockConfig } from '../interpreter/mocks';
import { prepareDefinition } from '../interpreter/prepareDefinition';
import { coverageItems } from './coverage';
import { parseTestFile } from './parseTestFile';
import { formatOf, readSource, type Source } from './readSource';
import type { TestJob } from './testJob';
import type { TestFileProblem, TestSpec } from './testTypes';

/** Reads a file by absolute path (the CLI: the disk; the server: open documents first). Throws when it cannot. */
export type ReadText = (path: string) => Promise<string>;

export interface LoadedMachine {
  path: string;
  name: string;
  text: string;
  definition: unknown;
  stateNames: Set<string>;
}

export interface LoadedTest {
  spec: TestSpec;
  job: TestJob;
}

export interface LoadedFile {
  path: string;
  text: string;
  source: Source;
  machine?: LoadedMachine;
  tests: LoadedTest[];
  /** Problems with their line; a problem inside a test names it (`testName`), and that test does not run. */
  problems: (TestFileProblem & { testName?: string })[];
}

/** Where the machine of `x.tests.json` is by default: `x.asl.json` beside it. */
export function defaultMachinePath(testFile: string): string {
  return resolve(dirname(testFile), `${basename(testFile).replace(/\.tests\.(json|ya?ml)$/i, '')}.asl.json`);
}

export function isTestFile(path: string): boolean {
  return /\.tests\.(json|ya?ml)$/i.test(path);
}

const INLINE = '\u0000inline ';

/**
 * Reads a test file and what it points at (machine, mock file, input files) and makes a job per runnable test.
 * `machines` collects the definitions by key (sent once to each test worker). Never throws.
 */
export async function loadTestFile(path: string, read: ReadText, nextId: () => number, machines: Map<string, LoadedMachine>, startTime = Date.UTC(2025, 0, 1)): Promise<LoadedFile> {
  const inputs = new Map<string, Promise<Source>>();
  const readInput = (inputPath: string) => {
    let found = inputs.get(inputPath);
    if (!found) inputs.set(inputPath, (found = read(inputPath).then((text) => readSource(text, formatOf(inputPath)))));
    return found;
  };
  let text: string;
  try {
    text = await read(path);
  } catch (error) {
    return { path, text: '', source: readSource('', 'json'), tests: [], problems: [{ line: 1, message: `The test file could not be read: ${reason(error)}` }] };
  }
  const parsed = parseTestFile(text, path);
  const loaded: LoadedFile = { path, text, source: parsed.source, tests: [], problems: parsed.problems.map((p) => ({ ...p, testName: nameOf(parsed.source.value, p.test) })) };
  if (parsed.problems.some((p) => p.test === undefined) && parsed.tests.length === 0) return loaded;
  const dir = dirname(path);
  const fileProblem = (line: number, message: string) => loaded.problems.push({ line, message });

  const machinePath = parsed.machine ? resolve(dir, parsed.machine) : defaultMachinePath(path);
  const machineLine = parsed.source.lineOf(['machine']);
  let machine = machines.get(machinePath);
  if (!machine) {
    let machineText: string;
    try {
      machineText = await read(machinePath);
    } catch (error) {
      fileProblem(machineLine, `The machine ${parsed.machine ? `'${parsed.machine}'` : `${basename(machinePath)} (beside the test file; name another with "machine")`} could not be read: ${reason(error)}`);
      return loaded;
    }
    const prepared = prepareDefinition(machineText);
    if ('problems' in prepared) {
      const first = prepared.problems.slice(0, 3).map((p) => `${basename(machinePath)}:${p.line}:${p.column} ${p.message}`).join('; ');
      fileProblem(machineLine, `The machine has errors, so its tests cannot run: ${first}${prepared.problems.length > 3 ? ` (and ${prepared.problems.length - 3} more)` : ''}`);
      return loaded;
    }
    const stateNames = new Set(coverageItems(prepared.definition).filter((i) => i.kind === 'state').map((i) => i.state));
    machine = { path: machinePath, name: basename(machinePath).replace(/\.asl\.(json|ya?ml)$/i, '').replace(/\.json$/i, ''), text: machineText, definition: prepared.definition, stateNames };
    machines.set(machinePath, machine);
  }
  loaded.machine = machine;

  let mockConfig: MockConfig | undefined;
  const mockPath = parsed.mockFile ? resolve(dir, parsed.mockFile) : resolve(dir, `${machine.name}.mocks.json`);
  const mockLine = parsed.source.lineOf(['mockFile']);
  try {
    const mockText = await read(mockPath);
    const mockSource = readSource(mockText, formatOf(mockPath));
    if (mockSource.problems.length > 0) throw new MockConfigError(`${basename(mockPath)}:${mockSource.problems[0].line}: ${mockSource.problems[0].message}`);
    mockConfig = readMockConfig(mockSource.value);
  } catch (error) {
    // The default mock file is optional; a named one, or one that is there but broken, is a problem.
    if (parsed.mockFile || error instanceof MockConfigError) fileProblem(mockLine, `The mock file ${basename(mockPath)} ${error instanceof MockConfigError ? 'is not valid' : 'could not be read'}: ${reason(error)}`);
  }

  for (const spec of parsed.tests) {
    const problems = await testProblems(spec, machine, mockConfig, dir, readInput, parsed.source);
    if (problems.problems.length > 0) {
      for (const p of problems.problems) loaded.problems.push({ ...p, test: spec.index, testName: spec.name });
      continue;
    }
    const maxTransitions = spec.expectations.find((e) => e.kind === 'maxTransitions')?.expected as number | undefined;
    loaded.tests.push({
      spec,
      job: {
        id: nextId(), machine: machine.path, stateMachineName: machine.name, input: problems.input, expectations: spec.expectations, startTime,
        ...(problems.mocks ? { mocks: problems.mocks } : {}),
        ...(spec.state !== undefined ? { state: spec.state, variables: spec.variables ?? {} } : {}),
        ...(maxTransitions !== undefined ? { maxTransitions } : {}),
      },
    });
  }
  return loaded;
}

async function testProblems(spec: TestSpec, machine: LoadedMachine, config: MockConfig | undefined, dir: string, readInput: (path: string) => Promise<Source>, source: Source) {
  const problems: TestFileProblem[] = [];
  const base = ['tests', spec.index];
  const line = (...path: (string | number)[]) => source.lineOf([...base, ...path]);
  const checkState = (name: string, at: number, what: string) => {
    if (machine.stateNames.has(name)) return;
    const close = suggest(name, machine.stateNames);
    problems.push({ line: at, message: `${what} '${name}' is not a state of ${basename(machine.path)}${close.length ? ` (did you mean '${close[0]}'?)` : ''}` });
  };
  if (spec.state !== undefined) checkState(spec.state, line('state'), 'The state to test,');
  for (const name of Object.keys(spec.mocks ?? {})) checkState(name, line('mocks', name), 'The mocked state');
  for (const e of spec.expectations) {
    if (e.state !== undefined) checkState(e.state, e.line, 'The expectation names state');
    if (e.kind === 'path' || e.kind === 'pathIncludes') for (const name of e.expected as string[]) checkState(name, e.line, `The ${e.kind} names state`);
    if (e.kind === 'nextState') checkState(String(e.expected), e.line, 'nextState names');
  }
  let input: unknown = spec.input ?? {};
  if (spec.inputFile !== undefined) {
    const inputPath = resolve(dir, spec.inputFile);
    try {
      const inputSource = await readInput(inputPath);
      if (inputSource.problems.length > 0) problems.push({ line: line('inputFile'), message: `The input file ${spec.inputFile} is not valid: line ${inputSource.problems[0].line}: ${inputSource.problems[0].message}` });
      input = inputSource.value;
    } catch (error) {
      problems.push({ line: line('inputFile'), message: `The input file ${spec.inputFile} could not be read: ${reason(error)}` });
    }
  }
  let mocks: { responses: Record<string, unknown>; testCase: Record<string, string> } | undefined;
  if (spec.testCase !== undefined) {
    if (!config) problems.push({ line: line('testCase'), message: `"testCase": '${spec.testCase}' needs a mock file (${machine.name}.mocks.json beside the machine, or "mockFile")` });
    else {
      try {
        const testCase = findTestCase(config, machine.name, spec.testCase);
        mocks = { responses: {}, testCase: {} };
        for (const [state, response] of Object.entries(testCase)) {
          setOwn(mocks.testCase, state, response);
          setOwn(mocks.responses, response, getOwn(config.MockedResponses, response));
        }
      } catch (error) {
        problems.push({ line: line('testCase'), message: reason(error) });
      }
    }
  }
  for (const [state, responses] of Object.entries(spec.mocks ?? {})) {
    mocks ??= { responses: {}, testCase: {} };
    setOwn(mocks.testCase, state, INLINE + state);
    setOwn(mocks.responses, INLINE + state, responses);
  }
  return { problems, input, mocks };
}

function nameOf(value: unknown, index: number | undefined): string | undefined {
  if (index === undefined) return undefined;
  const tests = getOwn<unknown[]>(value, 'tests');
  const name = Array.isArray(tests) ? getOwn(tests[index], 'name') : undefined;
  return typeof name === 'string' ? name : undefined;
}

function reason(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT') return 'no such file';
  if (e?.code === 'EISDIR') return 'it is a folder';
  return e instanceof Error ? e.message : String(error);
}
