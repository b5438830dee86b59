import { readFile } from 'node:fs/promises';
import { resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { toRunLimits } from '../execution/runLimits';
import { ListTestsRequest, RunTestsRequest } from '../protocol';
import { defaultMachinePath } from '../testing/loadTests';
import { parseTestFile } from '../testing/parseTestFile';
import { readSource } from '../testing/readSource';
import { runTests } from '../testing/runTests';
import { pretty } from '../testing/diffText';
import type { FeatureContext } from './featureContext';

/**
 * The Testing view's requests: list a test file's tests, and run tests in the isolated test workers (never in
 * the server's thread; the same pool as `asl test`). Test files are JSON/YAML the server does not sync, so the
 * client sends their text; machines come from the open documents, else the disk.
 */
export function registerTestRequests(ctx: FeatureContext, canPullConfiguration: () => boolean = () => false): void {
  ctx.connection.onRequest(ListTestsRequest.method, ctx.guard('listTests', { machineUri: '', tests: [], problems: [] } as ListTestsRequest.Result, (params: ListTestsRequest.Params): ListTestsRequest.Result => {
    const path = fileURLToPath(String(params.uri));
    const file = parseTestFile(String(params.text), path);
    const machine = file.machine ? resolve(dirname(path), file.machine) : defaultMachinePath(path);
    const nameOf = (index?: number) => {
      const tests = (file.source.value as { tests?: { name?: unknown }[] } | undefined)?.tests;
      const name = index === undefined || !Array.isArray(tests) ? undefined : tests[index]?.name;
      return typeof name === 'string' ? name : undefined;
    };
    const tests = file.tests.map((t) => ({ name: t.name, line: t.line - 1 }));
    // A test with a problem is still listed (at its line), so the view shows it and its error.
    for (const p of file.problems) {
      const name = nameOf(p.test);
      if (name !== undefined && !tests.some((t) => t.name === name)) tests.push({ name, line: file.source.lineOf(['tests', p.test ?? 0, 'name']) - 1 });
    }
    return { machineUri: pathToFileURL(machine).toString(), tests, problems: file.problems.map((p) => ({ line: p.line - 1, message: p.message, ...(nameOf(p.test) !== undefined ? { testName: nameOf(p.test) } : {}) })) };
  }));

  ctx.connection.onRequest(RunTestsRequest.method, async (params: RunTestsRequest.Params, token): Promise<RunTestsRequest.Result> => {
    const files = Array.isArray(params.files) ? params.files : [];
    const texts = new Map(files.map((f) => [fileURLToPath(String(f.uri)), String(f.text)]));
    const names = new Map(files.filter((f) => Array.isArray(f.names)).map((f) => [fileURLToPath(String(f.uri)), new Set(f.names?.map(String))]));
    const read = async (path: string) => texts.get(path) ?? ctx.getDocument(pathToFileURL(path).toString())?.textDocument.getText() ?? (await readFile(path, 'utf8'));
    let section: unknown;
    if (canPullConfiguration()) section = (await ctx.connection.workspace.getConfiguration([{ section: 'asl.execution' }]).catch(() => [undefined]))[0];
    const abort = new AbortController();
    token.onCancellationRequested(() => abort.abort());
    const run = await runTests([...texts.keys()], read, { limits: toRunLimits(section), coverage: params.coverage === true, signal: abort.signal, select: (path, name) => !names.has(path) || names.get(path)!.has(name) });
    const uri = (path: string) => pathToFileURL(path).toString();
    return {
      results: run.results.map((r) => ({
        uri: uri(r.file), name: r.name, line: r.line - 1, state: r.state, ms: r.ms, ...(r.message ? { message: r.message } : {}), ...(r.observed ? { path: r.observed.path } : {}),
        failures: r.failures.map((f) => ({ line: f.line - 1, message: f.message, ...(Object.hasOwn(f, 'expected') ? { expected: pretty(f.expected), actual: pretty(f.actual) } : {}) })),
      })),
      problems: run.files.flatMap((f) => f.problems.filter((p) => p.testName === undefined && p.test === undefined).map((p) => ({ uri: uri(f.path), line: p.line - 1, message: p.message }))),
      ...(params.coverage ? {
        coverage: run.coverage.map((c) => {
          const source = readSource(run.files.find((f) => f.machine?.path === c.machine)?.machine?.text ?? '', 'json');
          return { machineUri: uri(c.machine), items: c.items.map((i) => ({ kind: i.kind, state: i.state, label: i.label, line: source.lineOf(i.at) - 1, hits: i.hits })) };
        }),
      } : {}),
    };
  });
}
