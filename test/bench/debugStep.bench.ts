/**
 * The debugger's step latency (issue 16: a step answers in under 50 ms on a 1,000-state machine). A generated
 * 1,000-state machine (Tasks answered by a handlers module, Choices, a Parallel and a Map every 40 states) is
 * debugged (input {count: 0, items: []}: the Maps have no items) through the bundled adapter (dist/debugAdapter.js) as a DAP client drives it: from stopOnEntry, `next`
 * 60 times; each step is timed from the request to the `stopped` event, and with what an editor then asks
 * (threads, stackTrace, scopes, the Input's variables). Also: pausing a 100,000-transition Choice loop.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { generateMachine } from './generateMachine';
import { median, ms } from './stats';

const root = resolve(__dirname, '../..');
const STEPS = 60;
const TARGET_MS = 50;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

function resources(value: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => resources(v, out));
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (o.Type === 'Task' && typeof o.Resource === 'string') out.add(o.Resource);
    Object.values(o).forEach((v) => resources(v, out));
  }
  return out;
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'asl-debug-bench-'));
  const dc = new DebugClient('node', join(root, 'dist/debugAdapter.js'), 'asl');
  dc.defaultTimeout = 60_000;
  try {
    const text = generateMachine(1000);
    const program = join(dir, 'big.asl.json');
    writeFileSync(program, text);
    const arns = [...resources(JSON.parse(text), new Set())];
    writeFileSync(join(dir, 'handlers.mjs'), `export const handlers = {${arns.map((a) => `${JSON.stringify(a)}: (input) => ({ ok: true, echo: input })`).join(',\n')}};\n`);
    await dc.start();
    dc.on('output', (e: DebugProtocol.OutputEvent) => {
      if (e.body.category === 'stderr') process.stderr.write(e.body.output);
    });
    const first = dc.waitForEvent('stopped');
    await Promise.all([
      dc.waitForEvent('initialized').then(() => dc.configurationDoneRequest()),
      dc.launch({ program, handlers: join(dir, 'handlers.mjs'), input: { count: 0, items: [] }, stopOnEntry: true, stopBetweenSteps: false }),
    ]);
    let threadId = ((await first) as DebugProtocol.StoppedEvent).body.threadId!;
    const stepTimes: number[] = [];
    const roundTimes: number[] = [];
    for (let i = 0; i < STEPS; i++) {
      const t = performance.now();
      const stopped = dc.waitForEvent('stopped') as Promise<DebugProtocol.StoppedEvent>;
      await dc.nextRequest({ threadId });
      threadId = (await stopped).body.threadId!;
      const stepped = performance.now();
      await dc.threadsRequest();
      const trace = await dc.stackTraceRequest({ threadId });
      const scopes = await dc.scopesRequest({ frameId: trace.body.stackFrames[0].id });
      await dc.variablesRequest({ variablesReference: scopes.body.scopes[0].variablesReference });
      const done = performance.now();
      if (i >= 5) {
        stepTimes.push(stepped - t);
        roundTimes.push(done - t);
      }
    }
    console.log(`1,000-state machine, ${stepTimes.length} steps (after 5 to warm up), target < ${TARGET_MS} ms`);
    console.log(`  next → stopped:                         median ${ms(median(stepTimes))}, p95 ${ms(percentile(stepTimes, 0.95))}`);
    console.log(`  + threads, stackTrace, scopes, variables: median ${ms(median(roundTimes))}, p95 ${ms(percentile(roundTimes, 0.95))}`);
    if (median(roundTimes) > TARGET_MS) console.log(`  OVER TARGET (${TARGET_MS} ms)`);
    await dc.disconnectRequest({});
    await dc.stop();

    // A Choice loop of 100,000 transitions (Express: no history cap), paused mid-run and resumed.
    const loop = { StartAt: 'Count', States: { Count: { Type: 'Pass', Parameters: { 'n.$': 'States.MathAdd($.n, 1)' }, Next: 'More?' }, 'More?': { Type: 'Choice', Choices: [{ Variable: '$.n', NumericLessThan: 50_000, Next: 'Count' }], Default: 'Done' }, Done: { Type: 'Succeed' } } };
    writeFileSync(join(dir, 'loop.asl.json'), JSON.stringify(loop));
    const dc2 = new DebugClient('node', join(root, 'dist/debugAdapter.js'), 'asl');
    dc2.defaultTimeout = 60_000;
    await dc2.start();
    const ended = dc2.waitForEvent('aslEnded');
    const started = performance.now();
    await Promise.all([dc2.waitForEvent('initialized').then(() => dc2.configurationDoneRequest()), dc2.launch({ program: join(dir, 'loop.asl.json'), input: { n: 0 }, machineType: 'EXPRESS' })]);
    const pauseAt = performance.now();
    const paused = dc2.waitForEvent('stopped');
    await dc2.pauseRequest({ threadId: 1 });
    await paused;
    const pausedIn = performance.now() - pauseAt;
    await dc2.continueRequest({ threadId: 1 });
    await ended;
    console.log(`100,000-transition Choice loop: pause answered in ${ms(pausedIn)}; whole run (with the pause) ${ms(performance.now() - started)}`);
    await dc2.stop();
  } finally {
    await dc.stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}
