// npm run bench: bundles each test/bench/*.bench.ts with esbuild (so the figures are those of the shipped,
// bundled code, not of a TypeScript loader) and runs each in a fresh Node process, so one benchmark's heap does not
// weigh on the next. `npm run bench -- graph` runs only the matching ones.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';

const root = resolve(import.meta.dirname, '..');
const only = process.argv.slice(2);
const files = readdirSync(join(root, 'test/bench'))
  .filter((f) => f.endsWith('.bench.ts') && (only.length === 0 || only.some((o) => f.includes(o))))
  .sort();
for (const file of files) {
  const outfile = join(root, 'dist/bench', file.replace(/\.ts$/, '.js'));
  await esbuild.build({
    entryPoints: [join(root, 'test/bench', file)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    mainFields: ['module', 'main'],
    external: ['playwright-core'],
    logLevel: 'warning',
  });
  console.log(`\n## ${file}`);
  const run = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(outfile)}).run().catch((e) => { console.error(e); process.exit(1); })`], { stdio: 'inherit' });
  if (run.status !== 0) process.exitCode = 1;
}
