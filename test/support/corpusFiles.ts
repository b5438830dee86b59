import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** `../shared/corpus` beside the repository (read in place, never copied). */
export const CORPUS = resolve(__dirname, '../../../shared/corpus');

/** Every JSON definition under a folder, recursively (the corpus' recorded-messages file excluded). */
export function definitionFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? definitionFiles(path) : /\.json$/.test(name) && name !== 'aws-recorded-messages.json' ? [path] : [];
  });
}
