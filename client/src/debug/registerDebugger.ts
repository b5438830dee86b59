import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { activeMachineUri } from '../activeMachine';
import { ExecutionPanel } from '../execution/executionPanel';
import { chooseRun, type RunChoice } from '../execution/runChoices';
import type { GraphPanel } from '../graph/graphPanel';
import { lastRunsForTests } from '../testing/saveRunAsTest';
import { AslDebugAdapterFactory } from './debugAdapterFactory';
import { AslDebugConfigurationProvider } from './debugConfigurationProvider';
import { DebugGraph } from './debugGraph';
import { asUri, debugTarget } from './debugTarget';
import { runTarget } from '../templates/templateRun';
import { DEBUG_TYPE, machineConfiguration } from './launchConfiguration';

/**
 * The `asl` debugger in VS Code: the adapter process, launch configurations (F5 with no launch.json included), the
 * commands behind the Debug code lens, the editor title button and the execution view's *Debug this run again*,
 * and the graph preview's view of a session.
 */
export function registerDebugger(context: vscode.ExtensionContext, client: LanguageClient): void {
  const graph = new DebugGraph();

  /** Starts a session on the machine in `uri` with `choice`, or (no choice) the one Start Execution would make. */
  const debug = async (uri: vscode.Uri | undefined, stateMachine?: string, preset?: RunChoice): Promise<boolean> => {
    if (!uri) {
      void vscode.window.showInformationMessage('Open a state machine (.asl.json, .asl.yaml or a template) to debug it.');
      return false;
    }
    const target = await debugTarget(client, uri, stateMachine);
    if (typeof target === 'string') void vscode.window.showInformationMessage(target);
    if (!target || typeof target === 'string') return false;
    // As Start Execution: a template's run files are named after the machine, its unset ${Name} values asked once.
    const run = await runTarget(context, client, target.document);
    if (!run) return false;
    const last = lastRunsForTests.get(uri.toString());
    const choice = preset ?? (await chooseRun(context, run.filesUri, false, last && { input: last.input, inputLabel: last.inputLabel, testCase: last.testCase }, run.key));
    if (!choice) return false;
    const config = await machineConfiguration(target.document.uri, choice, run);
    if (typeof config === 'string') {
      void vscode.window.showErrorMessage(config);
      return false;
    }
    return vscode.debug.startDebugging(vscode.workspace.getWorkspaceFolder(uri), config);
  };

  context.subscriptions.push(
    graph,
    vscode.debug.registerDebugAdapterDescriptorFactory(DEBUG_TYPE, new AslDebugAdapterFactory(context)),
    vscode.debug.registerDebugConfigurationProvider(DEBUG_TYPE, new AslDebugConfigurationProvider(context, client)),
    // (uri?, stateMachine?): the lens sends both (a template's), the title bar the editor's Uri, the palette none.
    vscode.commands.registerCommand('asl.debugMachine', (uri?: unknown, stateMachine?: unknown) =>
      debug(asUri(uri) ?? activeMachineUri(), typeof stateMachine === 'string' ? stateMachine : undefined)),
    // The execution view's title bar: the same input and test case as the run it shows.
    vscode.commands.registerCommand('asl.debugRunAgain', (uri?: unknown) => {
      const machine = asUri(uri) ?? ExecutionPanel.active()?.uri ?? activeMachineUri();
      const last = machine && lastRunsForTests.get(machine.toString());
      if (!machine || !last) {
        void vscode.window.showInformationMessage('Run the machine first (ASL: Start Execution); Debug This Run Again repeats its last run in the debugger.');
        return false;
      }
      return debug(machine, undefined, { input: last.input, inputLabel: last.inputLabel, testCase: last.testCase });
    }),
    // The debug toolbar: the graph of the machine being debugged, beside, with the session's path and pause.
    vscode.commands.registerCommand('asl.debugShowGraph', async () => {
      const session = vscode.debug.activeDebugSession;
      const uri = session && DebugGraph.machineOf(session);
      if (!session || !uri) return undefined;
      const panel = await vscode.commands.executeCommand<GraphPanel | undefined>('asl.openGraphPreviewToSide', uri);
      if (panel?.received.some((m) => m.type === 'rendered')) graph.replay(session, panel);
      else if (panel) void panel.next((m) => m.type === 'rendered').then(() => graph.replay(session, panel));
      return panel;
    }),
  );
}
