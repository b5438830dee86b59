import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AslWorkbenchApi } from '../../../client/src/extension';
import type { GraphPanel } from '../../../client/src/graph/graphPanel';
import type { FromGraphView } from '../../../client/webview/src/shared/graphMessages';
import { countStates, generateMachine } from '../../bench/generateMachine';
import { ui } from './ui';
import { until } from './until';

type Rendered = Extract<FromGraphView, { type: 'rendered' }>;

const root = path.resolve(__dirname, '../../..');
const log = (line: string) => (globalThis as { aslE2eLog?: string[] }).aslE2eLog?.push(line);


/** A machine of `count` Pass states in a chain, named `${prefix} 1`..., then a Succeed state. */
function chain(prefix: string, count: number): Record<string, unknown> {
  const states: Record<string, unknown> = {};
  for (let i = 1; i <= count; i++) states[`${prefix} ${i}`] = { Type: 'Pass', Next: i < count ? `${prefix} ${i + 1}` : 'Finished' };
  states.Finished = { Type: 'Succeed' };
  return { StartAt: `${prefix} 1`, States: states };
}

/** Writes a machine to the e2e workspace and opens it in the first column, everything else closed. */
async function openMachine(name: string, machine: unknown): Promise<vscode.TextEditor> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  const uri = vscode.Uri.file(path.join(root, 'test-artifacts', 'e2e-workspace', name));
  await vscode.workspace.fs.writeFile(uri, Buffer.from(JSON.stringify(machine, null, 2)));
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document, vscode.ViewColumn.One);
}

/** The first picture of document version `version` (or later) the view reports. */
function renderedAt(panel: GraphPanel, version: number, extra: (m: Rendered) => boolean = () => true, timeoutMs = 60_000): Promise<Rendered> {
  return until(`the graph of version ${version}`, () => panel.received.find((m): m is Rendered => m.type === 'rendered' && m.version >= version && extra(m)), timeoutMs);
}

describe('Graph preview in a real VS Code', function () {
  before(async function () {
    if (!ui.available) this.skip();
    const extension = await until('the extension', () => vscode.extensions.getExtension<AslWorkbenchApi>('asl-workbench.asl-workbench'));
    await (extension.isActive ? extension.exports : await extension.activate()).ready;
  });
  // The next suites start from one editor group, as they would without this one.
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.editorLayoutSingle');
  });

  it('opens an example within 1 s of the command and 500 states within 1.5 s (printed; the example asserted within 2 s, or 1 s after a bare webview on a loaded machine)', async () => {
    // What VS Code itself takes to show a webview with no script at all, under the machine's present load; the second
    // one counts: the first webview of a browser profile registers the webviews' service worker, every later one (as
    // the graph is here) registers a new version of it, whose activation Chromium holds for 1 s while the previous
    // version runs, and code-server shows no webview's page before its service worker is active.
    await openMachine('graph-bare.asl.json', chain('Bare', 1));
    const floors: number[] = [];
    for (let i = 0; i < 2; i++) {
      const bareStarted = Date.now();
      const bare = vscode.window.createWebviewPanel('asl.e2eBare', 'Bare', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {});
      bare.webview.html = '<!DOCTYPE html><html><body><p id="bare-webview">bare</p></body></html>';
      await ui.waitFor('#bare-webview', { frame: 'webview', timeoutMs: 15_000 });
      floors.push(Date.now() - bareStarted);
      bare.dispose();
      await ui.waitForHidden('#bare-webview', { frame: 'webview' });
    }
    const floor = floors[1];
    const donut = JSON.parse(readFileSync(path.join(root, 'examples', 'donut-shop.asl.json'), 'utf8')) as { StartAt: string; States: object };
    const large = JSON.parse(generateMachine(500)) as { StartAt: string; States: object };
    for (const [name, machine, target, states] of [['graph-donut-shop.asl.json', donut, 1000, 7], ['graph-500.asl.json', large, 1500, countStates(generateMachine(500))]] as const) {
      const editor = await openMachine(name, machine);
      // First as the file opens (the workbench still busy with its editor), then again once that editor has settled
      // (the preview closed and opened again).
      for (const when of ['the file just opened', 'reopened'] as const) {
        const started = Date.now();
        const panel = (await vscode.commands.executeCommand<GraphPanel>('asl.openGraphPreviewToSide', editor.document.uri))!;
        await ui.waitFor(`svg.graph g.node text.label:text-is("${machine.StartAt}")`, { frame: 'webview', timeoutMs: 15_000 });
        const firstBox = Date.now() - started;
        const rendered = await renderedAt(panel, 0);
        const painted = await until('the first picture painted', () => panel.received.find((m) => m.type === 'painted'));
        const steps = panel.timeline.map(([what, at]) => `${what} +${at - started}`).join(', ');
        log(`graph preview of ${name} (${when}): first state box ${firstBox} ms after the command at ${started}, on screen in the frame before ${painted.at - started} ms (target ${target} ms; a bare webview: ${floors.join(', then ')} ms; ${steps}; drawn in ${rendered.ms} ms, ${rendered.pageMs} ms into the webview page; load ${os.loadavg()[0].toFixed(2)})`);
        assert.equal(rendered.nodes, states);
        assert.equal(rendered.overlaps, 0);
        // The 500-state machine's time is printed only: its editor and its diagnostics load the machine as much as the view.
        // Asserted on a machine that is not overloaded (as execution.e2e.ts): under 3 per core, a just-opened editor can
        // keep the workbench from even making the webview's frame for over a second.
        const load = os.loadavg()[0] / os.availableParallelism();
        if (states < 100 && load < 3) assert.ok(firstBox < Math.max(2000, floor + 1000), `the first state box took ${firstBox} ms (a bare webview ${floor} ms; load ${load.toFixed(1)} per core)`);
        await new Promise<void>((closed) => {
          panel.panel.onDidDispose(() => closed());
          panel.panel.dispose();
        });
        await ui.waitForHidden(`svg.graph g.node text.label:text-is("${machine.StartAt}")`, { frame: 'webview' });
      }
    }
  });

  it('with the graph focused, ASL commands are in the palette and the title bar, and Start Execution runs that machine', async () => {
    const editor = await openMachine('graph-palette.asl.json', chain('Palette', 3));
    const uri = editor.document.uri;
    const panel = (await vscode.commands.executeCommand<GraphPanel>('asl.openGraphPreviewToSide', uri))!;
    await renderedAt(panel, editor.document.version);
    // Focus the graph as a person does: click on its picture.
    await ui.click('svg.graph', { frame: 'webview' });
    await until('the graph focused', () => panel.panel.active);
    assert.equal(vscode.window.activeTextEditor, undefined, 'a focused webview leaves no active text editor');
    const titleBar = (await ui.query('.editor-group-container.active .editor-actions .action-label')).map((a) => a.ariaLabel ?? '');
    for (const title of ['Start Execution', 'Test State', 'Export Graph']) assert.ok(titleBar.some((t) => t.includes(title)), `${title} in the title bar: ${titleBar.join(' | ')}`);

    await ui.press('F1');
    await ui.waitFor('.quick-input-widget .quick-input-box input');
    await ui.type('ASL: ');
    const listed = async () => (await ui.query('.quick-input-list .monaco-list-row')).map((r) => r.ariaLabel ?? r.text);
    const all = await until('the ASL commands in the palette', async () => {
      const rows = await listed();
      return rows.some((r) => r.includes('ASL: Export Graph')) ? rows : undefined;
    }, 10_000);
    for (const command of ['ASL: Start Execution', 'ASL: Test State', 'ASL: Export Graph', 'ASL: Open Graph Preview']) assert.ok(all.some((r) => r.includes(command)), `${command} in ${all.join(' | ')}`);
    await ui.type('Start Execution');
    await until('Start Execution first in the list', async () => (await listed())[0]?.startsWith('ASL: Start Execution') || undefined, 10_000);
    await ui.press('Enter');

    // The run happened for the graph's machine: its states and the edges taken are coloured.
    const overlay = await renderedAt(panel, 0, (m) => m.taken > 0);
    assert.equal(overlay.taken, 5, 'start, three edges, end');
    assert.equal(overlay.stale, false);
    const tabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => ({ t, g })));
    const execution = await until('the execution view', () => tabs().find(({ t }) => t.label === 'Execution: graph-palette.asl.json'));
    const graphTab = tabs().find(({ t }) => t.label === 'Graph: graph-palette.asl.json')!;
    // Beside the graph, in a group of its own, both in sight.
    assert.notEqual(execution.g.viewColumn, graphTab.g.viewColumn);
    assert.ok(execution.t.isActive && graphTab.t.isActive, 'the execution view and the graph are both shown');
    await ui.screenshot('graph-run');

    // Run again from the graph: the execution view is reused.
    panel.panel.reveal(panel.panel.viewColumn, false);
    await until('the graph focused again', () => panel.panel.active);
    const before = panel.received.length;
    await vscode.commands.executeCommand('asl.startExecution');
    await until('a second overlay', () => panel.received.slice(before).find((m) => m.type === 'rendered' && m.taken > 0));
    assert.equal(tabs().filter(({ t }) => t.label.startsWith('Execution: graph-palette')).length, 1);

    // An edit: the run's colours are marked stale.
    await vscode.window.showTextDocument(editor.document, vscode.ViewColumn.One);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(1, 0), '  "Comment": "edited after the run",\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const stale = await renderedAt(panel, editor.document.version);
    assert.equal(stale.stale, true);
    await ui.waitFor('.legend-stale', { frame: 'webview' });
    await ui.screenshot('graph-stale');
  });

  it('after an edit that adds a state, the new state is in view', async () => {
    const editor = await openMachine('graph-follow.asl.json', chain('Follow', 24));
    const panel = (await vscode.commands.executeCommand<GraphPanel>('asl.openGraphPreviewToSide', editor.document.uri))!;
    await renderedAt(panel, editor.document.version);
    // Zoom in as a person does, so that the whole machine no longer fits.
    for (let i = 0; i < 6; i++) await ui.click('#zoom-in', { frame: 'webview' });
    const text = editor.document.getText();
    const at = editor.document.positionAt(text.indexOf('"Finished": {'));
    const edit = new vscode.WorkspaceEdit();
    edit.insert(editor.document.uri, at, '"Added Late": { "Type": "Pass", "Next": "Finished" },\n    ');
    edit.replace(editor.document.uri, new vscode.Range(editor.document.positionAt(text.indexOf('"Next": "Finished"')), editor.document.positionAt(text.indexOf('"Next": "Finished"') + '"Next": "Finished"'.length)), '"Next": "Added Late"');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const after = await renderedAt(panel, editor.document.version);
    assert.equal(after.nodes, 26);
    assert.ok(after.offscreen.length > 0, 'zoomed in: some states are out of view');
    assert.ok(!after.offscreen.includes('Added Late'), `the new state is in view; out of view: ${after.offscreen.join(', ')}`);
    await ui.waitFor('svg.graph g.node text.label:text-is("Added Late")', { frame: 'webview' });
    await ui.screenshot('graph-added-state');
  });
});
