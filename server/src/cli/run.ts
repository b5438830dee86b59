import { dirname, join, resolve } from 'node:path';
import { RunJsonWriter } from '../execution/historyJson';
import { isSetupFailure, startExecution } from '../execution/isolatedExecution';
import { workerScript } from '../execution/isolatedRun';
import { startWorkerAhead } from '../execution/spareWorker';
import { missingMockState } from '../interpreter/mocks';
import type { ExecutionResult } from '../interpreter/types';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, usageError, type CliIo } from './cliIo';
import { formatHistory, formatSummary, statesTaken } from './formatHistory';
import { githubError, stateLine } from './githubAnnotations';
import { chooseMachine, MACHINE_FLAGS, MACHINE_USAGE } from './chooseMachine';
import { parseArgs } from './parseArgs';
import { machineName, runSetup } from './runFiles';
import { runLimitFlags, runLimitsOf, RUN_LIMITS_USAGE } from './runLimitFlags';

export { machineName } from './runFiles';

export const RUN_USAGE = `Usage: asl run FILE [--state-machine NAME] [--sub Name=value]... [--input FILE|-] [--mocks FILE] [--test-case NAME] [--no-mocks] [--handlers FILE]
               [--history] [--format text|json|github] [--results-dir DIR] [--real-time] [--type standard|express]
               [--timeout S] [--memory MB]

Runs a state machine locally with the semantics AWS documents.
  --input FILE|-      the execution input (JSON; '-' reads stdin); default: NAME.input.json beside the
                      machine if there is one, else {}
  --mocks FILE        an AWS Step Functions Local MockConfigFile; default: NAME.mocks.json beside the machine
  --test-case NAME    the test case of the mock file; may be left out when the file has exactly one. Without
                      it, a file with several prints their names (one a line) and exits 2
  --no-mocks          do not pick up NAME.mocks.json
  --handlers FILE     a module whose 'handlers' (or default) export maps state names or ARNs to functions
  --history           print every history event, not only the summary
  --format FORMAT     text (default: summary), json ({events, status, output, error, cause}, the events
                      printed as the run makes them) or github (the summary, and an ::error annotation
                      at the failing state's line)
  --json              same as --format json
  --results-dir DIR   where a Distributed Map's ResultWriter writes its files (DIR/bucket/prefix/...)
  --real-time         wait for real in Wait states and retries (default: virtual time)
  --type TYPE         standard (default) or express: an Express machine is refused if it uses .sync,
                      .waitForTaskToken, activities or a Distributed Map; it has no 25,000-event history
                      limit and times out after five minutes (of virtual time, unless --real-time);
                      a template's own type (SAM Type, StateMachineType, Serverless/Terraform type) wins
${RUN_LIMITS_USAGE}${MACHINE_USAGE}The run happens in a worker process of its own; what handlers print goes to stderr.
What was picked up beside the machine is said on stderr.
Exit status: 0 succeeded, 1 failed, 2 usage error, unreadable input, invalid definition, or a Task with no
mock and no handler (a setup error).
`;

const FORMATS = ['text', 'json', 'github'];

export async function main(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, {
    input: 'string', mocks: 'string', 'test-case': 'string', 'no-mocks': 'boolean', handlers: 'string', 'results-dir': 'string',
    'real-time': 'boolean', type: 'string', json: 'boolean', history: 'boolean', format: 'string', help: 'boolean', ...runLimitFlags, ...MACHINE_FLAGS,
  });
  if (args.flags.help) {
    io.stdout(RUN_USAGE);
    return EXIT_OK;
  }
  const usage = usageError(io, 'run');
  if (args.error) return usage(`${args.error}\n\n${RUN_USAGE}`);
  if (args.positionals.length !== 1) return usage(`give exactly one state machine file\n\n${RUN_USAGE}`);
  const format = args.flags.json ? 'json' : typeof args.flags.format === 'string' ? args.flags.format : 'text';
  if (!FORMATS.includes(format)) return usage(`--format must be one of ${FORMATS.join(', ')}`);
  if (typeof args.flags.mocks === 'string' && args.flags['no-mocks']) return usage('give --mocks FILE or --no-mocks, not both');
  const type = typeof args.flags.type === 'string' ? args.flags.type.toUpperCase() : 'STANDARD';
  if (type !== 'STANDARD' && type !== 'EXPRESS') return usage('--type must be standard or express');
  const limits = runLimitsOf(args.flags);
  if (typeof limits === 'string') return usage(limits);
  const file = args.positionals[0];
  // The run's worker starts while this process reads and checks the machine (a node process takes about as long
  // to start as all of that); if the machine turns out invalid, this process ends and the worker with it.
  startWorkerAhead(workerScript(), limits.memoryMb);

  let text: string;
  try {
    text = await io.readFile(file);
  } catch (error) {
    return usage(`cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? error})`);
  }
  const chosen = await chooseMachine(io, file, text, args.flags, type);
  if ('error' in chosen) {
    if (chosen.names) io.stdout(`${chosen.names.join('\n')}\n`);
    return usage(chosen.error);
  }
  const { prepared, machineFile } = chosen;
  if ('problems' in prepared) {
    const where = prepared.file !== undefined ? join(dirname(file), prepared.file) : file;
    io.stderr(`asl run: ${where}${chosen.name !== undefined ? ` [${chosen.name}]` : ''} is not a valid state machine:\n`);
    for (const p of prepared.problems) {
      io.stderr(`${where}:${p.line}:${p.column} error ${p.code} ${p.message}\n`);
      if (format === 'github') io.stdout(githubError(where, p.line, `Invalid state machine (${p.code})`, p.message, p.column));
    }
    return EXIT_USAGE;
  }

  const setup = await runSetup(io, machineFile, args.flags);
  if ('error' in setup) {
    if (setup.testCases) io.stdout(`${setup.testCases.join('\n')}\n`);
    return usage(setup.error);
  }
  const { input, tasks, used } = setup;
  if (used.length > 0) io.stderr(`asl run: using ${used.join('; ')}\n`);

  // The execution runs in a worker process of its own (server/src/execution): this process only prints.
  const resultsDir = args.flags['results-dir'];
  // --json: the events are printed as the worker sends them, the result when the run ends.
  const json = format === 'json' ? new RunJsonWriter(io.stdout) : undefined;
  const result = await startExecution(
    {
      definition: prepared.definition,
      input,
      stateMachineName: machineName(machineFile),
      executionName: `local-${Date.now()}`,
      startTime: Date.now(),
      realTime: args.flags['real-time'] === true,
      // The summary and --history read the events' types, names and errors: states' input and output stay out.
      // --json: the worker sends the events as they are printed.
      eventDetail: format === 'json' ? 'text' : 'summary',
      stateMachineType: chosen.machineType,
      ...(tasks.mocks ? { mocks: tasks.mocks } : {}),
      ...(tasks.handlersPath ? { handlersPath: tasks.handlersPath } : {}),
      ...(typeof resultsDir === 'string' ? { resultsDir: resolve(io.cwd, resultsDir) } : {}),
    },
    limits,
    { onOutput: (text) => io.stderr(text), ...(json ? { onEventTexts: (text: string) => json.events(text) } : {}) },
  ).result;
  // A run that could not start sent no events (the worker checks the mocks and handlers before it runs).
  if (isSetupFailure(result)) return usage(result.message);
  if (json) {
    json.end(result);
  } else {
    io.stdout(args.flags.history ? formatHistory(result) : formatSummary(result, { virtualTime: !args.flags['real-time'] }));
    if (format === 'github' && result.status !== 'SUCCEEDED') io.stdout(annotation(file, text, result));
  }
  const unmocked = missingMockState(result);
  if (unmocked !== undefined) {
    io.stderr(`asl run: setup error: ${result.cause}\n`);
    return EXIT_USAGE;
  }
  return result.status === 'SUCCEEDED' ? EXIT_OK : EXIT_FAILED;
}

/** The `::error` line for a run that did not succeed, at the line of the state that failed it. */
function annotation(file: string, text: string, result: ExecutionResult): string {
  const unmocked = missingMockState(result);
  const culprit = unmocked ?? statesTaken(result.events, result.status).find((s) => s.failed)?.name;
  const title = unmocked !== undefined ? `Task '${unmocked}' has no mock` : `Execution ${result.status}${culprit ? ` in '${culprit}'` : ''}: ${result.error ?? ''}`;
  return githubError(file, culprit !== undefined ? stateLine(text, culprit, file) : undefined, title, `${result.error ?? result.status}: ${result.cause ?? ''}`);
}
