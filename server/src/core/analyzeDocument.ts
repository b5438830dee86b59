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
  /** What the rules found. From the incremental analyzer, computed on first read (the features that need only the tree and model never wait for it). */
  readonly problems: Problem[];
}

export function analyzeDocument(text: string, settings?: ValidationSettings, format: DocumentFormat = 'json'): DocumentAnalysis {
  const doc = parseDocumentAs(text, format);
  const model = buildModel(doc.root);
  return { doc, model, problems: validate(doc, model, settings) };
}

/**
 * Analyses the successive versions of one document, each from the previous one: members of the syntax tree
 * outside the edit are reused (moved in place) and so are the models and problems of the states they hold. The result of
 * each call equals `analyzeDocument(text, settings, format)`. Its tree and model are built at once and are valid until
 * the next call, which moves their nodes, so a caller keeps only the latest one. Its problems are computed when first
 * read: while it is the latest, incrementally; after a newer call, by a fresh analysis of its text (same result, full cost).
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
    let problems: Problem[] | undefined;
    const latest = () => this.previous === doc;
    const cache = this.cache;
    const format = this.format;
    return {
      doc,
      model,
      get problems(): Problem[] {
        problems ??= latest() ? validate(doc, model, settings, allRules, cache) : analyzeDocument(doc.text, settings, format).problems;
        return problems;
      },
    };
  }
}
