import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { TestStateRequest } from '../../../server/src/protocol';
import { GraphPanel } from '../graph/graphPanel';
import { pickInput, pickTestCase, runFilesOf, testCases, type InputChoice } from './runChoices';
import { lastRunStates, lastTestCases } from './runMemory';
import { TestStatePanel } from './testStatePanel';
import { activeMachineDocument } from '../activeMachine';
import { pickTemplateMachine } from '../templates/templateMachines';
import { runTarget, type RunTarget } from '../templates/templateRun';

interface Preset {
  stateName: string;
  input?: string;
  testCase?: string;
}

/** States whose run calls a Task (or an ItemReader), so a test case of the mock file matters. */
const CALLS_TASKS = new Set(['Task', 'Map']);

/**
 * ASL: Test State… — one state alone in the Test State view. From a code lens or a graph box it runs at once with
 * the state's last input (else its input in the last run, else the machine's name.input.json, else {}) and the
 * machine's test case (asked once when the mock file has several); the view changes input or test case.
 */
export function registerTestStateCommand(context: vscode.ExtensionContext, client: LanguageClient, output: vscode.LogOutputChannel): void {
  const lastInputs = new Map<string, InputChoice>();

  const run = async (document: vscode.TextDocument, target: RunTarget, stateName: string, choice: InputChoice, testCase: string | undefined): Promise<TestStateRequest.Result> => {
    const uri = document.uri;
    lastInputs.set(`${target.key}#${stateName}`, choice);
    const files = await runFilesOf(target.filesUri);
    const rerun = (next: InputChoice, nextCase = testCase) => run(document, target, stateName, next, nextCase);
    const panel = TestStatePanel.show(context, uri, {
      rerun: () => rerun(choice),
      changeInput: async () => {
        const suggestions = [{ ...choice, description: 'current input' }, ...fromLastRun(target, stateName)];
        const picked = await pickInput(context, files.inputs, suggestions, choice.input);
        if (picked) await rerun(picked);
      },
      changeTestCase: async () => {
        if (!files.mocks) return;
        const picked = await pickTestCase(files.mocks, await testCases(files.mocks, target.filesUri), testCase);
        if (picked) {
          lastTestCases.set(target.key, picked);
          await rerun(choice, picked);
        }
      },
      openMocks: () => openMockFile(target.filesUri, files.mocks, stateName),
    });
    panel.running(target.label, stateName, choice.inputLabel, testCase, files.mocks ? path.basename(files.mocks) : undefined);
    const result = (await client.sendRequest(TestStateRequest.method, {
      uri: uri.toString(),
      stateName,
      input: choice.input,
      mocksPath: testCase ? files.mocks : undefined,
      testCase,
      substitutions: target.substitutions,
    } satisfies TestStateRequest.Params)) as TestStateRequest.Result;
    panel.result(result);
    output.appendLine(`\n▶ Test state '${stateName}' (input: ${choice.inputLabel}${testCase ? `, test case: ${testCase}` : ''}): ${result.status}${result.error ? ` ${result.error}: ${result.cause ?? ''}` : ''}`);
    return result;
  };

  const defaultInput = async (target: RunTarget, stateName: string): Promise<InputChoice> => {
    const last = lastInputs.get(`${target.key}#${stateName}`) ?? fromLastRun(target, stateName)[0];
    if (last) return last;
    const files = await runFilesOf(target.filesUri);
    if (files.inputs.length > 0) return { input: await fs.readFile(files.inputs[0], 'utf8'), inputLabel: path.basename(files.inputs[0]) };
    return { input: '{}', inputLabel: '{}' };
  };

  /** The machine's test case: the last one chosen, the only one, or asked (undefined: none, or dismissed). */
  const chooseTestCase = async (target: RunTarget): Promise<string | null | undefined> => {
    const files = await runFilesOf(target.filesUri);
    if (!files.mocks) return undefined;
    const names = await testCases(files.mocks, target.filesUri);
    const last = lastTestCases.get(target.key);
    if (last && names.includes(last)) return last;
    if (names.length <= 1) return names[0];
    const picked = await pickTestCase(files.mocks, names);
    if (picked) lastTestCases.set(target.key, picked);
    return picked ?? null;
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('asl.testState', async (uri?: unknown, presetOrName?: string | Preset) => {
      // From the code lens: (uri string, state name); from the graph or tests: (Uri, name or preset).
      const preset: Preset | undefined = typeof presetOrName === 'string' ? { stateName: presetOrName } : presetOrName;
      const target = typeof uri === 'string' ? vscode.Uri.parse(uri) : uri;
      const document = target instanceof vscode.Uri ? await vscode.workspace.openTextDocument(target) : await activeMachineDocument();
      if (!document || (!(target instanceof vscode.Uri) && !(await pickTemplateMachine(client, document)))) return undefined;
      const machine = await runTarget(context, client, document);
      if (!machine) return undefined;
      const states = await stateSymbols(document.uri, machine.name);
      let stateName = preset?.stateName;
      if (!stateName) {
        const cursor = vscode.window.activeTextEditor?.document === document ? vscode.window.activeTextEditor.selection.active : undefined;
        const sorted = [...states].sort((a, b) => Number(cursor ? b.range.contains(cursor) : 0) - Number(cursor ? a.range.contains(cursor) : 0));
        stateName = (await vscode.window.showQuickPick(sorted.map((s) => ({ label: s.name, description: s.detail })), { title: 'State to test' }))?.label;
        if (!stateName) return undefined;
      }
      const type = states.find((s) => s.name === stateName)?.detail;
      const choice = preset?.input !== undefined ? { input: preset.input, inputLabel: 'given input' } : await defaultInput(machine, stateName);
      let testCase = preset?.testCase;
      if (testCase === undefined && CALLS_TASKS.has(type ?? 'Task')) {
        const chosen = await chooseTestCase(machine);
        if (chosen === null) return undefined;
        testCase = chosen;
      }
      return run(document, machine, stateName, choice, testCase);
    }),
    // The graph's right-click menu on a state box (its data-vscode-context carries the state name).
    vscode.commands.registerCommand('asl.testStateFromGraph', (context?: { stateName?: unknown }) => {
      const graph = GraphPanel.all().find((p) => p.panel.active) ?? GraphPanel.all()[0];
      if (!graph || typeof context?.stateName !== 'string') return undefined;
      return vscode.commands.executeCommand('asl.testState', graph.uri, context.stateName);
    }),
  );
}

/** A state's input in the last run of its machine, if it was entered. */
function fromLastRun(target: RunTarget, stateName: string): (InputChoice & { description: string })[] {
  const input = lastRunStates.get(target.key)?.[stateName]?.input;
  return input ? [{ input, inputLabel: 'its input in the last run', description: 'from the last execution' }] : [];
}

/** The states of a machine file, or of the state machine `machine` of a template (its symbol's children). */
async function stateSymbols(uri: vscode.Uri, machine?: string): Promise<vscode.DocumentSymbol[]> {
  const all = (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri)) ?? [];
  const own = machine === undefined ? undefined : all.find((s) => s.kind === vscode.SymbolKind.Module && s.name === machine);
  const symbols = own ? own.children : all;
  const flat: vscode.DocumentSymbol[] = [];
  const walk = (list: vscode.DocumentSymbol[]) => {
    for (const s of list) {
      // Branches and, in a template, the state machines hold states but are none.
      if (s.kind !== vscode.SymbolKind.Namespace && s.kind !== vscode.SymbolKind.Module) flat.push(s);
      walk(s.children);
    }
  };
  walk(symbols);
  return flat;
}

/** Opens the machine's mock file, or a new one (unsaved, at name.mocks.json) with a test case mocking the state. */
export async function openMockFile(uri: vscode.Uri, mocks: string | undefined, stateName: string): Promise<void> {
  if (mocks) {
    await vscode.window.showTextDocument(vscode.Uri.file(mocks), { viewColumn: vscode.ViewColumn.One });
    return;
  }
  const base = path.basename(uri.fsPath).replace(/\.asl\.(?:json|ya?ml)$|\.(?:json|ya?ml)$/, '');
  const response = `${stateName.replace(/[^A-Za-z0-9]+/g, '') || 'Task'}Response`;
  const skeleton = { StateMachines: { [base]: { TestCases: { Default: { [stateName]: response } } } }, MockedResponses: { [response]: { 0: { Return: {} } } } };
  const target = vscode.Uri.file(path.join(path.dirname(uri.fsPath), `${base}.mocks.json`)).with({ scheme: 'untitled' });
  const document = await vscode.workspace.openTextDocument(target);
  const editor = await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One });
  if (document.getText() === '') await editor.edit((e) => e.insert(new vscode.Position(0, 0), `${JSON.stringify(skeleton, null, 2)}\n`));
}
