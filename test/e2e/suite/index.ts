/**
 * The end-to-end suite, run inside a real VS Code extension host (code-server here, or @vscode/test-electron):
 * mocha with the real `vscode` API. Results go to the file named by ASL_E2E_RESULTS, for the runner.
 */
import { writeFileSync } from 'node:fs';
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 90_000, color: false });
  mocha.suite.emit('pre-require', globalThis, 'e2e', mocha);
  await import('./extension.e2e');
  const results = { passed: 0, failed: 0, failures: [] as string[], log: [] as string[] };
  // Tests report figures through this list; the runner prints them.
  (globalThis as { aslE2eLog?: string[] }).aslE2eLog = results.log;
  await new Promise<void>((done) => {
    mocha
      .run()
      .on('pass', () => results.passed++)
      .on('fail', (test, error: Error) => {
        results.failed++;
        results.failures.push(`${test.fullTitle()}: ${error.message}`);
      })
      .on('end', () => done());
  });
  if (process.env.ASL_E2E_RESULTS) writeFileSync(process.env.ASL_E2E_RESULTS, JSON.stringify(results, null, 2));
  if (results.failed > 0) throw new Error(`${results.failed} end-to-end test(s) failed`);
}
