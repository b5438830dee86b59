import type { RunLimits } from '../execution/runLimits';
import type { Failure } from './checkExpectations';
import { addHits, coverageItems, type MachineCoverage } from './coverage';
import { loadTestFile, type LoadedFile, type LoadedMachine, type ReadText } from './loadTests';
import type { Observed, TestOutcome } from './testJob';
import { runTestPool } from './testPool';

export type TestState = 'passed' | 'failed' | 'error';

/** One test's result, as reporters and the Testing view show it. */
export interface TestResult {
  file: string;
  name: string;
  /** The line of the test's name (1-based). */
  line: number;
  state: TestState;
  failures: Failure[];
  /** Why the test could not run (a missing mock, a timeout, a crash), with the line to point at. */
  message?: string;
  observed?: Observed;
  /** Real milliseconds the test took in its worker (virtual time is in observed.durationMs). */
  ms: number;
}

export interface TestRunOptions {
  limits: RunLimits;
  workers?: number;
  /** Only tests whose name matches. */
  grep?: RegExp;
  /** Only the tests this accepts (the Testing view runs the ones picked). */
  select?(file: string, name: string): boolean;
  /** Stop after the first test that does not pass. */
  bail?: boolean;
  coverage?: boolean;
  signal?: AbortSignal;
  onResult?(result: TestResult): void;
}

export interface TestRun {
  files: LoadedFile[];
  results: TestResult[];
  coverage: MachineCoverage[];
  /** Tests left out by --grep or not run after --bail. */
  skipped: number;
}

/** Loads the test files, runs their tests in the worker pool, and gathers results (in file order) and coverage. */
export async function runTests(paths: string[], read: ReadText, options: TestRunOptions): Promise<TestRun> {
  const machines = new Map<string, LoadedMachine>();
  let id = 0;
  const files: LoadedFile[] = [];
  const stop = new AbortController();
  options.signal?.addEventListener('abort', () => stop.abort());
  const started = new Map<number, number>();
  const outcomes = new Map<number, TestOutcome>();
  const byId = new Map<number, { file: LoadedFile; test: LoadedFile['tests'][number] }>();
  let wanted: { file: LoadedFile; test: LoadedFile['tests'][number] }[] = [];
  const load = (async () => {
    for (const path of paths) files.push(await loadTestFile(path, read, () => ++id, machines));
    wanted = files.flatMap((file) => file.tests.filter((t) => (!options.grep || options.grep.test(t.spec.name)) && (!options.select || options.select(file.path, t.spec.name))).map((t) => ({ file, test: t })));
    for (const w of wanted) byId.set(w.test.job.id, w);
    const definitions: Record<string, unknown> = {};
    for (const machine of machines.values()) definitions[machine.path] = machine.definition;
    return { jobs: wanted.map((w) => w.test.job), machines: definitions };
  })();
  // Tests that run in the editor as the user asks for them need no worker when nothing is to run.
  const work = await Promise.race([load, new Promise<undefined>((r) => setImmediate(() => r(undefined)))]);
  let last = performance.now();
  if (!work || work.jobs.length > 0) {
    await runTestPool(load, {
      limits: options.limits,
      workers: options.workers,
      signal: stop.signal,
      onOutcome: (outcome) => {
        outcomes.set(outcome.id, outcome);
        const at = performance.now();
        started.set(outcome.id, at - last);
        last = at;
        const w = byId.get(outcome.id);
        if (!w) return;
        const result = toResult(w.file.path, w.test.spec.name, w.test.spec.line, outcome, started.get(outcome.id) ?? 0);
        options.onResult?.(result);
        if (options.bail && result.state !== 'passed') stop.abort();
      },
    });
  }
  await load;
  const total = files.reduce((n, f) => n + f.tests.length, 0);
  const results: TestResult[] = [];
  for (const file of files) {
    for (const p of file.problems) if (p.testName !== undefined || p.test !== undefined) results.push({ file: file.path, name: p.testName ?? `test ${(p.test ?? 0) + 1}`, line: p.line, state: 'error', failures: [], message: p.message, ms: 0 });
    for (const test of file.tests) {
      const outcome = outcomes.get(test.job.id);
      if (outcome) results.push(toResult(file.path, test.spec.name, test.spec.line, outcome, started.get(test.job.id) ?? 0));
    }
  }
  const coverage: MachineCoverage[] = [];
  if (options.coverage) {
    for (const machine of machines.values()) {
      const items = coverageItems(machine.definition);
      for (const w of wanted) {
        const outcome = outcomes.get(w.test.job.id);
        if (outcome && w.test.job.machine === machine.path) addHits(items, outcome.observed.path, outcome.traces);
      }
      coverage.push({ machine: machine.path, items });
    }
  }
  return { files, results, coverage, skipped: total - outcomes.size };
}

function toResult(file: string, name: string, line: number, outcome: TestOutcome, ms: number): TestResult {
  const message = outcome.setupError ?? outcome.stopped;
  const state = outcome.setupError ? 'error' : outcome.stopped || outcome.failures.length > 0 ? 'failed' : 'passed';
  return { file, name, line, state, failures: outcome.failures, observed: outcome.observed, ms, ...(message ? { message } : {}) };
}
