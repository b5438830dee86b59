import type { TextDocument } from 'vscode-languageserver-textdocument';
import { IncrementalAnalyzer } from '../core/analyzeDocument';
import type { ValidationSettings } from '../core/validation/types';
import type { AnalyzedDocument } from './featureContext';

/**
 * One analysis per document version, computed on first use and shared by diagnostics and every feature. Each
 * document has an incremental analyzer, so a new version costs about what its edit touched; the analysis of an
 * older version is dropped (and no longer valid) once a newer one is made. Changing the settings drops every
 * cached analysis.
 */
export class DocumentStore {
  private readonly cache = new Map<string, AnalyzedDocument>();
  private readonly analyzers = new Map<string, IncrementalAnalyzer>();

  constructor(private settings: ValidationSettings) {}

  setSettings(settings: ValidationSettings): void {
    this.settings = settings;
    this.cache.clear();
  }

  get(textDocument: TextDocument): AnalyzedDocument {
    const cached = this.cache.get(textDocument.uri);
    if (cached && cached.version === textDocument.version && cached.textDocument === textDocument) return cached;
    let analyzer = this.analyzers.get(textDocument.uri);
    if (!analyzer) this.analyzers.set(textDocument.uri, (analyzer = new IncrementalAnalyzer()));
    const analyzed: AnalyzedDocument = {
      uri: textDocument.uri,
      version: textDocument.version,
      textDocument,
      analysis: analyzer.analyze(textDocument.getText(), this.settings),
    };
    this.cache.set(textDocument.uri, analyzed);
    return analyzed;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
    this.analyzers.delete(uri);
  }
}
