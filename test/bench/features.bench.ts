/**
 * Language server latency and memory on big machines (issue 17, point 3), through the real server process
 * (dist/server.js over stdio, started as our client starts it under Node: see backgroundThreads.ts; the first
 * diagnostics also with Node's default background threads), with the re-validation delay VS Code gets (the
 * server's default, 150 ms: the client sets none; a first version is validated at once):
 * - first diagnostics after didOpen of a 5,000-state file, in a fresh server (cold) and on a second file (warm),
 *   wall time and the server's CPU time for it;
 * - each feature request on that file: the first one (cold: it may build what the feature needs) and the median
 *   of warm ones; then the first request of each right after an edit (median of 5 edits), as when typing (it analyses the new version
 *   as far as it needs; the re-validation for diagnostics comes after the delay, and the server's CPU for that,
 *   edit to diagnostics, is printed too: a request that arrives while it runs waits for it);
 * - the first request a fresh server answers after opening the file, when it is the LSP outline (the first of each
 *   feature above comes after others, which paid for what first requests share);
 * - the server's memory with ten different 5,000-state files open: its V8 heap after a forced full collection (the
 *   server runs with test/bench/heapProbe.js preloaded, so the figure does not depend on when V8 last collected),
 *   and its resident memory as the OS sees it (RSS bounds the heap from above; it includes code and free heap).
 * Targets: first diagnostics < 300 ms; every feature request < 50 ms; heap < 150 MB with ten files open.
 * BENCH_BASELINE=path/to/an/older/dist (or its server.js) runs that build too, alternating with this one for
 * BENCH_ROUNDS rounds (default 1), and prints both ("before" and "after") from the same run; medians of rounds.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { HEAP_PROBE_ARGS, LspClient, SERVER_PATH } from '../lsp/lspClient';
import { positionAt } from '../lsp/features/cursor';
import { CodeLensesRequest, DocumentSymbolsRequest } from '../../server/src/protocol';
import { backgroundThreadArgs } from '../../server/src/backgroundThreads';
import { countStates, generateMachine } from './generateMachine';
import { mb, median, ms } from './stats';

const SIZE = 5000;
const WARM = 15;
const EDITS = 5;
const FILES = 10;
const TARGET_OPEN_MS = 300;
const TARGET_REQUEST_MS = 50;
const TARGET_MEMORY = 150 * 1024 * 1024;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1);

const verdict = (met: boolean) => (met ? 'met' : 'NOT MET');

/** A request's figures: first, warm median and first after an edit, each wall then server main-thread CPU. */
type RequestFigures = [first: number, warm: number, edited: number, firstCpu: number, warmCpu: number, editedCpu: number];

/** One server build's figures. */
interface Figures {
  openCold: number;
  openColdCpu: number;
  openWarm: number;
  openWarmCpu: number;
  /** Server CPU from an edit to its diagnostics (median over the edits). */
  revalidateCpu: number;
  requests: Map<string, RequestFigures>;
  heap: number;
  rss: number;
  peak: number;
}

async function openTimed(client: LspClient, uri: string, text: string): Promise<[number, number]> {
  const cpu = client.serverCpuMs() ?? 0;
  const t = performance.now();
  await client.open(uri, text);
  await client.waitForDiagnostics(uri, () => true, 60_000);
  return [performance.now() - t, (client.serverCpuMs() ?? 0) - cpu];
}

/**
 * First diagnostics of two files in a fresh server started with Node's default V8 background threads (four),
 * as an editor that runs `node dist/server.js` starts it, against the ones our client gives it.
 */
async function measureOpensWithNodeDefaults(serverPath: string, texts: string[]): Promise<[cold: number, warm: number]> {
  const client = await LspClient.start({ serverPath, nodeArgs: HEAP_PROBE_ARGS, nodeDefaultThreads: true });
  try {
    const [cold] = await openTimed(client, LspClient.uri('features-0.asl.json'), texts[0]);
    const [warm] = await openTimed(client, LspClient.uri('features-1.asl.json'), texts[1]);
    return [cold, warm];
  } finally {
    await client.shutdown();
  }
}

/**
 * The first request a fresh server answers after opening a file, when that request is the LSP outline (an editor
 * asks for it as it opens the file): it pays for what every first request shares (the line index, code not yet
 * compiled, the collections of a heap that just grew), which the rows below spread over the first of each feature.
 */
async function measureFirstOutline(serverPath: string, text: string): Promise<[wall: number, cpu: number]> {
  const client = await LspClient.start({ serverPath, nodeArgs: HEAP_PROBE_ARGS });
  try {
    const uri = LspClient.uri('features-0.asl.json');
    await openTimed(client, uri, text);
    const cpu = client.serverCpuMs() ?? 0;
    const t = performance.now();
    await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    return [performance.now() - t, (client.serverCpuMs() ?? 0) - cpu];
  } finally {
    await client.shutdown();
  }
}

async function measure(serverPath: string, texts: string[]): Promise<Figures> {
  const text = texts[0];
  const client = await LspClient.start({ serverPath, nodeArgs: HEAP_PROBE_ARGS });
  try {
    const uri = LspClient.uri('features-0.asl.json');
    const [openCold, openColdCpu] = await openTimed(client, uri, text);
    const [openWarm, openWarmCpu] = await openTimed(client, LspClient.uri('features-1.asl.json'), texts[1]);
    await client.close(LspClient.uri('features-1.asl.json'));

    const middle = text.length >> 1;
    const stateName = text.indexOf('"Root step ', text.indexOf('"States"', middle - 2000));
    const at = (offset: number) => ({ textDocument: { uri }, position: positionAt(text, offset) });
    const nextValue = text.indexOf('"Next": "', middle) + '"Next": "'.length + 2;
    const field = text.indexOf('"Resource"', middle) + 3;
    const nameAt = stateName + 3;
    const taskLine = positionAt(text, text.indexOf('"Type": "Task"', middle)).line;
    // Our client's compact requests are timed with the expansion it does before converting (as the LSP rows
    // include decoding the bigger standard answer).
    const requests: [string, string, () => unknown, ((result: never) => unknown)?][] = [
      ['completion', 'textDocument/completion', () => at(nextValue)],
      ['hover', 'textDocument/hover', () => at(field)],
      ['definition', 'textDocument/definition', () => at(nextValue)],
      ['references', 'textDocument/references', () => ({ ...at(nameAt), context: { includeDeclaration: true } })],
      ['rename', 'textDocument/rename', () => ({ ...at(nameAt), newName: 'Renamed state' })],
      ['document symbols (LSP)', 'textDocument/documentSymbol', () => ({ textDocument: { uri } })],
      // What VS Code asks, through our client (same answer, compact; an older build without it shows n/a).
      ['document symbols (asl/documentSymbols, our client)', DocumentSymbolsRequest.method, () => ({ uri }), DocumentSymbolsRequest.expand],
      ['code lens (LSP)', 'textDocument/codeLens', () => ({ textDocument: { uri } })],
      ['code lens (asl/codeLenses, our client)', CodeLensesRequest.method, () => ({ uri }), CodeLensesRequest.expand],
      // Without a rangeLimit (VS Code's client announces 5,000, which the server keeps to): all 19,000 ranges.
      ['folding ranges', 'textDocument/foldingRange', () => ({ textDocument: { uri } })],
      ['code actions', 'textDocument/codeAction', () => ({ textDocument: { uri }, range: { start: { line: taskLine, character: 4 }, end: { line: taskLine, character: 4 } }, context: { diagnostics: [] } })],
    ];
    /** [wall, server main-thread CPU] of one request. */
    const timeOne = async (method: string, params: unknown, expand?: (result: never) => unknown): Promise<[number, number]> => {
      const cpu = client.serverCpuMs() ?? 0;
      const t = performance.now();
      const answered = await client.request<never>(method, params).then((result) => (expand?.(result), true), () => false);
      return answered ? [performance.now() - t, (client.serverCpuMs() ?? 0) - cpu] : [NaN, NaN];
    };
    const figures = new Map<string, RequestFigures>();
    for (const [name, method, params, expand] of requests) {
      const cold = await timeOne(method, params(), expand);
      const warm: [number, number][] = [];
      for (let i = 0; i < WARM; i++) warm.push(await timeOne(method, params(), expand));
      figures.set(name, [cold[0], median(warm.map((w) => w[0])), 0, cold[1], median(warm.map((w) => w[1])), 0]);
    }
    // After an edit (a value changed in the middle: same offsets), each feature's first request of the new version.
    // An edit is two keystrokes (a digit typed over, then another) and leaves a text that differs from the version
    // before it (TimeoutSeconds 70, then 60, in turn): a version with the same text as the last would be no work.
    const edit = text.indexOf('"TimeoutSeconds": 60', middle) + '"TimeoutSeconds": '.length;
    let edits = 0;
    const typeOver = async () => {
      await client.changeRange(uri, text, edit, 1, '9');
      await client.changeRange(uri, text, edit, 1, edits++ % 2 === 0 ? '7' : '6');
    };
    // The median of EDITS edits each: one such request is as noisy as the collections that happen to fall in it.
    for (const [name, method, params, expand] of requests) {
      const edited: [number, number][] = [];
      for (let i = 0; i < EDITS; i++) {
        await typeOver();
        edited.push(await timeOne(method, params(), expand));
        // The diagnostics of this version, before the next edit (as after a pause in typing).
        await client.waitForDiagnostics(uri, () => true, 60_000);
      }
      figures.get(name)![2] = median(edited.map((e) => e[0]));
      figures.get(name)![5] = median(edited.map((e) => e[1]));
    }
    // An edit with no request: the server's whole work for it, from the change to its diagnostics.
    const revalidate: number[] = [];
    for (let i = 0; i < requests.length; i++) {
      const before = client.serverCpuMs() ?? 0;
      await typeOver();
      await client.waitForDiagnostics(uri, () => true, 60_000);
      revalidate.push((client.serverCpuMs() ?? 0) - before);
    }

    for (let i = 1; i < FILES; i++) await openTimed(client, LspClient.uri(`features-${i}.asl.json`), texts[i]);
    // Let the server settle (a GC after the burst of work) before reading its resident memory.
    await new Promise((done) => setTimeout(done, 1000));
    const rss = client.serverMemory('VmRSS') ?? Infinity;
    const heap = (await client.serverHeapAfterGc())?.heapUsed ?? Infinity;
    return {
      openCold,
      openColdCpu,
      openWarm,
      openWarmCpu,
      revalidateCpu: median(revalidate),
      requests: figures,
      heap,
      rss,
      peak: client.serverMemory('VmHWM') ?? Infinity,
    };
  } finally {
    await client.shutdown();
  }
}

/** Medians over rounds, figure by figure. */
function medianFigures(rounds: Figures[]): Figures {
  const m = (pick: (f: Figures) => number) => median(rounds.map(pick));
  const requests = new Map<string, RequestFigures>();
  for (const name of rounds[0].requests.keys()) {
    requests.set(name, [0, 1, 2, 3, 4, 5].map((i) => m((f) => f.requests.get(name)![i])) as RequestFigures);
  }
  return {
    openCold: m((f) => f.openCold),
    openColdCpu: m((f) => f.openColdCpu),
    openWarm: m((f) => f.openWarm),
    openWarmCpu: m((f) => f.openWarmCpu),
    revalidateCpu: m((f) => f.revalidateCpu),
    requests,
    heap: m((f) => f.heap),
    rss: m((f) => f.rss),
    peak: m((f) => f.peak),
  };
}

function baselineServer(): string | undefined {
  const given = process.env.BENCH_BASELINE;
  if (!given) return undefined;
  const path = given.endsWith('.js') ? given : join(given, 'server.js');
  if (!existsSync(path)) throw new Error(`BENCH_BASELINE: no ${path}`);
  return path;
}

export async function run(): Promise<void> {
  // Every file differs (its Comment and a renamed first state), as ten real machines would.
  const texts = Array.from({ length: FILES }, (_, i) => generateMachine(SIZE).replace('Generated machine', `Generated machine ${i}`).replaceAll('Root step 0"', `Root step 0 of ${i}"`));
  const baseline = baselineServer();
  const before: Figures[] = [];
  const after: Figures[] = [];
  const threadArgs = backgroundThreadArgs();
  const nodeDefaults: [number, number][] = [];
  const firstOutlineBefore: [number, number][] = [];
  const firstOutline: [number, number][] = [];
  for (let round = 0; round < ROUNDS; round++) {
    if (baseline) before.push(await measure(baseline, texts));
    after.push(await measure(SERVER_PATH, texts));
    if (baseline) firstOutlineBefore.push(await measureFirstOutline(baseline, texts[0]));
    firstOutline.push(await measureFirstOutline(SERVER_PATH, texts[0]));
    if (threadArgs.length) nodeDefaults.push(await measureOpensWithNodeDefaults(SERVER_PATH, texts));
  }
  const now = medianFigures(after);
  const old = baseline ? medianFigures(before) : undefined;
  const cells = (pick: (f: Figures) => string) => (old ? `${pick(old)} | ${pick(now)}` : pick(now));
  const head = old ? 'before | after' : 'figure';
  const rule = old ? '---: | ---:' : '---:';

  console.log(`Language server on a ${countStates(texts[0])}-state file (re-validation 150 ms after an edit, as in VS Code)${old ? `, before = ${baseline}` : ''}, ${ROUNDS} round(s):`);
  console.log(`| measure | ${head} | target | |`);
  console.log(`| --- | ${rule} | ---: | --- |`);
  console.log(`| didOpen → first diagnostics, fresh server | ${cells((f) => ms(f.openCold))} | < ${TARGET_OPEN_MS} ms | ${verdict(now.openCold < TARGET_OPEN_MS)} |`);
  console.log(`| … server CPU time for it | ${cells((f) => ms(f.openColdCpu))} | | |`);
  console.log(`| didOpen → first diagnostics, second file | ${cells((f) => ms(f.openWarm))} | < ${TARGET_OPEN_MS} ms | ${verdict(now.openWarm < TARGET_OPEN_MS)} |`);
  console.log(`| … server CPU time for it | ${cells((f) => ms(f.openWarmCpu))} | | |`);
  if (nodeDefaults.length) {
    const blank = old ? ' |' : '';
    console.log(`| fresh server, then second file, with Node's four V8 background threads instead of ${threadArgs.join(' ')} (as \`node dist/server.js\` starts it) |${blank} ${ms(median(nodeDefaults.map((d) => d[0])))}, ${ms(median(nodeDefaults.map((d) => d[1])))} | | |`);
  }
  console.log(`| an edit (two changes) → its diagnostics: server CPU, median | ${cells((f) => ms(f.revalidateCpu))} | | |`);

  console.log(`\n| request (wall, and the server's CPU in it)${old ? ', before → after' : ''} | first | warm (median) | first after an edit | target | |`);
  console.log('| --- | ---: | ---: | ---: | ---: | --- |');
  for (const [name, figures] of now.requests) {
    const was = old?.requests.get(name);
    const one = (f: RequestFigures, i: number) => (Number.isNaN(f[i]) ? 'n/a' : `${ms(f[i])} (${f[i + 3].toFixed(1)})`);
    const cell = (i: number) => (was ? `${one(was, i)} → ${one(figures, i)}` : one(figures, i));
    const worst = Math.max(figures[0], figures[1], figures[2]);
    console.log(`| ${name} | ${cell(0)} | ${cell(1)} | ${cell(2)} | < ${TARGET_REQUEST_MS} ms | ${verdict(worst < TARGET_REQUEST_MS)} |`);
  }
  const firstOf = (runs: [number, number][]) => `${ms(median(runs.map((r) => r[0])))} (${median(runs.map((r) => r[1])).toFixed(1)})`;
  const first = median(firstOutline.map((r) => r[0]));
  console.log(`| the first request after opening, in a fresh server: document symbols (LSP) | ${old ? `${firstOf(firstOutlineBefore)} → ` : ''}${firstOf(firstOutline)} | | | < ${TARGET_REQUEST_MS} ms | ${verdict(first < TARGET_REQUEST_MS)} |`);
  console.log(
    `\nServer memory with ${FILES} files of ${SIZE} states open: heap after a forced GC ${old ? `${mb(old.heap)} → ` : ''}${mb(now.heap)} (target < 150 MB: ${verdict(now.heap < TARGET_MEMORY)}); ` +
      `resident ${old ? `${mb(old.rss)} → ` : ''}${mb(now.rss)}, peak ${old ? `${mb(old.peak)} → ` : ''}${mb(now.peak)}`,
  );
}
