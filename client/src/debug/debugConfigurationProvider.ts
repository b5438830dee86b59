import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { activeMachineUri } from '../activeMachine';
import { allowedHandlers, chooseRun } from '../execution/runChoices';
import { lastRunsForTests } from '../testing/saveRunAsTest';
import { debugTarget } from './debugTarget';
import { runTarget } from '../templates/templateRun';
import { DEBUG_TYPE, FILE_ATTRIBUTES, machineConfiguration, stopBetweenStepsSetting, type AslLaunchConfiguration } from './launchConfiguration';

/** What "create a launch.json file" writes for type `asl`: the file in the editor. */
export const INITIAL_CONFIGURATION: AslLaunchConfiguration = {
  type: DEBUG_TYPE,
  request: 'launch',
  name: 'Debug state machine',
  program: '${file}',
  stopOnEntry: false,
};

/**
 * Launch configurations of type `asl`: F5 on a state machine with no launch.json debugs it as Start Execution would
 * run it (its input file, the mock file's test case, its handlers when trusted); a launch.json configuration gets
 * the setting's `stopBetweenSteps`, absolute paths, and a clear message (and no session) when a file is missing.
 */
export class AslDebugConfigurationProvider implements vscode.DebugConfigurationProvider {
  constructor(private readonly context: vscode.ExtensionContext, private readonly client: LanguageClient) {}

  provideDebugConfigurations(): vscode.DebugConfiguration[] {
    return [INITIAL_CONFIGURATION];
  }

  async resolveDebugConfiguration(_folder: vscode.WorkspaceFolder | undefined, config: vscode.DebugConfiguration): Promise<vscode.DebugConfiguration | null | undefined> {
    if (!config.type && !config.request && !config.name) return this.forActiveEditor();
    const launch = config as AslLaunchConfiguration;
    if (typeof launch.program !== 'string' || launch.program.trim() === '') {
      void vscode.window.showErrorMessage(`The launch configuration '${config.name}' needs "program": the state machine or template file to debug.`);
      // null opens launch.json at the configuration.
      return null;
    }
    launch.stopBetweenSteps ??= stopBetweenStepsSetting();
    return launch;
  }

  async resolveDebugConfigurationWithSubstitutedVariables(folder: vscode.WorkspaceFolder | undefined, config: vscode.DebugConfiguration): Promise<vscode.DebugConfiguration | undefined> {
    const launch = config as AslLaunchConfiguration;
    const base = folder?.uri.fsPath ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? path.dirname(String(launch.program));
    for (const key of FILE_ATTRIBUTES) {
      const value = launch[key];
      if (value === undefined) continue;
      if (typeof value !== 'string') return refuse(`"${key}" must be a file path.`, config);
      const file = path.resolve(base, value);
      const stat = await fs.stat(file).catch(() => undefined);
      if (!stat?.isFile()) return refuse(`${key} ${file} ${stat ? 'is not a file' : 'does not exist'}.`, config);
      launch[key] = file;
    }
    const handlers = allowedHandlers(launch.handlers, true);
    if (handlers) launch.handlers = handlers;
    else delete launch.handlers;
    return launch;
  }

  /** F5 with no launch.json: the state machine in the editor (or the focused graph or execution view). */
  private async forActiveEditor(): Promise<AslLaunchConfiguration | undefined> {
    const uri = activeMachineUri();
    if (!uri) {
      void vscode.window.showInformationMessage('Open a state machine (.asl.json, .asl.yaml or a template) to debug it, or add an "asl" configuration to launch.json.');
      return undefined;
    }
    const target = await debugTarget(this.client, uri);
    if (typeof target === 'string') void vscode.window.showInformationMessage(target);
    if (!target || typeof target === 'string') return undefined;
    const run = await runTarget(this.context, this.client, target.document);
    if (!run) return undefined;
    const last = lastRunsForTests.get(uri.toString());
    const choice = await chooseRun(this.context, run.filesUri, false, last && { input: last.input, inputLabel: last.inputLabel, testCase: last.testCase }, run.key);
    if (!choice) return undefined;
    const config = await machineConfiguration(target.document.uri, choice, run);
    if (typeof config === 'string') {
      void vscode.window.showErrorMessage(config);
      return undefined;
    }
    return config;
  }
}

function refuse(reason: string, config: vscode.DebugConfiguration): undefined {
  void vscode.window.showErrorMessage(`Cannot debug '${config.name}': ${reason}`);
  return undefined;
}
