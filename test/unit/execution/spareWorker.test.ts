// The spare execution worker the language server keeps started ahead of need (spareWorker.ts): it must keep every
// isolation guarantee of a fresh worker (issue 12): one process per run, intrinsics frozen, the run's heap limit.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readlinkSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from '../../../server/src/cli/main';
import { isSetupFailure, startExecution } from '../../../server/src/execution/isolatedExecution';
import { workerScript } from '../../../server/src/execution/isolatedRun';
import { DEFAULT_LIMITS } from '../../../server/src/execution/runLimits';
import { dropSpareWorker, keepSpareWorker, spareWorkerState } from '../../../server/src/execution/spareWorker';
import { memoryIo } from '../cli/memoryIo';

const spec = (definition: unknown) => ({ definition, input: {}, stateMachineName: 'm', executionName: 'e', startTime: Date.parse('2026-01-01T00:00:00Z'), realTime: false });
const PASS = { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } };
// The attack the isolation tests use: a JSONata transform that would update Object.prototype in place.
const ATTACK = { QueryLanguage: 'JSONata', StartAt: 'P', States: { P: { Type: 'Pass', Output: "{% ( $clone := function($o){ 'x' }; $i := {} ~> | $states.input.__proto__ | {'polluted': 'yes'} |; {} ) %}", End: true } } };

async function readySpare(): Promise<number> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const state = spareWorkerState();
    if (state?.ready && state.pid) return state.pid;
    if (Date.now() > deadline) throw new Error('no spare worker became ready');
    await new Promise((done) => setTimeout(done, 20));
  }
}
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('the spare execution worker', function () {
  this.timeout(60_000);
  afterEach(() => dropSpareWorker());

  it('serves one run only: the run takes the waiting process, the next run another one, started after the first ended', async () => {
    keepSpareWorker(workerScript, DEFAULT_LIMITS.memoryMb, 0);
    const spare = await readySpare();
    const first = startExecution(spec(ATTACK), DEFAULT_LIMITS);
    assert.equal(first.pid, spare);
    assert.equal(spareWorkerState(), undefined, 'taken out of the pool');
    const result = await first.result;
    assert.ok(!isSetupFailure(result));
    // The spare froze its intrinsics when it started, as a fresh worker does.
    assert.equal(result.status, 'FAILED');
    assert.match(result.cause ?? '', /not extensible/);
    const next = await readySpare();
    assert.notEqual(next, spare);
    const second = startExecution(spec(PASS), DEFAULT_LIMITS);
    assert.equal(second.pid, next);
    assert.equal(((await second.result) as { status: string }).status, 'SUCCEEDED');
    assert.equal(alive(spare), false, 'the first run\'s process is gone');
  });

  it('is not used by a run with another memory limit (that run gets a process with its own limit)', async () => {
    keepSpareWorker(workerScript, DEFAULT_LIMITS.memoryMb, 0);
    const spare = await readySpare();
    const run = startExecution(spec(PASS), { ...DEFAULT_LIMITS, memoryMb: 64 });
    assert.notEqual(run.pid, spare);
    assert.equal(((await run.result) as { status: string }).status, 'SUCCEEDED');
    await new Promise((done) => setTimeout(done, 200));
    assert.equal(alive(spare), false, 'the spare with the other limit was ended');
  });

  it('ends when no spare is kept any more', async () => {
    keepSpareWorker(workerScript, DEFAULT_LIMITS.memoryMb, 0);
    const spare = await readySpare();
    dropSpareWorker();
    await new Promise((done) => setTimeout(done, 200));
    assert.equal(alive(spare), false);
    assert.equal(spareWorkerState(), undefined);
  });

  it('asl run starts its worker before it reads the machine, and the run takes that one (none is started after it)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'asl-ahead-'));
    writeFileSync(join(dir, 'm.asl.json'), JSON.stringify(PASS));
    const { io, out } = memoryIo(dir);
    let atRead: { pid?: number } | undefined;
    const read = io.readFile;
    io.readFile = (path) => {
      atRead ??= spareWorkerState();
      return read(path);
    };
    assert.equal(await runCli(['run', 'm.asl.json', '--json'], io), 0, out());
    assert.ok(atRead?.pid, 'a worker was starting when the machine was read');
    assert.equal(alive(atRead.pid), false, 'the run took it and it ended with the run');
    assert.equal(spareWorkerState(), undefined, 'the CLI keeps no spare after its run');
  });

  it('asl run of an invalid machine ends at once, and so does the worker it had started', () => {
    const dir = realpathSync(mkdtempSync(join(tmpdir(), 'asl-ahead-')));
    writeFileSync(join(dir, 'bad.asl.json'), JSON.stringify({ StartAt: 'Nowhere', States: { P: { Type: 'Pass', End: true } } }));
    const started = Date.now();
    const child = spawnSync(process.execPath, [resolve(__dirname, '../../../dist/cli.js'), 'run', 'bad.asl.json'], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
    assert.equal(child.status, 2, child.stderr);
    assert.match(child.stderr, /is not a valid state machine/);
    assert.ok(Date.now() - started < 10_000, 'the waiting worker keeps nothing alive');
    // The worker runs in the CLI's directory, so a process still there would be it: it exits when its parent's
    // IPC channel closes.
    if (process.platform !== 'linux') return;
    const inDir = () => readdirSync('/proc').filter((pid) => /^\d+$/.test(pid)).filter((pid) => {
      try {
        return readlinkSync(`/proc/${pid}/cwd`) === dir;
      } catch {
        return false;
      }
    });
    const deadline = Date.now() + 5_000;
    while (inDir().length > 0 && Date.now() < deadline) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    assert.deepEqual(inDir(), []);
  });
});
