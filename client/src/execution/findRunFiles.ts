import * as path from 'node:path';

/** Files that sit beside `name.asl.json`: inputs, mocks and handlers (README "Run Execution"). */
export interface RunFiles {
  inputs: string[];
  mocks?: string;
  handlers?: string;
}

/** Pure: given the machine path and the names that exist in its folder (and its name.inputs/ folder). */
export function findRunFiles(machinePath: string, siblings: string[], inputsFolder: string[]): RunFiles {
  const dir = path.dirname(machinePath);
  const base = path.basename(machinePath).replace(/\.asl\.(?:json|ya?ml)$|\.(?:json|ya?ml)$/, '');
  const has = (name: string) => siblings.includes(name);
  const inputs: string[] = [];
  if (has(`${base}.input.json`)) inputs.push(path.join(dir, `${base}.input.json`));
  for (const name of [...inputsFolder].sort()) if (name.endsWith('.json')) inputs.push(path.join(dir, `${base}.inputs`, name));
  return {
    inputs,
    mocks: has(`${base}.mocks.json`) ? path.join(dir, `${base}.mocks.json`) : undefined,
    handlers: has(`${base}.handlers.mjs`) ? path.join(dir, `${base}.handlers.mjs`) : undefined,
  };
}
