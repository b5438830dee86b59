import { analyzeDocument } from '../core/analyzeDocument';
import { LineIndex } from '../core/document/lineIndex';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, type CliIo } from './cliIo';
import { expandFiles } from './expandFiles';
import { parseArgs } from './parseArgs';

export const VALIDATE_USAGE = `Usage: asl validate [--format text|json] FILE|DIR|GLOB...

Checks Amazon States Language definitions and prints every problem.
  --format text   file:line:col severity code message (default; 1-based line and column)
  --format json   [{file, range: {start, end}, severity, code, message}] with 0-based positions
Exit status: 0 no errors, 1 errors found, 2 usage error or unreadable file.
`;

interface JsonProblem {
  file: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: string;
  code: string;
  message: string;
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(argv, { format: 'string', help: 'boolean' });
  if (parsed.error) return usage(io, parsed.error);
  if (parsed.flags.help) {
    io.stdout(VALIDATE_USAGE);
    return EXIT_OK;
  }
  const format = (parsed.flags.format as string | undefined) ?? 'text';
  if (format !== 'text' && format !== 'json') return usage(io, `unknown format '${format}' (use text or json)`);
  if (parsed.positionals.length === 0) return usage(io, 'no file given');

  const { files, missing } = await expandFiles(parsed.positionals, io.cwd);
  let unreadable = missing.length > 0;
  for (const m of missing) io.stderr(`asl validate: ${m.argument}: ${m.reason}\n`);

  const problems: JsonProblem[] = [];
  let errors = 0;
  for (const file of files) {
    let text: string;
    try {
      text = await io.readFile(file);
    } catch (error) {
      unreadable = true;
      io.stderr(`asl validate: ${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})\n`);
      continue;
    }
    const lines = new LineIndex(text);
    for (const p of analyzeDocument(text).problems) {
      if (p.severity === 'error') errors++;
      problems.push({
        file,
        range: { start: lines.positionAt(p.span.offset), end: lines.positionAt(p.span.offset + p.span.length) },
        severity: p.severity,
        code: p.code,
        message: p.message,
      });
    }
  }

  if (format === 'json') {
    io.stdout(`${JSON.stringify(problems, null, 2)}\n`);
  } else {
    for (const p of problems) {
      io.stdout(`${p.file}:${p.range.start.line + 1}:${p.range.start.character + 1} ${p.severity} ${p.code} ${p.message}\n`);
    }
  }
  const warnings = problems.filter((p) => p.severity === 'warning').length;
  io.stderr(`${files.length} file(s) checked: ${errors} error(s), ${warnings} warning(s)\n`);
  if (unreadable) return EXIT_USAGE;
  return errors > 0 ? EXIT_FAILED : EXIT_OK;
}

function usage(io: CliIo, message: string): number {
  io.stderr(`asl validate: ${message}\n\n${VALIDATE_USAGE}`);
  return EXIT_USAGE;
}
