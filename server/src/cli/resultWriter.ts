import { lstat, mkdir, realpath, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * Writes a Distributed Map's ResultWriter files under `root` (asl run --results-dir) and nowhere else: the path
 * must be relative, without `..`, resolve inside `root` (compared with a trailing separator, so `root-other` is
 * outside), and no symbolic link on the way may lead out of it; the file itself is never written through a link.
 */
export function resultWriter(root: string) {
  const base = resolve(root);
  return async (path: string, content: string): Promise<void> => {
    if (isAbsolute(path) || path.includes('\0') || path.split(/[\\/]/).includes('..')) throw new Error(`the path '${path}' would leave ${base}`);
    const target = resolve(base, path);
    if (!inside(base, target)) throw new Error(`the path '${path}' would leave ${base}`);
    await mkdir(base, { recursive: true });
    const realBase = await realpath(base);
    // The deepest folder that exists must really be inside the results folder before anything is created in it.
    let existing = dirname(target);
    while (!(await exists(existing))) existing = dirname(existing);
    if (!inside(realBase, await realpath(existing))) throw new Error(`the path '${path}' leads out of ${base} through a symbolic link`);
    await mkdir(dirname(target), { recursive: true });
    if (!inside(realBase, await realpath(dirname(target)))) throw new Error(`the path '${path}' leads out of ${base} through a symbolic link`);
    const stat = await lstat(target).catch(() => undefined);
    if (stat?.isSymbolicLink()) throw new Error(`'${path}' is a symbolic link; it is not written through`);
    await writeFile(target, content);
  };
}

function inside(root: string, path: string): boolean {
  if (path === root) return true;
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel) && path.startsWith(root.endsWith(sep) ? root : root + sep);
}

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(() => true, () => false);
}
