import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../server/src/cli/main';
import { memoryIo } from './memoryIo';

const GOOD = '{ "StartAt": "A", "States": { "A": { "Type": "Succeed" } } }';
const BAD = '{\n  "StartAt": "A",\n  "States": { "A": { "Type": "Succeed" }, }\n}';

describe('asl validate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'asl-validate-'));
  mkdirSync(join(dir, 'flows/nested'), { recursive: true });
  writeFileSync(join(dir, 'flows/good.asl.json'), GOOD);
  writeFileSync(join(dir, 'flows/nested/bad.asl.json'), BAD);
  writeFileSync(join(dir, 'flows/notes.json'), '{}');

  it('exits 0 on a clean file', async () => {
    const t = memoryIo(dir);
    assert.equal(await runCli(['validate', 'flows/good.asl.json'], t.io), 0);
    assert.equal(t.out(), '');
  });

  it('prints file:line:col severity code message and exits 1 on errors', async () => {
    const t = memoryIo(dir);
    assert.equal(await runCli(['validate', 'flows/nested/bad.asl.json'], t.io), 1);
    assert.match(t.out(), /^flows\/nested\/bad\.asl\.json:3:41 error json-syntax Trailing comma/m);
  });

  it('prints JSON with 0-based ranges', async () => {
    const t = memoryIo(dir);
    assert.equal(await runCli(['validate', '--format', 'json', 'flows/nested/bad.asl.json'], t.io), 1);
    const problems = JSON.parse(t.out());
    assert.deepEqual(problems[0], {
      file: 'flows/nested/bad.asl.json',
      range: { start: { line: 2, character: 40 }, end: { line: 2, character: 41 } },
      severity: 'error',
      code: 'json-syntax',
      message: 'Trailing comma: JSON allows no comma before a closing bracket',
    });
  });

  it('expands folders to *.asl.json files and globs to their matches', async () => {
    const folder = memoryIo(dir);
    assert.equal(await runCli(['validate', '--format=json', 'flows'], folder.io), 1);
    assert.deepEqual([...new Set(JSON.parse(folder.out()).map((p: { file: string }) => p.file))], ['flows/nested/bad.asl.json']);
    assert.match(folder.err(), /2 file\(s\) checked/);
    const glob = memoryIo(dir);
    assert.equal(await runCli(['validate', 'flows/**/good.asl.json'], glob.io), 0);
    assert.match(glob.err(), /1 file\(s\) checked/);
  });

  it('exits 2 with a clear message for a missing file, a bad option or no file', async () => {
    const missing = memoryIo(dir);
    assert.equal(await runCli(['validate', 'nope.asl.json'], missing.io), 2);
    assert.match(missing.err(), /nope\.asl\.json: no such file or folder/);
    const option = memoryIo(dir);
    assert.equal(await runCli(['validate', '--colour', 'x.json'], option.io), 2);
    assert.match(option.err(), /unknown option '--colour'/);
    const none = memoryIo(dir);
    assert.equal(await runCli(['validate'], none.io), 2);
    assert.equal(await runCli(['frobnicate'], none.io), 2);
    assert.match(none.err(), /unknown command 'frobnicate'/);
  });

  // Issue 14 point 1: the machine type comes from the template, else from --type; Express refuses callbacks, .sync,
  // activities and Distributed Map (asl-reference §0.12, §11.12: "Express state machine does not support
  // '.waitForTaskToken' service integration").
  it('--type express refuses what an Express machine cannot run; standard (the default) accepts it; a bad type is a usage error', async () => {
    writeFileSync(join(dir, 'flows/callback.asl.json'), JSON.stringify({ StartAt: 'Pay', States: { Pay: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken', Parameters: { 'token.$': '$$.Task.Token' }, End: true } } }));
    const standard = memoryIo(dir);
    assert.equal(await runCli(['validate', 'flows/callback.asl.json'], standard.io), 0);
    const express = memoryIo(dir);
    assert.equal(await runCli(['validate', '--type', 'express', 'flows/callback.asl.json'], express.io), 1);
    assert.match(express.out(), /^flows\/callback\.asl\.json:1:\d+ error \S+ .*\.waitForTaskToken/m);
    const bad = memoryIo(dir);
    assert.equal(await runCli(['validate', '--type', 'sometimes', 'flows/callback.asl.json'], bad.io), 2);
    assert.match(bad.err(), /--type must be standard or express/);
  });
});
