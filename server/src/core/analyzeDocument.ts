import { parseDocument, type ParsedDocument } from './document/parseDocument';
import { buildModel } from './model/buildModel';
import type { StateMachineModel } from './model/types';
import type { Problem, ValidationSettings } from './validation/types';
import { validate } from './validation/validate';

/** Everything the features need about one version of a document, computed once and shared. */
export interface DocumentAnalysis {
  doc: ParsedDocument;
  model: StateMachineModel;
  problems: Problem[];
}

export function analyzeDocument(text: string, settings?: ValidationSettings): DocumentAnalysis {
  const doc = parseDocument(text);
  const model = buildModel(doc.root);
  return { doc, model, problems: validate(doc, model, settings) };
}
