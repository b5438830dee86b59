/** Runs every `*.bench.ts` in this folder (or those named on the command line) and prints their tables. */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
    .sort();
  for (const file of files) {
    const mod = (await import(resolve(__dirname, file))) as { run: () => Promise<void> };
    console.log(`\n## ${file}`);
    await mod.run();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
