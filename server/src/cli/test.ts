import { writeFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { formatOf } from '../testing/readSource';
import { isTestFile } from '../testing/loadTests';
import { runTests, type TestRun } from '../testing/runTests';
import { updateTestFile, type ValueEdit } from '../testing/updateTestFile';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, usageError, withoutBom, type CliIo } from './cliIo';
import { expandFiles } from './expandFiles';
import { GlobError } from './globMatcher';
import { parseArgs } from './parseArgs';
import { RUN_LIMITS_USAGE, runLimitFlags, runLimitsOf } from './runLimitFlags';
import { countResults, coverageJson, coverageText, textReport } from './testReport';
import { jsonReport, junitReport } from './testReporters';

export const TEST_USAGE = `Usage: asl test [FILE|DIR|GLOB...] [--reporter text|junit|json] [--output FILE] [--grep PATTERN] [--bail]
                [--update] [--coverage] [--coverage-file FILE] [--workers N] [--timeout S] [--memory MB]

Runs the tests in name.tests.json / name.tests.yaml files (default: the current folder, searched below).
A machine file (x.asl.json) stands for the test files beside it (x.tests.json, x.tests.yaml).
  --reporter text     each file, its tests, each failed expectation at file:line with a diff and the path taken (default)
  --reporter junit    JUnit XML, as CI systems read it;  --reporter json: everything as JSON
  --output FILE       write the report there instead of stdout
  --grep PATTERN      only tests whose name matches this regular expression
  --bail              stop after the first test that does not pass
  --update            write what the runs did into the failed exact expectations (status, output, error, cause,
                      path, nextState, a state's input/output/runs/retries) and into tests with no "expect"
  --coverage          print which states, Choice rules, catchers and retriers the tests never exercised
  --coverage-file F   write that coverage as JSON (per machine: each item with its line and hits, and totals)
  --workers N         test worker processes (default: the cores, at most 4)
${RUN_LIMITS_USAGE.replace('stop the run', 'stop a test').replace("the run's memory limit", 'the memory limit of each test worker')}Exit status: 0 all passed, 1 a test failed, 2 usage error, a file that cannot be read or used, or a test that
cannot run (a Task with no mock, a missing state).
`;

const TEST_FILE = /\.tests\.(json|ya?ml)$/i;

export async function main(argv: string[], io: CliIo): Promise<number> {
  const usage = usageError(io, 'test');
  const parsed = parseArgs(argv, { reporter: 'string', output: 'string', grep: 'string', bail: 'boolean', update: 'boolean', coverage: 'boolean', 'coverage-file': 'string', workers: 'string', help: 'boolean', ...runLimitFlags });
  if (parsed.error) return usage(parsed.error);
  if (parsed.flags.help) {
    io.stdout(TEST_USAGE);
    return EXIT_OK;
  }
  const reporter = (parsed.flags.reporter as string | undefined) ?? 'text';
  if (!['text', 'junit', 'json'].includes(reporter)) return usage(`unknown reporter '${reporter}' (use text, junit or json)`);
  let grep: RegExp | undefined;
  if (typeof parsed.flags.grep === 'string') {
    try {
      grep = new RegExp(parsed.flags.grep);
    } catch (error) {
      return usage(`--grep: ${(error as Error).message}`);
    }
  }
  const limits = runLimitsOf(parsed.flags);
  if (typeof limits === 'string') return usage(limits);
  let workers: number | undefined;
  if (typeof parsed.flags.workers === 'string') {
    workers = Number(parsed.flags.workers);
    if (!Number.isInteger(workers) || workers < 1 || workers > 64) return usage(`--workers needs a whole number from 1 to 64 (got '${parsed.flags.workers}')`);
  }

  const args = parsed.positionals.length > 0 ? parsed.positionals : ['.'];
  let files: string[];
  let unreadable = false;
  try {
    const machineArgs = args.map((a) => (/\.asl\.json$/i.test(a) ? siblingsOf(resolve(io.cwd, a)) : [a]));
    const expanded = await expandFiles(machineArgs.flat(), io.cwd, undefined, { pattern: TEST_FILE, name: '*.tests.json or *.tests.yaml' });
    for (const m of expanded.missing) io.stderr(`asl test: ${m.argument}: ${m.reason}\n`);
    args.forEach((a, i) => {
      if (machineArgs[i].length === 0) {
        io.stderr(`asl test: ${a}: no ${basename(a).replace(/\.asl\.json$/i, '')}.tests.json or .tests.yaml beside it\n`);
        unreadable = true;
      }
    });
    unreadable ||= expanded.missing.length > 0;
    files = expanded.files.filter((f) => isTestFile(f) || !TEST_FILE.test(f)).map((f) => resolve(io.cwd, f));
  } catch (error) {
    if (error instanceof GlobError) return usage(`invalid pattern: ${error.message}`);
    throw error;
  }

  const started = performance.now();
  const run = await runTests(files, async (path) => withoutBom(await io.readFile(path)), { limits, workers, grep, bail: parsed.flags.bail === true, coverage: parsed.flags.coverage === true || typeof parsed.flags['coverage-file'] === 'string' });
  const ms = performance.now() - started;

  const coverage = run.coverage.length > 0 ? coverageJson(run.coverage, run.files) : undefined;
  const report = reporter === 'junit' ? junitReport(run, io.cwd, ms) : reporter === 'json' ? jsonReport(run, io.cwd, ms, coverage) : textReport(run, io.cwd, ms) + (parsed.flags.coverage ? coverageText(run.coverage, run.files, io.cwd) : '');
  if (typeof parsed.flags.output === 'string') {
    try {
      await writeFile(resolve(io.cwd, parsed.flags.output), report);
    } catch (error) {
      return usage(`cannot write ${parsed.flags.output}: ${(error as Error).message}`);
    }
    if (reporter !== 'text') io.stdout(textReport(run, io.cwd, ms));
  } else io.stdout(report);
  if (typeof parsed.flags['coverage-file'] === 'string') {
    try {
      await writeFile(resolve(io.cwd, parsed.flags['coverage-file']), `${JSON.stringify(coverage ?? { machines: [] }, null, 2)}\n`);
    } catch (error) {
      return usage(`cannot write ${parsed.flags['coverage-file']}: ${(error as Error).message}`);
    }
  }
  const stillFailing = parsed.flags.update ? await update(run, io) : undefined;
  const counts = countResults(run);
  if (unreadable || counts.errors > 0) return EXIT_USAGE;
  return (stillFailing ?? counts.failed) > 0 ? EXIT_FAILED : EXIT_OK;
}

/** x.asl.json → its test files beside it. */
function siblingsOf(machine: string): string[] {
  const stem = machine.replace(/\.asl\.json$/i, '');
  return ['.tests.json', '.tests.yaml', '.tests.yml'].map((ext) => stem + ext).filter((f) => existsSync(f));
}

/**
 * --update: rewrites the failed exact expectations and fills in tests with no "expect", keeping each file's
 * formatting. Returns how many tests still fail (a predicate or subset that failed, a stopped run).
 */
async function update(run: TestRun, io: CliIo): Promise<number> {
  let stillFailing = 0;
  for (const file of run.files) {
    const edits: ValueEdit[] = [];
    for (const test of file.tests) {
      const result = run.results.find((r) => r.file === file.path && r.name === test.spec.name);
      if (!result?.observed || result.state === 'error' || result.message) {
        if (result?.state === 'failed') stillFailing++;
        continue;
      }
      if (result.failures.some((f) => !f.updatable)) stillFailing++;
      const o = result.observed;
      if (test.spec.noExpect) {
        const expect: Record<string, unknown> = { status: o.status };
        if (o.error !== undefined) Object.assign(expect, { error: o.error, cause: o.cause ?? '' });
        else Object.assign(expect, { output: o.output ?? null });
        if (test.spec.state === undefined) expect.path = o.path;
        else if (o.nextState !== undefined) expect.nextState = o.nextState;
        edits.push({ at: ['tests', test.spec.index, 'expect'], value: expect });
      }
      for (const f of result.failures) if (f.updatable) edits.push({ at: f.at, value: f.actual });
    }
    if (edits.length === 0) continue;
    const text = updateTestFile(file.text, formatOf(file.path), edits);
    try {
      await writeFile(file.path, text);
      io.stderr(`asl test: updated ${edits.length} expectation${edits.length === 1 ? '' : 's'} in ${basename(file.path)} (${dirname(file.path)})\n`);
    } catch (error) {
      io.stderr(`asl test: cannot write ${file.path}: ${(error as Error).message}\n`);
    }
  }
  return stillFailing;
}
