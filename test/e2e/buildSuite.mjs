// Bundles the end-to-end suite (test/e2e/suite) into dist/test/e2e/index.js for an extension host to load.
import { join } from 'node:path';
import * as esbuild from 'esbuild';

export async function buildSuite(repo) {
  const outfile = join(repo, 'dist/test/e2e/index.js');
  await esbuild.build({
    entryPoints: [join(repo, 'test/e2e/suite/index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', 'mocha'],
    mainFields: ['module', 'main'],
    logLevel: 'warning',
  });
  return outfile;
}
