import { parseDocumentAs, reparseDocumentAs, type DocumentFormat } from './document/documentFormat';
import type { ParsedDocument } from './document/parseDocument';
import { buildModel, type StateModelCache } from './model/buildModel';
import type { StateMachineModel } from './model/types';
import { allRules } from './validation/rules/index';
import { StateProblemCache } from './validation/stateProblemCache';
import type { Problem, ValidationSettings } from './validation/types';
import { validate } from './validation/validate';

/** Everything the features need about one version of a document, computed once and shared. */
export interface DocumentAnalysis {
  doc: ParsedDocument;
  model: StateMachineModel;
  problems: Problem[];
}

export function analyzeDocument(text: string, settings?: ValidationSettings, format: DocumentFormat = 'json'): DocumentAnalysis {
  const doc = parseDocumentAs(text, format);
  const model = buildModel(doc.root);
  return { doc, model, problems: validate(doc, model, settings) };
}

/**
 * Analyses the successive versions of one document, each from the previous one: members of the syntax tree
 * outside the edit are reused (moved in place) and so are the models and problems of the states they hold. The result of
 * each call equals `analyzeDocument(text, settings, format)`; an analysis is valid until the next call, which moves its
 * nodes, so a caller keeps only the latest one.
 */
export class IncrementalAnalyzer {
  private previous?: ParsedDocument;
  private readonly states: StateModelCache = new WeakMap();
  private readonly cache = new StateProblemCache();

  constructor(private readonly format: DocumentFormat = 'json') {}

  analyze(text: string, settings?: ValidationSettings): DocumentAnalysis {
    const doc = this.previous ? reparseDocumentAs(this.previous, text) : parseDocumentAs(text, this.format);
    this.previous = doc;
    const model = buildModel(doc.root, this.states);
    return { doc, model, problems: validate(doc, model, settings, allRules, this.cache) };
  }
}
