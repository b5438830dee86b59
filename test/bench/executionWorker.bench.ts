/**
 * What isolation costs and gives (issue 12): every run starts an execution worker process. Compares a one-state
 * machine and the donut shop run in this process with the same runs in a fresh worker (start, freeze, load, run,
 * stop); times `asl run` of the donut shop end to end (a new Node process, as a shell runs it); and times hover on
 * the real server while a runaway execution runs (target: under 100 ms). Medians of 10 runs.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { isSetupFailure, startExecution } from '../../server/src/execution/isolatedExecution';
import { DEFAULT_LIMITS } from '../../server/src/execution/runLimits';
import { findTestCase, mockInvoker, readMockConfig } from '../../server/src/interpreter/mocks';
import { runExecution } from '../../server/src/interpreter/runExecution';
import { prepareDefinition } from '../../server/src/interpreter/prepareDefinition';
import { VirtualClock } from '../../server/src/interpreter/virtualClock';
import { LspClient } from '../lsp/lspClient';
import { timeCli } from './historyOutput';
import { testServices } from '../unit/interpreter/runMachine';
import { median, ms } from './stats';

const root = resolve(__dirname, '../..');
const RUNS = 10;

async function timed(runs: number, body: () => Promise<void>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await body();
    times.push(performance.now() - t);
  }
  return median(times);
}

export async function run(): Promise<void> {
  const examples = join(root, 'examples');
  const prepared = prepareDefinition(readFileSync(join(examples, 'donut-shop.asl.json'), 'utf8'));
  if (!('definition' in prepared)) throw new Error('donut-shop does not validate');
  const config = JSON.parse(readFileSync(join(examples, 'donut-shop.mocks.json'), 'utf8')) as unknown;
  const input = JSON.parse(readFileSync(join(examples, 'donut-shop.input.json'), 'utf8')) as unknown;
  const pass = { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } };
  const spec = (definition: unknown, extra: object = {}) => ({ definition, input, stateMachineName: 'donut-shop', executionName: 'bench', startTime: 0, realTime: false, ...extra });

  const inProcess = (definition: unknown, withMocks: boolean) => async () => {
    const mocks = readMockConfig(config);
    const result = await runExecution({ definition, input, invokeTask: withMocks ? mockInvoker(mocks, findTestCase(mocks, 'donut-shop', 'HappyPath')) : async () => ({}), clock: new VirtualClock(0), services: testServices });
    if (result.status !== 'SUCCEEDED') throw new Error(`${result.error}: ${result.cause}`);
  };
  const isolated = (definition: unknown, withMocks: boolean) => async () => {
    const result = await startExecution(spec(definition, withMocks ? { mocks: { config, testCase: 'HappyPath' } } : {}), DEFAULT_LIMITS).result;
    if (isSetupFailure(result) || result.status !== 'SUCCEEDED') throw new Error(JSON.stringify(result));
  };

  console.log('| run | in this process | in a fresh worker | overhead |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const [name, definition, withMocks] of [['one Pass state', pass, false], ['donut shop (HappyPath)', prepared.definition, true]] as const) {
    await isolated(definition, withMocks)(); // warm the disk cache
    const local = await timed(RUNS, inProcess(definition, withMocks));
    const worker = await timed(RUNS, isolated(definition, withMocks));
    console.log(`| ${name} | ${ms(local)} | ${ms(worker)} | ${ms(worker - local)} |`);
  }
  const cli = timeCli(['run', 'donut-shop.asl.json', '--input', 'donut-shop.input.json', '--mocks', 'donut-shop.mocks.json', '--test-case', 'HappyPath'], examples, RUNS);
  const bare = timeCli(['--version'], examples, RUNS);
  console.log(`\n\`asl run\` of the donut shop, end to end: ${ms(cli.wall)} wall, ${ms(cli.cpu)} CPU (the CLI and its worker; \`asl --version\`: ${ms(bare.cpu)} CPU); median of ${RUNS}`);
  await hoverDuringRunaway();
}

/** Hover on the real server (dist/server.js) while an endless JSONata recursion runs, and without a run. */
async function hoverDuringRunaway(): Promise<void> {
  const client = await LspClient.start();
  try {
    const uri = LspClient.uri('runaway.asl.json');
    const text = JSON.stringify({ QueryLanguage: 'JSONata', StartAt: 'P', States: { P: { Type: 'Pass', Output: '{% ( $f := function($n){ $f($n + 1) }; $f(0) ) %}', End: true } } }, null, 2);
    await client.open(uri, text);
    const hover = () => timed(20, async () => {
      await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 6 } });
    });
    const idle = await hover();
    let started = false;
    client.connection.onNotification('asl/executionEvent', () => {
      started = true;
    });
    const run = client.request('asl/startExecution', { uri, executionId: 'bench', input: '{}' });
    while (!started) await new Promise((done) => setTimeout(done, 10));
    const busy = await hover();
    const asked = performance.now();
    await client.request('asl/abortExecution', { executionId: 'bench' });
    await run;
    console.log(`\nhover on the real server: ${ms(idle)} idle, ${ms(busy)} during a runaway execution (median of 20; target under 100 ms); abort answered in ${ms(performance.now() - asked)}`);
  } finally {
    await client.shutdown();
  }
}
