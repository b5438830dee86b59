/**
 * Issue 13: re-validation of a 1,000-state machine written as YAML (`*.asl.yaml`) after a one-character edit,
 * against the same machine in JSON; target: YAML within 2x of JSON. Measured through the real server process
 * (didChange → diagnostics of that version, debounce 0, median of warm runs) and in-process (IncrementalAnalyzer).
 */
import { performance } from 'node:perf_hooks';
import { IncrementalAnalyzer } from '../../server/src/core/analyzeDocument';
import { parseDocument } from '../../server/src/core/document/parseDocument';
import { toYamlText } from '../../server/src/core/document/convertFormat';
import { LspClient } from '../lsp/lspClient';
import { generateMachine } from './generateMachine';
import { median, ms } from './stats';

const WARM_RUNS = 15;
const WARM_UP = 3;

/** Toggles one character in the middle Task's TimeoutSeconds (60 ↔ 70); the text stays valid. */
function editPoint(text: string): number {
  return text.indexOf('TimeoutSeconds', text.length / 2) + text.slice(text.indexOf('TimeoutSeconds', text.length / 2)).indexOf('60');
}

function inProcess(text: string, format: 'json' | 'yaml'): number {
  const analyzer = new IncrementalAnalyzer(format);
  analyzer.analyze(text);
  const at = editPoint(text);
  const times: number[] = [];
  let current = text;
  for (let i = 0; i < WARM_UP + WARM_RUNS; i++) {
    current = current.slice(0, at) + (i % 2 ? '6' : '7') + current.slice(at + 1);
    const t = performance.now();
    analyzer.analyze(current);
    if (i >= WARM_UP) times.push(performance.now() - t);
  }
  return median(times);
}

async function throughServer(text: string, name: string): Promise<number> {
  const client = await LspClient.start({ initializationOptions: { validationDelayMs: 0 } });
  const uri = LspClient.uri(name);
  await client.open(uri, text);
  await client.waitForDiagnostics(uri, () => true, 60_000);
  const at = editPoint(text);
  let current = text;
  const times: number[] = [];
  for (let i = 0; i < WARM_UP + WARM_RUNS; i++) {
    const insert = i % 2 ? '6' : '7';
    const range = LspClient.range(current, at, 1);
    current = current.slice(0, at) + insert + current.slice(at + 1);
    const start = performance.now();
    await client.changeAt(uri, range, insert);
    await client.waitForDiagnostics(uri, () => true, 60_000);
    if (i >= WARM_UP) times.push(performance.now() - start);
  }
  await client.shutdown();
  return median(times);
}

export async function run(): Promise<void> {
  const json = generateMachine(1000);
  const yaml = toYamlText(parseDocument(json).root!);
  console.log('| 1,000 states, one-character edit | JSON | YAML | YAML / JSON |');
  console.log('| --- | ---: | ---: | ---: |');
  const [pj, py] = [inProcess(json, 'json'), inProcess(yaml, 'yaml')];
  console.log(`| in-process re-analysis | ${ms(pj)} | ${ms(py)} | ${(py / pj).toFixed(2)}x |`);
  const [sj, sy] = [await throughServer(json, 'bench-1000.asl.json'), await throughServer(yaml, 'bench-1000.asl.yaml')];
  console.log(`| server, edit → diagnostics | ${ms(sj)} | ${ms(sy)} | ${(sy / sj).toFixed(2)}x (target ≤ 2x) |`);
}
