import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { StateMachinesRequest } from '../../../server/src/protocol';
import { isAslLanguage } from '../aslLanguages';
import { mayBeTemplate, pickTemplateMachine } from '../templates/templateMachines';

/** A machine to debug: its document, and in a template the state machine's name. */
export interface DebugTarget {
  document: vscode.TextDocument;
  stateMachine?: string;
}

/**
 * A command argument as a Uri: lenses send strings, menus send Uris; a webview's title bar sends its panel's own
 * `webview-panel:` Uri, which names no machine.
 */
export function asUri(value: unknown): vscode.Uri | undefined {
  const uri = value instanceof vscode.Uri ? value : typeof value === 'string' && value.length > 0 ? vscode.Uri.parse(value) : undefined;
  return uri?.scheme === 'webview-panel' ? undefined : uri;
}

/**
 * The machine in `uri` (an ASL file, or a template's machine: the one named, else under the cursor, else the only
 * one, else picked). A string says why there is none; undefined when the user dismissed the choice.
 */
export async function debugTarget(client: LanguageClient, uri: vscode.Uri, name?: string): Promise<DebugTarget | string | undefined> {
  const document = await vscode.workspace.openTextDocument(uri);
  if (isAslLanguage(document.languageId)) return { document };
  if (!mayBeTemplate(document)) return `${vscode.workspace.asRelativePath(uri)} is not a state machine (.asl.json, .asl.yaml) or a template holding one.`;
  if (!(await pickTemplateMachine(client, document, name))) return undefined;
  const machines = (await client.sendRequest(StateMachinesRequest.method, { uri: uri.toString() } satisfies StateMachinesRequest.Params)) as StateMachinesRequest.Result;
  const selected = machines.find((m) => m.selected)?.name;
  return selected ? { document, stateMachine: selected } : `${vscode.workspace.asRelativePath(uri)} holds no state machine.`;
}
