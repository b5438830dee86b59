import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeDocument } from '../core/analyzeDocument';
import type { ValidationSettings } from '../core/validation/types';
import type { AnalyzedDocument } from './featureContext';

/**
 * One analysis per document version, computed on first use and shared by diagnostics and every feature.
 * Changing the settings drops every cached analysis.
 */
export class DocumentStore {
  private readonly cache = new Map<string, AnalyzedDocument>();

  constructor(private settings: ValidationSettings) {}

  setSettings(settings: ValidationSettings): void {
    this.settings = settings;
    this.cache.clear();
  }

  get(textDocument: TextDocument): AnalyzedDocument {
    const cached = this.cache.get(textDocument.uri);
    if (cached && cached.version === textDocument.version && cached.textDocument === textDocument) return cached;
    const analyzed: AnalyzedDocument = {
      uri: textDocument.uri,
      version: textDocument.version,
      textDocument,
      analysis: analyzeDocument(textDocument.getText(), this.settings),
    };
    this.cache.set(textDocument.uri, analyzed);
    return analyzed;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }
}
