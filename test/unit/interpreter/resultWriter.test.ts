/**
 * ResultWriter paths (issue 12): asl-reference §5.8.2 (a write failure is States.ResultWriterFailed). The files go
 * to Bucket/Prefix/<map run>/; a bucket S3 would refuse or a key that would climb out of the results folder is
 * refused before anything is written, and `asl run --results-dir` writes only inside its folder.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resultWriter } from '../../../server/src/cli/resultWriter';
import { runExecution } from '../../../server/src/interpreter/runExecution';
import { VirtualClock } from '../../../server/src/interpreter/virtualClock';
import { START, testServices } from './runMachine';

const processor = { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'P', States: { P: { Type: 'Pass', End: true } } };

function mapWriting(params: Record<string, unknown>, writeResult: (path: string, content: string) => Promise<void>, extra: Record<string, unknown> = {}) {
  return runExecution({
    definition: { StartAt: 'M', States: { M: { Type: 'Map', ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Parameters: params }, ItemProcessor: processor, End: true, ...extra }, C: { Type: 'Pass', End: true } } },
    input: [1, 2],
    invokeTask: async () => ({}),
    clock: new VirtualClock(START),
    services: testServices,
    writeResult,
  });
}

describe('ResultWriter paths stay inside the results folder', () => {
  it('a bucket or prefix with .. segments, a backslash or NUL is States.ResultWriterFailed and nothing is written', async () => {
    const attempts = [
      { Bucket: '..', Prefix: 'x/' },
      { Bucket: 'out', Prefix: '../../etc/' },
      { Bucket: 'out', Prefix: 'a/../../../b/' },
      { Bucket: 'out', Prefix: '..\\..\\x\\' },
      { Bucket: 'out', Prefix: 'a\u0000b/' },
      { Bucket: 'Not_A_Bucket', Prefix: '' },
      { Bucket: 'a/b', Prefix: '' },
    ];
    for (const params of attempts) {
      const written: string[] = [];
      const r = await mapWriting(params, async (path) => void written.push(path));
      assert.equal(r.error, 'States.ResultWriterFailed', JSON.stringify(params));
      assert.deepEqual(written, []);
    }
  });

  it('a failing write is States.ResultWriterFailed, which a Catch can handle', async () => {
    const r = await mapWriting({ Bucket: 'out', Prefix: 'p/' }, async () => {
      throw new Error('disk full');
    }, { End: undefined, Next: 'C', Catch: [{ ErrorEquals: ['States.ResultWriterFailed'], Next: 'C' }] });
    assert.equal(r.status, 'SUCCEEDED');
    assert.match(JSON.stringify(r.output), /disk full/);
  });

  it('the CLI writer writes inside its folder and refuses .., absolute paths, a sibling folder with the same prefix and symbolic links out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'asl-results-'));
    const root = join(dir, 'res');
    const outside = join(dir, 'outside');
    mkdirSync(outside);
    const write = resultWriter(root);
    await write('out/p/file.json', '1');
    assert.equal(readFileSync(join(root, 'out/p/file.json'), 'utf8'), '1');
    // `res-evil` starts with `res`: a prefix check without a separator let this through.
    for (const path of ['../res-evil/x.json', 'out/../../x.json', '/tmp/x.json', join(outside, 'x.json'), '..\\x.json']) {
      await assert.rejects(write(path, 'x'), /would leave/, path);
    }
    assert.equal(existsSync(join(dir, 'res-evil')), false);
    mkdirSync(join(root, 'out'), { recursive: true });
    symlinkSync(outside, join(root, 'out', 'link'));
    await assert.rejects(write('out/link/x.json', 'x'), /symbolic link/);
    await assert.rejects(write('out/link/deeper/x.json', 'x'), /symbolic link/);
    writeFileSync(join(outside, 'target.json'), 'keep');
    symlinkSync(join(outside, 'target.json'), join(root, 'out', 'file.json'));
    await assert.rejects(write('out/file.json', 'x'), /symbolic link/);
    assert.equal(readFileSync(join(outside, 'target.json'), 'utf8'), 'keep');
    assert.equal(existsSync(join(outside, 'x.json')), false);
    assert.equal(existsSync(join(outside, 'deeper')), false);
  });
});
