/**
 * Completion and hover latency through the real server on 1,000- and 5,000-state machines (median of warm
 * requests). Targets (issue 3): median under 10 ms (1,000) and 30 ms (5,000).
 */
import { performance } from 'node:perf_hooks';
import { LspClient } from '../lsp/lspClient';
import { positionAt } from '../lsp/features/cursor';
import { countStates, generateMachine } from './generateMachine';
import { median, ms } from './stats';

const WARM = 20;

export async function run(): Promise<void> {
  console.log('| states | completion at Next (median) | hover on a field (median) |');
  console.log('| ---: | ---: | ---: |');
  for (const size of [1000, 5000]) {
    const text = generateMachine(size);
    const client = await LspClient.start({ initializationOptions: { validationDelayMs: 0 } });
    const uri = LspClient.uri(`features-${size}.asl.json`);
    await client.open(uri, text);
    await client.waitForDiagnostics(uri, () => true, 60_000);
    const middle = text.indexOf('"Next": "', text.length >> 1) + '"Next": "'.length;
    const field = text.indexOf('"Resource"', text.length >> 1) + 3;
    const time = async (method: string, offset: number) => {
      const samples: number[] = [];
      for (let i = 0; i < WARM + 3; i++) {
        const t = performance.now();
        await client.request(method, { textDocument: { uri }, position: positionAt(text, offset) });
        if (i >= 3) samples.push(performance.now() - t);
      }
      return median(samples);
    };
    const completion = await time('textDocument/completion', middle);
    const hover = await time('textDocument/hover', field);
    await client.shutdown();
    console.log(`| ${countStates(text)} | ${ms(completion)} | ${ms(hover)} |`);
  }
}
