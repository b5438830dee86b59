import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AslWorkbenchApi } from '../../../client/src/extension';
import type { GraphPanel } from '../../../client/src/graph/graphPanel';
import { ui } from './ui';
import { until } from './until';

const root = path.resolve(__dirname, '../../..');
const folder = path.join(root, 'test-artifacts', 'e2e-workspace', 'debug');
const log = (line: string) => (globalThis as { aslE2eLog?: string[] }).aslE2eLog?.push(line);

/** Copies an example (machine, input, mocks) into the workspace; returns the machine's Uri. */
function example(name: string): vscode.Uri {
  mkdirSync(folder, { recursive: true });
  for (const ext of ['.asl.json', '.input.json', '.mocks.json']) copyFileSync(path.join(root, 'examples', name + ext), path.join(folder, name + ext));
  return vscode.Uri.file(path.join(folder, `${name}.asl.json`));
}

/** The 1-based line of the first line holding `text` in the file. */
function lineOf(document: vscode.TextDocument, text: string): number {
  for (let i = 0; i < document.lineCount; i++) if (document.lineAt(i).text.includes(text)) return i;
  throw new Error(`${text} is not in ${document.uri.fsPath}`);
}

/** The custom events the adapter sends (aslPaused...), as the test sees them. */
const custom: { event: string; body: { state?: string; threadName?: string; status?: string } }[] = [];

/** The configurations of the sessions started, in order. */
const started: vscode.DebugConfiguration[] = [];

/** Waits for the next aslPaused after `from` events and returns its body. */
const pausedAfter = (from: number, timeoutMs = 30_000) =>
  until('the run to pause', () => custom.slice(from).find((e) => e.event === 'aslPaused')?.body, timeoutMs);

/** Texts of the rows on screen under a selector of the workbench. */
const texts = async (selector: string) => (await ui.query(selector)).filter((r) => r.visible).map((r) => r.ariaLabel ?? r.text);

async function stopAll(): Promise<void> {
  if (vscode.debug.activeDebugSession) {
    const ended = new Promise<void>((done) => {
      const d = vscode.debug.onDidTerminateDebugSession(() => {
        d.dispose();
        done();
      });
    });
    await vscode.debug.stopDebugging();
    await ended;
  }
  vscode.debug.removeBreakpoints(vscode.debug.breakpoints);
}

describe('Debugger in a real VS Code', function () {
  this.timeout(180_000);
  before(async function () {
    if (!ui.available) this.skip();
    const extension = await until('the extension', () => vscode.extensions.getExtension<AslWorkbenchApi>('asl-workbench.asl-workbench'));
    await (extension.isActive ? extension.exports : await extension.activate()).ready;
    vscode.debug.onDidReceiveDebugSessionCustomEvent((e) => custom.push({ event: e.event, body: e.body }));
    vscode.debug.onDidStartDebugSession((session) => started.push(session.configuration));
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await ui.screenshot(`debug-failed-${this.currentTest.title.slice(0, 24).replace(/\W+/g, '-')}`);
    await stopAll();
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.editorLayoutSingle');
    await vscode.commands.executeCommand('workbench.action.closePanel');
  });

  it('F5 on the donut shop with a breakpoint stops at that state: Variables filled, the graph marks it, the debug console evaluates (light and dark)', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const uri = example('donut-shop');
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), vscode.ViewColumn.One);
    const line = lineOf(editor.document, '"Sell Donut": {') + 2;
    vscode.debug.addBreakpoints([new vscode.SourceBreakpoint(new vscode.Location(uri, new vscode.Position(line, 0)))]);
    const graph = (await vscode.commands.executeCommand<GraphPanel>('asl.openGraphPreviewToSide', uri))!;
    await until('the graph drawn', () => graph.received.some((m) => m.type === 'rendered'));
    await vscode.window.showTextDocument(editor.document, vscode.ViewColumn.One);
    await ui.theme('dark');

    // F5 with no launch.json: the mock file has several test cases, so it asks which one, as Start Execution does.
    const from = custom.length;
    const started = Date.now();
    await ui.press('F5');
    await ui.waitFor('.quick-input-widget .quick-input-box input', { timeoutMs: 20_000 });
    const asked = Date.now() - started;
    await ui.type('HappyPath');
    await until('HappyPath first in the list', async () => (await texts('.quick-input-list .monaco-list-row'))[0]?.includes('HappyPath') || undefined, 10_000);
    await ui.press('Enter');
    const picked = Date.now();
    const paused = await pausedAfter(from);
    const adapterPaused = Date.now();
    assert.equal(paused.state, 'Sell Donut', 'the breakpoint inside Sell Donut stops before Sell Donut');
    // What a person sees: the call stack at the state, the editor's current line, the Variables view filled.
    await ui.waitFor('.debug-call-stack .monaco-list-row:has-text("Sell Donut")', { timeoutMs: 20_000 });
    await ui.waitFor('.debug-top-stack-frame-line', { timeoutMs: 10_000 });
    const shown = Date.now();
    log(`debugger: F5 to the stop shown at 'Sell Donut' ${shown - started} ms (test case asked after ${asked} ms; from the pick to the adapter's stop ${adapterPaused - picked} ms, to the stop on screen ${shown - picked} ms)`);
    assert.equal(vscode.window.activeTextEditor?.selection.active.line, lineOf(editor.document, '"Sell Donut": {'), 'the editor shows the state\'s first line');
    let variables: string[] = [];
    await until('the Variables view filled', async () => {
      variables = await texts('.debug-variables .monaco-list-row');
      return variables.some((r) => r.includes('donut') && r.includes('glazed')) || undefined;
    }, 20_000).catch((error: Error) => {
      throw new Error(`${error.message}; the Variables view shows: ${variables.join(' | ')}`);
    });
    log(`debugger: the Variables view shows ${variables.slice(0, 8).join(' | ')}`);
    await ui.waitFor('svg.graph g.node.paused:has(text.label:text-is("Sell Donut"))', { frame: 'webview', timeoutMs: 10_000 });
    assert.deepEqual(graph.debugState?.paused?.state, 'Sell Donut');
    await ui.screenshot('debug-paused-dark');

    // The debug console evaluates against the paused state.
    await vscode.commands.executeCommand('workbench.debug.action.toggleRepl');
    await ui.waitFor('.repl-input-wrapper', { timeoutMs: 10_000 });
    await ui.click('.repl-input-wrapper');
    await ui.type("States.Format('{} for {}', $.donut, $.customer)");
    await ui.press('Enter');
    await until('the answer in the debug console', async () => (await texts('.repl .monaco-list-row')).find((r) => r.includes('glazed for ana')), 15_000);
    await ui.theme('light');
    await ui.screenshot('debug-paused-light');
    await ui.theme('dark');

    // Continue: the run ends; the graph says so and takes the mark away.
    const before = custom.length;
    await vscode.commands.executeCommand('workbench.action.debug.continue');
    const ended = await until('the run to end', () => custom.slice(before).find((e) => e.event === 'aslEnded')?.body);
    assert.equal(ended.status, 'SUCCEEDED');
    await ui.waitFor('.status:text-matches("ended: SUCCEEDED")', { frame: 'webview', timeoutMs: 10_000 });
    assert.equal((await ui.query('svg.graph g.node.paused', { frame: 'webview' })).length, 0);
  });

  it('steps into a Map iteration: its thread is named in the call stack', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const uri = example('shipping-orders');
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), vscode.ViewColumn.One);
    vscode.debug.addBreakpoints([new vscode.SourceBreakpoint(new vscode.Location(uri, new vscode.Position(lineOf(editor.document, '"Ship Items": {'), 0)))]);
    let from = custom.length;
    // The Debug code lens beside Run, on the StartAt line (the mock file's two test cases: asked).
    // (A lens may be drawn again between finding it and clicking it: try again.)
    for (let attempt = 0; ; attempt++) {
      try {
        await ui.click('.codelens-decoration a:text-is("Debug")', { timeoutMs: 20_000 });
        break;
      } catch (error) {
        if (attempt === 2) throw error;
      }
    }
    await ui.waitFor('.quick-input-widget .quick-input-box input', { timeoutMs: 20_000 });
    await ui.type('AllShipped');
    await ui.press('Enter');
    assert.equal((await pausedAfter(from)).state, 'Ship Items');
    assert.equal(started.at(-1)?.testCase, 'AllShipped');
    await ui.waitFor('.debug-call-stack .monaco-list-row:has-text("Ship Items")', { timeoutMs: 20_000 });
    // Step Into until the run is inside an iteration (it may first stop between the Map's processing steps).
    let inside: { state?: string; threadName?: string } | undefined;
    for (let i = 0; i < 4 && !inside; i++) {
      from = custom.length;
      await ui.press('F11');
      const next = await pausedAfter(from);
      if (next.threadName?.startsWith('Map')) inside = next;
    }
    assert.ok(inside, 'Step Into entered an iteration');
    assert.equal(inside.state, 'Ship Item');
    assert.match(inside.threadName ?? '', /^Map "Ship Items" #\d+$/);
    const rows = await until('the iteration thread in the call stack', async () => {
      const found = await texts('.debug-call-stack .monaco-list-row');
      return found.some((r) => r.includes(inside!.threadName!)) ? found : undefined;
    }, 15_000);
    log(`debugger: stepped into ${inside.threadName}; call stack: ${rows.slice(0, 6).join(' | ')}`);
    // The Variables view shows the iteration's own input (ItemSelector's orderId, item, position), not the Map's.
    let variables: string[] = [];
    await until('the iteration\'s input in the Variables view', async () => {
      variables = await texts('.debug-variables .monaco-list-row');
      return variables.some((r) => r.includes('position')) || undefined;
    }, 15_000).catch((error: Error) => {
      throw new Error(`${error.message}; the Variables view shows: ${variables.join(' | ')}`);
    });
    log(`debugger: in the iteration the Variables view shows ${variables.slice(0, 8).join(' | ')}`);
    await ui.screenshot('debug-map-iteration');
  });

  it('closing the machine\'s editor mid-session leaves the session working: the next stop opens it again', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const uri = example('donut-shop');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
    const at = (name: string) => new vscode.SourceBreakpoint(new vscode.Location(uri, new vscode.Position(lineOf(document, `"${name}": {`), 0)));
    vscode.debug.addBreakpoints([at('Get Donut Price'), at('Enjoy')]);
    let from = custom.length;
    assert.ok(await vscode.debug.startDebugging(vscode.workspace.workspaceFolders?.[0], { type: 'asl', request: 'launch', name: 'Close mid-session', program: uri.fsPath, testCase: 'HappyPath' }));
    assert.equal((await pausedAfter(from)).state, 'Get Donut Price');
    // VS Code reveals the stopped frame's source itself, and on a loaded machine it may do so after our pause event
    // and after a first close: close again until the editor stays closed.
    await until('no editor open', async () => {
      if (vscode.window.visibleTextEditors.every((e) => e.document.uri.fsPath !== uri.fsPath)) return true;
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await new Promise((r) => setTimeout(r, 250));
      return undefined;
    });
    from = custom.length;
    await vscode.commands.executeCommand('workbench.action.debug.continue');
    assert.equal((await pausedAfter(from)).state, 'Enjoy');
    await until('the machine shown again at the stop', () => vscode.window.activeTextEditor?.document.uri.fsPath === uri.fsPath || undefined, 15_000);
    from = custom.length;
    await vscode.commands.executeCommand('workbench.action.debug.continue');
    const ended = await until('the run to end', () => custom.slice(from).find((e) => e.event === 'aslEnded')?.body);
    assert.equal(ended.status, 'SUCCEEDED');
  });

  it('Debug This Run Again, in the execution view\'s title bar, debugs the last run with its input and test case', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const uri = example('donut-shop');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), vscode.ViewColumn.One);
    const input = JSON.stringify({ donut: 'jam', customer: 'bo', wallet: 1 });
    await vscode.commands.executeCommand('asl.startExecution', uri, { input, inputLabel: 'typed input', testCase: 'SoldOut' });
    const api = vscode.extensions.getExtension<AslWorkbenchApi>('asl-workbench.asl-workbench')!.exports;
    const view = await until('the execution view', () => api.executionPanel(uri));
    view.panel.reveal(view.panel.viewColumn, false);
    await until('the execution view focused', () => view.panel.active);
    const from = custom.length;
    await ui.waitFor('.status.FAILED', { frame: 'webview', timeoutMs: 30_000 });
    await ui.click('.editor-actions .action-label[aria-label*="Debug This Run Again"]');
    const ended = await until('the debugged run to end', () => custom.slice(from).find((e) => e.event === 'aslEnded')?.body);
    const config = started.at(-1)!;
    assert.equal(ended.status, 'FAILED', 'the SoldOut test case fails the run, as it did');
    assert.equal(config.testCase, 'SoldOut');
    assert.deepEqual(config.input, JSON.parse(input));
  });

  it('debugs a template\'s machine as Start Execution runs it: its Name.input.json, and a ${Name} nothing gives asked once', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    mkdirSync(folder, { recursive: true });
    const template = path.join(folder, 'debug-template.yaml');
    writeFileSync(template, [
      'Resources:',
      '  DebugNotify:',
      '    Type: AWS::Serverless::StateMachine',
      '    Properties:',
      '      DefinitionSubstitutions:',
      '        Stage: prod',
      '      Definition:',
      '        StartAt: Say',
      '        States:',
      '          Say:',
      '            Type: Pass',
      '            Parameters: { stage: "${Stage}", topic: "${TopicArn}", "who.$": "$.who" }',
      '            End: true',
      '',
    ].join('\n'));
    writeFileSync(path.join(folder, 'DebugNotify.input.json'), '{ "who": "ana" }\n');
    const uri = vscode.Uri.file(template);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), vscode.ViewColumn.One);
    const from = custom.length;
    const debugging = vscode.commands.executeCommand('asl.debugMachine', uri.toString(), 'DebugNotify');
    await ui.waitFor('.quick-input-widget .quick-input-title:has-text("DebugNotify: ${TopicArn}")', { timeoutMs: 20_000 });
    await ui.type('arn:aws:sns:us-east-1:123456789012:alerts');
    await ui.press('Enter');
    await debugging;
    const ended = await until('the debugged run to end', () => custom.slice(from).find((e) => e.event === 'aslEnded')?.body);
    const config = started.at(-1)!;
    assert.equal(ended.status, 'SUCCEEDED');
    assert.equal(config.stateMachine, 'DebugNotify');
    assert.deepEqual(config.input, { who: 'ana' }, 'the input file named after the machine');
    assert.deepEqual(config.substitutions, { TopicArn: 'arn:aws:sns:us-east-1:123456789012:alerts' });
    const history = custom.slice(from).filter((e) => e.event === 'aslHistory').flatMap((e) => (e.body as unknown as { events: { type: string; executionSucceededEventDetails?: { output?: string } }[] }).events);
    const output = history.find((e) => e.type === 'ExecutionSucceeded')?.executionSucceededEventDetails?.output;
    assert.deepEqual(JSON.parse(output ?? 'null'), { stage: 'prod', topic: 'arn:aws:sns:us-east-1:123456789012:alerts', who: 'ana' });
  });

  it('a launch configuration naming a missing file, or an invalid machine, says so and no session stays', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const workspaceFolder = vscode.workspace.workspaceFolders?.[0];
    const missing = await vscode.debug.startDebugging(workspaceFolder, { type: 'asl', request: 'launch', name: 'Missing machine', program: 'debug/no-such.asl.json' });
    assert.equal(missing, false);
    await until('the message about the missing file', async () => (await texts('.notifications-toasts .notification-list-item')).find((t) => t.includes('no-such.asl.json') && t.includes('does not exist')), 10_000);
    assert.equal(vscode.debug.activeDebugSession, undefined);

    mkdirSync(folder, { recursive: true });
    const invalid = path.join(folder, 'invalid.asl.json');
    writeFileSync(invalid, JSON.stringify({ StartAt: 'Nowhere', States: { First: { Type: 'Pass', End: true } } }, null, 2));
    // Its graph preview is open: it must hear that the session ended (it is not left waiting for a run).
    const graph = (await vscode.commands.executeCommand<GraphPanel>('asl.openGraphPreviewToSide', vscode.Uri.file(invalid)))!;
    await until('the graph of the invalid machine', () => graph.received.length > 0 || undefined);
    // VS Code shows the launch error in a dialog (under test it refuses dialogs and rejects with their text instead).
    const refused = await vscode.debug.startDebugging(workspaceFolder, { type: 'asl', request: 'launch', name: 'Invalid machine', program: invalid }).then(() => '', (error: Error) => error.message);
    // (A session whose launch failed never reaches the extension host's session events: the graph hears the
    // adapter's aslEnded through its debug adapter tracker.)
    await until('no session left', () => vscode.debug.activeDebugSession === undefined || undefined);
    await until('the graph told the launch ended', () => graph.debugState?.ended === 'INVALID' || undefined, 10_000);
    await ui.waitFor('.status:text-matches("ended: INVALID")', { frame: 'webview', timeoutMs: 10_000 });
    const shown = [refused, ...(await texts('.monaco-dialog-box')), ...(await texts('.notifications-toasts .notification-list-item'))].join(' | ');
    assert.match(shown, /invalid\.asl\.json is not a valid state machine/);
    // Each problem is in the debug console, at its line.
    await vscode.commands.executeCommand('workbench.debug.action.toggleRepl');
    const problem = await until('the problem in the debug console', async () => (await texts('.repl .monaco-list-row')).find((t) => t.includes('Nowhere')), 10_000);
    log(`debugger: an invalid machine: ${refused.slice(0, 160)}; debug console: ${problem.slice(0, 160)}`);
    await ui.screenshot('debug-invalid');
    if ((await ui.query('.monaco-dialog-box')).some((d) => d.visible)) await ui.press('Escape');
    assert.equal(vscode.debug.activeDebugSession, undefined);
  });
});
