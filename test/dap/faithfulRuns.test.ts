import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { startClient } from './dapSession';

const ROOT = resolve(__dirname, '../..');
const EXAMPLES = resolve(ROOT, 'examples');

type Event = Record<string, unknown> & { type: string };

/** The events without what differs between two runs of the same input: times, and the execution's name. */
function comparable(events: Event[]): string[] {
  return events.map((e) => {
    return JSON.stringify({ ...e, timestamp: undefined }).replace(/(local|debug)-\d+/g, 'NAME');
  });
}

function cliRun(program: string, testCase: string): { events: Event[]; status: string } {
  let out: string;
  try {
    out = execFileSync(process.execPath, [resolve(ROOT, 'dist/cli.js'), 'run', program, '--json', '--test-case', testCase], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch (error) {
    out = (error as { stdout: string }).stdout;
  }
  const parsed = JSON.parse(out) as { status: string; events: Event[] };
  return { events: parsed.events, status: parsed.status };
}

/** Debugs the run to its end: continue-only, or stepping into every state and step it offers. */
async function debugRun(dc: DebugClient, program: string, testCase: string, stepping: boolean): Promise<{ events: Event[]; status: string }> {
  const events: Event[] = [];
  dc.on('aslHistory', (e: DebugProtocol.Event) => events.push(...(e.body.events as Event[])));
  const ended = dc.waitForEvent('aslEnded', 60_000);
  let steps = 0;
  if (stepping) {
    dc.on('stopped', (e: DebugProtocol.StoppedEvent) => {
      steps++;
      void dc.stepInRequest({ threadId: e.body.threadId! }).catch(() => undefined);
    });
  }
  await Promise.all([
    dc.waitForEvent('initialized').then(() => dc.configurationDoneRequest()),
    dc.launch({ program, testCase, stopOnEntry: stepping }),
  ]);
  const status = (await ended).body.status as string;
  if (stepping) assert.ok(steps > 1, 'the stepping run stopped at every state');
  return { events, status };
}

/** Every example with each of its test cases. */
function exampleRuns(): { program: string; testCase: string }[] {
  const runs: { program: string; testCase: string }[] = [];
  for (const file of readdirSync(EXAMPLES).filter((f) => f.endsWith('.mocks.json'))) {
    const mocks = JSON.parse(readFileSync(resolve(EXAMPLES, file), 'utf8')) as { StateMachines: Record<string, { TestCases: Record<string, unknown> }> };
    const name = file.replace('.mocks.json', '');
    for (const testCase of Object.keys(mocks.StateMachines[name]?.TestCases ?? {})) runs.push({ program: resolve(EXAMPLES, `${name}.asl.json`), testCase });
  }
  return runs;
}

// Issue 16 point 6: a debugged run produces the same history, output and errors as `asl run` of the same input.
// Continue-only: the same events in the same order (times and the execution's name aside). Stepping into every
// state: Map iterations and Parallel branches may interleave differently (they run concurrently, and the debugger
// holds them), so the same kinds of events and the same last event (the output, or the error and cause).
describe('debug adapter: a debugged run is the run asl run makes (every example)', function () {
  this.timeout(240_000);
  let dc: DebugClient | undefined;
  afterEach(async () => {
    await dc?.stop().catch(() => undefined);
    dc = undefined;
  });

  const runs = exampleRuns();
  it('finds the examples', () => assert.ok(runs.length >= 10, `${runs.length} example runs`));

  for (const { program, testCase } of runs) {
    const name = `${program.split('/').pop()} [${testCase}]`;
    it(`${name}: continue-only and stepping give asl run's history`, async () => {
      const expected = cliRun(program, testCase);
      dc = await startClient();
      const continued = await debugRun(dc, program, testCase, false);
      await dc.stop();
      assert.equal(continued.status, expected.status);
      assert.deepEqual(comparable(continued.events), comparable(expected.events));

      dc = await startClient();
      const stepped = await debugRun(dc, program, testCase, true);
      assert.equal(stepped.status, expected.status);
      // A mock answers a state's calls in call order ("0", "1-9"...): when concurrent iterations are stepped through
      // in another order, another iteration gets the failing answer. So: the same kinds of events, the same end.
      const kinds = (events: Event[]) => events.map((e) => e.type).sort();
      assert.deepEqual(kinds(stepped.events), kinds(expected.events));
      const end = (events: Event[]) => {
        return { ...events.at(-1)!, id: 0, previousEventId: 0, timestamp: '' };
      };
      assert.deepEqual(end(stepped.events), end(expected.events));
    });
  }
});
