import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { TemplateRunRequest } from '../../../server/src/protocol';
import { mayBeTemplate } from './templateMachines';

/** What a run (Start Execution, Test State) acts on: a machine file, or the picked state machine of a template. */
export interface RunTarget {
  /** What is remembered per machine (last input, test case) is keyed by this: the uri, or `uri#Name` in a template. */
  key: string;
  /** For titles and the output channel: the file name, or `Name (template.yaml)`. */
  label: string;
  /**
   * The path the run files are named after: the machine file itself, or `Name.asl.json` beside a template, so that
   * `Name.input.json` / `Name.mocks.json` are found and the mock file's machine name is the logical ID (as `asl run`).
   */
  filesUri: vscode.Uri;
  /** In a template: the state machine's name. */
  name?: string;
  /** In a template: the values the user gave for `${Name}` substitutions the template leaves without one. */
  substitutions?: Record<string, string>;
}

const REMEMBERED_KEY = 'asl.templateSubstitutions';

/**
 * The run target of a document. In a template (its machine already picked, see pickTemplateMachine), each `${Name}`
 * that still has no value once the template's literals and placeholder ARNs are filled in is asked for in an input
 * box, remembered per state machine (workspace state) and not asked again; `askAgain` (Start Execution with
 * Input…) asks for every such name, prefilled with the remembered value. Undefined when the user cancelled.
 */
export async function runTarget(context: vscode.ExtensionContext, client: LanguageClient, document: vscode.TextDocument, askAgain = false): Promise<RunTarget | undefined> {
  const uri = document.uri;
  const plain: RunTarget = { key: uri.toString(), label: path.basename(uri.fsPath), filesUri: uri };
  if (!mayBeTemplate(document)) return plain;
  const first = (await client.sendRequest(TemplateRunRequest.method, { uri: uri.toString() } satisfies TemplateRunRequest.Params)) as TemplateRunRequest.Result;
  if (!first) return plain;
  const key = `${uri.toString()}#${first.name}`;
  const all = context.workspaceState.get<Record<string, Record<string, string>>>(REMEMBERED_KEY, {});
  const remembered = Object.hasOwn(all, key) ? { ...all[key] } : {};
  const values: Record<string, string> = {};
  for (const name of first.unset) {
    const known = Object.hasOwn(remembered, name) ? remembered[name] : undefined;
    if (known !== undefined && !askAgain) {
      values[name] = known;
      continue;
    }
    const value = await vscode.window.showInputBox({
      title: `${first.name}: \${${name}}`,
      prompt: `Nothing in the template gives \${${name}} a value: the value local runs of ${first.name} use (remembered for it).`,
      value: known ?? '',
      placeHolder: 'e.g. arn:aws:lambda:us-east-1:123456789012:function:name',
      ignoreFocusOut: true,
    });
    if (value === undefined) return undefined;
    values[name] = value;
  }
  if (first.unset.length > 0) await context.workspaceState.update(REMEMBERED_KEY, { ...all, [key]: { ...remembered, ...values } });
  return {
    key,
    label: `${first.name} (${path.basename(uri.fsPath)})`,
    filesUri: vscode.Uri.file(path.join(path.dirname(uri.fsPath), `${first.name}.asl.json`)),
    name: first.name,
    substitutions: values,
  };
}
