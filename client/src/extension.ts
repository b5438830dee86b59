import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerCoreCommands } from './commands/registerCommands';
import { registerDebugger } from './debug/registerDebugger';
import { registerExecutionCommands } from './execution/registerExecutionCommands';
import type { ExecutionHistoryView } from './execution/executionHistoryView';
import { ExecutionPanel } from './execution/executionPanel';
import { registerTestStateCommand } from './execution/testStateCommand';
import { registerGraphCommands } from './graph/registerGraphCommands';
import { createLanguageClient } from './languageClient';
import { registerStatusBar } from './statusBar';
import { registerSaveRunAsTest } from './testing/saveRunAsTest';
import { registerTestController, type AslTestsApi } from './testing/testController';
import { registerTemplateMachines } from './templates/templateMachines';

/** What activate() returns: used by the end-to-end tests and by other extensions. */
export interface AslWorkbenchApi {
  client: LanguageClient;
  /** Resolves when the language server is running. */
  ready: Promise<void>;
  /** Extension-host time activate() took, in milliseconds (the server starts in its own process). */
  activationMs: number;
  /** The execution view of a machine, if open (end-to-end tests read its timeline). */
  executionPanel(uri: vscode.Uri): ExecutionPanel | undefined;
  /** The history tree of the last run (ASL Execution › History). */
  executionHistory: ExecutionHistoryView;
  /** The Testing view's tests (name.tests.json / .tests.yaml). */
  tests: AslTestsApi;
}

export function activate(context: vscode.ExtensionContext): AslWorkbenchApi {
  const started = performance.now();
  const output = vscode.window.createOutputChannel('ASL Workbench', { log: true });
  const client = createLanguageClient(context, output);
  const ready = client.start();
  context.subscriptions.push(output, { dispose: () => void client.stop() });
  registerCoreCommands(context, client, output);
  registerStatusBar(context, client);
  registerGraphCommands(context, client);
  const executionHistory = registerExecutionCommands(context, client, output);
  registerTestStateCommand(context, client, output);
  registerTemplateMachines(context, client);
  const tests = registerTestController(context, client, ready);
  registerSaveRunAsTest(context);
  registerDebugger(context, client);
  return { client, ready, tests, activationMs: performance.now() - started, executionPanel: (uri) => ExecutionPanel.current(uri), executionHistory };
}

export function deactivate(): Promise<void> | undefined {
  return undefined;
}
