// Runs the end-to-end suite with @vscode/test-electron (downloads VS Code: needs internet).
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { buildSuite } from './buildSuite.mjs';
import { runTests } from '@vscode/test-electron';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const suite = await buildSuite(repo);
const results = join(mkdtempSync(join(tmpdir(), 'asl-e2e-')), 'results.json');
process.env.ASL_E2E_RESULTS = results;
let failed = 0;
try {
  await runTests({ extensionDevelopmentPath: repo, extensionTestsPath: suite, launchArgs: [join(repo, 'test-artifacts', 'e2e-workspace'), '--disable-extensions'] });
} catch {
  failed = 1;
}
const report = existsSync(results) ? JSON.parse(readFileSync(results, 'utf8')) : { passed: 0, failed: 1 };
console.log(`${report.passed} passed, ${Math.max(report.failed, failed)} failed`);
process.exitCode = report.failed || failed ? 1 : 0;
