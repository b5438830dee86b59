import { readdir, realpath, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { globBase, globMatcher, isGlob } from './globMatcher';

export interface ExpandedFiles {
  files: string[];
  /** Arguments that matched nothing, and what could not be read on the way, each with the reason. */
  missing: { argument: string; reason: string }[];
  /** Files a folder gave because `candidate` accepted their name: the caller checks their content. */
  candidates: Set<string>;
}

const ASL_FILE = /\.asl\.(?:json|ya?ml)$/;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

/**
 * Expands CLI arguments: a file stays as is, a folder yields every `*.asl.json` and `*.asl.yaml`/`.yml` below it, a glob its matches.
 * Paths come back as given (relative to `cwd` when relative), sorted within each argument. Symbolic links are
 * followed, to files and to folders; a link that points nowhere, a folder that links back into itself and a
 * folder that cannot be listed are reported in `missing` with the reason. Throws GlobError for an unusable glob.
 */
export async function expandFiles(args: string[], cwd: string, candidate: (file: string) => boolean = () => false, kind: { pattern: RegExp; name: string } = { pattern: ASL_FILE, name: '*.asl.json or *.asl.yaml' }): Promise<ExpandedFiles> {
  const files: string[] = [];
  const candidates = new Set<string>();
  const missing: ExpandedFiles['missing'] = [];
  for (const argument of args) {
    if (isGlob(argument)) {
      const base = globBase(argument);
      const matches = globMatcher(argument);
      const found = (await walk(resolve(cwd, base || '.'), base, missing)).filter(matches);
      if (found.length === 0) missing.push({ argument, reason: 'no file matches this pattern' });
      files.push(...found);
      continue;
    }
    const info = await stat(resolve(cwd, argument)).catch((error: NodeJS.ErrnoException) => reasonOf(error));
    if (typeof info === 'string') {
      missing.push({ argument, reason: info });
    } else if (info.isDirectory()) {
      const all = await walk(resolve(cwd, argument), argument.replace(/\/+$/, ''), missing);
      const found = all.filter((f) => kind.pattern.test(f));
      const maybe = all.filter((f) => !kind.pattern.test(f) && candidate(f));
      if (found.length === 0 && maybe.length === 0) missing.push({ argument, reason: `the folder holds no ${kind.name} file` });
      for (const f of maybe) candidates.add(f);
      files.push(...found, ...maybe);
    } else {
      files.push(argument);
    }
  }
  for (const f of files) if (candidates.has(f) && args.includes(f)) candidates.delete(f);
  return { files: [...new Set(files)], missing, candidates };
}

/**
 * Every file below `folder`, named `prefix/relative/path`, sorted; without recursion, since folders can nest
 * deeply. Folders are entered once by their real path: a link to a folder already checked is skipped, and a link
 * to a folder that holds it (a loop) is reported instead of followed forever.
 */
async function walk(folder: string, prefix: string, problems: ExpandedFiles['missing']): Promise<string[]> {
  const out: string[] = [];
  const entered = new Set<string>();
  const rootReal = await realpath(folder).catch(() => folder);
  entered.add(rootReal);
  const stack: { path: string; name: string; real: string }[] = [{ path: folder, name: prefix, real: rootReal }];
  while (stack.length > 0) {
    const { path, name: shown, real: here } = stack.pop()!;
    let entries;
    try {
      entries = await readdir(path, { withFileTypes: true });
    } catch (error) {
      problems.push({ argument: shown || '.', reason: `cannot list this folder (${reasonOf(error as NodeJS.ErrnoException)})` });
      continue;
    }
    const folders: typeof stack = [];
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const name = shown ? `${shown}/${entry.name}` : entry.name;
      const full = join(path, entry.name);
      let isFolder = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        const target = await stat(full).catch((error: NodeJS.ErrnoException) => reasonOf(error));
        if (typeof target === 'string') {
          problems.push({ argument: name, reason: `broken symbolic link (${target})` });
          continue;
        }
        isFolder = target.isDirectory();
        if (!isFolder && !target.isFile()) continue;
      } else if (!isFolder && !entry.isFile()) continue;
      if (!isFolder) {
        out.push(name);
        continue;
      }
      if (SKIPPED_FOLDERS.has(entry.name)) continue;
      const real = await realpath(full).catch(() => full);
      if (here === real || here.startsWith(`${real}/`)) {
        problems.push({ argument: name, reason: 'symbolic link loop: it leads back to a folder that holds it, not followed' });
        continue;
      }
      if (entered.has(real)) continue;
      entered.add(real);
      folders.push({ path: full, name, real });
    }
    stack.push(...folders);
  }
  return out.sort();
}

function reasonOf(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return `permission denied, ${error.code}`;
    case 'ELOOP':
      return 'symbolic link loop, ELOOP';
    default:
      return error.code ?? error.message;
  }
}
