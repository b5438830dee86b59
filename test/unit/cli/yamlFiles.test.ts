import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../server/src/cli/main';
import { memoryIo } from './memoryIo';

// Issue 13 point 1: the CLI reads `*.asl.yaml` / `*.asl.yml` like `*.asl.json`.
const GOOD = `# An order flow, in YAML
StartAt: Prepare
States:
  Prepare:
    Type: Pass
    Result: {ok: yes}
    ResultPath: $.prepared
    Next: Done
  Done:
    Type: Succeed
`;
const BAD = `StartAt: Prepare
States:
  Prepare:
    Type: Pass
    Next: Nowhere
`;

describe('asl CLI on YAML definitions', () => {
  const dir = mkdtempSync(join(tmpdir(), 'asl-yaml-cli-'));
  mkdirSync(join(dir, 'flows'), { recursive: true });
  writeFileSync(join(dir, 'flows/good.asl.yaml'), GOOD);
  writeFileSync(join(dir, 'flows/bad.asl.yml'), BAD);
  writeFileSync(join(dir, 'flows/other.yaml'), 'not: a machine\n');

  it('validates a YAML file with YAML positions, and finds YAML files in folders (not other YAML)', async () => {
    const t = memoryIo(dir);
    assert.equal(await runCli(['validate', 'flows'], t.io), 1);
    assert.match(t.out(), /^flows\/bad\.asl\.yml:5:11 error unknown-state /m);
    assert.doesNotMatch(t.out(), /good\.asl\.yaml|other\.yaml/);
  });

  it('runs a YAML machine: YAML 1.1 scalars as CloudFormation reads them', async () => {
    const t = memoryIo(dir, '{"id": 1}');
    assert.equal(await runCli(['run', 'flows/good.asl.yaml', '--input', '-', '--format', 'json'], t.io), 0, t.err());
    const result = JSON.parse(t.out());
    assert.equal(result.status, 'SUCCEEDED');
    assert.deepEqual(typeof result.output === 'string' ? JSON.parse(result.output) : result.output, { id: 1, prepared: { ok: true } });
  });

  it('refuses to run a YAML machine with errors, naming the YAML line', async () => {
    const t = memoryIo(dir);
    assert.notEqual(await runCli(['run', 'flows/bad.asl.yml'], t.io), 0);
    assert.match(t.err(), /bad\.asl\.yml:5:11 error unknown-state/);
  });

  it('tests one state and draws the graph of a YAML machine', async () => {
    const t = memoryIo(dir, '{}');
    assert.equal(await runCli(['test-state', 'flows/good.asl.yaml', '--state', 'Prepare', '--input', '-'], t.io), 0, t.err());
    assert.match(t.out(), /prepared/);
    const g = memoryIo(dir);
    assert.equal(await runCli(['graph', 'flows/good.asl.yaml', '--format', 'json'], g.io), 0, g.err());
    assert.deepEqual(JSON.parse(g.out()).nodes.map((n: { label?: string; id: string }) => n.label ?? n.id).filter((n: string) => /Prepare|Done/.test(n)).length, 2);
  });
});
