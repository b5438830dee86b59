import type { ServerCapabilities } from 'vscode-languageserver';
import type { FeatureContext } from '../featureContext';

/** Capabilities the language features add to the server's initialize result. */
export const featureCapabilities: ServerCapabilities = {};

/** Registers every language feature (completion, hover, code actions, navigation, ...). */
export function registerFeatures(_ctx: FeatureContext): void {
  // Features register here, one file each under this folder.
}
