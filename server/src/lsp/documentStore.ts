import type { TextDocument } from 'vscode-languageserver-textdocument';
import { IncrementalAnalyzer } from '../core/analyzeDocument';
import { formatOfLanguage } from '../core/document/documentFormat';
import type { StateMachineType, ValidationSettings } from '../core/validation/types';
import type { AnalyzedDocument } from './featureContext';

/**
 * How much text (in characters, over all open documents) keeps its analysis in memory. An analysis takes about
 * ten times its text (a 5,000-state machine: 2 MB of text, 20 MB analysed), so past this the documents used
 * least recently drop theirs and are analysed again when next used: ten open 5,000-state files stay under
 * 150 MB instead of 250 MB, and a small workspace never notices.
 */
export const ANALYSIS_BUDGET_CHARS = 6_000_000;

/**
 * One analysis per document version, computed on first use and shared by diagnostics and every feature; its
 * problems (the rules' run) only when first read, so a request right after an edit that needs the tree and model
 * does not wait for them. Each document has an incremental analyzer, so a new version costs about what its edit
 * touched; the analysis of an older version is dropped (and no longer valid) once a newer one is made. Changing
 * the settings drops every cached analysis.
 */
export class DocumentStore {
  /** In order of use, the most recent last. */
  private readonly cache = new Map<string, AnalyzedDocument>();
  private readonly analyzers = new Map<string, IncrementalAnalyzer>();

  private express: ValidationSettings;
  private machineTypeOf: (uri: string) => StateMachineType = () => 'STANDARD';

  constructor(
    private settings: ValidationSettings,
    private readonly budgetChars = ANALYSIS_BUDGET_CHARS,
  ) {
    this.express = { ...settings, stateMachineType: 'EXPRESS' };
  }

  setSettings(settings: ValidationSettings, machineTypeOf: (uri: string) => StateMachineType = this.machineTypeOf): void {
    this.settings = settings;
    this.express = { ...settings, stateMachineType: 'EXPRESS' };
    this.machineTypeOf = machineTypeOf;
    this.cache.clear();
  }

  /** STANDARD or EXPRESS, as the settings say for this document. */
  typeOf(uri: string): StateMachineType {
    return this.machineTypeOf(uri);
  }

  get(textDocument: TextDocument): AnalyzedDocument {
    const uri = textDocument.uri;
    const cached = this.cache.get(uri);
    this.cache.delete(uri);
    if (cached && cached.version === textDocument.version && cached.textDocument === textDocument) {
      this.cache.set(uri, cached);
      return cached;
    }
    let analyzer = this.analyzers.get(uri);
    if (!analyzer) this.analyzers.set(uri, (analyzer = new IncrementalAnalyzer(formatOfLanguage(textDocument.languageId))));
    const analyzed: AnalyzedDocument = {
      uri,
      version: textDocument.version,
      textDocument,
      analysis: analyzer.analyze(textDocument.getText(), this.typeOf(textDocument.uri) === 'EXPRESS' ? this.express : this.settings),
    };
    this.cache.set(uri, analyzed);
    this.keepWithinBudget(uri);
    return analyzed;
  }

  /** Whether the document's current version is analysed and kept (for tests and the benchmark). */
  has(uri: string): boolean {
    return this.cache.has(uri);
  }

  forget(uri: string): void {
    this.cache.delete(uri);
    this.analyzers.delete(uri);
  }

  /** Drops the analyses used least recently (never `current`'s) until the kept texts fit the budget. */
  private keepWithinBudget(current: string): void {
    let total = 0;
    for (const analyzed of this.cache.values()) total += analyzed.analysis.doc.text.length;
    for (const [uri, analyzed] of this.cache) {
      if (total <= this.budgetChars) return;
      if (uri === current) continue;
      total -= analyzed.analysis.doc.text.length;
      this.forget(uri);
    }
  }
}
