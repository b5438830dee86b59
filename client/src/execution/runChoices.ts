import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { findRunFiles } from './findRunFiles';
import { lastTestCases } from './runMemory';

/** An input chosen for a run or a test: the JSON text and where it came from. */
export interface InputChoice {
  input: string;
  inputLabel: string;
}

/** An input and the mock file's test case to use (none when the machine has no mock file). */
export interface RunChoice extends InputChoice {
  testCase?: string;
}

const RECENT_KEY = 'asl.recentInputs';

/** The run files beside a machine (inputs, mock file, handlers). */
export async function runFilesOf(uri: vscode.Uri) {
  const dir = path.dirname(uri.fsPath);
  const base = path.basename(uri.fsPath).replace(/\.asl\.(?:json|ya?ml)$|\.(?:json|ya?ml)$/, '');
  const siblings = await fs.readdir(dir).catch(() => [] as string[]);
  const inputsFolder = await fs.readdir(path.join(dir, `${base}.inputs`)).catch(() => [] as string[]);
  return findRunFiles(uri.fsPath, siblings, inputsFolder);
}

/**
 * The handler module a run may use: `handlers` when the workspace is trusted and (unless the user named it
 * `explicitly`, as in launch.json) the setting allows it; in an untrusted workspace a warning says it was not run.
 */
export function allowedHandlers(handlers: string | undefined, explicitly = false): string | undefined {
  if (!handlers || (!explicitly && !vscode.workspace.getConfiguration('asl').get<boolean>('execution.useHandlers', true))) return undefined;
  if (vscode.workspace.isTrusted) return handlers;
  void vscode.window.showWarningMessage(`${path.basename(handlers)} was not run: local handler code runs only in a trusted workspace. Mocks still apply.`);
  return undefined;
}

/** The test case names of the machine in a mock file (none when it cannot be read). */
export async function testCases(mocksPath: string, uri: vscode.Uri): Promise<string[]> {
  try {
    const config = JSON.parse(await fs.readFile(mocksPath, 'utf8')) as { StateMachines?: Record<string, { TestCases?: Record<string, unknown> }> };
    const base = path.basename(uri.fsPath).replace(/\.asl\.(?:json|ya?ml)$|\.(?:json|ya?ml)$/, '');
    const machines = config.StateMachines ?? {};
    const machine = machines[base] ?? (Object.keys(machines).length === 1 ? Object.values(machines)[0] : undefined);
    return Object.keys(machine?.TestCases ?? {});
  } catch {
    return [];
  }
}

/** Asks for a test case of the mock file (undefined when dismissed). */
export async function pickTestCase(mocksPath: string, names: string[], current?: string): Promise<string | undefined> {
  const items = names.map((label) => ({ label, description: label === current ? 'current' : undefined }));
  return (await vscode.window.showQuickPick(items, { title: `Test case from ${path.basename(mocksPath)}`, placeHolder: 'Mocked Task results to use' }))?.label;
}

/** Asks for an input: the given suggestions, the input files, recent inputs, or JSON typed (prefilled with `typed`). */
export async function pickInput(context: vscode.ExtensionContext, inputs: string[], suggestions: (InputChoice & { description: string })[] = [], typed = '{}'): Promise<InputChoice | undefined> {
  const recent = context.workspaceState.get<string[]>(RECENT_KEY, []);
  type Item = vscode.QuickPickItem & { value?: string; file?: string; choice?: InputChoice };
  const items: Item[] = [
    ...suggestions.map((s) => ({ label: s.inputLabel, description: s.description, choice: s })),
    ...inputs.map((file) => ({ label: path.basename(file), description: 'input file', file })),
    ...recent.map((value) => ({ label: value.length > 60 ? `${value.slice(0, 57)}…` : value, description: 'recent input', value })),
    { label: '$(edit) Type JSON…', description: 'enter the input' },
  ];
  const chosen = await vscode.window.showQuickPick(items, { title: 'Input' });
  if (!chosen) return undefined;
  if (chosen.choice) return { input: chosen.choice.input, inputLabel: chosen.choice.inputLabel };
  if (chosen.file) return { input: await fs.readFile(chosen.file, 'utf8'), inputLabel: chosen.label };
  if (chosen.value) return { input: chosen.value, inputLabel: 'recent input' };
  const text = await vscode.window.showInputBox({
    title: 'Input (JSON)',
    value: typed,
    validateInput: (t) => {
      try {
        JSON.parse(t);
        return undefined;
      } catch (error) {
        return `Not valid JSON: ${(error as Error).message}`;
      }
    },
  });
  if (text === undefined) return undefined;
  await context.workspaceState.update(RECENT_KEY, [text, ...recent.filter((r) => r !== text)].slice(0, 5));
  return { input: text, inputLabel: 'typed input' };
}

/**
 * The input and test case of a run (Start Execution, a debug session): without asking, the first input file, else
 * `fallback` (the last run's), else `{}`, and the only test case; asking, a pick of each. Undefined when dismissed.
 * `uri` names the run files (for a template: `Name.asl.json` beside it); `key` is what the test case is remembered by.
 */
export async function chooseRun(context: vscode.ExtensionContext, uri: vscode.Uri, askForInput: boolean, fallback?: RunChoice, key = uri.toString()): Promise<RunChoice | undefined> {
  const files = await runFilesOf(uri);
  let choice: RunChoice | undefined;
  if (!askForInput && files.inputs.length > 0) {
    choice = { input: await fs.readFile(files.inputs[0], 'utf8'), inputLabel: path.basename(files.inputs[0]) };
  } else if (!askForInput) {
    choice = fallback ? { ...fallback } : { input: '{}', inputLabel: '{}' };
  } else {
    choice = await pickInput(context, files.inputs);
  }
  if (!choice) return undefined;
  if (files.mocks) {
    const names = await testCases(files.mocks, uri);
    if (names.length > 0) {
      const testCase = askForInput || names.length > 1 ? await pickTestCase(files.mocks, names, lastTestCases.get(key)) : names[0];
      if (!testCase) return undefined;
      choice.testCase = testCase;
      lastTestCases.set(key, testCase);
    }
  }
  return choice;
}
