import type { CancellationToken, Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentAnalysis } from '../core/analyzeDocument';
import type { StateMachineType } from '../core/validation/types';

/** One version of an open document with its analysis, parsed once and shared by every feature. */
export interface AnalyzedDocument {
  uri: string;
  version: number;
  textDocument: TextDocument;
  analysis: DocumentAnalysis;
}

/** What the server hands each language feature when it registers its handlers. */
export interface FeatureContext {
  connection: Connection;
  /** The cached analysis of the document's current version (computed on demand), or undefined if not open. */
  getDocument(uri: string): AnalyzedDocument | undefined;
  /** STANDARD or EXPRESS, as the settings say for the machine in this document (default STANDARD). */
  machineTypeOf?(uri: string): StateMachineType;
  /**
   * Wraps a handler so that an exception is logged and answered with `fallback`, cancellation returns
   * `fallback`, and a bug in one feature never takes the server down.
   */
  guard<P, R>(
    name: string,
    fallback: R,
    handler: (params: P, token: CancellationToken) => R | Promise<R>,
  ): (params: P, token: CancellationToken) => Promise<R>;
}
