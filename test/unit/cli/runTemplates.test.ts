import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from '../../../server/src/cli/main';
import { memoryIo } from './memoryIo';

const FIXTURES = resolve(__dirname, '../../fixtures/templates');

describe('asl run / graph / test-state: templates (--state-machine, --sub)', function () {
  this.timeout(60000);

  it('a template with several machines needs --state-machine: their names on stdout, exit 2', async () => {
    const t = memoryIo(FIXTURES);
    assert.equal(await runCli(['run', 'template.yaml'], t.io), 2);
    assert.deepEqual(t.out().trim().split('\n'), ['GoodMachine', 'BrokenMachine', 'LinkedMachine']);
    assert.match(t.err(), /holds 3 state machines/);
    const u = memoryIo(FIXTURES);
    assert.equal(await runCli(['run', 'template.yaml', '--state-machine', 'Nope'], u.io), 2);
    assert.match(u.err(), /has no state machine 'Nope'; it has GoodMachine, BrokenMachine, LinkedMachine/);
  });

  it('runs the chosen machine with the mock file named after the logical ID, substitutions filled in (--sub wins)', async () => {
    const t = memoryIo(FIXTURES);
    assert.equal(await runCli(['run', 'template.yaml', '--state-machine', 'GoodMachine', '--format', 'json', '--sub', 'Table=orders-test'], t.io), 0);
    assert.match(t.err(), /GoodMachine\.mocks\.json \(beside the machine\), test case HappyPath/);
    // ${WorkerArn} comes from DefinitionSubstitutions (!GetAtt Worker.Arn: a placeholder ARN of the function);
    // ${Table} from --sub instead of the template's 'orders'.
    assert.match(t.out(), /arn:aws:lambda:us-east-1:123456789012:function:Worker/);
    assert.match(t.out(), /orders-test/);
  });

  it('refuses a broken machine with its errors at the template positions (or the linked file)', async () => {
    const t = memoryIo(FIXTURES);
    assert.equal(await runCli(['run', 'template.yaml', '--state-machine', 'BrokenMachine'], t.io), 2);
    assert.match(t.err(), /^template\.yaml:52:19 error unknown-state/m);
    const u = memoryIo(FIXTURES);
    assert.equal(await runCli(['run', 'sam-uri.json', '--state-machine', 'BrokenMachine'], u.io), 2);
    assert.match(u.err(), /^statemachine\/broken\.asl\.json:4:67 error unknown-state/m);
  });

  it("the template's machine type is the run's: Type EXPRESS refuses .sync; the template's type wins over --type", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'asl-type-'));
    const machine = (type: string) => `Resources:\n  Job:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n${type}      Definition:\n        StartAt: J\n        States:\n          J: { Type: Task, Resource: "arn:aws:states:::ecs:runTask.sync", Parameters: { Cluster: c, TaskDefinition: t }, End: true }\n`;
    writeFileSync(join(dir, 'express.yaml'), machine('      Type: EXPRESS\n'));
    writeFileSync(join(dir, 'standard.yaml'), machine('      Type: STANDARD\n'));
    writeFileSync(join(dir, 'untyped.yaml'), machine(''));
    const run = async (...args: string[]) => {
      const t = memoryIo(dir);
      return { code: await runCli(['run', ...args, '--no-mocks'], t.io), err: t.err() };
    };
    const express = await run('express.yaml');
    assert.equal(express.code, 2);
    assert.match(express.err, /express\.yaml:9:38 error express-unsupported Express state machine does not support '\.sync'/);
    assert.match((await run('standard.yaml', '--type', 'express')).err, /Task state 'J' has no mock/);
    assert.match((await run('untyped.yaml', '--type', 'express')).err, /express-unsupported/);
    assert.match((await run('untyped.yaml')).err, /Task state 'J' has no mock/);
  });

  it('graph and test-state take --state-machine too', async () => {
    const t = memoryIo(FIXTURES);
    assert.equal(await runCli(['graph', 'jsonencode.tf', '--state-machine', 'good', '--format', 'json'], t.io), 0);
    assert.deepEqual((JSON.parse(t.out()) as { nodes: { label: string }[] }).nodes.map((n) => n.label).filter((l) => l !== 'Start' && l !== 'End'), ['Work', 'Done']);
    const u = memoryIo(FIXTURES);
    assert.equal(await runCli(['test-state', 'heredoc.tf', '--state-machine', 'good', '--state', 'Done'], u.io), 0);
    assert.match(u.out(), /"status": "SUCCEEDED"/);
    const v = memoryIo(FIXTURES);
    assert.equal(await runCli(['graph', 'statemachine/good.asl.json', '--state-machine', 'X'], v.io), 2);
    assert.match(v.err(), /--state-machine is for templates/);
  });
});
