import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../server/src/cli/main';
import { allRules } from '../../../server/src/core/validation/rules/index';
import type { Rule } from '../../../server/src/core/validation/types';
import { memoryIo } from './memoryIo';

const GOOD = '{ "StartAt": "A", "States": { "A": { "Type": "Succeed" } } }';
const noStack = (text: string) => assert.doesNotMatch(text, /^\s+at /m, `a stack trace was printed:\n${text}`);

describe('asl validate on hostile input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'asl-hostile-'));
  mkdirSync(join(dir, 'flows/deep'), { recursive: true });
  writeFileSync(join(dir, 'flows/good.asl.json'), GOOD);
  writeFileSync(join(dir, 'flows/deep/also.asl.json'), GOOD);

  it('reports a dangling symbolic link with its path and exits 2, after checking the rest', async () => {
    const links = join(dir, 'dangling');
    mkdirSync(links);
    writeFileSync(join(links, 'real.asl.json'), GOOD);
    symlinkSync(join(links, 'gone.asl.json'), join(links, 'broken.asl.json'));
    const t = memoryIo(dir);
    assert.equal(await runCli(['validate', 'dangling'], t.io), 2);
    assert.match(t.err(), /^asl validate: dangling\/broken\.asl\.json: broken symbolic link \(no such file or folder\)$/m);
    assert.match(t.err(), /1 file\(s\) checked/);
    noStack(t.err());
  });

  it('follows a symbolic link to a readable file and checks it under the link name', async () => {
    const links = join(dir, 'linked');
    mkdirSync(links);
    writeFileSync(join(dir, 'outside.json'), '{ "StartAt": "Nope", "States": { "A": { "Type": "Succeed" } } }');
    symlinkSync(join(dir, 'outside.json'), join(links, 'machine.asl.json'));
    const t = memoryIo(dir);
    assert.equal(await runCli(['validate', 'linked'], t.io), 1);
    assert.match(t.out(), /^linked\/machine\.asl\.json:1:\d+ error unknown-state/m);
  });

  it('reports a folder link that loops back instead of following it forever', async () => {
    const loop = join(dir, 'loop');
    mkdirSync(join(loop, 'inner'), { recursive: true });
    writeFileSync(join(loop, 'inner/m.asl.json'), GOOD);
    symlinkSync(loop, join(loop, 'inner/back'));
    const t = memoryIo(dir);
    assert.equal(await runCli(['validate', 'loop'], t.io), 2);
    assert.match(t.err(), /loop\/inner\/back: symbolic link loop/);
    assert.match(t.err(), /1 file\(s\) checked/);
  });

  it('reports a folder it cannot list (chmod 000)', async function () {
    // As root (CI containers), permissions do not stop reads: the dangling-link case above covers unreadable entries.
    if (process.getuid?.() === 0) this.skip();
    const locked = join(dir, 'locked');
    mkdirSync(join(locked, 'secret'), { recursive: true });
    writeFileSync(join(locked, 'open.asl.json'), GOOD);
    chmodSync(join(locked, 'secret'), 0o000);
    try {
      const t = memoryIo(dir);
      assert.equal(await runCli(['validate', 'locked'], t.io), 2);
      assert.match(t.err(), /locked\/secret: cannot list this folder \(permission denied/);
    } finally {
      chmodSync(join(locked, 'secret'), 0o755);
    }
  });

  it('usage errors are one line and exit 2: unknown flag, bad format, missing path, invalid glob', async () => {
    for (const argv of [
      ['validate', '--colour', 'x'],
      ['validate', '--format', 'xml', 'flows'],
      ['validate', 'missing/nothing.asl.json'],
      ['validate', 'flows/{a,b/*.asl.json'],
      ['validate', 'flows/a}/*.asl.json'],
      ['validate', '{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}/*.json'],
      ['validate', '--constructor', 'flows'],
      ['constructor'],
    ]) {
      const t = memoryIo(dir);
      assert.equal(await runCli(argv, t.io), 2, argv.join(' '));
      noStack(t.err());
      const first = t.err().split('\n')[0];
      assert.match(first, /^asl( validate)?: /, argv.join(' '));
    }
  });

  it('matches a glob with many ** and stars in linear time', async () => {
    const own = mkdtempSync(join(tmpdir(), 'asl-glob-'));
    let path = own;
    for (let i = 0; i < 25; i++) mkdirSync((path = join(path, 'a')));
    writeFileSync(join(path, `${'a'.repeat(60)}.asl.json`), GOOD);
    const hostile = `${'**/'.repeat(40)}${'*a'.repeat(30)}*b.asl.json`;
    const started = performance.now();
    const t = memoryIo(own);
    assert.equal(await runCli(['validate', hostile], t.io), 2);
    assert.match(t.err(), /no file matches this pattern/);
    const t2 = memoryIo(own);
    assert.equal(await runCli(['validate', `${'**/'.repeat(40)}${'*a'.repeat(30)}*.asl.json`], t2.io), 0);
    assert.match(t2.err(), /^1 file\(s\) checked/m);
    // Backtracking took minutes here; generous bound for a loaded machine.
    assert.ok(performance.now() - started < 5000);
  });

  it('a file that starts with a byte order mark validates, with columns as the editor shows them', async () => {
    writeFileSync(join(dir, 'bom.asl.json'), '\uFEFF{ "StartAt": "A", "States": { "A": { "Type": "Pass", "Nxet": "B" } } }');
    const t = memoryIo(dir);
    assert.equal(await runCli(['validate', 'bom.asl.json'], t.io), 1);
    // Without the mark, "Nxet" starts at column 54 (1-based); no json-syntax error for the mark itself.
    const text = '{ "StartAt": "A", "States": { "A": { "Type": "Pass", "Nxet": "B" } } }';
    assert.equal(text.indexOf('"Nxet"') + 1, 54);
    assert.match(t.out(), /^bom\.asl\.json:1:54 error unknown-field Field 'Nxet'/m);
    assert.doesNotMatch(t.out(), /json-syntax/);
  });

  it('a rule that throws is an internal-error that fails the run, and the other rules still report', async () => {
    const throwing: Rule = {
      code: 'test-throwing-rule',
      defaultSeverity: 'warning',
      locality: 'state',
      description: 'throws',
      example: { bad: '', fixed: '' },
      check(ctx) {
        if (ctx.model.states.some((s) => s.name === 'A')) throw new TypeError('boom on purpose');
      },
    };
    writeFileSync(join(dir, 'internal.asl.json'), '{ "StartAt": "A", "States": { "A": { "Type": "Pass", "Nxet": 1, "End": true } } }');
    allRules.push(throwing);
    try {
      const t = memoryIo(dir);
      assert.equal(await runCli(['validate', 'internal.asl.json'], t.io), 1);
      assert.match(t.out(), /^internal\.asl\.json:1:31 error internal-error Internal error: rule 'test-throwing-rule' failed on state 'A': boom on purpose/m);
      assert.match(t.out(), /unknown-field Field 'Nxet'/);
    } finally {
      allRules.splice(allRules.indexOf(throwing), 1);
    }
  });
});
