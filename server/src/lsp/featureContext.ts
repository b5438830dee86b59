import type { CancellationToken, Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CodeLens, Position, Range } from 'vscode-languageserver';
import type { prepareTemplateRun } from '../core/templates/prepareTemplateRun';
import type { DocumentAnalysis } from '../core/analyzeDocument';
import type { StateMachineType } from '../core/validation/types';
import type { TemplateDefinition } from '../core/templates/templateTypes';

/** One version of an open document with its analysis, parsed once and shared by every feature. */
export interface AnalyzedDocument {
  uri: string;
  version: number;
  textDocument: TextDocument;
  analysis: DocumentAnalysis;
  /** In a template: the state machine definition this is (its text, offsets map, substitutions). */
  definition?: TemplateDefinition;
}

/** What the server hands each language feature when it registers its handlers. */
export interface FeatureContext {
  connection: Connection;
  /**
   * The cached analysis of the document's current version (computed on demand), or undefined if not open. In a
   * template: the definition at `at` (a position), or the state machine named `at`, or, without `at`, the one picked
   * last (the first until one is picked).
   */
  getDocument(uri: string, at?: Position | string): AnalyzedDocument | undefined;
  /** Set for templates: the lenses above each state machine. */
  templateLenses?: (uri: string) => CodeLens[];
  /** Set for templates: the state machine picked in a template, ready to run (undefined for any other file). */
  runnable?: (uri: string, substitutions?: Record<string, string>) => { name: string; type: StateMachineType; prepared: ReturnType<typeof prepareTemplateRun> } | undefined;
  /** Set for templates: hover on the template's own keys that hold or shape a state machine. */
  templateHover?: (uri: string, position: Position) => { markdown: string; range: Range } | undefined;
  /** Set for templates: fixes of the template itself (a substitution to add) for the problems in a range. */
  templateFixes?: (uri: string, range: Range) => CodeAction[];
  /** Every definition of a document: one for an ASL file, each state machine written in a template. */
  getDocuments(uri: string): AnalyzedDocument[];
  /** STANDARD or EXPRESS, as the settings say for the machine in this document (default STANDARD). */
  machineTypeOf?(uri: string): StateMachineType;
  /** Whether a big answer may be given as RawJson (the transport writes its text as it is: rawJson.ts). */
  rawJson?: boolean;
  /** How many folding ranges a document the client prefers at most (its `foldingRange.rangeLimit`), once initialized. */
  foldingRangeLimit?: number;
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
