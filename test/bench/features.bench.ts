/**
 * Language server latency and memory on big machines (issue 17, point 3), through the real server process
 * (dist/server.js over stdio), debounce 0 so the figures are the server's own work:
 * - first diagnostics after didOpen of a 5,000-state file, in a fresh server (cold) and on a second file (warm);
 * - each feature request on that file: the first one (cold: it may build what the feature needs) and the median
 *   of warm ones; then the first request of each after an edit (the analysis of the new version);
 * - the server's resident memory with ten different 5,000-state files open (RSS bounds the heap from above).
 * Targets: first diagnostics < 300 ms; every feature request < 50 ms; < 150 MB with ten files open.
 */
import { performance } from 'node:perf_hooks';
import { LspClient } from '../lsp/lspClient';
import { positionAt } from '../lsp/features/cursor';
import { countStates, generateMachine } from './generateMachine';
import { mb, median, ms } from './stats';

const SIZE = 5000;
const WARM = 15;
const FILES = 10;
const TARGET_OPEN_MS = 300;
const TARGET_REQUEST_MS = 50;
const TARGET_MEMORY = 150 * 1024 * 1024;

const verdict = (met: boolean) => (met ? 'met' : 'NOT MET');

async function openTimed(client: LspClient, uri: string, text: string): Promise<number> {
  const t = performance.now();
  await client.open(uri, text);
  await client.waitForDiagnostics(uri, () => true, 60_000);
  return performance.now() - t;
}

export async function run(): Promise<void> {
  // Every file differs (its Comment and a renamed first state), as ten real machines would.
  const texts = Array.from({ length: FILES }, (_, i) => generateMachine(SIZE).replace('Generated machine', `Generated machine ${i}`).replaceAll('Root step 0"', `Root step 0 of ${i}"`));
  const text = texts[0];
  const client = await LspClient.start({ initializationOptions: { validationDelayMs: 0 } });
  try {
    const uri = LspClient.uri('features-0.asl.json');
    const openCold = await openTimed(client, uri, text);
    const openWarm = await openTimed(client, LspClient.uri('features-1.asl.json'), texts[1]);
    await client.close(LspClient.uri('features-1.asl.json'));

    const middle = text.length >> 1;
    const stateName = text.indexOf('"Root step ', text.indexOf('"States"', middle - 2000));
    const at = (offset: number) => ({ textDocument: { uri }, position: positionAt(text, offset) });
    const nextValue = text.indexOf('"Next": "', middle) + '"Next": "'.length + 2;
    const field = text.indexOf('"Resource"', middle) + 3;
    const nameAt = stateName + 3;
    const taskLine = positionAt(text, text.indexOf('"Type": "Task"', middle)).line;
    const requests: [string, string, () => unknown][] = [
      ['completion', 'textDocument/completion', () => at(nextValue)],
      ['hover', 'textDocument/hover', () => at(field)],
      ['definition', 'textDocument/definition', () => at(nextValue)],
      ['references', 'textDocument/references', () => ({ ...at(nameAt), context: { includeDeclaration: true } })],
      ['rename', 'textDocument/rename', () => ({ ...at(nameAt), newName: 'Renamed state' })],
      ['document symbols', 'textDocument/documentSymbol', () => ({ textDocument: { uri } })],
      ['code lens', 'textDocument/codeLens', () => ({ textDocument: { uri } })],
      ['code actions', 'textDocument/codeAction', () => ({ textDocument: { uri }, range: { start: { line: taskLine, character: 4 }, end: { line: taskLine, character: 4 } }, context: { diagnostics: [] } })],
    ];
    const timeOne = async (method: string, params: unknown) => {
      const t = performance.now();
      await client.request(method, params);
      return performance.now() - t;
    };
    const rows: [string, number, number, number][] = [];
    for (const [name, method, params] of requests) {
      const cold = await timeOne(method, params());
      const warm: number[] = [];
      for (let i = 0; i < WARM; i++) warm.push(await timeOne(method, params()));
      rows.push([name, cold, median(warm), 0]);
    }
    // After an edit (a value changed in the middle: same offsets), each feature's first request of the new version.
    const edit = text.indexOf('"TimeoutSeconds": 60', middle) + '"TimeoutSeconds": '.length;
    for (const row of rows) {
      const [, method, params] = requests.find((r) => r[0] === row[0])!;
      await client.changeRange(uri, text, edit, 1, '7');
      await client.changeRange(uri, text, edit, 1, '6');
      row[3] = await timeOne(method, params());
    }

    console.log(`Language server on a ${countStates(text)}-state file (debounce 0):`);
    console.log(`| measure | figure | target | |`);
    console.log('| --- | ---: | ---: | --- |');
    console.log(`| didOpen → first diagnostics, fresh server | ${ms(openCold)} | < ${TARGET_OPEN_MS} ms | ${verdict(openCold < TARGET_OPEN_MS)} |`);
    console.log(`| didOpen → first diagnostics, second file | ${ms(openWarm)} | < ${TARGET_OPEN_MS} ms | ${verdict(openWarm < TARGET_OPEN_MS)} |`);
    console.log('\n| request | first | warm (median) | first after an edit | target | |');
    console.log('| --- | ---: | ---: | ---: | ---: | --- |');
    for (const [name, cold, warm, edited] of rows) {
      console.log(`| ${name} | ${ms(cold)} | ${ms(warm)} | ${ms(edited)} | < ${TARGET_REQUEST_MS} ms | ${verdict(Math.max(cold, warm, edited) < TARGET_REQUEST_MS)} |`);
    }

    for (let i = 1; i < FILES; i++) await openTimed(client, LspClient.uri(`features-${i}.asl.json`), texts[i]);
    // Let the server settle (a GC after the burst of work) before reading its resident memory.
    await new Promise((done) => setTimeout(done, 1000));
    const rss = client.serverMemory('VmRSS');
    const peak = client.serverMemory('VmHWM');
    console.log(`\nServer memory with ${FILES} files of ${SIZE} states open: ${mb(rss)} resident, ${mb(peak)} peak (target < 150 MB: ${verdict((rss ?? Infinity) < TARGET_MEMORY)})`);
  } finally {
    await client.shutdown();
  }
}
