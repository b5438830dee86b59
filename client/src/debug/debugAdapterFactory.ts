import * as vscode from 'vscode';
import { backgroundThreadArgs } from '../../../server/src/backgroundThreads';

/**
 * Starts the debug adapter (dist/debugAdapter.js, DAP over stdio) in a Node process of its own. The extension
 * host's executable may be Electron (desktop VS Code): ELECTRON_RUN_AS_NODE makes it plain Node, as the language
 * client does for the server; under Node (code-server) the variable is ignored, and the process gets the V8
 * background threads the server gets.
 */
export class AslDebugAdapterFactory implements vscode.DebugAdapterDescriptorFactory {
  constructor(private readonly context: vscode.ExtensionContext) {}

  createDebugAdapterDescriptor(): vscode.DebugAdapterDescriptor {
    const script = this.context.asAbsolutePath('dist/debugAdapter.js');
    return new vscode.DebugAdapterExecutable(process.execPath, [...backgroundThreadArgs(), script], { env: { ELECTRON_RUN_AS_NODE: '1' } });
  }
}
