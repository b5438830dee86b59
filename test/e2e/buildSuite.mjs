// Bundles the end-to-end suite (test/e2e/suite) into dist/test/e2e/index.js for an extension host to load.
// Every suite/*.e2e.ts file is included (extension.e2e.ts first: it activates the extension).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';

const suiteFiles = {
  name: 'e2e-suite-files',
  setup(build) {
    build.onResolve({ filter: /^e2e-suite-files$/ }, () => ({ path: 'e2e-suite-files', namespace: 'e2e-suite-files' }));
    build.onLoad({ filter: /.*/, namespace: 'e2e-suite-files' }, () => {
      const dir = build.initialOptions.absWorkingDir;
      const files = readdirSync(dir).filter((f) => f.endsWith('.e2e.ts')).sort((a, b) => Number(b === 'extension.e2e.ts') - Number(a === 'extension.e2e.ts') || a.localeCompare(b));
      const imports = files.map((f) => `  await import(${JSON.stringify(`./${f}`)});`).join('\n');
      return { contents: `export async function loadSuites() {\n${imports}\n}\n`, resolveDir: dir, loader: 'js' };
    });
  },
};

export async function buildSuite(repo) {
  const outfile = join(repo, 'dist/test/e2e/index.js');
  await esbuild.build({
    entryPoints: [join(repo, 'test/e2e/suite/index.ts')],
    absWorkingDir: join(repo, 'test/e2e/suite'),
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', 'mocha'],
    mainFields: ['module', 'main'],
    plugins: [suiteFiles],
    logLevel: 'warning',
  });
  return outfile;
}
