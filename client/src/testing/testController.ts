import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ListTestsRequest, RunTestsRequest } from '../../../server/src/protocol';
import { GraphPanel } from '../graph/graphPanel';
import { testCoverage } from './testCoverage';

const TEST_GLOB = '**/*.tests.{json,yaml,yml}';
const isTestFile = (uri: vscode.Uri) => /\.tests\.(json|ya?ml)$/i.test(uri.fsPath);

/**
 * The Testing view: each machine with the tests of its test files (`name.tests.json` / `.tests.yaml`), run and
 * re-run from the view and from the gutter beside each test; failures shown at the expectation's line with the
 * expected/actual diff; a Coverage profile that reports states, Choice rules, catchers and retriers through the
 * Testing API's coverage and draws the untested states on the graph preview. Tests run in the server's isolated
 * test workers, as `asl test` runs them.
 */
/** What the end-to-end tests use: the controller, a rescan, and each run's outcome by test id. */
export interface AslTestsApi {
  controller: vscode.TestController;
  refresh(): Promise<void>;
  onDidFinishRun: vscode.Event<Map<string, 'passed' | 'failed' | 'error'>>;
}

export function registerTestController(context: vscode.ExtensionContext, client: LanguageClient, ready: Promise<void>): AslTestsApi {
  const controller = vscode.tests.createTestController('asl.tests', 'ASL state machine tests');
  const finished = new vscode.EventEmitter<Map<string, 'passed' | 'failed' | 'error'>>();
  context.subscriptions.push(controller, finished);
  /** The items each test file put under its machine, so a change of the file replaces exactly those. */
  const byFile = new Map<string, { machine: vscode.TestItem; tests: vscode.TestItem[] }>();
  const names = new WeakMap<vscode.TestItem, string>();

  const textOf = async (uri: vscode.Uri) => {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    return open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  };

  const remove = (uri: vscode.Uri) => {
    const entry = byFile.get(uri.toString());
    if (!entry) return;
    for (const item of entry.tests) entry.machine.children.delete(item.id);
    if (entry.machine.children.size === 0) controller.items.delete(entry.machine.id);
    byFile.delete(uri.toString());
  };

  const refresh = async (uri: vscode.Uri) => {
    let text: string;
    try {
      text = await textOf(uri);
    } catch {
      return remove(uri);
    }
    await ready;
    const listed = (await client.sendRequest(ListTestsRequest.method, { uri: uri.toString(), text } satisfies ListTestsRequest.Params)) as ListTestsRequest.Result;
    if (!listed.machineUri) return remove(uri);
    const machineUri = vscode.Uri.parse(listed.machineUri);
    // Items are kept (and updated) while their test stays, so a run in progress keeps reporting to them.
    const previous = byFile.get(uri.toString());
    if (previous && previous.machine.id !== listed.machineUri) remove(uri);
    let machine = controller.items.get(listed.machineUri);
    if (!machine) {
      machine = controller.createTestItem(listed.machineUri, path.basename(machineUri.fsPath), machineUri);
      controller.items.add(machine);
    }
    const fileProblems = listed.problems.filter((p) => p.testName === undefined);
    machine.error = fileProblems.length > 0 ? fileProblems.map((p) => `${path.basename(uri.fsPath)}:${p.line + 1}: ${p.message}`).join('\n') : undefined;
    const tests: vscode.TestItem[] = [];
    for (const test of listed.tests) {
      const id = `${uri.toString()}#${test.name}`;
      const item = machine.children.get(id) ?? controller.createTestItem(id, test.name, uri);
      item.range = new vscode.Range(test.line, 0, test.line, 0);
      const problem = listed.problems.find((p) => p.testName === test.name);
      item.error = problem ? `${path.basename(uri.fsPath)}:${problem.line + 1}: ${problem.message}` : undefined;
      names.set(item, test.name);
      machine.children.add(item);
      tests.push(item);
    }
    for (const old of byFile.get(uri.toString())?.tests ?? []) if (!tests.includes(old)) machine.children.delete(old.id);
    byFile.set(uri.toString(), { machine, tests });
  };

  const discover = async () => {
    for (const uri of await vscode.workspace.findFiles(TEST_GLOB, '**/node_modules/**')) await refresh(uri).catch(() => undefined);
  };
  controller.resolveHandler = async (item) => {
    if (!item) await discover();
  };
  controller.refreshHandler = async () => discover();

  const watcher = vscode.workspace.createFileSystemWatcher(TEST_GLOB);
  const pending = new Map<string, NodeJS.Timeout>();
  const later = (uri: vscode.Uri) => {
    clearTimeout(pending.get(uri.toString()));
    pending.set(uri.toString(), setTimeout(() => void refresh(uri).catch(() => undefined), 300));
  };
  context.subscriptions.push(
    watcher,
    watcher.onDidCreate(later),
    watcher.onDidChange(later),
    watcher.onDidDelete(remove),
    vscode.workspace.onDidChangeTextDocument((e) => isTestFile(e.document.uri) && later(e.document.uri)),
  );

  const runHandler = (coverage: boolean) => async (request: vscode.TestRunRequest, token: vscode.CancellationToken) => {
    const run = controller.createTestRun(request);
    const outcome = new Map<string, 'passed' | 'failed' | 'error'>();
    const picked: vscode.TestItem[] = [];
    const add = (item: vscode.TestItem) => {
      if (request.exclude?.some((x) => x.id === item.id)) return;
      if (names.has(item)) picked.push(item);
      else item.children.forEach(add);
    };
    if (request.include) request.include.forEach(add);
    else controller.items.forEach(add);
    const files = new Map<string, vscode.TestItem[]>();
    for (const item of picked) {
      if (!item.uri) continue;
      const key = item.uri.toString();
      files.set(key, [...(files.get(key) ?? []), item]);
      run.enqueued(item);
    }
    try {
      const params: RunTestsRequest.Params = { files: [], coverage };
      for (const [key, items] of files) {
        const uri = vscode.Uri.parse(key);
        const all = byFile.get(key)?.tests.length === items.length;
        params.files.push({ uri: key, text: await textOf(uri), ...(all ? {} : { names: items.map((i) => names.get(i) ?? i.label) }) });
      }
      for (const item of picked) run.started(item);
      await ready;
      const result = (await client.sendRequest(RunTestsRequest.method, params, token)) as RunTestsRequest.Result;
      const items = new Map(picked.map((i) => [`${i.uri?.toString()}#${names.get(i)}`, i]));
      for (const r of result.results) {
        const item = items.get(`${r.uri}#${r.name}`);
        if (!item) continue;
        const uri = vscode.Uri.parse(r.uri);
        const at = (line: number) => new vscode.Location(uri, new vscode.Position(line, 0));
        const taken = r.path ? `\nPath taken: ${r.path.join(' → ') || '(no state)'}` : '';
        outcome.set(item.id, r.state);
        if (r.state === 'passed') run.passed(item, r.ms);
        else if (r.state === 'error') run.errored(item, Object.assign(new vscode.TestMessage(r.message ?? 'The test could not run'), { location: at(r.line) }));
        else {
          const messages = r.failures.map((f) => {
            const message = f.expected !== undefined ? vscode.TestMessage.diff(`${f.message}${taken}`, f.expected, f.actual ?? '') : new vscode.TestMessage(`${f.message}${taken}`);
            message.location = at(f.line);
            return message;
          });
          if (r.message) messages.unshift(Object.assign(new vscode.TestMessage(`${r.message}${taken}`), { location: at(r.line) }));
          run.failed(item, messages, r.ms);
        }
      }
      for (const p of result.problems) {
        run.appendOutput(`${vscode.Uri.parse(p.uri).fsPath}:${p.line + 1}: ${p.message}\r\n`);
        for (const item of files.get(p.uri) ?? []) run.errored(item, Object.assign(new vscode.TestMessage(p.message), { location: new vscode.Location(vscode.Uri.parse(p.uri), new vscode.Position(p.line, 0)) }));
      }
      for (const c of result.coverage ?? []) {
        run.addCoverage(testCoverage(vscode.Uri.parse(c.machineUri), c.items));
        GraphPanel.forUri(vscode.Uri.parse(c.machineUri))?.showCoverage(c.items.filter((i) => i.kind === 'state' && i.hits === 0).map((i) => i.state));
      }
    } catch (error) {
      for (const item of picked) run.errored(item, new vscode.TestMessage(`The tests could not run: ${error instanceof Error ? error.message : String(error)}`));
    } finally {
      run.end();
      finished.fire(outcome);
    }
  };

  controller.createRunProfile('Run', vscode.TestRunProfileKind.Run, runHandler(false), true);
  const coverageProfile = controller.createRunProfile('Run with Coverage', vscode.TestRunProfileKind.Coverage, runHandler(true), true);
  coverageProfile.loadDetailedCoverage = async (_run, file) => (file as ReturnType<typeof testCoverage>).details;
  const discovered = discover();
  return { controller, refresh: async () => { await discovered; await discover(); }, onDidFinishRun: finished.event };
}
