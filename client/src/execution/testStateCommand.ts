import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { TestStateRequest } from '../../../server/src/protocol';
import { findRunFiles } from './findRunFiles';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/** ASL: Test State… — pick a state (the one under the cursor first), give its input, see every processing step. */
export function registerTestStateCommand(context: vscode.ExtensionContext, client: LanguageClient, output: vscode.LogOutputChannel): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('asl.testState', async (uri?: unknown, presetOrName?: string | { stateName: string; input: string; testCase?: string }) => {
      // From the code lens: (uri string, state name); from tests: (Uri, preset).
      const preset = typeof presetOrName === 'string' ? { stateName: presetOrName, input: undefined } : presetOrName;
      const target = typeof uri === 'string' ? vscode.Uri.parse(uri) : uri;
      const document = target instanceof vscode.Uri ? await vscode.workspace.openTextDocument(target) : vscode.window.activeTextEditor?.document;
      if (!document) return undefined;
      let stateName = preset?.stateName;
      if (!stateName) {
        const symbols = (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri)) ?? [];
        const flat: vscode.DocumentSymbol[] = [];
        const walk = (list: vscode.DocumentSymbol[]) => {
          for (const s of list) {
            if (s.detail) flat.push(s);
            walk(s.children);
          }
        };
        walk(symbols);
        const cursor = vscode.window.activeTextEditor?.selection.active;
        flat.sort((a, b) => Number(cursor ? b.range.contains(cursor) : 0) - Number(cursor ? a.range.contains(cursor) : 0));
        stateName = (await vscode.window.showQuickPick(flat.map((s) => ({ label: s.name, description: s.detail })), { title: 'State to test' }))?.label;
        if (!stateName) return undefined;
      }
      const input = preset?.input ?? (await vscode.window.showInputBox({ title: `Input of '${stateName}' (JSON)`, value: '{}', validateInput: (t) => { try { JSON.parse(t); return undefined; } catch (e) { return `Not valid JSON: ${(e as Error).message}`; } } }));
      if (input === undefined) return undefined;
      const dir = path.dirname(document.uri.fsPath);
      const files = findRunFiles(document.uri.fsPath, await fs.readdir(dir).catch(() => [] as string[]), []);
      const result = (await client.sendRequest(TestStateRequest.method, {
        uri: document.uri.toString(),
        stateName,
        input,
        mocksPath: preset && 'testCase' in preset && preset.testCase ? files.mocks : undefined,
        testCase: preset && 'testCase' in preset ? preset.testCase : undefined,
      } satisfies TestStateRequest.Params)) as TestStateRequest.Result;
      output.appendLine(`\n▶ Test state '${stateName}': ${result.status}\n${JSON.stringify(result, null, 2)}`);
      const shown = await vscode.workspace.openTextDocument({ language: 'json', content: JSON.stringify(result, null, 2) });
      await vscode.window.showTextDocument(shown, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
      return result;
    }),
  );
}
