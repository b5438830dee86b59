import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { StartExecutionRequest } from '../../../server/src/protocol';
import { ui } from './ui';

const root = path.resolve(__dirname, '../../..');
const examples = path.join(root, 'examples');

/**
 * Issue 14 point 7: a `.waitForTaskToken` task that no mock and no handler answers waits for the user, who answers
 * from the execution view (developer guide, "Wait for a Callback with Task Token": SendTaskHeartbeat keeps it alive,
 * SendTaskSuccess's output is the task's result).
 */
describe('Callbacks answered from the execution view in a real VS Code', () => {
  it('the donut shop waits at Take Payment for its task token; the user sends a heartbeat, then success, and the run finishes', async function () {
    if (!ui.available) this.skip();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const uri = vscode.Uri.file(path.join(examples, 'donut-shop-callback.asl.json'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), vscode.ViewColumn.One);
    // Test case AnswerInTheEditor mocks the price lookup only: Take Payment waits for whoever answers its token.
    const input = readFileSync(path.join(examples, 'donut-shop-callback.input.json'), 'utf8');
    const running = vscode.commands.executeCommand<StartExecutionRequest.Result>('asl.startExecution', uri, { input, inputLabel: 'donut-shop-callback.input.json', testCase: 'AnswerInTheEditor' });

    await ui.waitFor('.waiting-task[data-state="Take Payment"]', { frame: 'webview', timeoutMs: 30_000 });
    const [card] = await ui.query('.waiting-task', { frame: 'webview' });
    assert.match(card.text, /Take Payment/);
    assert.match(card.text, /arn:aws:states:::sqs:sendMessage\.waitForTaskToken/);
    assert.match(card.text, /Task token: local-task-token-1/);
    // TimeoutSeconds 900 and HeartbeatSeconds 300 count down in real seconds while a person may answer.
    assert.match(card.text, /times out in 1[45] min \d+ s/);
    assert.match(card.text, /next heartbeat due in [45] min \d+ s/);
    const [status] = await ui.query('.status', { frame: 'webview' });
    assert.equal(status.text, 'RUNNING');
    for (const theme of ['light', 'dark'] as const) {
      await ui.theme(theme);
      await ui.screenshot(`callback-waiting-${theme}`);
    }

    await ui.click('.waiting-task .send-heartbeat', { frame: 'webview' });
    await ui.waitFor('.answer-message:has-text("Heartbeat sent")', { frame: 'webview', timeoutMs: 10_000 });

    await ui.click('.waiting-task .answer-output', { frame: 'webview' });
    await ui.type('{"paymentId": "p-42", "charged": 2}');
    await ui.click('.waiting-task .send-success', { frame: 'webview' });
    await ui.waitFor('.status.SUCCEEDED', { frame: 'webview', timeoutMs: 30_000 }).catch(async (error: unknown) => {
      const [now] = await ui.query('.waiting-task', { frame: 'webview' });
      const [typed] = await ui.query('.waiting-task .answer-output', { frame: 'webview' });
      throw new Error(`${(error as Error).message}; the card reads: ${now?.text} (output box: ${typed?.text})`);
    });
    await ui.waitForHidden('.waiting-task', { frame: 'webview', timeoutMs: 10_000 });

    const result = await running;
    assert.equal(result.status, 'SUCCEEDED', `${result.error}: ${result.cause}`);
    assert.deepEqual(result.output, { message: 'Enjoy your glazed donut!', payment: { paymentId: 'p-42', charged: 2 } });
    // AWS's history of a callback task: the service call is submitted, then the token's answer succeeds the task.
    const entered = result.events.findIndex((e) => (e.stateEnteredEventDetails as { name?: string } | undefined)?.name === 'Take Payment');
    assert.deepEqual(result.events.slice(entered, entered + 6).map((e) => e.type), ['TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'TaskSubmitted', 'TaskSucceeded', 'TaskStateExited']);
    const [output] = await ui.query('section pre', { frame: 'webview' });
    assert.match(output.text, /"paymentId": "p-42"/);
    for (const theme of ['dark', 'light'] as const) {
      await ui.theme(theme);
      await ui.screenshot(`callback-succeeded-${theme}`);
    }
  });
});
