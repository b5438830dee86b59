import type { StringNode } from '../document/ast';
import type { ParsedDocument } from '../document/parseDocument';
import type { OffsetMapBuilder } from './offsetMap';

/**
 * What a locator needs to know of the file format that holds a template (JSON or YAML): the file's tree, and how
 * its string scalars are written, to read JSON inside them with each character's place in the file.
 */
export interface HostFormat {
  name: 'json' | 'yaml';
  doc: ParsedDocument;
  /** Appends the decoded value of a string node of the file, each character mapped to its place in the file. */
  appendString(node: StringNode, out: OffsetMapBuilder): void;
  /** Text for a definition inside that string, written as the string writes it (escaped, indented), or undefined. */
  encodeString(node: StringNode, text: string): string | undefined;
}
