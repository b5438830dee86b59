/**
 * Validation latency through the real server process: time from didOpen to the first diagnostics, and from a
 * one-character edit (incremental didChange) to the diagnostics of that version (median of warm runs, debounce set to 0 so the
 * figure is the server's own work), plus the server's peak memory. Also the in-process analysis time.
 * Targets (issue 2): 1,000 states < 20 ms warm re-validation, 5,000 < 100 ms, server memory < 150 MB.
 */
import { performance } from 'node:perf_hooks';
import { analyzeDocument } from '../../server/src/core/analyzeDocument';
import { LspClient } from '../lsp/lspClient';
import { countStates, generateMachine } from './generateMachine';
import { mb, median, ms } from './stats';

const SIZES = [100, 1000, 5000];
const WARM_RUNS = 15;

export async function run(): Promise<void> {
  console.log('| states | open → diagnostics | edit → diagnostics (median) | analyze in-process (median) | server peak RSS |');
  console.log('| ---: | ---: | ---: | ---: | ---: |');
  for (const size of SIZES) {
    const text = generateMachine(size);
    const client = await LspClient.start({ initializationOptions: { validationDelayMs: 0 } });
    const uri = LspClient.uri(`bench-${size}.asl.json`);
    let t = performance.now();
    await client.open(uri, text);
    await client.waitForDiagnostics(uri, () => true, 60_000);
    const open = performance.now() - t;
    const edits: number[] = [];
    const at = text.indexOf('Generated machine') + 'Generated'.length;
    for (let i = 0; i < WARM_RUNS + 3; i++) {
      t = performance.now();
      // One character typed into the Comment, sent as an incremental change like an editor does.
      await client.changeRange(uri, text, at, 1, i % 2 ? ' ' : '_');
      await client.waitForDiagnostics(uri, () => true, 60_000);
      if (i >= 3) edits.push(performance.now() - t);
    }
    const peak = client.serverMemory('VmHWM');
    await client.shutdown();
    const inProcess: number[] = [];
    for (let i = 0; i < WARM_RUNS; i++) {
      t = performance.now();
      analyzeDocument(text);
      inProcess.push(performance.now() - t);
    }
    console.log(`| ${countStates(text)} | ${ms(open)} | ${ms(median(edits))} | ${ms(median(inProcess))} | ${mb(peak)} |`);
  }
}
