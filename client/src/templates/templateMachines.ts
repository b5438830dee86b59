import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SelectStateMachineRequest, StateMachinesRequest } from '../../../server/src/protocol';
import { GraphPanel } from '../graph/graphPanel';

/** Languages a template may be written in (a `*.tf` file may also have no Terraform extension: plain text). */
const TEMPLATE_LANGUAGES = new Set(['yaml', 'json', 'terraform', 'plaintext']);

/** Documents the server reads as templates: SAM/CloudFormation/Serverless YAML or JSON, Terraform. */
export const TEMPLATE_SELECTOR = [{ language: 'yaml' }, { language: 'json' }, { language: 'terraform' }, { scheme: 'file', pattern: '**/*.tf' }];

export function mayBeTemplate(document: vscode.TextDocument): boolean {
  return TEMPLATE_LANGUAGES.has(document.languageId) && (document.languageId !== 'plaintext' || document.uri.path.endsWith('.tf'));
}

/**
 * Before the graph, a run or Test State of a template: picks its state machine (the one named, else the one under
 * the cursor, else the only one, else asks). False when the user cancelled the choice. Other documents pass. `link`:
 * the file a picked `DefinitionUri` / `file()` machine lives in (its graph is that file's).
 */
export async function pickTemplateMachine(client: LanguageClient, document: vscode.TextDocument, name?: string): Promise<false | { link?: vscode.Uri }> {
  if (!mayBeTemplate(document)) return {};
  const editor = vscode.window.activeTextEditor;
  const position = editor?.document === document ? client.code2ProtocolConverter.asPosition(editor.selection.active) : undefined;
  const uri = document.uri.toString();
  let result = (await client.sendRequest(SelectStateMachineRequest.method, { uri, name, position } satisfies SelectStateMachineRequest.Params)) as SelectStateMachineRequest.Result;
  if (result && 'choices' in result) {
    const chosen = await vscode.window.showQuickPick(result.choices, { title: 'State machine' });
    if (!chosen) return false;
    result = (await client.sendRequest(SelectStateMachineRequest.method, { uri, name: chosen } satisfies SelectStateMachineRequest.Params)) as SelectStateMachineRequest.Result;
  }
  if (result && 'selected' in result) {
    void GraphPanel.forUri(document.uri)?.refresh();
    if (result.link) return { link: vscode.Uri.parse(result.link) };
  }
  return {};
}

/**
 * The template lenses' command `(uri, stateMachine, 'graph' | 'run' | 'debug' | 'testState', stateName?)`, and the
 * `asl.templateEditor` context key (the active editor is a template holding state machines) that shows the graph
 * and run buttons there.
 */
export function registerTemplateMachines(context: vscode.ExtensionContext, client: LanguageClient): void {
  const updateContext = async (editor: vscode.TextEditor | undefined) => {
    let holds = false;
    if (editor && mayBeTemplate(editor.document)) {
      const machines = (await client.sendRequest(StateMachinesRequest.method, { uri: editor.document.uri.toString() }).catch(() => [])) as StateMachinesRequest.Result;
      holds = machines.length > 0;
    }
    await vscode.commands.executeCommand('setContext', 'asl.templateEditor', holds);
  };
  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor((editor) => void updateContext(editor)),
    vscode.workspace.onDidSaveTextDocument((document) => {
      if (document === vscode.window.activeTextEditor?.document) void updateContext(vscode.window.activeTextEditor);
    }),
    vscode.commands.registerCommand('asl.templateAction', async (uri: unknown, name: unknown, action: unknown, stateName?: unknown) => {
      if (typeof uri !== 'string' || typeof name !== 'string') return undefined;
      const target = vscode.Uri.parse(uri);
      const document = await vscode.workspace.openTextDocument(target);
      const picked = await pickTemplateMachine(client, document, name);
      if (!picked) return undefined;
      if (action === 'graph') return vscode.commands.executeCommand('asl.openGraphPreviewToSide', picked.link ?? target);
      if (action === 'run') return vscode.commands.executeCommand('asl.startExecution', target);
      if (action === 'debug') return vscode.commands.executeCommand('asl.debugMachine', target, name);
      if (action === 'testState') return vscode.commands.executeCommand('asl.testState', target, typeof stateName === 'string' ? stateName : undefined);
      return undefined;
    }),
  );
  void client.start().then(() => updateContext(vscode.window.activeTextEditor), () => undefined);
}
