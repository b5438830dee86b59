/**
 * Names a state by where it sits, the same way on both sides of the debug channel: the adapter computes it from
 * the document's model (for breakpoint lines), the worker from the running definition. A state's key is its
 * name after the path of the Parallel branches and Map processors that hold it: `["Fan",1,"Inner"]` is state
 * `Inner` of the second branch of `Fan`, `["Ship","p","Pack"]` state `Pack` of Map `Ship`'s item processor.
 */
export type BlockPath = readonly (string | number)[];

export const PROCESSOR = 'p';

export function stateKey(block: BlockPath, name: string): string {
  return JSON.stringify([...block, name]);
}

type Obj = Record<string, unknown>;

/** Every States block of a definition (the machine, branches, processors) with its path. */
export function blockPaths(definition: unknown): Map<Obj, BlockPath> {
  const paths = new Map<Obj, BlockPath>();
  const visit = (block: unknown, path: BlockPath, depth: number): void => {
    if (!block || typeof block !== 'object' || depth > 64) return;
    paths.set(block as Obj, path);
    const states = (block as Obj).States;
    if (!states || typeof states !== 'object') return;
    for (const [name, state] of Object.entries(states as Obj)) {
      if (!state || typeof state !== 'object') continue;
      const s = state as Obj;
      if (Array.isArray(s.Branches)) s.Branches.forEach((branch, i) => visit(branch, [...path, name, i], depth + 1));
      const processor = s.ItemProcessor ?? s.Iterator;
      if (processor) visit(processor, [...path, name, PROCESSOR], depth + 1);
    }
  };
  visit(definition, [], 0);
  return paths;
}
