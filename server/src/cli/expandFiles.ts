import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { globBase, globToRegExp, isGlob } from './globToRegExp';

export interface ExpandedFiles {
  files: string[];
  /** Arguments that matched nothing, each with the reason. */
  missing: { argument: string; reason: string }[];
}

const ASL_FILE = /\.asl\.json$/;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

/**
 * Expands CLI arguments: a file stays as is, a folder yields every `*.asl.json` below it, a glob its matches.
 * Paths come back as given (relative to `cwd` when relative), sorted within each argument.
 */
export async function expandFiles(args: string[], cwd: string): Promise<ExpandedFiles> {
  const files: string[] = [];
  const missing: ExpandedFiles['missing'] = [];
  for (const argument of args) {
    if (isGlob(argument)) {
      const base = globBase(argument);
      const regex = globToRegExp(argument);
      const matches = (await walk(resolve(cwd, base || '.'), base)).filter((f) => regex.test(f));
      if (matches.length === 0) missing.push({ argument, reason: 'no file matches this pattern' });
      files.push(...matches);
      continue;
    }
    const info = await stat(resolve(cwd, argument)).catch(() => undefined);
    if (!info) {
      missing.push({ argument, reason: 'no such file or folder' });
    } else if (info.isDirectory()) {
      const matches = (await walk(resolve(cwd, argument), argument.replace(/\/+$/, ''))).filter((f) => ASL_FILE.test(f));
      if (matches.length === 0) missing.push({ argument, reason: 'the folder holds no *.asl.json file' });
      files.push(...matches);
    } else {
      files.push(argument);
    }
  }
  return { files: [...new Set(files)], missing };
}

/** Every file below `folder`, named `prefix/relative/path`, sorted. */
async function walk(folder: string, prefix: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  const out: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const name = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) out.push(...(await walk(join(folder, entry.name), name)));
    } else if (entry.isFile()) out.push(name);
  }
  return out;
}
