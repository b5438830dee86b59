import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { EXECUTION_CSS } from '../../client/src/execution/executionCss';
import type { ToExecutionView } from '../../client/webview/src/shared/executionMessages';
import { openWebviewHarness, type WebviewHarness } from './harness';

const post = (page: Page, message: ToExecutionView) => page.evaluate((m) => (globalThis as unknown as { postMessage(m: unknown, o: string): void }).postMessage(m, '*'), message);
const posted = (page: Page) => page.evaluate(() => (globalThis as unknown as { __posted: { type: string; answer?: unknown }[] }).__posted.filter((m) => m.type === 'sendTaskAnswer').map((m) => m.answer));

// The execution view's waiting tasks (issue 14 point 7): a `.waitForTaskToken` or Activity task that nothing else
// answers is answered by the user with SendTaskSuccess, SendTaskFailure or SendTaskHeartbeat (developer guide,
// "Wait for a Callback with Task Token"; "Activities").
describe('execution view: tasks waiting for their token, in a browser', function () {
  this.timeout(60_000);
  let harness: WebviewHarness;
  let page: Page;
  before(async function () {
    harness = (await openWebviewHarness(this, 'execution.js', EXECUTION_CSS))!;
  });
  after(async () => {
    await harness?.close();
  });
  beforeEach(async () => {
    page = await harness.browser.newPage({ viewport: { width: 900, height: 700 } });
    await page.goto(harness.url);
    await page.waitForFunction(() => (globalThis as unknown as { __posted: { type: string }[] }).__posted.some((m) => m.type === 'ready'));
    await post(page, { type: 'started', machine: 'm.asl.json', input: '{}' });
  });
  afterEach(async () => {
    await page?.close();
  });

  it('lists a waiting task with its token and timers; a state name with markup stays text', async () => {
    const name = '<img src=x onerror=alert(1)>Pay';
    await post(page, { type: 'waiting', task: { token: 't-1', stateName: name, resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken', waiting: true, timeoutSeconds: 900, heartbeatSeconds: 60 } });
    await page.waitForSelector('.waiting-task');
    assert.equal(await page.textContent('.waiting-task .name'), name);
    assert.equal(await page.$$eval('.waiting img', (imgs) => imgs.length), 0);
    assert.equal(await page.textContent('.waiting h3'), '1 task waits for an answer');
    assert.match((await page.textContent('.waiting-task .timers'))!, /^TimeoutSeconds: times out in 1[45] min \d+ s · HeartbeatSeconds: next heartbeat due in (60|59) s$/);
    await post(page, { type: 'waiting', task: { token: 'a-2', stateName: 'Review', resource: 'arn:aws:states:us-east-1:123456789012:activity:review', waiting: true, activity: true } });
    await page.waitForSelector('.waiting h3:text-is("2 tasks wait for an answer")');
    assert.match((await page.textContent('.waiting-task[data-state="Review"]'))!, /Activity: waits for a worker.*No TimeoutSeconds/);
  });

  it('refuses an output that is not JSON in the view; sends success, failure and heartbeat answers as data', async () => {
    await post(page, { type: 'waiting', task: { token: 't-1', stateName: 'Pay', resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken', waiting: true, heartbeatSeconds: 30 } });
    await page.fill('.answer-output', '{"paid": tru');
    await page.click('.send-success');
    assert.match((await page.textContent('.answer-message.error'))!, /^The output is not valid JSON/);
    assert.deepEqual(await posted(page), []);

    await page.click('.send-heartbeat');
    assert.ok(await page.isDisabled('.send-success'), 'buttons wait for the reply');
    await post(page, { type: 'answered', token: 't-1', kind: 'heartbeat', ok: true });
    await page.waitForSelector('.answer-message:text-is("Heartbeat sent")');
    assert.ok(!(await page.isDisabled('.send-success')));

    await page.fill('.answer-error', 'Payment.Declined');
    await page.fill('.answer-cause', 'Card expired');
    await page.click('.send-failure');
    await post(page, { type: 'answered', token: 't-1', kind: 'failure', ok: false, message: 'The execution is not running' });
    await page.waitForSelector('.answer-message.error:text-is("The execution is not running")');

    await page.fill('.answer-output', '');
    await page.click('.send-success');
    assert.deepEqual(await posted(page), [
      { token: 't-1', kind: 'heartbeat' },
      { token: 't-1', kind: 'failure', error: 'Payment.Declined', cause: 'Card expired' },
      { token: 't-1', kind: 'success', output: '{}' },
    ]);
  });

  it('removes a task when it stops waiting, and all of them when the run ends', async () => {
    for (const token of ['t-1', 't-2']) await post(page, { type: 'waiting', task: { token, stateName: token, resource: 'r', waiting: true } });
    await page.waitForSelector('.waiting h3:text-is("2 tasks wait for an answer")');
    await post(page, { type: 'waiting', task: { token: 't-1', stateName: 't-1', resource: 'r', waiting: false } });
    await page.waitForSelector('.waiting h3:text-is("1 task waits for an answer")');
    await post(page, { type: 'finished', status: 'FAILED', error: 'States.Timeout', cause: 'x' });
    await page.waitForSelector('.waiting', { state: 'hidden' });
    assert.equal(await page.$$eval('.waiting-task', (cards) => cards.length), 0);
  });
});
