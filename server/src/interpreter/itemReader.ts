import type { Execution } from './execution';
import type { StateRun } from './runState';
import { StatesError } from './statesError';
import { getOwn } from '../core/document/ownProps';
import { utf8Length } from './dataLimit';

type Obj = Record<string, unknown>;

/**
 * A Distributed Map's ItemReader, run locally (asl-reference §5.8.1): the read is a Task call to the reader's
 * Resource under the Map state's name, so a mock (or handler) answers it with the file's content — a JSON array,
 * or the text of a CSV / JSONL / JSON file — which is parsed as ReaderConfig says. Failures are States.ItemReaderFailed.
 */
export async function readItems(ex: Execution, run: StateRun, reader: Obj, parameters: unknown): Promise<unknown[]> {
  let content: unknown;
  try {
    content = await ex.options.invokeTask({ stateName: run.name, resource: String(reader.Resource), input: parameters, context: run.context, attempt: run.attempt });
  } catch (error) {
    throw new StatesError('States.ItemReaderFailed', `The ItemReader of '${run.name}' failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  const config = (reader.ReaderConfig ?? {}) as Obj;
  const items = parseItems(content, config);
  const max = typeof config.MaxItems === 'number' ? config.MaxItems : undefined;
  return max !== undefined ? items.slice(0, max) : items;
}

const DELIMITERS: Record<string, string> = { COMMA: ',', PIPE: '|', SEMICOLON: ';', SPACE: ' ', TAB: '\t' };

export function parseItems(content: unknown, config: Obj): unknown[] {
  if (Array.isArray(content)) return content;
  const text = typeof content === 'string' ? content : content && typeof content === 'object' && typeof (content as Obj).Body === 'string' ? String((content as Obj).Body) : undefined;
  if (text === undefined) throw new StatesError('States.ItemReaderFailed', 'The ItemReader got neither an array nor the text of a file');
  const type = String(config.InputType ?? 'JSON');
  try {
    if (type === 'JSONL') return text.split(/\r?\n/).filter((l) => l.trim()).map((l) => JSON.parse(l) as unknown);
    if (type === 'CSV') return parseCsv(text, config);
    let value = JSON.parse(text) as unknown;
    if (typeof config.ItemsPointer === 'string') {
      for (const part of config.ItemsPointer.split('/').slice(1)) value = getOwn(value, part.replace(/~1/g, '/').replace(/~0/g, '~'));
    }
    if (!Array.isArray(value)) throw new Error('the JSON is not an array');
    return value;
  } catch (error) {
    if (error instanceof StatesError) throw error;
    throw new StatesError('States.ItemReaderFailed', `Cannot read the items as ${type}: ${(error as Error).message}`);
  }
}

/** CSV rows as objects keyed by the header row (FIRST_ROW) or by CSVHeaders (GIVEN); values stay strings. */
function parseCsv(text: string, config: Obj): Obj[] {
  const delimiter = getOwn<string>(DELIMITERS, String(config.CSVDelimiter ?? 'COMMA')) ?? ',';
  const rows = splitCsv(text, delimiter).filter((r) => r.length > 1 || r[0] !== '');
  const headers = config.CSVHeaderLocation === 'GIVEN' ? ((config.CSVHeaders as string[]) ?? []) : (rows.shift() ?? []);
  return rows.map((row) => Object.fromEntries(headers.map((h, i) => [h, row[i] ?? ''])));
}

function splitCsv(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** ItemBatcher (asl-reference §5.8): items grouped as `{Items: [...], BatchInput}` per child. */
export function batchItems(items: unknown[], batcher: Obj, batchInput: unknown): Obj[] {
  const maxItems = typeof batcher.MaxItemsPerBatch === 'number' ? batcher.MaxItemsPerBatch : Infinity;
  const maxBytes = typeof batcher.MaxInputBytesPerBatch === 'number' ? batcher.MaxInputBytesPerBatch : Infinity;
  const batches: Obj[] = [];
  let current: unknown[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = utf8Length(JSON.stringify(item) ?? 'null');
    if (current.length > 0 && (current.length >= maxItems || bytes + size > maxBytes)) {
      batches.push({ Items: current, ...(batchInput !== undefined ? { BatchInput: batchInput } : {}) });
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length) batches.push({ Items: current, ...(batchInput !== undefined ? { BatchInput: batchInput } : {}) });
  return batches;
}
