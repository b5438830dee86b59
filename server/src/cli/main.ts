import { EXIT_OK, EXIT_USAGE, processIo, type CliIo } from './cliIo';

type Command = (argv: string[], io: CliIo) => Promise<number>;

// Each command is loaded only when used, so `asl run` does not pay for the validator's or the graph's code.
const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  validate: { summary: 'check definitions and print problems', load: async () => (await import('./validate')).main },
  run: { summary: 'run a state machine locally (mocks, handlers, virtual time)', load: async () => (await import('./run')).main },
  'test-state': { summary: 'run one state alone and show each processing step', load: async () => (await import('./testState')).main },
  test: { summary: 'run the tests in name.tests.json / .tests.yaml files (reports, coverage)', load: async () => (await import('./test')).main },
  graph: { summary: 'draw a state machine as SVG, or its laid-out graph as JSON', load: async () => (await import('./graph')).main },
};

const VERSION = '0.1.0';

function help(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(12)}${c.summary}`);
  return `ASL Workbench ${VERSION}: tools for Amazon States Language (AWS Step Functions) definitions.

Usage: asl <command> [options]

Commands:
${lines.join('\n')}

Run 'asl <command> --help' for a command's options.
`;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(help());
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${VERSION}\n`);
    return EXIT_OK;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.stderr(`asl: unknown command '${name}'\n\n${help()}`);
    return EXIT_USAGE;
  }
  try {
    return await (await command.load())(rest, io);
  } catch (error) {
    // Commands report usage problems themselves; what escapes is a bug, and still gets one line, not a stack.
    io.stderr(`asl ${name}: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_USAGE;
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2), processIo()).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`asl: internal error: ${error instanceof Error ? error.message : error}\n`);
      process.exitCode = EXIT_USAGE;
    },
  );
}
