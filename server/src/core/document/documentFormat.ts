import { parseDocument, reparseDocument, type ParsedDocument } from './parseDocument';
import { parseYamlDocument } from './yamlParser';
import { reparseYamlDocument } from './yamlReparse';

/** The front ends: one tree, several syntaxes. */
export type DocumentFormat = 'json' | 'yaml';

/** The format a file's name says (`*.asl.yaml`, `*.yml`: YAML; anything else: JSON). */
export function formatOfName(name: string): DocumentFormat {
  return /\.ya?ml$/i.test(name) ? 'yaml' : 'json';
}

/** The format of an editor language id (`asl-yaml`, as the AWS Toolkit names it; `asl`: JSON). */
export function formatOfLanguage(languageId: string): DocumentFormat {
  return languageId === 'asl-yaml' || languageId === 'yaml' ? 'yaml' : 'json';
}

/** Parses text in a format. Never throws. */
export function parseDocumentAs(text: string, format: DocumentFormat): ParsedDocument {
  return format === 'yaml' ? parseYamlDocument(text) : parseDocument(text);
}

/** A new version of a document parsed from the previous one (see reparseDocument, reparseYamlDocument). */
export function reparseDocumentAs(previous: ParsedDocument, text: string): ParsedDocument {
  return previous.format === 'yaml' ? reparseYamlDocument(previous, text) : reparseDocument(previous, text);
}
