import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CORPUS, definitionFiles } from '../support/corpusFiles';

const EXAMPLES = resolve(__dirname, '../../examples');

/** Real definitions to start from: the corpus (valid and invalid) and the examples. */
export const SOURCES: string[] = [
  ...(existsSync(CORPUS) ? definitionFiles(CORPUS) : []),
  ...definitionFiles(EXAMPLES).filter((f) => f.endsWith('.asl.json')),
].map((f) => readFileSync(f, 'utf8')).filter((text) => {
  try {
    return typeof JSON.parse(text) === 'object';
  } catch {
    return false;
  }
});
