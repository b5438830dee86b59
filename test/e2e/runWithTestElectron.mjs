// Runs the end-to-end suite with @vscode/test-electron (downloads VS Code: needs internet).
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as esbuild from 'esbuild';
import { runTests } from '@vscode/test-electron';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
await esbuild.build({
  entryPoints: [join(repo, 'test/e2e/suite/index.ts')],
  outfile: join(repo, 'dist/test/e2e/index.js'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  external: ['vscode', 'mocha'],
  mainFields: ['module', 'main'],
});
const results = join(mkdtempSync(join(tmpdir(), 'asl-e2e-')), 'results.json');
process.env.ASL_E2E_RESULTS = results;
let failed = 0;
try {
  await runTests({ extensionDevelopmentPath: repo, extensionTestsPath: join(repo, 'dist/test/e2e/index.js'), launchArgs: [join(repo, 'test-artifacts', 'e2e-workspace'), '--disable-extensions'] });
} catch {
  failed = 1;
}
const report = existsSync(results) ? JSON.parse(readFileSync(results, 'utf8')) : { passed: 0, failed: 1 };
console.log(`${report.passed} passed, ${Math.max(report.failed, failed)} failed`);
process.exitCode = report.failed || failed ? 1 : 0;
