import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { AbortExecutionRequest, ExecutionCallbackNotification, ExecutionEventNotification, SendTaskAnswerRequest, StartExecutionRequest } from '../../../server/src/protocol';
import type { TaskAnswerData } from '../../webview/src/shared/executionMessages';
import { ExecutionHistoryView } from './executionHistoryView';
import { ExecutionPanel } from './executionPanel';
import { formatEventLine } from './formatEventLine';
import { runInfo } from './runInfo';
import { allowedHandlers, chooseRun, runFilesOf, type RunChoice } from './runChoices';
import { lastRunStates } from './runMemory';
import { openMockFile } from './testStateCommand';
import { GraphPanel } from '../graph/graphPanel';
import { activeMachineDocument } from '../activeMachine';
import { lastRunsForTests } from '../testing/saveRunAsTest';
import { pickTemplateMachine } from '../templates/templateMachines';
import { runTarget, type RunTarget } from '../templates/templateRun';

/** A run still going after this long gets its execution view at once (it may wait for the user there). */
const LONG_RUN_MS = 5000;

/** Start Execution (with the default input), Start Execution with Input…, and re-run from the execution view. */
export function registerExecutionCommands(context: vscode.ExtensionContext, client: LanguageClient, output: vscode.LogOutputChannel): ExecutionHistoryView {
  const lastRuns = new Map<string, RunChoice>();
  const listeners = new Map<string, (events: StartExecutionRequest.Result['events']) => void>();
  client.onNotification(ExecutionEventNotification.method, (params: ExecutionEventNotification.Params) => listeners.get(params.executionId)?.(params.events));
  const callbackListeners = new Map<string, (task: ExecutionCallbackNotification.Params) => void>();
  client.onNotification(ExecutionCallbackNotification.method, (params: ExecutionCallbackNotification.Params) => callbackListeners.get(params.executionId)?.(params));

  const history = new ExecutionHistoryView();
  context.subscriptions.push(history);

  const run = async (document: vscode.TextDocument, target: RunTarget, choice: RunChoice) => {
    lastRuns.set(target.key, choice);
    const rerun = () => run(document, target, choice);
    // The native history tree first: it shows within a few hundred milliseconds. A new execution view (webview)
    // takes over a second to load, on the same browser thread that draws the tree, so it is made once the tree has
    // drawn the finished run (or when the run waits for the user, or runs long); an open one is used at once.
    const shown = history.started(document.uri, target.label, rerun);
    let panel: ExecutionPanel | undefined;
    const toPanel: ((p: ExecutionPanel) => void)[] = [];
    const forPanel = (send: (p: ExecutionPanel) => void) => (panel ? send(panel) : toPanel.push(send));
    const openPanel = () => {
      if (panel) return;
      panel = ExecutionPanel.show(context, document.uri, rerun);
      for (const send of toPanel.splice(0)) send(panel);
    };
    forPanel((p) => p.started(target.label, choice.inputLabel, choice.testCase));
    let finished = false;
    if (ExecutionPanel.current(document.uri)) openPanel();
    else {
      void history.drawn(shown).then(openPanel);
      setTimeout(() => finished || openPanel(), LONG_RUN_MS);
    }
    const files = await runFilesOf(target.filesUri);
    const handlersPath = allowedHandlers(files.handlers);
    const executionId = `run-${Date.now().toString(36)}`;
    output.appendLine(`\n▶ ${target.label} — input: ${choice.inputLabel}${choice.testCase ? `, test case: ${choice.testCase}` : ''}`);
    // The text history goes to the output channel in one piece per 200 events (one append per event is slow).
    const lines: string[] = [];
    const flushLines = () => lines.length > 0 && output.appendLine(lines.splice(0).join('\n'));
    listeners.set(executionId, (events) => {
      history.events(shown, events);
      forPanel((p) => p.events(events));
      for (const event of events) lines.push(formatEventLine(event));
      if (lines.length >= 200) flushLines();
    });
    // Callback and Activity tasks nothing else answers wait for the user, in the execution view.
    callbackListeners.set(executionId, (task) => {
      forPanel((p) => p.waiting(task));
      openPanel();
      if (task.waiting) output.appendLine(`… ${task.stateName} waits for ${task.activity ? 'an Activity worker' : 'its task token'} (${task.token}): answer it in the execution view`);
    });
    const answerTask = (answer: TaskAnswerData) => client.sendRequest(SendTaskAnswerRequest.method, { executionId, ...answer } satisfies SendTaskAnswerRequest.Params) as Promise<SendTaskAnswerRequest.Result>;
    forPanel((p) => (p.answerTask = answerTask));
    try {
      const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Running ${target.label}`, cancellable: true },
        (_progress, token) => {
          token.onCancellationRequested(() => void client.sendRequest(AbortExecutionRequest.method, { executionId }));
          return client.sendRequest(StartExecutionRequest.method, {
            uri: document.uri.toString(),
            executionId,
            input: choice.input,
            mocksPath: choice.testCase ? files.mocks : undefined,
            testCase: choice.testCase,
            handlersPath,
            substitutions: target.substitutions,
          } satisfies StartExecutionRequest.Params) as Promise<StartExecutionRequest.Result>;
        },
      );
      flushLines();
      finished = true;
      history.finished(shown, result);
      forPanel((p) => p.finished(result));
      lastRunsForTests.set(document.uri.toString(), { input: choice.input, inputLabel: choice.inputLabel, testCase: choice.testCase, result });
      const states = runInfo(result.events);
      lastRunStates.set(target.key, states);
      GraphPanel.forUri(document.uri)?.showExecution(result.events);
      output.appendLine(result.status === 'SUCCEEDED' ? `■ SUCCEEDED\n${JSON.stringify(result.output, null, 2)}` : `■ ${result.status}: ${result.error ?? ''} ${result.cause ?? ''}`);
      for (const p of result.problems ?? []) output.appendLine(`  ${p.line}:${p.column} ${p.code} ${p.message}`);
      if (result.status === 'INVALID') void vscode.window.showErrorMessage(`Not run: ${result.cause}`);
      const unmocked = result.missingMock;
      if (unmocked !== undefined) {
        const where = files.mocks && choice.testCase ? `test case '${choice.testCase}' of ${path.basename(files.mocks)}` : 'a mock file beside the machine (name.mocks.json)';
        void vscode.window.showErrorMessage(`Setup: Task '${unmocked}' has no mock and no handler. Add it to ${where}.`, 'Open mock file').then((action) => {
          if (action) void openMockFile(target.filesUri, files.mocks, unmocked);
        });
      }
      return result;
    } finally {
      history.stopped(shown);
      listeners.delete(executionId);
      callbackListeners.delete(executionId);
      forPanel((p) => {
        if (p.answerTask === answerTask) p.answerTask = undefined;
      });
    }
  };

  const pick = (target: RunTarget, askForInput: boolean) => chooseRun(context, target.filesUri, askForInput, lastRuns.get(target.key), target.key);

  const documentFor = async (uri?: unknown) => {
    if (uri instanceof vscode.Uri) return vscode.workspace.openTextDocument(uri);
    const document = await activeMachineDocument();
    // In a template: the state machine under the cursor, or the one the user picks.
    return document && (await pickTemplateMachine(client, document)) ? document : undefined;
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('asl.showExecutionEvent', (uri: unknown, id: unknown) => {
      if (uri instanceof vscode.Uri && typeof id === 'number') ExecutionPanel.current(uri)?.select(id);
    }),
    vscode.commands.registerCommand('asl.executionHistory.runAgain', () => history.rerun?.()),
    vscode.commands.registerCommand('asl.executionHistory.showView', () => {
      const panel = history.uri && ExecutionPanel.current(history.uri);
      panel?.panel.reveal(panel.panel.viewColumn, false);
    }),
    vscode.commands.registerCommand('asl.startExecution', async (uri?: unknown, preset?: RunChoice) => {
      const document = await documentFor(uri);
      const target = document && (await runTarget(context, client, document));
      if (!document || !target) return undefined;
      const choice = preset ?? (await pick(target, false));
      return choice ? run(document, target, choice) : undefined;
    }),
    vscode.commands.registerCommand('asl.startExecutionWithInput', async (uri?: unknown) => {
      const document = await documentFor(uri);
      const target = document && (await runTarget(context, client, document, true));
      const choice = target ? await pick(target, true) : undefined;
      return document && target && choice ? run(document, target, choice) : undefined;
    }),
  );
  return history;
}
