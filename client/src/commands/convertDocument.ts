import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ConvertDocumentRequest } from '../../../server/src/protocol';

/** `x.asl.json` → `x.asl.yaml` and back (`.yml` → `.json`); a name without `.asl.` gets it, so the new file opens as ASL. */
export function convertedName(fileName: string, to: 'json' | 'yaml'): string {
  const base = fileName.replace(/\.(?:json|ya?ml)$/i, '');
  return `${/\.asl$/i.test(base) ? base : `${base}.asl`}.${to}`;
}

/**
 * ASL: Convert to YAML / Convert to JSON: writes the machine in the other syntax to a new file beside the current
 * one (asking before replacing a file that exists) and opens it. The server writes it from the same tree, so the
 * machine's meaning and key order are unchanged. Returns the new file's URI (for tests), or undefined.
 */
export async function convertDocument(client: LanguageClient, to: 'json' | 'yaml'): Promise<string | undefined> {
  const document = vscode.window.activeTextEditor?.document;
  if (!document) return undefined;
  const result = (await client.sendRequest(ConvertDocumentRequest.method, { uri: document.uri.toString(), to } satisfies ConvertDocumentRequest.Params)) as ConvertDocumentRequest.Result;
  if ('error' in result) {
    void vscode.window.showErrorMessage(`Cannot convert ${vscode.workspace.asRelativePath(document.uri)}: ${result.error}`);
    return undefined;
  }
  const target = document.uri.with({ path: document.uri.path.replace(/[^/]*$/, (name) => convertedName(name, to)) });
  const exists = await vscode.workspace.fs.stat(target).then(() => true, () => false);
  if (exists) {
    const replace = 'Replace';
    const answer = await vscode.window.showWarningMessage(`${vscode.workspace.asRelativePath(target)} already exists. Replace it?`, { modal: true }, replace);
    if (answer !== replace) return undefined;
  }
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.text));
  await vscode.window.showTextDocument(target, { preview: false });
  if (result.lostComments) void vscode.window.showInformationMessage('JSON has no comments: the YAML comments were not carried over.');
  return target.toString();
}
