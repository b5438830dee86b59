import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backgroundThreadArgs } from '../../server/src/backgroundThreads';
import { forkWorker } from '../../server/src/execution/spareWorker';

const node = { ...process.versions, electron: undefined } as NodeJS.ProcessVersions;

describe('backgroundThreadArgs', () => {
  it('leaves one core to the main thread: at most cores − 1 V8 background threads, at least one', () => {
    assert.deepEqual(backgroundThreadArgs(1, node), ['--v8-pool-size=1']);
    assert.deepEqual(backgroundThreadArgs(2, node), ['--v8-pool-size=1']);
    assert.deepEqual(backgroundThreadArgs(4, node), ['--v8-pool-size=3']);
  });

  it("adds nothing where Node's four are no more than that, or under Electron (which has no such option)", () => {
    assert.deepEqual(backgroundThreadArgs(5, node), []);
    assert.deepEqual(backgroundThreadArgs(64, node), []);
    assert.deepEqual(backgroundThreadArgs(2, { ...process.versions, electron: '34.5.8' }), []);
  });

  it('an execution worker is started with them, and Node accepts them', async () => {
    const script = join(tmpdir(), `asl-threads-${process.pid}.js`);
    writeFileSync(script, "process.send({ argv: process.execArgv }, () => process.exit(0));\n");
    const child = forkWorker(script, 64);
    const message = await new Promise<{ argv: string[] }>((done, fail) => {
      child.once('message', (m) => done(m as { argv: string[] }));
      child.once('exit', (code) => fail(new Error(`the worker exited (${code}) before it answered`)));
    });
    for (const arg of backgroundThreadArgs()) assert.ok(message.argv.includes(arg), `${arg} in ${message.argv.join(' ')}`);
    assert.ok(message.argv.includes('--max-old-space-size=64'));
  });
});
