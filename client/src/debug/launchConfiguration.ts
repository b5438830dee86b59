import * as path from 'node:path';
import * as vscode from 'vscode';
import { DebugEvents } from '../../../server/src/protocol';
import { allowedHandlers, runFilesOf, type RunChoice } from '../execution/runChoices';
import type { RunTarget } from '../templates/templateRun';

export const DEBUG_TYPE = DebugEvents.TYPE;

/** A launch configuration of type `asl`: the adapter's launch arguments (package.json `debuggers` describes them). */
export type AslLaunchConfiguration = vscode.DebugConfiguration & Partial<DebugEvents.LaunchArguments>;

/** The attributes that name files: relative ones are taken from the workspace folder of the launch.json. */
export const FILE_ATTRIBUTES = ['program', 'inputFile', 'mocks', 'handlers'] as const;

/** The `asl.debug.stopBetweenSteps` setting: stop between the processing steps of a state when stepping. */
export function stopBetweenStepsSetting(uri?: vscode.Uri): boolean {
  return vscode.workspace.getConfiguration('asl', uri).get<boolean>('debug.stopBetweenSteps', true);
}

/**
 * The configuration to debug the machine in `uri` with the run choice Start Execution would make (input, the mock
 * file's test case) and its handler module when the workspace is trusted. In a template, `run` names the state
 * machine, the path its run files are named after (`Name.asl.json` beside it) and the `${Name}` values the user gave.
 */
export async function machineConfiguration(uri: vscode.Uri, choice: RunChoice, run?: Pick<RunTarget, 'filesUri' | 'name' | 'substitutions'>): Promise<AslLaunchConfiguration | string> {
  const stateMachine = run?.name;
  let input: unknown;
  try {
    input = JSON.parse(choice.input);
  } catch (error) {
    return `The input (${choice.inputLabel}) is not JSON: ${(error as Error).message}`;
  }
  const files = await runFilesOf(run?.filesUri ?? uri);
  const handlers = allowedHandlers(files.handlers);
  const name = stateMachine ?? path.basename(uri.fsPath);
  return {
    type: DEBUG_TYPE,
    request: 'launch',
    name: `Debug ${name}${choice.testCase ? ` (${choice.testCase})` : ''}`,
    program: uri.fsPath,
    ...(stateMachine ? { stateMachine } : {}),
    ...(run?.substitutions && Object.keys(run.substitutions).length > 0 ? { substitutions: run.substitutions } : {}),
    input,
    ...(choice.testCase && files.mocks ? { mocks: files.mocks, testCase: choice.testCase } : {}),
    ...(handlers ? { handlers } : {}),
    stopBetweenSteps: stopBetweenStepsSetting(uri),
  };
}
