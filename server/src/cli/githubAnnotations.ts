import { formatOfName, parseDocumentAs } from '../core/document/documentFormat';
import { LineIndex } from '../core/document/lineIndex';
import { buildModel } from '../core/model/buildModel';

/**
 * GitHub Actions workflow commands (docs.github.com, "Workflow commands for GitHub Actions": `::error
 * file={name},line={line},title={title}::{message}`); data escapes %, CR and LF, properties also `:` and `,`.
 */
export function githubError(file: string, line: number | undefined, title: string, message: string, column?: number): string {
  const props = [`file=${escapeProperty(file)}`, line ? `line=${line}` : '', column ? `col=${column}` : '', `title=${escapeProperty(title)}`].filter(Boolean).join(',');
  return `::error ${props}::${escapeData(message)}\n`;
}

/** The 1-based line of a state's name in the definition text (names are unique machine-wide), if it is there. */
export function stateLine(text: string, stateName: string, file = ''): number | undefined {
  const model = buildModel(parseDocumentAs(text, formatOfName(file)).root);
  const state = model.symbols.definitions.get(stateName)?.[0];
  return state ? new LineIndex(text).positionAt(state.nameSpan.offset).line + 1 : undefined;
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
