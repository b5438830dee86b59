import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { stringify } from 'yaml';
import type { StartExecutionRequest } from '../../../server/src/protocol';

/** The test a run becomes: its input, its test case, and the status, output (or error and cause) and path it had. */
export function testFromRun(name: string, run: { input: string; testCase?: string; result: StartExecutionRequest.Result }): Record<string, unknown> {
  const r = run.result;
  let input: unknown = {};
  try {
    input = run.input.trim() ? JSON.parse(run.input) : {};
  } catch {
    // Start Execution refuses such an input; nothing to keep.
  }
  const expect: Record<string, unknown> = { status: r.status };
  if (r.error !== undefined) Object.assign(expect, { error: r.error, cause: r.cause ?? '' });
  else expect.output = r.output ?? null;
  expect.path = r.events.filter((e) => e.type.endsWith('StateEntered')).map((e) => String((e.stateEnteredEventDetails as { name?: unknown } | undefined)?.name));
  return { name, input, ...(run.testCase ? { testCase: run.testCase } : {}), expect };
}

/** Adds a test at the end of a test file's "tests", keeping the rest of the text (JSON or YAML). */
export function appendTest(text: string, yaml: boolean, test: Record<string, unknown>): string {
  if (yaml) {
    const indent = /^( *)- /m.exec(text)?.[1] ?? '  ';
    const block = stringify([test], { lineWidth: 0 }).trimEnd().split('\n').map((l) => indent + l).join('\n');
    return `${text.replace(/\s*$/, '')}\n\n${block}\n`;
  }
  const unit = /^([ \t]+)\S/m.exec(text)?.[1] ?? '  ';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const tree = parseTree(text);
  const tests = tree ? findNodeAtLocation(tree, ['tests']) : undefined;
  if (!tree || tests?.type !== 'array') return `${JSON.stringify({ tests: [test] }, null, unit)}${eol}`;
  const lineIndent = (offset: number) => /^[ \t]*/.exec(text.slice(text.lastIndexOf('\n', offset - 1) + 1))?.[0] ?? '';
  const last = tests.children?.at(-1);
  const indent = last ? lineIndent(last.offset) : lineIndent(tests.offset) + unit;
  const written = JSON.stringify(test, null, unit).replace(/\n/g, eol + indent);
  // Only the new item is written: after the last one (or inside the empty list); everything else stays as it was.
  if (last) return `${text.slice(0, last.offset + last.length)},${eol}${indent}${written}${text.slice(last.offset + last.length)}`;
  const close = tests.offset + tests.length - 1;
  return `${text.slice(0, tests.offset + 1)}${eol}${indent}${written}${eol}${lineIndent(tests.offset)}${text.slice(close)}`;
}
