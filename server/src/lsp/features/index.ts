import type { ServerCapabilities } from 'vscode-languageserver';
import type { FeatureContext } from '../featureContext';
import { registerCodeActions } from './codeActions';
import { registerCodeLens } from './codeLens';
import { registerCompletion } from './completion';
import { registerFolding } from './folding';
import { registerHover } from './hover';
import { registerNavigation } from './navigation';
import { registerOutline } from './outline';

/** Capabilities the language features add to the server's initialize result. */
export const featureCapabilities: ServerCapabilities = {
  definitionProvider: true,
  referencesProvider: true,
  documentHighlightProvider: true,
  renameProvider: { prepareProvider: true },
  documentSymbolProvider: true,
  foldingRangeProvider: true,
  codeLensProvider: { resolveProvider: true },
  hoverProvider: true,
  completionProvider: { triggerCharacters: ['"', '.', '$', '(', ':'] },
  codeActionProvider: { codeActionKinds: ['quickfix', 'refactor.rewrite'] },
};

/** Registers every language feature (completion, hover, code actions, navigation, ...). */
export function registerFeatures(ctx: FeatureContext): void {
  registerNavigation(ctx);
  registerOutline(ctx);
  registerFolding(ctx);
  registerCodeLens(ctx);
  registerHover(ctx);
  registerCompletion(ctx);
  registerCodeActions(ctx);
}
