import { analyzeDocument } from '../core/analyzeDocument';
import { formatOfName } from '../core/document/documentFormat';
import { LineIndex } from '../core/document/lineIndex';
import type { Span } from '../core/document/ast';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, withoutBom, type CliIo } from './cliIo';
import { expandFiles } from './expandFiles';
import { GlobError } from './globMatcher';
import { parseArgs } from './parseArgs';
import { isOtherInfrastructure, isTemplateCandidate, linkedProblems, templateOf } from './templateFiles';
import { DEFAULT_VALIDATION_SETTINGS, type Problem } from '../core/validation/types';

export const VALIDATE_USAGE = `Usage: asl validate [--format text|json] [--type standard|express] FILE|DIR|GLOB...

Checks Amazon States Language definitions and prints every problem: *.asl.json files, and each state machine of
a SAM/CloudFormation template, a Serverless Framework file or a Terraform file.
  --format text   file:line:col severity code message [StateMachine] (default; 1-based line and column)
  --format json   [{file, range: {start, end}, severity, code, message, stateMachine?, related?}] with 0-based
                  positions
  --type TYPE     standard (default) or express: an Express machine is refused if it uses .sync,
                  .waitForTaskToken, activities or a Distributed Map (a template's own type wins)
Folders are searched for *.asl.json, *.asl.yaml and *.asl.yml files and for templates that hold state machines; symbolic links are
followed. What cannot be read (a missing path, a folder that cannot be listed, a broken link, a link loop) is
reported on stderr.
Exit status: 0 no errors, 1 errors found, 2 usage error or something could not be read.
`;

type JsonRange = { start: { line: number; character: number }; end: { line: number; character: number } };

interface JsonProblem {
  file: string;
  range: JsonRange;
  severity: string;
  code: string;
  message: string;
  /** In a template: the state machine's logical ID, stateMachines key or resource name. */
  stateMachine?: string;
  /** Places the problem affects (e.g. the states a broken Next cuts off), reported with it, not on their own. */
  related?: { range: JsonRange; message: string }[];
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(argv, { format: 'string', type: 'string', help: 'boolean' });
  if (parsed.error) return usage(io, parsed.error);
  if (parsed.flags.help) {
    io.stdout(VALIDATE_USAGE);
    return EXIT_OK;
  }
  const format = (parsed.flags.format as string | undefined) ?? 'text';
  if (format !== 'text' && format !== 'json') return usage(io, `unknown format '${format}' (use text or json)`);
  const type = typeof parsed.flags.type === 'string' ? parsed.flags.type.toUpperCase() : 'STANDARD';
  if (type !== 'STANDARD' && type !== 'EXPRESS') return usage(io, '--type must be standard or express');
  const settings = { ...DEFAULT_VALIDATION_SETTINGS, stateMachineType: type } as const;
  if (parsed.positionals.length === 0) return usage(io, 'no file given');

  let expanded;
  try {
    expanded = await expandFiles(parsed.positionals, io.cwd, isTemplateCandidate);
  } catch (error) {
    if (error instanceof GlobError) return usage(io, `invalid pattern: ${error.message}`);
    throw error;
  }
  const { files, missing, candidates } = expanded;
  let unreadable = missing.length > 0;
  for (const m of missing) io.stderr(`asl validate: ${m.argument}: ${m.reason}\n`);

  const problems: JsonProblem[] = [];
  let errors = 0;
  let checked = 0;
  for (const file of files) {
    let text: string;
    try {
      text = await io.readFile(file);
    } catch (error) {
      unreadable = true;
      io.stderr(`asl validate: ${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})\n`);
      continue;
    }
    text = withoutBom(text);
    const lines = new LineIndex(text);
    const range = (span: Span): JsonRange => ({ start: lines.positionAt(span.offset), end: lines.positionAt(span.offset + span.length) });
    const add = (p: Problem, stateMachine?: string) => {
      if (p.severity === 'error') errors++;
      problems.push({
        file,
        range: range(p.span),
        severity: p.severity,
        code: p.code,
        message: p.message,
        ...(stateMachine !== undefined ? { stateMachine } : {}),
        ...(p.related?.length ? { related: p.related.map((r) => ({ range: range(r.span), message: r.message })) } : {}),
      });
    };
    const template = templateOf(file, text, settings);
    if (template) {
      checked++;
      for (const { definition, problems: own } of template.definitions) {
        const linked = await linkedProblems(io, file, definition);
        for (const p of [...own, ...linked].sort((a, b) => a.span.offset - b.span.offset)) add(p, definition.name);
      }
      continue;
    }
    // A file found in a folder, or a template or Terraform file, that holds no state machine is no definition.
    if (candidates.has(file) || isOtherInfrastructure(file, text)) {
      if (!candidates.has(file)) io.stderr(`asl validate: ${file}: holds no state machine\n`);
      continue;
    }
    checked++;
    for (const p of analyzeDocument(text, settings, formatOfName(file)).problems) add(p);
  }

  if (format === 'json') {
    io.stdout(`${JSON.stringify(problems, null, 2)}\n`);
  } else {
    for (const p of problems) {
      io.stdout(`${p.file}:${p.range.start.line + 1}:${p.range.start.character + 1} ${p.severity} ${p.code} ${p.message}${p.stateMachine !== undefined ? ` [${p.stateMachine}]` : ''}\n`);
    }
  }
  const warnings = problems.filter((p) => p.severity === 'warning').length;
  io.stderr(`${checked} file(s) checked: ${errors} error(s), ${warnings} warning(s)\n`);
  if (unreadable) return EXIT_USAGE;
  return errors > 0 ? EXIT_FAILED : EXIT_OK;
}

/** One line: what was wrong, and where the usage is. */
function usage(io: CliIo, message: string): number {
  io.stderr(`asl validate: ${message} (see 'asl validate --help')\n`);
  return EXIT_USAGE;
}
