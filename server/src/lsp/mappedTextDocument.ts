import type { Position, Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { OffsetMap } from '../core/templates/offsetMap';

/**
 * A definition's own text (JSON inside a template string) seen as a text document whose positions are the
 * template's: features compute offsets in the definition's text and get ranges in the file the editor shows.
 */
export function mappedTextDocument(host: TextDocument, text: string, map: OffsetMap): TextDocument {
  if (map.isIdentity) return host;
  return {
    uri: host.uri,
    languageId: host.languageId,
    version: host.version,
    get lineCount() {
      return host.lineCount;
    },
    getText(range?: Range): string {
      if (!range) return text;
      return text.slice(map.fromHost(host.offsetAt(range.start)), map.fromHost(host.offsetAt(range.end)));
    },
    positionAt(offset: number): Position {
      return host.positionAt(map.toHost(offset));
    },
    offsetAt(position: Position): number {
      return map.fromHost(host.offsetAt(position));
    },
    getLineRange: (line: number) => host.getLineRange(line),
    getEOLCharacters: (line?: number) => host.getEOLCharacters(line as number),
  };
}
